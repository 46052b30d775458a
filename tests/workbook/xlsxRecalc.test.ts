/**
 * The exported .xlsx recalculated by spreadsheet engines other than the one that wrote it: the file's own
 * formulas, values and defined names (as ExcelJS reads them back from the bytes, not the layout objects) are
 * loaded into HyperFormula and recalculated; when LibreOffice (`soffice`) is installed, it recalculates the
 * file too. Both must reproduce the engine's channel, outlook and gap rows (and every other series) to 1e-9.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { isModelError, projectScenario } from "../../src/model/index";
import type { Projection, Scenario } from "../../src/model/types";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { MODEL_GEOMETRY } from "../../src/workbook/layout/modelSheet";
import type { NamedScenario } from "../../src/workbook/layout/types";
import { writeLayoutToXlsx } from "../../src/workbook/writers/xlsx";
import { named, PRESET_SCENARIOS, TINY_V2 } from "./fixtures";
import { maxSheetVsEngine, modelRows, setCell } from "./hfHelpers";

const TOLERANCE = 1e-9;

/** The first preset with the v2 channels, an offshore access per regime and two reported quarters. */
const CHANNELS: Scenario = {
  ...PRESET_SCENARIOS[0]!.scenario,
  offshoreBase: 9.5,
  offshoreGrowth: 0.08,
  regimes: Object.fromEntries(
    Object.entries(PRESET_SCENARIOS[0]!.scenario.regimes).map(([name, regime], i) => [
      name,
      { ...regime, offshoreAccess: i === 0 ? 1 : 0.6 },
    ]),
  ),
  reported: [
    { period: "Q1 FY2027", value: 4.55 },
    { period: "Q2 FY2027", value: 7.88 },
  ],
};
const SCENARIOS: NamedScenario[] = [named("Channels", CHANNELS), named("Tiny v2", TINY_V2)];

async function exportedBytes(): Promise<Uint8Array> {
  const layout = buildWorkbookLayout(SCENARIOS);
  if (isModelError(layout)) throw new Error(layout.message);
  return writeLayoutToXlsx(layout, { created: new Date(Date.UTC(2026, 11, 2)) });
}

function projectionOf(s: Scenario): Projection {
  const p = projectScenario(s);
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

/** A HyperFormula workbook holding exactly what the .xlsx file holds: formulas, constants, defined names. */
async function hyperFormulaFromXlsx(bytes: Uint8Array): Promise<HyperFormula> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  hf.batch(() => {
    for (const ws of wb.worksheets) hf.addSheet(ws.name);
    for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[])
      hf.addNamedExpression(name, `=${ranges[0]}`);
    for (const ws of wb.worksheets) {
      const contents: RawCellContent[][] = [];
      ws.eachRow((row, r) => {
        const cells: RawCellContent[] = [];
        row.eachCell((cell, c) => void (cells[c - 1] = cellContent(cell)));
        contents[r - 1] = Array.from(cells, (v) => v ?? null);
      });
      hf.setCellContents(
        { sheet: hf.getSheetId(ws.name)!, row: 0, col: 0 },
        Array.from(contents, (r) => r ?? []),
      );
    }
  });
  return hf;
}

function cellContent(cell: ExcelJS.Cell): RawCellContent {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const value = cell.value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if (value !== null && typeof value === "object" && "text" in value) return `'${String(value.text)}`;
  return null;
}

describe("the exported .xlsx, recalculated by another spreadsheet engine", () => {
  it("HyperFormula loading the file's formulas and names reproduces every row for each scenario (switch cell)", async () => {
    const hf = await hyperFormulaFromXlsx(await exportedBytes());
    for (const s of SCENARIOS) {
      setCell(hf, "CS Inputs", "B2", `'${s.name}`);
      const { worst, where } = maxSheetVsEngine(modelRows(hf), projectionOf(s.scenario));
      expect(worst, `${s.name}: ${where}`).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  const soffice = which("soffice");
  it.skipIf(soffice === undefined)(
    "LibreOffice (soffice --convert-to) recalculates the file: channel, outlook and gap rows match the engine",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "chipshift-lo-"));
      try {
        writeFileSync(path.join(dir, "model.xlsx"), await exportedBytes());
        const out = path.join(dir, "out");
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            out,
            path.join(dir, "model.xlsx"),
          ],
          { stdio: "ignore", timeout: 120_000 },
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(path.join(out, "model.xlsx")) as never);
        const rows = cachedModelRows(wb.getWorksheet("CS Model")!);
        const { worst, where } = maxSheetVsEngine(rows, projectionOf(CHANNELS));
        expect(worst, where).toBeLessThanOrEqual(TOLERANCE);
        // The rows the brief names, spelled out so that a missing row fails here by name.
        for (const id of [
          "nvidiaDataCenter",
          "nvidiaOffshore",
          "nvidiaOther",
          "nvidiaChinaOutlook",
          "reportedGap",
        ])
          expect(
            rows.get(id)?.every((v) => typeof v === "number"),
            id,
          ).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

/** Row id (column A) → the cached results LibreOffice wrote in the year columns. */
function cachedModelRows(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  ws.eachRow((row) => {
    const id = row.getCell(1).value;
    if (typeof id !== "string" || id === "") return;
    const values: unknown[] = [];
    for (let c = MODEL_GEOMETRY.firstYearColumn; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      values.push(cell.formula !== undefined ? cell.result : cell.value);
    }
    out.set(id, values);
  });
  return out;
}

function which(command: string): string | undefined {
  try {
    return execFileSync("which", [command], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { writeLayoutToXlsx } from "../../src/workbook/writers/xlsx";
import { PRESET_SCENARIOS } from "./fixtures";

async function roundTrip(): Promise<ExcelJS.Workbook> {
  const layout = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(layout)) throw new Error(layout.message);
  const bytes = await writeLayoutToXlsx(layout, { created: new Date(Date.UTC(2026, 0, 1)) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

describe("writeLayoutToXlsx(layout)", () => {
  it("writeLayoutToXlsx(layout) round-trips sheets, names, the switch validation, notes and hyperlinks", async () => {
    const wb = await roundTrip();
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["CS Inputs", "CS Model", "CS Sources", "CS Compare"]);
    expect(wb.definedNames.getRanges("CS_MarketBase").ranges).toEqual(["'CS Inputs'!$I$8"]);
    const inputs = wb.getWorksheet("CS Inputs")!;
    // 5 presets in columns D..H, so the switch list is the header row D5:H5
    expect(inputs.getCell("B2").dataValidation).toMatchObject({
      type: "list",
      formulae: ["'CS Inputs'!$D$5:$H$5"],
    });
    expect(inputs.getCell("B2").value).toBe(PRESET_SCENARIOS[0]!.name);
    // marketBase of the Base preset is cited: the note carries the citation (with its URL) and the quote
    expect(inputs.getCell("D8").note as string).toMatch(/https:\/\/.*\n“.+”/s);
    expect(inputs.getCell("D8").font?.color?.argb).toBe("FF0000FF");
    const sources = wb.getWorksheet("CS Sources")!;
    const link = sources.getCell("H4").value as { hyperlink?: string };
    expect(link.hyperlink).toMatch(/^https:\/\//);
  });

  it("writeLayoutToXlsx(layout) writes native formulas over the names, with no CHIPS.* or LET/LAMBDA/XLOOKUP", async () => {
    const wb = await roundTrip();
    const model = wb.getWorksheet("CS Model")!;
    const formulas: string[] = [];
    model.eachRow((row) =>
      row.eachCell((cell) => void (cell.formula === undefined ? 0 : formulas.push(cell.formula))),
    );
    expect(formulas.length).toBeGreaterThan(100);
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!)));
    const allowed = new Set([
      "INDEX",
      "MATCH",
      "MIN",
      "MAX",
      "EXP",
      "SUM",
      "SUMPRODUCT",
      "IF",
      "AND",
      "COUNT",
      "IFERROR",
    ]);
    expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
  });
});

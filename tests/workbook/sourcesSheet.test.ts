import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { FIGURES } from "../../src/figures/index";
import { setUserFigures } from "../../src/figures/userFigures";
import { isModelError } from "../../src/model/errors";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import {
  buildSourcesSheet,
  figureUsage,
  WHOSE_DATASET,
  WHOSE_USER,
} from "../../src/workbook/layout/sourcesSheet";
import type { LayoutCell, SheetLayout } from "../../src/workbook/layout/types";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { excelFormulaContent } from "../../src/workbook/writers/office";
import { writeLayoutToXlsx } from "../../src/workbook/writers/xlsx";
import { filingFigure, HOSTILE_TEXTS, houseEstimate } from "../figures/userFixtures";
import { named, TINY } from "./fixtures";

afterEach(() => setUserFigures([]));

/** Rows of the sheet's only block. */
function rowsOf(sheet: SheetLayout): readonly (readonly (LayoutCell | null)[])[] {
  return sheet.blocks[0]!.rows;
}

/** The row of a figure id as { header → cell }. */
function rowOf(sheet: SheetLayout, id: string): Record<string, LayoutCell | null> {
  const rows = rowsOf(sheet);
  const headers = rows[2]!.map((cell) => String(cell?.value ?? ""));
  const row = rows.find((r) => r[0]?.value === id);
  if (row === undefined) throw new Error(`no row for ${id}`);
  return Object.fromEntries(headers.map((h, i) => [h, row[i] ?? null]));
}

const FILING = FIGURES.find((fig) => fig.evidence === "filing" && fig.primary !== undefined)!;
const SECONDARY = FIGURES.find((fig) => fig.evidence === "secondary")!;

describe("buildSourcesSheet(usage)", () => {
  it("buildSourcesSheet(usage) has evidence, whose and primary-reference columns, and keeps the URL in column H", () => {
    const headers = rowsOf(buildSourcesSheet(new Map()))[2]!.map((cell) => cell?.value);
    expect(headers).toEqual([
      "Figure id",
      "Label",
      "Value",
      "Unit",
      "As of",
      "Publisher",
      "Title",
      "URL",
      "Quote",
      "Confidence",
      "Evidence",
      "Whose",
      "Primary issuer",
      "Primary form",
      "Primary period",
      "Primary section",
      "Primary URL",
      "Primary quote checked",
      "Basis note",
      "Used for",
    ]);
  });

  it("buildSourcesSheet(usage) writes a filing figure's evidence class and primary reference as text, units in words", () => {
    const sheet = buildSourcesSheet(new Map([[FILING.id, ["marketBase"]]]));
    const row = rowOf(sheet, FILING.id);
    const primary = FILING.primary!;
    expect(row["Evidence"]).toMatchObject({ value: "Filing", text: true });
    expect(row["Whose"]).toMatchObject({ value: WHOSE_DATASET, text: true });
    expect(row["Primary issuer"]).toMatchObject({ value: primary.issuer, text: true });
    expect(row["Primary form"]).toMatchObject({ value: primary.form, text: true });
    expect(row["Primary period"]).toMatchObject({ value: primary.period, text: true });
    expect(row["Primary section"]).toMatchObject({ value: primary.section, text: true });
    expect(row["Primary URL"]).toMatchObject({ value: primary.url, text: true, hyperlink: primary.url });
    expect(row["Primary quote checked"]?.value).toMatch(primary.verified ? /^Yes, against / : /^Not checked/);
    expect(String(row["Unit"]?.value)).not.toContain("_");
    expect(row["Used for"]).toMatchObject({ value: "marketBase" });
    for (const cell of Object.values(row)) expect(cell).not.toHaveProperty("formula");
  });

  it("buildSourcesSheet(usage) shows a secondary figure's class and leaves its primary columns empty when it has none", () => {
    const row = rowOf(buildSourcesSheet(new Map([[SECONDARY.id, ["x"]]])), SECONDARY.id);
    expect(row["Evidence"]?.value).toBe("Secondary");
    if (SECONDARY.primary === undefined) expect(row["Primary issuer"]?.value).toBe("");
  });

  it("buildSourcesSheet(usage) writes units in words (USD bn, not USD_billion)", () => {
    const bn = FIGURES.find((fig) => fig.unit === "USD_billion")!;
    const row = rowOf(buildSourcesSheet(new Map([[bn.id, ["x"]]])), bn.id);
    expect(row["Unit"]?.value).toBe("USD bn");
  });

  it("buildSourcesSheet(usage) lists the analyst's own figure marked as theirs, with its primary reference", () => {
    setUserFigures([filingFigure()]);
    const row = rowOf(
      buildSourcesSheet(new Map([["my_nvda_q3fy27_china", ["marketBase"]]])),
      "my_nvda_q3fy27_china",
    );
    expect(row["Whose"]?.value).toBe(WHOSE_USER);
    expect(row["Evidence"]?.value).toBe("Filing");
    expect(row["Unit"]?.value).toBe("USD m");
    expect(row["Primary form"]?.value).toBe("10-Q");
    expect(row["Primary quote checked"]?.value).toBe("Not checked against a stored copy");
    expect(row["URL"]).toMatchObject({ hyperlink: filingFigure().url, text: true });
  });

  it("buildSourcesSheet(usage) says so when a figure is neither in the dataset nor the analyst's", () => {
    const row = rowOf(buildSourcesSheet(new Map([["gone_figure", ["x"]]])), "gone_figure");
    expect(row["Label"]?.value).toMatch(/^Not found/);
    expect(row["Used for"]?.value).toBe("x");
  });
});

describe("CS Sources with the analyst's hostile text", () => {
  const hostileFigure = houseEstimate({
    id: "hostile_text",
    label: HOSTILE_TEXTS[0]!,
    quote: HOSTILE_TEXTS[1]!,
    publisher: HOSTILE_TEXTS[2]!,
    title: HOSTILE_TEXTS[3]!,
    note: HOSTILE_TEXTS[0]!,
  });

  function layoutUsingIt() {
    setUserFigures([hostileFigure]);
    const scenario = named("Mine", TINY);
    const layout = buildWorkbookLayout([
      { ...scenario, provenance: { ...scenario.provenance, marketBase: { figureId: "hostile_text" } } },
    ]);
    if (isModelError(layout)) throw new Error(layout.message);
    return layout;
  }

  it("a user figure as an input's provenance is listed in CS Sources, its text cells never formulas", () => {
    const sheet = layoutUsingIt().sheets.find((s) => s.name === "CS Sources")!;
    const row = rowOf(sheet, "hostile_text");
    expect(row["Whose"]?.value).toBe(WHOSE_USER);
    expect(row["Used for"]?.value).toBe("marketBase");
    for (const header of ["Label", "Quote", "Publisher", "Title", "Basis note"]) {
      expect(row[header]).toMatchObject({ text: true });
      expect(excelFormulaContent(row[header]!)).toBe(`'${String(row[header]!.value)}`);
    }
    expect(figureUsage([], []).size).toBe(0);
  });

  it("CS Inputs names the analyst's figure as the input's provenance, its note citing the figure", () => {
    const inputs = layoutUsingIt().sheets.find((s) => s.name === "CS Inputs")!;
    const cells = inputs.blocks.flatMap((block) => block.rows.flat()).filter((cell) => cell !== null);
    expect(cells.some((cell) => cell.value === "figure: hostile_text")).toBe(true);
    const noted = cells.find((cell) => cell.note?.includes("https://research.example.com/") === true);
    expect(noted?.note).toContain(HOSTILE_TEXTS[0]);
  });

  it("HyperFormula and .xlsx keep the hostile text as literal strings", async () => {
    const layout = layoutUsingIt();
    const hf = createHyperFormulaWorkbook(layout);
    const values = hf.getSheetValues(hf.getSheetId("CS Sources")!);
    const row = values.find((r) => r[0] === "hostile_text")!;
    expect(row[1]).toBe(HOSTILE_TEXTS[0]);
    expect(row[8]).toBe(HOSTILE_TEXTS[1]);
    const bytes = await writeLayoutToXlsx(layout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet("CS Sources")!;
    let found = false;
    ws.eachRow((r) => {
      if (r.getCell(1).value !== "hostile_text") return;
      found = true;
      expect(r.getCell(2).value).toBe(HOSTILE_TEXTS[0]);
      expect(r.getCell(2).formula).toBeUndefined();
      expect(r.getCell(9).type).toBe(ExcelJS.ValueType.String);
    });
    expect(found).toBe(true);
  });
});

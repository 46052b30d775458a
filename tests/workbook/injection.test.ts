import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import type { LayoutCell, WorkbookLayout } from "../../src/workbook/layout/types";
import { excelFormulaContent } from "../../src/workbook/writers/office";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { writeLayoutToXlsx } from "../../src/workbook/writers/xlsx";
import { named, TINY } from "./fixtures";

const PAYLOADS = [
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "\t=1",
  "'quoted",
];

function injectedLayout(): WorkbookLayout {
  const layout = buildWorkbookLayout(PAYLOADS.map((name) => named(name, TINY)));
  if (isModelError(layout)) throw new Error(layout.message);
  return layout;
}

function cellOf(layout: WorkbookLayout, text: string): LayoutCell | undefined {
  for (const sheet of layout.sheets)
    for (const block of sheet.blocks)
      for (const row of block.rows) for (const cell of row) if (cell?.value === text) return cell;
  return undefined;
}

describe("formula injection: scenario names stay text", () => {
  it("buildWorkbookLayout(scenarios) marks each name as a text value, never a formula", () => {
    const layout = injectedLayout();
    for (const payload of PAYLOADS)
      expect(cellOf(layout, payload)).toMatchObject({ value: payload, text: true });
  });

  it("writeLayoutToHyperFormula stores every payload as the literal string, and the switch still matches it", () => {
    const hf = createHyperFormulaWorkbook(injectedLayout());
    const inputs = hf.getSheetValues(hf.getSheetId("CS Inputs")!);
    expect(inputs[4]!.slice(3, 3 + PAYLOADS.length)).toEqual(PAYLOADS);
    // The switch cell holds payload 1 as text; MATCH finds it in column 1 of the scenarios.
    expect(inputs[1]![1]).toBe(PAYLOADS[0]);
    expect(inputs[2]![1]).toBe(1);
  });

  it("excelFormulaContent(cell) prefixes every string with an apostrophe and passes formulas through", () => {
    expect(excelFormulaContent({ value: "=1+1", text: true })).toBe("'=1+1");
    expect(excelFormulaContent({ value: "Base" })).toBe("'Base");
    expect(excelFormulaContent({ formula: "=SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(excelFormulaContent({ value: 2.5 })).toBe(2.5);
    expect(excelFormulaContent(null)).toBe("");
  });

  it("writeLayoutToXlsx writes payloads as string cells with no formula", async () => {
    const bytes = await writeLayoutToXlsx(injectedLayout());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet("CS Inputs")!;
    PAYLOADS.forEach((payload, i) => {
      const cell = ws.getCell(5, 4 + i);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(payload);
      expect(cell.formula).toBeUndefined();
    });
  });
});

/** Reads the computed CS Model sheet out of a HyperFormula workbook. */
import type { HyperFormula } from "hyperformula";
import { parseAddress } from "../../src/workbook/layout/address";
import { MODEL_GEOMETRY } from "../../src/workbook/layout/modelSheet";

/** Row id (column A) → the values of the year columns t = 0..n-1. */
export function modelRows(hf: HyperFormula, sheetName = "CS Model"): Map<string, unknown[]> {
  const values = hf.getSheetValues(hf.getSheetId(sheetName)!);
  const out = new Map<string, unknown[]>();
  for (const row of values) {
    const id = row[0];
    if (typeof id === "string" && id !== "") out.set(id, row.slice(MODEL_GEOMETRY.firstYearColumn - 1));
  }
  return out;
}

export function setCell(hf: HyperFormula, sheetName: string, address: string, content: unknown): void {
  const at = parseAddress(address)!;
  hf.setCellContents({ sheet: hf.getSheetId(sheetName)!, row: at.row - 1, col: at.column - 1 }, [
    [content as never],
  ]);
}

export function relativeDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-12, Math.abs(a), Math.abs(b));
}

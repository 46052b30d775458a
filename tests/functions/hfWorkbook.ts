/** HyperFormula helpers shared by the CHIPS-in-HyperFormula tests (the preview page's engine). */
import { HyperFormula } from "hyperformula";
import type { CellValue } from "hyperformula";

/** The computed values of a one-sheet workbook built from `rows` (the workbook is destroyed afterwards). */
export function sheet(rows: (string | number | null)[][]): CellValue[][] {
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

/** The error type of a cell value ("VALUE", "NA", "NUM", …), undefined when it is not an error. */
export function errorType(value: CellValue | undefined): string | undefined {
  return value !== null && typeof value === "object" && "type" in value ? String(value.type) : undefined;
}

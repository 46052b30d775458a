import { DetailedCellError } from "hyperformula";
import type { CellValue, HyperFormula, SimpleCellAddress } from "hyperformula";

/** What the preview grid shows for a cell: the formatted text and the raw value (for tests and the title). */
export interface CellDisplay {
  readonly text: string;
  readonly raw: string;
  readonly isNumber: boolean;
  readonly isError: boolean;
}

/** Column letters for a 0-based index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A cell value as a spreadsheet shows it: numbers with separators (≤ 6 decimals) or in `numberFormat` when it is
 * one of the simple Excel formats the built model uses ("0", "#,##0.00", "0.0%", "#,##0.###"), TRUE/FALSE, error
 * codes.
 */
export function cellDisplay(value: CellValue, numberFormat?: string): CellDisplay {
  if (value instanceof DetailedCellError) {
    return { text: value.value, raw: value.value, isNumber: false, isError: true };
  }
  if (typeof value === "number") {
    const text =
      formattedNumber(value, numberFormat) ?? value.toLocaleString("en-US", { maximumFractionDigits: 6 });
    return { text, raw: String(value), isNumber: true, isError: false };
  }
  if (typeof value === "boolean") {
    const text = value ? "TRUE" : "FALSE";
    return { text, raw: text, isNumber: false, isError: false };
  }
  return { text: value ?? "", raw: value ?? "", isNumber: false, isError: false };
}

/** The formula bar's text: the formula, or the entered content (text shown without its apostrophe prefix). */
export function formulaBarText(engine: HyperFormula, address: SimpleCellAddress): string {
  const formula = engine.getCellFormula(address);
  if (formula !== undefined) return formula;
  const serialized = engine.getCellSerialized(address);
  if (serialized === null || serialized === undefined) return "";
  if (serialized instanceof Date) return serialized.toISOString();
  if (typeof serialized === "object") return String(serialized);
  return String(serialized);
}

/** `value` in a simple Excel number format (`[#,##]0[.000|.###][%]`), or undefined for any other format. */
export function formattedNumber(value: number, numberFormat: string | undefined): string | undefined {
  const match = /^(#,##)?0(?:\.(0+|#+))?(%)?$/.exec(numberFormat ?? "");
  if (match === null) return undefined;
  const [, grouping, decimals = "", percent] = match;
  const places = decimals.length;
  return (
    (percent === undefined ? value : value * 100).toLocaleString("en-US", {
      useGrouping: grouping !== undefined,
      minimumFractionDigits: decimals.startsWith("#") ? 0 : places,
      maximumFractionDigits: places,
    }) + (percent ?? "")
  );
}

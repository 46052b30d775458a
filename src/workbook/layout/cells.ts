/** Small constructors for layout cells, so sheet builders read like the sheet. */
import type { CellStyle, LayoutCell } from "./types";

export function textCell(text: string, style?: CellStyle, note?: string): LayoutCell {
  return {
    value: text,
    text: true,
    ...(style === undefined ? {} : { style }),
    ...(note === undefined ? {} : { note }),
  };
}

export function numberCell(
  value: number,
  numberFormat?: string,
  style?: CellStyle,
  note?: string,
): LayoutCell {
  return {
    value,
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(style === undefined ? {} : { style }),
    ...(note === undefined ? {} : { note }),
  };
}

export function formulaCell(formula: string, numberFormat?: string, style?: CellStyle): LayoutCell {
  return {
    formula,
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(style === undefined ? {} : { style }),
  };
}

/** Pads every row with nulls to the longest row's length (blocks are rectangular). */
export function rectangular(rows: (LayoutCell | null)[][]): (LayoutCell | null)[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...new Array<null>(width - row.length).fill(null)]);
}

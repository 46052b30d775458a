import type { CellRef } from "../workbook/port";

/** Excel's way of writing a cell reference: Sheet1!B3, or 'My sheet'!B3 when the name needs quotes. */
export function cellRefText(ref: CellRef): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet);
  const sheet = plain ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.address}`;
}

/** Reading a sheet layout back by A1 address in tests. */
import { parseAddress } from "../../src/workbook/layout/address";
import type { LayoutCell, SheetLayout } from "../../src/workbook/layout/types";

/** Every cell of a sheet by A1 address. */
export function cells(sheet: SheetLayout): Map<string, LayoutCell> {
  const out = new Map<string, LayoutCell>();
  for (const block of sheet.blocks) {
    const start = parseAddress(block.topLeft);
    if (start === undefined) throw new Error(block.topLeft);
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null) out.set(`${String.fromCharCode(64 + start.column + c)}${start.row + r}`, cell);
      }),
    );
  }
  return out;
}

export function findRow(map: Map<string, LayoutCell>, text: string): number {
  for (const [address, cell] of map)
    if (cell.value === text && address.startsWith("A")) return Number(address.slice(1));
  throw new Error(`no row labelled ${text}`);
}

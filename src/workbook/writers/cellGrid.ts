/** Shared writer helpers: turn layout blocks into host-neutral grids. */
import { parseAddress } from "../layout/address";
import type { LayoutBlock, LayoutCell } from "../layout/types";

export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly cell: LayoutCell;
}

/** Every non-empty cell of a block with its 1-based sheet position. */
export function placedCells(block: LayoutBlock): PlacedCell[] {
  const start = parseAddress(block.topLeft);
  if (start === undefined) throw new Error(`writer: bad block address ${block.topLeft}`);
  const out: PlacedCell[] = [];
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null) out.push({ row: start.row + r, column: start.column + c, cell });
    }),
  );
  return out;
}

/** Block width (rows are rectangular). */
export function blockWidth(block: LayoutBlock): number {
  return Math.max(0, ...block.rows.map((row) => row.length));
}

/** Plain-text tables for the CLI's `--format table`. */
import { extent } from "../model/own";

/**
 * Aligns rows into columns two spaces apart: the first column (and any listed in `leftColumns`) padded on the
 * right, the others on the left (numbers).
 *
 * @example alignColumns([["a", "1"], ["bb", "22"]]) // "a    1\nbb  22"
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  leftColumns: readonly number[] = [0],
): string {
  const widths = (rows[0] ?? []).map((_, c) => extent(rows.map((r) => (r[c] ?? "").length))[1]);
  return rows
    .map((r) =>
      r
        .map((cell, c) =>
          leftColumns.includes(c) ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

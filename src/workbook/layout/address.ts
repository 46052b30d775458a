/** A1-address helpers (1-based rows and columns). */

/** Column letters of a 1-based column index: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B7" from (row 7, column 2). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "$B$7" from (row 7, column 2). */
export function absoluteAddress(row: number, column: number): string {
  return `$${columnLetters(column)}$${row}`;
}

/** "'CS Inputs'!$B$7:$B$9" (a single cell when the corners coincide). */
export function sheetRef(sheet: string, row1: number, col1: number, row2 = row1, col2 = col1): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const first = absoluteAddress(row1, col1);
  return row1 === row2 && col1 === col2
    ? `${quoted}!${first}`
    : `${quoted}!${first}:${absoluteAddress(row2, col2)}`;
}

/** Parses "B7" → { row: 7, column: 2 }; undefined for anything else. */
export function parseAddress(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (match === null) return undefined;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** "A5:C9" for a block of `rows` × `columns` cells starting at `topLeft`. */
export function blockRange(topLeft: string, rows: number, columns: number): string {
  const start = parseAddress(topLeft);
  if (start === undefined) throw new Error(`blockRange: bad address ${topLeft}`);
  return `${topLeft}:${cellAddress(start.row + rows - 1, start.column + columns - 1)}`;
}

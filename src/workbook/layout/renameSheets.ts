/**
 * Renames sheets throughout a layout (sheet names, formulas, names, validations, charts). Used when a user's
 * own sheet holds one of the add-in's names: the add-in writes "CS Inputs (2)" instead of overwriting it.
 * Every layout reference quotes its sheet name ('CS Inputs'!…), so a quoted-name replacement is exact.
 */
import type { LayoutBlock, WorkbookLayout } from "./types";

export function renameSheets(
  layout: WorkbookLayout,
  mapping: Readonly<Record<string, string>>,
): WorkbookLayout {
  const entries = Object.entries(mapping).filter(([from, to]) => from !== to);
  if (entries.length === 0) return layout;
  const quote = (name: string): string => `'${name.replace(/'/g, "''")}'!`;
  const fix = (text: string): string =>
    entries.reduce((acc, [from, to]) => acc.split(quote(from)).join(quote(to)), text);
  const sheetName = (name: string): string => mapping[name] ?? name;
  const block = (b: LayoutBlock): LayoutBlock => ({
    topLeft: b.topLeft,
    rows: b.rows.map((row) =>
      row.map((cell) => (cell?.formula === undefined ? cell : { ...cell, formula: fix(cell.formula) })),
    ),
  });
  return {
    sheets: layout.sheets.map((s) => ({ ...s, name: sheetName(s.name), blocks: s.blocks.map(block) })),
    names: layout.names.map((n) => ({ ...n, ref: fix(n.ref) })),
    validations: layout.validations.map((v) => ({
      ...v,
      sheet: sheetName(v.sheet),
      sourceRef: fix(v.sourceRef),
    })),
    charts: layout.charts.map((c) => ({
      ...c,
      sheet: sheetName(c.sheet),
      source: { ...c.source, sheet: sheetName(c.source.sheet) },
    })),
  };
}

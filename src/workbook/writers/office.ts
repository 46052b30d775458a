/**
 * Writes a layout into Excel with Office.js: ONE `Excel.run`, three `context.sync()` calls (1: read sheets and
 * names; 2: read charts and notes of the add-in's existing sheets; 3: write everything), whole-range writes
 * (`range.formulas`, `range.numberFormat` arrays), no sync in a loop.
 *
 * Ownership: every sheet the add-in writes gets a workbook-scoped marker name `CS_Owned_<sheet>` pointing at
 * its A1 (Excel keeps it pointing there when the sheet is renamed). A rebuild clears and rewrites the sheets
 * it owns in place (formulas elsewhere that reference them keep working). A user's sheet that merely has the
 * same name is never touched: the add-in writes "CS Inputs (2)" instead, or rejects with `sheetConflict` when
 * `onConflict: "fail"`. Other sheets are untouched.
 *
 * Strings are written with an apostrophe prefix, which Excel stores as the literal text that follows it
 * (formula injection: "=HYPERLINK(…)", "+cmd|…", "@SUM(…)", "-2+3" stay text).
 *
 * Notes: worksheet notes need ExcelApi 1.18; before that the writer falls back to comments (ExcelApi 1.10),
 * and without either it skips notes and says so in the result.
 */
import { WorkbookPortError } from "../port";
import { blockRange, cellAddress, columnLetters, parseAddress } from "../layout/address";
import { renameSheets } from "../layout/renameSheets";
import { quotedText } from "../layout/text";
import type { CellStyle, ChartSpec, LayoutBlock, LayoutCell, WorkbookLayout } from "../layout/types";
import { blockWidth, placedCells } from "./cellGrid";
import {
  buildOwnedNames,
  LAYOUT_NAME_COMMENT,
  ownedSheets,
  OWNERSHIP_COMMENT,
  ownershipMarkerFormula,
  ownershipMarkerName,
  sheetTargets,
} from "./ownership";
import { STYLE_LOOKS } from "./styles";

/** `Excel.run` or a stand-in with the same shape. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWriteOptions {
  /** What to do when a user's sheet holds one of the add-in's sheet names. Default "rename". */
  readonly onConflict?: "rename" | "fail";
  /** `Office.context.requirements.isSetSupported`, injected (tests pass a stub). Default: nothing supported. */
  readonly isSetSupported?: (name: string, minVersion: string) => boolean;
}

export interface OfficeWriteResult {
  /** Layout sheet name → the sheet actually written. */
  readonly sheets: Readonly<Record<string, string>>;
  /** Layout sheet names that were written under another name because a user's sheet had that name. */
  readonly renamed: readonly string[];
  readonly notes: "notes" | "comments" | "skipped";
  readonly syncs: number;
}

export const CHART_TYPES = {
  line: "Line",
  stackedArea: "AreaStacked",
  column: "ColumnClustered",
  bar: "BarClustered",
} as const;

export async function writeLayoutToExcel(
  run: ExcelRunner,
  layout: WorkbookLayout,
  options: OfficeWriteOptions = {},
): Promise<OfficeWriteResult> {
  const supported = options.isSetSupported ?? (() => false);
  const notesMode = supported("ExcelApi", "1.18")
    ? "notes"
    : supported("ExcelApi", "1.10")
      ? "comments"
      : "skipped";
  return run(async (context) => {
    let syncs = 0;
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items/name");
    const names = workbook.names;
    names.load("items/name,items/formula,items/comment");
    await context.sync();
    syncs++;

    const existing = new Set(worksheets.items.map((ws) => ws.name));
    const targets = sheetTargets(
      layout.sheets.map((sheet) => sheet.name),
      existing,
      ownedSheets(names.items, existing),
      options.onConflict,
    );
    if (targets instanceof WorkbookPortError) throw targets;
    const { mapping, renamed, reused } = targets;
    const target = renameSheets(layout, mapping);

    const charts = reused.map((name) => worksheets.getItem(name).charts.load("items/name"));
    const oldNotes =
      notesMode === "notes"
        ? reused.map((name) => worksheets.getItem(name).notes.load("items"))
        : notesMode === "comments"
          ? reused.map((name) => worksheets.getItem(name).comments.load("items"))
          : [];
    await context.sync();
    syncs++;

    for (const collection of charts) for (const chart of collection.items) chart.delete();
    for (const collection of oldNotes) for (const note of collection.items) note.delete();
    // Only ChipShift's own names: a user's "CS_Budget" and the results sheets' markers stay.
    const owned = buildOwnedNames(
      names.items,
      layout.sheets.map((sheet) => sheet.name),
      target.names.map((name) => name.name),
    );
    for (const item of owned) (item as Excel.NamedItem).delete();

    for (const sheet of target.sheets) {
      const ws = reused.includes(sheet.name) ? worksheets.getItem(sheet.name) : worksheets.add(sheet.name);
      if (reused.includes(sheet.name)) {
        ws.getRange().clear("All");
        ws.freezePanes.unfreeze();
      }
      for (const block of sheet.blocks) writeBlock(ws, block, notesMode, workbook, sheet.name);
      for (const { column, width } of sheet.columnWidths) {
        ws.getRange(`${columnLetters(column)}:${columnLetters(column)}`).format.columnWidth = width * 7;
      }
      const freeze = sheet.freeze;
      if (freeze !== undefined && freeze.rows > 0 && freeze.columns > 0)
        ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(freeze.rows, freeze.columns)}`));
      else if (freeze !== undefined && freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
      else if (freeze !== undefined && freeze.columns > 0) ws.freezePanes.freezeColumns(freeze.columns);
    }
    for (const layoutSheet of layout.sheets) {
      const actual = mapping[layoutSheet.name]!;
      names.add(ownershipMarkerName(layoutSheet.name), ownershipMarkerFormula(actual), OWNERSHIP_COMMENT);
    }
    for (const name of target.names) names.add(name.name, `=${name.ref}`, LAYOUT_NAME_COMMENT);
    for (const validation of target.validations) {
      const range = worksheets.getItem(validation.sheet).getRange(validation.address);
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: `=${validation.sourceRef}` } };
    }
    for (const spec of target.charts) addChart(worksheets, spec);
    await context.sync();
    syncs++;
    return { sheets: mapping, renamed, notes: notesMode, syncs };
  });
}

export { OWNERSHIP_COMMENT };

/**
 * Adds one layout chart without syncing; `sheetOf` maps a layout sheet name to the sheet actually written
 * (identity when the spec is already renamed).
 */
export function addChart(
  worksheets: Excel.WorksheetCollection,
  spec: ChartSpec,
  sheetOf: (layoutSheet: string) => string = (name) => name,
): void {
  const source = worksheets.getItem(sheetOf(spec.source.sheet)).getRange(spec.source.range);
  const chart = worksheets.getItem(sheetOf(spec.sheet)).charts.add(CHART_TYPES[spec.kind], source, "Rows");
  chart.name = `CS_${spec.id}`;
  chart.title.text = spec.title;
  chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.setPosition(spec.anchor.from, spec.anchor.to);
}

/** The array element Excel's `range.formulas` should receive for one layout cell. */
export function excelFormulaContent(cell: LayoutCell | null): string | number | boolean {
  if (cell === null) return "";
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") return quotedText(cell.value);
  return cell.value ?? "";
}

/** Writes one layout block (values/formulas, number formats, styles, hyperlinks, notes) without syncing. */
export function writeBlock(
  ws: Excel.Worksheet,
  block: LayoutBlock,
  notesMode: OfficeWriteResult["notes"],
  workbook: Excel.Workbook,
  sheetName: string,
): void {
  const width = blockWidth(block);
  if (width === 0 || block.rows.length === 0) return;
  const range = ws.getRange(blockRange(block.topLeft, block.rows.length, width));
  range.formulas = block.rows.map((row) => row.map(excelFormulaContent));
  range.numberFormat = block.rows.map((row) => row.map((cell) => cell?.numberFormat ?? "General"));
  const start = parseAddress(block.topLeft)!;
  block.rows.forEach((row, r) => {
    let runStart = 0;
    for (let c = 1; c <= row.length; c++) {
      const style = row[runStart]?.style;
      if (c < row.length && row[c]?.style === style) continue;
      if (style !== undefined)
        applyStyle(
          ws.getRange(
            `${cellAddress(start.row + r, start.column + runStart)}:${cellAddress(start.row + r, start.column + c - 1)}`,
          ),
          style,
        );
      runStart = c;
    }
  });
  for (const { row, column, cell } of placedCells(block)) {
    const address = cellAddress(row, column);
    if (cell.hyperlink !== undefined)
      ws.getRange(address).hyperlink = {
        address: cell.hyperlink,
        textToDisplay: String(cell.value ?? cell.hyperlink),
      };
    if (cell.note === undefined) continue;
    if (notesMode === "notes") ws.notes.add(address, cell.note);
    else if (notesMode === "comments")
      workbook.comments.add(`'${sheetName.replace(/'/g, "''")}'!${address}`, cell.note);
  }
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const look = STYLE_LOOKS[style];
  const font = range.format.font;
  if (look.fontColor !== undefined) font.color = `#${look.fontColor}`;
  if (look.bold === true) font.bold = true;
  if (look.italic === true) font.italic = true;
  if (look.underline === true) font.underline = "Single";
  if (look.fontSize !== undefined) font.size = look.fontSize;
  if (look.fill !== undefined) range.format.fill.color = `#${look.fill}`;
}

/**
 * Writes a layout to a standalone .xlsx with ExcelJS: values, native formulas (no cached results: the file
 * asks the spreadsheet to recalculate on load), number formats, styles, column widths, frozen panes, workbook
 * names, the scenario-switch list validation, cell notes and hyperlinks. ExcelJS cannot write charts, so the
 * layout's chart specs are not in the file (the Office.js writer adds them in Excel).
 */
import ExcelJS from "exceljs";
import { parseAddress } from "../layout/address";
import type { WorkbookLayout } from "../layout/types";
import { placedCells } from "./cellGrid";
import { STYLE_LOOKS } from "./styles";

export interface XlsxOptions {
  readonly creator?: string;
  /** Fixed timestamps make byte-for-byte comparable output. */
  readonly created?: Date;
}

/** The .xlsx file bytes for `layout`. */
export async function writeLayoutToXlsx(
  layout: WorkbookLayout,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "ChipShift";
  if (options.created !== undefined) {
    workbook.created = options.created;
    workbook.modified = options.created;
  }
  workbook.calcProperties.fullCalcOnLoad = true;

  for (const sheet of layout.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const { column, width } of sheet.columnWidths) ws.getColumn(column).width = width;
    if (sheet.freeze !== undefined && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
    }
    for (const block of sheet.blocks) {
      for (const { row, column, cell } of placedCells(block)) {
        const target = ws.getCell(row, column);
        if (cell.formula !== undefined) {
          target.value = { formula: cell.formula.replace(/^=/, ""), date1904: false };
        } else if (cell.hyperlink !== undefined && typeof cell.value === "string") {
          target.value = { text: cell.value, hyperlink: cell.hyperlink };
        } else if (cell.value !== undefined) {
          // ExcelJS stores a JS string as a shared string: text, never a formula.
          target.value = cell.value;
        }
        if (cell.text === true) target.numFmt = "@";
        else if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
        if (cell.note !== undefined) target.note = cell.note;
        if (cell.style !== undefined) {
          const look = STYLE_LOOKS[cell.style];
          target.font = {
            ...(look.bold === true ? { bold: true } : {}),
            ...(look.italic === true ? { italic: true } : {}),
            ...(look.underline === true ? { underline: true } : {}),
            ...(look.fontSize === undefined ? {} : { size: look.fontSize }),
            ...(look.fontColor === undefined ? {} : { color: { argb: `FF${look.fontColor}` } }),
          };
          if (look.fill !== undefined)
            target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } };
        }
      }
    }
  }
  for (const name of layout.names) workbook.definedNames.add(name.ref, name.name);
  for (const validation of layout.validations) {
    const ws = workbook.getWorksheet(validation.sheet);
    if (ws === undefined || parseAddress(validation.address) === undefined)
      throw new Error(`writeLayoutToXlsx: bad validation target ${validation.sheet}!${validation.address}`);
    ws.getCell(validation.address).dataValidation = {
      type: "list",
      allowBlank: false,
      showErrorMessage: true,
      errorTitle: "ChipShift",
      error: "Pick one of the scenarios in the header row",
      formulae: [validation.sourceRef],
    };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * Writes a layout into a HyperFormula instance (development preview and tests; HyperFormula is GPL-3.0 and
 * never part of the production bundle). Values, formulas and named expressions are written; styles, notes,
 * validations and charts have no HyperFormula equivalent and are skipped. Every string is written with a
 * quote prefix, which HyperFormula stores as the literal text that follows (never a formula or number).
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseAddress } from "../layout/address";
import { quotedText } from "../layout/text";
import type { LayoutCell, WorkbookLayout } from "../layout/types";

export const HYPERFORMULA_LICENSE = "gpl-v3";

/** A fresh HyperFormula workbook holding `layout` (smartRounding off: values read back at full precision). */
export function createHyperFormulaWorkbook(layout: WorkbookLayout): HyperFormula {
  const hf = HyperFormula.buildEmpty({ licenseKey: HYPERFORMULA_LICENSE, smartRounding: false });
  writeLayoutToHyperFormula(hf, layout);
  return hf;
}

/**
 * Writes (or rewrites) the layout's sheets into `hf`: existing sheets of the same names are cleared in place,
 * other sheets are untouched; names are replaced.
 */
export function writeLayoutToHyperFormula(hf: HyperFormula, layout: WorkbookLayout): void {
  hf.batch(() => {
    for (const sheet of layout.sheets) {
      if (hf.doesSheetExist(sheet.name)) hf.clearSheet(hf.getSheetId(sheet.name)!);
      else hf.addSheet(sheet.name);
    }
    for (const name of layout.names) {
      const expression = `=${name.ref}`;
      if (hf.listNamedExpressions().includes(name.name)) hf.changeNamedExpression(name.name, expression);
      else hf.addNamedExpression(name.name, expression);
    }
    for (const sheet of layout.sheets) {
      const sheetId = hf.getSheetId(sheet.name)!;
      for (const block of sheet.blocks) {
        const start = parseAddress(block.topLeft);
        if (start === undefined) throw new Error(`writeLayoutToHyperFormula: bad address ${block.topLeft}`);
        const contents: RawCellContent[][] = block.rows.map((row) => row.map(hyperFormulaContent));
        hf.setCellContents({ sheet: sheetId, row: start.row - 1, col: start.column - 1 }, contents);
      }
    }
  });
}

/** The raw content HyperFormula should receive for one layout cell. */
export function hyperFormulaContent(cell: LayoutCell | null): RawCellContent {
  if (cell === null) return null;
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") return quotedText(cell.value);
  return cell.value ?? null;
}

import type { HyperFormula } from "hyperformula";
import { registerChipsFunctions } from "./hyperformulaChips";
import { createPreviewWorkbookWith } from "./previewWorkbook";
import type { PreviewWorkbook } from "./previewWorkbook";

export type { PreviewWorkbook } from "./previewWorkbook";

/**
 * The preview workbook with the CHIPS custom functions registered: one sheet "Sheet1", active cell A1.
 * A registration failure is logged and leaves the workbook usable (CHIPS formulas then show #NAME?), with
 * `functionsRegistered` false, so the preview still shows what the pane writes.
 */
export function createPreviewWorkbook(): PreviewWorkbook {
  return createPreviewWorkbookWith({ registerFunctions: registerChips });
}

function registerChips(hyperFormula: typeof HyperFormula): boolean {
  try {
    registerChipsFunctions(hyperFormula);
    return true;
  } catch (error) {
    console.error("ChipShift preview: registering the CHIPS functions failed", error);
    return false;
  }
}

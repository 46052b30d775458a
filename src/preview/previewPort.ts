import type { HyperFormula } from "hyperformula";
import * as chips from "./hyperformulaChips";
import { createPreviewWorkbookWith } from "./previewWorkbook";
import type { PreviewWorkbook } from "./previewWorkbook";

export type { PreviewWorkbook } from "./previewWorkbook";

/**
 * The preview workbook with the CHIPS custom functions registered: one sheet "Sheet1", active cell A1.
 * Registration is global to the HyperFormula class, so it runs once per page; a failure is logged and leaves the
 * workbook usable (CHIPS formulas then show #NAME?), with `functionsRegistered` false.
 */
export function createPreviewWorkbook(): PreviewWorkbook {
  return createPreviewWorkbookWith({ registerFunctions: registerChipsOnce });
}

let registration: boolean | undefined;

function registerChipsOnce(hyperFormula: typeof HyperFormula): boolean {
  if (registration !== undefined) return registration;
  const register: unknown = (chips as Record<string, unknown>).registerChipsFunctions;
  if (typeof register !== "function") {
    console.warn("ChipShift preview: registerChipsFunctions is missing; CHIPS formulas will show #NAME?");
    registration = false;
    return registration;
  }
  try {
    (register as (hf: typeof HyperFormula) => unknown)(hyperFormula);
    registration = true;
  } catch (error) {
    console.error("ChipShift preview: registering the CHIPS functions failed", error);
    registration = false;
  }
  return registration;
}

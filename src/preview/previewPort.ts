import type { HyperFormula } from "hyperformula";
import { registerChipsFunctions } from "./hyperformulaChips";
import { createPreviewWorkbookWith } from "./previewWorkbook";
import type { PreviewWorkbook } from "./previewWorkbook";
import type { ChartSpec, SheetLayout } from "../workbook/layout/types";
import type { WriteSummary } from "../workbook/port";
import { WorkbookPortError } from "../workbook/port";
import { writeLayoutToHyperFormula } from "../workbook/writers/hyperformula";

export type { PreviewWorkbook } from "./previewWorkbook";

/**
 * The preview workbook with the CHIPS custom functions registered: one sheet "Sheet1", active cell A1.
 * A registration failure is logged and leaves the workbook usable (CHIPS formulas then show #NAME?), with
 * `functionsRegistered` false, so the preview still shows what the pane writes.
 */
export function createPreviewWorkbook(): PreviewWorkbook {
  return withSheetWriter(createPreviewWorkbookWith({ registerFunctions: registerChips }));
}

/**
 * Adds `writeSheets` to a preview workbook's port: the layout sheets are written with the HyperFormula layout
 * writer (existing sheets of those names are cleared and rewritten; charts have no HyperFormula equivalent),
 * then the grid is told to re-render and shows the first written sheet.
 */
export function withSheetWriter(workbook: PreviewWorkbook): PreviewWorkbook {
  let extraRevision = 0;
  const listeners = new Set<() => void>();
  const writeSheets = (
    sheets: readonly SheetLayout[],
    charts: readonly ChartSpec[],
  ): Promise<WriteSummary> => {
    try {
      writeLayoutToHyperFormula(workbook.engine, { sheets, names: [], validations: [], charts: [] });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(
        new WorkbookPortError("writeFailed", `The preview workbook rejected the write: ${reason}`),
      );
    }
    const first = sheets[0];
    if (first !== undefined) workbook.selectCell({ sheet: first.name, address: "A1" });
    extraRevision += 1;
    for (const listener of [...listeners]) listener();
    return Promise.resolve({
      sheets: Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.name])),
      charts: charts.length,
    });
  };
  return {
    ...workbook,
    port: { ...workbook.port, writeSheets },
    subscribe: (listener) => {
      listeners.add(listener);
      const unsubscribe = workbook.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
    revision: () => workbook.revision() + extraRevision,
  };
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

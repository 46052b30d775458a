/**
 * "Write results" shared by the Simulate and Sensitivity tabs: the write's status in the pane store, and the
 * effect that writes one result sheet through the `WorkbookPort` and dispatches the outcome.
 */
import type { ChartSpec, SheetLayout } from "../../workbook/layout/types";
import type { WorkbookPort } from "../../workbook/port";
import { NO_SHEET_WRITER, writeErrorMessage } from "../simulate/messages";

export type WriteStatus =
  | { readonly status: "idle" }
  | { readonly status: "writing" }
  | { readonly status: "written"; readonly sheet: string }
  | { readonly status: "failed"; readonly message: string };

/** Which result a write is for (each has its own status in the store). */
export type WriteTarget = "simulation" | "sensitivity" | "evidence";

export type WriteAction =
  | { readonly type: "writeStarted"; readonly target: WriteTarget }
  | { readonly type: "writeSucceeded"; readonly target: WriteTarget; readonly sheet: string }
  | { readonly type: "writeFailed"; readonly target: WriteTarget; readonly message: string };

/** The write status a write action leads to (the same from any earlier status). */
export function writeStatusAfter(action: WriteAction): WriteStatus {
  switch (action.type) {
    case "writeStarted":
      return { status: "writing" };
    case "writeSucceeded":
      return { status: "written", sheet: action.sheet };
    case "writeFailed":
      return { status: "failed", message: action.message };
  }
}

/**
 * Writes the sheet `layoutOf()` returns (built only when the port can write sheets) and dispatches
 * `writeStarted`, then `writeSucceeded` with the sheet actually written or `writeFailed` with pane text.
 */
export function writeResultSheet(
  port: WorkbookPort | null,
  target: WriteTarget,
  layoutOf: () => { readonly sheet: SheetLayout; readonly charts: readonly ChartSpec[] },
  dispatch: (action: WriteAction) => void,
): void {
  if (port === null || port.writeSheets === undefined) {
    dispatch({ type: "writeFailed", target, message: NO_SHEET_WRITER });
    return;
  }
  const { sheet, charts } = layoutOf();
  dispatch({ type: "writeStarted", target });
  port.writeSheets([sheet], charts).then(
    (summary) =>
      dispatch({ type: "writeSucceeded", target, sheet: summary.sheets[sheet.name] ?? sheet.name }),
    (error: unknown) => dispatch({ type: "writeFailed", target, message: writeErrorMessage(error) }),
  );
}

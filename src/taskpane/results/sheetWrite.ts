/**
 * "Write results" shared by the Simulate and Sensitivity tabs: the write's status in their reducers, and the
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

export type WriteAction =
  | { readonly type: "writeStarted" }
  | { readonly type: "writeSucceeded"; readonly sheet: string }
  | { readonly type: "writeFailed"; readonly message: string };

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
  layoutOf: () => { readonly sheet: SheetLayout; readonly charts: readonly ChartSpec[] },
  dispatch: (action: WriteAction) => void,
): void {
  if (port === null || port.writeSheets === undefined) {
    dispatch({ type: "writeFailed", message: NO_SHEET_WRITER });
    return;
  }
  const { sheet, charts } = layoutOf();
  dispatch({ type: "writeStarted" });
  port.writeSheets([sheet], charts).then(
    (summary) => dispatch({ type: "writeSucceeded", sheet: summary.sheets[sheet.name] ?? sheet.name }),
    (error: unknown) => dispatch({ type: "writeFailed", message: writeErrorMessage(error) }),
  );
}

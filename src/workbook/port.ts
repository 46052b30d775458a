/**
 * The pane's only door to a workbook. Two implementations: Office.js (real Excel, one `Excel.run` per
 * operation) and the development preview (HyperFormula). React components receive a `WorkbookPort` as a prop
 * and never touch `Excel` directly.
 *
 * Later features add methods here (layout build, scenario read-back, simulation write); each method is one
 * operation and rejects with a `WorkbookPortError` rather than swallowing failures.
 */
import type { ChartSpec, SheetLayout } from "./layout/types";

export interface CellRef {
  readonly sheet: string;
  /** A1-style address of the top-left cell of the selection, e.g. "B3". */
  readonly address: string;
}

export type CellContent =
  | { readonly kind: "value"; readonly value: number | string }
  | { readonly kind: "formula"; readonly formula: string };

/** What `writeSheets` wrote. */
export interface WriteSummary {
  /** Layout sheet name → the sheet actually written (a user's sheet of the same name is never overwritten). */
  readonly sheets: Readonly<Record<string, string>>;
  readonly charts: number;
}

export interface WorkbookPort {
  readonly host: "excel" | "preview";
  /** The active cell (top-left of the selection). */
  getActiveCell(): Promise<CellRef>;
  /** Writes one value or formula into the active cell; text is always written as text, never evaluated. */
  insertAtActiveCell(content: CellContent): Promise<CellRef>;
  /**
   * Writes whole result sheets (values, formats, charts) in one operation, replacing the add-in's own sheets
   * of those names in place; other sheets and workbook names are untouched. Office.js: ≤ 2 `context.sync()`.
   */
  writeSheets?(sheets: readonly SheetLayout[], charts: readonly ChartSpec[]): Promise<WriteSummary>;
}

export type WorkbookPortErrorCode = "noSelection" | "hostUnavailable" | "writeFailed" | "readFailed" | "sheetConflict";

export class WorkbookPortError extends Error {
  constructor(
    readonly code: WorkbookPortErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookPortError";
  }
}

/**
 * The pane's only door to a workbook. Two implementations: Office.js (real Excel, one `Excel.run` per
 * operation) and the development preview (HyperFormula). React components receive a `WorkbookPort` as a prop
 * and never touch `Excel` directly.
 *
 * Later features add methods here (layout build, scenario read-back, simulation write); each method is one
 * operation and rejects with a `WorkbookPortError` rather than swallowing failures.
 */
import type { ChartSpec, SheetLayout, WorkbookLayout } from "./layout/types";

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

/** What `buildModel` wrote. */
export interface BuildSummary {
  /** Layout sheet name → the sheet actually written. */
  readonly sheets: Readonly<Record<string, string>>;
  /** Layout sheet names written under another name because a user's sheet already had that name. */
  readonly renamed: readonly string[];
  /** How cell notes were written: worksheet notes, comments (older Excel) or not at all (preview). */
  readonly notes: "notes" | "comments" | "skipped";
  /** `context.sync()` calls the build took (0 in the preview). */
  readonly syncs: number;
}

export interface BuildOptions {
  /** A user's sheet holding one of the add-in's sheet names: write "<name> (2)" or reject with `sheetConflict`. */
  readonly onConflict: "rename" | "fail";
}

/** The add-in's own Inputs sheet as values from A1 (for `readScenariosFromInputs`). */
export interface InputsSheetGrid {
  readonly sheetName: string;
  readonly grid: unknown[][];
}

/** What `makePortable` replaced: the count of cells and their "Sheet!A1" addresses. */
export interface PortableSummary {
  readonly replaced: number;
  readonly cells: string[];
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
  /**
   * Writes the built model (sheets, names, validations, charts). A rebuild rewrites the add-in's own sheets in
   * place; a user's sheet with a clashing name is renamed around or rejected (`sheetConflict`) per `options`.
   * Office.js: one `Excel.run`, ≤ 3 syncs.
   */
  buildModel?(layout: WorkbookLayout, options: BuildOptions): Promise<BuildSummary>;
  /** The add-in-owned Inputs sheet's values, or null when the workbook has none. Office.js: ≤ 2 syncs. */
  readInputsSheet?(): Promise<InputsSheetGrid | null>;
  /** Replaces every `CHIPS.*` formula in the workbook with its current value (spilled results included). */
  makePortable?(): Promise<PortableSummary>;
  /**
   * Stores ChipShift's saved document (`src/workbook/document.ts` JSON) in the workbook, replacing the previous
   * one. Office.js: a custom XML part in namespace "urn:chipshift:workbook:v1", one `Excel.run`, ≤ 2 syncs.
   */
  saveDocument?(text: string): Promise<void>;
  /** The saved document's text, or null when the workbook has none. Office.js: ≤ 2 syncs. */
  loadDocument?(): Promise<string | null>;
  /**
   * Recalculates every formula, custom functions included, so `=CHIPS.FIGURE("id")` cells take an edit or a
   * deletion of the analyst's figure without Ctrl+Alt+F9. Office.js: `application.calculate("Full")`
   * (ExcelApi 1.1: Windows, Mac and the web; a custom function is not volatile, so "Recalculate", which only
   * computes dirty cells, would leave it stale), one `Excel.run`, one sync.
   */
  recalculate?(): Promise<void>;
}

export type WorkbookPortErrorCode =
  "noSelection" | "hostUnavailable" | "writeFailed" | "readFailed" | "sheetConflict";

export class WorkbookPortError extends Error {
  constructor(
    readonly code: WorkbookPortErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookPortError";
  }
}

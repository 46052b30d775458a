/**
 * The pure workbook layout: what goes in which cell. Three writers consume it (Office.js, HyperFormula,
 * ExcelJS); nothing about the layout is written twice.
 *
 * Text rule: a `value` of type string is ALWAYS text. Formulas exist only in `formula`. Writers must make sure
 * a string such as "=HYPERLINK(…)", "+cmd|…", "@SUM(…)" or "-2+3" is stored as text, never evaluated.
 */
import type { Provenance, Scenario } from "../../model/types";

export type CellStyle = "title" | "header" | "label" | "input" | "output" | "note" | "link" | "check";

export type CellValue = string | number | boolean;

export interface LayoutCell {
  /** A constant. A string is always text (see the text rule above). */
  readonly value?: CellValue;
  /** A native formula, starting with "=". Only functions Excel, HyperFormula and LibreOffice all compute. */
  readonly formula?: string;
  /** Marks user text (scenario names, notes, regime and vendor names): written as text by every writer. */
  readonly text?: boolean;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** A cell note (source + quote for cited inputs, rationale for assumptions). */
  readonly note?: string;
  /** An external URL. */
  readonly hyperlink?: string;
}

/** A rectangular block written as one range (rows of equal length; `null` = empty cell). */
export interface LayoutBlock {
  /** A1 address of the top-left cell, e.g. "A5". */
  readonly topLeft: string;
  readonly rows: readonly (readonly (LayoutCell | null)[])[];
}

export interface SheetLayout {
  readonly name: string;
  readonly blocks: readonly LayoutBlock[];
  /** Column widths in characters (Excel's unit), by 1-based column index. */
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  /** Frozen rows (from the top) and columns (from the left). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
}

export interface NamedRange {
  readonly name: string;
  /** Absolute reference with a quoted sheet name, e.g. "'CS Inputs'!$H$7" (no leading "="). */
  readonly ref: string;
}

export interface ListValidation {
  readonly sheet: string;
  readonly address: string;
  /** Absolute reference of the allowed values, e.g. "'CS Inputs'!$D$5:$G$5" (no leading "="). */
  readonly sourceRef: string;
}

/** "column" (vertical bars, e.g. a histogram) and "bar" (horizontal, e.g. a tornado) are clustered charts. */
export type ChartKind = "line" | "stackedArea" | "column" | "bar";

export interface ChartSpec {
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The sheet the chart is placed on. */
  readonly sheet: string;
  /** Data range (first row = category labels, first column = series names), series in rows. */
  readonly source: { readonly sheet: string; readonly range: string };
  /** Placement: top-left and bottom-right cells. */
  readonly anchor: { readonly from: string; readonly to: string };
  readonly yAxisTitle: string;
}

export interface WorkbookLayout {
  readonly sheets: readonly SheetLayout[];
  readonly names: readonly NamedRange[];
  readonly validations: readonly ListValidation[];
  readonly charts: readonly ChartSpec[];
}

/** A scenario as the workbook shows it: the first one is the Base. */
export interface NamedScenario {
  readonly name: string;
  readonly scenario: Scenario;
  readonly provenance: Readonly<Record<string, Provenance>>;
  readonly rationale?: string;
}

export interface LayoutOptions {
  /** Title shown on each sheet. Default "ChipShift". */
  readonly title?: string;
  /** Build timestamp text shown on the Compare sheet (pure code takes it as an argument). */
  readonly builtAt?: string;
}

export const SHEET_NAMES = {
  inputs: "CS Inputs",
  model: "CS Model",
  sources: "CS Sources",
  compare: "CS Compare",
} as const;

/** The visual style of each layout cell style, shared by the Office.js and ExcelJS writers. */
import type { CellStyle } from "../layout/types";

export interface StyleLook {
  /** Font colour as RRGGBB hex. */
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly fontSize?: number;
  /** Fill colour as RRGGBB hex. */
  readonly fill?: string;
}

/** Banker's convention: inputs in blue, formulas in black. */
export const STYLE_LOOKS: Readonly<Record<CellStyle, StyleLook>> = {
  title: { bold: true, fontSize: 14, fontColor: "1F3864" },
  header: { bold: true, fill: "D9E1F2", fontColor: "1F3864" },
  label: {},
  input: { fontColor: "0000FF", fill: "FFF2CC" },
  output: { fontColor: "000000" },
  note: { italic: true, fontColor: "595959" },
  link: { fontColor: "0563C1", underline: true },
  check: { bold: true, fontColor: "000000" },
};

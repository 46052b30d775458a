import { HyperFormula } from "hyperformula";
import type { CellContent, CellRef, WorkbookPort } from "../workbook/port";
import { WorkbookPortError } from "../workbook/port";

/**
 * The development preview's workbook: a HyperFormula instance, an active cell that the grid sets on click, and a
 * change signal so the grid re-renders after each write. Development and tests only (HyperFormula is GPL-3.0).
 */
export interface PreviewWorkbook {
  readonly port: WorkbookPort;
  readonly engine: HyperFormula;
  /** False when the CHIPS functions could not be registered (formulas using them show #NAME?). */
  readonly functionsRegistered: boolean;
  readonly activeCell: () => CellRef;
  /** Makes `ref` the active cell; a `WorkbookPortError("noSelection")` for an unknown sheet or bad address. */
  readonly selectCell: (ref: CellRef) => WorkbookPortError | undefined;
  readonly sheetNames: () => string[];
  /**
   * Enters `text` in a cell the way typing does in a spreadsheet: "=…" is a formula, "0.5" a number, anything else
   * text, "" clears it. A `WorkbookPortError` for an unknown sheet, a bad address or a rejected entry.
   */
  readonly editCell?: (ref: CellRef, text: string) => WorkbookPortError | undefined;
  /** The number format the built model gave a cell (0-based row/column), if any: HyperFormula keeps none. */
  readonly numberFormat?: (sheet: string, row: number, col: number) => string | undefined;
  /** Calls `listener` after every selection change or write; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Increases on every change (a snapshot for `useSyncExternalStore`). */
  readonly revision: () => number;
}

export interface PreviewWorkbookOptions {
  /** Registers custom functions on the HyperFormula class before the instance is built; false when it failed. */
  readonly registerFunctions?: (hyperFormula: typeof HyperFormula) => boolean;
  readonly sheetName?: string;
}

export function createPreviewWorkbookWith(options: PreviewWorkbookOptions = {}): PreviewWorkbook {
  const functionsRegistered = options.registerFunctions?.(HyperFormula) ?? false;
  const engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
  const firstSheet = engine.addSheet(options.sheetName ?? "Sheet1");
  let active: CellRef = { sheet: firstSheet, address: "A1" };
  let revision = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    revision += 1;
    for (const listener of [...listeners]) listener();
  };

  const port: WorkbookPort = {
    host: "preview",
    getActiveCell: () => Promise.resolve(active),
    insertAtActiveCell: (content) => {
      const target = active;
      const address = simpleAddress(engine, target);
      if (address instanceof WorkbookPortError) return Promise.reject(address);
      try {
        engine.setCellContents(address, [[previewCellInput(content)]]);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return Promise.reject(
          new WorkbookPortError("writeFailed", `The preview workbook rejected the write: ${reason}`),
        );
      }
      changed();
      return Promise.resolve(target);
    },
  };

  return {
    port,
    engine,
    functionsRegistered,
    activeCell: () => active,
    selectCell: (ref) => {
      const address = simpleAddress(engine, ref);
      if (address instanceof WorkbookPortError) return address;
      active = { sheet: ref.sheet, address: ref.address.toUpperCase() };
      changed();
      return undefined;
    },
    sheetNames: () => engine.getSheetNames(),
    editCell: (ref, text) => {
      const address = simpleAddress(engine, ref);
      if (address instanceof WorkbookPortError) return address;
      try {
        engine.setCellContents(address, [[text === "" ? null : text]]);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return new WorkbookPortError("writeFailed", `The preview workbook rejected the entry: ${reason}`);
      }
      changed();
      return undefined;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    revision: () => revision,
  };
}

/**
 * What HyperFormula must receive so `content` is stored as itself: text gets the apostrophe prefix (HyperFormula,
 * like Excel, stores "'=1+1" as the text "=1+1"), otherwise "123" would become a number and "=…" a formula.
 */
export function previewCellInput(content: CellContent): number | string {
  if (content.kind === "formula") return content.formula;
  return typeof content.value === "string" ? `'${content.value}` : content.value;
}

function simpleAddress(engine: HyperFormula, ref: CellRef) {
  const sheetId = engine.getSheetId(ref.sheet);
  if (sheetId === undefined)
    return new WorkbookPortError("noSelection", `There is no sheet named ${ref.sheet}`);
  const address = /^[A-Za-z]{1,3}[1-9][0-9]{0,6}$/.test(ref.address)
    ? engine.simpleCellAddressFromString(ref.address, sheetId)
    : undefined;
  if (address === undefined)
    return new WorkbookPortError("noSelection", `${ref.address} is not a cell address`);
  return address;
}

import { DetailedCellError } from "hyperformula";
import type { CellValue, HyperFormula, SimpleCellAddress } from "hyperformula";
import { registerChipsFunctions } from "./hyperformulaChips";
import { createPreviewWorkbookWith } from "./previewWorkbook";
import type { PreviewWorkbook } from "./previewWorkbook";
import { columnLetters, parseAddress } from "../workbook/layout/address";
import { renameSheets } from "../workbook/layout/renameSheets";
import { SHEET_NAMES } from "../workbook/layout/types";
import type { ChartSpec, SheetLayout, WorkbookLayout } from "../workbook/layout/types";
import type {
  BuildOptions,
  BuildSummary,
  InputsSheetGrid,
  PortableSummary,
  WriteSummary,
} from "../workbook/port";
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
  const notify = (firstSheet: string | undefined): void => {
    if (firstSheet !== undefined) workbook.selectCell({ sheet: firstSheet, address: "A1" });
    extraRevision += 1;
    for (const listener of [...listeners]) listener();
  };
  // The preview has no workbook names to mark ownership with: the sheets built in this session are the add-in's.
  const owned = new Map<string, string>();
  // Number formats of built cells ("Sheet!row,col", 0-based): HyperFormula stores values only.
  const formats = new Map<string, string>();
  const buildModel = (layout: WorkbookLayout, options: BuildOptions): Promise<BuildSummary> => {
    const summary = previewBuild(workbook.engine, owned, layout, options);
    if (summary instanceof WorkbookPortError) return Promise.reject(summary);
    rememberFormats(formats, layout, summary.sheets);
    notify(summary.sheets[layout.sheets[0]?.name ?? ""]);
    return Promise.resolve(summary);
  };
  const readInputsSheet = (): Promise<InputsSheetGrid | null> => {
    const sheetName = owned.get(SHEET_NAMES.inputs);
    const sheetId = sheetName === undefined ? undefined : workbook.engine.getSheetId(sheetName);
    if (sheetName === undefined || sheetId === undefined) return Promise.resolve(null);
    return Promise.resolve({ sheetName, grid: workbook.engine.getSheetValues(sheetId) });
  };
  const makePortable = (): Promise<PortableSummary> => {
    const summary = previewMakePortable(workbook.engine);
    if (summary.replaced > 0) notify(undefined);
    return Promise.resolve(summary);
  };
  // HyperFormula caches a custom function's result like Excel does: a full rebuild recomputes CHIPS.FIGURE cells.
  const recalculate = (): Promise<void> => {
    try {
      workbook.engine.rebuildAndRecalculate();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(
        new WorkbookPortError("writeFailed", `The preview could not recalculate: ${reason}`),
      );
    }
    notify(undefined);
    return Promise.resolve();
  };
  return {
    ...workbook,
    port: {
      ...workbook.port,
      writeSheets,
      buildModel,
      readInputsSheet,
      makePortable,
      recalculate,
      ...inMemoryDocumentStore(),
    },
    numberFormat: (sheet, row, col) => formats.get(`${sheet}!${row},${col}`),
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

/** The preview's saved ChipShift document: kept in memory with the preview workbook (lost on reload). */
export function inMemoryDocumentStore(initial: string | null = null): {
  saveDocument(this: void, text: string): Promise<void>;
  loadDocument(this: void): Promise<string | null>;
} {
  let stored = initial;
  return {
    saveDocument: (text) => {
      stored = text;
      return Promise.resolve();
    },
    loadDocument: () => Promise.resolve(stored),
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

/**
 * `buildModel` for the preview: a sheet built earlier in this session is rewritten in place; any other sheet of
 * the same name is the user's (`sheetConflict`, or the model goes to "<name> (2)").
 */
export function previewBuild(
  engine: HyperFormula,
  owned: Map<string, string>,
  layout: WorkbookLayout,
  options: BuildOptions,
): BuildSummary | WorkbookPortError {
  const mapping: Record<string, string> = {};
  const renamed: string[] = [];
  const taken = new Set(engine.getSheetNames());
  for (const sheet of layout.sheets) {
    const mine = owned.get(sheet.name);
    if (mine !== undefined && engine.doesSheetExist(mine)) {
      mapping[sheet.name] = mine;
      continue;
    }
    let name = sheet.name;
    if (taken.has(name)) {
      if (options.onConflict === "fail")
        return new WorkbookPortError(
          "sheetConflict",
          `A sheet named "${sheet.name}" already exists and was not created by ChipShift`,
        );
      for (let n = 2; taken.has(name); n++) name = `${sheet.name} (${n})`;
      renamed.push(sheet.name);
    }
    taken.add(name);
    mapping[sheet.name] = name;
  }
  try {
    writeLayoutToHyperFormula(engine, renameSheets(layout, mapping));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new WorkbookPortError("writeFailed", `The preview workbook rejected the build: ${reason}`);
  }
  for (const [from, to] of Object.entries(mapping)) owned.set(from, to);
  return { sheets: mapping, renamed, notes: "skipped", syncs: 0 };
}

function rememberFormats(
  formats: Map<string, string>,
  layout: WorkbookLayout,
  written: Readonly<Record<string, string>>,
): void {
  for (const sheet of layout.sheets) {
    const name = written[sheet.name] ?? sheet.name;
    for (const key of [...formats.keys()]) if (key.startsWith(`${name}!`)) formats.delete(key);
    for (const block of sheet.blocks) {
      const start = parseAddress(block.topLeft);
      if (start === undefined) continue;
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.numberFormat !== undefined)
            formats.set(`${name}!${start.row - 1 + r},${start.column - 1 + c}`, cell.numberFormat);
        }),
      );
    }
  }
}

/** `makePortable` for the preview: every CHIPS formula (and its spilled array) becomes its current values. */
export function previewMakePortable(engine: HyperFormula): PortableSummary {
  const cells: string[] = [];
  const writes: { at: SimpleCellAddress; rows: (string | number | boolean | null)[][] }[] = [];
  for (const sheetName of engine.getSheetNames()) {
    const sheet = engine.getSheetId(sheetName)!;
    engine.getSheetFormulas(sheet).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === undefined || !/(^|[^A-Za-z0-9_.])CHIPS\.[A-Za-z]/i.test(formula)) return;
        const at = { sheet, row: r, col: c };
        const spilled = (address: SimpleCellAddress): boolean =>
          engine.isCellPartOfArray(address) && engine.getCellFormula(address) === undefined;
        let width = 1;
        while (spilled({ sheet, row: r, col: c + width })) width++;
        let height = 1;
        while (spilled({ sheet, row: r + height, col: c })) height++;
        const rows = Array.from({ length: height }, (_, i) =>
          Array.from({ length: width }, (_, j) =>
            frozenValue(engine.getCellValue({ sheet, row: r + i, col: c + j })),
          ),
        );
        writes.push({ at, rows });
        cells.push(`${sheetName}!${columnLetters(c + 1)}${r + 1}`);
      }),
    );
  }
  if (writes.length > 0) engine.batch(() => writes.forEach((w) => engine.setCellContents(w.at, w.rows)));
  return { replaced: cells.length, cells };
}

function frozenValue(value: CellValue): string | number | boolean | null {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "string") return `'${value}`;
  return value;
}

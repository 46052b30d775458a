import { cellAddress, columnLetters } from "./layout/address";
import { DOCUMENT_NAMESPACE, documentTextOfXml, documentXml } from "./document";
import type { ChartSpec, SheetLayout } from "./layout/types";
import { parseAddress } from "./layout/address";
import { SHEET_NAMES } from "./layout/types";
import type {
  CellContent,
  CellRef,
  InputsSheetGrid,
  PortableSummary,
  WorkbookPort,
  WriteSummary,
} from "./port";
import { addChart, OWNERSHIP_COMMENT, writeBlock, writeLayoutToExcel } from "./writers/office";
import {
  nameKey,
  ownedSheets,
  ownershipMarkerFormula,
  ownershipMarkerName,
  sheetTargets,
} from "./writers/ownership";
import { WorkbookPortError } from "./port";
import type { WorkbookPortErrorCode } from "./port";

/** The part of the `Excel` global the port needs; a fake with the same shape stands in for tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The Office.js implementation of `WorkbookPort`: one `Excel.run` and one `context.sync()` per operation.
 *
 * Text is written with a leading apostrophe (Excel's "this is text" prefix, not kept in the cell's value), so a
 * user string such as `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)` or `-2+3` is stored as text and never evaluated.
 * We chose the apostrophe over a `"@"` number format because the format would stay on the cell and silently turn
 * a formula the user types there later into text.
 */
export function createOfficePort(
  excel: ExcelHost | undefined = (globalThis as { Excel?: ExcelHost }).Excel,
  isSetSupported: (name: string, minVersion: string) => boolean = officeSetSupport,
): WorkbookPort {
  return {
    host: "excel",
    getActiveCell: () =>
      runOperation(excel, "readFailed", async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        const sheet = cell.worksheet;
        sheet.load("name");
        await context.sync();
        return cellRefOf(sheet.name, cell.address);
      }),
    insertAtActiveCell: (content) => {
      const prepared = preparedContent(content);
      if (prepared instanceof WorkbookPortError) return Promise.reject(prepared);
      return runOperation(excel, "writeFailed", async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        const sheet = cell.worksheet;
        sheet.load("name");
        if (prepared.kind === "formula") cell.formulas = [[prepared.formula]];
        else cell.values = [[prepared.value]];
        await context.sync();
        return cellRefOf(sheet.name, cell.address);
      });
    },
    writeSheets: (sheets, charts) =>
      runOperation(excel, "writeFailed", (context) => writeSheetsBatch(context, sheets, charts)),
    buildModel: (layout, options) =>
      runOperation(excel, "writeFailed", (context) =>
        writeLayoutToExcel((batch) => batch(context), layout, {
          onConflict: options.onConflict,
          isSetSupported,
        }),
      ),
    readInputsSheet: () => runOperation(excel, "readFailed", (context) => readInputsSheetBatch(context)),
    makePortable: () =>
      runOperation(excel, "writeFailed", (context) =>
        makePortableBatch(context, isSetSupported("ExcelApi", "1.12")),
      ),
    saveDocument: (text) => runOperation(excel, "writeFailed", (context) => saveDocumentBatch(context, text)),
    loadDocument: () => runOperation(excel, "readFailed", (context) => loadDocumentBatch(context)),
    recalculate: () =>
      runOperation(excel, "writeFailed", async (context) => {
        // "Full" marks every cell dirty, as Ctrl+Alt+F9 does; "Recalculate" skips non-volatile custom functions.
        context.workbook.application.calculate("Full");
        await context.sync();
      }),
  };
}

/**
 * `WorkbookPort.saveDocument` inside one `Excel.run`, with TWO syncs: (1) the custom XML parts in ChipShift's
 * namespace; (2) delete them all and add the new part. Deleting every part of the namespace (not only "the
 * only item") keeps a workbook that somehow holds two from growing a third.
 */
export async function saveDocumentBatch(context: Excel.RequestContext, text: string): Promise<void> {
  const parts = context.workbook.customXmlParts;
  const existing = parts.getByNamespace(DOCUMENT_NAMESPACE);
  existing.load("items/id");
  await context.sync();
  for (const part of existing.items) part.delete();
  parts.add(documentXml(text));
  await context.sync();
}

/**
 * `WorkbookPort.loadDocument` inside one `Excel.run`, with at most TWO syncs: (1) the namespace's only part
 * (null object when there is none); (2) its XML. Two parts of the namespace are ambiguous: rejected, so the
 * pane never picks one and overwrites the other.
 */
export async function loadDocumentBatch(context: Excel.RequestContext): Promise<string | null> {
  const scoped = context.workbook.customXmlParts.getByNamespace(DOCUMENT_NAMESPACE);
  const count = scoped.getCount();
  const part = scoped.getOnlyItemOrNullObject();
  part.load("id");
  await context.sync();
  if (part.isNullObject) {
    if (count.value > 1) {
      throw new WorkbookPortError(
        "readFailed",
        `The workbook holds ${count.value} ChipShift documents; expected one`,
      );
    }
    return null;
  }
  const xml = part.getXml();
  await context.sync();
  const text = documentTextOfXml(xml.value);
  if (typeof text !== "string") throw new WorkbookPortError("readFailed", text.message);
  return text;
}

/**
 * `WorkbookPort.readInputsSheet` inside one `Excel.run`, with TWO syncs: (1) the Inputs sheet's ownership marker
 * name; (2) the used range of the sheet it points at (it may have been renamed). Null when the marker is missing
 * or points at a deleted sheet (#REF!). The grid is padded so that row 0 / column 0 are the sheet's row 1 / A.
 */
export async function readInputsSheetBatch(context: Excel.RequestContext): Promise<InputsSheetGrid | null> {
  const marker = context.workbook.names.getItemOrNullObject(ownershipMarkerName(SHEET_NAMES.inputs));
  marker.load("isNullObject,formula");
  await context.sync();
  if (marker.isNullObject || String(marker.formula).includes("#REF!")) return null;
  const worksheet = marker.getRange().worksheet;
  worksheet.load("name");
  const used = worksheet.getUsedRange(true);
  used.load("address,values");
  await context.sync();
  return { sheetName: worksheet.name, grid: paddedGrid(used.address, used.values) };
}

/** Cells whose formulas Make portable reads per sync: far below Excel on the web's 5 MB payload limit. */
export const PORTABLE_CELLS_PER_SYNC = 20_000;
/** CHIPS anchors frozen per read + write round (each may spill a large array). */
export const PORTABLE_ANCHORS_PER_SYNC = 500;

/**
 * `WorkbookPort.makePortable` inside one `Excel.run`, in bounded chunks so a large workbook never exceeds the
 * request/response payload limit: (1) sheet names; (2) each used range's address and size; (3…) the formulas
 * of row bands of at most PORTABLE_CELLS_PER_SYNC cells per sync; then, PORTABLE_ANCHORS_PER_SYNC `CHIPS.*`
 * cells at a time, one sync reading their values (and spill ranges with ExcelApi 1.12, so a dynamic-array result
 * is frozen whole) and one writing them. Text results are written with the apostrophe prefix so they stay text.
 */
export async function makePortableBatch(
  context: Excel.RequestContext,
  spillSupported: boolean,
): Promise<PortableSummary> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject();
    range.load("isNullObject,address,rowCount,columnCount");
    return { ws, range };
  });
  await context.sync();

  const bands: { ws: Excel.Worksheet; row: number; column: number; rows: number; columns: number }[] = [];
  for (const { ws, range } of used) {
    if (range.isNullObject) continue;
    const origin = parseAddress(localTopLeft(range.address)) ?? { row: 1, column: 1 };
    const step = Math.max(1, Math.floor(PORTABLE_CELLS_PER_SYNC / Math.max(1, range.columnCount)));
    for (let r = 0; r < range.rowCount; r += step) {
      bands.push({
        ws,
        row: origin.row + r,
        column: origin.column,
        rows: Math.min(step, range.rowCount - r),
        columns: range.columnCount,
      });
    }
  }
  const anchors: { ws: Excel.Worksheet; sheet: string; address: string }[] = [];
  for (const group of chunksByCells(bands)) {
    const reads = group.map((band) => {
      const range = band.ws.getRange(
        `${cellAddress(band.row, band.column)}:${cellAddress(band.row + band.rows - 1, band.column + band.columns - 1)}`,
      );
      range.load("formulas");
      return { band, range };
    });
    await context.sync();
    for (const { band, range } of reads) {
      range.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula !== "string" || !CHIPS_CALL.test(formula)) return;
          anchors.push({
            ws: band.ws,
            sheet: band.ws.name,
            address: cellAddress(band.row + r, band.column + c),
          });
        }),
      );
    }
  }
  for (let start = 0; start < anchors.length; start += PORTABLE_ANCHORS_PER_SYNC) {
    const reads = anchors.slice(start, start + PORTABLE_ANCHORS_PER_SYNC).map((anchor) => {
      const cell = anchor.ws.getRange(anchor.address);
      cell.load("values");
      const spill = spillSupported ? cell.getSpillingToRangeOrNullObject() : undefined;
      spill?.load("isNullObject,address,values");
      return { anchor, cell, spill };
    });
    await context.sync();
    for (const { anchor, cell, spill } of reads) {
      if (spill !== undefined && !spill.isNullObject) {
        anchor.ws.getRange(localRange(spill.address)).values = spill.values.map((row) =>
          row.map(portableValue),
        );
      } else anchor.ws.getRange(anchor.address).values = [[portableValue(cell.values[0]?.[0] ?? "")]];
    }
    await context.sync();
  }
  return { replaced: anchors.length, cells: anchors.map((a) => `${a.sheet}!${a.address}`) };
}

/** Consecutive groups of bands holding at most PORTABLE_CELLS_PER_SYNC cells each (one band may exceed it). */
function chunksByCells<T extends { rows: number; columns: number }>(bands: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let cells = 0;
  for (const band of bands) {
    const size = band.rows * band.columns;
    if (current.length > 0 && cells + size > PORTABLE_CELLS_PER_SYNC) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(band);
    cells += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A formula that calls a CHIPS custom function (any group: CHIPS.FIGURE, CHIPS.LOGISTIC.FIT, …). */
const CHIPS_CALL = /(^|[^A-Za-z0-9_.])CHIPS\.[A-Za-z]/i;

function portableValue(value: unknown): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : "";
  // An error result ("#N/A") is written as typed, which Excel stores as that error value; other text stays text.
  return text === "" || text.startsWith("#") ? text : officeCellValue(text);
}

function localRange(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

function localTopLeft(address: string): string {
  return localRange(address).split(":")[0] ?? "A1";
}

/** Office's used range can start below/right of A1: pad so the grid is indexed from A1. */
function paddedGrid(address: string, values: unknown[][]): unknown[][] {
  const origin = parseAddress(localTopLeft(address)) ?? { row: 1, column: 1 };
  const pad = Array.from({ length: origin.column - 1 }, () => "");
  const top = Array.from({ length: origin.row - 1 }, () => [] as unknown[]);
  return [...top, ...values.map((row) => [...pad, ...row])];
}

function officeSetSupport(name: string, minVersion: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: Office.RequirementSetSupport } } })
    .Office;
  return office?.context?.requirements?.isSetSupported(name, minVersion) ?? false;
}

/**
 * `WorkbookPort.writeSheets` inside one `Excel.run`, with TWO syncs: (1) read sheet names, the add-in's
 * ownership markers and the charts of same-named sheets; (2) write everything. A sheet the add-in owns is
 * cleared and rewritten in place (its old charts deleted); a user's sheet of the same name is left alone and
 * the results go to "<name> (2)". Workbook names other than new ownership markers are not touched, so writing
 * results never disturbs the built model's named ranges.
 */
export async function writeSheetsBatch(
  context: Excel.RequestContext,
  sheets: readonly SheetLayout[],
  charts: readonly ChartSpec[],
): Promise<WriteSummary> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  const probes = sheets.map((sheet) => {
    const probe = worksheets.getItemOrNullObject(sheet.name);
    probe.load("isNullObject");
    const existingCharts = probe.charts;
    existingCharts.load("items/name");
    return { probe, existingCharts };
  });
  await context.sync();

  const existing = new Set(worksheets.items.map((ws) => ws.name));
  const targets = sheetTargets(
    sheets.map((sheet) => sheet.name),
    existing,
    ownedSheets(names.items, existing),
  );
  if (targets instanceof WorkbookPortError) throw targets;
  const { mapping, reused } = targets;
  sheets.forEach((sheet, i) => {
    const actual = mapping[sheet.name] ?? sheet.name;
    let ws: Excel.Worksheet;
    if (reused.includes(actual)) {
      ws = worksheets.getItem(actual);
      ws.getRange().clear("All");
      ws.freezePanes.unfreeze();
      const probe = probes[i];
      if (actual === sheet.name && probe !== undefined && !probe.probe.isNullObject) {
        for (const chart of probe.existingCharts.items) chart.delete();
      }
    } else {
      ws = worksheets.add(actual);
      // A marker left by a deleted sheet reads =#REF!; names.add would reject its name, so it goes first.
      const marker = ownershipMarkerName(sheet.name);
      names.items.find((item) => nameKey(item.name) === nameKey(marker))?.delete();
      names.add(marker, ownershipMarkerFormula(actual), OWNERSHIP_COMMENT);
    }
    for (const block of sheet.blocks) writeBlock(ws, block, "skipped", workbook, actual);
    for (const { column, width } of sheet.columnWidths) {
      ws.getRange(`${columnLetters(column)}:${columnLetters(column)}`).format.columnWidth = width * 7;
    }
    if (sheet.freeze !== undefined && sheet.freeze.columns > 0)
      ws.freezePanes.freezeColumns(sheet.freeze.columns);
    else if (sheet.freeze !== undefined && sheet.freeze.rows > 0)
      ws.freezePanes.freezeRows(sheet.freeze.rows);
    if (i === 0) ws.activate();
  });
  for (const spec of charts) addChart(worksheets, spec, (name) => mapping[name] ?? name);
  await context.sync();
  return { sheets: mapping, charts: charts.length };
}

/** The cell value Office.js must receive so that `value` is stored as itself (text stays text). */
export function officeCellValue(value: number | string): number | string {
  return typeof value === "string" ? `'${value}` : value;
}

/** Splits an Office.js address ("Sheet1!B3", "'My sheet'!B3:C4") into the sheet name and the top-left cell. */
export function cellRefOf(sheetName: string, address: string): CellRef {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const topLeft = local.split(":")[0] ?? local;
  return { sheet: sheetName, address: topLeft.replace(/\$/g, "") };
}

type PreparedContent = { readonly kind: "value"; readonly value: number | string } | CellContent;

function preparedContent(content: CellContent): PreparedContent | WorkbookPortError {
  if (content.kind === "formula") {
    if (!content.formula.startsWith("=")) {
      return new WorkbookPortError("writeFailed", `A formula must start with "=", got ${content.formula}`);
    }
    return content;
  }
  if (typeof content.value === "number" && !Number.isFinite(content.value)) {
    return new WorkbookPortError("writeFailed", `Only finite numbers can be written, got ${content.value}`);
  }
  return { kind: "value", value: officeCellValue(content.value) };
}

async function runOperation<T>(
  excel: ExcelHost | undefined,
  failureCode: WorkbookPortErrorCode,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (excel === undefined) {
    throw new WorkbookPortError(
      "hostUnavailable",
      "Excel is not available: the add-in is not running inside Excel",
    );
  }
  try {
    return await excel.run(batch);
  } catch (error) {
    if (error instanceof WorkbookPortError) throw error;
    throw new WorkbookPortError(failureCode, `Excel rejected the operation: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

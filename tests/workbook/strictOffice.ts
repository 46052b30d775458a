/**
 * A strict Office.js (Excel) test double. Unlike the loose fakes, it enforces the platform rules our adapters
 * must respect in real Excel, each documented by Microsoft:
 *
 * - load before read: reading a loaded property before the `sync()` that follows its `load()` (or a property
 *   never loaded) throws `PropertyNotLoaded`;
 * - sheet names and workbook names are unique case-insensitively: `worksheets.add("cs inputs")` beside
 *   "CS Inputs" and `names.add` of an existing name (any case) reject the sync with `ItemAlreadyExists`;
 * - `range.values` / `range.formulas` / `range.numberFormat` arrays must match the range's shape
 *   (`InvalidArgument`);
 * - a request or response payload over 5 MB rejects the sync (`RequestPayloadSizeLimitExceeded`; Excel on the
 *   web's limit, see "Resource limits and performance optimization for Office Add-ins");
 * - a workbook name that points at a deleted sheet reads `=#REF!$A$1` and stays in the collection until deleted.
 *
 * Queued operations run at `sync()` in order, like Office.js batches. Parts the adapters only write to (formats,
 * charts, notes, freeze panes, data validation) are accepted and ignored.
 */
import { cellAddress, columnLetters, parseAddress } from "../../src/workbook/layout/address";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class OfficeRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface Cell {
  value: unknown;
  formula: unknown;
}

interface SheetState {
  name: string;
  cells: Map<string, Cell>;
  deleted: boolean;
}

interface NameState {
  name: string;
  formula: string;
  comment: string;
}

export interface StrictWorkbookState {
  readonly sheets: SheetState[];
  readonly names: NameState[];
  readonly parts: { id: string; namespace: string; xml: string }[];
  /** Dynamic-array results: "Sheet!A1" of the formula → the local address and values it spills to. */
  readonly spills: Map<string, { address: string; values: unknown[][] }>;
  /** `application.calculate(type)` calls, in order, as applied at their sync. */
  readonly calculations: string[];
  syncs: number;
}

type Op = () => void;

/** Creates the double: `host` is an ExcelHost (`run(batch)`), `state` the workbook it changes. */
export function createStrictExcel(
  initial: { sheets?: string[]; names?: { name: string; formula: string }[] } = {},
) {
  const state: StrictWorkbookState = {
    sheets: (initial.sheets ?? []).map((name) => ({ name, cells: new Map(), deleted: false })),
    names: (initial.names ?? []).map((n) => ({ ...n, comment: "" })),
    parts: [],
    spills: new Map(),
    calculations: [],
    syncs: 0,
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(createContext(state) as unknown as Excel.RequestContext);
  return { host: { run }, state };
}

const key = (name: string): string => name.toLocaleUpperCase("en-US");
const liveSheets = (state: StrictWorkbookState) => state.sheets.filter((s) => !s.deleted);
const findSheet = (state: StrictWorkbookState, name: string) =>
  liveSheets(state).find((s) => key(s.name) === key(name));

function createContext(state: StrictWorkbookState) {
  const ops: Op[] = [];
  // Sheets added in this batch: getItem finds them before the sync that creates them, as in Office.js.
  const added: SheetState[] = [];
  const loads: Array<() => number> = [];
  let requestBytes = 0;
  let generation = 0;

  /** A proxy whose listed fields are readable only after load + sync; `read` computes them at sync time. */
  function loadable<T extends object>(
    target: T,
    fields: Record<string, () => unknown>,
    eager = false,
  ): T & { load: (props?: string) => T } {
    // eager: an item of a loaded collection (`items/name`), its fields already read in that sync
    const loaded = new Map<string, unknown>(eager ? Object.entries(fields).map(([k, f]) => [k, f()]) : []);
    const pending = new Set<string>();
    const api = {
      load: (props?: string | string[] | Record<string, unknown>) => {
        const list =
          props === undefined
            ? Object.keys(fields)
            : typeof props === "string"
              ? props.split(",")
              : Array.isArray(props)
                ? props
                : Object.keys(props);
        for (const p of list) pending.add(p.trim());
        // Office.js: isNullObject is known once the object was loaded at all
        if ("isNullObject" in fields) pending.add("isNullObject");
        loads.push(() => {
          let bytes = 0;
          for (const p of pending) {
            const field = p.startsWith("items/") ? "items" : p;
            if (!(field in fields)) continue;
            const value = fields[field]!();
            loaded.set(field, value);
            if (field !== "items") bytes += JSON.stringify(value ?? null).length;
          }
          pending.clear();
          return bytes;
        });
        return proxy;
      },
    };
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        if (prop === "load") return api.load;
        if (typeof prop === "string" && prop in fields) {
          if (!loaded.has(prop)) throw new OfficeRuleError("PropertyNotLoaded", `${prop} was not loaded`);
          return loaded.get(prop);
        }
        return Reflect.get(t, prop, receiver) as unknown;
      },
    });
    return proxy as T & { load: (props?: string) => T };
  }

  /** Anything the adapters only write to: every property and call is accepted. */
  function ignored(): unknown {
    const fn = function () {
      return undefined;
    };
    return new Proxy(fn, {
      get: (_t, prop) =>
        prop === "items" ? [] : prop === "then" ? undefined : prop === "isNullObject" ? false : ignored(),
      set: () => true,
      apply: () => ignored(),
    });
  }

  function queue(op: Op, bytes = 0): void {
    requestBytes += bytes;
    ops.push(op);
  }

  function sheetProxy(sheet: SheetState, nullObject = false, eager = false): Excel.Worksheet {
    const target = {
      getRange: (address?: string) => rangeProxy(sheet, address),
      getUsedRange: () => usedRange(sheet, false),
      getUsedRangeOrNullObject: () => usedRange(sheet, true),
      delete: () =>
        queue(() => {
          sheet.deleted = true;
          const quoted = new RegExp(`'?${sheet.name.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}'?!`, "gi");
          for (const n of state.names) n.formula = n.formula.replace(quoted, "#REF!");
        }),
      activate: () => undefined,
      charts: ignored(),
      notes: ignored(),
      comments: ignored(),
      freezePanes: ignored(),
    };
    return loadable(
      target,
      { name: () => sheet.name, isNullObject: () => nullObject },
      eager,
    ) as unknown as Excel.Worksheet;
  }

  function usedRange(sheet: SheetState, orNull: boolean) {
    const bounds = () => {
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [address, cell] of sheet.cells) {
        if (cell.value === "" && cell.formula === "") continue;
        const at = parseAddress(address)!;
        top = Math.min(top, at.row);
        left = Math.min(left, at.column);
        bottom = Math.max(bottom, at.row);
        right = Math.max(right, at.column);
      }
      return bottom === 0 ? undefined : { top, left, bottom, right };
    };
    const address = () => {
      const b = bounds();
      if (b === undefined) return orNull ? "" : "A1";
      return `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;
    };
    const inner = rangeProxy(sheet, undefined, address);
    return loadable(inner as object, {
      ...rangeFields(sheet, address),
      isNullObject: () => orNull && bounds() === undefined,
    });
  }

  function rangeFields(sheet: SheetState, address: () => string): Record<string, () => unknown> {
    const grid = (pick: (cell: Cell | undefined) => unknown) => {
      const box = boxOf(address());
      if (box === undefined) return [[]];
      return Array.from({ length: box.rows }, (_, r) =>
        Array.from({ length: box.columns }, (_, c) =>
          pick(sheet.cells.get(cellAddress(box.row + r, box.column + c))),
        ),
      );
    };
    return {
      address: () => `'${sheet.name}'!${address()}`,
      values: () => grid((cell) => cell?.value ?? ""),
      formulas: () => grid((cell) => cell?.formula ?? cell?.value ?? ""),
      rowCount: () => boxOf(address())?.rows ?? 0,
      columnCount: () => boxOf(address())?.columns ?? 0,
    };
  }

  function rangeProxy(sheet: SheetState, address?: string, dynamic?: () => string): Excel.Range {
    const at = dynamic ?? (() => address ?? "");
    const write = (what: "values" | "formulas" | "numberFormat", rows: unknown) => {
      const box = boxOf(at());
      const json = JSON.stringify(rows);
      if (box !== undefined && !shapeMatches(rows, box.rows, box.columns)) {
        queue(() => {
          throw new OfficeRuleError(
            "InvalidArgument",
            `${what} of ${at()} must be ${box.rows}×${box.columns}, got ${describeShape(rows)}`,
          );
        });
        return;
      }
      queue(() => {
        if (box === undefined || what === "numberFormat") return;
        (rows as unknown[][]).forEach((row, r) =>
          row.forEach((v, c) => {
            const text = typeof v === "string" ? v : "";
            const formula = text.startsWith("=") ? text : "";
            const value = text.startsWith("'") ? text.slice(1) : formula !== "" ? `(${formula})` : v;
            sheet.cells.set(cellAddress(box.row + r, box.column + c), { value, formula: formula || value });
          }),
        );
      }, json.length);
    };
    const target = {
      set values(rows: unknown) {
        write("values", rows);
      },
      set formulas(rows: unknown) {
        write("formulas", rows);
      },
      set numberFormat(rows: unknown) {
        write("numberFormat", rows);
      },
      set hyperlink(_v: unknown) {},
      format: ignored(),
      dataValidation: ignored(),
      clear: () =>
        queue(() => {
          const box = address === undefined ? undefined : boxOf(address);
          for (const a of [...sheet.cells.keys()]) {
            const p = parseAddress(a)!;
            if (box === undefined || inBox(p, box)) sheet.cells.delete(a);
          }
        }),
      worksheet: sheetProxy(sheet),
      getSpillingToRangeOrNullObject: () => {
        const spill = state.spills.get(`${sheet.name}!${at()}`);
        return loadable(
          {},
          {
            isNullObject: () => spill === undefined,
            address: () => (spill === undefined ? "" : `'${sheet.name}'!${spill.address}`),
            values: () => spill?.values ?? [],
          },
        );
      },
    };
    return loadable(target, rangeFields(sheet, at)) as unknown as Excel.Range;
  }

  const worksheets = loadable(
    {
      add: (name: string) => {
        const sheet: SheetState = { name, cells: new Map(), deleted: true };
        added.push(sheet);
        queue(() => {
          if (findSheet(state, name) !== undefined)
            throw new OfficeRuleError(
              "ItemAlreadyExists",
              `a sheet named "${name}" exists (names ignore case)`,
            );
          sheet.deleted = false;
          state.sheets.push(sheet);
        });
        return sheetProxy(sheet);
      },
      getItem: (name: string) => {
        const sheet = findSheet(state, name) ?? added.find((a) => key(a.name) === key(name));
        if (sheet === undefined) throw new OfficeRuleError("ItemNotFound", `no sheet "${name}"`);
        return sheetProxy(sheet);
      },
      getItemOrNullObject: (name: string) => {
        const sheet = findSheet(state, name);
        return sheet === undefined
          ? sheetProxy({ name: "", cells: new Map(), deleted: true }, true)
          : sheetProxy(sheet);
      },
    },
    { items: () => liveSheets(state).map((s) => sheetProxy(s, false, true)) },
  );

  const nameProxy = (n: NameState, nullObject = false, eager = false) =>
    loadable(
      {
        delete: () =>
          queue(() => {
            const i = state.names.indexOf(n);
            if (i >= 0) state.names.splice(i, 1);
          }),
        getRange: () => {
          const target = /^='?(.*?)'?!/.exec(n.formula)?.[1]?.replace(/''/g, "'") ?? "";
          const sheet = findSheet(state, target);
          if (sheet === undefined)
            throw new OfficeRuleError("InvalidReference", `${n.name} refers to ${n.formula}`);
          return rangeProxy(sheet, "A1");
        },
      },
      {
        name: () => n.name,
        formula: () => n.formula,
        comment: () => n.comment,
        isNullObject: () => nullObject,
        value: () => n.formula,
      },
      eager,
    );

  const names = loadable(
    {
      add: (name: string, reference: string, comment = "") => {
        queue(() => {
          if (state.names.some((n) => key(n.name) === key(name)))
            throw new OfficeRuleError("ItemAlreadyExists", `a name "${name}" exists (names ignore case)`);
          state.names.push({
            name,
            formula: reference.startsWith("=") ? reference : `=${reference}`,
            comment,
          });
        }, name.length + reference.length);
      },
      getItemOrNullObject: (name: string) => {
        const found = state.names.find((n) => key(n.name) === key(name));
        return found === undefined
          ? nameProxy({ name: "", formula: "", comment: "" }, true)
          : nameProxy(found);
      },
    },
    {
      items: () => state.names.map((n) => nameProxy(n, false, true)),
    },
  );

  const customXmlParts = {
    add: (xml: string) =>
      queue(() => {
        const namespace = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
        state.parts.push({ id: `part${state.parts.length + 1}`, namespace, xml });
      }, xml.length),
    getByNamespace: (namespace: string) => {
      const scoped = () => state.parts.filter((p) => p.namespace === namespace);
      const partProxy = (part: { id: string; xml: string } | undefined, eager = false) =>
        loadable(
          {
            delete: () =>
              queue(() => {
                const i = state.parts.findIndex((p) => p.id === part?.id);
                if (i >= 0) state.parts.splice(i, 1);
              }),
            getXml: () => loadable({}, { value: () => part?.xml ?? "" }).load("value"),
          },
          { id: () => part?.id ?? "", isNullObject: () => part === undefined },
          eager,
        );
      return loadable(
        {
          getCount: () => loadable({}, { value: () => scoped().length }).load("value"),
          getOnlyItemOrNullObject: () => {
            const list = scoped();
            return partProxy(list.length === 1 ? list[0] : undefined);
          },
        },
        {
          items: () => scoped().map((part) => partProxy(part, true)),
        },
      );
    },
  };

  const context = {
    workbook: {
      worksheets,
      names,
      customXmlParts,
      comments: ignored(),
      getActiveCell: () => rangeProxy(liveSheets(state)[0]!, "A1"),
      application: {
        calculate: (type: string) => {
          if (!["Recalculate", "Full", "FullRebuild"].includes(type))
            throw new OfficeRuleError("InvalidArgument", `calculate(${type})`);
          queue(() => state.calculations.push(type));
        },
      },
    },
    sync: async () => {
      state.syncs++;
      generation++;
      const queued = ops.splice(0);
      const bytes = requestBytes;
      requestBytes = 0;
      if (bytes > PAYLOAD_LIMIT_BYTES) {
        loads.splice(0);
        throw new OfficeRuleError("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`);
      }
      for (const op of queued) op();
      let responseBytes = 0;
      for (const resolve of loads.splice(0)) responseBytes += resolve();
      if (responseBytes > PAYLOAD_LIMIT_BYTES) {
        throw new OfficeRuleError("RequestPayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
      }
      return Promise.resolve(generation);
    },
  };
  return context;
}

interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** The cell box of an A1 address ("B2", "B2:D9"); undefined for whole columns/rows or the whole sheet. */
function boxOf(address: string): Box | undefined {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const from = parseAddress(a ?? "");
  const to = parseAddress(b ?? "");
  if (from === undefined || to === undefined) return undefined;
  return {
    row: Math.min(from.row, to.row),
    column: Math.min(from.column, to.column),
    rows: Math.abs(to.row - from.row) + 1,
    columns: Math.abs(to.column - from.column) + 1,
  };
}

function inBox(p: { row: number; column: number }, box: Box): boolean {
  return (
    p.row >= box.row &&
    p.row < box.row + box.rows &&
    p.column >= box.column &&
    p.column < box.column + box.columns
  );
}

function shapeMatches(rows: unknown, height: number, width: number): boolean {
  return (
    Array.isArray(rows) && rows.length === height && rows.every((r) => Array.isArray(r) && r.length === width)
  );
}

function describeShape(rows: unknown): string {
  if (!Array.isArray(rows)) return typeof rows;
  const widths = new Set(rows.map((r: unknown) => (Array.isArray(r) ? r.length : -1)));
  return `${rows.length}×${[...widths].join("/")}`;
}

/** Column letters re-exported for tests that build addresses. */
export { columnLetters };

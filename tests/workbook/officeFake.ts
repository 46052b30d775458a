/**
 * A hand-written fake of the slice of Excel.RequestContext the layout writer uses. It records writes per sheet
 * and address, and requires `load` + `sync` before collection items are read (like Office.js).
 */
export interface FakeSheet {
  name: string;
  writes: Map<string, unknown>;
  charts: { name: string; deleted: boolean; type?: string }[];
  cleared: number;
}

export function createFakeExcel(
  initialSheets: string[],
  initialNames: { name: string; formula: string }[] = [],
) {
  const sheets: FakeSheet[] = initialSheets.map((name) => ({
    name,
    writes: new Map(),
    charts: [],
    cleared: 0,
  }));
  const names = initialNames.map((n) => ({ ...n, deleted: false }));
  let loaded = false;
  const notLoaded = () => {
    throw new Error("PropertyNotLoaded: call load() and sync() first");
  };
  const rangeOf = (sheet: FakeSheet, address: string) => {
    const record = (prop: string) => (value: unknown) => sheet.writes.set(`${address}#${prop}`, value);
    const format = {
      font: new Proxy({}, { set: (_t, p, v) => (record(`font.${String(p)}`)(v), true) }),
      fill: new Proxy({}, { set: (_t, p, v) => (record(`fill.${String(p)}`)(v), true) }),
      set columnWidth(v: number) {
        record("columnWidth")(v);
      },
    };
    return {
      set formulas(v: unknown) {
        record("formulas")(v);
      },
      set numberFormat(v: unknown) {
        record("numberFormat")(v);
      },
      set hyperlink(v: unknown) {
        record("hyperlink")(v);
      },
      format,
      dataValidation: {
        clear: () => record("dataValidation.clear")(true),
        set rule(v: unknown) {
          record("dataValidation.rule")(v);
        },
      },
      clear: () => void sheet.cleared++,
    };
  };
  const worksheetOf = (sheet: FakeSheet) => ({
    get name() {
      return sheet.name;
    },
    getRange: (address = "ALL") => rangeOf(sheet, address),
    freezePanes: {
      unfreeze: () => undefined,
      freezeAt: () => undefined,
      freezeRows: () => undefined,
      freezeColumns: () => undefined,
    },
    notes: {
      add: (address: string, text: string) => sheet.writes.set(`${address}#note`, text),
      load: () => ({ items: [] }),
    },
    comments: { load: () => ({ items: [] }) },
    charts: {
      load: () => ({
        items: sheet.charts.map((c) => ({ name: c.name, delete: () => void (c.deleted = true) })),
      }),
      add: (type: string) => {
        const chart = { name: "", deleted: false, type };
        sheet.charts.push(chart);
        return {
          set name(v: string) {
            chart.name = v;
          },
          title: { text: "" },
          axes: { valueAxis: { title: { text: "" } } },
          setPosition: () => undefined,
        };
      },
    },
  });
  const context = {
    workbook: {
      worksheets: {
        load: () => undefined,
        get items() {
          return loaded ? sheets.map(worksheetOf) : notLoaded();
        },
        getItem: (name: string) => {
          const sheet = sheets.find((s) => s.name === name);
          if (sheet === undefined) throw new Error(`ItemNotFound: ${name}`);
          return worksheetOf(sheet);
        },
        add: (name: string) => {
          if (sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
          const sheet = { name, writes: new Map(), charts: [], cleared: 0 };
          sheets.push(sheet);
          return worksheetOf(sheet);
        },
      },
      names: {
        load: () => undefined,
        get items() {
          return loaded
            ? names
                .filter((n) => !n.deleted)
                .map((n) => ({ name: n.name, formula: n.formula, delete: () => void (n.deleted = true) }))
            : notLoaded();
        },
        add: (name: string, formula: string) => {
          if (names.some((n) => n.name === name && !n.deleted))
            throw new Error(`ItemAlreadyExists: name ${name}`);
          names.push({ name, formula, deleted: false });
        },
      },
      comments: { add: () => undefined },
    },
    sync: () => {
      loaded = true;
      return Promise.resolve();
    },
  };
  const run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(context as unknown as Excel.RequestContext);
  return { context, run, sheets, names: () => names.filter((n) => !n.deleted) };
}

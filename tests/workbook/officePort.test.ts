import { describe, expect, it, vi } from "vitest";
import { cellRefOf, createOfficePort, officeCellValue } from "../../src/workbook/officePort";
import type { ExcelHost } from "../../src/workbook/officePort";
import { WorkbookPortError } from "../../src/workbook/port";

/**
 * A hand-written fake of the Office.js proxy objects: loaded properties can only be read after a sync that
 * followed the load (as in Office.js, where reading earlier throws PropertyNotLoaded), and writes are applied
 * to the fake sheet at sync time.
 */
interface FakeSheet {
  name: string;
  activeAddress: string;
  cells: Map<string, { value?: unknown; formula?: string }>;
}

function createFakeExcel(sheet: FakeSheet, options: { failSync?: Error } = {}) {
  const pendingLoads: Array<() => void> = [];
  const pendingWrites: Array<() => void> = [];
  const localAddress = () => sheet.activeAddress.replace(/:.*/, "");

  function createContext() {
    const loaded = { address: false, name: false };
    const worksheet = {
      load: (prop: string) => pendingLoads.push(() => void (loaded.name = prop === "name" || loaded.name)),
      get name() {
        if (!loaded.name) throw new Error("PropertyNotLoaded: name");
        return sheet.name;
      },
    };
    const cell = {
      worksheet,
      load: (prop: string) =>
        pendingLoads.push(() => void (loaded.address = prop === "address" || loaded.address)),
      get address() {
        if (!loaded.address) throw new Error("PropertyNotLoaded: address");
        return `'${sheet.name}'!${sheet.activeAddress}`;
      },
      set values(rows: unknown[][]) {
        pendingWrites.push(() => sheet.cells.set(localAddress(), { value: rows[0]?.[0] }));
      },
      set formulas(rows: string[][]) {
        pendingWrites.push(() => sheet.cells.set(localAddress(), { formula: rows[0]?.[0] }));
      },
    };
    const context = {
      workbook: { getActiveCell: () => cell },
      sync: () => {
        if (options.failSync) return Promise.reject(options.failSync);
        for (const apply of pendingWrites.splice(0)) apply();
        for (const apply of pendingLoads.splice(0)) apply();
        return Promise.resolve();
      },
    };
    return context;
  }

  const contexts: Array<ReturnType<typeof createContext>> = [];
  const syncSpies: Array<{ mock: { calls: unknown[] } }> = [];
  const excel: ExcelHost = {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
      const context = createContext();
      syncSpies.push(vi.spyOn(context, "sync"));
      contexts.push(context);
      return batch(context as unknown as Excel.RequestContext);
    },
  };
  const runSpy = vi.spyOn(excel, "run");
  const syncCount = () => syncSpies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  return { excel, runSpy, syncCount };
}

function sheetWithActive(address: string): FakeSheet {
  return { name: "My Sheet", activeAddress: address, cells: new Map() };
}

describe("createOfficePort", () => {
  it("createOfficePort(undefined).insertAtActiveCell rejects with hostUnavailable outside Excel", async () => {
    const port = createOfficePort(undefined);
    await expect(port.insertAtActiveCell({ kind: "value", value: 1 })).rejects.toMatchObject({
      code: "hostUnavailable",
    });
    await expect(port.getActiveCell()).rejects.toBeInstanceOf(WorkbookPortError);
  });

  it("insertAtActiveCell rejects a formula without a leading = and never calls Excel.run", async () => {
    const fake = createFakeExcel(sheetWithActive("B3"));
    const port = createOfficePort(fake.excel);
    await expect(port.insertAtActiveCell({ kind: "formula", formula: "SUM(1,2)" })).rejects.toMatchObject({
      code: "writeFailed",
    });
    await expect(port.insertAtActiveCell({ kind: "value", value: Number.NaN })).rejects.toMatchObject({
      code: "writeFailed",
    });
    expect(fake.runSpy).not.toHaveBeenCalled();
  });

  it("getActiveCell() returns the sheet and top-left address with one Excel.run and one sync", async () => {
    const fake = createFakeExcel(sheetWithActive("C7:D9"));
    const ref = await createOfficePort(fake.excel).getActiveCell();
    expect(ref).toEqual({ sheet: "My Sheet", address: "C7" });
    expect(fake.runSpy).toHaveBeenCalledTimes(1);
    expect(fake.syncCount()).toBe(1);
  });

  it("insertAtActiveCell(value) writes the number through range.values with one run and one sync", async () => {
    const sheet = sheetWithActive("B3");
    const fake = createFakeExcel(sheet);
    const ref = await createOfficePort(fake.excel).insertAtActiveCell({ kind: "value", value: 19.7 });
    expect(ref).toEqual({ sheet: "My Sheet", address: "B3" });
    expect(sheet.cells.get("B3")).toEqual({ value: 19.7 });
    expect(fake.runSpy).toHaveBeenCalledTimes(1);
    expect(fake.syncCount()).toBe(1);
  });

  it("insertAtActiveCell(formula) writes through range.formulas", async () => {
    const sheet = sheetWithActive("A1");
    const fake = createFakeExcel(sheet);
    await createOfficePort(fake.excel).insertAtActiveCell({ kind: "formula", formula: '=CHIPS.FIGURE("x")' });
    expect(sheet.cells.get("A1")).toEqual({ formula: '=CHIPS.FIGURE("x")' });
    expect(fake.syncCount()).toBe(1);
  });

  it("insertAtActiveCell(text) stores formula-like text with an apostrophe prefix so Excel keeps it as text", async () => {
    const sheet = sheetWithActive("A2");
    const fake = createFakeExcel(sheet);
    const port = createOfficePort(fake.excel);
    for (const text of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "plain"]) {
      await port.insertAtActiveCell({ kind: "value", value: text });
      expect(sheet.cells.get("A2")).toEqual({ value: `'${text}` });
    }
  });

  it("insertAtActiveCell rejects with writeFailed when Excel rejects the sync", async () => {
    const fake = createFakeExcel(sheetWithActive("A1"), {
      failSync: new Error("InvalidOperation: cell edit mode"),
    });
    const port = createOfficePort(fake.excel);
    await expect(port.insertAtActiveCell({ kind: "value", value: 1 })).rejects.toMatchObject({
      name: "WorkbookPortError",
      code: "writeFailed",
    });
    await expect(port.getActiveCell()).rejects.toMatchObject({ code: "readFailed" });
  });
});

describe("officeCellValue / cellRefOf", () => {
  it("officeCellValue(text) prefixes an apostrophe and leaves numbers alone", () => {
    expect(officeCellValue("=1+1")).toBe("'=1+1");
    expect(officeCellValue(-2.5)).toBe(-2.5);
  });

  it("cellRefOf strips the sheet prefix, absolute markers and the range end", () => {
    expect(cellRefOf("Sheet1", "Sheet1!$B$3")).toEqual({ sheet: "Sheet1", address: "B3" });
    expect(cellRefOf("a!b", "'a!b'!C4:D5")).toEqual({ sheet: "a!b", address: "C4" });
  });
});

import { describe, expect, it, vi } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { buildWorkbookLayout } from "../../../src/workbook/layout/buildWorkbookLayout";
import type { WorkbookLayout } from "../../../src/workbook/layout/types";
import { createOfficePort } from "../../../src/workbook/officePort";
import type { ExcelHost } from "../../../src/workbook/officePort";
import { WorkbookPortError } from "../../../src/workbook/port";
import { PRESET_SCENARIOS } from "../../workbook/fixtures";
import { createFakeExcel } from "../../workbook/officeFake";

function layout(): WorkbookLayout {
  const built = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(built)) throw new Error(built.message);
  return built;
}

function hostOf(fake: ReturnType<typeof createFakeExcel>): ExcelHost {
  return { run: fake.run };
}

/**
 * A minimal Office.js stand-in for reads: a loaded property can be read only after a sync that followed its
 * load (PropertyNotLoaded otherwise), and range writes are recorded per "Sheet!address".
 */
function createReadFake(
  sheets: Record<string, { address: string; formulas: unknown[][]; values: unknown[][] }>,
  marker?: string,
) {
  let syncs = 0;
  const writes = new Map<string, unknown>();
  const loadable = <T extends object>(fields: T): T & { load: () => void } => {
    let loadedAt = Number.POSITIVE_INFINITY;
    return new Proxy(fields as T & { load: () => void }, {
      get(target, prop) {
        if (prop === "load") return () => void (loadedAt = syncs);
        if (
          prop in target &&
          typeof (target as Record<string | symbol, unknown>)[prop] !== "function" &&
          syncs <= loadedAt
        )
          throw new Error(`PropertyNotLoaded: ${String(prop)}`);
        return (target as Record<string | symbol, unknown>)[prop];
      },
    });
  };
  const worksheet = (name: string) => ({
    name,
    getUsedRange: () =>
      loadable({ address: `'${name}'!${sheets[name]!.address}`, values: sheets[name]!.values }),
    getUsedRangeOrNullObject: () =>
      loadable({
        isNullObject: false,
        address: `'${name}'!${sheets[name]!.address}`,
        formulas: sheets[name]!.formulas,
        values: sheets[name]!.values,
      }),
    getRange: (address: string) => ({
      set values(v: unknown) {
        writes.set(`${name}!${address}`, v);
      },
      getSpillingToRangeOrNullObject: () =>
        address === "B2"
          ? loadable({ isNullObject: false, address: `'${name}'!B2:D2`, values: [[1, 2, 3]] })
          : loadable({ isNullObject: true, address: "", values: [] }),
    }),
  });
  const context = {
    workbook: {
      names: {
        getItemOrNullObject: () =>
          loadable({
            isNullObject: marker === undefined,
            formula: marker ?? "",
            getRange: () => ({
              worksheet: loadable({
                name: "CS Inputs (2)",
                getUsedRange: worksheet("CS Inputs (2)").getUsedRange,
              }),
            }),
          }),
      },
      worksheets: loadable({ items: Object.keys(sheets).map(worksheet) }),
    },
    sync: vi.fn(() => {
      syncs++;
      return Promise.resolve();
    }),
  };
  const host: ExcelHost = { run: (batch) => batch(context as unknown as Excel.RequestContext) };
  return { host, context, writes };
}

describe("createOfficePort(excel).buildModel", () => {
  it("buildModel(layout, { onConflict: 'fail' }) rejects with sheetConflict beside a user's CS Inputs", async () => {
    const fake = createFakeExcel(["CS Inputs"]);
    const port = createOfficePort(hostOf(fake), () => false);
    const error = await port.buildModel!(layout(), { onConflict: "fail" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookPortError);
    expect((error as WorkbookPortError).code).toBe("sheetConflict");
    expect(fake.sheets.map((s) => s.name)).toEqual(["CS Inputs"]);
  });

  it("buildModel(layout, { onConflict: 'rename' }) writes 'CS Inputs (2)' in 3 syncs and reports it", async () => {
    const fake = createFakeExcel(["CS Inputs"]);
    const sync = vi.spyOn(fake.context, "sync");
    const port = createOfficePort(hostOf(fake), (_name, version) => version === "1.10");
    const summary = await port.buildModel!(layout(), { onConflict: "rename" });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(summary.syncs).toBe(3);
    expect(summary.renamed).toEqual(["CS Inputs"]);
    expect(summary.sheets["CS Inputs"]).toBe("CS Inputs (2)");
    expect(summary.notes).toBe("comments");
    expect(fake.sheets.find((s) => s.name === "CS Inputs")!.writes.size).toBe(0);
  });

  it("buildModel rejects with hostUnavailable outside Excel", async () => {
    const port = createOfficePort(undefined, () => false);
    const error = await port.buildModel!(layout(), { onConflict: "fail" }).catch((e: unknown) => e);
    expect((error as WorkbookPortError).code).toBe("hostUnavailable");
  });
});

describe("createOfficePort(excel).readInputsSheet", () => {
  it("readInputsSheet() is null without the ownership marker, after 1 sync", async () => {
    const fake = createReadFake({});
    const port = createOfficePort(fake.host, () => false);
    expect(await port.readInputsSheet!()).toBeNull();
    expect(fake.context.sync).toHaveBeenCalledTimes(1);
  });

  it("readInputsSheet() follows the marker to a renamed sheet and pads the used range to A1, in 2 syncs", async () => {
    const fake = createReadFake(
      {
        "CS Inputs (2)": {
          address: "B2:C3",
          formulas: [],
          values: [
            [1, 2],
            [3, 4],
          ],
        },
      },
      "='CS Inputs (2)'!$A$1",
    );
    const port = createOfficePort(fake.host, () => false);
    const sheet = await port.readInputsSheet!();
    expect(fake.context.sync).toHaveBeenCalledTimes(2);
    expect(sheet?.sheetName).toBe("CS Inputs (2)");
    // used range B2:C3 → row 1 empty, column A padded
    expect(sheet?.grid).toEqual([[], ["", 1, 2], ["", 3, 4]]);
  });

  it("readInputsSheet() is null when the marker points at a deleted sheet (#REF!)", async () => {
    const fake = createReadFake({}, "=#REF!$A$1");
    expect(await createOfficePort(fake.host, () => false).readInputsSheet!()).toBeNull();
  });
});

// makePortable runs against the strict Office.js double: tests/workbook/strictOffice.test.ts

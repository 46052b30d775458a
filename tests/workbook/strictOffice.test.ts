import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { textCell } from "../../src/workbook/layout/cells";
import type { SheetLayout, WorkbookLayout } from "../../src/workbook/layout/types";
import { createOfficePort, PORTABLE_CELLS_PER_SYNC } from "../../src/workbook/officePort";
import { PRESET_SCENARIOS } from "./fixtures";
import { createStrictExcel, OfficeRuleError, PAYLOAD_LIMIT_BYTES } from "./strictOffice";

function layout(): WorkbookLayout {
  const built = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(built)) throw new Error(built.message);
  return built;
}

function resultsSheet(name: string): SheetLayout {
  return { name, blocks: [{ topLeft: "A1", rows: [[textCell("results")]] }], columnWidths: [] };
}

/** Runs one batch against the double and returns what it threw (or undefined). */
async function violation(
  excel: ReturnType<typeof createStrictExcel>,
  batch: (context: Excel.RequestContext) => Promise<unknown>,
): Promise<string | undefined> {
  try {
    await excel.host.run(batch);
    return undefined;
  } catch (error) {
    return error instanceof OfficeRuleError ? error.code : String(error);
  }
}

describe("createStrictExcel() enforces the documented Office.js rules", () => {
  it("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    expect(await violation(excel, (context) => Promise.resolve(context.workbook.worksheets.items))).toBe(
      "PropertyNotLoaded",
    );
    expect(
      await violation(excel, (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.load("name");
        return Promise.resolve(ws.name); // no sync yet
      }),
    ).toBe("PropertyNotLoaded");
    expect(
      await violation(excel, async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.load("name");
        await context.sync();
        return ws.name;
      }),
    ).toBeUndefined();
  });

  it("names.add of an existing name (any case) and worksheets.add of an existing sheet (any case) reject", async () => {
    const excel = createStrictExcel({ sheets: ["CS Inputs"], names: [{ name: "CS_Budget", formula: "=1" }] });
    const addName = (name: string) =>
      violation(excel, async (context) => {
        context.workbook.names.add(name, "=2");
        await context.sync();
      });
    expect(await addName("cs_budget")).toBe("ItemAlreadyExists");
    expect(
      await violation(excel, async (context) => {
        context.workbook.worksheets.add("cs inputs");
        await context.sync();
      }),
    ).toBe("ItemAlreadyExists");
  });

  it("values/formulas arrays that do not match the range's shape reject", async () => {
    const excel = createStrictExcel({ sheets: ["S"] });
    expect(
      await violation(excel, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).toBe("InvalidArgument");
    expect(
      await violation(excel, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:B1").formulas = [["=1", "=2"]];
        await context.sync();
      }),
    ).toBeUndefined();
  });

  it("a request over 5 MB rejects the sync", async () => {
    const excel = createStrictExcel({ sheets: ["S"] });
    const big = "x".repeat(PAYLOAD_LIMIT_BYTES / 10);
    expect(
      await violation(excel, async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        for (let i = 1; i <= 11; i++) ws.getRange(`A${i}`).values = [[big]];
        await context.sync();
      }),
    ).toBe("RequestPayloadSizeLimitExceeded");
  });

  it("deleting a sheet leaves its name reading =#REF!$A$1", async () => {
    const excel = createStrictExcel({
      sheets: ["CS Simulation"],
      names: [{ name: "CS_Owned_CS_Simulation", formula: "='CS Simulation'!$A$1" }],
    });
    await excel.host.run(async (context) => {
      context.workbook.worksheets.getItem("CS Simulation").delete();
      await context.sync();
    });
    expect(excel.state.names).toEqual([
      { name: "CS_Owned_CS_Simulation", formula: "=#REF!$A$1", comment: "" },
    ]);
  });
});

describe("ChipShift's Office.js paths against the strict double", () => {
  it("buildModel twice rewrites the same sheets in place (no rule broken, no '(2)' sheets)", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    await port.buildModel!(layout(), { onConflict: "rename" });
    const first = excel.state.sheets.filter((s) => !s.deleted).map((s) => s.name);
    await port.buildModel!(layout(), { onConflict: "rename" });
    expect(excel.state.sheets.filter((s) => !s.deleted).map((s) => s.name)).toEqual(first);
    expect(first.some((name) => name.endsWith("(2)"))).toBe(false);
  });

  it("buildModel keeps a user's CS_ name and the results sheets' ownership, so results are rewritten in place", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"], names: [{ name: "CS_Budget", formula: "=100" }] });
    const port = createOfficePort(excel.host, () => true);
    await port.writeSheets!([resultsSheet("CS Simulation")], []);
    await port.buildModel!(layout(), { onConflict: "rename" });
    expect(excel.state.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["CS_Budget", "CS_Owned_CS_Simulation"]),
    );
    const summary = await port.writeSheets!([resultsSheet("CS Simulation")], []);
    expect(summary.sheets["CS Simulation"]).toBe("CS Simulation");
    expect(excel.state.sheets.filter((s) => !s.deleted).map((s) => s.name)).not.toContain(
      "CS Simulation (2)",
    );
  });

  it("writeSheets after the user deleted CS Simulation removes the stale #REF! marker and writes again", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    await port.writeSheets!([resultsSheet("CS Simulation")], []);
    await excel.host.run(async (context) => {
      context.workbook.worksheets.getItem("CS Simulation").delete();
      await context.sync();
    });
    const summary = await port.writeSheets!([resultsSheet("CS Simulation")], []);
    expect(summary.sheets["CS Simulation"]).toBe("CS Simulation");
    expect(excel.state.names.filter((n) => n.name === "CS_Owned_CS_Simulation")).toEqual([
      expect.objectContaining({ formula: "='CS Simulation'!$A$1" }),
    ]);
  });

  it("buildModel beside a user's sheet 'cs inputs' (other case) writes 'CS Inputs (2)' instead of failing", async () => {
    const excel = createStrictExcel({ sheets: ["cs inputs"] });
    const summary = await createOfficePort(excel.host, () => true).buildModel!(layout(), {
      onConflict: "rename",
    });
    expect(summary.sheets["CS Inputs"]).toBe("CS Inputs (2)");
  });

  it("buildModel after the user deleted CS Model rebuilds it (stale marker removed, no rule broken)", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    await port.buildModel!(layout(), { onConflict: "rename" });
    await excel.host.run(async (context) => {
      context.workbook.worksheets.getItem("CS Model").delete();
      await context.sync();
    });
    const summary = await port.buildModel!(layout(), { onConflict: "rename" });
    expect(summary.sheets["CS Model"]).toBe("CS Model");
    expect(excel.state.names.some((n) => n.formula.includes("#REF!") && n.name.startsWith("CS_Owned_"))).toBe(
      false,
    );
  });

  it("saveDocument then loadDocument round-trips the text", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    await port.saveDocument!('{"a":"<b> & c"}');
    await port.saveDocument!('{"a":2}');
    expect(await port.loadDocument!()).toBe('{"a":2}');
    expect(excel.state.parts).toHaveLength(1);
  });

  it("makePortable on a sheet of 400,000 cells reads in bounded chunks and freezes every CHIPS cell", async () => {
    const excel = createStrictExcel({ sheets: ["Big"] });
    const cells = excel.state.sheets[0]!.cells;
    // 20,000 rows × 20 columns of long text formulas ≈ 9 MB of formulas: one read would break the 5 MB limit
    for (let r = 1; r <= 20_000; r++) {
      for (let c = 1; c <= 20; c++) {
        cells.set(`${String.fromCharCode(64 + c)}${r}`, {
          value: r,
          formula: `=LEN("${"p".repeat(16)}")+${r}`,
        });
      }
    }
    cells.set("B7", { value: 312, formula: '=CHIPS.FIGURE("a100_bf16_dense")' });
    cells.set("T19999", { value: "Ascend", formula: '=CHIPS.FIGURE("x","label")' });
    const summary = await createOfficePort(excel.host, () => false).makePortable!();
    expect(summary).toEqual({ replaced: 2, cells: ["Big!B7", "Big!T19999"] });
    expect(cells.get("B7")).toEqual({ value: 312, formula: 312 });
    expect(cells.get("T19999")?.value).toBe("Ascend");
    // 2 + ceil(400,000 / chunk) reads + 2 for the anchors
    expect(excel.state.syncs).toBe(2 + Math.ceil(400_000 / PORTABLE_CELLS_PER_SYNC) + 2);
  });

  it("makePortable() freezes CHIPS cells (a spilled one whole), leaves other formulas, in 5 syncs with ExcelApi 1.12", async () => {
    const excel = createStrictExcel({ sheets: ["Analysis"] });
    const cells = excel.state.sheets[0]!.cells;
    cells.set("A1", { value: 312, formula: '=CHIPS.FIGURE("a100_bf16_dense")' });
    cells.set("B1", { value: 2, formula: "=1+1" });
    cells.set("C1", { value: "text", formula: "text" });
    cells.set("B2", { value: 1, formula: '=CHIPS.PROJECT("licensed")' });
    cells.set("C2", { value: 2, formula: "" });
    cells.set("D2", { value: 3, formula: "" });
    excel.state.spills.set("Analysis!B2", { address: "B2:D2", values: [[1, 2, 3]] });
    const summary = await createOfficePort(excel.host, (_n, v) => v === "1.12").makePortable!();
    expect(summary).toEqual({ replaced: 2, cells: ["Analysis!A1", "Analysis!B2"] });
    expect(cells.get("A1")).toEqual({ value: 312, formula: 312 });
    expect(cells.get("B1")).toEqual({ value: 2, formula: "=1+1" });
    expect([cells.get("B2")?.formula, cells.get("C2")?.formula, cells.get("D2")?.formula]).toEqual([1, 2, 3]);
    // names, used ranges, one band, anchors read, anchors written
    expect(excel.state.syncs).toBe(5);
  });

  it("makePortable() on a workbook without CHIPS formulas writes nothing", async () => {
    const excel = createStrictExcel({ sheets: ["S", "Empty"] });
    excel.state.sheets[0]!.cells.set("A1", { value: 1, formula: "=SUM(1)" });
    expect(await createOfficePort(excel.host, () => true).makePortable!()).toEqual({
      replaced: 0,
      cells: [],
    });
    expect(excel.state.sheets[0]!.cells.get("A1")).toEqual({ value: 1, formula: "=SUM(1)" });
  });
});

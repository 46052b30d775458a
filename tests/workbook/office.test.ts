import { describe, expect, it, vi } from "vitest";
import { isModelError } from "../../src/model/index";
import { WorkbookPortError } from "../../src/workbook/port";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import type { WorkbookLayout } from "../../src/workbook/layout/types";
import { writeLayoutToExcel } from "../../src/workbook/writers/office";
import { ownershipMarkerName } from "../../src/workbook/writers/ownership";
import { named, PRESET_SCENARIOS, TINY } from "./fixtures";
import { createFakeExcel } from "./officeFake";

function layout(): WorkbookLayout {
  const built = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(built)) throw new Error(built.message);
  return built;
}

describe("writeLayoutToExcel(run, layout)", () => {
  it("writeLayoutToExcel(run, layout) rejects with sheetConflict when a user's sheet has the name and onConflict is fail", async () => {
    const fake = createFakeExcel(["Sheet1", "CS Model"]);
    const error = await writeLayoutToExcel(fake.run, layout(), { onConflict: "fail" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookPortError);
    expect((error as WorkbookPortError).code).toBe("sheetConflict");
  });

  it("writeLayoutToExcel(run, layout) builds in at most 3 syncs with whole-range writes", async () => {
    const fake = createFakeExcel(["Sheet1"]);
    const sync = vi.spyOn(fake.context, "sync");
    const result = await writeLayoutToExcel(fake.run, layout(), {
      isSetSupported: (_n, v) => v === "1.18" || v === "1.10",
    });
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(sync.mock.calls.length);
    expect(result.notes).toBe("notes");
    const inputs = fake.sheets.find((s) => s.name === "CS Inputs")!;
    const whole = [...inputs.writes.keys()].filter((k) => k.endsWith("#formulas"));
    expect(whole).toHaveLength(1); // one range write for the whole Inputs block
    const names = fake.names().map((n) => n.name);
    expect(names).toContain("CS_MarketBase");
    expect(names).toContain(ownershipMarkerName("CS Inputs"));
    expect(inputs.writes.get("B2#dataValidation.rule")).toEqual({
      list: { inCellDropDown: true, source: "='CS Inputs'!$D$5:$H$5" },
    });
    expect(fake.sheets.find((s) => s.name === "CS Compare")!.charts.map((c) => c.type)).toEqual(["Line"]);
    expect(fake.sheets.find((s) => s.name === "Sheet1")!.writes.size).toBe(0);
  });

  it("writeLayoutToExcel(run, layout) rebuilds its own sheets in place: cleared, old charts and names replaced", async () => {
    const fake = createFakeExcel(["Sheet1"]);
    await writeLayoutToExcel(fake.run, layout());
    const result = await writeLayoutToExcel(fake.run, layout());
    expect(result.renamed).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "CS Inputs",
      "CS Model",
      "CS Sources",
      "CS Compare",
    ]);
    expect(fake.sheets.find((s) => s.name === "CS Inputs")!.cleared).toBe(1);
    const compareCharts = fake.sheets.find((s) => s.name === "CS Compare")!.charts;
    expect(compareCharts.filter((c) => !c.deleted)).toHaveLength(1);
    expect(fake.names().filter((n) => n.name === "CS_MarketBase")).toHaveLength(1);
  });

  it("writeLayoutToExcel(run, layout) never overwrites a user's sheet with a clashing name: writes 'CS Inputs (2)'", async () => {
    const fake = createFakeExcel(["CS Inputs"]);
    const result = await writeLayoutToExcel(fake.run, layout());
    expect(result.renamed).toEqual(["CS Inputs"]);
    expect(result.sheets["CS Inputs"]).toBe("CS Inputs (2)");
    expect(fake.sheets.find((s) => s.name === "CS Inputs")!.writes.size).toBe(0);
    const marketBase = fake.names().find((n) => n.name === "CS_MarketBase")!;
    expect(marketBase.formula).toBe("='CS Inputs (2)'!$I$8");
  });

  it("writeLayoutToExcel(run, layout) writes user text with an apostrophe so Excel keeps it as text", async () => {
    const built = buildWorkbookLayout([named('=HYPERLINK("x")', TINY)]);
    if (isModelError(built)) throw new Error(built.message);
    const fake = createFakeExcel([]);
    await writeLayoutToExcel(fake.run, built);
    const formulas = fake.sheets
      .find((s) => s.name === "CS Inputs")!
      .writes.get(`A1:${"G"}${built.sheets[0]!.blocks[0]!.rows.length}#formulas`) as unknown[][];
    expect(formulas[4]![3]).toBe('\'=HYPERLINK("x")');
    expect(formulas[1]![1]).toBe('\'=HYPERLINK("x")');
  });
});

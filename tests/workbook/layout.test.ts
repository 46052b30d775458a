import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { renameSheets } from "../../src/workbook/layout/renameSheets";
import { named, PRESET_SCENARIOS, TINY } from "./fixtures";

describe("buildWorkbookLayout(scenarios, options)", () => {
  it("buildWorkbookLayout([]) is invalidInput", () => {
    const result = buildWorkbookLayout([]);
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });

  it("buildWorkbookLayout(scenarios) rejects duplicate names and invalid scenarios with invalidInput", () => {
    const dup = buildWorkbookLayout([named("A", TINY), named("a", TINY)]);
    expect(isModelError(dup) && dup.code).toBe("invalidInput");
    const bad = buildWorkbookLayout([named("A", { ...TINY, domesticShareCap: 1.4 })]);
    expect(isModelError(bad) && bad.code).toBe("invalidInput");
  });

  it("buildWorkbookLayout(presets) lays out the four sheets, live names, the switch list and two charts", () => {
    const layout = buildWorkbookLayout(PRESET_SCENARIOS);
    if (isModelError(layout)) throw new Error(layout.message);
    expect(layout.sheets.map((s) => s.name)).toEqual(["CS Inputs", "CS Model", "CS Sources", "CS Compare"]);
    // 16 scalar inputs start at row 6; marketBase is the 3rd → row 8; 4 scenarios in D..G → Live in H
    expect(layout.names.find((n) => n.name === "CS_MarketBase")?.ref).toBe("'CS Inputs'!$H$8");
    expect(layout.validations).toEqual([
      { sheet: "CS Inputs", address: "B2", sourceRef: "'CS Inputs'!$D$5:$G$5" },
    ]);
    expect(layout.charts.map((c) => c.kind)).toEqual(["line", "stackedArea"]);
  });

  it("renameSheets(layout, mapping) rewrites quoted sheet references in formulas and names", () => {
    const layout = buildWorkbookLayout([named("Tiny", TINY)]);
    if (isModelError(layout)) throw new Error(layout.message);
    const renamed = renameSheets(layout, { "CS Inputs": "CS Inputs (2)" });
    expect(renamed.sheets[0]!.name).toBe("CS Inputs (2)");
    expect(renamed.names.every((n) => n.ref.startsWith("'CS Inputs (2)'!"))).toBe(true);
    expect(renamed.validations[0]!.sourceRef).toBe("'CS Inputs (2)'!$D$5:$D$5");
  });
});

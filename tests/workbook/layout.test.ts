import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { renameSheets } from "../../src/workbook/layout/renameSheets";
import { named, PRESET_SCENARIOS, TINY, TINY_V2 } from "./fixtures";

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

  it("buildWorkbookLayout(presets) lays out the four sheets, live names, the switch list and four charts", () => {
    const layout = buildWorkbookLayout(PRESET_SCENARIOS);
    if (isModelError(layout)) throw new Error(layout.message);
    expect(layout.sheets.map((s) => s.name)).toEqual(["CS Inputs", "CS Model", "CS Sources", "CS Compare"]);
    // 16 scalar inputs start at row 6; marketBase is the 3rd → row 8; 5 scenarios in D..H → Live in I
    expect(layout.names.find((n) => n.name === "CS_MarketBase")?.ref).toBe("'CS Inputs'!$I$8");
    expect(layout.validations).toEqual([
      { sheet: "CS Inputs", address: "B2", sourceRef: "'CS Inputs'!$D$5:$H$5" },
    ]);
    // Compare: outlook by scenario; Model: market split, revenue by channel, model vs outlook
    expect(layout.charts.map((c) => [c.id, c.kind])).toEqual([
      ["nvidiaChinaByScenario", "line"],
      ["marketSplit", "stackedArea"],
      ["channels", "stackedArea"],
      ["outlook", "line"],
    ]);
  });

  it("renameSheets(layout, mapping) rewrites quoted sheet references in formulas and names", () => {
    const layout = buildWorkbookLayout([named("Tiny", TINY)]);
    if (isModelError(layout)) throw new Error(layout.message);
    const renamed = renameSheets(layout, { "CS Inputs": "CS Inputs (2)" });
    expect(renamed.sheets[0]!.name).toBe("CS Inputs (2)");
    expect(renamed.names.every((n) => n.ref.startsWith("'CS Inputs (2)'!"))).toBe(true);
    expect(renamed.validations[0]!.sourceRef).toBe("'CS Inputs (2)'!$D$5:$D$5");
  });

  it("buildWorkbookLayout([tiny v2]) lays out the reported quarters as inputs: value with its source note, figure id as text", () => {
    const hostile = '=HYPERLINK("http://evil","x")';
    const scenario = {
      ...TINY_V2,
      reported: [TINY_V2.reported![0]!, { ...TINY_V2.reported![1]!, figureId: hostile }],
    };
    const layout = buildWorkbookLayout([named("Tiny v2", TINY_V2), named("Hostile", scenario)]);
    if (isModelError(layout)) throw new Error(layout.message);
    const rows = layout.sheets[0]!.blocks[0]!.rows;
    const row = (id: string) => rows.find((r) => r[0]?.value === id)!;
    // TINY covers 2025..2026 → FY2026 and FY2027 quarters; Q2 FY2027 = 22 with the cited figure's note
    expect(rows.filter((r) => /^reported\[Q\d FY\d{4}\]$/.test(String(r[0]?.value)))).toHaveLength(8);
    expect(row("reported[Q2 FY2027]")[3]).toMatchObject({ value: 22, style: "input" });
    expect(row("reported[Q2 FY2027]")[3]!.note).toMatch(/customer/i);
    expect(row("reported[Q3 FY2027]")[3]).toMatchObject({ style: "input" });
    expect(row("reported[Q3 FY2027]")[3]!.value).toBeUndefined();
    expect(row("reported[Q2 FY2027].figureId")[3]).toMatchObject({
      value: "nvda_china_rev_fy2026_hq",
      text: true,
    });
    expect(row("reported[Q2 FY2027].figureId")[4]).toMatchObject({ value: hostile, text: true });
    expect(row("reported[Q2 FY2027].figureId")[4]!.formula).toBeUndefined();
    // the Live column keeps a blank quarter blank ("") so COUNT sees only reported quarters
    expect(row("reported[Q3 FY2027]")[5]!.formula).toMatch(/^=IF\(INDEX\(.*\)="","",INDEX\(/);
  });
});

import { describe, expect, it } from "vitest";
import { tabDensity } from "../../src/taskpane/SectionTabs";

/** Text widths measured in Chromium for the tab font (600 14px, the fallback of Segoe UI), rounded up. */
const WIDTHS: Readonly<Record<string, number>> = {
  Scenario: 60,
  Simulate: 59,
  Sensitivity: 71,
  Figures: 51,
  Build: 35,
  Evidence: 62,
  Sources: 56,
};
const width = (label: string): number => WIDTHS[label] ?? 80;
const FIVE = ["Scenario", "Simulate", "Sensitivity", "Figures", "Build"];
const SEVEN = [...FIVE, "Evidence", "Sources"];

describe("tabDensity", () => {
  it("tabDensity() shows every label when the bar is wide enough", () => {
    // hand-computed: Σ(34 + text) = 5 × 34 + 276 = 446 ≤ 600 − 8
    expect(tabDensity(600, FIVE, 0, width)).toBe("full");
  });

  it("tabDensity() keeps only the selected tab's label in a 350 px pane (326 px bar)", () => {
    // full: 446 > 318; compact with Sensitivity selected: 4 × 28 + 34 + 71 = 217 ≤ 318
    expect(tabDensity(326, FIVE, 2, width)).toBe("compact");
  });

  it("tabDensity() fits seven tabs in a 320 px pane (296 px bar) with the longest label selected", () => {
    // compact: 6 × 28 + 34 + 71 = 273 ≤ 296 − 8
    expect(tabDensity(296, SEVEN, 2, width)).toBe("compact");
  });

  it("tabDensity() falls back to icons only when even one label does not fit", () => {
    // compact: 9 × 28 + 34 + 71 = 357 > 292; icons: 10 × 28 = 280
    expect(tabDensity(300, [...SEVEN, "A", "B", "C"], 2, width)).toBe("icons");
  });

  it("tabDensity() shows labels while the width is unknown (not laid out yet)", () => {
    expect(tabDensity(undefined, SEVEN, 0, width)).toBe("full");
    expect(tabDensity(0, SEVEN, 0, width)).toBe("full");
  });
});

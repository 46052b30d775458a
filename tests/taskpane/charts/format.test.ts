import { describe, expect, it } from "vitest";
import { formatPercent, formatUsdBn, yearLabel } from "../../../src/taskpane/charts/format";

describe("formatUsdBn", () => {
  it("formatUsdBn(v) shows one decimal below $100bn", () => {
    // hand-computed: 19.74 rounded to one decimal = 19.7
    expect(formatUsdBn(19.74)).toBe("$19.7bn");
    expect(formatUsdBn(0)).toBe("$0bn");
  });

  it("formatUsdBn(v) drops decimals from $100bn and marks negatives with a minus sign", () => {
    // hand-computed: 150.4 → 150; −2.5 keeps one decimal
    expect(formatUsdBn(150.4)).toBe("$150bn");
    expect(formatUsdBn(-2.5)).toBe("−$2.5bn");
  });
});

describe("formatPercent", () => {
  it("formatPercent(f) shows whole percentages without decimals", () => {
    // hand-computed: 0.41 × 100 = 41
    expect(formatPercent(0.41)).toBe("41%");
  });

  it("formatPercent(f) keeps one decimal when needed", () => {
    // hand-computed: 0.415 × 100 = 41.5; 0.0333 × 100 = 3.33 → 3.3
    expect(formatPercent(0.415)).toBe("41.5%");
    expect(formatPercent(0.0333)).toBe("3.3%");
  });
});

describe("yearLabel", () => {
  it("yearLabel(y) pairs a calendar year with NVIDIA's fiscal year y + 1", () => {
    // DESIGN.md §4: FY2026 ≈ CY2025
    expect(yearLabel(2025)).toBe("2025/FY26");
    // hand-computed: 2099 + 1 = 2100 → "00"
    expect(yearLabel(2099)).toBe("2099/FY00");
  });
});

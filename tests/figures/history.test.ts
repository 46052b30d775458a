import { describe, expect, it } from "vitest";
import { nvidiaChinaRevenueHistory } from "../../src/figures";

describe("nvidiaChinaRevenueHistory()", () => {
  const history = nvidiaChinaRevenueHistory();

  it("nvidiaChinaRevenueHistory() lists annual rows only, sorted by fiscal year, billing before HQ", () => {
    expect(history.map((r) => `${r.fiscalYear}:${r.basis}`)).toEqual([
      "FY2020:billingLocation",
      "FY2021:billingLocation",
      "FY2022:billingLocation",
      "FY2024:billingLocation",
      "FY2024:customerHq",
      "FY2025:billingLocation",
      "FY2025:customerHq",
      "FY2026:customerHq",
    ]);
  });

  it("nvidiaChinaRevenueHistory() keeps both FY2025 values unspliced, in USD bn", () => {
    const fy2025 = history.filter((r) => r.fiscalYear === "FY2025");
    // FIGURES.md: $17B as originally reported (billing) vs 25,048 USD m recast = 25.048 USD bn
    expect(fy2025.map((r) => r.figureId)).toEqual([
      "nvda_china_rev_fy2025_billing",
      "nvda_china_rev_fy2025_hq",
    ]);
    expect(fy2025[0]?.valueUsdBn).toBe(17);
    expect(fy2025[1]?.valueUsdBn).toBeCloseTo(25.048, 12);
  });

  it("nvidiaChinaRevenueHistory() converts USD millions: FY2020 2,731 → 2.731", () => {
    // hand-computed: 2,731 / 1000 = 2.731 (10-K FY2022, R41)
    expect(history[0]?.valueUsdBn).toBeCloseTo(2.731, 12);
  });
});

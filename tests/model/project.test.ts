import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import {
  createKernelBuffers,
  kernelParamsFromScenario,
  noControlsKernelParams,
  projectKernel,
} from "../../src/model/kernel";
import {
  cagrNvidiaChina,
  fiscalYearLabel,
  noControlsScenario,
  projectScenario,
} from "../../src/model/project";
import type { Projection, Scenario } from "../../src/model/types";
import { deepFreeze, smallScenario } from "./fixtures";

function project(s: Scenario): Projection {
  const p = projectScenario(deepFreeze(s));
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

function expectSeries(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  // relative tolerance 1e-12 (absolute 1e-12 near zero): the oracle is exact decimal arithmetic
  expected.forEach((value, t) =>
    expect(Math.abs(actual[t]! - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value))),
  );
}

describe("projectScenario(s) on the small hand-computed scenario (H = 2, regimes open/lic, one vendor)", () => {
  const p = project(smallScenario());

  it("projectScenario(s) labels calendar and fiscal years", () => {
    expect(p.years.calendar).toEqual([2030, 2031, 2032]);
    // FY(y+1) ≈ calendar y
    expect(p.years.fiscal).toEqual(["FY2031", "FY2032", "FY2033"]);
  });

  it("projectScenario(s) computes the market with fading growth", () => {
    // hand-computed: M0 = 100; g1 = 0.2 → 120; g2 = 0.2 × (1 − 0.5) = 0.1 → 132
    expectSeries(p.series.market, [100, 120, 132]);
  });

  it("projectScenario(s) computes the logistic desired share and supply", () => {
    // hand-computed: d_t = 0.6 / (1 + (0.6/0.2 − 1) · 0.5^t) = 0.6/3, 0.6/2, 0.6/1.5
    expectSeries(p.series.domesticDemandShare, [0.2, 0.3, 0.4]);
    // hand-computed: C_t = 30 × 1.5^t = 30, 45, 67.5
    expectSeries(p.series.domesticSupply, [30, 45, 67.5]);
  });

  it("projectScenario(s) splits demand into foreign, NVIDIA, other foreign, blocked", () => {
    // hand-computed: D1 = min(d·M, C) = min(20,30)=20, min(36,45)=36, min(52.8,67.5)=52.8; F = M − D1
    expectSeries(p.series.foreignDemand, [80, 84, 79.2]);
    expectSeries(p.series.access, [1, 0.5, 0.5]);
    // hand-computed: N = 0.8·a·F = 64, 0.8·0.5·84 = 33.6, 0.8·0.5·79.2 = 31.68
    expectSeries(p.series.nvidiaDataCenter, [64, 33.6, 31.68]);
    // hand-computed: Z = 0.2·a·F = 16, 8.4, 7.92
    expectSeries(p.series.otherForeign, [16, 8.4, 7.92]);
    // hand-computed: B = (1 − a)·F = 0, 42, 39.6
    expectSeries(p.series.blockedDemand, [0, 42, 39.6]);
  });

  it("projectScenario(s) substitutes blocked demand up to spare supply", () => {
    // hand-computed: X = min(0.25·B, C − D1) = min(0,10)=0, min(10.5, 9)=9 (supply-capped), min(9.9, 14.7)=9.9
    expectSeries(p.series.substituted, [0, 9, 9.9]);
    // hand-computed: D = D1 + X = 20, 45, 62.7; U = B − X = 0, 33, 29.7
    expectSeries(p.series.domesticSales, [20, 45, 62.7]);
    expectSeries(p.series.unmetDemand, [0, 33, 29.7]);
    // hand-computed: D/M = 0.2, 45/120 = 0.375, 62.7/132 = 0.475
    expectSeries(p.series.domesticShare, [0.2, 0.375, 0.475]);
    // hand-computed: N/M = 0.64, 33.6/120 = 0.28, 31.68/132 = 0.24
    expectSeries(p.series.nvidiaShare, [0.64, 0.28, 0.24]);
  });

  it("projectScenario(s) computes NVIDIA revenue, remittance and net", () => {
    // hand-computed: O = 10 × 1.1^t = 10, 11, 12.1; T = N + O = 74, 44.6, 43.78
    expectSeries(p.series.nvidiaOther, [10, 11, 12.1]);
    expectSeries(p.series.nvidiaChina, [74, 44.6, 43.78]);
    // hand-computed: R = ρ·N = 0, 0.2·33.6 = 6.72, 0.2·31.68 = 6.336; Tn = T − R = 74, 37.88, 37.444
    expectSeries(p.series.remittance, [0, 6.72, 6.336]);
    expectSeries(p.series.nvidiaChinaNet, [74, 37.88, 37.444]);
  });

  it("projectScenario(s) computes the vendor layer and installed base", () => {
    const x = p.vendors["x"]!;
    // hand-computed: units = 1 · D · 1e6 / 10 = 2e6, 4.5e6, 6.27e6
    expectSeries(x.units, [2e6, 4.5e6, 6.27e6]);
    // hand-computed: pflops = units · 312 / 1000 = 624000, 1404000, 1956240
    expectSeries(x.pflops, [624_000, 1_404_000, 1_956_240]);
    // hand-computed: a100eq = units · 312 / 312 = units
    expectSeries(x.a100eq, [2e6, 4.5e6, 6.27e6]);
    // hand-computed: installed = 2e6; 2e6·0.5 + 4.5e6 = 5.5e6; 5.5e6·0.5 + 6.27e6 = 9.02e6
    expectSeries(p.series.installedA100eq, [2e6, 5.5e6, 9.02e6]);
  });

  it("projectScenario(s) computes the summary metrics", () => {
    // hand-computed: Σ_{t=1..2} T = 44.6 + 43.78 = 88.38
    expect(p.summary.cumulativeNvidiaChina).toBeCloseTo(88.38, 9);
    // hand-computed: 44.6/1.1 + 43.78/1.21 = 40.545454… + 36.181818… = 76.727272…
    expect(p.summary.npvNvidiaChina).toBeCloseTo(76.72727272727273, 9);
    // hand-computed: (43.78/74)^(1/2) − 1 = √0.591621… − 1 = −0.230831…
    expect(p.summary.cagrNvidiaChina).toBeCloseTo(Math.sqrt(43.78 / 74) - 1, 12);
    // domestic share 0.2, 0.375, 0.475 never reaches 0.5
    expect(p.summary.crossoverYear).toBeNull();
    // hand-computed: T_ref = 0.8·F + O = 74, 78.2, 75.46 → at risk 0, 33.6, 31.68; total (t=1..2) 65.28
    expectSeries(p.summary.revenueAtRisk, [0, 33.6, 31.68]);
    expect(p.summary.revenueAtRiskTotal).toBeCloseTo(65.28, 9);
  });
});

describe("projectScenario(s) edge cases", () => {
  it("projectScenario(s) applies a marketPath override and resumes growth from it", () => {
    const p = project({ ...smallScenario(), marketPath: { "2031": 150 } });
    // hand-computed: M1 = 150 (override); M2 = 150 × (1 + 0.1) = 165
    expectSeries(p.series.market, [100, 150, 165]);
  });

  it("projectScenario(s) ignores marketPath years after the horizon", () => {
    const p = project({ ...smallScenario(), marketPath: { "2040": 999 } });
    expectSeries(p.series.market, [100, 120, 132]);
  });

  it("projectScenario(s) reports the first crossover year including the base year", () => {
    // hand-computed: s0 = 0.6 = S → d_t = 0.6; D1 = min(60, 30) = 30 → share 0.3 at t=0;
    // t=1: min(72, 45) = 45, B = 0.5·75 = 37.5, X = min(9.375, 0) = 0 → 45/120 = 0.375;
    // t=2: min(79.2, 67.5) = 67.5 → 67.5/132 = 0.511 ≥ 0.5 → 2032
    const p = project({ ...smallScenario(), domesticShareBase: 0.6 });
    expect(p.summary.crossoverYear).toBe(2032);
  });

  it("projectScenario(s) gives a null CAGR when T_0 = 0", () => {
    const s = smallScenario();
    const p = project({ ...s, otherBase: 0, regimes: { ...s.regimes, open: { access: 0, remittance: 0 } } });
    expect(p.series.nvidiaChina[0]).toBe(0);
    expect(p.summary.cagrNvidiaChina).toBeNull();
  });

  it("projectScenario(s) revenue at risk equals a full run of noControlsScenario(s)", () => {
    const s = smallScenario();
    const reference = project(noControlsScenario(s));
    const p = project(s);
    p.summary.revenueAtRisk.forEach((risk, t) =>
      expect(risk).toBeCloseTo(reference.series.nvidiaChina[t]! - p.series.nvidiaChina[t]!, 12),
    );
  });

  it("projectKernel(noControlsKernelParams(p)) matches projectScenario(noControlsScenario(s))", () => {
    const s = smallScenario();
    const out = createKernelBuffers(2, 1);
    projectKernel(noControlsKernelParams(kernelParamsFromScenario(s)), out);
    // hand-computed: T_ref = 74, 78.2, 75.46 (see the summary test)
    expectSeries(Array.from(out.nvidiaChina), [74, 78.2, 75.46]);
  });

  it("projectScenario(s) returns equal results on repeated calls (workspace reuse leaks nothing)", () => {
    const first = project(smallScenario());
    project({ ...smallScenario(), marketBase: 5 });
    expect(project(smallScenario())).toEqual(first);
  });
});

describe("projectScenario(s) error paths", () => {
  it("projectScenario(s) returns invalidInput for an invalid scenario", () => {
    const result = projectScenario({ ...smallScenario(), horizon: 0 });
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });
});

describe("cagrNvidiaChina(T0, TH, H)", () => {
  it("cagrNvidiaChina(10, 14.4, 2) is 0.2", () => {
    // hand-computed: √(14.4/10) − 1 = 1.2 − 1 = 0.2
    expect(cagrNvidiaChina(10, 14.4, 2)).toBeCloseTo(0.2, 12);
  });

  it("cagrNvidiaChina(0, …) is divisionByZero", () => {
    const result = cagrNvidiaChina(0, 5, 2);
    expect(isModelError(result) && result.code).toBe("divisionByZero");
  });

  it("cagrNvidiaChina rejects a non-positive horizon and negative T_H", () => {
    const h = cagrNvidiaChina(1, 1, 0);
    const tH = cagrNvidiaChina(1, -1, 2);
    expect(isModelError(h) && h.code).toBe("invalidInput");
    expect(isModelError(tH) && tH.code).toBe("invalidInput");
  });

  it("fiscalYearLabel(2025) is FY2026", () => {
    expect(fiscalYearLabel(2025)).toBe("FY2026");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isModelError, projectScenario } from "../../src/model/index";
import type { Projection, Regime, Scenario } from "../../src/model/types";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import type { NamedScenario, WorkbookLayout } from "../../src/workbook/layout/types";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { named, PRESET_SCENARIOS, TINY, TINY_V2 } from "./fixtures";
import { maxSheetVsEngine, modelRows, setCell } from "./hfHelpers";

const TOLERANCE = 1e-9;

function layoutOf(scenarios: NamedScenario[]): WorkbookLayout {
  const layout = buildWorkbookLayout(scenarios);
  if (isModelError(layout)) throw new Error(layout.message);
  return layout;
}

function projectionOf(s: Scenario): Projection {
  const p = projectScenario(s);
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

describe("CS Model computed by HyperFormula", () => {
  it("createHyperFormulaWorkbook(buildWorkbookLayout([tiny])) computes the hand-computed values", () => {
    const hf = createHyperFormulaWorkbook(layoutOf([named("Tiny", TINY)]));
    const rows = modelRows(hf);
    // hand-computed: M_0 = 100; M_1 = 100 × 1.1 = 110
    expect(rows.get("market")![0]).toBe(100);
    expect(rows.get("market")![1]).toBeCloseTo(110, 12);
    // hand-computed: d = 0.5 (s0 = S); D1 = min(0.5 × M, 100) = 50, 55; F = M − D1 = 50, 55; N = φ·a·F = 50, 55
    expect(rows.get("nvidiaDataCenter")![0]).toBe(50);
    expect(rows.get("nvidiaDataCenter")![1]).toBeCloseTo(55, 12);
    // hand-computed: units = 1 × 50 × 1e6 / 10 = 5,000,000; 55 × 1e6 / 10 = 5,500,000
    expect(rows.get("vendors.v.units")![0]).toBe(5_000_000);
    expect(rows.get("vendors.v.units")![1]).toBeCloseTo(5_500_000, 6);
    // hand-computed: a100eq = units × 312 / 312; installed_1 = 5e6 × (1 − 0) + 5.5e6 = 10.5e6
    expect(rows.get("installedA100eq")![1]).toBeCloseTo(10_500_000, 6);
    // hand-computed: cumulative over t = 1..1 = T_1 = 55; r = 0 so NPV = 55; CAGR = 55/50 − 1 = 0.1
    expect(rows.get("cumulativeNvidiaChina")![0]).toBeCloseTo(55, 12);
    expect(rows.get("npvNvidiaChina")![0]).toBeCloseTo(55, 12);
    expect(rows.get("cagrNvidiaChina")![0]).toBeCloseTo(0.1, 12);
    // hand-computed: domestic share = 50/100 = 0.5 ≥ 0.5 already at t = 0 → crossover 2025
    expect(rows.get("crossoverYear")![0]).toBe(2025);
    // hand-computed: access is already 1, so revenue at risk = 0
    expect(rows.get("revenueAtRiskTotal")![0]).toBeCloseTo(0, 12);
  });

  it("createHyperFormulaWorkbook(buildWorkbookLayout([tiny v2])) computes the channel, outlook and gap rows by hand", () => {
    const hf = createHyperFormulaWorkbook(layoutOf([named("Tiny v2", TINY_V2)]));
    const rows = modelRows(hf);
    const row = (id: string): number[] =>
      rows
        .get(id)!
        .slice(0, 2)
        .map((v) => Number(Number(v).toFixed(12)));
    // hand-computed: P = 10·1.2^t = 10, 12; oa = 0.5 → Q = 5, 6 and W = 5, 6
    expect(row("offshoreDemand")).toEqual([10, 12]);
    expect(row("offshoreAccess")).toEqual([0.5, 0.5]);
    expect(row("nvidiaOffshore")).toEqual([5, 6]);
    expect(row("offshoreBlocked")).toEqual([5, 6]);
    // hand-computed: T = N + Q + O = 50 + 5 + 0, 55 + 6 + 0
    expect(row("nvidiaChina")).toEqual([55, 61]);
    // reported: Q1 FY2027 = 20 and Q2 FY2027 = 22 belong to calendar 2026 (t = 1) → k = 0, 2 and A = 0, 42
    expect(row("reportedQuarters")).toEqual([0, 2]);
    expect(row("nvidiaChinaReported")).toEqual([0, 42]);
    // hand-computed: T* = A + T·(4 − k)/4 = 55, 42 + 61·2/4 = 72.5; G = A − T·k/4 = 0, 42 − 30.5 = 11.5
    expect(row("nvidiaChinaOutlook")).toEqual([55, 72.5]);
    expect(row("reportedGap")).toEqual([0, 11.5]);
    // hand-computed: R = 0 (no remittance) → Tn = T* = 55, 72.5
    expect(row("nvidiaChinaNet")).toEqual([55, 72.5]);
    // summaries on T*: cumulative = NPV (r = 0) = 72.5; CAGR = 72.5/55 − 1
    expect(rows.get("cumulativeNvidiaChina")![0]).toBeCloseTo(72.5, 12);
    expect(rows.get("npvNvidiaChina")![0]).toBeCloseTo(72.5, 12);
    expect(rows.get("cagrNvidiaChina")![0]).toBeCloseTo(72.5 / 55 - 1, 12);
    // reference opens the offshore channel: T_ref = 50 + 10, 55 + 12 → T*_ref = 60, 42 + 67/2 = 75.5;
    // revenue at risk = 60 − 55, 75.5 − 72.5 = 5, 3; total over t = 1..1 = 3
    expect(row("revenueAtRisk")).toEqual([5, 3]);
    expect(rows.get("revenueAtRiskTotal")![0]).toBeCloseTo(3, 12);
  });

  it("every preset, chosen with the switch cell, matches projectScenario() within 1e-9 relative", () => {
    const hf = createHyperFormulaWorkbook(layoutOf(PRESET_SCENARIOS));
    for (const preset of PRESET_SCENARIOS) {
      setCell(hf, "CS Inputs", "B2", `'${preset.name}`);
      const { worst, where } = maxSheetVsEngine(modelRows(hf), projectionOf(preset.scenario));
      expect(worst, `${preset.name}: ${where}`).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it("random valid scenarios match projectScenario() within 1e-9 relative (fast-check, 20 runs)", () => {
    const base = PRESET_SCENARIOS[0]!.scenario;
    const arb = fc.record({
      horizon: fc.integer({ min: 1, max: 10 }),
      marketBase: fc.double({ min: 1, max: 200, noNaN: true }),
      marketGrowth: fc.double({ min: -0.5, max: 1, noNaN: true }),
      marketGrowthFade: fc.double({ min: 0, max: 1, noNaN: true }),
      domesticShareBase: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
      capRoom: fc.double({ min: 0, max: 1, noNaN: true }),
      adoptionSpeed: fc.double({ min: 0, max: 2, noNaN: true }),
      domesticSupplyBase: fc.double({ min: 0, max: 100, noNaN: true }),
      domesticSupplyGrowth: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      nvidiaForeignShare: fc.double({ min: 0, max: 1, noNaN: true }),
      substitutionRate: fc.double({ min: 0, max: 1, noNaN: true }),
      otherBase: fc.double({ min: 0.1, max: 30, noNaN: true }),
      discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
      access: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
      path: fc.array(fc.constantFrom("a", "b"), { minLength: 11, maxLength: 11 }),
      retirementRate: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const scenario: Scenario = {
          ...base,
          horizon: r.horizon,
          marketBase: r.marketBase,
          marketGrowth: r.marketGrowth,
          marketGrowthFade: r.marketGrowthFade,
          domesticShareBase: r.domesticShareBase,
          domesticShareCap: r.domesticShareBase + (1 - r.domesticShareBase) * r.capRoom,
          adoptionSpeed: r.adoptionSpeed,
          domesticSupplyBase: r.domesticSupplyBase,
          domesticSupplyGrowth: r.domesticSupplyGrowth,
          nvidiaForeignShare: r.nvidiaForeignShare,
          substitutionRate: r.substitutionRate,
          otherBase: r.otherBase,
          discountRate: r.discountRate,
          regimes: {
            a: { access: r.access[0]!, remittance: 0.25 },
            b: { access: r.access[1]!, remittance: 0 },
          },
          regimePath: r.path.slice(0, r.horizon + 1),
          marketPath: r.horizon >= 2 ? { [String(base.baseYear + 2)]: 77 } : {},
          retirementRate: r.retirementRate,
        };
        const hf = createHyperFormulaWorkbook(layoutOf([named("Random", scenario)]));
        const { worst, where } = maxSheetVsEngine(modelRows(hf), projectionOf(scenario));
        expect(worst, where).toBeLessThanOrEqual(TOLERANCE);
      }),
      { numRuns: 20, seed: 20261128, endOnFailure: true },
    );
  });

  it("random v2 scenarios (offshore channel, offshore access per regime, reported quarters, s0 above the cap) match projectScenario() within 1e-9 relative (fast-check, 20 runs)", () => {
    const base = PRESET_SCENARIOS[0]!.scenario;
    const quarter = fc.record({
      t: fc.integer({ min: 0, max: 10 }),
      q: fc.integer({ min: 1, max: 4 }),
      value: fc.double({ min: 0, max: 20, noNaN: true }),
      cited: fc.boolean(),
    });
    const arb = fc.record({
      horizon: fc.integer({ min: 1, max: 10 }),
      domesticShareBase: fc.double({ min: 0.01, max: 1, noNaN: true }),
      domesticShareCap: fc.double({ min: 0.01, max: 1, noNaN: true }),
      adoptionSpeed: fc.double({ min: 0, max: 2, noNaN: true }),
      offshoreBase: fc.double({ min: 0, max: 30, noNaN: true }),
      offshoreGrowth: fc.double({ min: -0.5, max: 1, noNaN: true }),
      access: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
      offshoreAccess: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true })), {
        minLength: 2,
        maxLength: 2,
      }),
      path: fc.array(fc.constantFrom("a", "b"), { minLength: 11, maxLength: 11 }),
      reported: fc.array(quarter, { maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const regime = (i: number, remittance: number): Regime => {
          const oa = r.offshoreAccess[i];
          return { access: r.access[i]!, remittance, ...(oa === null ? {} : { offshoreAccess: oa }) };
        };
        const seen = new Set<string>();
        const reported = r.reported
          .filter((e) => e.t <= r.horizon)
          .map((e) => ({
            period: `Q${e.q} FY${base.baseYear + e.t + 1}`,
            value: e.value,
            ...(e.cited ? { figureId: "nvda_china_rev_fy2026_hq" } : {}),
          }))
          .filter((e) => !seen.has(e.period) && seen.add(e.period) !== undefined);
        const scenario: Scenario = {
          ...base,
          horizon: r.horizon,
          domesticShareBase: r.domesticShareBase,
          domesticShareCap: r.domesticShareCap,
          adoptionSpeed: r.adoptionSpeed,
          offshoreBase: r.offshoreBase,
          offshoreGrowth: r.offshoreGrowth,
          regimes: { a: regime(0, 0.25), b: regime(1, 0) },
          regimePath: r.path.slice(0, r.horizon + 1),
          marketPath: {},
          reported,
        };
        const hf = createHyperFormulaWorkbook(layoutOf([named("Random v2", scenario)]));
        const { worst, where } = maxSheetVsEngine(modelRows(hf), projectionOf(scenario));
        expect(worst, where).toBeLessThanOrEqual(TOLERANCE);
      }),
      { numRuns: 20, seed: 20261202, endOnFailure: true },
    );
  });

  it("editing an input cell in CS Inputs changes the model as the engine says", () => {
    const base = PRESET_SCENARIOS[0]!;
    const hf = createHyperFormulaWorkbook(layoutOf(PRESET_SCENARIOS));
    // The Base column is D; marketBase is the third scalar row (rows 6.. hold the scalars in SCALAR_INPUTS order).
    const inputs = hf.getSheetValues(hf.getSheetId("CS Inputs")!);
    const row = inputs.findIndex((r) => r[0] === "marketBase") + 1;
    setCell(hf, "CS Inputs", `D${row}`, 61.5);
    const { worst, where } = maxSheetVsEngine(
      modelRows(hf),
      projectionOf({ ...base.scenario, marketBase: 61.5 }),
    );
    expect(worst, where).toBeLessThanOrEqual(TOLERANCE);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isModelError, projectScenario, SERIES_IDS, VENDOR_SERIES_IDS } from "../../src/model/index";
import type { Projection, Scenario } from "../../src/model/types";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import type { NamedScenario, WorkbookLayout } from "../../src/workbook/layout/types";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { named, PRESET_SCENARIOS, TINY } from "./fixtures";
import { modelRows, relativeDiff, setCell } from "./hfHelpers";

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

/** Largest relative difference between the sheet (as HyperFormula computes it) and the engine. */
function maxSheetVsEngine(rows: Map<string, unknown[]>, p: Projection): { worst: number; where: string } {
  let worst = 0;
  let where = "";
  const check = (id: string, expected: readonly number[]): void => {
    const actual = rows.get(id);
    if (actual === undefined) throw new Error(`row ${id} missing`);
    expected.forEach((e, t) => {
      const a = actual[t];
      const diff =
        typeof a === "number" ? (Math.abs(a - e) < 1e-12 ? 0 : relativeDiff(a, e)) : Number.POSITIVE_INFINITY;
      if (diff > worst) [worst, where] = [diff, `${id}[${t}] sheet ${String(a)} engine ${e}`];
    });
  };
  // The v2 series (§4.5) are checked as soon as CS Model has their rows (the v2 workbook change adds them).
  const v2 = new Set<string>(SERIES_IDS.slice(SERIES_IDS.indexOf("offshoreDemand")));
  for (const id of SERIES_IDS) if (rows.has(id) || !v2.has(id)) check(id, p.series[id]);
  for (const [vendor, series] of Object.entries(p.vendors))
    for (const id of VENDOR_SERIES_IDS) check(`vendors.${vendor}.${id}`, series[id]);
  check("revenueAtRisk", p.summary.revenueAtRisk);
  check("cumulativeNvidiaChina", [p.summary.cumulativeNvidiaChina]);
  check("npvNvidiaChina", [p.summary.npvNvidiaChina]);
  check("revenueAtRiskTotal", [p.summary.revenueAtRiskTotal]);
  if (p.summary.cagrNvidiaChina !== null) check("cagrNvidiaChina", [p.summary.cagrNvidiaChina]);
  // Spreadsheet comparisons tolerate ~1e-15 (HyperFormula's precisionEpsilon, Excel's 15 digits): a share of
  // 0.4999999999999990 may count as ≥ 0.5 in the sheet. Accept any year between the first with share ≥ 0.5 − 1e-9
  // and the engine's exact crossover.
  const crossover = rows.get("crossoverYear")?.[0];
  const share = p.series.domesticShare;
  const first = (threshold: number): number | "none" => {
    const t = share.findIndex((v) => v >= threshold);
    return t < 0 ? "none" : p.years.calendar[t]!;
  };
  const exact = first(0.5);
  const loose = first(0.5 - 1e-9);
  const ok =
    crossover === exact ||
    (typeof crossover === "number" &&
      typeof loose === "number" &&
      crossover >= loose &&
      (exact === "none" || crossover <= exact));
  if (!ok)
    [worst, where] = [
      Number.POSITIVE_INFINITY,
      `crossoverYear sheet ${String(crossover)} engine ${String(exact)}`,
    ];
  if (p.summary.crossoverYear !== (exact === "none" ? null : exact))
    throw new Error("engine crossover disagrees with its own series");
  return { worst, where };
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

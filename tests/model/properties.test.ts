import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitLogisticSpeed, logisticShare } from "../../src/model/curves";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { noControlsScenario, projectScenario } from "../../src/model/project";
import type { Projection, Scenario } from "../../src/model/types";
import { deepFreeze } from "./fixtures";

const EPS = 1e-9;
// Values within 1e-6 of zero are drawn as zero: no input of the model (USD bn, shares, rates) is meaningful
// below that, and subnormal money (5e-324 USD bn) only makes growth ratios overflow to a numeric error.
const frac = (min = 0, max = 1) =>
  fc.double({ min, max, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 && min <= 0 ? 0 : v));

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    horizon: fc.integer({ min: 1, max: 12 }),
    marketBase: frac(1, 200),
    marketGrowth: frac(-0.5, 1),
    marketGrowthFade: frac(),
    cap: frac(0.05, 1),
    s0Fraction: frac(0.01, 1),
    adoptionSpeed: frac(0, 3),
    domesticSupplyBase: frac(0, 100),
    domesticSupplyGrowth: frac(-0.5, 1.5),
    nvidiaForeignShare: frac(),
    substitutionRate: frac(),
    otherBase: frac(0, 30),
    otherGrowth: frac(-0.5, 0.5),
    discountRate: frac(0, 0.3),
    retirementRate: frac(),
    regimes: fc.array(fc.record({ access: frac(), remittance: frac() }), { minLength: 1, maxLength: 3 }),
    pathSeed: fc.array(fc.nat(), { minLength: 31, maxLength: 31 }),
    vendorRaw: fc.array(fc.record({ w: frac(0.01, 1), asp: frac(1, 40), tflops: frac(50, 2500) }), {
      minLength: 1,
      maxLength: 3,
    }),
    marketOverride: fc.option(frac(1, 300), { nil: undefined }),
  })
  .map((r) => {
    const regimes = Object.fromEntries(r.regimes.map((regime, i) => [`r${i}`, regime]));
    const regimePath = Array.from(
      { length: r.horizon + 1 },
      (_, t) => `r${r.pathSeed[t]! % r.regimes.length}`,
    );
    const weightSum = r.vendorRaw.reduce((sum, v) => sum + v.w, 0);
    const vendors = Object.fromEntries(
      r.vendorRaw.map((v, i) => [`v${i}`, { weight: v.w / weightSum, aspUsdK: v.asp, bf16Tflops: v.tflops }]),
    );
    return {
      baseYear: 2025,
      horizon: r.horizon,
      marketBase: r.marketBase,
      marketGrowth: r.marketGrowth,
      marketGrowthFade: r.marketGrowthFade,
      domesticShareBase: r.cap * r.s0Fraction,
      domesticShareCap: r.cap,
      adoptionSpeed: r.adoptionSpeed,
      domesticSupplyBase: r.domesticSupplyBase,
      domesticSupplyGrowth: r.domesticSupplyGrowth,
      nvidiaForeignShare: r.nvidiaForeignShare,
      substitutionRate: r.substitutionRate,
      otherBase: r.otherBase,
      otherGrowth: r.otherGrowth,
      discountRate: r.discountRate,
      regimes,
      regimePath,
      ...(r.marketOverride === undefined ? {} : { marketPath: { "2026": r.marketOverride } }),
      vendors,
      retirementRate: r.retirementRate,
    };
  });

const anyScenario = fc.oneof(scenarioArb, fc.constantFrom(...PRESETS.map((p) => p.scenario)));

function project(s: Scenario): Projection {
  const p = projectScenario(deepFreeze(s));
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

const close = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

describe("projectScenario(s) properties (every preset and random valid scenarios)", () => {
  it("projectScenario(s) conserves the market: M = D + N + Z + U", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const { series } = project(s);
        series.market.forEach((m, t) => {
          const sum =
            series.domesticSales[t]! +
            series.nvidiaDataCenter[t]! +
            series.otherForeign[t]! +
            series.unmetDemand[t]!;
          expect(close(m, sum)).toBe(true);
        });
      }),
    );
  });

  it("projectScenario(s) caps domestic sales at supply and keeps shares in [0, 1]", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const { series } = project(s);
        series.domesticSales.forEach((d, t) =>
          expect(d).toBeLessThanOrEqual(series.domesticSupply[t]! * (1 + EPS) + EPS),
        );
        for (const id of ["domesticShare", "nvidiaShare", "domesticDemandShare", "access"] as const) {
          for (const v of series[id]) {
            expect(v).toBeGreaterThanOrEqual(-EPS);
            expect(v).toBeLessThanOrEqual(1 + EPS);
          }
        }
        for (const id of ["substituted", "unmetDemand", "blockedDemand", "installedA100eq"] as const) {
          for (const v of series[id]) expect(v).toBeGreaterThanOrEqual(-EPS);
        }
      }),
    );
  });

  it("projectScenario(s) never lowers NVIDIA China revenue when access rises", () => {
    fc.assert(
      fc.property(anyScenario, frac(), (s, lift) => {
        const regimes = Object.fromEntries(
          Object.entries(s.regimes).map(([name, r]) => [
            name,
            { ...r, access: r.access + lift * (1 - r.access) },
          ]),
        );
        const before = project(s).series.nvidiaChina;
        const after = project({ ...s, regimes }).series.nvidiaChina;
        before.forEach((t, i) => expect(after[i]!).toBeGreaterThanOrEqual(t - EPS * Math.max(1, t)));
      }),
    );
  });

  it("projectScenario(s) with σ = 0 substitutes nothing", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        for (const x of project({ ...s, substitutionRate: 0 }).series.substituted) expect(x).toBe(0);
      }),
    );
  });

  it("projectScenario(s) revenue at risk is never negative and is zero for the no-controls scenario itself", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        for (const r of project(s).summary.revenueAtRisk) expect(r).toBeGreaterThanOrEqual(-EPS);
        expect(project(noControlsScenario(s)).summary.revenueAtRiskTotal).toBe(0);
      }),
    );
  });
});

describe("logisticShare / fitLogisticSpeed properties", () => {
  it("logisticShare passes s0 at t = 0 and tends to S", () => {
    fc.assert(
      fc.property(frac(0.05, 1), frac(0.01, 1), frac(0.05, 3), (cap, u, k) => {
        const s0 = cap * u;
        expect(close(logisticShare(0, s0, cap, k) as number, s0)).toBe(true);
        expect(Math.abs((logisticShare(2000, s0, cap, k) as number) - cap)).toBeLessThan(1e-9);
      }),
    );
  });

  it("fitLogisticSpeed inverts logisticShare", () => {
    fc.assert(
      fc.property(
        frac(0.2, 1),
        frac(0.05, 0.95),
        frac(0.05, 1.5),
        fc.integer({ min: 1, max: 6 }),
        (cap, u, k, dt) => {
          const s0 = cap * u;
          const s1 = logisticShare(1, s0, cap, k) as number;
          const s2 = logisticShare(1 + dt, s0, cap, k) as number;
          fc.pre(s2 < cap * (1 - 1e-6) && s1 < cap * (1 - 1e-6));
          expect(Math.abs((fitLogisticSpeed(1, s1, 1 + dt, s2, cap) as number) - k)).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import {
  createKernelBuffers,
  kernelParamsFromScenario,
  noControlsKernelParams,
  projectKernel,
  revenueAtRiskTotal,
} from "../../src/model/kernel";
import { applyOverrides } from "../../src/model/overrides";
import { noControlsScenario, projectScenario } from "../../src/model/project";
import { parseQuarterPeriod } from "../../src/model/reported";
import { SERIES_IDS, type Projection, type Scenario } from "../../src/model/types";
import { scenarioIssues, validateScenario } from "../../src/model/validate";
import { deepFreeze, smallScenario } from "./fixtures";

function project(s: Scenario): Projection {
  const p = projectScenario(deepFreeze(s));
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

function expectSeries(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  // relative tolerance 1e-12 (absolute near zero): the oracle is exact decimal arithmetic
  expected.forEach((value, t) =>
    expect(Math.abs(actual[t]! - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value))),
  );
}

/**
 * The small scenario of fixtures.ts with both v2 channels and reported quarters:
 * offshore Q0 = 20 growing 50% a year; the "lic" regime serves 25% of it; Q4 FY2031 (calendar 2030, t = 0)
 * reported at 20, Q1 and Q2 FY2032 (t = 1) at 5 and 7.
 */
function v2Scenario(): Scenario {
  const s = smallScenario();
  return {
    ...s,
    offshoreBase: 20,
    offshoreGrowth: 0.5,
    regimes: {
      open: { access: 1, remittance: 0 },
      lic: { access: 0.5, remittance: 0.2, offshoreAccess: 0.25 },
    },
    reported: [
      { period: "Q4 FY2031", value: 20, figureId: "made_up_for_test" },
      { period: "Q1 FY2032", value: 5 },
      { period: "Q2 FY2032", value: 7 },
    ],
  };
}

describe("projectScenario(s) v2 channels and reported quarters, hand-computed (§4.5)", () => {
  const p = project(v2Scenario());

  it("projectScenario(s) keeps the v1 into-China layer unchanged", () => {
    // same hand values as project.test.ts: N = 64, 33.6, 31.68; O = 10, 11, 12.1; R = 0, 6.72, 6.336
    expectSeries(p.series.nvidiaDataCenter, [64, 33.6, 31.68]);
    expectSeries(p.series.nvidiaOther, [10, 11, 12.1]);
    expectSeries(p.series.remittance, [0, 6.72, 6.336]);
  });

  it("projectScenario(s) computes the offshore channel P, oa, Q, W", () => {
    // hand-computed: P = 20 × 1.5^t = 20, 30, 45; oa = 1 (open, default), 0.25, 0.25
    expectSeries(p.series.offshoreDemand, [20, 30, 45]);
    expectSeries(p.series.offshoreAccess, [1, 0.25, 0.25]);
    // hand-computed: Q = oa·P = 20, 7.5, 11.25; W = (1 − oa)·P = 0, 22.5, 33.75
    expectSeries(p.series.nvidiaOffshore, [20, 7.5, 11.25]);
    expectSeries(p.series.offshoreBlocked, [0, 22.5, 33.75]);
  });

  it("projectScenario(s) computes T = N + Q + O", () => {
    // hand-computed: 64 + 20 + 10 = 94; 33.6 + 7.5 + 11 = 52.1; 31.68 + 11.25 + 12.1 = 55.03
    expectSeries(p.series.nvidiaChina, [94, 52.1, 55.03]);
  });

  it("projectScenario(s) computes k, A, the outlook T*, the gap G and net on T*", () => {
    expectSeries(p.series.reportedQuarters, [1, 2, 0]);
    expectSeries(p.series.nvidiaChinaReported, [20, 12, 0]);
    // hand-computed: T* = A + T·(4 − k)/4 = 20 + 94·3/4 = 90.5; 12 + 52.1·2/4 = 38.05; 0 + 55.03 = 55.03
    expectSeries(p.series.nvidiaChinaOutlook, [90.5, 38.05, 55.03]);
    // hand-computed: G = A − T·k/4 = 20 − 23.5 = −3.5; 12 − 26.05 = −14.05; 0
    expectSeries(p.series.reportedGap, [-3.5, -14.05, 0]);
    // hand-computed: Tn = T* − R = 90.5, 38.05 − 6.72 = 31.33, 55.03 − 6.336 = 48.694
    expectSeries(p.series.nvidiaChinaNet, [90.5, 31.33, 48.694]);
  });

  it("projectScenario(s) computes the summary metrics on T*", () => {
    // hand-computed: Σ_{t=1..2} T* = 38.05 + 55.03 = 93.08
    expect(p.summary.cumulativeNvidiaChina).toBeCloseTo(93.08, 9);
    // hand-computed: 38.05/1.1 + 55.03/1.21 = 34.5909090909… + 45.4793388429… = 80.0702479338…
    expect(p.summary.npvNvidiaChina).toBeCloseTo(80.07024793388, 9);
    // hand-computed: (55.03/90.5)^(1/2) − 1
    expect(p.summary.cagrNvidiaChina).toBeCloseTo(Math.sqrt(55.03 / 90.5) - 1, 12);
    // hand-computed: T_ref = 0.8·F + P + O = 94, 67.2 + 30 + 11 = 108.2, 63.36 + 45 + 12.1 = 120.46;
    // T*_ref = 20 + 94·3/4 = 90.5, 12 + 108.2/2 = 66.1, 120.46 → at risk 0, 28.05, 65.43; total 93.48
    expectSeries(p.summary.revenueAtRisk, [0, 28.05, 65.43]);
    expect(p.summary.revenueAtRiskTotal).toBeCloseTo(93.48, 9);
  });

  it("revenueAtRiskTotal(out, φ) equals the projection's total without a second run", () => {
    const params = kernelParamsFromScenario(v2Scenario());
    const out = createKernelBuffers(2, 1);
    projectKernel(params, out);
    expect(revenueAtRiskTotal(out, 0.8)).toBeCloseTo(93.48, 9);
  });

  it("noControlsKernelParams(p) opens both channels and keeps the reported quarters", () => {
    const ref = noControlsKernelParams(kernelParamsFromScenario(v2Scenario()));
    const out = createKernelBuffers(2, 1);
    projectKernel(ref, out);
    expectSeries(out.nvidiaChinaOutlook as unknown as number[], [90.5, 66.1, 120.46]);
    const viaScenario = project(noControlsScenario(v2Scenario()));
    expectSeries(viaScenario.series.nvidiaChinaOutlook, [90.5, 66.1, 120.46]);
  });

  it("projectScenario(s) lets a fully reported year replace the model (k = 4)", () => {
    const quarters = [1, 2, 3, 4].map((q) => ({ period: `Q${q} FY2032`, value: q }));
    const full = project({ ...v2Scenario(), reported: quarters });
    // hand-computed: A_1 = 1 + 2 + 3 + 4 = 10, T*_1 = 10 + 52.1·0/4 = 10, G_1 = 10 − 52.1 = −42.1
    expect(full.series.nvidiaChinaOutlook[1]).toBeCloseTo(10, 12);
    expect(full.series.reportedGap[1]).toBeCloseTo(-42.1, 12);
    // the reference keeps the same quarters, so nothing is at risk in a fully reported year
    expect(full.summary.revenueAtRisk[1]).toBeCloseTo(0, 12);
  });
});

describe("projectScenario(s) declining adoption (s0 > S is valid in v2)", () => {
  it("projectScenario(s) lets the logistic fall from s0 toward S", () => {
    const p = project({ ...smallScenario(), domesticShareBase: 0.6, domesticShareCap: 0.2 });
    // hand-computed: d_t = 0.2 / (1 + (0.2/0.6 − 1)·0.5^t) = 0.2/(1/3) = 0.6, 0.2/(2/3) = 0.3, 0.2/(5/6) = 0.24
    expectSeries(p.series.domesticDemandShare, [0.6, 0.3, 0.24]);
  });
});

interface PinnedCase {
  readonly id: string;
  readonly scenario: Scenario;
  readonly projection: Projection;
}

describe("projectScenario(s) on v1 scenarios is bit-identical to model v1", () => {
  // Pinned by the v1 engine (commit a0492ae) before the v2 changes: every series and summary number.
  const pinned = JSON.parse(
    readFileSync(new URL("./fixtures/v1-projections.json", import.meta.url), "utf8"),
  ) as PinnedCase[];

  it.each(pinned.map((c) => [c.id, c] as const))("projectScenario(%s) matches v1 bit for bit", (_, c) => {
    const p = project(c.scenario);
    for (const [id, values] of Object.entries(c.projection.series)) {
      const actual = p.series[id as keyof Projection["series"]];
      values.forEach((v, t) => expect(Object.is(actual[t], v), `${id}[${t}]`).toBe(true));
    }
    for (const [name, vendor] of Object.entries(c.projection.vendors)) {
      for (const [id, values] of Object.entries(vendor)) {
        const actual = p.vendors[name]![id as "units"];
        values.forEach((v, t) => expect(Object.is(actual[t], v), `${name}.${id}[${t}]`).toBe(true));
      }
    }
    expect(p.summary).toEqual(c.projection.summary);
    expect(p.summary.npvNvidiaChina).toBe(c.projection.summary.npvNvidiaChina);
    expect(p.summary.revenueAtRiskTotal).toBe(c.projection.summary.revenueAtRiskTotal);
    expect(p.years).toEqual(c.projection.years);
  });

  it("projectScenario(v1) gives the neutral v2 series: no offshore, nothing reported, outlook = model", () => {
    const p = project(smallScenario());
    expect(p.series.offshoreDemand).toEqual([0, 0, 0]);
    expect(p.series.offshoreAccess).toEqual([1, 1, 1]);
    expect(p.series.reportedQuarters).toEqual([0, 0, 0]);
    expect(p.series.reportedGap).toEqual([0, 0, 0]);
    expect(p.series.nvidiaChinaOutlook).toEqual(p.series.nvidiaChina);
    expect(Object.keys(p.series)).toEqual([...SERIES_IDS]);
  });
});

describe("scenarioIssues(s) on v2 inputs names the entry", () => {
  const base = v2Scenario();
  const messages = (s: unknown) => scenarioIssues(s).map((i) => `${i.path}: ${i.message}`);

  it("scenarioIssues(s) accepts the v2 scenario and s0 > S", () => {
    expect(scenarioIssues(base)).toEqual([]);
    expect(scenarioIssues({ ...base, domesticShareBase: 0.9, domesticShareCap: 0.3 })).toEqual([]);
  });

  it("scenarioIssues(s) rejects a period outside the horizon", () => {
    // base year 2030, H = 2 → FY2031..FY2033; Q1 FY2034 is calendar 2033, t = 3
    const bad = { ...base, reported: [...base.reported!, { period: "Q1 FY2034", value: 1 }] };
    expect(messages(bad)).toEqual([
      'reported[3].period: reported[3] "Q1 FY2034": period must fall within the projection, FY2031..FY2033',
    ]);
    const before = { ...base, reported: [{ period: "Q4 FY2030", value: 1 }] };
    expect(messages(before)[0]).toContain('reported[0] "Q4 FY2030": period must fall within');
  });

  it('scenarioIssues(s) rejects "Q5 FY2027" and malformed periods', () => {
    const bad = { ...base, baseYear: 2025, reported: [{ period: "Q5 FY2027", value: 1 }] };
    expect(messages(bad)).toEqual(['reported[0].period: reported[0] "Q5 FY2027": quarter must be Q1..Q4']);
    const text = { ...base, reported: [{ period: "2031Q2", value: 1 }] };
    expect(messages(text)[0]).toContain('reported[0] "2031Q2": period must look like "Q2 FY2027"');
  });

  it("scenarioIssues(s) rejects a duplicate quarter", () => {
    const bad = { ...base, reported: [...base.reported!, { period: "Q1 FY2032", value: 6 }] };
    expect(messages(bad)).toEqual([
      'reported[3].period: reported[3] "Q1 FY2032": duplicate period (also reported[1])',
    ]);
  });

  it("scenarioIssues(s) rejects a negative or non-finite value", () => {
    const bad = { ...base, reported: [{ period: "Q2 FY2032", value: -1 }] };
    expect(messages(bad)).toEqual([
      'reported[0].value: reported[0] "Q2 FY2032": value must be at least 0, got -1 (USD bn)',
    ]);
    const nan = { ...base, reported: [{ period: "Q2 FY2032", value: Number.NaN }] };
    expect(messages(nan)[0]).toContain("value must be a finite number");
  });

  it("scenarioIssues(s) rejects offshoreAccess 1.2 and bad offshore scalars", () => {
    const s = smallScenario();
    const bad = {
      ...s,
      regimes: { ...s.regimes, lic: { access: 0.5, remittance: 0.2, offshoreAccess: 1.2 } },
    };
    expect(messages(bad)).toEqual([
      "regimes.lic.offshoreAccess: regimes.lic.offshoreAccess must be between 0 and 1, got 1.2",
    ]);
    expect(messages({ ...s, offshoreBase: -2, offshoreGrowth: -1 })).toEqual([
      "offshoreBase: offshoreBase must be at least 0, got -2",
      "offshoreGrowth: offshoreGrowth must be greater than -1, got -1",
    ]);
  });

  it("scenarioIssues(s) rejects unknown fields in entries and a misspelled regime field", () => {
    const s = smallScenario();
    const typo = {
      ...s,
      regimes: { ...s.regimes, lic: { access: 0.5, remittance: 0.2, offshoreAcess: 0.1 } },
    };
    expect(messages(typo)[0]).toContain("regimes.lic.offshoreAcess is not a field");
    const extra = { ...base, reported: [{ period: "Q1 FY2031", value: 1, sd: 2 }] };
    expect(messages(extra)[0]).toContain('reported[0] "Q1 FY2031": sd is not a field');
    expect(messages({ ...base, reported: "Q1" })[0]).toContain("reported must be a list");
  });

  it("validateScenario(s) keeps every issue with its path on the error", () => {
    const bad = validateScenario({ ...base, reported: [{ period: "Q5 FY2032", value: -1 }] });
    expect(isModelError(bad) && bad.issues.map((i) => i.path)).toEqual([
      "reported[0].period",
      "reported[0].value",
    ]);
    expect(isModelError(bad) && bad.message).toBe(
      'reported[0] "Q5 FY2032": quarter must be Q1..Q4; reported[0] "Q5 FY2032": value must be at least 0, got -1 (USD bn)',
    );
  });

  it("validateScenario(s) copies the v2 keys and leaves absent ones absent", () => {
    const copy = validateScenario(base);
    expect(copy).toEqual(base);
    const v1 = validateScenario(smallScenario());
    expect(isModelError(v1) ? [] : Object.keys(v1)).not.toContain("offshoreBase");
    expect(isModelError(v1) ? [] : Object.keys(v1)).not.toContain("reported");
  });
});

describe("parseQuarterPeriod(text)", () => {
  it("parseQuarterPeriod(text) maps FYyyyy to calendar yyyy − 1", () => {
    expect(parseQuarterPeriod("Q2 FY2027")).toEqual({ quarter: 2, fiscalYear: 2027, calendarYear: 2026 });
    expect(parseQuarterPeriod("Q0 FY2027")).toBe("quarter must be Q1..Q4");
    expect(typeof parseQuarterPeriod("q2 fy2027")).toBe("string");
    expect(typeof parseQuarterPeriod(" Q2 FY2027")).toBe("string");
  });
});

describe("applyOverrides(s, pairs) on the v2 inputs", () => {
  it("applyOverrides(s, pairs) sets offshoreBase, offshoreGrowth and a regime's offshoreAccess", () => {
    const s = applyOverrides(smallScenario(), [
      ["offshoreBase", "4.5"],
      ["offshoreGrowth", 0.1],
      ["regimes.lic.offshoreAccess", 0.4],
    ]);
    expect(isModelError(s) ? s.message : [s.offshoreBase, s.offshoreGrowth, s.regimes["lic"]]).toEqual([
      4.5,
      0.1,
      { access: 0.5, remittance: 0.2, offshoreAccess: 0.4 },
    ]);
  });

  it("applyOverrides(s, pairs) treats __proto__ and constructor as unknown ids and range-checks offshoreAccess", () => {
    for (const id of [
      "regimes.__proto__.offshoreAccess",
      "regimes.constructor.offshoreAccess",
      "__proto__",
    ]) {
      const r = applyOverrides(smallScenario(), [[id, 1]]);
      expect(isModelError(r) && r.code, id).toBe("notFound");
    }
    expect(({} as Record<string, unknown>)["offshoreAccess"]).toBeUndefined();
    const bad = applyOverrides(smallScenario(), [["regimes.lic.offshoreAccess", 1.2]]);
    expect(isModelError(bad) && bad.message).toBe(
      "regimes.lic.offshoreAccess must be between 0 and 1, got 1.2",
    );
  });
});

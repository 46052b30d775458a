import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Projection } from "../../src/model/types";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import type { EvidenceSet } from "../../src/analysis/evidence";
import {
  prepareSimulation,
  runTrialRange,
  simulate,
  type PreparedSimulation,
} from "../../src/analysis/simulate";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";
import { summarizeParts, type SimulationResult } from "../../src/analysis/summarize";

const scenario = PRESETS[0]!.scenario;
const spec: SimulationSpec = {
  ...defaultSimulationSpec(scenario),
  evidence: defaultEvidence(),
  thresholds: [{ output: { series: "nvidiaChina", year: 2027 }, op: "<", value: 20 }],
};
const run = (s: SimulationSpec, trials = 3000): SimulationResult =>
  simulate(scenario, s, { trials, seed: 9 }) as SimulationResult;

describe("simulate(spec with evidence): invalid evidence", () => {
  it("simulate(evidence with sd 0 / unknown series / period outside / NaN) is invalidInput naming the entry", () => {
    for (const entry of [
      { series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 0 },
      { series: "gaming", period: "Q1 FY2027", value: 4.55, sd: 1 },
      { series: "nvidiaChina", period: "Q1 FY2033", value: 4.55, sd: 1 },
      { series: "nvidiaChina", period: "Q1 FY2027", value: NaN, sd: 1 },
    ]) {
      const evidence = { observations: [entry] } as unknown as EvidenceSet;
      const r = simulate(scenario, { ...spec, evidence }, { trials: 10, seed: 1 });
      expect(isModelError(r) && r.code).toBe("invalidInput");
      expect(isModelError(r) && r.message).toMatch(/^evidence: observation 1/);
    }
  });
});

describe("simulate(spec with evidence): posterior beside the prior", () => {
  it("without evidence there is no posterior; with it the prior statistics are unchanged", () => {
    const prior = run({ ...spec, evidence: undefined });
    const both = run(spec);
    expect(prior.posterior).toBeUndefined();
    expect(both.series).toEqual(prior.series);
    expect(both.metrics).toEqual(prior.metrics);
    expect(both.posterior?.ess).toBeGreaterThan(1);
  });
  it("the posterior of a seed is the same whatever the trial ranges (per-trial ℓ merged like any column)", () => {
    const prepared = prepareSimulation(scenario, spec, { trials: 3000, seed: 9 }) as PreparedSimulation;
    const parts = [
      runTrialRange(prepared, 0, 1024),
      runTrialRange(prepared, 1024, 2048),
      runTrialRange(prepared, 2048, 3000),
    ];
    const merged = summarizeParts(prepared, parts);
    expect(merged.posterior).toEqual(run(spec).posterior);
  });
  it("π = 1 and no uncertain input: every trial is the projection, ESS = N and the posterior equals it", () => {
    const fixed: SimulationSpec = {
      inputs: {},
      regimeChain: { anchored: { followPath: 1, returnToPath: 0 } },
      evidence: defaultEvidence(),
    };
    const r = run(fixed, 400);
    const proj = projectScenario(scenario) as Projection;
    expect(r.posterior!.ess).toBeCloseTo(400, 9);
    r.posterior!.series.nvidiaChina!.forEach((s, t) => {
      for (const v of [s.p5, s.p50, s.p95]) expect(v).toBe(proj.series.nvidiaChina[t]);
      expect(s.mean).toBeCloseTo(proj.series.nvidiaChina[t]!, 9);
    });
    // the regime posterior is the path with probability 1
    r.posterior!.regimes.forEach((year, t) => expect(year[scenario.regimePath[t]!]).toBeCloseTo(1, 12));
  });
  it("regime posterior per year sums to 1 and the weighted threshold probability is in 0..1", () => {
    const p = run(spec).posterior!;
    expect(p.regimes).toHaveLength(scenario.horizon + 1);
    for (const year of p.regimes) expect(Object.values(year).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p.thresholds[0]!.label).toBe("P(nvidiaChina 2027 < 20 | evidence)");
    expect(p.thresholds[0]!.probability).toBeGreaterThanOrEqual(0);
    expect(p.thresholds[0]!.probability).toBeLessThanOrEqual(1);
  });
});

describe("simulate(spec with evidence): edge cases", () => {
  it("ESS < 50 is a warning naming the dominant observation, not an error", () => {
    // market in 2026 varies by several USD bn across trials; sd 0.01 leaves a handful of trials
    const sharp = {
      observations: [
        { series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 3 },
        { series: "market", period: "FY2027", value: 66, sd: 0.01 },
      ],
    } as EvidenceSet;
    const p = run({ ...spec, evidence: sharp }, 2000).posterior!;
    expect(p.ess).toBeLessThan(50);
    expect(p.warning).toMatch(/market FY2027 dominates/);
    expect(Number.isNaN(p.series.nvidiaChina![1]!.mean)).toBe(false);
  });
  it("evidence no trial can explain (every ℓ = −∞) gives a warning and no NaN weights", () => {
    const impossible = {
      observations: [{ series: "market", period: "FY2027", value: 1e300, sd: 1e-300 }],
    } as EvidenceSet;
    const p = run({ ...spec, evidence: impossible }, 200).posterior!;
    expect(p.warning).toMatch(/no run can explain the evidence/);
    expect(p.ess).toBe(0);
    expect(p.series).toEqual({});
  });
  it("ℓ far below −745 in every trial (e^ℓ underflows) still gives finite weights by the max-shift", () => {
    const far = {
      observations: [{ series: "market", period: "FY2027", value: 500, sd: 0.5 }],
    } as EvidenceSet;
    const p = run({ ...spec, evidence: far }, 500).posterior!;
    expect(p.ess).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(p.series.market![2]!.mean)).toBe(true);
  });
});

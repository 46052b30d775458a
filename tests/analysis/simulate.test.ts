import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Projection } from "../../src/model/types";
import {
  createSimulationRun,
  prepareSimulation,
  runTrialRange,
  simulate,
  type PreparedSimulation,
} from "../../src/analysis/simulate";
import { summarizeParts, type SimulationResult } from "../../src/analysis/summarize";
import { BLOCK } from "../../src/analysis/streamingStats";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";

const scenario = PRESETS[0]!.scenario;
const spec: SimulationSpec = {
  ...defaultSimulationSpec(scenario),
  thresholds: [{ output: { series: "nvidiaChina", year: 2028 }, op: "<", value: 20 }],
};
const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);

describe("simulate: invalid arguments", () => {
  it("simulate(s, spec, { trials: 0 }) is invalidInput", () => {
    expect(code(simulate(scenario, spec, { trials: 0, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate(s, spec, { trials > 1,000,000 }) is invalidInput", () => {
    expect(code(simulate(scenario, spec, { trials: 1_000_001, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate with a negative or fractional seed is invalidInput", () => {
    expect(code(simulate(scenario, spec, { trials: 10, seed: -1 }))).toBe("invalidInput");
    expect(code(simulate(scenario, spec, { trials: 10, seed: 1.5 }))).toBe("invalidInput");
  });
  it("simulate with a distribution outside the input's valid range is invalidInput", () => {
    const bad: SimulationSpec = { inputs: { substitutionRate: { kind: "uniform", min: 0.5, max: 1.2 } } };
    expect(code(simulate(scenario, bad, { trials: 10, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate with an unbounded normal on a share is invalidInput (truncate it)", () => {
    const bad: SimulationSpec = { inputs: { nvidiaForeignShare: { kind: "normal", mean: 0.9, sd: 0.05 } } };
    expect(code(simulate(scenario, bad, { trials: 10, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate with a distribution on horizon is invalidInput", () => {
    const bad = { inputs: { horizon: { kind: "uniform", min: 1, max: 5 } } } as unknown as SimulationSpec;
    expect(code(simulate(scenario, bad, { trials: 10, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate with a threshold year outside the horizon is invalidInput", () => {
    const bad: SimulationSpec = {
      inputs: {},
      thresholds: [{ output: { series: "market", year: 2040 }, op: ">", value: 1 }],
    };
    expect(code(simulate(scenario, bad, { trials: 10, seed: 1 }))).toBe("invalidInput");
  });
  it("simulate with an invalid correlation matrix is invalidInput", () => {
    const bad: SimulationSpec = {
      ...spec,
      correlation: {
        inputs: ["marketGrowth", "adoptionSpeed"],
        matrix: [
          [1, 1.5],
          [1.5, 1],
        ],
      },
    };
    expect(code(simulate(scenario, bad, { trials: 100, seed: 1 }))).toBe("invalidInput");
  });
});

describe("simulate: reference values", () => {
  it("simulate with no stochastic input reproduces projectScenario in every trial", () => {
    const p = projectScenario(scenario) as Projection;
    const r = simulate(scenario, { inputs: {} }, { trials: 20, seed: 3 }) as SimulationResult;
    const last = r.series.nvidiaChina![5]!;
    // oracle: the deterministic projection (§4.2) — every trial is the same scenario
    expect(last.p5).toBeCloseTo(p.series.nvidiaChina[5]!, 12);
    expect(last.p95).toBeCloseTo(p.series.nvidiaChina[5]!, 12);
    expect(last.sd).toBeCloseTo(0, 12);
    expect(r.metrics.cumulativeNvidiaChina.mean).toBeCloseTo(p.summary.cumulativeNvidiaChina, 9);
    // revenue at risk uses the identity T_ref − T = φ(1 − a)F: checked against the model's two-run reference
    expect(r.metrics.revenueAtRiskTotal.mean).toBeCloseTo(p.summary.revenueAtRiskTotal, 9);
  });
  it("simulate(...) statistics are ordered min ≤ P5 ≤ … ≤ P95 ≤ max with se = sd/√n", () => {
    const r = simulate(scenario, spec, { trials: 2000, seed: 9 }) as SimulationResult;
    for (const s of r.series.nvidiaChina!) {
      const ordered = [s.min, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.max];
      expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
      expect(s.standardError).toBeCloseTo(s.sd / Math.sqrt(2000), 12);
    }
    expect(r.thresholds[0]!.probability).toBeGreaterThanOrEqual(0);
    expect(r.thresholds[0]!.probability).toBeLessThanOrEqual(1);
    expect(r.histograms[0]!.counts.reduce((a, b) => a + b, 0)).toBe(2000);
  });
  it("simulate ranks marketGrowth positively with cumulative NVIDIA China revenue", () => {
    const r = simulate(scenario, spec, { trials: 5000, seed: 2 }) as SimulationResult;
    const g = r.rankCorrelations.values.find((v) => v.input === "marketGrowth")!;
    // §4.2: T grows with M through F = M − D1 when access > 0, so ρ > 0
    expect(g.rho).toBeGreaterThan(0.2);
  });
});

describe("simulate: reproducibility", () => {
  it("simulate gives IDENTICAL results for chunk sizes 1000 and 7", () => {
    const a = simulate(scenario, spec, { trials: 3000, seed: 77, chunkSize: 1000 });
    const b = simulate(scenario, spec, { trials: 3000, seed: 77, chunkSize: 7 });
    expect(b).toEqual(a);
  });
  it("trial ranges summarized together give IDENTICAL results to one run (a 2-way worker split)", () => {
    const prepared = prepareSimulation(scenario, spec, { trials: 3000, seed: 77 }) as PreparedSimulation;
    const whole = simulate(scenario, spec, { trials: 3000, seed: 77 });
    const parts = [runTrialRange(prepared, 2 * BLOCK, 3000), runTrialRange(prepared, 0, 2 * BLOCK)];
    expect(summarizeParts(prepared, parts)).toEqual(whole);
  });
  it("ranges with a gap, or a range not starting on a block, are refused", () => {
    const prepared = prepareSimulation(scenario, spec, { trials: 3000, seed: 1 }) as PreparedSimulation;
    expect(() =>
      summarizeParts(prepared, [runTrialRange(prepared, 0, BLOCK), runTrialRange(prepared, 2 * BLOCK, 3000)]),
    ).toThrow(/contiguous/);
    expect(() => runTrialRange(prepared, 40, 100)).toThrow(/multiple of 1024/);
  });
  it("simulate with LHS and with MC differ but both reproduce for their seed", () => {
    const lhs = simulate(scenario, spec, { trials: 500, seed: 5, sampling: "lhs" });
    const mc = simulate(scenario, spec, { trials: 500, seed: 5, sampling: "mc" });
    expect(mc).not.toEqual(lhs);
    expect(simulate(scenario, spec, { trials: 500, seed: 5, sampling: "mc" })).toEqual(mc);
  });
});

describe("simulate: progress and cancellation", () => {
  it("simulate reports progress per chunk and stops when shouldCancel() is true", () => {
    const seen: number[] = [];
    const r = simulate(scenario, spec, {
      trials: 1000,
      seed: 1,
      chunkSize: 300,
      onProgress: (done) => seen.push(done),
      shouldCancel: () => seen.length >= 2,
    });
    expect(seen).toEqual([300, 600]);
    expect(r).toEqual({ kind: "cancelled", done: 600 });
  });
  it("createSimulationRun(...).result() before the end is a bug (throws)", () => {
    const run = createSimulationRun(scenario, spec, { trials: 100, seed: 1, chunkSize: 10 });
    if (isModelError(run)) throw new Error(run.message);
    run.step();
    expect(() => run.result()).toThrow();
  });
});

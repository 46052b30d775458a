import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import { createKernelBuffers, kernelParamsFromScenario, projectKernel } from "../../src/model/kernel";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { inverseCdf } from "../../src/analysis/distributions";
import { CounterRng, philox4x32, philox4x32First, philox4x32Into } from "../../src/analysis/philox";
import { nextRegime } from "../../src/analysis/regimeChain";
import { createSamplingPlan, STREAM, type SamplingPlan } from "../../src/analysis/sampling";
import {
  prepareSimulation,
  runTrialRange,
  simulate,
  type PreparedSimulation,
} from "../../src/analysis/simulate";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";
import type { SimulationResult } from "../../src/analysis/summarize";

const scenario = PRESETS[0]!.scenario;
const base = defaultSimulationSpec(scenario);

describe("philox4x32Into / philox4x32First", () => {
  it("philox4x32Into(π digits…) and philox4x32First match the Random123 known-answer vector", () => {
    // Random123 1.14 kat_vectors, philox4x32_10: counter 243f6a88 85a308d3 13198a2e 03707344,
    // key a4093822 299f31d0 → d16cfe09 94fdcceb 5001e420 24126ea1
    const out = new Uint32Array(4);
    philox4x32Into(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out);
    expect([...out]).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
    expect(philox4x32First(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0)).toBe(
      0xd16cfe09,
    );
  });
  it("philox4x32First(counter, key) equals philox4x32(counter, key)[0] for 10,000 counters", () => {
    const rng = new CounterRng(3);
    for (let i = 0; i < 10_000; i++) {
      const w = [0, 1, 2, 3, 4, 5].map((v) => Math.floor(rng.uniform(i, 9, v) * 4294967296) >>> 0);
      // oracle: the array form, itself checked against the Random123 vectors in philox.test.ts
      expect(philox4x32First(w[0]!, w[1]!, w[2]!, w[3]!, w[4]!, w[5]!)).toBe(
        philox4x32([w[0]!, w[1]!, w[2]!, w[3]!], [w[4]!, w[5]!])[0],
      );
    }
  });
});

describe("createSamplingPlan(...).fill", () => {
  it("plan.fill(trial, out) writes exactly plan.uniform(trial, slot) for MC, LHS and correlated plans", () => {
    const matrix = [
      [1, 0.6],
      [0.6, 1],
    ];
    const plans = [
      createSamplingPlan(4, 500, "mc", [1, 7, 12]),
      createSamplingPlan(4, 500, "lhs", [1, 7, 12]),
      createSamplingPlan(4, 500, "lhs", [1, 7, 12], { slots: [0, 2], matrix }),
    ] as SamplingPlan[];
    const out = new Float64Array(3);
    for (const plan of plans) {
      for (let trial = 0; trial < 500; trial++) {
        plan.fill(trial, out);
        expect([...out]).toEqual([0, 1, 2].map((slot) => plan.uniform(trial, slot)));
      }
    }
  });
});

describe("evaluateTrials (through runTrialRange)", () => {
  it("runTrialRange(prepared, a, b) stores, per trial, the kernel's projection of that trial's sampled inputs and regime path", () => {
    const prepared = prepareSimulation(scenario, base, {
      trials: 1524,
      seed: 21,
      keepColumns: true,
    }) as PreparedSimulation;
    // a worker's range starts on a block boundary (1024 trials); trial 1124 is raw index 100
    const raw = runTrialRange(prepared, 1024, 1524);
    const first = 1024;
    const params = kernelParamsFromScenario(scenario);
    const out = createKernelBuffers(scenario.horizon, params.vendorWeight.length);
    const rng = new CounterRng(21);
    const chain = prepared.chain!;
    for (const trial of [1024, 1025, 1379, 1380, 1381, 1523]) {
      // oracle: the definitions — u from the plan, x = F⁻¹(u) (the engine hoists the triangular constants, so
      // x may differ from inverseCdf in the last bit), the chain's nextRegime, then projectKernel
      prepared.stochastic.forEach((id, j) => {
        const x = inverseCdf(prepared.distributions[j]!, prepared.plan.uniform(trial, j));
        const stored = raw.inputs[j]![trial - first]!;
        // rounding of the hoisted form is relative to the sqrt term, which spans the distribution's range
        const d = prepared.distributions[j]! as { min?: number; max?: number };
        const scale = Math.max(Math.abs(x), Math.abs((d.max ?? 0) - (d.min ?? 0)));
        expect(Math.abs(stored - x)).toBeLessThanOrEqual(4 * Number.EPSILON * scale);
        (params as unknown as Record<string, number>)[id] = stored;
      });
      let state = chain.initial;
      for (let t = 1; t <= scenario.horizon; t++) {
        state = nextRegime(chain, t, state, rng.uniform(trial, STREAM.regime, t - 1));
        params.access[t] = chain.access[state]!;
        params.remittance[t] = chain.remittance[state]!;
        params.offshoreAccess[t] = chain.offshoreAccess[state]!;
      }
      projectKernel(params, out);
      for (let t = 0; t <= scenario.horizon; t++) {
        expect(raw.series.nvidiaChina![t * 500 + trial - first]).toBe(out.nvidiaChina[t]);
        expect(raw.series.market![t * 500 + trial - first]).toBe(Math.fround(out.market[t]!));
      }
      expect(raw.metrics.cumulativeNvidiaChina[trial - first]).toBe(out.cumulativeNvidiaChina);
    }
  });
});

describe("simulate: keep and rank correlations", () => {
  it('simulate(s, { keep: "listed", trackSeries: [nvidiaChina] }) keeps only nvidiaChina with the same statistics', () => {
    const lean: SimulationSpec = {
      ...base,
      rankCorrelationOutput: undefined,
      keep: "listed",
      trackSeries: ["nvidiaChina"],
    };
    const a = simulate(scenario, lean, { trials: 3000, seed: 4, sampling: "mc" }) as SimulationResult;
    const b = simulate(scenario, base, { trials: 3000, seed: 4, sampling: "mc" }) as SimulationResult;
    expect(Object.keys(a.series)).toEqual(["nvidiaChina"]);
    // oracle: keeping fewer outputs draws the same random numbers, so nvidiaChina's statistics are unchanged
    expect(a.series.nvidiaChina).toEqual(b.series.nvidiaChina);
    expect(a.metrics.cumulativeNvidiaChina.count).toBe(0);
    expect(a.crossoverProbability).toBeNaN();
    expect(a.histograms).toEqual([]);
    expect(a.rankCorrelations.values).toEqual([]);
  });
  it('simulate with keep "listed" still keeps the metrics and series its thresholds name', () => {
    const spec: SimulationSpec = {
      inputs: base.inputs,
      keep: "listed",
      thresholds: [{ output: { metric: "npvNvidiaChina" }, op: "<", value: 50 }],
      histogram: { output: { series: "domesticShare", year: 2027 }, bins: 10 },
    };
    const r = simulate(scenario, spec, { trials: 2000, seed: 4 }) as SimulationResult;
    expect(r.metrics.npvNvidiaChina.count).toBe(2000);
    expect(Object.keys(r.series)).toEqual(["domesticShare"]);
    expect(r.histograms.map((h) => h.label)).toEqual(["domesticShare 2027"]);
    expect(r.histograms[0]!.counts.reduce((x, y) => x + y, 0)).toBe(2000);
  });
  it("simulate computes rank correlations only when the spec names rankCorrelationOutput", () => {
    const without: SimulationSpec = { inputs: base.inputs };
    const r = simulate(scenario, without, { trials: 2000, seed: 4 }) as SimulationResult;
    expect(r.rankCorrelations).toEqual({ output: "", values: [] });
    const withRc = simulate(
      scenario,
      { ...without, rankCorrelationOutput: { metric: "cumulativeNvidiaChina" } },
      {
        trials: 2000,
        seed: 4,
      },
    ) as SimulationResult;
    expect(withRc.rankCorrelations.values.map((v) => v.input).sort()).toEqual(
      [...withRc.stochasticInputs].sort(),
    );
  });
  it("simulate with keep other than all/listed is invalidInput", () => {
    const bad = { inputs: {}, keep: "some" } as unknown as SimulationSpec;
    const r = simulate(scenario, bad, { trials: 10, seed: 1 });
    expect(isModelError(r) ? r.code : undefined).toBe("invalidInput");
  });
  it("simulate gives IDENTICAL results for chunk sizes that straddle the 256-trial staging block", () => {
    const a = simulate(scenario, base, { trials: 1300, seed: 12, chunkSize: 1300 });
    const b = simulate(scenario, base, { trials: 1300, seed: 12, chunkSize: 255 });
    const c = simulate(scenario, base, { trials: 1300, seed: 12, chunkSize: 257 });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});

describe("simulate: the vendor table only when the installed base is tracked", () => {
  it("installedA100eq equals the projection's when nothing varies, and tracking it changes no other output", () => {
    const fixedRun = simulate(
      scenario,
      { inputs: {}, keep: "listed", trackSeries: ["installedA100eq", "nvidiaChina"] },
      { trials: 64, seed: 5 },
    ) as SimulationResult;
    const projection = projectScenario(scenario);
    if (isModelError(projection)) throw new Error(projection.message);
    const installed = fixedRun.series.installedA100eq!;
    installed.forEach((s, t) => {
      expect(s.p50).toBe(projection.series.installedA100eq[t]);
      expect(s.min).toBe(s.max);
    });
    expect(installed.at(-1)!.p50).toBeGreaterThan(0);
    // With distributions: the same trials with and without the vendor loop give identical revenue statistics.
    const spec = defaultSimulationSpec(scenario);
    const options = { trials: 3_000, seed: 11 };
    const withVendors = simulate(
      scenario,
      { ...spec, trackSeries: ["installedA100eq"] },
      options,
    ) as SimulationResult;
    const without = simulate(scenario, spec, options) as SimulationResult;
    expect(without.series.installedA100eq).toBeUndefined();
    expect(withVendors.series.nvidiaChina).toStrictEqual(without.series.nvidiaChina);
    expect(withVendors.series.domesticSales).toStrictEqual(without.series.domesticSales);
    expect(withVendors.metrics).toStrictEqual(without.metrics);
  });
});

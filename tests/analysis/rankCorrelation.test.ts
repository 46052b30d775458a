import { describe, expect, it } from "vitest";
import { averageRanks, averageRanksByPosition, spearman } from "../../src/analysis/rankCorrelation";
import { prepareSimulation, runTrialRange, type PreparedSimulation } from "../../src/analysis/simulate";
import { summarizeRaw } from "../../src/analysis/summarize";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { PRESETS } from "../../src/model/presets";

describe("averageRanksByPosition", () => {
  it("averageRanksByPosition gives 1-based ranks with ties averaged (hand-checked)", () => {
    // values 5, 1, 5, 3 sorted: 1 (rank 1), 3 (rank 2), 5, 5 (ranks 3 and 4 → 3.5 each)
    const position = [2, 0, 3, 1];
    expect([...(averageRanksByPosition([5, 1, 5, 3], (i) => position[i]!) ?? [])]).toEqual([3.5, 1, 3.5, 2]);
  });
  it("averageRanksByPosition returns null when the order does not sort the values", () => {
    expect(averageRanksByPosition([1, 2, 3], (i) => 2 - i)).toBeNull();
  });
  it("averageRanksByPosition equals the radix-sort averageRanks on 10,000 values with many ties", () => {
    const n = 10_000;
    const values = Float64Array.from({ length: n }, (_, i) => Math.floor(((i * 7919) % n) / 3) * 0.5);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const position = new Uint32Array(n);
    order.forEach((i, p) => (position[i] = p));
    expect(averageRanksByPosition(values, (i) => position[i]!)).toEqual(averageRanks(values));
  });
});

describe("rank correlations under Latin hypercube", () => {
  it("summarize's input ranks from strata give exactly the full-sort Spearman ρ of the kept samples", () => {
    const scenario = PRESETS[0]!.scenario;
    const spec = defaultSimulationSpec(scenario);
    const prepared = prepareSimulation(scenario, spec, {
      trials: 5000,
      seed: 12,
      sampling: "lhs",
      keepColumns: true,
    }) as PreparedSimulation;
    const raw = runTrialRange(prepared, 0, 5000);
    const result = summarizeRaw(prepared, raw);
    expect(result.rankCorrelations.values).toHaveLength(prepared.stochastic.length);
    for (const { input, rho } of result.rankCorrelations.values) {
      const j = prepared.stochastic.indexOf(input);
      // oracle: spearman() sorts both samples in full
      expect(rho).toBe(spearman(raw.inputs[j]!, raw.metrics.cumulativeNvidiaChina));
    }
  });
});

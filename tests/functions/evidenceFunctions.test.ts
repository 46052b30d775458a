import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultEvidence, defaultSimulationSpec, simulate as engineSimulate } from "../../src/analysis";
import type { SimulationResult } from "../../src/analysis";
import {
  findPreset,
  isModelError,
  PRESETS,
  projectScenario,
  type Preset,
  type Projection,
} from "../../src/model";
import { evidenceWeights, simulatePosterior } from "../../src/functions/functions";
import { EVIDENCE_WEIGHTS_HEADER } from "../../src/functions/evidenceFunctions";
import { clearSimulationMemo } from "../../src/functions/simulationFunctions";
import { excelCode, installCustomFunctionsStub } from "./stubCustomFunctions";

beforeAll(installCustomFunctionsStub);
beforeEach(clearSimulationMemo);

const message = (v: unknown): string => (v as { message?: string }).message ?? "";
const market2026 = [
  ["series", "period", "value", "sd", "figureId"],
  ["market", "FY2027", 60, 20, ""],
];

describe("CHIPS.EVIDENCE.WEIGHTS", () => {
  it("evidenceWeights(bad evidence, unknown preset, wrong priors) is #VALUE! or #N/A with the entry named", () => {
    const bad = evidenceWeights([["licensed"]], [["nvidiaChina", "Q1 FY2027", 4.55, 0]]);
    expect(excelCode(bad[0]![0])).toBe("#VALUE!");
    expect(message(bad[0]![0])).toMatch(/observation 1 \(nvidiaChina Q1 FY2027\): sd/);
    expect(excelCode(evidenceWeights([["nvidiaChina", "Q9 FY2027", 1, 1]])[0]![0])).toBe("#N/A");
    expect(excelCode(evidenceWeights([["licensed", "detente"]], undefined, [[1]])[0]![0])).toBe("#VALUE!");
    expect(excelCode(evidenceWeights([["licensed"]], [["nvidiaChina", "Q1 FY2027", 4.55]])[0]![0])).toBe(
      "#VALUE!",
    );
  });
  it("evidenceWeights(two presets, one observation, priors 1:3) follows w = p·e^ℓ / Σ p·e^ℓ", () => {
    const [a, b] = [findPreset("licensed") as Preset, findPreset("detente") as Preset];
    const grid = evidenceWeights([["licensed"], ["detente"]], market2026, [[1], [3]]);
    expect(grid[0]).toEqual(EVIDENCE_WEIGHTS_HEADER);
    // oracle: ℓ = −½((60 − M_2026)/20)² from each projection (a fiscal year: fraction 1)
    const l = [a, b].map((p) => {
      const m = (projectScenario(p.scenario) as Projection).series.market[1]!;
      return -0.5 * ((60 - m) / 20) ** 2;
    });
    expect(grid[1]![1]).toBeCloseTo(l[0]!, 12);
    expect(grid[2]![1]).toBeCloseTo(l[1]!, 12);
    expect([grid[1]![2], grid[2]![2]]).toEqual([0.25, 0.75]);
    const wa = Math.exp(l[0]!) / (Math.exp(l[0]!) + 3 * Math.exp(l[1]!));
    expect(grid[1]![3]).toBeCloseTo(wa, 12);
  });
  it('evidenceWeights("all") weighs every preset on the default evidence; the posteriors sum to 1', () => {
    const grid = evidenceWeights([["all"]]);
    expect(grid.slice(1).map((r): unknown => r[0])).toEqual(PRESETS.map((p) => p.id));
    const total = grid.slice(1).reduce((s, r) => s + (r[3] as number), 0);
    expect(total).toBeCloseTo(1, 12);
  });
});

describe("CHIPS.SIMULATE.POSTERIOR", () => {
  it("simulatePosterior rejects a bad statistic, a metric and bad evidence with #VALUE!", async () => {
    expect(excelCode(await simulatePosterior([["licensed"]], 100, 1, "nvidiaChina", 2027, "median"))).toBe(
      "#VALUE!",
    );
    expect(excelCode(await simulatePosterior([["licensed"]], 100, 1, "cumulativeNvidiaChina", ""))).toBe(
      "#VALUE!",
    );
    const bad = await simulatePosterior([["licensed"]], 100, 1, "nvidiaChina", 2027, "mean", [
      ["gaming", "FY2026", 1, 1],
    ]);
    expect(excelCode(bad)).toBe("#VALUE!");
    expect(message(bad)).toMatch(/observation 1/);
  });
  it("simulatePosterior(…) is the engine's posterior of the same seeded run with the default evidence", async () => {
    const preset = findPreset("licensed") as Preset;
    const r = engineSimulate(
      preset.scenario,
      { ...defaultSimulationSpec(preset.scenario), evidence: defaultEvidence() },
      { trials: 3000, seed: 4, sampling: "lhs" },
    ) as SimulationResult;
    expect(isModelError(r)).toBe(false);
    expect(await simulatePosterior([["licensed"]], 3000, 4, "nvidiaChina", "FY2028", "p50")).toBe(
      r.posterior!.series.nvidiaChina![2]!.p50,
    );
    expect(await simulatePosterior([["licensed"]], 3000, 4, "nvidiaChina", 2027, "ess")).toBe(
      r.posterior!.ess,
    );
    expect(await simulatePosterior([["licensed"]], 3000, 4, "nvidiaChina", 2027, "ess")).toBeLessThanOrEqual(
      3000,
    );
  });
});

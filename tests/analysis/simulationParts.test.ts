import { describe, expect, it } from "vitest";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { simulate, VIEW_SERIES, type SimulationOptions } from "../../src/analysis/simulate";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";
import { mergeSimulationParts, type SimulationResult } from "../../src/analysis/summarize";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import type { Scenario } from "../../src/model/types";

function run(scenario: Scenario, spec: SimulationSpec, options: SimulationOptions): SimulationResult {
  const result = simulate(scenario, spec, options);
  if (isModelError(result) || "kind" in result) throw new Error("the run did not finish");
  return result;
}

const preset = (i: number): Scenario => PRESETS[i]!.scenario;

describe("a run split into its view and rest halves", () => {
  const cases: readonly {
    readonly name: string;
    readonly scenario: Scenario;
    readonly spec: (s: Scenario) => SimulationSpec;
    readonly options: SimulationOptions;
  }[] = [
    {
      name: "default spec, Latin hypercube, past the pilot",
      scenario: preset(0),
      spec: defaultSimulationSpec,
      options: { trials: 70_001, seed: 7, sampling: "lhs" },
    },
    {
      name: "a threshold on another series, a histogram and rank correlations against a series, Monte Carlo",
      scenario: preset(1),
      spec: (s) => ({
        ...defaultSimulationSpec(s),
        thresholds: [{ output: { series: "domesticShare", year: s.baseYear + 2 }, op: ">", value: 0.5 }],
        histogram: { output: { series: "market", year: s.baseYear + 1 }, bins: 12 },
        rankCorrelationOutput: { series: "nvidiaChina", year: s.baseYear + s.horizon },
      }),
      options: { trials: 3_001, seed: 99, sampling: "mc" },
    },
    {
      name: "listed outputs and a correlation",
      scenario: preset(2),
      spec: (s) => ({
        ...defaultSimulationSpec(s),
        keep: "listed",
        trackSeries: ["nvidiaChinaNet", "domesticSales"],
        correlation: {
          inputs: ["marketGrowth", "adoptionSpeed"],
          matrix: [
            [1, 0.5],
            [0.5, 1],
          ],
        },
        rankCorrelationOutput: { metric: "npvNvidiaChina" },
      }),
      options: { trials: 2_050, seed: 3, sampling: "lhs" },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: the merged halves equal the whole run, key order included`, () => {
      const spec = c.spec(c.scenario);
      const whole = run(c.scenario, spec, c.options);
      const view = run(c.scenario, spec, { ...c.options, part: "view" });
      const rest = run(c.scenario, spec, { ...c.options, part: "rest" });
      expect(view.partial?.part).toBe("view");
      expect(view.rankCorrelations.values).toEqual([]);
      expect(rest.thresholds).toEqual([]);
      expect(rest.histograms).toEqual([]);
      const merged = mergeSimulationParts(view, rest);
      expect(merged).toStrictEqual(whole);
      expect(Object.keys(merged.series)).toEqual(Object.keys(whole.series));
      expect(merged.rankCorrelations.values.length).toBe(whole.rankCorrelations.values.length);
    });
  }

  it("the view half computes only the view's series (and those its outputs read)", () => {
    const s = preset(0);
    const view = run(s, defaultSimulationSpec(s), { trials: 2_000, seed: 1, part: "view" });
    expect(Object.keys(view.series)).toEqual([...VIEW_SERIES]);
    const rest = run(s, defaultSimulationSpec(s), { trials: 2_000, seed: 1, part: "rest" });
    expect(Object.keys(rest.series)).not.toContain("nvidiaChina");
    expect(Object.keys(rest.series).length).toBe(5);
  });

  it("refuses a part with evidence, an unknown part, and halves of different runs", () => {
    const s = preset(0);
    const spec = defaultSimulationSpec(s);
    const bad = simulate(s, spec, { trials: 100, seed: 1, part: "both" as never });
    expect(isModelError(bad) && bad.message).toMatch(/part must be "view" or "rest"/);
    const withEvidence = simulate(
      s,
      { ...spec, evidence: defaultEvidence() },
      { trials: 100, seed: 1, part: "view" },
    );
    expect(isModelError(withEvidence) && withEvidence.message).toMatch(/cannot be split into parts/);
    const view = run(s, spec, { trials: 100, seed: 1, part: "view" });
    const other = run(s, spec, { trials: 100, seed: 2, part: "rest" });
    expect(() => mergeSimulationParts(view, other)).toThrow(/different runs/);
    expect(() => mergeSimulationParts(other, view)).toThrow(/"view" half/);
    const otherSpec = run(
      s,
      { ...spec, trackSeries: ["remittance"] },
      { trials: 100, seed: 1, part: "rest" },
    );
    expect(() => mergeSimulationParts(view, otherSpec)).toThrow(/different runs/);
  });
});

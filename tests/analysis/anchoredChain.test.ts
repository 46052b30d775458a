import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Projection, Scenario, SeriesId } from "../../src/model/types";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import {
  prepareSimulation,
  runTrialRange,
  simulate,
  type PreparedSimulation,
} from "../../src/analysis/simulate";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";
import type { SimulationResult } from "../../src/analysis/summarize";

/** The licensed preset with the four regimes of §4.4 on the path restricted, licensed, licensed…: the shares
 * below are hand-computed for exactly that chain. */
const base = PRESETS.find((p) => p.id === "licensed")!.scenario;
const licensed: Scenario = {
  ...base,
  regimes: Object.fromEntries(Object.entries(base.regimes).filter(([name]) => name !== "paper")),
  regimePath: ["restricted", "licensed", "licensed", "licensed", "licensed", "licensed"],
};

describe("simulate with the anchored regime chain (DESIGN §5.0)", () => {
  it("simulate(π = 1, no uncertain input): every statistic of every tracked series equals the projection", () => {
    for (const preset of PRESETS) {
      const spec: SimulationSpec = {
        inputs: {},
        regimeChain: { anchored: { followPath: 1, returnToPath: 0.3 } },
      };
      const r = simulate(preset.scenario, spec, { trials: 500, seed: 7 }) as SimulationResult;
      const proj = projectScenario(preset.scenario) as Projection;
      for (const [id, stats] of Object.entries(r.series)) {
        stats.forEach((s, t) => {
          // statistics are taken on the kernel's full-precision values, whatever the series
          const expected = proj.series[id as SeriesId][t]!;
          for (const v of [s.min, s.max, s.p5, s.p50, s.p95]) expect(v).toBe(expected);
          expect(s.mean).toBeCloseTo(expected, 9);
          expect(s.sd).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
        });
      }
      expect(r.metrics.cumulativeNvidiaChina.p50).toBeCloseTo(proj.summary.cumulativeNvidiaChina, 9);
      expect(r.metrics.revenueAtRiskTotal.max).toBeCloseTo(proj.summary.revenueAtRiskTotal, 9);
    }
  });

  it("the share of trials in each regime follows the hand-computed chain (licensed preset on the four §4.4 regimes, 20,000 trials)", () => {
    const spec: SimulationSpec = {
      inputs: {},
      regimeChain: { anchored: { followPath: 0.8, returnToPath: 0.3 } },
      keep: "listed",
      trackSeries: ["access"],
    };
    const prepared = prepareSimulation(licensed, spec, {
      trials: 20_000,
      seed: 11,
      keepColumns: true,
    }) as PreparedSimulation;
    const raw = runTrialRange(prepared, 0, 20_000);
    const share = (t: number, access: number): number => {
      const col = raw.series.access!.subarray(t * 20_000, (t + 1) * 20_000);
      return col.filter((a) => a === Math.fround(access)).length / 20_000;
    };
    // hand-computed (path restricted, licensed, licensed…; access licensed 0.35, restricted 0.15, banned 0):
    // t=1: P(licensed) = 0.8; each other regime 0.2/3
    // t=2: P(licensed) = 0.8·0.8 + 3·(0.2/3)·0.3 = 0.70; P(banned) = 0.8·(0.2/3) + (0.2/3)·0.7 = 0.1
    // binomial sd at 20,000 trials ≤ 0.0036: tolerance 0.015 ≈ 4 sd
    expect(Math.abs(share(1, 0.35) - 0.8)).toBeLessThan(0.015);
    expect(Math.abs(share(1, 0) - 0.2 / 3)).toBeLessThan(0.015);
    expect(Math.abs(share(2, 0.35) - 0.7)).toBeLessThan(0.015);
    expect(Math.abs(share(2, 0) - 0.1)).toBeLessThan(0.015);
  });

  it("with the default spec, each preset's median NVIDIA China revenue in its last year is within 25% of its projection", () => {
    const lines: string[] = [];
    for (const preset of PRESETS) {
      const s = preset.scenario;
      const r = simulate(s, defaultSimulationSpec(s), { trials: 20_000, seed: 2026 }) as SimulationResult;
      const proj = projectScenario(s) as Projection;
      const median = r.series.nvidiaChina![s.horizon]!.p50;
      const projected = proj.series.nvidiaChina[s.horizon]!;
      lines.push(
        `${preset.id} ${s.baseYear + s.horizon}: median ${median.toFixed(2)} vs projection ${projected.toFixed(2)} USD bn (${((median / projected - 1) * 100).toFixed(1)}%)`,
      );
      expect(Math.abs(median / projected - 1)).toBeLessThanOrEqual(0.25);
    }
    console.log(lines.join("\n"));
  });
});

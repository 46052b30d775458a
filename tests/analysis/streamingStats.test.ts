import { describe, expect, it } from "vitest";
import {
  BLOCK,
  ColumnAccumulator,
  finalizeColumn,
  KEEP_ALL,
  PILOT_TRIALS,
  windowsFromPilot,
  type ColumnPart,
  type ColumnWindows,
} from "../../src/analysis/streamingStats";
import { PERCENTILES, type SampleStats, type SimulationResult } from "../../src/analysis/summarize";
import {
  prepareSimulation,
  runTrialRange,
  simulate,
  type PreparedSimulation,
} from "../../src/analysis/simulate";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { PRESETS } from "../../src/model/presets";

/** Oracle: R-7 (PERCENTILE.INC) of the finite values by a full sort, as Hyndman & Fan define it. */
function r7(values: ArrayLike<number>, p: number): number {
  const sorted = Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const lo = sorted[k]!;
  const hi = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return h === k ? lo : lo + (h - k) * (hi - lo);
}

/** A deterministic pseudo-random sequence (LCG), so the test data are fixed. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Feeds `values` in blocks of BLOCK (trial order) into one accumulator per part, split at `cuts`. */
function accumulate(
  values: Float64Array,
  windows: ColumnWindows,
  cuts: readonly number[] = [],
): ColumnPart[] {
  const bounds = [0, ...cuts, values.length];
  const parts: ColumnPart[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    const to = bounds[k + 1]!;
    const acc = new ColumnAccumulator(windows, 0, Math.ceil((to - from) / BLOCK));
    for (let b = from; b < to; b += BLOCK) acc.addBlock(values, b, Math.min(BLOCK, to - b));
    parts.push(acc.part());
  }
  return parts;
}

function keptCount(part: ColumnPart): number {
  return part.kept.reduce((n, chunk) => n + chunk.length, 0);
}

function statsOf(parts: readonly ColumnPart[]): SampleStats {
  const outcome = finalizeColumn(parts, PERCENTILES, { buffer: new Float64Array(0) });
  if (outcome.kind !== "stats") throw new Error("missed");
  return outcome.stats;
}

function expectPercentilesOf(stats: SampleStats, values: ArrayLike<number>): void {
  const keys = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;
  keys.forEach((key, i) => expect(stats[key]).toBe(r7(values, PERCENTILES[i]!)));
}

function windowsFor(values: Float64Array, pilot = 4000): ColumnWindows {
  return windowsFromPilot(values.slice(0, pilot), PERCENTILES, false).windows;
}

describe("streaming column statistics (exact without keeping the column)", () => {
  it("percentiles, min and max of 100,000 values equal a full sort's R-7; mean and sd match the two-pass values", () => {
    const next = lcg(7);
    const values = Float64Array.from({ length: 100_000 }, () => 20 + 30 * next() * next());
    const windows = windowsFor(values);
    expect(windows.lo.length).toBeGreaterThan(1); // real windows, not "keep all"
    const stats = statsOf(accumulate(values, windows));
    expectPercentilesOf(stats, values);
    expect(stats.min).toBe(Math.min(...values));
    expect(stats.max).toBe(Math.max(...values));
    expect(stats.count).toBe(100_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
    expect(stats.mean).toBeCloseTo(mean, 12);
    expect(stats.sd / Math.sqrt(ss / (values.length - 1)) - 1).toBeLessThan(1e-12);
    expect(stats.standardError).toBe(stats.sd / Math.sqrt(100_000));
  });

  it("the windows keep only a small share of the values (the memory the column saves)", () => {
    const next = lcg(8);
    const values = Float64Array.from({ length: 200_000 }, () => next());
    const parts = accumulate(values, windowsFor(values, 32_768));
    expect(keptCount(parts[0]!) / values.length).toBeLessThan(0.2);
  });

  it("an atom (30% exact zeros), NaN and ±∞ values: exact percentiles over the finite values, count without them", () => {
    const next = lcg(9);
    const values = Float64Array.from({ length: 50_000 }, (_, i) =>
      i % 997 === 0 ? NaN : i % 1499 === 0 ? Infinity : next() < 0.3 ? 0 : 5 + next(),
    );
    const stats = statsOf(accumulate(values, windowsFor(values)));
    expectPercentilesOf(stats, values);
    const finite = Array.from(values).filter(Number.isFinite);
    expect(stats.count).toBe(finite.length);
    expect(stats.p5).toBe(0);
    // the zeros are counted, not kept
    expect(keptCount(accumulate(values, windowsFor(values))[0]!)).toBeLessThan(0.3 * finite.length);
  });

  it("a constant column: every percentile is the constant and sd is 0", () => {
    const values = new Float64Array(20_000).fill(19.677);
    const stats = statsOf(accumulate(values, windowsFor(values)));
    expect([stats.min, stats.p5, stats.p50, stats.p95, stats.max, stats.mean]).toEqual(Array(6).fill(19.677));
    expect(stats.sd).toBe(0);
  });

  it("parts split on block boundaries give bit-identical statistics", () => {
    const next = lcg(10);
    const values = Float64Array.from({ length: 30_000 }, () => Math.exp(3 * next()));
    const windows = windowsFor(values);
    const whole = statsOf(accumulate(values, windows));
    expect(statsOf(accumulate(values, windows, [10 * BLOCK]))).toEqual(whole);
    expect(statsOf(accumulate(values, windows, [3 * BLOCK, 17 * BLOCK, 18 * BLOCK]))).toEqual(whole);
  });

  it("an order statistic outside every window is reported as missed, never approximated", () => {
    const next = lcg(11);
    const values = Float64Array.from({ length: 20_000 }, () => next());
    // windows placed by a pilot of another distribution (values 10..11): every percentile misses
    const other = Float64Array.from({ length: 4000 }, () => 10 + next());
    const windows = windowsFromPilot(other, PERCENTILES, false).windows;
    const outcome = finalizeColumn(accumulate(values, windows), PERCENTILES, { buffer: new Float64Array(0) });
    expect(outcome.kind).toBe("missed");
    // keep-all windows never miss
    expectPercentilesOf(statsOf(accumulate(values, KEEP_ALL)), values);
  });
});

describe("simulate with streaming statistics", () => {
  const scenario = PRESETS[0]!.scenario;
  const spec = defaultSimulationSpec(scenario);
  const trials = PILOT_TRIALS + 7 * BLOCK + 123; // past the pilot, so the windows are real

  it("every kept full-precision column's percentiles, min and max equal R-7 of the stored per-trial values", () => {
    const prepared = prepareSimulation(scenario, spec, {
      trials,
      seed: 5,
      keepColumns: true,
    }) as PreparedSimulation;
    const raw = runTrialRange(prepared, 0, trials);
    const result = simulate(scenario, spec, { trials, seed: 5 }) as SimulationResult;
    for (const id of ["nvidiaChina", "nvidiaChinaNet"] as const) {
      const column = raw.series[id]!;
      result.series[id]!.forEach((s, t) => {
        const values = column.subarray(t * trials, (t + 1) * trials);
        expectPercentilesOf(s, values);
        expect(s.min).toBe(Math.min(...values));
        expect(s.max).toBe(Math.max(...values));
      });
    }
    for (const m of ["cumulativeNvidiaChina", "npvNvidiaChina", "revenueAtRiskTotal"] as const) {
      expectPercentilesOf(result.metrics[m], raw.metrics[m]);
    }
  });

  it("windows that miss (half-width 0) are recomputed: the result equals the default run's", () => {
    const normal = simulate(scenario, spec, { trials, seed: 6 });
    const forced = simulate(scenario, spec, { trials, seed: 6, windowSigmas: 0 });
    expect(forced).toEqual(normal);
  });
});

describe("simulate with streaming statistics: run lengths around the block and the pilot", () => {
  const scenario = PRESETS[1]!.scenario;
  const spec = defaultSimulationSpec(scenario);
  for (const trials of [2, BLOCK + 1, PILOT_TRIALS + 1])
    for (const sampling of ["lhs", "mc"] as const)
      it(`${trials} trials, ${sampling}: percentiles of nvidiaChina and of the metrics (NaN and integer years included) equal R-7`, () => {
        const prepared = prepareSimulation(scenario, spec, {
          trials,
          seed: 3,
          sampling,
          keepColumns: true,
        }) as PreparedSimulation;
        const raw = runTrialRange(prepared, 0, trials);
        const result = simulate(scenario, spec, { trials, seed: 3, sampling }) as SimulationResult;
        result.series.nvidiaChina!.forEach((s, t) =>
          expectPercentilesOf(s, raw.series.nvidiaChina!.subarray(t * trials, (t + 1) * trials)),
        );
        for (const m of ["cumulativeNvidiaChina", "crossoverYear", "cagrNvidiaChina"] as const) {
          const finite = Array.from(raw.metrics[m]).filter(Number.isFinite);
          if (finite.length === 0) expect(result.metrics[m].count).toBe(0);
          else expectPercentilesOf(result.metrics[m], raw.metrics[m]);
        }
      });
});

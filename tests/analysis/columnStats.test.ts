import { describe, expect, it } from "vitest";
import { columnStats, StatsWorkspace } from "../../src/analysis/columnStats";
import { CounterRng } from "../../src/analysis/philox";
import { sampleStats } from "../../src/analysis/summarize";

const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/** R-7 by definition on a fully sorted copy, h = (n − 1)p (Hyndman & Fan 1996; Excel PERCENTILE.INC). */
function sortedR7(xs: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(xs).sort();
  return ps.map((p) => {
    const h = (sorted.length - 1) * p;
    const k = Math.floor(h);
    const frac = h - k;
    return frac === 0 ? sorted[k]! : sorted[k]! + frac * (sorted[k + 1]! - sorted[k]!);
  });
}

describe("columnStats: reference values", () => {
  it("columnStats({1,3,2,4}, ws, [0.3, 0.5]) gives Excel's PERCENTILE.INC, AVERAGE and STDEV.S", () => {
    const r = columnStats([1, 3, 2, 4], new StatsWorkspace(4), [0.3, 0.5]);
    // Excel: =PERCENTILE.INC({1,3,2,4},0.3) → 1.9 ; median (2+3)/2 = 2.5
    expect(r.percentiles[0]).toBeCloseTo(1.9, 12);
    expect(r.percentiles[1]).toBe(2.5);
    // hand-computed: mean 2.5 ; STDEV.S = √(5/3) = 1.2909944487358056 ; se = sd/2
    expect(r.mean).toBe(2.5);
    expect(r.sd).toBeCloseTo(1.2909944487358056, 14);
    expect(r.standardError).toBeCloseTo(0.6454972243679028, 14);
    expect([r.min, r.max, r.count]).toEqual([1, 4, 4]);
  });
  it("columnStats on 200,000 skewed values (bucketed path) equals the sort-based R-7 percentiles", () => {
    const rng = new CounterRng(5);
    const xs = Float64Array.from({ length: 200_000 }, (_, i) => Math.exp(6 * rng.uniform(i, 1, 0)));
    // oracle: full sort of a copy
    expect(columnStats(xs, new StatsWorkspace(xs.length), PS).percentiles).toEqual(sortedR7(xs, PS));
  });
  it("columnStats reuses one workspace across columns of different sizes without stale state", () => {
    const rng = new CounterRng(6);
    const ws = new StatsWorkspace(10);
    const a = Float64Array.from({ length: 50_000 }, (_, i) => rng.uniform(i, 2, 0));
    const b = Float64Array.from({ length: 30_000 }, (_, i) => -rng.uniform(i, 3, 0) * 1e6);
    columnStats(a, ws, PS);
    // oracle: full sort of a copy, as above
    expect(columnStats(b, ws, PS).percentiles).toEqual(sortedR7(b, PS));
    expect(columnStats(a, ws, PS).percentiles).toEqual(sortedR7(a, PS));
  });
});

describe("columnStats: edge cases", () => {
  it("columnStats skips NaN and ±Infinity and counts only finite values", () => {
    const r = columnStats([NaN, 5, Infinity, 1, -Infinity, 3], new StatsWorkspace(6), [0.5]);
    // hand-computed on {5, 1, 3}: count 3, median 3, mean 3
    expect([r.count, r.percentiles[0], r.mean]).toEqual([3, 3, 3]);
  });
  it("columnStats of a constant column of 10,000 gives that value and sd 0", () => {
    const r = columnStats(new Float64Array(10_000).fill(2.5), new StatsWorkspace(1), PS);
    // hand-computed: every order statistic is 2.5; Σ(v − mean)² = 0
    expect(r.percentiles).toEqual(PS.map(() => 2.5));
    expect(r.sd).toBe(0);
  });
  it("columnStats with heavy ties across bucket boundaries equals the sort-based values", () => {
    const xs = Float64Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? 7 : i % 10 === 1 ? 1e5 : i));
    // oracle: full sort of a copy
    expect(columnStats(xs, new StatsWorkspace(1), PS).percentiles).toEqual(sortedR7(xs, PS));
  });
  it("columnStats of only non-finite values has count 0 and NaN statistics", () => {
    const r = columnStats([NaN, NaN], new StatsWorkspace(2), [0.5]);
    expect(r.count).toBe(0);
    expect(r.mean).toBeNaN();
    expect(r.percentiles[0]).toBeNaN();
  });
  it("sampleStats(values) does not reorder its input", () => {
    const xs = Float64Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const copy = Float64Array.from(xs);
    sampleStats(xs);
    expect(xs).toEqual(copy);
  });
});

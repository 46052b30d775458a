import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { mean, quantileR7, quantilesR7, standardError, stdevS } from "../../src/analysis/statistics";
import { orderStatistics } from "../../src/analysis/select";
import { CounterRng } from "../../src/analysis/philox";

const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);

describe("statistics: invalid arguments", () => {
  it("mean([]) is divisionByZero", () => expect(code(mean([]))).toBe("divisionByZero"));
  it("stdevS([x]) is divisionByZero (Excel STDEV.S of one value is #DIV/0!)", () =>
    expect(code(stdevS([3]))).toBe("divisionByZero"));
  it("quantileR7(xs, 1.5) is invalidInput", () => expect(code(quantileR7([1, 2], 1.5))).toBe("invalidInput"));
  it("quantileR7([], p) is invalidInput", () => expect(code(quantileR7([], 0.5))).toBe("invalidInput"));
});

describe("statistics: reference values", () => {
  it("stdevS(xs) matches Excel's STDEV.S documented example", () => {
    // Microsoft Support, STDEV.S function: =STDEV.S(A2:A11) → 27.46391572
    const xs = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
    expect(stdevS(xs)).toBeCloseTo(27.46391572, 8);
  });
  it("quantileR7(xs, p) uses the R-7 method like PERCENTILE.INC", () => {
    // Microsoft Support, PERCENTILE.INC function: =PERCENTILE.INC({1,3,2,4},0.3) → 1.9
    expect(quantileR7([1, 3, 2, 4], 0.3)).toBeCloseTo(1.9, 12);
  });
  it("quantilesR7(xs, ps) returns the extremes at p = 0 and 1 and the median at 0.5", () => {
    // hand-computed on {1,3,2,4}: min 1, max 4, median (2+3)/2 = 2.5
    expect(quantilesR7([1, 3, 2, 4], [1, 0, 0.5])).toEqual([4, 1, 2.5]);
  });
  it("mean and standardError match hand computation", () => {
    // hand-computed: mean {1,2,3,4} = 2.5 ; STDEV.S = √(5/3) = 1.2909944 ; se = 1.2909944/2 = 0.6454972
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(standardError([1, 2, 3, 4])).toBeCloseTo(0.6454972243679028, 12);
  });
});

describe("statistics: large samples by selection", () => {
  it("quantilesR7 on 100,000 values equals the sort-based R-7 value", () => {
    const rng = new CounterRng(9);
    const xs = Float64Array.from({ length: 100_000 }, (_, i) => Math.exp(3 * rng.uniform(i, 1, 0)));
    const sorted = Float64Array.from(xs).sort();
    const ps = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
    // oracle: R-7 by definition on the fully sorted copy, h = (n−1)p
    const oracle = ps.map((p) => {
      const h = (sorted.length - 1) * p;
      const k = Math.floor(h);
      return sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!);
    });
    expect(quantilesR7(xs, ps)).toEqual(oracle);
  });
  it("orderStatistics handles heavy ties", () => {
    const xs = Float64Array.from({ length: 20_000 }, (_, i) => (i % 4 === 0 ? 7 : i));
    const sorted = Float64Array.from(xs).sort();
    // oracle: the sorted copy
    expect(orderStatistics(xs, [0, 4999, 5000, 19_999], 1, 19_999)).toEqual([
      sorted[0],
      sorted[4999],
      sorted[5000],
      sorted[19_999],
    ]);
  });
});

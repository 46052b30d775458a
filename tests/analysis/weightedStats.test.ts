import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import {
  effectiveSampleSize,
  normalizedWeights,
  regimePosterior,
  weightedMeanSd,
  weightedProbability,
  weightedQuantiles,
} from "../../src/analysis/weightedStats";

const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);
const weights = (l: number[], p?: number[]): number[] => [...(normalizedWeights(l, p) as Float64Array)];

describe("normalizedWeights: invalid arguments", () => {
  it("normalizedWeights([]) and bad priors are invalidInput", () => {
    expect(code(normalizedWeights([]))).toBe("invalidInput");
    expect(code(normalizedWeights([0, 0], [1]))).toBe("invalidInput");
    expect(code(normalizedWeights([0, 0], [1, -1]))).toBe("invalidInput");
    expect(code(normalizedWeights([0, 0], [0, 0]))).toBe("invalidInput");
    expect(code(normalizedWeights([0, 0], [1, NaN]))).toBe("invalidInput");
  });
});

describe("normalizedWeights: reference values", () => {
  it("normalizedWeights(ℓ of two scenarios) with equal and with 1:3 priors", () => {
    // hand-computed: one observation v = 4.55, sd = 0.5; scenario A m = 5 → ℓ = −½·0.9² = −0.405,
    // scenario B m = 4 → ℓ = −½·1.1² = −0.605. Equal priors: w_A = 1/(1 + e^−0.2) = 0.549833997312478
    const w = weights([-0.405, -0.605]);
    expect(w[0]).toBeCloseTo(0.549833997312478, 14);
    expect(w[1]).toBeCloseTo(0.450166002687522, 14);
    // priors 0.25 : 0.75 → w_A = 0.25 / (0.25 + 0.75·e^−0.2) = 0.289335755940165
    const p = weights([-0.405, -0.605], [0.25, 0.75]);
    expect(p[0]).toBeCloseTo(0.289335755940165, 14);
    expect(p[1]).toBeCloseTo(0.710664244059835, 14);
    // priors need not sum to 1: 1 : 3 is the same
    expect(weights([-0.405, -0.605], [1, 3])[0]).toBeCloseTo(0.289335755940165, 14);
  });
  it("normalizedWeights(zeros) is equal weights, and their ESS is N", () => {
    const w = normalizedWeights(new Float64Array(1000)) as Float64Array;
    expect(w.every((x) => x === 0.001)).toBe(true);
    expect(effectiveSampleSize(w)).toBeCloseTo(1000, 9);
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBe(4);
  });
  it("effectiveSampleSize(unequal weights) is 1 / Σw²", () => {
    // hand-computed: 1 / (0.5² + 0.25² + 0.25²) = 1 / 0.375 = 2.6666…
    expect(effectiveSampleSize([0.5, 0.25, 0.25])).toBeCloseTo(8 / 3, 14);
  });
});

describe("normalizedWeights: edge cases (max-shift, never NaN)", () => {
  it("normalizedWeights(ℓ far below −745, where e^ℓ underflows) keeps their ratio", () => {
    // hand-computed: e^0 : e^−1 → 1/(1 + e^−1) = 0.7310585786300049
    const w = weights([-1e6, -1e6 - 1]);
    expect(w[0]).toBeCloseTo(0.7310585786300049, 14);
    expect(w[1]).toBeCloseTo(0.2689414213699951, 14);
  });
  it("normalizedWeights gives weight 0 to −∞ and NaN entries", () => {
    expect(weights([-Infinity, -2, NaN])).toEqual([0, 1, 0]);
  });
  it("normalizedWeights(all −∞) is a numeric error, not NaN", () => {
    expect(code(normalizedWeights([-Infinity, -Infinity]))).toBe("numeric");
    expect(code(normalizedWeights([NaN]))).toBe("numeric");
  });
  it("a zero prior on the best-fitting scenario does not turn the others' weights into 0/0", () => {
    // the other scenario's e^(ℓ − max ℓ) = e^−2000 underflows; it still gets all the weight
    expect(weights([0, -2000], [0, 1])).toEqual([0, 1]);
  });
});

describe("weightedMeanSd", () => {
  it("weightedMeanSd(x, w) is Σwx and sqrt(Σw(x − μ)² / (1 − Σw²))", () => {
    // hand-computed: μ = 0.5·1 + 0.25·2 + 0.25·4 = 2; Σw(x − μ)² = 0.5 + 0 + 1 = 1.5; Σw² = 0.375
    // sd = sqrt(1.5 / 0.625) = sqrt(2.4) = 1.5491933384829668
    const r = weightedMeanSd([1, 2, 4], [0.5, 0.25, 0.25]);
    expect(r.mean).toBe(2);
    expect(r.sd).toBeCloseTo(1.5491933384829668, 14);
  });
  it("weightedMeanSd(x, equal weights) is AVERAGE and STDEV.S", () => {
    // Excel: =STDEV.S(1345,1301,1368,1322,1310,1370,1318,1350,1303,1299) → 27.46391572
    const x = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
    const r = weightedMeanSd(x, Array(10).fill(0.1));
    expect(r.mean).toBeCloseTo(1328.6, 10);
    expect(r.sd).toBeCloseTo(27.46391572, 7);
  });
  it("weightedMeanSd with all the weight on one run has sd NaN (STDEV.S of one value is #DIV/0!)", () => {
    const r = weightedMeanSd([3, 7], [1, 0]);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeNaN();
  });
});

describe("weightedQuantiles: Q(p) = x_(j*), j* = min { j : W_j ≥ p }", () => {
  it("weightedQuantiles(p outside 0..1 or no values) is invalidInput", () => {
    expect(code(weightedQuantiles([1], [1], [1.5]))).toBe("invalidInput");
    expect(code(weightedQuantiles([1], [1], [NaN]))).toBe("invalidInput");
    expect(code(weightedQuantiles([], [], [0.5]))).toBe("invalidInput");
  });
  it("weightedQuantiles at exact cumulative boundaries takes the value that reaches p (no interpolation)", () => {
    // hand-computed: sorted 1 (0.5), 2 (0.3), 3 (0.2): W = 0.5, 0.8, 1
    // p = 0.5 → W_1 = 0.5 reaches it → 1; p = 0.6 → 2; p = 0.8 → W_2 = 0.8 → 2; p = 0.81 → 3
    expect(weightedQuantiles([3, 1, 2], [0.2, 0.5, 0.3], [0.5, 0.6, 0.8, 0.81])).toEqual([1, 2, 2, 3]);
  });
  it("weightedQuantiles: a cumulative weight that rounds below p still reaches it (0.1 + 0.7 = 0.7999999999999999)", () => {
    // in real arithmetic W_2 = 0.1 + 0.7 = 0.8 ≥ 0.8 → x_(2) = 2; naive float summation would say 3
    expect(0.1 + 0.7 < 0.8).toBe(true);
    expect(weightedQuantiles([1, 2, 3], [0.1, 0.7, 0.2], [0.8])).toEqual([2]);
    // and one that rounds above (0.1 + 0.2 = 0.30000000000000004): p = 0.3 → 2, p = 0.31 → 3
    expect(weightedQuantiles([1, 2, 3], [0.1, 0.2, 0.7], [0.3, 0.31])).toEqual([2, 3]);
  });
  it("weightedQuantiles with ties and equal weights is the lower empirical quantile (not R-7)", () => {
    // hand-computed: sorted 1, 2, 2, 3 with W = 0.25, 0.5, 0.75, 1
    // p: 0 → 1; 0.25 → 1; 0.26 → 2; 0.5 → 2 (R-7 would give 2 too, but at p = 0.25 R-7 gives 1.75); 0.75 → 2;
    // 0.76 → 3; 1 → 3
    const q = weightedQuantiles([2, 1, 2, 3], [0.25, 0.25, 0.25, 0.25], [0, 0.25, 0.26, 0.5, 0.75, 0.76, 1]);
    expect(q).toEqual([1, 1, 2, 2, 2, 3, 3]);
  });
  it("weightedQuantiles(p = 1) stops at the last value with positive weight reaching 1, and at N when W_N rounds below 1", () => {
    // W_2 = 1 already: the zero-weight 3 is never reached
    expect(weightedQuantiles([1, 2, 3], [0.5, 0.5, 0], [1])).toEqual([2]);
    // ten weights 0.1 sum to 0.9999999999999999 in naive float; the answer is still the largest value
    expect(weightedQuantiles([...Array(10).keys()], Array(10).fill(0.1), [1, 0.9])).toEqual([9, 8]);
  });
});

describe("weightedProbability and regimePosterior", () => {
  it("weightedProbability(x, w, op, c) is Σ w [x op c]", () => {
    // hand-computed: x < 6 → 0.2 + 0.3 = 0.5; x > 1 → 0.3 + 0.5 = 0.8; strict at the threshold
    expect(weightedProbability([1, 5, 9], [0.2, 0.3, 0.5], "<", 6)).toBe(0.5);
    expect(weightedProbability([1, 5, 9], [0.2, 0.3, 0.5], ">", 1)).toBe(0.8);
  });
  it("regimePosterior(regimes, w) sums the weights of the trials in each regime per year", () => {
    // trials 0, 1, 2 with weights 0.5, 0.3, 0.2; year 0 all open; year 1: open, banned, banned
    const regimes = Uint8Array.of(0, 0, 0, 0, 1, 1);
    const r = regimePosterior(regimes, [0.5, 0.3, 0.2], ["open", "banned"], 2);
    expect(r[0]).toEqual({ open: 1, banned: 0 });
    expect(r[1]!.open).toBe(0.5);
    expect(r[1]!.banned).toBeCloseTo(0.5, 15);
  });
});

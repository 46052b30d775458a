import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import {
  cdf,
  distributionMean,
  distributionVariance,
  inverseCdf,
  validateDistribution,
  type Distribution,
} from "../../src/analysis/distributions";
import { incompleteBeta, normalCdf, normalInv } from "../../src/analysis/specialFunctions";
import { CounterRng } from "../../src/analysis/philox";
import { quantileR7 } from "../../src/analysis/statistics";

const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);

function draws(d: Distribution, n = 10_000, seed = 7): number[] {
  const rng = new CounterRng(seed);
  return Array.from({ length: n }, (_, i) => inverseCdf(d, rng.uniform(i, 1, 0)));
}
function moments(xs: number[]): [number, number] {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return [m, xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)];
}

describe("validateDistribution: invalid arguments", () => {
  it.each<[string, Distribution]>([
    ["uniform min ≥ max", { kind: "uniform", min: 2, max: 1 }],
    ["triangular mode outside", { kind: "triangular", min: 0, mode: 3, max: 2 }],
    ["pert min = max", { kind: "pert", min: 1, mode: 1, max: 1 }],
    ["pert lambda ≤ 0", { kind: "pert", min: 0, mode: 1, max: 2, lambda: 0 }],
    ["normal sd ≤ 0", { kind: "normal", mean: 0, sd: 0 }],
    ["normal lo ≥ hi", { kind: "normal", mean: 0, sd: 1, lo: 1, hi: 0 }],
    ["normal empty truncation", { kind: "normal", mean: 0, sd: 1, lo: 40, hi: 41 }],
    ["lognormal p90 ≤ median", { kind: "lognormal", median: 2, p90: 1 }],
    ["lognormal median ≤ 0", { kind: "lognormal", median: 0, p90: 1 }],
    ["lognormal sigma ≤ 0", { kind: "lognormalMuSigma", mu: 0, sigma: -1 }],
    ["discrete length mismatch", { kind: "discrete", values: [1, 2], weights: [1] }],
    ["discrete negative weight", { kind: "discrete", values: [1, 2], weights: [1, -1] }],
    ["discrete zero weights", { kind: "discrete", values: [1], weights: [0] }],
    ["non-finite parameter", { kind: "uniform", min: NaN, max: 1 }],
  ])("validateDistribution(%s) is invalidInput", (_, d) => {
    expect(code(validateDistribution(d))).toBe("invalidInput");
  });
  it("validateDistribution(unknown kind) is invalidInput", () => {
    expect(code(validateDistribution({ kind: "weibull" } as unknown as Distribution))).toBe("invalidInput");
  });
});

describe("special functions: reference values", () => {
  it("normalInv(p) matches Excel NORM.S.INV", () => {
    // Excel: =NORM.S.INV(0.975) → 1.959963985 ; =NORM.S.INV(0.9) → 1.281551566
    expect(normalInv(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalInv(0.9)).toBeCloseTo(1.2815515655446004, 12);
    // symmetry: Φ⁻¹(1 − p) = −Φ⁻¹(p); published Φ⁻¹(1e-10) = −6.361340902404056
    expect(normalInv(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });
  it("normalCdf(x) matches Excel NORM.S.DIST(x, TRUE)", () => {
    // Excel: =NORM.S.DIST(1,TRUE) → 0.841344746 ; =NORM.S.DIST(-3.5,TRUE) → 0.000232629
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
    expect(normalCdf(-3.5)).toBeCloseTo(2.32629079035525e-4, 15);
  });
  it("incompleteBeta(x, 2, 3) matches the closed form 6x² − 8x³ + 3x⁴", () => {
    // hand-computed at x = 0.3: 0.54 − 0.216 + 0.0243 = 0.3483 (Excel =BETA.DIST(0.3,2,3,TRUE) → 0.3483)
    expect(incompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 13);
  });
});

describe("inverseCdf: reference values", () => {
  it("inverseCdf(triangular, p) is the closed-form quantile", () => {
    // hand-computed: triangular(0, 1, 4): F(mode) = 1/4; p = 0.25 → 1; p = 0.5 → 4 − √(0.5·4·3) = 4 − √6
    const d: Distribution = { kind: "triangular", min: 0, mode: 1, max: 4 };
    expect(inverseCdf(d, 0.25)).toBeCloseTo(1, 12);
    expect(inverseCdf(d, 0.5)).toBeCloseTo(4 - Math.sqrt(6), 12);
  });
  it("inverseCdf(pert, p) inverts cdf(pert, x)", () => {
    const d: Distribution = { kind: "pert", min: 10, mode: 14, max: 30 };
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(cdf(d, inverseCdf(d, p))).toBeCloseTo(p, 10);
  });
  it("inverseCdf(lognormal median/p90) returns the median at 0.5 and p90 at 0.9", () => {
    const d: Distribution = { kind: "lognormal", median: 20, p90: 35 };
    // by definition of the parameterisation
    expect(inverseCdf(d, 0.5)).toBeCloseTo(20, 10);
    expect(inverseCdf(d, 0.9)).toBeCloseTo(35, 8);
  });
  it("inverseCdf(truncated normal, p) stays inside [lo, hi]", () => {
    const d: Distribution = { kind: "normal", mean: 0.5, sd: 0.3, lo: 0, hi: 1 };
    expect(inverseCdf(d, 1e-9)).toBeGreaterThanOrEqual(0);
    expect(inverseCdf(d, 1 - 1e-9)).toBeLessThanOrEqual(1);
    // symmetric truncation around the mean: the median is the mean
    expect(inverseCdf(d, 0.5)).toBeCloseTo(0.5, 12);
  });
  it("inverseCdf(discrete, p) walks the cumulative weights", () => {
    const d: Distribution = { kind: "discrete", values: [1, 2, 3], weights: [1, 1, 2] };
    // hand-computed cumulative: 0.25, 0.5, 1
    expect([0.1, 0.3, 0.6, 0.99].map((p) => inverseCdf(d, p))).toEqual([1, 2, 3, 3]);
  });
});

describe("distributions: 10,000 seeded draws against closed forms", () => {
  it("draws are reproducible for a fixed seed", () => {
    const d: Distribution = { kind: "pert", min: 0, mode: 2, max: 10 };
    expect(draws(d, 50, 3)).toEqual(draws(d, 50, 3));
    expect(draws(d, 50, 3)).not.toEqual(draws(d, 50, 4));
  });
  it("triangular(a, m, b): mean (a+m+b)/3 and variance (a²+b²+c²−ab−ac−bc)/18", () => {
    const d: Distribution = { kind: "triangular", min: 2, mode: 5, max: 14 };
    // hand-computed: mean 21/3 = 7 ; variance (4 + 196 + 25 − 28 − 10 − 70)/18 = 117/18 = 6.5
    expect(distributionMean(d)).toBeCloseTo(7, 12);
    expect(distributionVariance(d)).toBeCloseTo(6.5, 12);
    const [m, v] = moments(draws(d));
    expect(Math.abs(m - 7)).toBeLessThan(4 * Math.sqrt(6.5 / 10_000));
    expect(Math.abs(v - 6.5) / 6.5).toBeLessThan(0.05);
  });
  it("pert(a, m, b): mean (a+4m+b)/6", () => {
    const d: Distribution = { kind: "pert", min: 0, mode: 2, max: 10 };
    // hand-computed: (0 + 8 + 10)/6 = 3 ; α = 1 + 4·2/10 = 1.8, β = 1 + 4·8/10 = 4.2 ; var = αβ·100/(36·7) = 3
    expect(distributionMean(d)).toBeCloseTo(3, 12);
    expect(distributionVariance(d)).toBeCloseTo(3, 12);
    const [m, v] = moments(draws(d));
    expect(Math.abs(m - 3)).toBeLessThan(4 * Math.sqrt(3 / 10_000));
    expect(Math.abs(v - 3) / 3).toBeLessThan(0.05);
  });
  it("lognormal(median, p90): sample median and p90 near the parameters", () => {
    const xs = draws({ kind: "lognormal", median: 20, p90: 35 });
    expect(Math.abs((quantileR7(xs, 0.5) as number) / 20 - 1)).toBeLessThan(0.02);
    expect(Math.abs((quantileR7(xs, 0.9) as number) / 35 - 1)).toBeLessThan(0.03);
  });
  it("lognormalMuSigma: mean exp(μ + σ²/2)", () => {
    const d: Distribution = { kind: "lognormalMuSigma", mu: 1, sigma: 0.5 };
    // closed form: e^(1.125) = 3.0802168489180310
    expect(distributionMean(d)).toBeCloseTo(3.080216848918031, 12);
    const [m] = moments(draws(d));
    expect(Math.abs(m / 3.080216848918031 - 1)).toBeLessThan(0.02);
  });
  it("truncated normal: mean and variance against the closed forms", () => {
    const d: Distribution = { kind: "normal", mean: 0, sd: 1, lo: 0 };
    // half-normal: mean √(2/π) = 0.7978845608, variance 1 − 2/π = 0.3633802276
    expect(distributionMean(d)).toBeCloseTo(0.7978845608028654, 10);
    expect(distributionVariance(d)).toBeCloseTo(1 - 2 / Math.PI, 10);
    const [m, v] = moments(draws(d));
    expect(Math.abs(m - 0.7978845608)).toBeLessThan(0.025);
    expect(Math.abs(v - 0.3633802276)).toBeLessThan(0.02);
  });
  it("uniform and discrete: sample means near closed forms", () => {
    // hand-computed: uniform(2, 6) mean 4 ; discrete {1,2,3} weights {1,1,2} mean (1+2+6)/4 = 2.25
    expect(Math.abs(moments(draws({ kind: "uniform", min: 2, max: 6 }))[0] - 4)).toBeLessThan(0.05);
    const dd: Distribution = { kind: "discrete", values: [1, 2, 3], weights: [1, 1, 2] };
    expect(distributionMean(dd)).toBe(2.25);
    expect(Math.abs(moments(draws(dd))[0] - 2.25)).toBeLessThan(0.04);
  });
});

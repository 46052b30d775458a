/**
 * Input distributions for Monte Carlo (DESIGN.md §5): a JSON tagged union, validated once, sampled by its
 * inverse CDF (so Latin hypercube strata map straight to values).
 */
import { modelError, type ModelError } from "../model/errors";
import { echo, ownValue } from "../model/own";
import { incompleteBeta, incompleteBetaInv, normalCdf, normalInv } from "./specialFunctions";

/** z such that Φ(z) = 0.9: the lognormal's p90 parameterisation uses it. */
const Z90 = 1.2815515655446004;

export type Distribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  /** PERT: a beta on [min, max] with α = 1 + λ(mode−min)/(max−min), β = 1 + λ(max−mode)/(max−min); λ = 4 by default. */
  | {
      readonly kind: "pert";
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      readonly lambda?: number;
    }
  /** Normal(mean, sd), optionally truncated to [lo, hi] (either bound may be omitted). */
  | {
      readonly kind: "normal";
      readonly mean: number;
      readonly sd: number;
      readonly lo?: number;
      readonly hi?: number;
    }
  /** Lognormal given by its median and 90th percentile (σ = ln(p90/median)/z₀.₉). */
  | { readonly kind: "lognormal"; readonly median: number; readonly p90: number }
  /** Lognormal given by μ and σ of ln X. */
  | { readonly kind: "lognormalMuSigma"; readonly mu: number; readonly sigma: number }
  | { readonly kind: "discrete"; readonly values: readonly number[]; readonly weights: readonly number[] };

export type DistributionKind = Distribution["kind"];

/** Most values a discrete distribution may list (a saved document or a cell range can hold far more). */
export const MAX_DISCRETE_VALUES = 10_000;

/** Each kind's parameters: required ones, then optional ones. */
const PARAMETERS: Readonly<
  Record<DistributionKind, { readonly required: readonly string[]; readonly optional: readonly string[] }>
> = {
  fixed: { required: ["value"], optional: [] },
  uniform: { required: ["min", "max"], optional: [] },
  triangular: { required: ["min", "mode", "max"], optional: [] },
  pert: { required: ["min", "mode", "max"], optional: ["lambda"] },
  normal: { required: ["mean", "sd"], optional: ["lo", "hi"] },
  lognormal: { required: ["median", "p90"], optional: [] },
  lognormalMuSigma: { required: ["mu", "sigma"], optional: [] },
  discrete: { required: ["values", "weights"], optional: [] },
};

/**
 * Checks a distribution's parameters (each required one present, no unknown ones, finite, ordered, positive
 * where needed; discrete: at most MAX_DISCRETE_VALUES values).
 *
 * @returns the same distribution, or ModelError("invalidInput") naming the parameter and the bound
 * @example validateDistribution({ kind: "triangular", min: 3, mode: 1, max: 5 }) // ModelError invalidInput
 */
export function validateDistribution(d: Distribution, label = "distribution"): Distribution | ModelError {
  const bad = (msg: string): ModelError => modelError("invalidInput", `${label}: ${msg}`);
  if (typeof d !== "object" || d === null || Array.isArray(d)) return bad("must be an object with a kind");
  const shape = ownValue(PARAMETERS, String((d as { kind: unknown }).kind));
  if (shape === undefined) {
    const kind: unknown = (d as { kind: unknown }).kind;
    return bad(
      `unknown distribution kind ${JSON.stringify(typeof kind === "string" ? echo(kind) : kind) ?? "undefined"}; kinds: ${Object.keys(PARAMETERS).join(", ")}`,
    );
  }
  for (const key of Object.keys(d)) {
    if (key !== "kind" && !shape.required.includes(key) && !shape.optional.includes(key))
      return bad(`${d.kind} has no parameter ${echo(key)} (parameters: ${shape.required.join(", ")})`);
  }
  for (const key of shape.required) {
    if (!Object.hasOwn(d, key)) return bad(`${d.kind} needs ${key}`);
  }
  const nums = Object.entries(d).filter(([k]) => k !== "kind" && k !== "values" && k !== "weights");
  for (const [k, v] of nums) {
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v)))
      return bad(`${k} must be a finite number, got ${String(v)}`);
  }
  switch (d.kind) {
    case "fixed":
      return d;
    case "uniform":
      return d.min < d.max ? d : bad(`uniform min must be less than max, got ${d.min} and ${d.max}`);
    case "triangular":
    case "pert":
      if (!(d.min < d.max)) return bad(`${d.kind} min must be less than max, got ${d.min} and ${d.max}`);
      if (d.mode < d.min || d.mode > d.max)
        return bad(`${d.kind} mode must be between ${d.min} and ${d.max}, got ${d.mode}`);
      if (d.kind === "pert" && d.lambda !== undefined && !(d.lambda > 0))
        return bad(`pert lambda must be greater than 0, got ${d.lambda}`);
      return d;
    case "normal":
      if (!(d.sd > 0)) return bad(`normal sd must be greater than 0, got ${d.sd}`);
      if (d.lo !== undefined && d.hi !== undefined && !(d.lo < d.hi))
        return bad(`normal lo must be less than hi, got ${d.lo} and ${d.hi}`);
      if (truncationMass(d) < 1e-12) return bad("normal truncation interval has (almost) no probability");
      return d;
    case "lognormal":
      if (!(d.median > 0)) return bad(`lognormal median must be greater than 0, got ${d.median}`);
      return d.p90 > d.median
        ? d
        : bad(`lognormal p90 must be greater than the median ${d.median}, got ${d.p90}`);
    case "lognormalMuSigma":
      return d.sigma > 0 ? d : bad(`lognormal sigma must be greater than 0, got ${d.sigma}`);
    case "discrete": {
      const values: unknown = d.values;
      const weights: unknown = d.weights;
      if (!Array.isArray(values) || !Array.isArray(weights))
        return bad("discrete values and weights must be arrays");
      if (d.values.length === 0) return bad("discrete needs at least one value");
      if (d.values.length > MAX_DISCRETE_VALUES)
        return bad(`discrete may have at most ${MAX_DISCRETE_VALUES} values, got ${d.values.length}`);
      if (d.values.length !== d.weights.length)
        return bad(
          `discrete values and weights must have the same length, got ${d.values.length} and ${d.weights.length}`,
        );
      if (d.values.some((v) => !Number.isFinite(v))) return bad("discrete values must be finite numbers");
      if (d.weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
        return bad("discrete weights must be finite and at least 0");
      const total = d.weights.reduce((s, w) => s + w, 0);
      return total > 0 ? d : bad("discrete weights must not all be 0");
    }
    default: {
      const kind: unknown = (d as { kind: unknown }).kind;
      return bad(`unknown distribution kind ${JSON.stringify(kind)}`);
    }
  }
}

/**
 * Inverse CDF (quantile function) of a validated distribution at p in (0, 1).
 *
 * @example inverseCdf({ kind: "triangular", min: 0, mode: 1, max: 2 }, 0.5) // 1
 */
export function inverseCdf(d: Distribution, p: number): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.min + p * (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      const fc = (c - a) / (b - a);
      return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    case "pert": {
      const [alpha, beta] = pertShape(d);
      return d.min + (d.max - d.min) * incompleteBetaInv(p, alpha, beta);
    }
    case "normal": {
      const lo = d.lo === undefined ? 0 : normalCdf((d.lo - d.mean) / d.sd);
      const hi = d.hi === undefined ? 1 : normalCdf((d.hi - d.mean) / d.sd);
      const x = d.mean + d.sd * normalInv(lo + p * (hi - lo));
      // Guard the rounding at the truncation bounds.
      return Math.min(d.hi ?? Infinity, Math.max(d.lo ?? -Infinity, x));
    }
    case "lognormal":
      return d.median * Math.exp((Math.log(d.p90 / d.median) / Z90) * normalInv(p));
    case "lognormalMuSigma":
      return Math.exp(d.mu + d.sigma * normalInv(p));
    case "discrete": {
      const total = d.weights.reduce((s, w) => s + w, 0);
      let acc = 0;
      for (let i = 0; i < d.values.length; i++) {
        acc += (d.weights[i] ?? 0) / total;
        if (p < acc) return d.values[i] ?? NaN;
      }
      return d.values[d.values.length - 1] ?? NaN;
    }
  }
}

/** CDF of a validated distribution at x (used by tests and charts). */
export function cdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case "fixed":
      return x < d.value ? 0 : 1;
    case "uniform":
      return clamp01((x - d.min) / (d.max - d.min));
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c
        ? ((x - a) * (x - a)) / ((b - a) * (c - a))
        : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
    case "pert": {
      const [alpha, beta] = pertShape(d);
      return incompleteBeta(clamp01((x - d.min) / (d.max - d.min)), alpha, beta);
    }
    case "normal": {
      if (d.lo !== undefined && x <= d.lo) return 0;
      if (d.hi !== undefined && x >= d.hi) return 1;
      const lo = d.lo === undefined ? 0 : normalCdf((d.lo - d.mean) / d.sd);
      return (normalCdf((x - d.mean) / d.sd) - lo) / truncationMass(d);
    }
    case "lognormal":
      return x <= 0 ? 0 : normalCdf(Math.log(x / d.median) / (Math.log(d.p90 / d.median) / Z90));
    case "lognormalMuSigma":
      return x <= 0 ? 0 : normalCdf((Math.log(x) - d.mu) / d.sigma);
    case "discrete": {
      const total = d.weights.reduce((s, w) => s + w, 0);
      let acc = 0;
      d.values.forEach((v, i) => {
        if (v <= x) acc += (d.weights[i] ?? 0) / total;
      });
      return acc;
    }
  }
}

/**
 * Closed-form mean. Truncated normal: mean + sd·(φ(α) − φ(β))/Z.
 *
 * @example distributionMean({ kind: "pert", min: 0, mode: 1, max: 8 }) // (0 + 4·1 + 8)/6 = 2
 */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "pert": {
      const [alpha, beta] = pertShape(d);
      return d.min + ((d.max - d.min) * alpha) / (alpha + beta);
    }
    case "normal": {
      const [a, b, z] = truncatedParts(d);
      return d.mean + (d.sd * (phi(a) - phi(b))) / z;
    }
    case "lognormal":
    case "lognormalMuSigma": {
      const [mu, sigma] = logParams(d);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case "discrete":
      return discreteMoment(d, 1, 0);
  }
}

/**
 * Closed-form variance (population). Triangular: (a²+b²+c²−ab−ac−bc)/18; PERT: αβ(b−a)²/((α+β)²(α+β+1)).
 */
export function distributionVariance(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return 0;
    case "uniform":
      return ((d.max - d.min) * (d.max - d.min)) / 12;
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case "pert": {
      const [alpha, beta] = pertShape(d);
      const s = alpha + beta;
      return (alpha * beta * (d.max - d.min) * (d.max - d.min)) / (s * s * (s + 1));
    }
    case "normal": {
      const [a, b, z] = truncatedParts(d);
      const fa = Number.isFinite(a) ? a * phi(a) : 0;
      const fb = Number.isFinite(b) ? b * phi(b) : 0;
      const r = (phi(a) - phi(b)) / z;
      return d.sd * d.sd * (1 + (fa - fb) / z - r * r);
    }
    case "lognormal":
    case "lognormalMuSigma": {
      const [mu, sigma] = logParams(d);
      return Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma);
    }
    case "discrete": {
      const m = discreteMoment(d, 1, 0);
      return discreteMoment(d, 2, m);
    }
  }
}

/** PERT's beta shape (α, β). */
export function pertShape(d: {
  readonly min: number;
  readonly mode: number;
  readonly max: number;
  readonly lambda?: number;
}): [number, number] {
  const lambda = d.lambda ?? 4;
  const range = d.max - d.min;
  return [1 + (lambda * (d.mode - d.min)) / range, 1 + (lambda * (d.max - d.mode)) / range];
}

function logParams(d: Extract<Distribution, { kind: "lognormal" | "lognormalMuSigma" }>): [number, number] {
  return d.kind === "lognormal" ? [Math.log(d.median), Math.log(d.p90 / d.median) / Z90] : [d.mu, d.sigma];
}

function truncatedParts(d: Extract<Distribution, { kind: "normal" }>): [number, number, number] {
  const a = d.lo === undefined ? -Infinity : (d.lo - d.mean) / d.sd;
  const b = d.hi === undefined ? Infinity : (d.hi - d.mean) / d.sd;
  return [a, b, truncationMass(d)];
}

function truncationMass(d: Extract<Distribution, { kind: "normal" }>): number {
  const lo = d.lo === undefined ? 0 : normalCdf((d.lo - d.mean) / d.sd);
  const hi = d.hi === undefined ? 1 : normalCdf((d.hi - d.mean) / d.sd);
  return hi - lo;
}

function phi(x: number): number {
  return Number.isFinite(x) ? Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI) : 0;
}

function discreteMoment(
  d: Extract<Distribution, { kind: "discrete" }>,
  power: number,
  centre: number,
): number {
  const total = d.weights.reduce((s, w) => s + w, 0);
  return d.values.reduce((s, v, i) => s + ((d.weights[i] ?? 0) / total) * (v - centre) ** power, 0);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

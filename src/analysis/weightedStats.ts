/**
 * Importance weights and weighted statistics, exactly as DESIGN.md §5.1 defines them:
 *
 *   w_i = e^(ℓ_i − max ℓ) / Σ_i' e^(ℓ_i' − max ℓ)          (scenarios: p_s · e^(ℓ_s − max ℓ) / Σ …)
 *   ESS = 1 / Σ w_i²
 *   μ   = Σ w_i x_i ;   sd = sqrt( Σ w_i (x_i − μ)² / (1 − Σ w_i²) )
 *   Q(p) = x_(j*),  j* = min { j : W_j ≥ p }   (x sorted ascending, W_j the cumulative weight)
 *
 * Floating point. The weights sum to 1 only up to rounding, so a cumulative weight that is exactly p in real
 * arithmetic may come out a few ulps below it (0.1 + 0.7 = 0.7999999999999999 < 0.8) or above it
 * (0.1 + 0.2 = 0.30000000000000004). W_j is therefore summed with Neumaier's compensated sum (error ≈ 1 ulp
 * whatever N) and compared with p − 1e-12: a cumulative weight within 1e-12 of p reaches p. Rounding of the
 * weights themselves is ≈ 1e-16 in total, far below 1e-12, and no weight pattern a user can mean is finer
 * than 1e-12. If rounding leaves every W_j below p (p = 1), j* = N.
 */
import { modelError, type ModelError } from "../model/errors";

/** A cumulative weight within this of p counts as reaching p (see the module comment). */
export const CUMULATIVE_TOLERANCE = 1e-12;

/**
 * Normalized weights from log-likelihoods by the max-shift, optionally times priors (scenarios). An entry with
 * ℓ = −∞ (or NaN) gets weight 0; if every entry does — no run can explain the evidence — the result is a
 * `numeric` error, never NaN. With priors the shift is max(ℓ_s + ln p_s), the same weights as the §5.1 formula
 * (the shift cancels) that also survive a zero prior on the best-fitting scenario.
 *
 * @param logLikelihoods ℓ per trial or scenario
 * @param priors optional non-negative prior weights (any positive scale), same length
 * @example normalizedWeights([0, Math.log(3)]) // [0.25, 0.75]
 */
export function normalizedWeights(
  logLikelihoods: ArrayLike<number>,
  priors?: ArrayLike<number>,
): Float64Array | ModelError {
  const n = logLikelihoods.length;
  if (n === 0) return modelError("invalidInput", "weights need at least one log-likelihood");
  if (priors !== undefined) {
    const problem = priorProblem(priors, n);
    if (problem !== undefined) return modelError("invalidInput", problem);
  }
  const a = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const l = logLikelihoods[i] as number;
    const p = priors === undefined ? 1 : (priors[i] as number);
    // NaN and p = 0 become −∞: weight 0.
    const v = l > -Infinity && p > 0 ? (priors === undefined ? l : l + Math.log(p)) : -Infinity;
    a[i] = v;
    if (v > max) max = v;
  }
  if (!(max > -Infinity))
    return modelError("numeric", "no run can explain the evidence: every log-likelihood is −∞");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp((a[i] as number) - max);
    a[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) a[i] = (a[i] as number) / sum;
  return a;
}

/**
 * Effective sample size 1 / Σ w_i² of normalized weights (N for N equal weights).
 *
 * @example effectiveSampleSize([0.25, 0.25, 0.25, 0.25]) // 4
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  return 1 / sumOfSquares(weights);
}

/**
 * Weighted mean Σ w_i x_i and sd sqrt(Σ w_i (x_i − μ)² / (1 − Σ w_i²)) (the reliability-weights analogue of
 * STDEV.S: equal weights give STDEV.S). sd is NaN when one run holds all the weight (1 − Σw² = 0), as
 * STDEV.S of one value is #DIV/0!.
 *
 * @example weightedMeanSd([1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25]) // { mean: 2.5, sd: 1.2909944487358056 }
 */
export function weightedMeanSd(
  x: ArrayLike<number>,
  weights: ArrayLike<number>,
): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += (weights[i] as number) * (x[i] as number);
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - mean;
    ss += (weights[i] as number) * d * d;
  }
  const denominator = 1 - sumOfSquares(weights);
  return { mean, sd: denominator > 0 ? Math.sqrt(ss / denominator) : NaN };
}

/**
 * Weighted quantiles Q(p) = x_(j*), j* = min { j : W_j ≥ p }: the inverse of the weighted empirical CDF (no
 * interpolation; with equal weights this is the lower empirical quantile, not R-7). One sort for all p.
 *
 * @param ps probabilities in [0, 1]
 * @example weightedQuantiles([3, 1, 2], [0.2, 0.5, 0.3], [0.5, 0.6, 0.8]) // [1, 2, 2]
 */
export function weightedQuantiles(
  x: ArrayLike<number>,
  weights: ArrayLike<number>,
  ps: readonly number[],
): number[] | ModelError {
  if (x.length === 0) return modelError("invalidInput", "weighted quantiles need at least one value");
  for (const p of ps)
    if (!(p >= 0 && p <= 1)) return modelError("invalidInput", `p must be between 0 and 1, got ${p}`);
  const order = sortedOrder(x);
  const out: number[] = [];
  const targets = ps.map((p, k) => ({ p, k })).sort((a, b) => a.p - b.p);
  let j = 0;
  let sum = 0;
  let compensation = 0;
  for (const { p, k } of targets) {
    // Advance to the first j whose cumulative weight reaches p (Neumaier-compensated running sum).
    while (j < order.length) {
      const cumulative = sum + compensation;
      if (j > 0 && cumulative >= p - CUMULATIVE_TOLERANCE) break;
      const w = weights[order[j] as number] as number;
      const t = sum + w;
      compensation += Math.abs(sum) >= Math.abs(w) ? sum - t + w : w - t + sum;
      sum = t;
      j++;
    }
    out[k] = x[order[Math.max(j, 1) - 1] as number] as number;
  }
  return out;
}

/**
 * Weighted probability of a threshold, Σ w_i [x_i op value].
 *
 * @example weightedProbability([1, 5, 9], [0.2, 0.3, 0.5], "<", 6) // 0.5
 */
export function weightedProbability(
  x: ArrayLike<number>,
  weights: ArrayLike<number>,
  op: "<" | ">",
  value: number,
): number {
  let p = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (op === "<" ? v < value : v > value) p += weights[i] as number;
  }
  return p;
}

/**
 * Posterior probability of each regime per year, π_{t,r} = Σ_i w_i [regime of trial i in year t = r].
 *
 * @param regimes state index per trial and year, year-major: regimes[t · N + i]
 * @param states the regime names in index order
 * @example regimePosterior(Uint8Array.of(0, 0, 1, 0), [0.5, 0.5], ["open", "banned"], 2) // [{ open: 1, banned: 0 }, { open: 0.5, banned: 0.5 }]
 */
export function regimePosterior(
  regimes: ArrayLike<number>,
  weights: ArrayLike<number>,
  states: readonly string[],
  years: number,
): Record<string, number>[] {
  const n = weights.length;
  const out: Record<string, number>[] = [];
  for (let t = 0; t < years; t++) {
    const mass = new Float64Array(states.length);
    for (let i = 0; i < n; i++) {
      const r = regimes[t * n + i] as number;
      mass[r] = (mass[r] as number) + (weights[i] as number);
    }
    out.push(Object.fromEntries(states.map((s, r) => [s, mass[r] as number])));
  }
  return out;
}

function sumOfSquares(weights: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += (weights[i] as number) * (weights[i] as number);
  return s;
}

/** Indices of x in ascending order of value (ties by index, so the order is deterministic). */
function sortedOrder(x: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(x.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
}

function priorProblem(priors: ArrayLike<number>, n: number): string | undefined {
  if (priors.length !== n) return `priors must have ${n} entries, got ${priors.length}`;
  let positive = false;
  for (let i = 0; i < n; i++) {
    const p = priors[i] as number;
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0)
      return `prior ${i + 1} must be a finite number of at least 0, got ${String(p)}`;
    if (p > 0) positive = true;
  }
  return positive ? undefined : "at least one prior must be greater than 0";
}

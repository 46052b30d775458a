/**
 * Descriptive statistics with Excel's conventions: STDEV.S (n − 1) and PERCENTILE.INC (Hyndman–Fan R-7).
 * Percentiles of large samples use selection on a copy, never a full sort.
 */
import { modelError, type ModelError } from "../model/errors";
import { orderStatistics } from "./select";

type Numbers = ArrayLike<number>;

/**
 * Arithmetic mean (Excel AVERAGE).
 *
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(xs: Numbers): number | ModelError {
  if (xs.length === 0) return modelError("divisionByZero", "mean of an empty sample");
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
}

/**
 * Sample standard deviation with n − 1 (Excel STDEV.S), two-pass for accuracy.
 * Reference: Microsoft Support, "STDEV.S function".
 *
 * @example stdevS([1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299]) // 27.46391572
 */
export function stdevS(xs: Numbers): number | ModelError {
  if (xs.length < 2) return modelError("divisionByZero", "STDEV.S needs at least 2 values");
  const m = mean(xs) as number;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] as number) - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (xs.length - 1));
}

/**
 * Standard error of the mean, STDEV.S / √n.
 *
 * @example standardError([1, 2, 3, 4]) // 1.2909944487358056 / 2 = 0.6454972243679028
 */
export function standardError(xs: Numbers): number | ModelError {
  const sd = stdevS(xs);
  return typeof sd === "number" ? sd / Math.sqrt(xs.length) : sd;
}

/**
 * Percentile by the R-7 method (Excel PERCENTILE.INC, NumPy's default): h = (n − 1)p,
 * Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted sample. Works on a copy by selection.
 * Reference: Hyndman & Fan (1996), "Sample quantiles in statistical packages".
 *
 * @example quantileR7([1, 3, 2, 4], 0.3) // 1.9
 */
export function quantileR7(xs: Numbers, p: number): number | ModelError {
  const q = quantilesR7(xs, [p]);
  return Array.isArray(q) ? (q[0] as number) : q;
}

/**
 * Several R-7 percentiles of one sample by selection (bucket narrowing + quickselect, see `orderStatistics`),
 * O(n) instead of a sort.
 *
 * @param ps probabilities in [0, 1], any order
 * @returns the percentiles in the order of `ps`
 */
export function quantilesR7(xs: Numbers, ps: readonly number[]): number[] | ModelError {
  if (xs.length === 0) return modelError("invalidInput", "percentile of an empty sample");
  for (const p of ps) {
    if (!(p >= 0 && p <= 1))
      return modelError("invalidInput", `percentile p must be between 0 and 1, got ${p}`);
  }
  const a = Float64Array.from(xs);
  return quantilesR7InPlace(a, ps);
}

/**
 * Like `quantilesR7` on a Float64Array without validation (`ps` in 0..1, `a` finite and non-empty). `a` may
 * be reordered.
 */
export function quantilesR7InPlace(a: Float64Array, ps: readonly number[]): number[] {
  const n = a.length;
  // Order statistics needed: ⌊h⌋ and ⌊h⌋ + 1 for each p (R-7 interpolates between them).
  const ks: number[] = [];
  for (const p of ps) {
    const k = Math.floor((n - 1) * p);
    ks.push(k, Math.min(k + 1, n - 1));
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const values = orderStatistics(a, ks, min, max);
  return ps.map((p, i) => {
    const h = (n - 1) * p;
    const lo = values[2 * i] as number;
    const hi = values[2 * i + 1] as number;
    const frac = h - Math.floor(h);
    return frac === 0 ? lo : lo + frac * (hi - lo);
  });
}

/**
 * Spearman rank correlation: Pearson correlation of the ranks, ties given their average rank (as Excel's
 * RANK.AVG), so ρ = 1 for any increasing relation.
 */
import { modelError, type ModelError } from "../model/errors";

/**
 * Spearman's ρ of two equally long samples.
 *
 * @returns ρ in [−1, 1]; divisionByZero when either sample is constant; invalidInput on length mismatch
 * @example spearman([1, 2, 3, 4], [10, 20, 25, 100]) // 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | ModelError {
  if (x.length !== y.length)
    return modelError("invalidInput", `samples must have the same length, got ${x.length} and ${y.length}`);
  if (x.length < 2) return modelError("invalidInput", `spearman needs at least 2 pairs, got ${x.length}`);
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Pearson correlation (Excel CORREL).
 *
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933992677987828
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | ModelError {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return modelError("divisionByZero", "correlation of a constant sample");
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * 1-based ranks with ties averaged. The order comes from a stable LSD radix sort (four 16-bit passes) on the
 * IEEE-754 bits mapped to an order-preserving unsigned key, so 10⁶ values rank in tens of milliseconds where a
 * comparison sort of indices takes seconds.
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const f64 = Float64Array.from(x);
  const words = new Uint32Array(f64.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1] as number;
    let l = words[2 * i] as number;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if ((f64[i] as number) === 0) {
      h = 0x80000000; // +0 and −0 tie
      l = 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (const [words32, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((words32[i] as number) >>> shift) & 0xffff;
      counts[d] = (counts[d] as number) + 1;
    }
    if ((counts[((words32[0] as number) >>> shift) & 0xffff] as number) === n) continue; // one digit: skip pass
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let r = 0; r < n; r++) {
      const i = order[r] as number;
      const d = ((words32[i] as number) >>> shift) & 0xffff;
      next[counts[d] as number] = i;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, next] = [next, order];
  }
  const ranks = new Float64Array(n);
  let r = 0;
  while (r < n) {
    const first = order[r] as number;
    let end = r + 1;
    while (end < n && hi[order[end] as number] === hi[first] && lo[order[end] as number] === lo[first]) end++;
    const avg = (r + 1 + end) / 2;
    for (let k = r; k < end; k++) ranks[order[k] as number] = avg;
    r = end;
  }
  return ranks;
}

/**
 * `averageRanks(x)` without sorting, when a bijection `position` of [0, n) is expected to put x in ascending
 * order (e.g. the Latin hypercube strata of an input drawn through a non-decreasing inverse CDF): one scatter,
 * a check that x in that order never decreases, ties averaged, one gather. Exact: when the check passes the
 * order sorts x, and average ranks do not depend on which sorting order is used.
 *
 * @returns the 1-based average ranks, or null when `position` does not sort x (then use `averageRanks`)
 * @example averageRanksByPosition([30, 10, 20], (i) => [2, 0, 1][i]) // Float64Array [3, 1, 2]
 */
export function averageRanksByPosition(
  x: ArrayLike<number>,
  position: (i: number) => number,
): Float64Array | null {
  const n = x.length;
  const sorted = new Float64Array(n);
  const at = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = position(i);
    at[i] = p;
    sorted[p] = x[i] as number;
  }
  for (let k = 1; k < n; k++) if (!((sorted[k] as number) >= (sorted[k - 1] as number))) return null;
  // Positions → average ranks in place (a run of equal values shares the mean of its 1-based ranks).
  let r = 0;
  while (r < n) {
    const v = sorted[r] as number;
    let end = r + 1;
    while (end < n && sorted[end] === v) end++;
    sorted.fill((r + 1 + end) / 2, r, end);
    r = end;
  }
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = sorted[at[i] as number] as number;
  return ranks;
}

/**
 * Iman–Conover rank correlation (R. L. Iman & W. J. Conover, "A distribution-free approach to inducing rank
 * correlation among input variables", Commun. Statist. B11(3), 1982): the marginal samples are kept and only
 * re-ordered, so each input keeps its distribution (and its Latin hypercube strata) while the inputs' Spearman
 * matrix approaches the target.
 *
 * Scores are van der Waerden normal scores Φ⁻¹(r/(n+1)); because the rank correlation of normals is
 * (6/π)·asin(ρ/2), the Pearson matrix imposed on the scores is 2·sin(πρₛ/6) of the Spearman target, so the
 * achieved rank correlation matches the target rather than being biased low.
 */
import { ModelError } from "../model/errors";
import { extent } from "../model/own";
import { choleskyPsd, nearestCorrelationMatrix, symmetricEigen, type Matrix } from "./linearAlgebra";
import { normalInv } from "./specialFunctions";

/** An invalid target correlation matrix: names the problem and carries the nearest valid matrix. */
export class InvalidCorrelationError extends ModelError {
  constructor(
    message: string,
    /** Higham's nearest correlation matrix to the input (offered, never applied silently). */
    readonly nearest: number[][],
  ) {
    super("invalidInput", message);
  }
}

/**
 * Checks a target Spearman matrix: square, finite, symmetric (±1e-9), unit diagonal, |ρ| ≤ 1 and positive
 * semi-definite (smallest eigenvalue ≥ −1e-10).
 *
 * @returns a plain copy of the matrix, or an `InvalidCorrelationError` (code invalidInput) with `nearest`
 * @example validateCorrelationMatrix([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]) // not PSD → error
 */
export function validateCorrelationMatrix(
  m: readonly (readonly number[])[],
  labels?: readonly string[],
): number[][] | InvalidCorrelationError | ModelError {
  const name = (i: number): string => labels?.[i] ?? String(i);
  const n = m.length;
  if (n === 0) return new ModelError("invalidInput", "correlation matrix must not be empty");
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (!Array.isArray(row) || row.length !== n) {
      return new ModelError(
        "invalidInput",
        `correlation matrix must be square (${n}×${n}), row ${name(i)} has ${Array.isArray(row) ? row.length : 0} entries`,
      );
    }
    if (row.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
      return new ModelError("invalidInput", `correlation matrix row ${name(i)} has a non-finite entry`);
    }
  }
  const copy = m.map((row) => [...row]);
  const fail = (msg: string): InvalidCorrelationError =>
    new InvalidCorrelationError(msg, nearestCorrelationMatrix(clampEntries(copy)));
  for (let i = 0; i < n; i++) {
    if (Math.abs((copy[i]![i] as number) - 1) > 1e-12)
      return fail(`correlation matrix diagonal must be 1, got ${copy[i]![i]} at ${name(i)}`);
    for (let j = 0; j < n; j++) {
      const x = copy[i]![j] as number;
      if (Math.abs(x) > 1)
        return fail(`correlation between ${name(i)} and ${name(j)} must be between -1 and 1, got ${x}`);
      if (Math.abs(x - (copy[j]![i] as number)) > 1e-9)
        return fail(
          `correlation matrix must be symmetric, got ${x} and ${copy[j]![i]} for ${name(i)}/${name(j)}`,
        );
    }
  }
  const [minEigen] = extent(symmetricEigen(copy).values);
  if (minEigen < -1e-10) {
    return fail(
      `correlation matrix must be positive semi-definite, smallest eigenvalue is ${minEigen.toPrecision(4)}`,
    );
  }
  return copy;
}

/**
 * Iman–Conover re-ordering: for K variables and n trials, the rank (0..n−1) each trial's sample must take in
 * each variable so that the inputs' Spearman matrix ≈ `target`.
 *
 * @param target a VALIDATED Spearman matrix (K×K)
 * @param n trials (≥ K + 2)
 * @param uniform deterministic uniforms in (0, 1) for (variable, index): shuffles the score columns
 * @returns per variable, `ranks[i]` = rank of trial i's value; or null if the score correlation is singular
 */
export function imanConoverRanks(
  target: readonly (readonly number[])[],
  n: number,
  uniform: (variable: number, index: number) => number,
): Uint32Array[] | null {
  const k = target.length;
  const base = new Float64Array(n);
  for (let r = 0; r < n; r++) base[r] = normalInv((r + 1) / (n + 1));
  const scores: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const col = Float64Array.from(base);
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(uniform(j, i) * (i + 1));
      const t = col[i] as number;
      col[i] = col[r] as number;
      col[r] = t;
    }
    scores.push(col);
  }
  // Pearson correlation of the shuffled scores (each column has mean 0 by symmetry of the scores).
  let sumSq = 0;
  for (let r = 0; r < n; r++) sumSq += (base[r] as number) ** 2;
  const e: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const x = scores[a] as Float64Array;
      const y = scores[b] as Float64Array;
      for (let r = 0; r < n; r++) s += (x[r] as number) * (y[r] as number);
      e[a]![b] = s / sumSq;
      e[b]![a] = s / sumSq;
    }
  }
  const f = choleskyPsd(e, 1e-12);
  if (f === null || f.some((row, i) => (row[i] as number) <= 1e-12)) return null;
  const pearson = target.map((row, i) =>
    row.map((rho, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * rho) / 6))),
  );
  // The adjusted matrix is PSD whenever the target is, up to rounding at the boundary; fall back to the
  // target itself (valid by contract) rather than failing.
  const c = choleskyPsd(pearson) ?? choleskyPsd(target);
  if (c === null) return null;
  const mix = multiply(c, invertLower(f));
  const transformed = Array.from({ length: k }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < k; a++) {
      let s = 0;
      const row = mix[a] as number[];
      for (let b = 0; b < k; b++) s += (row[b] as number) * ((scores[b] as Float64Array)[r] as number);
      (transformed[a] as Float64Array)[r] = s;
    }
  }
  return transformed.map((col) => ranksOf(col));
}

/** Rank (0-based, ties broken by index) of each element. */
export function ranksOf(values: Float64Array): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => (values[x] as number) - (values[y] as number) || x - y);
  const ranks = new Uint32Array(n);
  for (let r = 0; r < n; r++) ranks[order[r] as number] = r;
  return ranks;
}

function clampEntries(m: Matrix): Matrix {
  return m.map((row, i) => row.map((x, j) => (i === j ? 1 : Math.max(-1, Math.min(1, x)))));
}

function invertLower(l: Matrix): Matrix {
  const n = l.length;
  const inv: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    inv[j]![j] = 1 / (l[j]![j] as number);
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += (l[i]![k] as number) * (inv[k]![j] as number);
      inv[i]![j] = -s / (l[i]![i] as number);
    }
  }
  return inv;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * (b[k]![j] as number), 0)));
}

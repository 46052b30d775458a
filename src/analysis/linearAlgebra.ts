/**
 * Small dense symmetric-matrix helpers for correlation work (K ≤ a few dozen inputs): Jacobi eigenvalues,
 * Cholesky for positive semi-definite matrices, and Higham's nearest correlation matrix.
 */
export type Matrix = number[][];

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
 *
 * @returns eigenvalues (unsorted) and eigenvectors as the COLUMNS of `vectors`
 */
export function symmetricEigen(m: readonly (readonly number[])[]): { values: number[]; vectors: Matrix } {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(a, i, j) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k, p);
          const akq = at(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p, k);
          const aqk = at(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k, p);
          const vkq = at(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i] ?? NaN), vectors: v };
}

/**
 * Lower-triangular L with L·Lᵀ = m for a symmetric positive SEMI-definite m: a zero (≤ tol) pivot gives a
 * zero column, so perfectly correlated inputs still factor.
 *
 * @returns L, or null when m is not positive semi-definite (a pivot below −tol)
 */
export function choleskyPsd(m: readonly (readonly number[])[], tol = 1e-10): Matrix | null {
  const n = m.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = at(m, j, j);
    for (let k = 0; k < j; k++) d -= at(l, j, k) ** 2;
    if (d < -tol) return null;
    const ljj = d > tol ? Math.sqrt(d) : 0;
    set(l, j, j, ljj);
    for (let i = j + 1; i < n; i++) {
      let s = at(m, i, j);
      for (let k = 0; k < j; k++) s -= at(l, i, k) * at(l, j, k);
      if (ljj === 0) {
        if (Math.abs(s) > 1e-7) return null;
        set(l, i, j, 0);
      } else set(l, i, j, s / ljj);
    }
  }
  return l;
}

/**
 * Nearest correlation matrix in the Frobenius norm by Higham's alternating projections with Dykstra's
 * correction (N. J. Higham, "Computing the nearest correlation matrix — a problem from finance", IMA J. Numer.
 * Anal. 22 (2002)). Eigenvalues are clipped at `minEigenvalue` (default 1e-8) so the result is strictly
 * positive definite, then the diagonal is rescaled to exactly 1.
 */
export function nearestCorrelationMatrix(m: readonly (readonly number[])[], minEigenvalue = 1e-8): Matrix {
  const n = m.length;
  const sym = m.map((row, i) => row.map((x, j) => (x + at(m, j, i)) / 2));
  let y = sym.map((row) => [...row]);
  let ds: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let iter = 0; iter < 1000; iter++) {
    const r = y.map((row, i) => row.map((x, j) => x - at(ds, i, j)));
    const x = clipEigen(r, 0);
    ds = x.map((row, i) => row.map((v, j) => v - at(r, i, j)));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let change = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) change = Math.max(change, Math.abs(at(next, i, j) - at(y, i, j)));
    y = next;
    if (change < 1e-12) break;
  }
  // Strict positive definiteness for the factorisation, then unit diagonal again.
  const pd = clipEigen(y, minEigenvalue);
  return pd.map((row, i) => row.map((v, j) => (i === j ? 1 : v / Math.sqrt(at(pd, i, i) * at(pd, j, j)))));
}

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function clipEigen(m: Matrix, floor: number): Matrix {
  const { values, vectors } = symmetricEigen(m);
  const n = m.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(values[k] ?? 0, floor);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) out[i]![j]! += lambda * at(vectors, i, k) * at(vectors, j, k);
  }
  return out;
}

function at(m: readonly (readonly number[])[], i: number, j: number): number {
  return m[i]?.[j] ?? NaN;
}

function set(m: Matrix, i: number, j: number, v: number): void {
  (m[i] as number[])[j] = v;
}

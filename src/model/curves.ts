/**
 * Adoption curves: the logistic domestic share of DESIGN.md §4.2 (through s0 at t = 0, ceiling S), its
 * two-point calibration (§4.3) and the Bass diffusion curve offered as an alternative (`CHIPS.BASS`).
 */
import { modelError, type ModelError } from "./errors";

/**
 * Logistic share at time t: `S / (1 + (S/s0 − 1) · e^(−k·t))`, which equals s0 at t = 0 and tends to S.
 *
 * @param t years since the base year (any finite number; negative t extrapolates backwards)
 * @param s0 share at t = 0, fraction in (0, 1]
 * @param cap long-run ceiling S, fraction in (0, 1]
 * @param k logistic rate, 1/year, ≥ 0
 * @returns share, fraction
 * @example logisticShare(0, 0.41, 0.9, 0.6) // → 0.41
 */
export function logisticShare(t: number, s0: number, cap: number, k: number): number | ModelError {
  if (!Number.isFinite(t)) return modelError("invalidInput", `t must be a finite number, got ${t}`);
  const shareIssue = unitShareIssue("s0", s0) ?? unitShareIssue("cap", cap);
  if (shareIssue !== undefined) return modelError("invalidInput", shareIssue);
  if (!(Number.isFinite(k) && k >= 0)) return modelError("invalidInput", `k must be at least 0, got ${k}`);
  const value = cap / (1 + (cap / s0 - 1) * Math.exp(-k * t));
  return Number.isFinite(value) ? value : modelError("numeric", `logisticShare is not finite at t = ${t}`);
}

/**
 * The logistic rate k such that the logistic with ceiling S passes through (t1, s1) and (t2, s2):
 * `k = ln((S/s1 − 1) / (S/s2 − 1)) / (t2 − t1)` (DESIGN §4.3). k < 0 when the share falls between the points.
 *
 * @param t1 first time, years
 * @param s1 share at t1, fraction in (0, S)
 * @param t2 second time, years (≠ t1)
 * @param s2 share at t2, fraction in (0, S)
 * @param cap ceiling S, fraction in (0, 1]
 * @returns k, 1/year
 * @example fitLogisticSpeed(0, 0.45, 1, 0.6, 0.9) // → ln(1/0.5) = 0.6931471805599453
 */
export function fitLogisticSpeed(
  t1: number,
  s1: number,
  t2: number,
  s2: number,
  cap: number,
): number | ModelError {
  if (!Number.isFinite(t1)) return modelError("invalidInput", `t1 must be a finite number, got ${t1}`);
  if (!Number.isFinite(t2)) return modelError("invalidInput", `t2 must be a finite number, got ${t2}`);
  if (t1 === t2) return modelError("invalidInput", `t2 must differ from t1, got ${t2} for both`);
  const capIssue = unitShareIssue("cap", cap);
  if (capIssue !== undefined) return modelError("invalidInput", capIssue);
  for (const [name, s] of [
    ["s1", s1],
    ["s2", s2],
  ] as const) {
    if (!(Number.isFinite(s) && s > 0 && s < cap)) {
      return modelError("invalidInput", `${name} must be between 0 and cap (${cap}) exclusive, got ${s}`);
    }
  }
  return Math.log((cap / s1 - 1) / (cap / s2 - 1)) / (t2 - t1);
}

/**
 * Bass diffusion cumulative adoption fraction `F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p) · e^(−(p+q)t))`.
 *
 * @param t years since launch, ≥ 0
 * @param p coefficient of innovation, 1/year, > 0
 * @param q coefficient of imitation, 1/year, ≥ 0
 * @returns cumulative adoption, fraction 0..1
 * @see https://en.wikipedia.org/wiki/Bass_diffusion_model
 * @example bassAdoption(0, 0.03, 0.38) // → 0
 */
export function bassAdoption(t: number, p: number, q: number): number | ModelError {
  if (!(Number.isFinite(t) && t >= 0)) return modelError("invalidInput", `t must be at least 0, got ${t}`);
  if (!(Number.isFinite(p) && p > 0)) return modelError("invalidInput", `p must be greater than 0, got ${p}`);
  if (!(Number.isFinite(q) && q >= 0)) return modelError("invalidInput", `q must be at least 0, got ${q}`);
  const decay = Math.exp(-(p + q) * t);
  const value = (1 - decay) / (1 + (q / p) * decay);
  return Number.isFinite(value) ? value : modelError("numeric", `bassAdoption is not finite at t = ${t}`);
}

function unitShareIssue(name: string, value: number): string | undefined {
  return Number.isFinite(value) && value > 0 && value <= 1
    ? undefined
    : `${name} must be greater than 0 and at most 1, got ${value}`;
}

/**
 * The validated projection: `validateScenario` → `projectKernel` (once for the scenario, once for its
 * "no controls" reference) → a plain `Projection` (DESIGN.md §4.2 series, vendor layer, summary metrics).
 */
import { isModelError, modelError, type ModelError } from "./errors";
import {
  createKernelBuffers,
  KERNEL_SERIES_KEYS,
  kernelParamsFromScenario,
  noControlsKernelParams,
  projectKernel,
  type KernelBuffers,
} from "./kernel";
import type { Projection, ProjectionSummary, Scenario, SeriesId, VendorSeriesId } from "./types";
import { validateScenario } from "./validate";

/**
 * Projects a scenario for t = 0..H: every series of §4.2, per-vendor units/PFLOPS/A100-equivalents and the
 * summary (cumulative, NPV, CAGR, crossover year, revenue at risk against the "no controls" reference).
 *
 * @param scenario a candidate scenario (validated here; inputs are not mutated)
 * @returns the projection (money in USD bn, shares as fractions), or ModelError("invalidInput")
 * @example projectScenario(PRESETS[0].scenario).years.fiscal[0] // → "FY2026"
 */
export function projectScenario(scenario: Scenario): Projection | ModelError {
  const valid = validateScenario(scenario);
  if (isModelError(valid)) return valid;
  const params = kernelParamsFromScenario(valid);
  const vendorNames = Object.keys(valid.vendors);
  const out = createKernelBuffers(valid.horizon, vendorNames.length);
  projectKernel(params, out);
  const reference = createKernelBuffers(valid.horizon, vendorNames.length);
  projectKernel(noControlsKernelParams(params), reference);

  const n = valid.horizon + 1;
  const calendar = Array.from({ length: n }, (_, t) => valid.baseYear + t);
  const series = {} as Record<SeriesId, readonly number[]>;
  for (const key of KERNEL_SERIES_KEYS) series[key] = Array.from(out[key]);
  const vendors: Record<string, Record<VendorSeriesId, readonly number[]>> = {};
  vendorNames.forEach((name, v) => {
    vendors[name] = {
      units: Array.from(out.vendorUnits.subarray(v * n, (v + 1) * n)),
      pflops: Array.from(out.vendorPflops.subarray(v * n, (v + 1) * n)),
      a100eq: Array.from(out.vendorA100eq.subarray(v * n, (v + 1) * n)),
    };
  });
  return {
    years: { calendar, fiscal: calendar.map(fiscalYearLabel) },
    series,
    vendors,
    summary: summaryOf(out, reference, valid.baseYear),
  };
}

/**
 * The "no controls" reference of §4.2: the same scenario with every regime's access = 1 and remittance = 0.
 *
 * @param s a scenario
 * @returns a new scenario (input untouched)
 * @example noControlsScenario(s).regimes.banned // → { access: 1, remittance: 0 }
 */
export function noControlsScenario(s: Scenario): Scenario {
  const regimes: Record<string, { access: number; remittance: number }> = {};
  for (const name of Object.keys(s.regimes)) regimes[name] = { access: 1, remittance: 0 };
  return { ...s, regimes };
}

/**
 * Summary metrics from a kernel run and its reference run: Σ_{t=1..H} T_t, Σ T_t/(1+r)^t,
 * (T_H/T_0)^(1/H) − 1 (null when T_0 ≤ 0), the first calendar year t = 0..H with domestic share ≥ 0.5
 * (null if none), and revenueAtRisk_t = T_ref_t − T_t for t = 0..H with its sum over t = 1..H.
 *
 * @param out kernel buffers of the scenario, after `projectKernel`
 * @param reference kernel buffers of the reference scenario (same horizon)
 * @param baseYear calendar year of t = 0
 * @returns the summary, USD bn
 * @example summaryOf(out, ref, 2025).crossoverYear // → 2026 when domesticShare first reaches 0.5 at t = 1
 */
export function summaryOf(out: KernelBuffers, reference: KernelBuffers, baseYear: number): ProjectionSummary {
  const n = out.horizon + 1;
  const revenueAtRisk: number[] = [];
  let revenueAtRiskTotal = 0;
  for (let t = 0; t < n; t++) {
    const atRisk = reference.nvidiaChina[t]! - out.nvidiaChina[t]!;
    revenueAtRisk.push(atRisk);
    if (t > 0) revenueAtRiskTotal += atRisk;
  }
  return {
    cumulativeNvidiaChina: out.cumulativeNvidiaChina,
    npvNvidiaChina: out.npvNvidiaChina,
    cagrNvidiaChina: Number.isNaN(out.cagrNvidiaChina) ? null : out.cagrNvidiaChina,
    crossoverYear: out.crossoverIndex < 0 ? null : baseYear + out.crossoverIndex,
    revenueAtRisk,
    revenueAtRiskTotal,
  };
}

/**
 * Compound annual growth of NVIDIA China revenue: `(T_H / T_0)^(1/H) − 1`.
 *
 * @param t0 T_0, USD bn (must be > 0)
 * @param tH T_H, USD bn (≥ 0)
 * @param horizon H, years (> 0)
 * @returns growth rate, fraction per year; divisionByZero when T_0 ≤ 0
 * @example cagrNvidiaChina(10, 14.4, 2) // → 0.2 (hand-computed: √1.44 − 1)
 */
export function cagrNvidiaChina(t0: number, tH: number, horizon: number): number | ModelError {
  if (!(Number.isFinite(horizon) && horizon > 0)) {
    return modelError("invalidInput", `horizon must be greater than 0, got ${horizon}`);
  }
  if (!(Number.isFinite(tH) && tH >= 0))
    return modelError("invalidInput", `tH must be at least 0, got ${tH}`);
  if (!Number.isFinite(t0)) return modelError("invalidInput", `t0 must be a finite number, got ${t0}`);
  if (t0 <= 0) return modelError("divisionByZero", `cagrNvidiaChina needs t0 greater than 0, got ${t0}`);
  return Math.pow(tH / t0, 1 / horizon) - 1;
}

/**
 * NVIDIA fiscal-year label of a calendar year: FY(y+1) ≈ calendar y (the fiscal year ends in late January).
 *
 * @param calendarYear calendar year
 * @returns label
 * @example fiscalYearLabel(2025) // → "FY2026"
 */
export function fiscalYearLabel(calendarYear: number): string {
  return `FY${calendarYear + 1}`;
}

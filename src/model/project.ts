/**
 * The validated projection: `validateScenario` → `projectKernel` → a plain `Projection` (DESIGN.md §4.2 and §4.5
 * series, vendor layer, summary metrics on the outlook T*, revenue at risk against the "no controls" reference).
 */
import { modelError, type ModelError } from "./errors";
import {
  createKernelBuffers,
  createKernelParams,
  projectKernel,
  writeKernelParams,
  type KernelBuffers,
  type KernelParams,
} from "./kernel";
import type { Projection, ProjectionSummary, Scenario, SeriesId, VendorSeriesId } from "./types";
import { invalidScenarioError, scenarioIssues } from "./validate";

/**
 * Projects a scenario for t = 0..H: every series of §4.2, per-vendor units/PFLOPS/A100-equivalents and the
 * summary (cumulative, NPV, CAGR, crossover year, revenue at risk against the "no controls" reference).
 *
 * @param scenario a candidate scenario (validated here; inputs are not mutated)
 * @returns the projection (money in USD bn, shares as fractions), or ModelError("invalidInput"), or
 *   ModelError("numeric") when valid but extreme inputs overflow (every returned number is finite)
 * @example projectScenario(PRESETS[0].scenario).years.fiscal[0] // → "FY2026"
 */
export function projectScenario(scenario: Scenario): Projection | ModelError {
  const issues = scenarioIssues(scenario);
  if (issues.length > 0) return invalidScenarioError(issues);
  const vendorNames = Object.keys(scenario.vendors);
  const { params, out, reference } = workspaceFor(scenario.horizon, vendorNames.length);
  writeKernelParams(scenario, params);
  projectKernel(params, out);
  noControlsNvidiaChina(params, out, reference);

  const n = scenario.horizon + 1;
  const years = yearsFor(scenario.baseYear, n);
  const calendar = years.calendar.slice();
  const fiscal = years.fiscal.slice();
  copiedNonFinite[0] = 0;
  // An object literal (one hidden class) rather than 26 dynamic key insertions.
  const series: Record<SeriesId, readonly number[]> = {
    market: copyRange(out.market, 0, n),
    domesticDemandShare: copyRange(out.domesticDemandShare, 0, n),
    domesticSupply: copyRange(out.domesticSupply, 0, n),
    domesticSales: copyRange(out.domesticSales, 0, n),
    domesticShare: copyRange(out.domesticShare, 0, n),
    foreignDemand: copyRange(out.foreignDemand, 0, n),
    access: copyRange(out.access, 0, n),
    nvidiaDataCenter: copyRange(out.nvidiaDataCenter, 0, n),
    otherForeign: copyRange(out.otherForeign, 0, n),
    blockedDemand: copyRange(out.blockedDemand, 0, n),
    substituted: copyRange(out.substituted, 0, n),
    unmetDemand: copyRange(out.unmetDemand, 0, n),
    nvidiaOther: copyRange(out.nvidiaOther, 0, n),
    nvidiaChina: copyRange(out.nvidiaChina, 0, n),
    remittance: copyRange(out.remittance, 0, n),
    nvidiaChinaNet: copyRange(out.nvidiaChinaNet, 0, n),
    nvidiaShare: copyRange(out.nvidiaShare, 0, n),
    installedA100eq: copyRange(out.installedA100eq, 0, n),
    offshoreDemand: copyRange(out.offshoreDemand, 0, n),
    offshoreAccess: copyRange(out.offshoreAccess, 0, n),
    nvidiaOffshore: copyRange(out.nvidiaOffshore, 0, n),
    offshoreBlocked: copyRange(out.offshoreBlocked, 0, n),
    reportedQuarters: copyRange(out.reportedQuarters, 0, n),
    nvidiaChinaReported: copyRange(out.nvidiaChinaReported, 0, n),
    nvidiaChinaOutlook: copyRange(out.nvidiaChinaOutlook, 0, n),
    reportedGap: copyRange(out.reportedGap, 0, n),
  };
  const vendors: Record<string, Record<VendorSeriesId, readonly number[]>> = {};
  for (let v = 0; v < vendorNames.length; v++) {
    vendors[vendorNames[v]!] = {
      units: copyRange(out.vendorUnits, v * n, n),
      pflops: copyRange(out.vendorPflops, v * n, n),
      a100eq: copyRange(out.vendorA100eq, v * n, n),
    };
  }
  const summary = summaryOf(out, reference, scenario.baseYear);
  const overflow =
    copiedNonFinite[0] === 0 && summaryFinite(summary)
      ? undefined
      : firstNonFinite(series, vendors, summary, calendar);
  if (overflow !== undefined) {
    // Valid but extreme inputs (marketBase near 1e308 with growth, aspUsdK = 5e-324) overflow double
    // precision: a numeric error (#NUM!) instead of NaN/∞ reaching cells, charts and JSON.
    return modelError("numeric", `the projection is not finite (${overflow}): an input is too extreme`);
  }
  return { years: { calendar, fiscal }, series, vendors, summary };
}

/**
 * Σ x·0 over every number `copyRange` copied since the last reset: 0 exactly when none was NaN or ±∞ (it cannot
 * overflow), so the common case needs no second pass; `firstNonFinite` then names the culprit.
 */
// A typed-array cell, not a `let`: a module-level number is a boxed heap number, and `+=` on it would allocate
// one per copied series.
const copiedNonFinite = new Float64Array(1);

/** True when the summary's numbers are finite (CAGR may be null). */
function summaryFinite(summary: ProjectionSummary): boolean {
  let acc = summary.cumulativeNvidiaChina * 0 + summary.npvNvidiaChina * 0 + summary.revenueAtRiskTotal * 0;
  acc += (summary.cagrNvidiaChina ?? 0) * 0;
  const risk = summary.revenueAtRisk;
  for (let t = 0; t < risk.length; t++) acc += risk[t]! * 0;
  return acc === 0;
}

/** "series year" of the first non-finite output, or undefined when every number is finite. */
function firstNonFinite(
  series: Readonly<Record<string, readonly number[]>>,
  vendors: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>,
  summary: ProjectionSummary,
  calendar: readonly number[],
): string | undefined {
  const scan = (label: string, values: readonly number[]): string | undefined => {
    for (let t = 0; t < values.length; t++) {
      if (!Number.isFinite(values[t])) return `${label} ${calendar[t] ?? t}`;
    }
    return undefined;
  };
  for (const [id, values] of Object.entries(series)) {
    const found = scan(id, values);
    if (found !== undefined) return found;
  }
  for (const [name, table] of Object.entries(vendors)) {
    for (const [id, values] of Object.entries(table)) {
      const found = scan(`${id}.${name}`, values);
      if (found !== undefined) return found;
    }
  }
  const { cagrNvidiaChina, crossoverYear: _crossover, revenueAtRisk, ...totals } = summary;
  for (const [id, value] of Object.entries(totals)) if (!Number.isFinite(value)) return id;
  if (cagrNvidiaChina !== null && !Number.isFinite(cagrNvidiaChina)) return "cagrNvidiaChina";
  return scan("revenueAtRisk", revenueAtRisk);
}

/**
 * NVIDIA China revenue outlook of the "no controls" reference, T*_ref_t = A_t + T_ref_t · (4 − k_t)/4 with
 * T_ref_t = φ · F_t + P_t + O_t, from a finished kernel run. Exact without a second run: F_t (market minus
 * demand-led domestic sales), P_t and O_t do not depend on access or remittance, and with a = oa = 1 nothing
 * is blocked, so N_ref_t = φ · F_t and Q_ref_t = P_t (a test checks it against a full run of
 * `noControlsScenario`). The reference keeps the scenario's reported quarters.
 *
 * @param p the kernel parameters of the run
 * @param out the run's buffers
 * @param target receives T*_ref_t for t = 0..H, USD bn
 * @example noControlsNvidiaChina(p, out, ref); ref[0] // → φ · F_0 + P_0 + O_0 when nothing is reported in t = 0
 */
export function noControlsNvidiaChina(p: KernelParams, out: KernelBuffers, target: Float64Array): void {
  for (let t = 0; t <= out.horizon; t++) {
    const total = p.nvidiaForeignShare * out.foreignDemand[t]! + out.offshoreDemand[t]! + out.nvidiaOther[t]!;
    const k = out.reportedQuarters[t]!;
    target[t] = out.nvidiaChinaReported[t]! + (total * (4 - k)) / 4;
  }
}

/**
 * The "no controls" reference of §4.2 / §4.5: the same scenario with every regime's access = offshoreAccess = 1
 * and remittance = 0 (reported quarters kept).
 *
 * @param s a scenario
 * @returns a new scenario (input untouched)
 * @example noControlsScenario(s).regimes.banned // → { access: 1, remittance: 0, offshoreAccess: 1 }
 */
export function noControlsScenario(s: Scenario): Scenario {
  const regimes: Record<string, { access: number; remittance: number; offshoreAccess: number }> = {};
  for (const name of Object.keys(s.regimes)) regimes[name] = { access: 1, remittance: 0, offshoreAccess: 1 };
  return { ...s, regimes };
}

/**
 * Summary metrics from a kernel run and its reference run: Σ_{t=1..H} T*_t, Σ T*_t/(1+r)^t,
 * (T*_H/T*_0)^(1/H) − 1 (null when T*_0 ≤ 0), the first calendar year t = 0..H with domestic share ≥ 0.5
 * (null if none), and revenueAtRisk_t = T*_ref_t − T*_t for t = 0..H with its sum over t = 1..H
 * (T* = T when nothing is reported, as in v1).
 *
 * @param out kernel buffers of the scenario, after `projectKernel`
 * @param referenceNvidiaChina T*_ref_t of the reference scenario for t = 0..H (see `noControlsNvidiaChina`)
 * @param baseYear calendar year of t = 0
 * @returns the summary, USD bn
 * @example summaryOf(out, ref, 2025).crossoverYear // → 2026 when domesticShare first reaches 0.5 at t = 1
 */
export function summaryOf(
  out: KernelBuffers,
  referenceNvidiaChina: ArrayLike<number>,
  baseYear: number,
): ProjectionSummary {
  const n = out.horizon + 1;
  const revenueAtRisk: number[] = [];
  let revenueAtRiskTotal = 0;
  for (let t = 0; t < n; t++) {
    const atRisk = referenceNvidiaChina[t]! - out.nvidiaChinaOutlook[t]!;
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

interface Workspace {
  readonly params: KernelParams;
  readonly out: KernelBuffers;
  readonly reference: Float64Array;
}

// projectScenario is synchronous and copies every result out, so one workspace per (horizon, vendor count)
// can be reused: allocating ~25 typed arrays per call would cost more than the equations themselves.
const workspaces = new Map<string, Workspace>();

let lastWorkspace: Workspace | undefined;

function workspaceFor(horizon: number, vendorCount: number): Workspace {
  const last = lastWorkspace;
  if (last !== undefined && last.out.horizon === horizon && last.out.vendorCount === vendorCount) return last;
  const key = `${horizon}:${vendorCount}`;
  let workspace = workspaces.get(key);
  if (workspace === undefined) {
    if (workspaces.size > 64) workspaces.clear();
    workspace = {
      params: createKernelParams(horizon, vendorCount),
      out: createKernelBuffers(horizon, vendorCount),
      reference: new Float64Array(horizon + 1),
    };
    workspaces.set(key, workspace);
  }
  lastWorkspace = workspace;
  return workspace;
}

// A plain loop: Array.from(typedArray) goes through the iterator protocol and is ~20× slower here.
function copyRange(source: Float64Array, start: number, length: number): number[] {
  const copy = new Array<number>(length);
  let acc = 0;
  for (let i = 0; i < length; i++) {
    const v = source[start + i]!;
    copy[i] = v;
    acc += v * 0;
  }
  copiedNonFinite[0]! += acc;
  return copy;
}

interface Years {
  readonly calendar: readonly number[];
  readonly fiscal: readonly string[];
}

let lastYears: Years = { calendar: [], fiscal: [] };

// The year rows of the last (baseYear, H + 1), as templates: each projection gets copies (callers may keep and
// even mutate their arrays), and a copy of a ready array is cheaper than building labels again.
function yearsFor(baseYear: number, n: number): Years {
  const last = lastYears;
  if (last.calendar.length === n && last.calendar[0] === baseYear) return last;
  const calendar: number[] = [];
  const fiscal: string[] = [];
  for (let t = 0; t < n; t++) {
    calendar.push(baseYear + t);
    fiscal.push(fiscalYearLabel(baseYear + t));
  }
  lastYears = { calendar, fiscal };
  return lastYears;
}

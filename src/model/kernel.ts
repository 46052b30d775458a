/**
 * The projection equations of DESIGN.md §4.2 and the v2 additions of §4.5 (channels, reported quarters), written ONCE, allocation-free, for hot loops (the Monte Carlo
 * engine calls `projectKernel` up to a million times). The kernel does not validate: callers pass parameters
 * that `validateScenario` accepted (or samples drawn inside the validated ranges). `projectScenario` is the
 * validated, packaged front door.
 *
 * Layout: every per-year array has H + 1 entries (t = 0..H). Vendor series are flat `Float64Array`s of
 * `vendorCount × (H + 1)` entries, vendor-major: the value for vendor v at year t is at `v * (H + 1) + t`.
 */
import { ownValue } from "./own";
import { fillReportedByYear } from "./reported";
import { SERIES_IDS } from "./types";
import type { Regime, Scenario } from "./types";

/** A100 dense BF16 TFLOPS, the A100-equivalent unit [figure a100_bf16_dense]. */
export const A100_BF16_TFLOPS = 312;

/** Scalar inputs plus per-year regime arrays and per-vendor arrays, as the kernel reads them. */
export interface KernelParams {
  horizon: number;
  marketBase: number;
  marketGrowth: number;
  marketGrowthFade: number;
  domesticShareBase: number;
  domesticShareCap: number;
  adoptionSpeed: number;
  domesticSupplyBase: number;
  domesticSupplyGrowth: number;
  nvidiaForeignShare: number;
  substitutionRate: number;
  otherBase: number;
  otherGrowth: number;
  discountRate: number;
  retirementRate: number;
  /** Q0, USD bn (v2; 0 for a v1 scenario). */
  offshoreBase: number;
  /** q, fraction per year (v2; 0 for a v1 scenario). */
  offshoreGrowth: number;
  /** a_t for t = 0..H. */
  readonly access: Float64Array;
  /** ρ_t for t = 0..H. */
  readonly remittance: Float64Array;
  /** oa_t for t = 0..H (1 when the regime has no offshoreAccess). */
  readonly offshoreAccess: Float64Array;
  /** k_t: reported quarters in year t (0..4). Facts: a simulation never samples them. */
  readonly reportedCount: Float64Array;
  /** A_t: sum of the reported quarters of year t, USD bn (0 when none). */
  readonly reportedSum: Float64Array;
  /** Explicit M_t (USD bn) for t = 0..H; NaN where the growth formula applies. */
  readonly marketOverride: Float64Array;
  /** Vendor weights w_v (sum to 1). */
  readonly vendorWeight: Float64Array;
  /** Vendor ASP, USD thousands per accelerator. */
  readonly vendorAspUsdK: Float64Array;
  /** Vendor dense BF16 TFLOPS per accelerator. */
  readonly vendorBf16Tflops: Float64Array;
}

/** Output buffers, reused across calls. Summary scalars are written by `projectKernel` too. */
export interface KernelBuffers {
  readonly horizon: number;
  readonly vendorCount: number;
  readonly market: Float64Array;
  readonly domesticDemandShare: Float64Array;
  readonly domesticSupply: Float64Array;
  readonly domesticSales: Float64Array;
  readonly domesticShare: Float64Array;
  readonly foreignDemand: Float64Array;
  readonly access: Float64Array;
  readonly nvidiaDataCenter: Float64Array;
  readonly otherForeign: Float64Array;
  readonly blockedDemand: Float64Array;
  readonly substituted: Float64Array;
  readonly unmetDemand: Float64Array;
  readonly nvidiaOther: Float64Array;
  readonly nvidiaChina: Float64Array;
  readonly remittance: Float64Array;
  readonly nvidiaChinaNet: Float64Array;
  readonly nvidiaShare: Float64Array;
  readonly installedA100eq: Float64Array;
  readonly offshoreDemand: Float64Array;
  readonly offshoreAccess: Float64Array;
  readonly nvidiaOffshore: Float64Array;
  readonly offshoreBlocked: Float64Array;
  readonly reportedQuarters: Float64Array;
  readonly nvidiaChinaReported: Float64Array;
  readonly nvidiaChinaOutlook: Float64Array;
  readonly reportedGap: Float64Array;
  /** vendor-major, `vendorCount × (H + 1)`: units shipped. */
  readonly vendorUnits: Float64Array;
  /** vendor-major: dense BF16 PFLOPS shipped. */
  readonly vendorPflops: Float64Array;
  /** vendor-major: A100-equivalents shipped. */
  readonly vendorA100eq: Float64Array;
  /** Σ_{t=1..H} T*_t (outlook; = T_t when nothing is reported), USD bn. */
  cumulativeNvidiaChina: number;
  /** Σ_{t=1..H} T*_t / (1+r)^t, USD bn. */
  npvNvidiaChina: number;
  /** (T*_H/T*_0)^(1/H) − 1, or NaN when T*_0 ≤ 0. */
  cagrNvidiaChina: number;
  /** First t (0..H) with domesticShare_t ≥ 0.5, or −1. */
  crossoverIndex: number;
}

/** The per-year series a `KernelBuffers` holds, in the order of `SERIES_IDS`. */
export const KERNEL_SERIES_KEYS = SERIES_IDS;

/**
 * Allocates output buffers for a horizon of H years (H + 1 points) and `vendorCount` vendors.
 *
 * @param horizon H, years (integer ≥ 0)
 * @param vendorCount number of vendors (integer ≥ 0)
 * @returns zero-filled buffers
 * @example createKernelBuffers(2, 1).market.length // → 3
 */
export function createKernelBuffers(horizon: number, vendorCount: number): KernelBuffers {
  const n = horizon + 1;
  const series = () => new Float64Array(n);
  return {
    horizon,
    vendorCount,
    market: series(),
    domesticDemandShare: series(),
    domesticSupply: series(),
    domesticSales: series(),
    domesticShare: series(),
    foreignDemand: series(),
    access: series(),
    nvidiaDataCenter: series(),
    otherForeign: series(),
    blockedDemand: series(),
    substituted: series(),
    unmetDemand: series(),
    nvidiaOther: series(),
    nvidiaChina: series(),
    remittance: series(),
    nvidiaChinaNet: series(),
    nvidiaShare: series(),
    installedA100eq: series(),
    offshoreDemand: series(),
    offshoreAccess: series(),
    nvidiaOffshore: series(),
    offshoreBlocked: series(),
    reportedQuarters: series(),
    nvidiaChinaReported: series(),
    nvidiaChinaOutlook: series(),
    reportedGap: series(),
    vendorUnits: new Float64Array(n * vendorCount),
    vendorPflops: new Float64Array(n * vendorCount),
    vendorA100eq: new Float64Array(n * vendorCount),
    cumulativeNvidiaChina: 0,
    npvNvidiaChina: 0,
    cagrNvidiaChina: Number.NaN,
    crossoverIndex: -1,
  };
}

/**
 * Kernel parameters for a (validated) scenario: regime names resolved to per-year access/remittance arrays,
 * `marketPath` (calendar-year keys) resolved to per-year overrides, vendors in the scenario's key order
 * (`Object.keys(scenario.vendors)`), which is also the vendor order of the buffers.
 *
 * @param s a scenario accepted by `validateScenario`
 * @returns fresh kernel parameters (mutable: a Monte Carlo loop may overwrite scalars and arrays in place)
 * @example kernelParamsFromScenario(s).access.length // → s.horizon + 1
 */
export function kernelParamsFromScenario(s: Scenario): KernelParams {
  const params = createKernelParams(s.horizon, Object.keys(s.vendors).length);
  writeKernelParams(s, params);
  return params;
}

/**
 * Zero-filled kernel parameters (s0 = S = 1) sized for a horizon and vendor count, to fill with
 * `writeKernelParams` or directly (Monte Carlo).
 *
 * @example createKernelParams(5, 2).access.length // → 6
 */
export function createKernelParams(horizon: number, vendorCount: number): KernelParams {
  const n = horizon + 1;
  return {
    horizon,
    marketBase: 0,
    marketGrowth: 0,
    marketGrowthFade: 0,
    domesticShareBase: 1,
    domesticShareCap: 1,
    adoptionSpeed: 0,
    domesticSupplyBase: 0,
    domesticSupplyGrowth: 0,
    nvidiaForeignShare: 0,
    substitutionRate: 0,
    otherBase: 0,
    otherGrowth: 0,
    discountRate: 0,
    retirementRate: 0,
    offshoreBase: 0,
    offshoreGrowth: 0,
    access: new Float64Array(n),
    remittance: new Float64Array(n),
    offshoreAccess: new Float64Array(n).fill(1),
    reportedCount: new Float64Array(n),
    reportedSum: new Float64Array(n),
    marketOverride: new Float64Array(n),
    vendorWeight: new Float64Array(vendorCount),
    vendorAspUsdK: new Float64Array(vendorCount),
    vendorBf16Tflops: new Float64Array(vendorCount),
  };
}

/**
 * Overwrites existing kernel parameters with a (validated) scenario's values, without allocating arrays: for
 * callers that reuse one `KernelParams` across many scenarios of the same horizon and vendor count.
 *
 * @param s a scenario accepted by `validateScenario`
 * @param p parameters whose arrays have H + 1 (per year) and vendor-count entries
 * @example writeKernelParams(s, p); p.marketBase // → s.marketBase
 */
export function writeKernelParams(s: Scenario, p: KernelParams): void {
  const n = s.horizon + 1;
  if (p.access.length !== n || p.vendorWeight.length !== Object.keys(s.vendors).length) {
    throw new Error(
      "writeKernelParams: parameter arrays do not match the scenario's horizon or vendor count",
    );
  }
  p.horizon = s.horizon;
  p.marketBase = s.marketBase;
  p.marketGrowth = s.marketGrowth;
  p.marketGrowthFade = s.marketGrowthFade;
  p.domesticShareBase = s.domesticShareBase;
  p.domesticShareCap = s.domesticShareCap;
  p.adoptionSpeed = s.adoptionSpeed;
  p.domesticSupplyBase = s.domesticSupplyBase;
  p.domesticSupplyGrowth = s.domesticSupplyGrowth;
  p.nvidiaForeignShare = s.nvidiaForeignShare;
  p.substitutionRate = s.substitutionRate;
  p.otherBase = s.otherBase;
  p.otherGrowth = s.otherGrowth;
  p.discountRate = s.discountRate;
  p.retirementRate = s.retirementRate;
  p.offshoreBase = s.offshoreBase ?? 0;
  p.offshoreGrowth = s.offshoreGrowth ?? 0;
  fillReportedByYear(s.reported, s.baseYear, p.reportedCount, p.reportedSum);
  const marketPath = s.marketPath;
  let name: string | undefined;
  let regime: Regime | undefined;
  for (let t = 0; t < n; t++) {
    // Paths repeat a regime for years on end: look a name up once per run of years.
    if (t === 0 || s.regimePath[t] !== name) {
      name = s.regimePath[t];
      regime = name === undefined ? undefined : ownValue(s.regimes, name);
    }
    if (regime === undefined) throw new Error(`writeKernelParams: unvalidated regimePath[${t}]`);
    p.access[t] = regime.access;
    p.remittance[t] = regime.remittance;
    p.offshoreAccess[t] = regime.offshoreAccess ?? 1;
    // t = 0 is marketBase by definition; validation rejects marketPath years ≤ baseYear.
    const override = t > 0 && marketPath !== undefined ? marketPath[String(s.baseYear + t)] : undefined;
    p.marketOverride[t] = override ?? Number.NaN;
  }
  let v = 0;
  const vendors = s.vendors;
  for (const name in vendors) {
    const vendor = vendors[name]!;
    p.vendorWeight[v] = vendor.weight;
    p.vendorAspUsdK[v] = vendor.aspUsdK;
    p.vendorBf16Tflops[v] = vendor.bf16Tflops;
    v++;
  }
}

/**
 * Runs the §4.2 + §4.5 equations for t = 0..H into `out` (no allocation). Also writes the summary scalars
 * (cumulative, NPV, CAGR on the outlook T*; crossover index); revenue at risk comes from
 * `revenueAtRiskTotal` (no second run needed).
 *
 * With Q0 = 0, oa = 1 and nothing reported (a v1 scenario) every v1 value is bit-identical to §4.2: Q_t = 0
 * adds exactly 0, and T*_t = 0 + T_t · 4 / 4 = T_t exactly (scaling by 4 is exact in binary floating point).
 *
 * @param p kernel parameters (horizon and vendor count must match `out`)
 * @param out buffers from `createKernelBuffers(p.horizon, vendorCount)`
 * @example projectKernel(kernelParamsFromScenario(s), out); out.nvidiaChina[0] // → T_0, USD bn
 */
export function projectKernel(p: KernelParams, out: KernelBuffers): void {
  const h = p.horizon;
  const n = h + 1;
  const vendorCount = out.vendorCount;
  if (out.horizon !== h || p.vendorWeight.length !== vendorCount) {
    throw new Error("projectKernel: buffers do not match the parameters' horizon or vendor count");
  }
  const cap = p.domesticShareCap;
  const logisticA = cap / p.domesticShareBase - 1;
  const phi = p.nvidiaForeignShare;
  const sigma = p.substitutionRate;
  const keep = 1 - p.retirementRate;

  let market = p.marketBase;
  let growth = p.marketGrowth;
  let supply = p.domesticSupplyBase;
  let other = p.otherBase;
  let offshore = p.offshoreBase;
  let installed = 0;
  let discount = 1;
  let cumulative = 0;
  let npv = 0;
  let crossover = -1;

  for (let t = 0; t < n; t++) {
    if (t > 0) {
      market = market * (1 + growth);
      growth = growth * (1 - p.marketGrowthFade);
      supply = supply * (1 + p.domesticSupplyGrowth);
      other = other * (1 + p.otherGrowth);
      offshore = offshore * (1 + p.offshoreGrowth);
    }
    const override = p.marketOverride[t]!;
    if (override === override) market = override; // not NaN: explicit M_t, growth resumes from it
    const desired = cap / (1 + logisticA * Math.exp(-p.adoptionSpeed * t));
    const demandLed = Math.min(desired * market, supply);
    const foreign = market - demandLed;
    const a = p.access[t]!;
    const nvidiaDc = phi * a * foreign;
    const blocked = (1 - a) * foreign;
    const substituted = Math.min(sigma * blocked, supply - demandLed);
    const domestic = demandLed + substituted;
    const oa = p.offshoreAccess[t]!;
    const nvidiaOffshore = oa * offshore;
    const total = nvidiaDc + nvidiaOffshore + other;
    const k = p.reportedCount[t]!;
    const reported = p.reportedSum[t]!;
    const outlook = reported + (total * (4 - k)) / 4;
    const remit = p.remittance[t]! * nvidiaDc;

    out.market[t] = market;
    out.domesticDemandShare[t] = desired;
    out.domesticSupply[t] = supply;
    out.domesticSales[t] = domestic;
    out.domesticShare[t] = domestic / market;
    out.foreignDemand[t] = foreign;
    out.access[t] = a;
    out.nvidiaDataCenter[t] = nvidiaDc;
    out.otherForeign[t] = (1 - phi) * a * foreign;
    out.blockedDemand[t] = blocked;
    out.substituted[t] = substituted;
    out.unmetDemand[t] = blocked - substituted;
    out.nvidiaOther[t] = other;
    out.nvidiaChina[t] = total;
    out.remittance[t] = remit;
    out.nvidiaChinaNet[t] = outlook - remit;
    out.nvidiaShare[t] = nvidiaDc / market;
    out.offshoreDemand[t] = offshore;
    out.offshoreAccess[t] = oa;
    out.nvidiaOffshore[t] = nvidiaOffshore;
    out.offshoreBlocked[t] = (1 - oa) * offshore;
    out.reportedQuarters[t] = k;
    out.nvidiaChinaReported[t] = reported;
    out.nvidiaChinaOutlook[t] = outlook;
    out.reportedGap[t] = reported - (total * k) / 4;

    let shippedA100eq = 0;
    for (let v = 0; v < vendorCount; v++) {
      const units = (p.vendorWeight[v]! * domestic * 1e6) / p.vendorAspUsdK[v]!;
      const tflops = units * p.vendorBf16Tflops[v]!;
      const a100eq = tflops / A100_BF16_TFLOPS;
      const i = v * n + t;
      out.vendorUnits[i] = units;
      out.vendorPflops[i] = tflops / 1000;
      out.vendorA100eq[i] = a100eq;
      shippedA100eq += a100eq;
    }
    installed = installed * keep + shippedA100eq;
    out.installedA100eq[t] = installed;

    if (crossover < 0 && domestic / market >= 0.5) crossover = t;
    if (t > 0) {
      discount = discount * (1 + p.discountRate);
      cumulative += outlook;
      npv += outlook / discount;
    }
  }

  const t0 = out.nvidiaChinaOutlook[0]!;
  out.cumulativeNvidiaChina = cumulative;
  out.npvNvidiaChina = npv;
  out.cagrNvidiaChina = t0 > 0 ? Math.pow(out.nvidiaChinaOutlook[h]! / t0, 1 / h) - 1 : Number.NaN;
  out.crossoverIndex = crossover;
}

/**
 * Σ_{t=1..H} (T*_ref_t − T*_t) from a finished run, without a second kernel run: against the "no controls"
 * reference (a = oa = 1, ρ = 0, same reported quarters) only N and Q change, because D1_t, F_t, P_t and O_t do
 * not depend on access, so T*_ref_t − T*_t = (φ·(1 − a_t)·F_t + W_t) · (4 − k_t)/4 exactly in real arithmetic.
 * Written as φ·Σ(1 − a_t)·F_t·(4 − k_t)/4 + Σ W_t·(4 − k_t)/4, so a v1 run gives the v1 number bit for bit.
 *
 * @param out buffers after `projectKernel`
 * @param phi the run's nvidiaForeignShare φ
 * @returns USD bn
 * @example revenueAtRiskTotal(out, 0.8) // → Σ over t = 1..H of the reference's outlook minus the outlook
 */
export function revenueAtRiskTotal(out: KernelBuffers, phi: number): number {
  let intoChina = 0;
  let offshore = 0;
  const a = out.access;
  const f = out.foreignDemand;
  const w = out.offshoreBlocked;
  const k = out.reportedQuarters;
  for (let t = 1; t <= out.horizon; t++) {
    const unreported = (4 - k[t]!) / 4;
    intoChina += (1 - a[t]!) * f[t]! * unreported;
    offshore += w[t]! * unreported;
  }
  return phi * intoChina + offshore;
}

/**
 * Copies `p` with every year's access and offshore access set to 1 and remittance to 0, keeping the reported
 * quarters: the "no controls" reference of §4.2 / §4.5.
 *
 * @param p kernel parameters
 * @returns new parameters (arrays copied)
 * @example noControlsKernelParams(p).access[0] // → 1
 */
export function noControlsKernelParams(p: KernelParams): KernelParams {
  return {
    ...p,
    access: new Float64Array(p.access.length).fill(1),
    remittance: new Float64Array(p.remittance.length),
    offshoreAccess: new Float64Array(p.offshoreAccess.length).fill(1),
    reportedCount: Float64Array.from(p.reportedCount),
    reportedSum: Float64Array.from(p.reportedSum),
    marketOverride: Float64Array.from(p.marketOverride),
    vendorWeight: Float64Array.from(p.vendorWeight),
    vendorAspUsdK: Float64Array.from(p.vendorAspUsdK),
    vendorBf16Tflops: Float64Array.from(p.vendorBf16Tflops),
  };
}

/**
 * The model v1 contract (DESIGN.md §4). A `Scenario` is plain JSON keyed by the input ids of §4.1; money in
 * USD billions, shares and rates as fractions 0..1.
 */
export interface Regime {
  /** Share of foreign-chip demand NVIDIA may legally serve, 0..1. */
  readonly access: number;
  /** Share of NVIDIA's China data-center revenue paid to the U.S. government, 0..1. */
  readonly remittance: number;
}

export interface Vendor {
  /** Share of domestic sales; weights sum to 1. */
  readonly weight: number;
  /** Average selling price, USD thousands per accelerator. */
  readonly aspUsdK: number;
  /** Dense BF16 TFLOPS per accelerator. */
  readonly bf16Tflops: number;
}

export interface Scenario {
  readonly baseYear: number;
  readonly horizon: number;
  readonly marketBase: number;
  readonly marketGrowth: number;
  readonly marketGrowthFade: number;
  readonly domesticShareBase: number;
  readonly domesticShareCap: number;
  readonly adoptionSpeed: number;
  readonly domesticSupplyBase: number;
  readonly domesticSupplyGrowth: number;
  readonly nvidiaForeignShare: number;
  readonly substitutionRate: number;
  readonly otherBase: number;
  readonly otherGrowth: number;
  readonly discountRate: number;
  readonly regimes: Readonly<Record<string, Regime>>;
  /** Regime name for t = 0..H (H + 1 entries). */
  readonly regimePath: readonly string[];
  /** Explicit market size M_t (USD bn) keyed by calendar year; growth resumes from it. */
  readonly marketPath?: Readonly<Record<string, number>>;
  readonly vendors: Readonly<Record<string, Vendor>>;
  readonly retirementRate: number;
}

/** The scalar (numeric) input ids of §4.1. */
export type ScalarInputId = {
  [K in keyof Scenario]-?: Scenario[K] extends number ? K : never;
}[keyof Scenario];

/** Output series ids of §4.2 (stable: workbooks reference them). */
export const SERIES_IDS = [
  "market",
  "domesticDemandShare",
  "domesticSupply",
  "domesticSales",
  "domesticShare",
  "foreignDemand",
  "access",
  "nvidiaDataCenter",
  "otherForeign",
  "blockedDemand",
  "substituted",
  "unmetDemand",
  "nvidiaOther",
  "nvidiaChina",
  "remittance",
  "nvidiaChinaNet",
  "nvidiaShare",
  "installedA100eq",
] as const;
export type SeriesId = (typeof SERIES_IDS)[number];

export const VENDOR_SERIES_IDS = ["units", "pflops", "a100eq"] as const;
export type VendorSeriesId = (typeof VENDOR_SERIES_IDS)[number];

export interface ProjectionYears {
  /** Calendar years baseYear..baseYear+H. */
  readonly calendar: readonly number[];
  /** NVIDIA fiscal-year labels: FY(y+1) ≈ calendar y, e.g. "FY2026" for 2025. */
  readonly fiscal: readonly string[];
}

export interface ProjectionSummary {
  /** Σ_{t=1..H} T_t, USD bn. */
  readonly cumulativeNvidiaChina: number;
  /** Σ_{t=1..H} T_t / (1+r)^t, USD bn. */
  readonly npvNvidiaChina: number;
  /** (T_H/T_0)^(1/H) − 1; null when T_0 ≤ 0 (the CAGR is undefined: see `cagrNvidiaChina()`). */
  readonly cagrNvidiaChina: number | null;
  /** First calendar year with domesticShare ≥ 0.5, or null. */
  readonly crossoverYear: number | null;
  /** T_ref_t − T_t for t = 0..H against the reference ("no controls") scenario, USD bn. */
  readonly revenueAtRisk: readonly number[];
  /** Σ_{t=1..H} revenueAtRisk_t, USD bn. */
  readonly revenueAtRiskTotal: number;
}

export interface Projection {
  readonly years: ProjectionYears;
  readonly series: Readonly<Record<SeriesId, readonly number[]>>;
  readonly vendors: Readonly<Record<string, Readonly<Record<VendorSeriesId, readonly number[]>>>>;
  readonly summary: ProjectionSummary;
}

/** Where a preset's default comes from: a dataset figure, or a labelled analyst assumption. */
export type Provenance =
  { readonly figureId: string; readonly note?: string } | { readonly assumption: string };

export interface Preset {
  readonly id: string;
  readonly name: string;
  readonly rationale: string;
  readonly scenario: Scenario;
  /** One entry per input id of §4.1 (scalars, plus `regimes`, `regimePath`, `vendors`, `marketPath`). */
  readonly provenance: Readonly<Record<string, Provenance>>;
}

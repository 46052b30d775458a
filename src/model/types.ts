/**
 * The model contract (DESIGN.md §4: v1 in §4.1, the optional v2 keys of §4.5). A `Scenario` is plain JSON keyed
 * by the input ids; money in USD billions, shares and rates as fractions 0..1. A scenario without the v2 keys
 * evaluates exactly as v1.
 */
export interface Regime {
  /** Share of foreign-chip demand NVIDIA may legally serve, 0..1. */
  readonly access: number;
  /** Share of NVIDIA's China data-center revenue paid to the U.S. government, 0..1. */
  readonly remittance: number;
  /**
   * v2: share of offshore China-HQ data-center demand NVIDIA may serve under the regime, 0..1 (default 1).
   */
  readonly offshoreAccess?: number;
}

/** v2: one reported quarter of NVIDIA China revenue (customer-HQ basis). */
export interface ReportedQuarter {
  /** "Qn FYyyyy", n = 1..4: belongs to calendar year yyyy − 1. */
  readonly period: string;
  /** USD bn, finite, ≥ 0. */
  readonly value: number;
  /** The dataset figure the value comes from (optional). */
  readonly figureId?: string;
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
  /** v2: China-HQ customers' data-center demand outside mainland China and Hong Kong, base year, USD bn (≥ 0, default 0). */
  readonly offshoreBase?: number;
  /** v2: growth of that offshore demand per year, fraction (> −1, default 0). */
  readonly offshoreGrowth?: number;
  /** v2: reported quarters of NVIDIA China revenue; no period twice, each within t = 0..H. */
  readonly reported?: readonly ReportedQuarter[];
}

/** The scalar (numeric) input ids of §4.1 and §4.5 (`offshoreBase`, `offshoreGrowth` are optional). */
export type ScalarInputId = {
  [K in keyof Scenario]-?: NonNullable<Scenario[K]> extends number ? K : never;
}[keyof Scenario];

/** Output series ids of §4.2 and §4.5 (stable: workbooks reference them). */
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
  // v2 (§4.5), appended so v1 positions stay stable
  "offshoreDemand",
  "offshoreAccess",
  "nvidiaOffshore",
  "offshoreBlocked",
  "reportedQuarters",
  "nvidiaChinaReported",
  "nvidiaChinaOutlook",
  "reportedGap",
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
  /** Σ_{t=1..H} T*_t (the outlook: T_t when nothing is reported), USD bn. */
  readonly cumulativeNvidiaChina: number;
  /** Σ_{t=1..H} T*_t / (1+r)^t, USD bn. */
  readonly npvNvidiaChina: number;
  /** (T*_H/T*_0)^(1/H) − 1; null when T*_0 ≤ 0 (the CAGR is undefined: see `cagrNvidiaChina()`). */
  readonly cagrNvidiaChina: number | null;
  /** First calendar year with domesticShare ≥ 0.5, or null. */
  readonly crossoverYear: number | null;
  /** T*_ref_t − T*_t for t = 0..H against the reference ("no controls") scenario, USD bn. */
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

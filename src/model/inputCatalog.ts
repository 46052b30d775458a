/**
 * One place for what every model input and output is called, its unit, its valid range and a one-line help
 * (DESIGN.md §4.1 and §4.5). The task pane, the workbook, the CLI and validation read it, so a label or bound
 * is written once. The engine holds fractions (0.41); `display: "percent"` means people see and type "41".
 */
import type { Regime, ScalarInputId, SeriesId, Vendor, VendorSeriesId } from "./types";

/** A valid range. `integer` is closed; `openMinClosedMax` is (min, max]. */
export type Bound =
  | { readonly kind: "closed"; readonly min: number; readonly max: number }
  | { readonly kind: "openMinClosedMax"; readonly min: number; readonly max: number }
  | { readonly kind: "greaterThan"; readonly min: number }
  | { readonly kind: "atLeast"; readonly min: number }
  | { readonly kind: "integer"; readonly min: number; readonly max: number };

/** How an engine number is shown in a text box or cell. */
export type InputDisplay = "percent" | "number" | "integer";

export type InputGroupId = "time" | "market" | "adoption" | "supply" | "nvidia" | "offshore" | "finance";

export interface InputSpec<Id extends string = string> {
  readonly id: Id;
  /** In words, e.g. "Market growth, year 1". */
  readonly label: string;
  /** e.g. "USD bn", "% per year" (the displayed unit: percent inputs say "%"). */
  readonly unit: string;
  readonly display: InputDisplay;
  readonly bounds: Bound;
  /** One line: what the number means. */
  readonly help: string;
  readonly group: InputGroupId;
  /** Present for optional inputs (v2): the value used when the key is absent. */
  readonly defaultValue?: number;
}

export const INPUT_GROUP_TITLES: Readonly<Record<InputGroupId, string>> = {
  time: "Time",
  market: "Market",
  adoption: "Domestic adoption",
  supply: "Domestic supply",
  nvidia: "NVIDIA",
  offshore: "Offshore China-HQ customers",
  finance: "Finance",
};

const SHARE: Bound = { kind: "closed", min: 0, max: 1 };
const OPEN_SHARE: Bound = { kind: "openMinClosedMax", min: 0, max: 1 };
const GROWTH: Bound = { kind: "greaterThan", min: -1 };
const NON_NEGATIVE: Bound = { kind: "atLeast", min: 0 };
const POSITIVE: Bound = { kind: "greaterThan", min: 0 };

/** Every scalar input, in the order of the scenario (v1 §4.1 order, then the v2 inputs). */
export const SCALAR_INPUT_CATALOG: readonly InputSpec<ScalarInputId>[] = [
  {
    id: "baseYear",
    label: "Base year (calendar)",
    unit: "year",
    display: "integer",
    bounds: { kind: "integer", min: 2015, max: 2040 },
    help: "Calendar year of t = 0; NVIDIA fiscal year FY(y+1) ≈ calendar year y",
    group: "time",
  },
  {
    id: "horizon",
    label: "Horizon",
    unit: "years",
    display: "integer",
    bounds: { kind: "integer", min: 1, max: 30 },
    help: "Number of projected years after the base year",
    group: "time",
  },
  {
    id: "marketBase",
    label: "China AI-accelerator market, base year",
    unit: "USD bn",
    display: "number",
    bounds: POSITIVE,
    help: "China's AI-accelerator spend in the base year",
    group: "market",
  },
  {
    id: "marketGrowth",
    label: "Market growth, year 1",
    unit: "% per year",
    display: "percent",
    bounds: GROWTH,
    help: "Growth of the market in the first projected year",
    group: "market",
  },
  {
    id: "marketGrowthFade",
    label: "Growth fade",
    unit: "% per year",
    display: "percent",
    bounds: SHARE,
    help: "Each year's growth is the previous year's times (1 − fade)",
    group: "market",
  },
  {
    id: "domesticShareBase",
    label: "Domestic share of demand, base year",
    unit: "%",
    display: "percent",
    bounds: OPEN_SHARE,
    help: "Share of demand going to Chinese chips in the base year (may exceed the ceiling: the share then falls)",
    group: "adoption",
  },
  {
    id: "domesticShareCap",
    label: "Domestic share ceiling (long run)",
    unit: "%",
    display: "percent",
    bounds: OPEN_SHARE,
    help: "Long-run level the domestic share moves toward (logistic curve)",
    group: "adoption",
  },
  {
    id: "adoptionSpeed",
    label: "Adoption speed (logistic rate k)",
    unit: "per year",
    display: "number",
    bounds: NON_NEGATIVE,
    help: "How fast the domestic share moves from its base value to the ceiling",
    group: "adoption",
  },
  {
    id: "domesticSupplyBase",
    label: "Domestic supply capacity, base year",
    unit: "USD bn",
    display: "number",
    bounds: NON_NEGATIVE,
    help: "Chinese accelerators that can be delivered in the base year",
    group: "supply",
  },
  {
    id: "domesticSupplyGrowth",
    label: "Domestic supply growth",
    unit: "% per year",
    display: "percent",
    bounds: GROWTH,
    help: "Growth of domestic supply capacity per year (foundry and HBM limits)",
    group: "supply",
  },
  {
    id: "nvidiaForeignShare",
    label: "NVIDIA share of foreign-chip segment",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "NVIDIA's share of the demand for foreign accelerators in China (vs AMD and others)",
    group: "nvidia",
  },
  {
    id: "substitutionRate",
    label: "Blocked demand substituted by domestic chips",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "Share of demand blocked by controls that domestic chips pick up, if supply allows",
    group: "supply",
  },
  {
    id: "otherBase",
    label: "Non-data-center NVIDIA China revenue, base year",
    unit: "USD bn",
    display: "number",
    bounds: NON_NEGATIVE,
    help: "Gaming, pro visualization, automotive, networking (v1: everything outside data center into China)",
    group: "nvidia",
  },
  {
    id: "otherGrowth",
    label: "Non-data-center revenue growth",
    unit: "% per year",
    display: "percent",
    bounds: GROWTH,
    help: "Growth per year of the non-data-center revenue",
    group: "nvidia",
  },
  {
    id: "discountRate",
    label: "Discount rate (NPV)",
    unit: "% per year",
    display: "percent",
    bounds: GROWTH,
    help: "Rate used to discount future NVIDIA China revenue in the NPV",
    group: "finance",
  },
  {
    id: "retirementRate",
    label: "Installed base retired each year",
    unit: "% per year",
    display: "percent",
    bounds: SHARE,
    help: "Share of the installed domestic accelerators retired each year",
    group: "supply",
  },
  {
    id: "offshoreBase",
    label: "Offshore China-HQ data-center demand, base year",
    unit: "USD bn",
    display: "number",
    bounds: NON_NEGATIVE,
    help: "NVIDIA data-center demand from China-headquartered customers outside mainland China and Hong Kong, with no controls on them",
    group: "offshore",
    defaultValue: 0,
  },
  {
    id: "offshoreGrowth",
    label: "Offshore China-HQ demand growth",
    unit: "% per year",
    display: "percent",
    bounds: GROWTH,
    help: "Growth per year of that offshore demand",
    group: "offshore",
    defaultValue: 0,
  },
];

export const REGIME_FIELD_CATALOG: readonly InputSpec<keyof Regime>[] = [
  {
    id: "access",
    label: "Access (into China)",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "Share of China's foreign-chip demand NVIDIA may legally serve under the regime",
    group: "nvidia",
  },
  {
    id: "remittance",
    label: "Remittance to the U.S. government",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "Share of NVIDIA's China data-center revenue paid to the U.S. government under a licence deal",
    group: "nvidia",
  },
  {
    id: "offshoreAccess",
    label: "Offshore access (China-HQ abroad)",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "Share of offshore China-HQ demand NVIDIA may serve under the regime (licences for China-HQ buyers anywhere)",
    group: "offshore",
    defaultValue: 1,
  },
];

export const VENDOR_FIELD_CATALOG: readonly InputSpec<keyof Vendor>[] = [
  {
    id: "weight",
    label: "Weight",
    unit: "%",
    display: "percent",
    bounds: SHARE,
    help: "Vendor's share of domestic sales; weights sum to 100%",
    group: "supply",
  },
  {
    id: "aspUsdK",
    label: "ASP",
    unit: "USD k",
    display: "number",
    bounds: POSITIVE,
    help: "Average selling price, USD thousands per accelerator",
    group: "supply",
  },
  {
    id: "bf16Tflops",
    label: "BF16 TFLOPS",
    unit: "TFLOPS",
    display: "number",
    bounds: POSITIVE,
    help: "Dense BF16 TFLOPS per accelerator",
    group: "supply",
  },
];

/** The reported-quarter fields (§4.5). */
export const REPORTED_FIELD_LABELS = {
  period: { label: "Quarter", help: 'NVIDIA fiscal quarter, e.g. "Q2 FY2027" (belongs to calendar 2026)' },
  value: { label: "NVIDIA China revenue, reported", unit: "USD bn" },
  figureId: { label: "Figure id", help: "The dataset figure the value comes from" },
} as const;

/** The three channels of NVIDIA China revenue (§4.5), by the series that carries each. */
export const CHANNELS = [
  { series: "nvidiaDataCenter", label: "Data center into China" },
  { series: "nvidiaOffshore", label: "Offshore China-HQ customers" },
  { series: "nvidiaOther", label: "Non-data-center" },
] as const satisfies readonly { series: SeriesId; label: string }[];

export interface SeriesSpec {
  readonly label: string;
  readonly unit: string;
}

/** Label and unit of every output series (§4.2, §4.5). */
export const SERIES_CATALOG: Readonly<Record<SeriesId, SeriesSpec>> = {
  market: { label: "China AI-accelerator market", unit: "USD bn" },
  domesticDemandShare: { label: "Desired domestic share of demand", unit: "%" },
  domesticSupply: { label: "Domestic supply capacity", unit: "USD bn" },
  domesticSales: { label: "Domestic accelerator sales", unit: "USD bn" },
  domesticShare: { label: "Domestic share of the market", unit: "%" },
  foreignDemand: { label: "Demand for foreign accelerators", unit: "USD bn" },
  access: { label: "Access (into China)", unit: "%" },
  nvidiaDataCenter: { label: "NVIDIA data center into China", unit: "USD bn" },
  otherForeign: { label: "Other foreign vendors", unit: "USD bn" },
  blockedDemand: { label: "Demand blocked by controls", unit: "USD bn" },
  substituted: { label: "Blocked demand substituted by domestic chips", unit: "USD bn" },
  unmetDemand: { label: "Unmet demand", unit: "USD bn" },
  nvidiaOther: { label: "NVIDIA non-data-center China revenue", unit: "USD bn" },
  nvidiaChina: { label: "NVIDIA China revenue (model)", unit: "USD bn" },
  remittance: { label: "Remittance to the U.S. government", unit: "USD bn" },
  nvidiaChinaNet: { label: "NVIDIA China revenue, net of remittance", unit: "USD bn" },
  nvidiaShare: { label: "NVIDIA share of the market", unit: "%" },
  installedA100eq: { label: "Installed domestic base", unit: "A100-equivalents" },
  offshoreDemand: { label: "Offshore China-HQ demand", unit: "USD bn" },
  offshoreAccess: { label: "Offshore access", unit: "%" },
  nvidiaOffshore: { label: "NVIDIA offshore China-HQ revenue", unit: "USD bn" },
  offshoreBlocked: { label: "Offshore demand blocked by controls", unit: "USD bn" },
  reportedQuarters: { label: "Quarters reported", unit: "quarters" },
  nvidiaChinaReported: { label: "NVIDIA China revenue, reported quarters", unit: "USD bn" },
  nvidiaChinaOutlook: { label: "NVIDIA China revenue outlook (reported + model)", unit: "USD bn" },
  reportedGap: { label: "Reported minus model (reported quarters)", unit: "USD bn" },
};

export const VENDOR_SERIES_CATALOG: Readonly<Record<VendorSeriesId, SeriesSpec>> = {
  units: { label: "Units shipped", unit: "accelerators" },
  pflops: { label: "Compute shipped", unit: "PFLOPS (dense BF16)" },
  a100eq: { label: "A100-equivalents shipped", unit: "A100-equivalents" },
};

/**
 * The catalog entry of a scalar input id (exact, case-sensitive; own entries only).
 *
 * @example scalarInputSpec("marketGrowth")?.label // → "Market growth, year 1"
 */
export function scalarInputSpec(id: string): InputSpec<ScalarInputId> | undefined {
  return SCALAR_INPUT_CATALOG.find((spec) => spec.id === id);
}

/**
 * Display names of the preset regimes (the regime table's keys). A regime name not listed (a custom scenario's)
 * is shown as typed.
 */
export const REGIME_LABELS: Readonly<Record<string, string>> = {
  open: "Open",
  licensed: "Licensed",
  paper: "Licensed on paper",
  restricted: "Restricted",
  banned: "Banned",
};

/** Display names of the preset domestic vendors (the vendor table's keys); others are shown as typed. */
export const VENDOR_LABELS: Readonly<Record<string, string>> = {
  huawei: "Huawei",
  thead: "T-Head (Alibaba)",
  kunlunxin: "Kunlunxin (Baidu)",
  cambricon: "Cambricon",
};

/** @example regimeLabel("licensed") // → "Licensed"; regimeLabel("my regime") // → "my regime" */
export function regimeLabel(name: string): string {
  return Object.hasOwn(REGIME_LABELS, name) ? (REGIME_LABELS[name] ?? name) : name;
}

/** @example vendorLabel("thead") // → "T-Head (Alibaba)" */
export function vendorLabel(name: string): string {
  return Object.hasOwn(VENDOR_LABELS, name) ? (VENDOR_LABELS[name] ?? name) : name;
}

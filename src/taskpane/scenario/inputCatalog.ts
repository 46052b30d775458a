import type { ScalarInputId } from "../../model/types";

/**
 * What the Scenario tab shows for each input of DESIGN.md §4.1: label, unit, group, and how the engine value
 * is displayed. Fractions (shares, rates) are shown and typed in percent ("41" means 0.41); everything else is
 * shown in the engine's own unit.
 */
export type InputGroupId = "market" | "adoption" | "controls" | "nvidia" | "vendors";

/** How an engine number is shown in a text box. */
export type InputDisplay = "percent" | "number" | "integer";

export interface ScalarInputSpec {
  readonly id: ScalarInputId;
  readonly label: string;
  /** Unit shown after the box and in the label, e.g. "%", "USD bn". */
  readonly unit: string;
  readonly display: InputDisplay;
  readonly group: InputGroupId;
}

export const INPUT_GROUPS: readonly { readonly id: InputGroupId; readonly title: string }[] = [
  { id: "market", title: "Market" },
  { id: "adoption", title: "Domestic adoption" },
  { id: "controls", title: "Export controls" },
  { id: "nvidia", title: "NVIDIA" },
  { id: "vendors", title: "Vendors" },
];

export const SCALAR_INPUTS: readonly ScalarInputSpec[] = [
  { id: "baseYear", label: "Base year (calendar)", unit: "year", display: "integer", group: "market" },
  { id: "horizon", label: "Horizon", unit: "years", display: "integer", group: "market" },
  {
    id: "marketBase",
    label: "China AI-accelerator market, base year",
    unit: "USD bn",
    display: "number",
    group: "market",
  },
  {
    id: "marketGrowth",
    label: "Market growth, year 1",
    unit: "% per year",
    display: "percent",
    group: "market",
  },
  { id: "marketGrowthFade", label: "Growth fade", unit: "% per year", display: "percent", group: "market" },
  {
    id: "domesticShareBase",
    label: "Domestic share of demand, base year",
    unit: "%",
    display: "percent",
    group: "adoption",
  },
  {
    id: "domesticShareCap",
    label: "Domestic share ceiling (long run)",
    unit: "%",
    display: "percent",
    group: "adoption",
  },
  {
    id: "adoptionSpeed",
    label: "Adoption speed (logistic rate k)",
    unit: "per year",
    display: "number",
    group: "adoption",
  },
  {
    id: "domesticSupplyBase",
    label: "Domestic supply capacity, base year",
    unit: "USD bn",
    display: "number",
    group: "adoption",
  },
  {
    id: "domesticSupplyGrowth",
    label: "Domestic supply growth",
    unit: "% per year",
    display: "percent",
    group: "adoption",
  },
  {
    id: "substitutionRate",
    label: "Blocked demand substituted by domestic chips",
    unit: "%",
    display: "percent",
    group: "adoption",
  },
  {
    id: "retirementRate",
    label: "Installed base retired each year",
    unit: "% per year",
    display: "percent",
    group: "adoption",
  },
  {
    id: "nvidiaForeignShare",
    label: "NVIDIA share of foreign-chip segment",
    unit: "%",
    display: "percent",
    group: "nvidia",
  },
  {
    id: "otherBase",
    label: "Other NVIDIA China revenue, base year",
    unit: "USD bn",
    display: "number",
    group: "nvidia",
  },
  {
    id: "offshoreBase",
    label: "Offshore China-HQ data-center demand, base year",
    unit: "USD bn",
    display: "number",
    group: "nvidia",
  },
  {
    id: "offshoreGrowth",
    label: "Offshore China-HQ demand growth",
    unit: "% per year",
    display: "percent",
    group: "nvidia",
  },
  {
    id: "otherGrowth",
    label: "Other revenue growth",
    unit: "% per year",
    display: "percent",
    group: "nvidia",
  },
  {
    id: "discountRate",
    label: "Discount rate (NPV)",
    unit: "% per year",
    display: "percent",
    group: "nvidia",
  },
];

export const REGIME_FIELDS = [
  { field: "access", label: "Access", unit: "%", display: "percent" },
  { field: "remittance", label: "Remittance", unit: "%", display: "percent" },
  { field: "offshoreAccess", label: "Offshore access", unit: "%", display: "percent" },
] as const;

export const VENDOR_FIELDS = [
  { field: "weight", label: "Weight", unit: "%", display: "percent" },
  { field: "aspUsdK", label: "ASP", unit: "USD k", display: "number" },
  { field: "bf16Tflops", label: "BF16 TFLOPS", unit: "TFLOPS", display: "number" },
] as const;

export type RegimeField = (typeof REGIME_FIELDS)[number]["field"];
export type VendorField = (typeof VENDOR_FIELDS)[number]["field"];

/** Dotted paths of editable numbers (the keys of the reducer's raw-text map and of `scenarioIssues`). */
export function regimePath(name: string, field: RegimeField): string {
  return `regimes.${name}.${field}`;
}
export function vendorPath(name: string, field: VendorField): string {
  return `vendors.${name}.${field}`;
}
export function marketPathPath(year: string): string {
  return `marketPath.${year}`;
}

/** The display of the number at a dotted path. */
export function displayForPath(path: string): InputDisplay {
  const scalar = SCALAR_INPUTS.find((spec) => spec.id === path);
  if (scalar) return scalar.display;
  const field = path.slice(path.lastIndexOf(".") + 1);
  if (path.startsWith("regimes.")) return "percent";
  if (path.startsWith("vendors.")) return field === "weight" ? "percent" : "number";
  return "number";
}

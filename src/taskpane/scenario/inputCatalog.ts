import type { InputSpec } from "../../model/inputCatalog";
import { REGIME_FIELD_CATALOG, scalarInputSpec, VENDOR_FIELD_CATALOG } from "../../model/inputCatalog";
import type { Regime, ScalarInputId, Vendor } from "../../model/types";

/**
 * Which inputs of the model's catalog (src/model/inputCatalog.ts: label, unit, bounds, help) the Scenario tab
 * shows, in which of its groups. Labels, units and displays are the model catalog's; fractions (shares, rates)
 * are shown and typed in percent ("41" means 0.41).
 */
export type InputGroupId = "market" | "adoption" | "controls" | "nvidia" | "vendors";

/** How an engine number is shown in a text box. */
export type { InputDisplay } from "../../model/inputCatalog";

export interface ScalarInputSpec {
  readonly id: ScalarInputId;
  readonly label: string;
  /** Unit shown after the box, e.g. "%", "USD bn", "% per year". */
  readonly unit: string;
  readonly display: InputSpec["display"];
  readonly help: string;
  readonly group: InputGroupId;
}

export const INPUT_GROUPS: readonly { readonly id: InputGroupId; readonly title: string }[] = [
  { id: "market", title: "Market" },
  { id: "adoption", title: "Domestic adoption" },
  { id: "controls", title: "Export controls" },
  { id: "nvidia", title: "NVIDIA" },
  { id: "vendors", title: "Vendors" },
];

const PANE_GROUPS: readonly (readonly [ScalarInputId, InputGroupId])[] = [
  ["baseYear", "market"],
  ["horizon", "market"],
  ["marketBase", "market"],
  ["marketGrowth", "market"],
  ["marketGrowthFade", "market"],
  ["domesticShareBase", "adoption"],
  ["domesticShareCap", "adoption"],
  ["adoptionSpeed", "adoption"],
  ["domesticSupplyBase", "adoption"],
  ["domesticSupplyGrowth", "adoption"],
  ["substitutionRate", "adoption"],
  ["retirementRate", "adoption"],
  ["nvidiaForeignShare", "nvidia"],
  ["otherBase", "nvidia"],
  ["offshoreBase", "nvidia"],
  ["offshoreGrowth", "nvidia"],
  ["otherGrowth", "nvidia"],
  ["discountRate", "nvidia"],
];

/** The scalar inputs of the Scenario tab, in screen order, described by the model's catalog. */
export const SCALAR_INPUTS: readonly ScalarInputSpec[] = PANE_GROUPS.map(([id, group]) => {
  const spec = scalarInputSpec(id);
  if (spec === undefined) throw new Error(`${id} is not in the model's input catalog`);
  return { id, label: spec.label, unit: spec.unit, display: spec.display, help: spec.help, group };
});

function fieldsOf<K extends string, F extends K>(
  catalog: readonly InputSpec<K>[],
  fields: readonly F[],
): readonly (Pick<InputSpec, "label" | "unit" | "display" | "help"> & { readonly field: F })[] {
  return fields.map((field) => {
    const spec = catalog.find((s) => s.id === field);
    if (spec === undefined) throw new Error(`${field} is not in the model's input catalog`);
    return { field, label: spec.label, unit: spec.unit, display: spec.display, help: spec.help };
  });
}

/** The regime table's editable columns (labels from the model's catalog). */
export const REGIME_FIELDS = fieldsOf<keyof Regime, "access" | "remittance" | "offshoreAccess">(
  REGIME_FIELD_CATALOG,
  ["access", "remittance", "offshoreAccess"],
);

/** The vendor table's columns (labels from the model's catalog). */
export const VENDOR_FIELDS = fieldsOf<keyof Vendor, "weight" | "aspUsdK" | "bf16Tflops">(
  VENDOR_FIELD_CATALOG,
  ["weight", "aspUsdK", "bf16Tflops"],
);

export type RegimeField = "access" | "remittance" | "offshoreAccess";
export type VendorField = "weight" | "aspUsdK" | "bf16Tflops";

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
export function displayForPath(path: string): InputSpec["display"] {
  const scalar = SCALAR_INPUTS.find((spec) => spec.id === path);
  if (scalar) return scalar.display;
  const field = path.slice(path.lastIndexOf(".") + 1);
  if (path.startsWith("regimes.")) return "percent";
  if (path.startsWith("vendors.")) return field === "weight" ? "percent" : "number";
  return "number";
}

/**
 * The scalar inputs of DESIGN.md §4.1 and §4.5 as the Inputs sheet shows them (label, unit, format, named
 * range). The v2 inputs are optional: a blank cell means the default, and reads back as an absent key.
 */
import type { ScalarInputId } from "../../model/types";

export interface ScalarInputMeta {
  readonly id: ScalarInputId;
  readonly label: string;
  readonly unit: string;
  readonly numberFormat: string;
  /** Workbook name of the Live cell. */
  readonly name: string;
  /** Optional input (§4.5): the value a blank cell stands for. */
  readonly defaultValue?: number;
}

const FRACTION = "0.0%";
const USD_BN = "#,##0.00";

export const SCALAR_INPUTS: readonly ScalarInputMeta[] = [
  {
    id: "baseYear",
    label: "Base calendar year (t = 0)",
    unit: "year",
    numberFormat: "0",
    name: "CS_BaseYear",
  },
  { id: "horizon", label: "Projection horizon", unit: "years", numberFormat: "0", name: "CS_Horizon" },
  {
    id: "marketBase",
    label: "China AI-accelerator market, base year",
    unit: "USD bn",
    numberFormat: USD_BN,
    name: "CS_MarketBase",
  },
  {
    id: "marketGrowth",
    label: "Market growth in year 1",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_MarketGrowth",
  },
  {
    id: "marketGrowthFade",
    label: "Annual fade of market growth",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_MarketGrowthFade",
  },
  {
    id: "domesticShareBase",
    label: "Domestic share of demand, base year",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_DomesticShareBase",
  },
  {
    id: "domesticShareCap",
    label: "Long-run cap of the domestic share",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_DomesticShareCap",
  },
  {
    id: "adoptionSpeed",
    label: "Logistic adoption speed",
    unit: "1/year",
    numberFormat: "0.000",
    name: "CS_AdoptionSpeed",
  },
  {
    id: "domesticSupplyBase",
    label: "Domestic accelerator supply, base year",
    unit: "USD bn",
    numberFormat: USD_BN,
    name: "CS_DomesticSupplyBase",
  },
  {
    id: "domesticSupplyGrowth",
    label: "Domestic supply growth per year",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_DomesticSupplyGrowth",
  },
  {
    id: "nvidiaForeignShare",
    label: "NVIDIA share of the foreign-chip segment",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_NvidiaForeignShare",
  },
  {
    id: "substitutionRate",
    label: "Blocked demand picked up by domestic chips",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_SubstitutionRate",
  },
  {
    id: "otherBase",
    label: "Other NVIDIA China revenue, base year",
    unit: "USD bn",
    numberFormat: USD_BN,
    name: "CS_OtherBase",
  },
  {
    id: "otherGrowth",
    label: "Growth of other NVIDIA China revenue",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_OtherGrowth",
  },
  {
    id: "offshoreBase",
    label: "Offshore China-HQ data-center demand, base year",
    unit: "USD bn",
    numberFormat: USD_BN,
    name: "CS_OffshoreBase",
    defaultValue: 0,
  },
  {
    id: "offshoreGrowth",
    label: "Growth of offshore China-HQ demand",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_OffshoreGrowth",
    defaultValue: 0,
  },
  {
    id: "discountRate",
    label: "Discount rate (NPV)",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_DiscountRate",
  },
  {
    id: "retirementRate",
    label: "Installed domestic base retired per year",
    unit: "fraction",
    numberFormat: FRACTION,
    name: "CS_RetirementRate",
  },
];

/** Workbook names of the live tables and constants (other than the scalar inputs). */
export const TABLE_NAMES = {
  scenario: "CS_Scenario",
  scenarioIndex: "CS_ScenarioIndex",
  regimeNames: "CS_RegimeNames",
  regimeAccess: "CS_RegimeAccess",
  regimeRemittance: "CS_RegimeRemittance",
  regimeOffshoreAccess: "CS_RegimeOffshoreAccess",
  regimePath: "CS_RegimePath",
  marketPath: "CS_MarketPath",
  reportedPeriods: "CS_ReportedPeriods",
  reportedValues: "CS_ReportedValues",
  vendorWeight: "CS_VendorWeight",
  vendorAsp: "CS_VendorAsp",
  vendorTflops: "CS_VendorTflops",
  a100Tflops: "CS_A100Tflops",
  documentedT0: "CS_DocumentedT0",
} as const;

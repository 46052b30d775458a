/** Shared fixtures for the workbook tests: presets as named scenarios, a hand-checkable tiny scenario. */
import { PRESETS } from "../../src/model/index";
import type { Scenario } from "../../src/model/types";
import type { NamedScenario } from "../../src/workbook/layout/types";

export const PRESET_SCENARIOS: NamedScenario[] = PRESETS.map((p) => ({
  name: p.name,
  scenario: p.scenario,
  provenance: p.provenance,
  rationale: p.rationale,
}));

/** H = 1, constant domestic share 0.5, one open regime, one vendor at A100 compute: every cell hand-computable. */
export const TINY: Scenario = {
  baseYear: 2025,
  horizon: 1,
  marketBase: 100,
  marketGrowth: 0.1,
  marketGrowthFade: 0,
  domesticShareBase: 0.5,
  domesticShareCap: 0.5,
  adoptionSpeed: 0,
  domesticSupplyBase: 100,
  domesticSupplyGrowth: 0,
  nvidiaForeignShare: 1,
  substitutionRate: 0,
  otherBase: 0,
  otherGrowth: 0,
  discountRate: 0,
  regimes: { open: { access: 1, remittance: 0 } },
  regimePath: ["open", "open"],
  vendors: { v: { weight: 1, aspUsdK: 10, bf16Tflops: 312 } },
  retirementRate: 0,
};

export function named(name: string, scenario: Scenario): NamedScenario {
  const provenance = Object.fromEntries(
    Object.keys(scenario).map((k) => [k, { assumption: "test fixture" }]),
  );
  return { name, scenario, provenance };
}

/**
 * TINY plus the v2 channels (§4.5): offshore demand 10 growing 20% a year, served at 50% under the regime, and
 * two reported quarters of calendar 2026 (t = 1): every new row is hand-computable.
 */
export const TINY_V2: Scenario = {
  ...TINY,
  offshoreBase: 10,
  offshoreGrowth: 0.2,
  regimes: { open: { access: 1, remittance: 0, offshoreAccess: 0.5 } },
  reported: [
    { period: "Q1 FY2027", value: 20 },
    { period: "Q2 FY2027", value: 22, figureId: "nvda_china_rev_fy2026_hq" },
  ],
};

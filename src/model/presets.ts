/**
 * The preset scenarios of DESIGN.md §4.4: base year 2025 (= NVIDIA FY2026), horizon 5, every input cited by
 * figure id or labelled an analyst assumption. Shared defaults are built once (`baseScenario`) and each
 * preset changes only what its story changes.
 *
 * Base-year calibration (all presets share t = 0): M_0 = 50, d_0 = 0.41 → desired domestic 20.5 capped by
 * supply C_0 = 16, so F_0 = 34; the 2025 regime is "restricted" (a = 0.15: H20 licence requirement from April,
 * ≈ $4.6B H20 revenue in Q1 FY2026 [nvda_h20_rev_q1fy26] ≈ 0.93 × 0.145 × 34), so N_0 = 0.93 × 0.15 × 34 =
 * 4.743. NVIDIA's FY2026 China revenue on the customer-headquarters basis is $19.677B [nvda_china_rev_fy2026_hq];
 * that basis books purchases by China-headquartered customers outside China (e.g. Singapore entities) and
 * non-data-center lines to China, which the model's `otherBase` carries: O_0 = 19.677 − 4.743 = 14.934, so
 * T_0 matches the documented figure (gap ≈ 0; see `baseYearCheck`).
 */
import { modelError, type ModelError } from "./errors";
import { nearestIds } from "./nearest";
import type { Preset, Provenance, Regime, Scenario, Vendor } from "./types";

/** Id of the base preset ("Licensed trade"). */
export const BASE_PRESET_ID = "licensed";

/** FY2026 NVIDIA China revenue, customer-HQ basis, USD bn [nvda_china_rev_fy2026_hq = 19,677 USD million]. */
export const DOCUMENTED_T0_USD_BN = 19.677;
export const DOCUMENTED_T0_FIGURE_ID = "nvda_china_rev_fy2026_hq";

const REGIMES: Readonly<Record<string, Regime>> = {
  open: { access: 1, remittance: 0 },
  licensed: { access: 0.35, remittance: 0.25 },
  restricted: { access: 0.15, remittance: 0.15 },
  banned: { access: 0, remittance: 0 },
};

/** IDC 2025 China shipments (units) [mkt_idc_*_units_2025] and ASP assumptions (USD k) → revenue weights. */
const VENDOR_INPUTS = {
  huawei: { units: 812_000, aspUsdK: 20, bf16Tflops: (100 * 780 + 300 * 320) / 400 },
  thead: { units: 265_000, aspUsdK: 12, bf16Tflops: 148 },
  kunlunxin: { units: 116_000, aspUsdK: 10, bf16Tflops: 250 },
  cambricon: { units: 116_000, aspUsdK: 12, bf16Tflops: 0.8 * 312 },
} as const;

function vendorsFromUnits(): Record<string, Vendor> {
  const entries = Object.entries(VENDOR_INPUTS);
  const totalUsd = entries.reduce((sum, [, v]) => sum + v.units * v.aspUsdK, 0);
  const vendors: Record<string, Vendor> = {};
  for (const [name, v] of entries) {
    vendors[name] = {
      weight: (v.units * v.aspUsdK) / totalUsd,
      aspUsdK: v.aspUsdK,
      bf16Tflops: v.bf16Tflops,
    };
  }
  return vendors;
}

const baseScenario: Scenario = {
  baseYear: 2025,
  horizon: 5,
  marketBase: 50,
  marketGrowth: 0.366,
  marketGrowthFade: 0.15,
  domesticShareBase: 0.41,
  domesticShareCap: 0.9,
  adoptionSpeed: 0.6,
  domesticSupplyBase: 16,
  domesticSupplyGrowth: 0.56,
  nvidiaForeignShare: 0.93,
  substitutionRate: 0.7,
  otherBase: 14.934,
  otherGrowth: 0.05,
  discountRate: 0.1,
  regimes: REGIMES,
  regimePath: ["restricted", "licensed", "licensed", "licensed", "licensed", "licensed"],
  vendors: vendorsFromUnits(),
  retirementRate: 0.2,
};

const baseProvenance: Readonly<Record<string, Provenance>> = {
  baseYear: { assumption: "calendar 2025 = NVIDIA FY2026, the latest full fiscal year reported" },
  horizon: { assumption: "five years (2026–2030) matches sell-side forecast horizons" },
  marketBase: { figureId: "mkt_nvda_china_tam_50b", note: "NVIDIA's $50B China AI-accelerator estimate" },
  marketGrowth: {
    figureId: "mkt_bernstein_tam_2027",
    note: "Bernstein $37B (2025, mkt_bernstein_tam_2025) → $69B (2027): √(69/37) − 1 ≈ 0.366",
  },
  marketGrowthFade: { assumption: "growth fades 15%/yr as the AI build-out matures" },
  domesticShareBase: { figureId: "mkt_idc_domestic_share_2025", note: "IDC 41% (TrendForce 40%)" },
  domesticShareCap: {
    assumption:
      "ceiling 90%, below Bernstein's 93% for 2028 (mkt_bernstein_dom_share_2028) as some demand stays foreign",
  },
  adoptionSpeed: {
    assumption: "k = 0.6/yr: about half the pace implied by Morgan Stanley's 82% self-sufficiency in 2027",
  },
  domesticSupplyBase: {
    figureId: "mkt_bernstein_dom_prod_2025",
    note: "Bernstein: $16B domestic production 2025",
  },
  domesticSupplyGrowth: {
    figureId: "mkt_bernstein_dom_prod_2027",
    note: "Bernstein $16B → $39B (2027): √(39/16) − 1 ≈ 0.56",
  },
  nvidiaForeignShare: {
    figureId: "mkt_idc_nvda_units_2025",
    note: "IDC units NVIDIA 2.2M vs AMD 0.16M (mkt_idc_amd_units_2025): 2.2 / 2.36 ≈ 0.93",
  },
  substitutionRate: { assumption: "70% of blocked demand moves to domestic chips when supply allows" },
  otherBase: {
    figureId: DOCUMENTED_T0_FIGURE_ID,
    note: "derived: 19.677 − N_0 (0.93 × 0.15 × 34 = 4.743) = 14.934, so T_0 matches FY2026 (customer-HQ basis)",
  },
  otherGrowth: { assumption: "non-data-center and HQ-basis revenue grows 5%/yr" },
  discountRate: { assumption: "10% cost of capital for the NPV" },
  regimes: {
    assumption:
      "access levels are analyst assumptions; remittance 25% licensed (ec_2025_12_08_h200_rev_share), 15% restricted (ec_2025_08_rev_share_15)",
  },
  "regimes.licensed.remittance": { figureId: "ec_2025_12_08_h200_rev_share" },
  "regimes.restricted.remittance": { figureId: "ec_2025_08_rev_share_15" },
  "regimes.restricted.access": {
    figureId: "nvda_h20_rev_q1fy26",
    note: "≈ calibrateBaseAccess: $4.6B H20 revenue / (0.93 × 34) ≈ 0.145",
  },
  "regimes.licensed.access": { assumption: "35%: H200 licences granted but Beijing discourages purchases" },
  regimePath: { assumption: "2025 restricted (H20 licence requirement); licensed H200 trade from 2026" },
  vendors: {
    figureId: "mkt_idc_huawei_units_2025",
    note: "weights = IDC 2025 units × ASP (Huawei 812k, T-Head 265k, Kunlunxin 116k, Cambricon 116k); ASPs are assumptions",
  },
  "vendors.huawei.bf16Tflops": {
    figureId: "huawei_910c_bf16",
    note: "FT 2025 plan 100k 910C (780) + 300k 910B (320, huawei_910b_fp16_boardor): mix 435",
  },
  "vendors.huawei.aspUsdK": { assumption: "≈ $20k per Ascend 910B/910C" },
  "vendors.thead.bf16Tflops": { figureId: "thead_ppu_vs_h20", note: "≈ H20 (h20_bf16 = 148)" },
  "vendors.thead.aspUsdK": {
    figureId: "ec_2024_h20_price_low",
    note: "priced like the H20 it matches (~$12k)",
  },
  "vendors.kunlunxin.bf16Tflops": { assumption: "P800 taken as A100-class like Cambricon 590 (≈ 250)" },
  "vendors.kunlunxin.aspUsdK": { assumption: "≈ $10k per P800" },
  "vendors.cambricon.bf16Tflops": { figureId: "cambricon_590_vs_a100", note: "80% of A100 (312) = 249.6" },
  "vendors.cambricon.aspUsdK": { assumption: "≈ $12k per Siyuan 590" },
  retirementRate: { assumption: "20%/yr: roughly a five-year service life" },
};

/** The presets, base first. */
export const PRESETS: readonly Preset[] = [
  {
    id: "licensed",
    name: "Licensed trade",
    rationale:
      "H200-class sales to approved Chinese customers under licence with 25% of revenue paid to the U.S. government (Dec 2025 deal), after a restricted 2025 (H20 licence requirement, 15% deal). Beijing's discouragement of NVIDIA purchases holds NVIDIA's access to about a third of foreign-chip demand. Domestic adoption climbs steadily from IDC's 41% towards a 90% ceiling while domestic production grows at Bernstein's pace.",
    scenario: baseScenario,
    provenance: baseProvenance,
  },
  {
    id: "decoupling",
    name: "Full decoupling",
    rationale:
      "Sales of NVIDIA data-center chips to China are banned from 2026. Chinese buyers move faster and further to domestic chips: the adoption rate is fitted to Morgan Stanley's 82% self-sufficiency in 2027 with a 95% ceiling, and 90% of blocked demand is picked up by domestic chips when supply allows.",
    scenario: {
      ...baseScenario,
      domesticShareCap: 0.95,
      adoptionSpeed: 1.06,
      substitutionRate: 0.9,
      regimePath: ["restricted", "banned", "banned", "banned", "banned", "banned"],
    },
    provenance: {
      ...baseProvenance,
      domesticShareCap: {
        figureId: "mkt_bernstein_dom_share_2028",
        note: "close to Bernstein's 93% for 2028",
      },
      adoptionSpeed: {
        figureId: "mkt_ms_selfsuff_2027",
        note: "fitLogisticSpeed(0, 0.41, 2, 0.82, 0.95) ≈ 1.06",
      },
      substitutionRate: { assumption: "90%: with no legal foreign option most blocked demand goes domestic" },
      regimePath: { assumption: "2025 restricted, then banned from 2026" },
    },
  },
  {
    id: "detente",
    name: "Détente",
    rationale:
      "Controls ease from year 2 (2027): after a licensed 2026, NVIDIA may serve all foreign-chip demand without remittance. With a legal foreign option, domestic adoption slows and settles at a lower 70% ceiling, and only half of any blocked demand goes domestic.",
    scenario: {
      ...baseScenario,
      domesticShareCap: 0.7,
      adoptionSpeed: 0.35,
      substitutionRate: 0.5,
      regimePath: ["restricted", "licensed", "open", "open", "open", "open"],
    },
    provenance: {
      ...baseProvenance,
      domesticShareCap: { assumption: "70%: buyers keep NVIDIA for frontier training when allowed" },
      adoptionSpeed: { assumption: "k = 0.35/yr: policy push continues but without a forcing ban" },
      substitutionRate: { assumption: "50%: blocked demand is small and partly waits for NVIDIA" },
      regimePath: { assumption: "2025 restricted, 2026 licensed, open from 2027" },
    },
  },
  {
    id: "supplyCrunch",
    name: "Domestic supply crunch",
    rationale:
      "Licensed trade as in the base case, but domestic supply grows only 20% a year because advanced-node foundry capacity (SMIC 7 nm yields around 50%) and HBM limit output. Domestic demand outruns supply, so more demand stays foreign or goes unmet.",
    scenario: { ...baseScenario, domesticSupplyGrowth: 0.2 },
    provenance: {
      ...baseProvenance,
      domesticSupplyGrowth: {
        assumption: "20%/yr: foundry and HBM limits (SMIC 7 nm yield ≤ 50%, smic_7nm_yield_2024) cap growth",
      },
    },
  },
];

/**
 * A preset by id or name (case-insensitive).
 *
 * @param idOrName e.g. "licensed", "Full decoupling", "DETENTE"
 * @returns the preset, or ModelError("notFound") listing the preset ids
 * @example findPreset("Détente").id // → "detente"
 */
export function findPreset(idOrName: string): Preset | ModelError {
  const key = idOrName.trim().toLowerCase();
  const preset = PRESETS.find((p) => p.id.toLowerCase() === key || p.name.toLowerCase() === key);
  if (preset !== undefined) return preset;
  const ids = PRESETS.map((p) => p.id);
  const near = nearestIds(key, ids, 1).join("");
  return modelError(
    "notFound",
    `preset "${idOrName}" not found (did you mean ${near}?); presets: ${ids.join(", ")}`,
  );
}

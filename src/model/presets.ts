/**
 * The preset scenarios of DESIGN.md §4.4 and §4.5, recalibrated on the figures through Q2 FY2027: base year 2025
 * (= NVIDIA FY2026), horizon 5, every input cited by figure id or labelled an analyst assumption. Shared
 * defaults are built once (`baseScenario`) and each preset changes only what its story changes.
 *
 * Base-year calibration (all presets share t = 0): M_0 = 50, d_0 = 0.41 → desired domestic 20.5 capped by
 * supply C_0 = 16, so F_0 = 34; the 2025 regime is "restricted" (a = 0.15: H20 licence requirement from April,
 * ≈ $4.6B H20 revenue in Q1 FY2026 [nvda_h20_rev_q1fy26] ≈ 0.93 × 0.145 × 34), so N_0 = 0.93 × 0.15 × 34 =
 * 4.743. The FY2026 China line on the customer-headquarters basis, $19.677B [nvda_china_rev_fy2026_hq], is
 * split into three channels (§4.5):
 *  - data center into China N_0 = 4.743 (above);
 *  - offshore China-HQ Q_0 = 4.86: in Q2 FY2026 NVIDIA sold no H20 into China [nvda_h20_china_rev_q2fy26 = 0],
 *    so the difference between the quarter on the headquarters basis ($3.985B, nvda_china_rev_q2fy26_hq_recast)
 *    and on the billing basis ($2.77B, nvda_china_rev_q2fy26) is revenue billed outside China to China-HQ
 *    customers: 1.215 a quarter, 4 × 1.215 = 4.86 a year (a labelled assumption: no filing splits it);
 *  - non-data-center O_0 = 19.677 − 4.743 − 4.86 = 10.074 (cross-check: the same quarter's billing-basis
 *    $2.77B with no data-center sales into China is ≈ 11.1 a year).
 * So T_0 = N_0 + Q_0 + O_0 matches the documented figure (gap ≈ 0; see `baseYearCheck`). Every preset carries
 * the reported quarters of FY2027 (Q1 $4.55B, Q2 $7.88B), so its outlook for 2026 is the reported half plus
 * the model's run-rate for the second half. The model's 2026 (T_1 ≈ 14.5, a half of 7.3) sits below the
 * reported first half (12.43): the gap row G_1 ≈ +5.2 says so, and the rationales name it as a bet.
 */
import { modelError, type ModelError } from "./errors";
import { nearestIds } from "./nearest";
import type { Preset, Provenance, Regime, Scenario, Vendor } from "./types";

/** Id of the base preset ("Licensed trade"). */
export const BASE_PRESET_ID = "licensed";

/** FY2026 NVIDIA China revenue, customer-HQ basis, USD bn [nvda_china_rev_fy2026_hq = 19,677 USD million]. */
export const DOCUMENTED_T0_USD_BN = 19.677;
export const DOCUMENTED_T0_FIGURE_ID = "nvda_china_rev_fy2026_hq";

/**
 * Regimes (access to foreign-chip demand in China, remittance, §4.5 offshore access). "paper" is what 2026
 * looked like: licences granted in Washington, purchases stopped in Beijing, licences required for
 * China-headquartered buyers anywhere from 2026-05-31.
 */
const REGIMES: Readonly<Record<string, Regime>> = {
  open: { access: 1, remittance: 0, offshoreAccess: 1 },
  licensed: { access: 0.35, remittance: 0.25, offshoreAccess: 1 },
  paper: { access: 0.02, remittance: 0.25, offshoreAccess: 0.5 },
  restricted: { access: 0.15, remittance: 0.15, offshoreAccess: 1 },
  banned: { access: 0, remittance: 0, offshoreAccess: 0 },
};

/** NVIDIA's reported FY2027 quarters, customer-HQ basis (USD bn), in every preset. */
const REPORTED_FY2027 = [
  { period: "Q1 FY2027", value: 4.55, figureId: "nvda_china_rev_q1fy27" },
  { period: "Q2 FY2027", value: 7.88, figureId: "nvda_china_rev_q2fy27_hq" },
] as const;

/** FY2026 channel split (USD bn): see the header; N_0 = 0.93 × 0.15 × 34 = 4.743. */
const OFFSHORE_BASE_USD_BN = 4 * (3.985 - 2.77);
const NON_DATA_CENTER_BASE_USD_BN = 19.677 - 4.743 - 4.86;

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
  otherBase: Math.round(NON_DATA_CENTER_BASE_USD_BN * 1000) / 1000,
  otherGrowth: 0.05,
  discountRate: 0.1,
  regimes: REGIMES,
  regimePath: ["restricted", "paper", "licensed", "licensed", "licensed", "licensed"],
  vendors: vendorsFromUnits(),
  retirementRate: 0.2,
  offshoreBase: Math.round(OFFSHORE_BASE_USD_BN * 1000) / 1000,
  offshoreGrowth: 0.3,
  reported: REPORTED_FY2027.map((q) => ({ ...q })),
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
    note: "non-data-center, derived: 19.677 − N_0 4.743 − offshore 4.86 = 10.074, so T_0 matches FY2026 (customer-HQ basis); Q2 FY2026's billing-basis $2.77B with no data-center sales into China (nvda_china_rev_q2fy26) is ≈ 11.1 a year",
  },
  otherGrowth: {
    assumption:
      "non-data-center revenue from China-HQ customers (gaming, pro visualization, PC makers) grows 5%/yr",
  },
  offshoreBase: {
    figureId: "nvda_china_rev_q2fy26_hq_recast",
    note: "assumption from two figures: Q2 FY2026 China on the HQ basis $3.985B − on the billing basis $2.77B (nvda_china_rev_q2fy26), a quarter with no H20 sales into China (nvda_h20_china_rev_q2fy26) = 1.215 billed outside China to China-HQ customers; × 4 = 4.86 a year",
  },
  offshoreGrowth: {
    assumption:
      "30%/yr: China-HQ clouds' offshore build-out grows a little slower than China's AI-accelerator market (36.6%, mkt_bernstein_tam_2027)",
  },
  reported: {
    figureId: "nvda_china_rev_h1fy27_hq",
    note: "Q1 FY2027 $4.55B (nvda_china_rev_q1fy27) + Q2 FY2027 $7.88B (nvda_china_rev_q2fy27_hq) = H1 $12.43B",
  },
  discountRate: { assumption: "10% cost of capital for the NPV" },
  regimes: {
    assumption:
      "access and offshore access are analyst assumptions (paper: from the reported Q1–Q2 FY2027 shipments); remittance 25% licensed and paper (ec_2025_12_08_h200_rev_share), 15% restricted (ec_2025_08_rev_share_15)",
  },
  "regimes.licensed.remittance": { figureId: "ec_2025_12_08_h200_rev_share" },
  "regimes.restricted.remittance": { figureId: "ec_2025_08_rev_share_15" },
  "regimes.restricted.access": {
    figureId: "nvda_h20_rev_q1fy26",
    note: "≈ calibrateBaseAccess: $4.6B H20 revenue / (0.93 × 34) ≈ 0.145",
  },
  "regimes.licensed.access": {
    assumption: "35%: H200 licences used, but Beijing still steers buyers to domestic chips",
  },
  "regimes.licensed.offshoreAccess": {
    assumption: "100%: licences for China-HQ buyers abroad are granted as a matter of course",
  },
  "regimes.paper.access": {
    figureId: "nvda_hopper_china_ship_share_dc_q2fy27",
    note: "2%: no Hopper shipments to China in Q1 FY2027 (nvda_hopper_china_ship_q1fy27), under 1% of $89.0B data-center revenue in Q2 (≤ $0.89B) against ≈ $25B a year of foreign-chip demand",
  },
  "regimes.paper.remittance": { figureId: "ec_2025_12_08_h200_rev_share", note: "the 25% H200 terms" },
  "regimes.paper.offshoreAccess": {
    assumption:
      "50%: from 2026-05-31 China-HQ buyers need a licence anywhere (event ec_2026_05_31_bis_hq_guidance); about half of their offshore demand is licensed or served by non-restricted products",
  },
  "regimes.banned.offshoreAccess": { assumption: "0%: a full ban extends to China-HQ buyers abroad" },
  regimePath: {
    assumption:
      "2025 restricted (H20 licence requirement); 2026 licensed on paper (reported: ≈ no data-center sales into China); licensed trade from 2027 once Beijing lifts its pause",
  },
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
      "2026 as reported — H200 licences granted in Washington but purchases stopped in Beijing, so almost no data-center sales into China (Q1 FY2027: none; Q2: under 1% of data-center revenue) and licences required for China-HQ buyers abroad from 2026-05-31 — then Beijing lifts its pause in 2027: H200-class sales to approved customers under licence with 25% paid to the U.S. government, about a third of foreign-chip demand reachable. Domestic adoption climbs from IDC's 41% towards a 90% ceiling at Bernstein's production pace. Consistent with: the reported FY2027 quarters, the 25% remittance terms. Bets against: Beijing keeping its purchase pause, and TrendForce's ~90% domestic share already in 2026.",
    scenario: baseScenario,
    provenance: baseProvenance,
  },
  {
    id: "paper",
    name: "Licensed on paper",
    rationale:
      "What 2026 looked like, continued: Washington grants H200 licences (from February 2026) but Beijing keeps Chinese buyers from using them, so NVIDIA serves about 2% of foreign-chip demand in China; from 2026-05-31 China-headquartered buyers need a licence anywhere, halving what NVIDIA can sell them abroad. Consistent with: ≈ $0 data-center sales into China in Q1–Q2 FY2027, NVIDIA guiding with no China data-center revenue, TrendForce's ~90% domestic share for 2026. Bets against: any thaw (the September 2026 summit left chip controls unchanged) and against a full U.S. ban on China-HQ buyers abroad. Like every preset, its 2026 run-rate for the second half sits below the reported first half (gap row ≈ +$5.2B): it bets that H1's offshore buying ahead of the 2026-05-31 rule does not continue.",
    scenario: {
      ...baseScenario,
      regimePath: ["restricted", "paper", "paper", "paper", "paper", "paper"],
    },
    provenance: {
      ...baseProvenance,
      regimePath: {
        assumption:
          "2025 restricted; licensed on paper from 2026 onwards (licences granted, purchases blocked, licences needed for China-HQ buyers anywhere)",
      },
    },
  },
  {
    id: "decoupling",
    name: "Full decoupling",
    rationale:
      "After 2026 as reported, sales of NVIDIA data-center chips to China-headquartered buyers are banned from 2027, in China and abroad. Chinese buyers move faster and further to domestic chips: the adoption rate is fitted to Morgan Stanley's 82% self-sufficiency in 2027 with a 95% ceiling, and 90% of blocked demand is picked up by domestic chips when supply allows. Consistent with: ≈ zero data-center sales into China in 2026, Beijing's push for domestic chips. Bets against: the licences Washington did grant in 2026 and the offshore China-HQ revenue still reported in Q2 FY2027.",
    scenario: {
      ...baseScenario,
      domesticShareCap: 0.95,
      adoptionSpeed: 1.06,
      substitutionRate: 0.9,
      regimePath: ["restricted", "paper", "banned", "banned", "banned", "banned"],
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
      regimePath: { assumption: "2025 restricted, 2026 licensed on paper (reported), banned from 2027" },
    },
  },
  {
    id: "detente",
    name: "Détente",
    rationale:
      "Controls ease from 2027: after 2026 as reported (licensed on paper), NVIDIA may serve all foreign-chip demand in China and China-HQ buyers abroad without remittance. With a legal foreign option, domestic adoption slows and settles at a lower 70% ceiling, and only half of any blocked demand goes domestic. Consistent with: the truce talks of 2026 and Q2 FY2027's rebound to $7.88B. Bets against: the September 2026 summit leaving chip controls unchanged, Beijing's own purchase pause, and TrendForce's ~90% domestic share for 2026.",
    scenario: {
      ...baseScenario,
      domesticShareCap: 0.7,
      adoptionSpeed: 0.35,
      substitutionRate: 0.5,
      regimePath: ["restricted", "paper", "open", "open", "open", "open"],
    },
    provenance: {
      ...baseProvenance,
      domesticShareCap: { assumption: "70%: buyers keep NVIDIA for frontier training when allowed" },
      adoptionSpeed: { assumption: "k = 0.35/yr: policy push continues but without a forcing ban" },
      substitutionRate: { assumption: "50%: blocked demand is small and partly waits for NVIDIA" },
      regimePath: { assumption: "2025 restricted, 2026 licensed on paper (reported), open from 2027" },
    },
  },
  {
    id: "supplyCrunch",
    name: "Domestic supply crunch",
    rationale:
      "Licensed trade as in the base case (2026 as reported, Beijing's pause lifted in 2027), but domestic supply grows only 20% a year because advanced-node foundry capacity (SMIC 7 nm yields around 50%) and HBM limit output. Domestic demand outruns supply, so more demand stays foreign or goes unmet. Consistent with: the HBM and foundry constraints reported through 2026. Bets against: Bernstein's 74% domestic sales growth and the domestic vendors' strong H1 2026 results.",
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

import { describe, expect, it } from "vitest";
import { baseYearCheck } from "../../src/model/calibration";
import { isModelError } from "../../src/model/errors";
import { applyOverrides } from "../../src/model/overrides";
import {
  BASE_PRESET_ID,
  DOCUMENTED_T0_FIGURE_ID,
  DOCUMENTED_T0_USD_BN,
  findPreset,
  PRESETS,
} from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import { SCALAR_DEFAULTS, SCALAR_INPUT_IDS, scenarioIssues } from "../../src/model/validate";
import type { Scenario } from "../../src/model/types";
import { datasetFigures, deepFreeze } from "./fixtures";

const figures = datasetFigures();
const base = deepFreeze(PRESETS[0]!.scenario);

function scenarioOf(value: Scenario | { code: string; message: string }): Scenario {
  if (isModelError(value)) throw new Error(value.message);
  return value as Scenario;
}

describe("PRESETS", () => {
  it('PRESETS has the §4.4 presets and §4.5\'s "Licensed on paper", base first', () => {
    expect(PRESETS.map((p) => [p.id, p.name])).toEqual([
      ["licensed", "Licensed trade"],
      ["paper", "Licensed on paper"],
      ["decoupling", "Full decoupling"],
      ["detente", "Détente"],
      ["supplyCrunch", "Domestic supply crunch"],
    ]);
    expect(BASE_PRESET_ID).toBe("licensed");
  });

  it("every preset is valid, based in 2025 with horizon ≥ 5, and has a rationale paragraph", () => {
    for (const p of PRESETS) {
      expect(scenarioIssues(p.scenario), p.id).toEqual([]);
      expect(p.scenario.baseYear).toBe(2025);
      expect(p.scenario.horizon).toBeGreaterThanOrEqual(5);
      expect(p.rationale.length).toBeGreaterThan(120);
    }
  });

  it("every preset input has provenance, and every cited figure id exists in the dataset", () => {
    for (const p of PRESETS) {
      for (const id of [...SCALAR_INPUT_IDS, "regimes", "regimePath", "vendors"]) {
        if (id in SCALAR_DEFAULTS && p.scenario[id as keyof typeof SCALAR_DEFAULTS] === undefined) continue;
        expect(p.provenance[id], `${p.id}.${id}`).toBeDefined();
      }
      if (p.scenario.marketPath !== undefined) expect(p.provenance["marketPath"]).toBeDefined();
      if (p.scenario.reported !== undefined) expect(p.provenance["reported"]).toBeDefined();
      for (const [key, provenance] of Object.entries(p.provenance)) {
        if ("figureId" in provenance) expect(figures.has(provenance.figureId), `${p.id}.${key}`).toBe(true);
        else expect(provenance.assumption.length, `${p.id}.${key}`).toBeGreaterThan(10);
      }
    }
  });

  it("preset defaults equal the cited dataset values", () => {
    const value = (id: string) => figures.get(id)!.value;
    expect(base.marketBase).toBe(value("mkt_nvda_china_tam_50b"));
    expect(base.domesticShareBase).toBe(value("mkt_idc_domestic_share_2025") / 100);
    expect(base.domesticSupplyBase).toBe(value("mkt_bernstein_dom_prod_2025"));
    expect(base.regimes["licensed"]!.remittance).toBe(value("ec_2025_12_08_h200_rev_share") / 100);
    expect(base.regimes["restricted"]!.remittance).toBe(value("ec_2025_08_rev_share_15") / 100);
    // √(39/16) − 1 = 0.5612 → 0.56; √(69/37) − 1 = 0.3656 → 0.366
    expect(base.domesticSupplyGrowth).toBeCloseTo(
      Math.sqrt(value("mkt_bernstein_dom_prod_2027") / 16) - 1,
      2,
    );
    expect(base.marketGrowth).toBeCloseTo(
      Math.sqrt(value("mkt_bernstein_tam_2027") / value("mkt_bernstein_tam_2025")) - 1,
      3,
    );
    // 2.2M / (2.2M + 0.16M) = 0.932 → 0.93
    const nv = value("mkt_idc_nvda_units_2025");
    expect(base.nvidiaForeignShare).toBeCloseTo(nv / (nv + value("mkt_idc_amd_units_2025")), 2);
    // weights ∝ IDC units × ASP: Huawei 812k × 20 / (812k×20 + 265k×12 + 116k×10 + 116k×12) = 16240/21972
    expect(base.vendors["huawei"]!.weight).toBeCloseTo(
      (value("mkt_idc_huawei_units_2025") * 20) /
        (value("mkt_idc_huawei_units_2025") * 20 +
          value("mkt_idc_thead_units_2025") * 12 +
          value("mkt_idc_kunlunxin_units_2025") * 10 +
          value("mkt_idc_cambricon_units_2025") * 12),
      12,
    );
    // 80% × 312 = 249.6
    expect(base.vendors["cambricon"]!.bf16Tflops).toBeCloseTo(0.8 * value("a100_bf16_dense"), 9);
    expect(base.vendors["thead"]!.bf16Tflops).toBe(value("h20_bf16"));
  });

  it("each preset's T_0 matches FY2026 China revenue on the customer-HQ basis (19.677)", () => {
    // dataset: nvda_china_rev_fy2026_hq = 19,677 USD million
    expect(figures.get(DOCUMENTED_T0_FIGURE_ID)!.value / 1000).toBe(DOCUMENTED_T0_USD_BN);
    for (const p of PRESETS) {
      const projection = projectScenario(p.scenario);
      if (isModelError(projection)) throw new Error(projection.message);
      const check = baseYearCheck(projection, DOCUMENTED_T0_USD_BN, "customerHq", DOCUMENTED_T0_FIGURE_ID);
      if (isModelError(check)) throw new Error(check.message);
      // hand-computed: N_0 = 0.93 × 0.15 × (50 − min(0.41 × 50, 16)) = 4.743; Q_0 = 4 × (3.985 − 2.77) = 4.86
      // (restricted: offshore access 1); O_0 = 10.074; T_0 = 4.743 + 4.86 + 10.074 = 19.677
      expect(check.modelT0).toBeCloseTo(19.677, 9);
      expect(projection.series.nvidiaDataCenter[0]).toBeCloseTo(4.743, 12);
      expect(projection.series.nvidiaOffshore[0]).toBeCloseTo(4.86, 12);
      expect(projection.series.nvidiaOther[0]).toBeCloseTo(10.074, 12);
      expect(Math.abs(check.gap)).toBeLessThan(0.01);
      expect(check.basis).toBe("customerHq");
    }
  });

  it("the FY2026 channel split rests on the cited quarter: offshore = 4 × (HQ basis − billing basis)", () => {
    const value = (id: string) => figures.get(id)!.value;
    // Q2 FY2026: 3,985 USD million (HQ basis) − 2.77 USD bn (billing basis), with no H20 sales into China
    expect(value("nvda_h20_china_rev_q2fy26")).toBe(0);
    const offshoreQuarter = value("nvda_china_rev_q2fy26_hq_recast") / 1000 - value("nvda_china_rev_q2fy26");
    expect(base.offshoreBase).toBeCloseTo(4 * offshoreQuarter, 9);
    expect(base.otherBase).toBeCloseTo(19.677 - 4.743 - 4.86, 9);
  });

  it("every preset carries NVIDIA's reported FY2027 quarters, cited, and its 2026 outlook adds them up", () => {
    const value = (id: string) => figures.get(id)!.value;
    for (const p of PRESETS) {
      const reported = p.scenario.reported ?? [];
      expect(
        reported.map((q) => q.period),
        p.id,
      ).toEqual(["Q1 FY2027", "Q2 FY2027"]);
      for (const q of reported) expect(q.value, `${p.id} ${q.period}`).toBe(value(q.figureId!) / 1000);
      const projection = projectScenario(p.scenario);
      if (isModelError(projection)) throw new Error(projection.message);
      const t1 = projection.series.nvidiaChina[1]!;
      // §4.5: T*_1 = A_1 + T_1 · 2/4 and G_1 = A_1 − T_1 · 2/4, with A_1 = 4.55 + 7.88 = 12.43
      expect(projection.series.reportedQuarters[1]).toBe(2);
      expect(projection.series.nvidiaChinaReported[1]).toBeCloseTo(12.43, 12);
      expect(projection.series.nvidiaChinaOutlook[1]).toBeCloseTo(12.43 + t1 / 2, 12);
      expect(projection.series.reportedGap[1]).toBeCloseTo(12.43 - t1 / 2, 12);
    }
  });

  it("2026 is licensed on paper in every preset: data-center sales into China about zero, as reported", () => {
    for (const p of PRESETS) {
      expect(p.scenario.regimePath[1], p.id).toBe("paper");
      const projection = projectScenario(p.scenario);
      if (isModelError(projection)) throw new Error(projection.message);
      // reported: $0 in Q1 FY2027 and under 1% of $89.0B in Q2 → at most ≈ $0.9B for the half year
      expect(projection.series.nvidiaDataCenter[1], p.id).toBeLessThan(1);
    }
    const paper = findPreset("Licensed on paper");
    if (isModelError(paper)) throw new Error(paper.message);
    const regime = paper.scenario.regimes["paper"]!;
    expect([regime.access, regime.remittance, regime.offshoreAccess]).toEqual([0.02, 0.25, 0.5]);
    // offshore in 2026 under "paper": 0.5 × 4.86 × 1.3 = 3.159
    const projection = projectScenario(paper.scenario);
    if (isModelError(projection)) throw new Error(projection.message);
    expect(projection.series.nvidiaOffshore[1]).toBeCloseTo(0.5 * 4.86 * 1.3, 12);
  });

  it("each rationale says which 2026 facts it is consistent with and which it bets against", () => {
    for (const p of PRESETS) {
      expect(p.rationale, p.id).toMatch(/Consistent with: [^.]+\./);
      expect(p.rationale, p.id).toMatch(/Bets against: [^.]+\./);
    }
  });

  it("the presets tell their stories: decoupling < paper < licensed < détente in cumulative NVIDIA China revenue", () => {
    const total = (id: string) => {
      const preset = findPreset(id);
      if (isModelError(preset)) throw new Error(preset.message);
      const p = projectScenario(preset.scenario);
      if (isModelError(p)) throw new Error(p.message);
      return p.summary.cumulativeNvidiaChina;
    };
    expect(total("decoupling")).toBeLessThan(total("paper"));
    expect(total("paper")).toBeLessThan(total("licensed"));
    expect(total("licensed")).toBeLessThan(total("detente"));
    expect(total("licensed")).toBeLessThan(total("supplyCrunch"));
  });
});

describe("findPreset(idOrName)", () => {
  it("findPreset finds by id or name, case-insensitively", () => {
    expect((findPreset("LICENSED") as { id: string }).id).toBe("licensed");
    expect((findPreset("full decoupling") as { id: string }).id).toBe("decoupling");
    expect((findPreset("Détente") as { id: string }).id).toBe("detente");
  });

  it("findPreset returns notFound for an unknown preset", () => {
    const result = findPreset("decoupled");
    expect(isModelError(result) && result.code).toBe("notFound");
  });
});

describe("applyOverrides(scenario, pairs)", () => {
  it("applyOverrides sets scalars, numeric text and dotted paths", () => {
    const s = scenarioOf(
      applyOverrides(base, [
        ["marketGrowth", 0.3],
        ["otherBase", "12.5"],
        ["regimes.licensed.access", 0.4],
        ["regimePath.3", "banned"],
        ["marketPath.2027", 69],
      ]),
    );
    expect(s.marketGrowth).toBe(0.3);
    expect(s.otherBase).toBe(12.5);
    expect(s.regimes["licensed"]!.access).toBe(0.4);
    expect(s.regimePath[3]).toBe("banned");
    expect(s.marketPath).toEqual({ "2027": 69 });
    expect(base.marketGrowth).toBe(0.366);
  });

  it("applyOverrides sets a whole regimePath from a comma list and vendor fields", () => {
    const s = scenarioOf(
      applyOverrides(base, [
        ["regimePath", "open, open, banned, banned, banned, banned"],
        ["vendors.huawei.aspUsdK", 25],
      ]),
    );
    expect(s.regimePath).toEqual(["open", "open", "banned", "banned", "banned", "banned"]);
    expect(s.vendors["huawei"]!.aspUsdK).toBe(25);
  });

  it("applyOverrides(horizon) extends the regime path with its last regime, or truncates it", () => {
    const longer = scenarioOf(applyOverrides(base, [["horizon", 8]]));
    expect(longer.regimePath).toHaveLength(9);
    expect(longer.regimePath[8]).toBe("licensed");
    const shorter = scenarioOf(applyOverrides(base, [["horizon", 2]]));
    expect(shorter.regimePath).toEqual(["restricted", "paper", "licensed"]);
  });

  it("applyOverrides returns notFound for an unknown id", () => {
    for (const id of ["marketGrowht", "regimes.lisenced.access", "vendors.huawei.price", "foo.bar"]) {
      const result = applyOverrides(base, [[id, 1]]);
      expect(isModelError(result) && result.code, id).toBe("notFound");
    }
  });

  it("applyOverrides returns invalidInput for a bad value or an invalid result", () => {
    for (const pair of [
      ["marketGrowth", "fast"],
      ["domesticShareCap", 1.4],
      ["regimePath.9", "open"],
      ["regimePath.2", "nope"],
    ] as const) {
      const result = applyOverrides(base, [pair]);
      expect(isModelError(result) && result.code, pair[0]).toBe("invalidInput");
    }
  });
});

import { describe, expect, it } from "vitest";
import type { ScenarioState } from "../../../src/taskpane/scenario/state";
import {
  editActionFor,
  initialScenarioState,
  issuesAt,
  MAX_PINNED,
  scenarioReducer,
  shownHorizon,
} from "../../../src/taskpane/scenario/state";

function base(): ScenarioState {
  return initialScenarioState("licensed");
}

function freeze<T>(value: T): T {
  return Object.freeze(value);
}

describe("initialScenarioState", () => {
  it("initialScenarioState(id) throws for an unknown preset (a bug, not user input)", () => {
    expect(() => initialScenarioState("nope")).toThrow();
  });

  it("initialScenarioState('licensed') shows the preset's values as text, fractions in percent", () => {
    const s = base();
    // presets.ts: marketBase 50, domesticShareBase 0.41 → "41", marketGrowth 0.366 → "36.6"
    expect(s.raw["marketBase"]).toBe("50");
    expect(s.raw["domesticShareBase"]).toBe("41");
    expect(s.raw["marketGrowth"]).toBe("36.6");
    expect(s.raw["regimes.licensed.remittance"]).toBe("25");
    expect(s.edited).toBe(false);
    expect(s.issues).toEqual([]);
  });

  it("initialScenarioState('licensed') projects the base year to the documented FY2026 revenue", () => {
    // presets.ts header: N_0 = 0.93 × 0.15 × 34 = 4.743, Q_0 = 4.86, O_0 = 10.074 → T_0 = 19.677
    expect(base().projection.series.nvidiaChina[0]).toBeCloseTo(19.677, 9);
  });
});

describe("scenarioReducer: invalid input", () => {
  it("scenarioReducer(s, inputChanged 'abc') keeps the text, adds an issue and keeps the last valid projection", () => {
    const s = freeze(base());
    const next = scenarioReducer(s, { type: "inputChanged", path: "marketBase", raw: "abc" });
    expect(next.raw["marketBase"]).toBe("abc");
    expect(issuesAt(next, "marketBase")).toHaveLength(1);
    expect(next.scenario).toBe(s.scenario);
    expect(next.projection).toBe(s.projection);
    expect(next.edited).toBe(true);
  });

  it("scenarioReducer(s, inputChanged out of range) reports the model's issue at that path", () => {
    const next = scenarioReducer(base(), { type: "inputChanged", path: "domesticShareCap", raw: "140" });
    expect(next.issues.map((i) => i.path)).toEqual(["domesticShareCap"]);
    expect(next.scenario.domesticShareCap).toBe(0.9);
  });

  it("scenarioReducer(s, vendorEdited weight) reports weights that no longer sum to 100%, in %, at the weight edited", () => {
    const next = scenarioReducer(base(), {
      type: "vendorEdited",
      name: "huawei",
      field: "weight",
      raw: "10",
    });
    expect(next.issues.map((i) => i.path)).toEqual(["vendors.huawei.weight"]);
    // presets.ts licensed: the other weights sum to 26.087748043%; + 10% = 36.09% (two decimals)
    expect(issuesAt(next, "vendors.huawei.weight")).toEqual([
      "The vendor weights add up to 36.09%: change them so they add up to 100%",
    ]);
  });

  it("vendor weights show two decimals, and an untouched weight keeps its exact value when another box is edited", () => {
    const s = base();
    // presets.ts licensed: huawei weight 0.73912251957… → "73.91"
    expect(s.raw["vendors.huawei.weight"]).toBe("73.91");
    const next = scenarioReducer(s, { type: "inputChanged", path: "marketBase", raw: "60" });
    expect(next.issues).toEqual([]);
    expect(next.scenario.vendors["huawei"]?.weight).toBe(s.scenario.vendors["huawei"]?.weight);
  });

  it("scenarioReducer(s, regimeEdited) rejects access above 100%", () => {
    const next = scenarioReducer(base(), {
      type: "regimeEdited",
      name: "licensed",
      field: "access",
      raw: "120",
    });
    expect(next.issues.map((i) => i.path)).toEqual(["regimes.licensed.access"]);
  });

  it("scenarioReducer(s, inputChanged) reports range issues in other boxes while one box does not parse", () => {
    const bad = scenarioReducer(base(), { type: "inputChanged", path: "marketBase", raw: "abc" });
    const both = scenarioReducer(bad, { type: "inputChanged", path: "domesticShareCap", raw: "140" });
    expect(both.issues.map((i) => i.path)).toEqual(["marketBase", "domesticShareCap"]);
  });

  it("scenarioReducer(s, inputChanged) recovers once the text is fixed", () => {
    const bad = scenarioReducer(base(), { type: "inputChanged", path: "marketBase", raw: "" });
    expect(bad.issues).toHaveLength(1);
    const fixed = scenarioReducer(bad, { type: "inputChanged", path: "marketBase", raw: "60" });
    expect(fixed.issues).toEqual([]);
    expect(fixed.scenario.marketBase).toBe(60);
  });
});

describe("editActionFor", () => {
  it("editActionFor(path, raw) maps table paths to regime and vendor edits", () => {
    expect(editActionFor("regimes.licensed.access", "40")).toEqual({
      type: "regimeEdited",
      name: "licensed",
      field: "access",
      raw: "40",
    });
    expect(editActionFor("vendors.huawei.aspUsdK", "21")).toEqual({
      type: "vendorEdited",
      name: "huawei",
      field: "aspUsdK",
      raw: "21",
    });
  });

  it("editActionFor(path, raw) maps scalar ids and market-path years to inputChanged", () => {
    expect(editActionFor("marketBase", "60")).toEqual({
      type: "inputChanged",
      path: "marketBase",
      raw: "60",
    });
    expect(editActionFor("marketPath.2027", "69")).toEqual({
      type: "inputChanged",
      path: "marketPath.2027",
      raw: "69",
    });
  });
});

describe("scenarioReducer: valid input", () => {
  it("scenarioReducer(s, inputChanged marketBase) reprojects", () => {
    const next = scenarioReducer(freeze(base()), { type: "inputChanged", path: "marketBase", raw: "60" });
    expect(next.projection.series.market[0]).toBe(60);
    // hand-computed: D1_0 = min(0.41 × 60, 16) = 16, F_0 = 44, N_0 = 0.93 × 0.15 × 44 = 6.138,
    // T_0 = 6.138 + 4.86 + 10.074 = 21.072
    expect(next.projection.series.nvidiaChina[0]).toBeCloseTo(21.072, 9);
  });

  it("scenarioReducer(s, any edit) keeps each regime's offshore access (§4.5), and edits it in percent", () => {
    const paper = initialScenarioState("paper");
    expect(paper.raw["regimes.paper.offshoreAccess"]).toBe("50");
    const edited = scenarioReducer(paper, { type: "inputChanged", path: "marketGrowth", raw: "30" });
    expect(edited.scenario.regimes["paper"]!.offshoreAccess).toBe(0.5);
    expect(edited.scenario.regimes["banned"]!.offshoreAccess).toBe(0);
    const typed = scenarioReducer(edited, editActionFor("regimes.paper.offshoreAccess", "20"));
    expect(typed.scenario.regimes["paper"]!.offshoreAccess).toBe(0.2);
    // 2026 is "paper": Q_1 = 0.2 × 4.86 × 1.3 = 1.26360
    expect(typed.projection.series.nvidiaOffshore[1]).toBeCloseTo(0.2 * 4.86 * 1.3, 12);
    const tooHigh = scenarioReducer(typed, editActionFor("regimes.paper.offshoreAccess", "120"));
    expect(issuesAt(tooHigh, "regimes.paper.offshoreAccess").length).toBe(1);
    expect(tooHigh.scenario.regimes["paper"]!.offshoreAccess).toBe(0.2);
  });

  it("scenarioReducer(s, inputChanged offshoreBase) edits the offshore channel in USD bn", () => {
    const next = scenarioReducer(base(), { type: "inputChanged", path: "offshoreBase", raw: "6" });
    expect(next.scenario.offshoreBase).toBe(6);
    // restricted in 2025, offshore access 1: Q_0 = 6; T_0 = 4.743 + 6 + 10.074 = 20.817
    expect(next.projection.series.nvidiaChina[0]).toBeCloseTo(20.817, 9);
  });

  it("scenarioReducer(s, inputChanged percent) stores the fraction in the scenario", () => {
    const next = scenarioReducer(base(), { type: "inputChanged", path: "nvidiaForeignShare", raw: "50" });
    // hand-computed: 50% → 0.5
    expect(next.scenario.nvidiaForeignShare).toBe(0.5);
  });

  it("scenarioReducer(s, regimePathEdited) bans NVIDIA in that year only", () => {
    const next = scenarioReducer(base(), { type: "regimePathEdited", t: 1, name: "banned" });
    expect(next.scenario.regimePath).toEqual([
      "restricted",
      "banned",
      "licensed",
      "licensed",
      "licensed",
      "licensed",
    ]);
    // hand-computed: a_1 = 0 → N_1 = 0; banned offshore access 0 → Q_1 = 0; T_1 = O_1 = 10.074 × 1.05 = 10.5777
    expect(next.projection.series.nvidiaChina[1]).toBeCloseTo(10.5777, 9);
    expect(next.edited).toBe(true);
  });

  it("scenarioReducer(s, inputChanged horizon) resizes the regime path, padding with the last regime", () => {
    const shorter = scenarioReducer(base(), { type: "inputChanged", path: "horizon", raw: "3" });
    expect(shorter.scenario.regimePath).toHaveLength(4);
    expect(shorter.projection.years.calendar).toEqual([2025, 2026, 2027, 2028]);
    const longer = scenarioReducer(shorter, { type: "inputChanged", path: "horizon", raw: "7" });
    expect(longer.scenario.regimePath).toEqual([
      "restricted",
      "paper",
      "licensed",
      "licensed",
      "licensed",
      "licensed",
      "licensed",
      "licensed",
    ]);
    expect(shownHorizon(longer)).toBe(7);
  });

  it("shownHorizon(s) falls back to the last valid horizon while the box is invalid", () => {
    const next = scenarioReducer(base(), { type: "inputChanged", path: "horizon", raw: "99" });
    expect(shownHorizon(next)).toBe(5);
    expect(issuesAt(next, "horizon")).toHaveLength(1);
  });

  it("scenarioReducer(s, inputChanged) is not 'edited' when the text returns to the preset's", () => {
    const once = scenarioReducer(base(), { type: "inputChanged", path: "marketBase", raw: "60" });
    const back = scenarioReducer(once, { type: "inputChanged", path: "marketBase", raw: "50" });
    expect(back.edited).toBe(false);
  });
});

describe("scenarioReducer: presets", () => {
  it("scenarioReducer(s, presetChosen) loads the preset's values", () => {
    const next = scenarioReducer(base(), { type: "presetChosen", presetId: "decoupling" });
    // presets.ts: decoupling domesticShareCap 0.95, substitutionRate 0.9
    expect(next.raw["domesticShareCap"]).toBe("95");
    expect(next.raw["substitutionRate"]).toBe("90");
    expect(next.scenario.regimePath[1]).toBe("paper");
    expect(next.scenario.regimePath[2]).toBe("banned");
  });

  it("scenarioReducer(s, presetChosen unknown) leaves the state unchanged", () => {
    const s = base();
    expect(scenarioReducer(s, { type: "presetChosen", presetId: "nope" })).toBe(s);
  });

  it("scenarioReducer(s, resetToPreset) drops edits and issues but keeps pins", () => {
    let s = scenarioReducer(base(), { type: "scenarioPinnedForCompare", source: { kind: "current" } });
    s = scenarioReducer(s, { type: "inputChanged", path: "marketBase", raw: "abc" });
    const reset = scenarioReducer(s, { type: "resetToPreset" });
    expect(reset.raw["marketBase"]).toBe("50");
    expect(reset.issues).toEqual([]);
    expect(reset.edited).toBe(false);
    expect(reset.pinned).toHaveLength(1);
  });
});

describe("scenarioReducer: compare", () => {
  it("scenarioReducer(s, scenarioPinnedForCompare current) pins the last valid edited scenario", () => {
    let s = scenarioReducer(base(), { type: "inputChanged", path: "marketBase", raw: "60" });
    s = scenarioReducer(s, { type: "scenarioPinnedForCompare", source: { kind: "current" } });
    expect(s.pinned.map((p) => p.label)).toEqual(["Licensed trade (edited)"]);
    expect(s.pinned[0]?.scenario.marketBase).toBe(60);
  });

  it("scenarioReducer(s, scenarioPinnedForCompare preset) pins a preset by name", () => {
    const s = scenarioReducer(base(), {
      type: "scenarioPinnedForCompare",
      source: { kind: "preset", presetId: "detente" },
    });
    expect(s.pinned.map((p) => p.label)).toEqual(["Détente"]);
    expect(s.pinned[0]?.projection.years.calendar).toHaveLength(6);
  });

  it(`scenarioReducer(s, scenarioPinnedForCompare) holds at most ${MAX_PINNED} scenarios`, () => {
    let s = base();
    for (let i = 0; i < MAX_PINNED + 2; i += 1) {
      s = scenarioReducer(s, { type: "scenarioPinnedForCompare", source: { kind: "current" } });
    }
    expect(s.pinned).toHaveLength(MAX_PINNED);
    expect(new Set(s.pinned.map((p) => p.label)).size).toBe(MAX_PINNED);
  });

  it("scenarioReducer(s, unpinned) removes that pin only", () => {
    let s = scenarioReducer(base(), { type: "scenarioPinnedForCompare", source: { kind: "current" } });
    s = scenarioReducer(s, {
      type: "scenarioPinnedForCompare",
      source: { kind: "preset", presetId: "detente" },
    });
    const first = s.pinned[0]!.pinId;
    s = scenarioReducer(s, { type: "unpinned", pinId: first });
    expect(s.pinned.map((p) => p.label)).toEqual(["Détente"]);
  });
});

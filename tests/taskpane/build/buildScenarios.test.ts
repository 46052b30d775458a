import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../src/model/presets";
import { buildCandidates, paneCandidate, sameJson } from "../../../src/taskpane/build/buildScenarios";

const licensed = PRESETS[0]!;

describe("buildCandidates", () => {
  it("buildCandidates(presets, unchanged preset, []) offers the presets only", () => {
    const pane = { scenario: licensed.scenario, name: licensed.name, presetId: licensed.id };
    // DESIGN.md §4.4 preset names and §4.5's "Licensed on paper"
    expect(buildCandidates(PRESETS, pane, []).map((c) => c.named.name)).toEqual([
      "Licensed trade",
      "Licensed on paper",
      "Full decoupling",
      "Détente",
      "Domestic supply crunch",
    ]);
  });

  it("buildCandidates(presets, edited preset, []) adds '<preset> (edited)' after the presets", () => {
    const scenario = { ...licensed.scenario, marketGrowth: 0.5 };
    const list = buildCandidates(PRESETS, { scenario, name: licensed.name, presetId: licensed.id }, []);
    expect(list.map((c) => c.named.name).at(-1)).toBe("Licensed trade (edited)");
    expect(list.at(-1)?.origin).toBe("pane");
  });
});

describe("paneCandidate", () => {
  it("paneCandidate keeps the preset's provenance for unchanged inputs and labels edited ones", () => {
    const scenario = { ...licensed.scenario, marketGrowth: 0.5 };
    const candidate = paneCandidate(PRESETS, { scenario, name: "Mine", presetId: licensed.id });
    expect(candidate?.named.name).toBe("Mine");
    expect(candidate?.named.provenance["marketBase"]).toEqual(licensed.provenance["marketBase"]);
    expect(candidate?.named.provenance["marketGrowth"]).toEqual({
      assumption: "Edited in the ChipShift pane",
    });
  });

  it("paneCandidate(presets, null) is null", () => {
    expect(paneCandidate(PRESETS, null)).toBeNull();
  });
});

describe("sameJson", () => {
  it("sameJson(a, b) ignores key order and differences below a relative 1e-9", () => {
    expect(sameJson({ a: 1, b: [0.7391225195703622] }, { b: [0.73912251957], a: 1 })).toBe(true);
    // hand-computed: |0.35 − 0.3500001| = 1e-7 > 1e-9
    expect(sameJson({ a: 0.35 }, { a: 0.3500001 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson(["x"], ["y"])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { isModelError } from "../../../src/model/errors";
import {
  defaultDraft,
  draftOfDistribution,
  formatDraftNumber,
  isDraftProblems,
  parseDraft,
} from "../../../src/taskpane/simulate/distributionDraft";
import { densityPreview } from "../../../src/taskpane/simulate/densityPreview";

describe("parseDraft", () => {
  it("parseDraft(draft) reports a field that is not a number by its key", () => {
    const parsed = parseDraft({ kind: "uniform", fields: { min: "abc", max: "2" } }, 1, "x");
    expect(isDraftProblems(parsed) && parsed.fields.min).toBe("Enter the min as a number (now “abc”)");
  });

  it("parseDraft(draft) passes the engine's parameter check through as the overall problem", () => {
    const parsed = parseDraft(
      { kind: "triangular", fields: { min: "3", mode: "1", max: "5" } },
      1,
      "marketGrowth",
    );
    expect(isDraftProblems(parsed)).toBe(true);
    expect(isDraftProblems(parsed) ? parsed.overall : "").toMatch(
      /^marketGrowth: triangular mode must be between 3 and 5/,
    );
  });

  it("parseDraft(draft, 100) divides percent text by 100 but leaves PERT λ unscaled", () => {
    const parsed = parseDraft(
      { kind: "pert", fields: { min: "10", mode: "20", max: "40", lambda: "6" } },
      100,
      "x",
    );
    // hand-computed: 10/100 = 0.1, 20/100 = 0.2, 40/100 = 0.4; λ stays 6
    expect(parsed).toEqual({ kind: "pert", min: 0.1, mode: 0.2, max: 0.4, lambda: 6 });
  });

  it("parseDraft(draft) leaves blank optional bounds out of a normal", () => {
    expect(parseDraft({ kind: "normal", fields: { mean: "5", sd: "1", lo: "", hi: "" } }, 1, "x")).toEqual({
      kind: "normal",
      mean: 5,
      sd: 1,
    });
  });

  it("parseDraft(draft) reads comma-separated discrete values and weights", () => {
    expect(parseDraft({ kind: "discrete", fields: { values: "1, 2,3", weights: "1,1,2" } }, 1, "x")).toEqual({
      kind: "discrete",
      values: [1, 2, 3],
      weights: [1, 1, 2],
    });
  });

  it("parseDraft(draft) rejects a discrete list with an empty item", () => {
    const parsed = parseDraft({ kind: "discrete", fields: { values: "1,,3", weights: "1,1,1" } }, 1, "x");
    expect(isDraftProblems(parsed) && parsed.fields.values).toMatch(/numbers separated by commas/);
  });
});

describe("draftOfDistribution / defaultDraft", () => {
  it("draftOfDistribution(d, 100) shows fractions in percent", () => {
    // hand-computed: 0.183 × 100 = 18.3, 0.366 × 100 = 36.6, 0.549 × 100 = 54.9
    expect(
      draftOfDistribution({ kind: "triangular", min: 0.183, mode: 0.366, max: 0.549 }, 100).fields,
    ).toEqual({
      min: "18.3",
      mode: "36.6",
      max: "54.9",
    });
  });

  it("draftOfDistribution(lognormalMuSigma) shows median e^μ and P90 e^(μ+σ·z0.9)", () => {
    const draft = draftOfDistribution({ kind: "lognormalMuSigma", mu: 0, sigma: 1 }, 1);
    // hand-computed: e^0 = 1; e^(1.28155) = 3.60222
    expect(draft).toEqual({ kind: "lognormal", fields: { median: "1", p90: "3.60222" } });
  });

  it("defaultDraft(kind, base) centres a triangular on the base with ±20%", () => {
    // hand-computed: 50 × 0.8 = 40, 50 × 1.2 = 60
    expect(defaultDraft("triangular", 50).fields).toEqual({ min: "40", mode: "50", max: "60" });
  });

  it("defaultDraft(kind, base) gives every kind a draft that parses", () => {
    for (const kind of [
      "fixed",
      "uniform",
      "triangular",
      "pert",
      "normal",
      "lognormal",
      "discrete",
    ] as const) {
      const parsed = parseDraft(defaultDraft(kind, 0.35), 1, "x");
      expect(isDraftProblems(parsed), kind).toBe(false);
      expect(isModelError(parsed)).toBe(false);
    }
  });

  it("formatDraftNumber(x) drops float noise", () => {
    // hand-computed: 0.1 + 0.2 = 0.30000000000000004 → 6 significant digits → 0.3
    expect(formatDraftNumber(0.1 + 0.2)).toBe("0.3");
  });
});

describe("densityPreview", () => {
  it("densityPreview(uniform 0..4) is flat at 1/4", () => {
    const preview = densityPreview({ kind: "uniform", min: 0, max: 4 }, 10);
    expect(preview.kind).toBe("continuous");
    // hand-computed: density of U(0,4) = 1/(4−0) = 0.25
    for (const [, y] of preview.kind === "continuous" ? preview.points : []) expect(y).toBeCloseTo(0.25, 9);
  });

  it("densityPreview(triangular 0,1,2) peaks near the mode at height 2/(b−a) = 1", () => {
    const preview = densityPreview({ kind: "triangular", min: 0, mode: 1, max: 2 }, 40);
    const points = preview.kind === "continuous" ? preview.points : [];
    const peak = points.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(peak[0]).toBeCloseTo(1, 1);
    // hand-computed: triangular peak density 2/(2−0) = 1 (the Δp/Δx estimate is slightly below it)
    expect(peak[1]).toBeGreaterThan(0.9);
    expect(peak[1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it("densityPreview(discrete) returns the normalised weights as bars", () => {
    // hand-computed: weights 1,3 → 1/4, 3/4
    expect(densityPreview({ kind: "discrete", values: [5, 7], weights: [1, 3] })).toEqual({
      kind: "discrete",
      bars: [
        [5, 0.25],
        [7, 0.75],
      ],
    });
  });
});

import { describe, expect, it } from "vitest";
import { isModelError, type ModelError } from "../../src/model/errors";
import {
  dominantObservation,
  logLikelihood,
  observationTerm,
  periodYear,
  placeObservations,
  type PlacedObservation,
} from "../../src/analysis/evidence";

const years = { baseYear: 2025, horizon: 5 };
const ok = { series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 0.5 };
const problem = (entries: unknown[]): ModelError => {
  const r = placeObservations(entries, years);
  if (!isModelError(r)) throw new Error("expected an error");
  return r;
};

describe("placeObservations: invalid arguments name the entry", () => {
  it.each([
    ["sd 0", { ...ok, sd: 0 }, /^observation 2 \(nvidiaChina Q1 FY2027\): sd/],
    ["negative sd", { ...ok, sd: -1 }, /^observation 2 .*sd/],
    ["unknown series", { ...ok, series: "nvidiaGaming" }, /^observation 2: series must be one of/],
    [
      "a period after the horizon",
      { ...ok, period: "Q1 FY2032" },
      /^observation 2 .*between FY2026 and FY2031/,
    ],
    ["a period before the base year", { ...ok, period: "FY2025" }, /^observation 2 .*period must be between/],
    ["a malformed period", { ...ok, period: "Q5 FY2027" }, /^observation 2 \(nvidiaChina\): period must be/],
    ["a NaN value", { ...ok, value: NaN }, /^observation 2 .*value must be a finite number, got NaN/],
    ["a text value", { ...ok, value: "4.55" }, /^observation 2 .*value must be a finite number/],
    ["an infinite sd", { ...ok, sd: Infinity }, /^observation 2 .*sd/],
    ["an empty figureId", { ...ok, figureId: "" }, /^observation 2 .*figureId/],
  ])("placeObservations([ok, %s]) is invalidInput naming observation 2", (_, bad, message) => {
    const e = problem([ok, bad]);
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(message);
  });
  it("placeObservations(not a list, too many, or an inherited field) is invalidInput", () => {
    expect(isModelError(placeObservations({ observations: [] }, years))).toBe(true);
    expect(problem(Array(501).fill(ok)).code).toBe("invalidInput");
    const inherited = Object.create({ sd: 1 }) as Record<string, unknown>;
    Object.assign(inherited, { series: "market", period: "FY2026", value: 50 });
    expect(problem([inherited]).message).toMatch(/sd must be/);
  });
});

describe("placeObservations: reference behaviour", () => {
  it("periodYear: Qn FYyyyy is 1/4 of calendar yyyy − 1; FYyyyy all of it", () => {
    expect(periodYear("Q2 FY2027")).toEqual({ calendarYear: 2026, fraction: 0.25 });
    expect(periodYear("FY2026")).toEqual({ calendarYear: 2025, fraction: 1 });
    expect(periodYear("FY26")).toBeUndefined();
    expect(periodYear(" FY2026")).toBeUndefined();
  });
  it("placeObservations places FY2026 at t = 0 and Q4 FY2031 at t = H = 5 (base year 2025)", () => {
    const r = placeObservations(
      [
        { series: "market", period: "FY2026", value: 50, sd: 5, figureId: "mkt_nvda_china_tam_50b" },
        { series: "nvidiaOffshore", period: "Q4 FY2031", value: 1, sd: 1 },
      ],
      years,
    ) as PlacedObservation[];
    expect(r.map((o) => [o.t, o.fraction, o.label])).toEqual([
      [0, 1, "market FY2026"],
      [5, 0.25, "nvidiaOffshore Q4 FY2031"],
    ]);
    expect(r[0]!.figureId).toBe("mkt_nvda_china_tam_50b");
  });
});

describe("logLikelihood", () => {
  const placed = placeObservations(
    [
      { series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 0.5 },
      { series: "nvidiaDataCenter", period: "Q1 FY2027", value: 0, sd: 0.25 },
      { series: "market", period: "FY2026", value: 50, sd: 10 },
    ],
    years,
  ) as PlacedObservation[];
  const model: Record<string, number[]> = {
    nvidiaChina: [19.7, 20, 0, 0, 0, 0],
    nvidiaDataCenter: [5, 2, 0, 0, 0, 0],
    market: [45, 60, 0, 0, 0, 0],
  };
  const valueOf = (s: string, t: number): number => model[s]![t]!;
  it("logLikelihood = −½ Σ ((v − series_t·fraction)/sd)²", () => {
    // hand-computed: nvidiaChina m = 20/4 = 5 → z = −0.9; data center m = 2/4 = 0.5 → z = −2;
    // market m = 45 → z = 0.5; ℓ = −½ (0.81 + 4 + 0.25) = −2.53
    expect(logLikelihood(placed, valueOf)).toBeCloseTo(-2.53, 14);
    expect(observationTerm(placed[0]!, 20)).toBeCloseTo(-0.405, 14);
  });
  it("dominantObservation is the largest single term (the data-center quarter: ½·2² = 2)", () => {
    expect(dominantObservation(placed, valueOf)).toBe(1);
    expect(dominantObservation([], valueOf)).toBe(-1);
  });
  it("observationTerm of a non-finite model value or an overflowing z² is −∞, never NaN", () => {
    expect(observationTerm(placed[0]!, NaN)).toBe(-Infinity);
    expect(observationTerm({ value: 1e300, sd: 1e-300, fraction: 1 }, 0)).toBe(-Infinity);
  });
});

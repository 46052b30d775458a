import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { findFigure, valueInUsdBillion } from "../../src/figures/lookup";
import type { Figure } from "../../src/figures/schema";
import { DEFAULT_OBSERVATIONS, defaultEvidence } from "../../src/analysis/defaultEvidence";
import { placeObservations } from "../../src/analysis/evidence";

const figure = (id: string): Figure => {
  const f = findFigure(id);
  if (isModelError(f)) throw new Error(f.message);
  return f;
};

describe("DEFAULT_OBSERVATIONS (the presets' cited evidence)", () => {
  it("every observation cites a figure of the dataset and states why its sd is what it is", () => {
    for (const o of DEFAULT_OBSERVATIONS) {
      expect(isModelError(findFigure(o.figureId)), o.figureId).toBe(false);
      expect(o.rationale).toMatch(/sd/);
    }
  });
  it("each value matches its figure: USD amounts in USD bn; the '<1% of Data Center revenue' bound read as uniform on 0..bound", () => {
    for (const o of DEFAULT_OBSERVATIONS) {
      const f = figure(o.figureId);
      if (f.unit === "percent_upper_bound") {
        // 10-Q: Hopper shipments to China < 1% of Q2 FY2027 Data Center revenue ($89,023M) → bound $0.89B;
        // uniform on 0..bound: mean bound/2, sd bound/√12
        const bound = (f.value / 100) * (valueInUsdBillion(figure("nvda_dc_rev_q2fy27")) as number);
        expect(o.value).toBeCloseTo(bound / 2, 2);
        expect(o.sd).toBeGreaterThanOrEqual(bound / Math.sqrt(12));
      } else expect(o.value).toBeCloseTo(valueInUsdBillion(f) as number, 9);
    }
  });
  it("the set holds the reported NVIDIA China quarters Q1/Q2 FY2027 and data-center sales into China in both", () => {
    const keys = DEFAULT_OBSERVATIONS.map((o) => `${o.series} ${o.period}`);
    for (const k of [
      "nvidiaChina Q1 FY2027",
      "nvidiaChina Q2 FY2027",
      "nvidiaDataCenter Q1 FY2027",
      "nvidiaDataCenter Q2 FY2027",
    ])
      expect(keys).toContain(k);
  });
  it("defaultEvidence() is valid for every preset and has the §5.1 shape (no rationale field)", () => {
    for (const p of PRESETS)
      expect(isModelError(placeObservations(defaultEvidence().observations, p.scenario))).toBe(false);
    for (const o of defaultEvidence().observations)
      expect(Object.keys(o)).toEqual(["series", "period", "value", "sd", "figureId"]);
  });
});

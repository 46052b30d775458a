import { describe, expect, it } from "vitest";
import { reportedQuarterMarkers } from "../../../src/taskpane/scenario/reportedMarkers";

describe("reportedQuarterMarkers(reported, baseYear, horizon)", () => {
  it("reportedQuarterMarkers(reported, 2025, 5) places each quarter in its calendar year at 4× its value", () => {
    const markers = reportedQuarterMarkers(
      [
        { period: "Q2 FY2027", value: 7.88 },
        { period: "Q1 FY2027", value: 4.55 },
        { period: "Q4 FY2026", value: 2.5 },
      ],
      2025,
      5,
    );
    // hand-computed: FY2027 ≈ calendar 2026 → t = 1; FY2026 → t = 0; offset (q − 2.5)/4; value × 4
    expect(markers.map((m) => [m.xIndex, m.offset, m.value])).toEqual([
      [0, 0.375, 10],
      [1, -0.375, 18.2],
      [1, -0.125, 31.52],
    ]);
    expect(markers[2]!.label).toBe("Q2 FY2027 reported $7.88bn (× 4 = $31.5bn a year)");
  });

  it("reportedQuarterMarkers(reported, baseYear, horizon) skips periods outside the years and malformed ones", () => {
    const markers = reportedQuarterMarkers(
      [
        { period: "Q1 FY2025", value: 1 },
        { period: "Q1 FY2032", value: 1 },
        { period: "Q5 FY2027", value: 1 },
        { period: "Q1 FY2031", value: 2 },
      ],
      2025,
      5,
    );
    // hand-computed: FY2031 ≈ calendar 2030 = t 5 (the last year); FY2025 (2024) and FY2032 (2031) are outside
    expect(markers.map((m) => m.xIndex)).toEqual([5]);
    expect(reportedQuarterMarkers(undefined, 2025, 5)).toEqual([]);
  });
});

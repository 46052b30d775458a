import { describe, expect, it } from "vitest";
import { bassAdoption, fitLogisticSpeed, logisticShare } from "../../src/model/curves";
import { isModelError, type ModelError } from "../../src/model/errors";

function codeOf(value: number | ModelError): string | undefined {
  return isModelError(value) ? value.code : undefined;
}

describe("logisticShare(t, s0, cap, k)", () => {
  it("logisticShare rejects s0, cap outside (0, 1], negative k, non-finite t", () => {
    expect(codeOf(logisticShare(0, 0, 0.9, 0.5))).toBe("invalidInput");
    expect(codeOf(logisticShare(0, 0.4, 1.2, 0.5))).toBe("invalidInput");
    expect(codeOf(logisticShare(0, 0.4, 0.9, -1))).toBe("invalidInput");
    expect(codeOf(logisticShare(Number.NaN, 0.4, 0.9, 1))).toBe("invalidInput");
  });

  it("logisticShare(1, 0.2, 0.6, ln 2) is 0.3", () => {
    // hand-computed: 0.6 / (1 + (0.6/0.2 − 1) · 0.5) = 0.6 / 2 = 0.3
    expect(logisticShare(1, 0.2, 0.6, Math.LN2)).toBeCloseTo(0.3, 12);
  });

  it("logisticShare(0, 0.41, 0.9, 0.6) passes s0", () => {
    expect(logisticShare(0, 0.41, 0.9, 0.6)).toBeCloseTo(0.41, 12);
  });

  it("logisticShare with k = 0 stays at s0", () => {
    expect(logisticShare(7, 0.41, 0.9, 0)).toBeCloseTo(0.41, 12);
  });
});

describe("fitLogisticSpeed(t1, s1, t2, s2, cap)", () => {
  it("fitLogisticSpeed(0, 0.45, 1, 0.6, 0.9) is ln 2", () => {
    // hand-computed: ln((0.9/0.45 − 1)/(0.9/0.6 − 1)) / 1 = ln(1/0.5) = ln 2
    expect(fitLogisticSpeed(0, 0.45, 1, 0.6, 0.9)).toBeCloseTo(Math.LN2, 12);
  });

  it("fitLogisticSpeed inverts logisticShare", () => {
    const k = 0.37;
    const s1 = logisticShare(1, 0.3, 0.8, k) as number;
    const s2 = logisticShare(4, 0.3, 0.8, k) as number;
    expect(fitLogisticSpeed(1, s1, 4, s2, 0.8)).toBeCloseTo(k, 10);
  });

  it("fitLogisticSpeed errors when t1 = t2 or a share is outside (0, S)", () => {
    expect(codeOf(fitLogisticSpeed(1, 0.3, 1, 0.5, 0.9))).toBe("invalidInput");
    expect(codeOf(fitLogisticSpeed(0, 0.3, 1, 0.9, 0.9))).toBe("invalidInput");
    expect(codeOf(fitLogisticSpeed(0, 0, 1, 0.5, 0.9))).toBe("invalidInput");
    expect(codeOf(fitLogisticSpeed(0, 0.3, 1, 0.5, 1.5))).toBe("invalidInput");
  });
});

describe("bassAdoption(t, p, q)", () => {
  it("bassAdoption rejects t < 0, p ≤ 0, q < 0", () => {
    expect(codeOf(bassAdoption(-1, 0.03, 0.38))).toBe("invalidInput");
    expect(codeOf(bassAdoption(1, 0, 0.38))).toBe("invalidInput");
    expect(codeOf(bassAdoption(1, 0.03, -0.1))).toBe("invalidInput");
  });

  it("bassAdoption(t, p, 0) is the exponential 1 − e^(−p·t)", () => {
    // hand-computed: q = 0 → F = 1 − e^(−0.1·5) = 1 − e^(−0.5) = 0.3934693402873666
    expect(bassAdoption(5, 0.1, 0)).toBeCloseTo(0.3934693402873666, 12);
  });

  it("bassAdoption(ln 2 / 0.5, 0.25, 0.25) is 1/3", () => {
    // hand-computed: p + q = 0.5, e^(−0.5·t) = 0.5 → (1 − 0.5)/(1 + 1·0.5) = 1/3
    expect(bassAdoption(Math.LN2 / 0.5, 0.25, 0.25)).toBeCloseTo(1 / 3, 12);
  });

  it("bassAdoption(0, p, q) is 0 and tends to 1", () => {
    expect(bassAdoption(0, 0.03, 0.38)).toBe(0);
    expect(bassAdoption(200, 0.03, 0.38)).toBeCloseTo(1, 12);
  });
});

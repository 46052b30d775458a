import { describe, expect, it } from "vitest";
import { baseYearCheck, calibrateBaseAccess } from "../../src/model/calibration";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import { deepFreeze, smallScenario } from "./fixtures";

describe("calibrateBaseAccess(scenario, documentedUsdBn)", () => {
  it("calibrateBaseAccess rejects a negative documented value", () => {
    const result = calibrateBaseAccess(smallScenario(), -1);
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });

  it("calibrateBaseAccess(small, 32) is 0.5", () => {
    // hand-computed: F_0 = 100 − min(20, 30) = 80; a = 32 / (0.8 × 80) = 0.5
    expect(calibrateBaseAccess(deepFreeze(smallScenario()), 32)).toBeCloseTo(0.5, 12);
  });

  it("calibrateBaseAccess(licensed, 4.743) is the restricted regime's 0.15", () => {
    // hand-computed: 4.743 / (0.93 × 34) = 0.15
    expect(calibrateBaseAccess(PRESETS[0]!.scenario, 4.743)).toBeCloseTo(0.15, 12);
  });

  it("calibrateBaseAccess errors when the access would exceed 1, or φ·F_0 = 0", () => {
    const big = calibrateBaseAccess(smallScenario(), 65);
    expect(isModelError(big) && big.code).toBe("invalidInput");
    const zero = calibrateBaseAccess({ ...smallScenario(), nvidiaForeignShare: 0 }, 1);
    expect(isModelError(zero) && zero.code).toBe("divisionByZero");
    const invalid = calibrateBaseAccess({ ...smallScenario(), horizon: -1 }, 1);
    expect(isModelError(invalid) && invalid.code).toBe("invalidInput");
  });
});

describe("baseYearCheck(projection, documented, basis, figureId)", () => {
  it("baseYearCheck reports the gap and its percentage", () => {
    const p = projectScenario(smallScenario());
    if (isModelError(p)) throw new Error(p.message);
    // hand-computed: T_0 = 74; gap = 74 − 80 = −6; −6 / 80 = −0.075
    expect(baseYearCheck(p, 80, "billing", "some_figure")).toEqual({
      modelT0: 74,
      documented: 80,
      gap: -6,
      gapPct: -0.075,
      basis: "billing",
      figureId: "some_figure",
    });
  });

  it("baseYearCheck rejects a non-positive documented value", () => {
    const p = projectScenario(smallScenario());
    if (isModelError(p)) throw new Error(p.message);
    const result = baseYearCheck(p, 0, "customerHq", "x");
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });
});

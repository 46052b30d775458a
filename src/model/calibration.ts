/**
 * Calibration helpers of DESIGN.md §4.3: the base regime's access that reproduces a documented NVIDIA
 * China data-center revenue, and the base-year check row (model T_0 against the documented fiscal-year figure).
 */
import { isModelError, modelError, type ModelError } from "./errors";
import type { Projection, Scenario } from "./types";
import { validateScenario } from "./validate";

/** NVIDIA's geography basis for China revenue: billing location (through Q2 FY2026) or customer HQ (after). */
export type RevenueBasis = "billing" | "customerHq";

/** The base-year check row. Money in USD bn. */
export interface BaseYearCheck {
  readonly modelT0: number;
  readonly documented: number;
  /** modelT0 − documented, USD bn. */
  readonly gap: number;
  /** gap / documented, fraction. */
  readonly gapPct: number;
  readonly basis: RevenueBasis;
  readonly figureId: string;
}

/**
 * The access a of the base year's regime such that N_0 equals the documented NVIDIA China data-center revenue:
 * `a = N_doc / (φ · F_0)` with F_0 = M_0 − min(s0 · M_0, C_0).
 *
 * @param scenario a scenario (validated here)
 * @param documentedNvidiaDataCenterUsdBn documented N_0, USD bn, ≥ 0
 * @returns access, fraction 0..1; invalidInput when outside 0..1, divisionByZero when φ · F_0 = 0
 * @example calibrateBaseAccess(licensedPreset, 4.743) // → 0.15 (4.743 / (0.93 × 34))
 */
export function calibrateBaseAccess(
  scenario: Scenario,
  documentedNvidiaDataCenterUsdBn: number,
): number | ModelError {
  const s = validateScenario(scenario);
  if (isModelError(s)) return s;
  const documented = documentedNvidiaDataCenterUsdBn;
  if (!(Number.isFinite(documented) && documented >= 0)) {
    return modelError(
      "invalidInput",
      `documentedNvidiaDataCenterUsdBn must be at least 0, got ${documented}`,
    );
  }
  const foreign0 = s.marketBase - Math.min(s.domesticShareBase * s.marketBase, s.domesticSupplyBase);
  const denominator = s.nvidiaForeignShare * foreign0;
  if (denominator <= 0)
    return modelError("divisionByZero", "calibrateBaseAccess needs φ · F_0 greater than 0");
  const access = documented / denominator;
  return access <= 1
    ? access
    : modelError("invalidInput", `calibrated access must be between 0 and 1, got ${access}`);
}

/**
 * Base-year check: model T_0 against the documented NVIDIA China revenue for the base fiscal year.
 *
 * @param projection a projection
 * @param documentedUsdBn documented China revenue for FY(baseYear + 1), USD bn (> 0)
 * @param basis the documented figure's geography basis (never splice bases silently)
 * @param figureId the dataset figure id of the documented value
 * @returns the check row, or invalidInput for a non-positive documented value
 * @example baseYearCheck(p, 19.677, "customerHq", "nvda_china_rev_fy2026_hq").gap // → p T_0 − 19.677
 */
export function baseYearCheck(
  projection: Projection,
  documentedUsdBn: number,
  basis: RevenueBasis,
  figureId: string,
): BaseYearCheck | ModelError {
  if (!(Number.isFinite(documentedUsdBn) && documentedUsdBn > 0)) {
    return modelError("invalidInput", `documentedUsdBn must be greater than 0, got ${documentedUsdBn}`);
  }
  const modelT0 = projection.series.nvidiaChina[0];
  if (modelT0 === undefined) throw new Error("baseYearCheck: projection has no t = 0");
  const gap = modelT0 - documentedUsdBn;
  return { modelT0, documented: documentedUsdBn, gap, gapPct: gap / documentedUsdBn, basis, figureId };
}

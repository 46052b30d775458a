import { existsSync, readFileSync } from "node:fs";
import type { Scenario } from "../../src/model/types";

/** Deep Object.freeze, so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * The small hand-computed scenario: H = 2, two regimes, one vendor. k = ln 2 so e^(−k·t) = 0.5^t.
 */
export function smallScenario(): Scenario {
  return {
    baseYear: 2030,
    horizon: 2,
    marketBase: 100,
    marketGrowth: 0.2,
    marketGrowthFade: 0.5,
    domesticShareBase: 0.2,
    domesticShareCap: 0.6,
    adoptionSpeed: Math.LN2,
    domesticSupplyBase: 30,
    domesticSupplyGrowth: 0.5,
    nvidiaForeignShare: 0.8,
    substitutionRate: 0.25,
    otherBase: 10,
    otherGrowth: 0.1,
    discountRate: 0.1,
    regimes: { open: { access: 1, remittance: 0 }, lic: { access: 0.5, remittance: 0.2 } },
    regimePath: ["open", "lic", "lic"],
    vendors: { x: { weight: 1, aspUsdK: 10, bf16Tflops: 312 } },
    retirementRate: 0.5,
  };
}

interface DatasetFigure {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
}

/** The cited figures: the repo's copy (src/figures/data/dataset.json) or the shared research file. */
export function datasetFigures(): Map<string, DatasetFigure> {
  const candidates = ["src/figures/data/dataset.json", "/work/shared/data/figures.json"];
  const path = candidates.find((p) => existsSync(p));
  if (path === undefined) throw new Error("no figures dataset found");
  const parsed = JSON.parse(readFileSync(path, "utf8")) as DatasetFigure[] | { figures: DatasetFigure[] };
  const list = Array.isArray(parsed) ? parsed : parsed.figures;
  return new Map(list.map((f) => [f.id, f]));
}

import { readFileSync } from "node:fs";
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

/** The cited figures as the repository's research file states them (data/research/figures.json + refresh). */
export function datasetFigures(): Map<string, DatasetFigure> {
  const read = (name: string) =>
    JSON.parse(
      readFileSync(new URL(`../../data/research/${name}`, import.meta.url), "utf8"),
    ) as DatasetFigure[];
  const list = [...read("figures.json"), ...read("figures-refresh-2026-12.json")];
  return new Map(list.map((f) => [f.id, f]));
}

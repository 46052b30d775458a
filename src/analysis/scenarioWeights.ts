/**
 * Which story do the reported figures support? The posterior weight of each scenario of a set given an
 * evidence set (DESIGN.md §5.1): ℓ_s from the scenario's own projection (for nvidiaChina the model's T_t,
 * never the outlook T*_t), w_s = p_s·e^(ℓ_s − max ℓ) / Σ_s' p_s'·e^(ℓ_s' − max ℓ), priors equal by default.
 */
import { isModelError, modelError, type ModelError } from "../model/errors";
import { projectScenario } from "../model/project";
import type { Scenario } from "../model/types";
import { dominantObservation, logLikelihood, placeObservations, type EvidenceSeriesId } from "./evidence";
import { normalizedWeights } from "./weightedStats";

export interface ScenarioEntry {
  readonly id: string;
  readonly name: string;
  readonly scenario: Scenario;
}

export interface ScenarioWeight {
  readonly id: string;
  readonly name: string;
  /** ℓ_s = −½ Σ_j z_j² of the scenario's projection. */
  readonly logLikelihood: number;
  /** p_s, normalized to sum to 1. */
  readonly prior: number;
  readonly posterior: number;
  /** The observation with the largest single term of ℓ_s ("series period"). */
  readonly dominantObservation: string;
}

/** Hard limit on the scenarios weighed at once. */
export const MAX_WEIGHED_SCENARIOS = 50;

/**
 * Log-likelihood, prior and posterior weight of each scenario given the observations.
 *
 * @param entries the scenarios (presets and the user's), 1..50
 * @param observations untrusted observations (validated against each scenario's years; errors name the entry)
 * @param priors optional non-negative prior weights, one per scenario (any positive scale); default equal
 * @returns one row per scenario in input order, or invalidInput / numeric (no scenario can explain the evidence)
 * @example scenarioWeights(PRESETS, defaultEvidence().observations)[0].posterior // between 0 and 1
 */
export function scenarioWeights(
  entries: readonly ScenarioEntry[],
  observations: unknown,
  priors?: readonly number[],
): ScenarioWeight[] | ModelError {
  if (entries.length === 0 || entries.length > MAX_WEIGHED_SCENARIOS) {
    return modelError(
      "invalidInput",
      `scenarios must be between 1 and ${MAX_WEIGHED_SCENARIOS}, got ${entries.length}`,
    );
  }
  const rows: Omit<ScenarioWeight, "prior" | "posterior">[] = [];
  for (const entry of entries) {
    const projection = projectScenario(entry.scenario);
    if (isModelError(projection)) return modelError(projection.code, `${entry.id}: ${projection.message}`);
    const placed = placeObservations(observations, entry.scenario);
    if (isModelError(placed))
      return entries.length > 1 ? modelError(placed.code, `${entry.id}: ${placed.message}`) : placed;
    const series = projection.series as Readonly<Record<string, readonly number[] | undefined>>;
    const valueOf = (id: EvidenceSeriesId, t: number): number =>
      Object.hasOwn(series, id) ? (series[id]?.[t] ?? NaN) : NaN;
    rows.push({
      id: entry.id,
      name: entry.name,
      logLikelihood: logLikelihood(placed, valueOf),
      dominantObservation: placed[dominantObservation(placed, valueOf)]?.label ?? "none",
    });
  }
  const p = priors ?? entries.map(() => 1);
  const weights = normalizedWeights(
    rows.map((r) => r.logLikelihood),
    p,
  );
  if (isModelError(weights)) {
    return weights.code === "numeric"
      ? modelError("numeric", "no scenario can explain the evidence: every log-likelihood is −∞")
      : weights;
  }
  const total = p.reduce((a, b) => a + b, 0);
  return rows.map((r, s) => ({ ...r, prior: (p[s] as number) / total, posterior: weights[s] as number }));
}

/**
 * Posterior statistics of a simulation given an evidence set (DESIGN.md §5.1), beside the prior ones (never
 * instead): importance weights w_i from the per-trial log-likelihoods, ESS, weighted mean / sd / quantiles
 * per tracked series and year, weighted threshold probabilities and the regime posterior per year. ESS < 50 is
 * a warning that names the observation that dominates.
 */
import { isModelError } from "../model/errors";
import type { SeriesId } from "../model/types";
import { observationShape, type Observation, type PlacedObservation } from "./evidence";
import type { PreparedSimulation } from "./simulate";
import { outputLabel, type OutputRef, type Threshold } from "./simulationSpec";
import {
  effectiveSampleSize,
  normalizedWeights,
  regimePosterior,
  weightedMeanSd,
  weightedProbability,
  weightedQuantiles,
} from "./weightedStats";

/** Below this effective sample size the posterior rests on too few trials: a warning, not an error. */
export const LOW_ESS = 50;

/** The §5.1 statistics of one series in one year under the posterior weights. */
export interface WeightedStats {
  readonly mean: number;
  /** sqrt(Σ w (x − μ)² / (1 − Σ w²)); NaN when one trial holds all the weight. */
  readonly sd: number;
  readonly p5: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
}

export interface PosteriorResult {
  /** Effective sample size 1 / Σ w_i². */
  readonly ess: number;
  /** Per tracked series, one entry per year t = 0..H. */
  readonly series: Readonly<Partial<Record<SeriesId, readonly WeightedStats[]>>>;
  /** Posterior probability of each regime per year t = 0..H. */
  readonly regimes: readonly Readonly<Record<string, number>>[];
  readonly thresholds: readonly (Threshold & { readonly label: string; readonly probability: number })[];
  /** The observations used, in the §5.1 shape. */
  readonly observations: readonly Observation[];
  /**
   * The observation that is the largest single term of ℓ in the most trials (what the weights mostly
   * respond to), by label "series period".
   */
  readonly dominantObservation: string;
  /** Set when ESS < 50, or when no trial can explain the evidence (then every statistic is NaN). */
  readonly warning?: string;
}

const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/** The per-trial columns the posterior reads, in trial order over every trial range (summarize.ts's reader). */
export interface PosteriorColumns {
  readonly count: number;
  readonly years: number;
  has(id: SeriesId): boolean;
  /** A column valid until the next call. */
  series(id: SeriesId, t: number): ArrayLike<number>;
  output(o: OutputRef): ArrayLike<number>;
  logLikelihood(): Float64Array;
  dominant(): Uint16Array;
  /** Regime state index per trial in year t (only with a regime chain). */
  regimes(t: number): Uint8Array;
}

/**
 * The posterior of a finished run with evidence (`prepared.evidence` set), as a generator that yields after
 * each column (like `summarizeSteps`, so a worker can answer `cancel`).
 *
 * @example const posterior = yield* posteriorSteps(prepared, reader) // .ess, .series, .regimes
 */
export function* posteriorSteps(
  prepared: PreparedSimulation,
  columns: PosteriorColumns,
): Generator<void, PosteriorResult, void> {
  const observations = prepared.evidence ?? [];
  const dominantObservation = mostFrequentDominant(observations, columns.dominant());
  const shape = observationShape(observations);
  const weights = normalizedWeights(columns.logLikelihood());
  if (isModelError(weights)) {
    return {
      ess: 0,
      series: {},
      regimes: [],
      thresholds: [],
      observations: shape,
      dominantObservation,
      warning: `${weights.message} (the worst fit is ${dominantObservation})`,
    };
  }
  const ess = effectiveSampleSize(weights);
  const series: Partial<Record<SeriesId, WeightedStats[]>> = {};
  for (const id of prepared.tracked) {
    if (!columns.has(id)) continue;
    const perYear: WeightedStats[] = [];
    for (let t = 0; t < columns.years; t++) {
      perYear.push(weightedStatsOf(columns.series(id, t), weights));
      yield;
    }
    series[id] = perYear;
  }
  const thresholds = (prepared.spec.thresholds ?? []).map((th) => ({
    ...th,
    label: `P(${outputLabel(th.output)} ${th.op} ${th.value} | evidence)`,
    probability: weightedProbability(columns.output(th.output), weights, th.op, th.value),
  }));
  return {
    ess,
    series,
    regimes: regimesOf(prepared, columns, weights),
    thresholds,
    observations: shape,
    dominantObservation,
    ...(ess < LOW_ESS
      ? {
          warning: `effective sample size ${ess.toFixed(1)} is below ${LOW_ESS}: the posterior rests on a few trials; ${dominantObservation} dominates the likelihood (widen its sd or run more trials)`,
        }
      : {}),
  };
}

function weightedStatsOf(x: ArrayLike<number>, w: Float64Array): WeightedStats {
  const { mean, sd } = weightedMeanSd(x, w);
  const q = weightedQuantiles(x, w, QUANTILES);
  const at = (k: number): number => (isModelError(q) ? NaN : (q[k] as number));
  return { mean, sd, p5: at(0), p10: at(1), p25: at(2), p50: at(3), p75: at(4), p90: at(5), p95: at(6) };
}

function regimesOf(
  prepared: PreparedSimulation,
  columns: PosteriorColumns,
  weights: Float64Array,
): Record<string, number>[] {
  const { scenario, chain } = prepared;
  const names = Object.keys(scenario.regimes);
  if (chain === null) {
    // A fixed path: every trial has the scenario's regime, probability 1.
    return scenario.regimePath.map((r) => Object.fromEntries(names.map((n) => [n, n === r ? 1 : 0])));
  }
  return Array.from({ length: columns.years }, (_, t) => {
    const [year] = regimePosterior(columns.regimes(t), weights, chain.states, 1);
    return year ?? {};
  });
}

function mostFrequentDominant(observations: readonly PlacedObservation[], dominant: Uint16Array): string {
  const counts = new Uint32Array(observations.length);
  for (let i = 0; i < dominant.length; i++) {
    const j = dominant[i] as number;
    counts[j] = (counts[j] as number) + 1;
  }
  let best = 0;
  for (let j = 1; j < counts.length; j++) if ((counts[j] as number) > (counts[best] as number)) best = j;
  return observations[best]?.label ?? "none";
}

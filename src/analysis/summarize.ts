/**
 * Statistics of a finished simulation from its per-trial arrays, in trial order: per series and year and per
 * summary metric — mean, sd (STDEV.S), min, max, P5…P95 (R-7 = PERCENTILE.INC, by selection), standard error;
 * threshold probabilities; histograms; the inputs' Spearman rank correlations with a chosen output.
 */
import { isModelError } from "../model/errors";
import type { ProjectionYears, ScalarInputId, SeriesId } from "../model/types";
import { fiscalYearLabel } from "../model/project";
import { columnStats, StatsWorkspace } from "./columnStats";
import { summarizePosterior, type PosteriorResult } from "./posterior";
import { averageRanks, pearson } from "./rankCorrelation";
import { regimeChainText } from "./regimeChain";
import type { SamplingMethod } from "./sampling";
import type { PreparedSimulation, SimulationRaw } from "./simulate";
import { METRIC_IDS, outputLabel, type MetricId, type OutputRef, type Threshold } from "./simulationSpec";

/** The reported percentiles, in order. */
export const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface SampleStats {
  /** Number of finite values the statistics use (trials where a metric is undefined are left out). */
  readonly count: number;
  readonly mean: number;
  /** STDEV.S (n − 1). */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly p5: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  /** sd / √count. */
  readonly standardError: number;
}

export interface Histogram {
  readonly label: string;
  /** bins + 1 edges; bin k is [edges[k], edges[k+1]), the last bin closed. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface SimulationResult {
  readonly trials: number;
  readonly seed: number;
  readonly sampling: SamplingMethod;
  readonly generator: "Philox4x32-10";
  readonly years: ProjectionYears;
  readonly stochasticInputs: readonly ScalarInputId[];
  readonly regimeChain: boolean;
  /** What drew the regime paths, in words (`regimeChainText`). */
  readonly regimeUncertainty: string;
  readonly correlated: boolean;
  /** Per tracked series, one entry per year t = 0..H. */
  readonly series: Readonly<Partial<Record<SeriesId, readonly SampleStats[]>>>;
  readonly metrics: Readonly<Record<MetricId, SampleStats>>;
  /** Share of trials whose domestic share reaches 50% within the horizon. */
  readonly crossoverProbability: number;
  readonly thresholds: readonly (Threshold & { readonly label: string; readonly probability: number })[];
  readonly histograms: readonly Histogram[];
  /** Spearman ρ of each stochastic input with `rankCorrelationOutput`, sorted by |ρ| descending. */
  readonly rankCorrelations: {
    readonly output: string;
    readonly values: readonly { readonly input: ScalarInputId; readonly rho: number }[];
  };
  /** Importance-weighted statistics given the spec's evidence (§5.1), beside the prior ones above. */
  readonly posterior?: PosteriorResult;
}

/**
 * Summarizes merged per-trial arrays (any chunking gives the same arrays, hence the same result). Each column
 * costs three linear passes over reused buffers (`columnStats`); rank correlations are computed only when the
 * spec names `rankCorrelationOutput`.
 */
export function summarizeRaw(prepared: PreparedSimulation, raw: SimulationRaw): SimulationResult {
  const { scenario, spec } = prepared;
  const years = raw.years;
  const calendar = Array.from({ length: years }, (_, t) => scenario.baseYear + t);
  const ws = new StatsWorkspace(raw.count);
  const series: Partial<Record<SeriesId, SampleStats[]>> = {};
  for (const id of prepared.tracked) {
    const arr = raw.series[id];
    if (!arr) continue;
    series[id] = calendar.map((_, t) => statsOf(arr.subarray(t * raw.count, (t + 1) * raw.count), ws));
  }
  const metrics = {} as Record<MetricId, SampleStats>;
  for (const m of METRIC_IDS)
    metrics[m] = prepared.keptMetrics.includes(m) ? statsOf(raw.metrics[m], ws) : EMPTY_STATS;
  const column = (o: OutputRef): ArrayLike<number> => outputColumn(prepared, raw, o);
  const statsFor = (o: OutputRef): SampleStats =>
    "metric" in o ? metrics[o.metric] : (series[o.series]?.[o.year - scenario.baseYear] ?? EMPTY_STATS);
  const thresholds = (spec.thresholds ?? []).map((th) => {
    const values = column(th.output);
    let hits = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (th.op === "<" ? v < th.value : v > th.value) hits++;
    }
    return {
      ...th,
      label: `P(${outputLabel(th.output)} ${th.op} ${th.value})`,
      probability: hits / values.length,
    };
  });
  const bins = spec.histogram?.bins ?? 30;
  const all = spec.keep !== "listed";
  const extra: OutputRef = spec.histogram?.output ?? {
    series: "nvidiaChina",
    year: scenario.baseYear + scenario.horizon,
  };
  const histograms: Histogram[] = [];
  if (all) {
    histograms.push(
      histogramInRange(
        "cumulativeNvidiaChina",
        raw.metrics.cumulativeNvidiaChina,
        bins,
        metrics.cumulativeNvidiaChina,
      ),
    );
  }
  if (all || spec.histogram)
    histograms.push(histogramInRange(outputLabel(extra), column(extra), bins, statsFor(extra)));
  const rcOutput = spec.rankCorrelationOutput;
  let values: { input: ScalarInputId; rho: number }[] = [];
  if (rcOutput !== undefined && raw.count >= 2) {
    // Rank the target once, not once per input.
    const targetRanks = averageRanks(column(rcOutput));
    values = prepared.stochastic
      .map((input, j) => {
        const rho = pearson(averageRanks(raw.inputs[j] as Float64Array), targetRanks);
        return { input, rho: isModelError(rho) ? 0 : rho };
      })
      .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
  }
  return {
    trials: prepared.trials,
    seed: prepared.seed,
    sampling: prepared.sampling,
    generator: "Philox4x32-10",
    years: { calendar, fiscal: calendar.map(fiscalYearLabel) },
    stochasticInputs: prepared.stochastic,
    regimeChain: prepared.chain !== null,
    regimeUncertainty: regimeChainText(spec.regimeChain),
    correlated: spec.correlation !== undefined,
    series,
    metrics,
    crossoverProbability: prepared.keptMetrics.includes("crossoverYear")
      ? metrics.crossoverYear.count / raw.count
      : NaN,
    thresholds,
    histograms,
    rankCorrelations: { output: rcOutput === undefined ? "" : outputLabel(rcOutput), values },
    ...(prepared.evidence === null ? {} : { posterior: summarizePosterior(prepared, raw, column) }),
  };
}

/**
 * Statistics of the finite values of a sample (mean, STDEV.S, min, max, R-7 percentiles, standard error). The
 * sample is not reordered. `scratch` is accepted for compatibility; buffers come from `workspace`.
 *
 * @example sampleStats(Float64Array.of(1, 3, 2, 4)).p50 // 2.5
 */
export function sampleStats(
  values: ArrayLike<number>,
  _scratch?: Float64Array,
  workspace: StatsWorkspace = new StatsWorkspace(values.length),
): SampleStats {
  return statsOf(values, workspace);
}

/** Equal-width histogram of the finite values over [min, max]. */
export function histogram(label: string, values: ArrayLike<number>, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return binned(label, values, bins, min, max);
}

/** The per-trial column of an output ref (a view, no copy). */
export function outputColumn(
  prepared: PreparedSimulation,
  raw: SimulationRaw,
  o: OutputRef,
): ArrayLike<number> {
  if ("metric" in o) return raw.metrics[o.metric];
  const t = o.year - prepared.scenario.baseYear;
  const arr = raw.series[o.series];
  if (!arr) throw new Error(`outputColumn: series ${o.series} was not tracked`);
  return arr.subarray(t * raw.count, (t + 1) * raw.count);
}

const EMPTY_STATS: SampleStats = {
  count: 0,
  mean: NaN,
  sd: NaN,
  min: NaN,
  max: NaN,
  p5: NaN,
  p10: NaN,
  p25: NaN,
  p50: NaN,
  p75: NaN,
  p90: NaN,
  p95: NaN,
  standardError: NaN,
};

function statsOf(values: ArrayLike<number>, ws: StatsWorkspace): SampleStats {
  const c = columnStats(values, ws, PERCENTILES);
  const q = c.percentiles;
  return {
    count: c.count,
    mean: c.mean,
    sd: c.sd,
    min: c.min,
    max: c.max,
    p5: q[0] as number,
    p10: q[1] as number,
    p25: q[2] as number,
    p50: q[3] as number,
    p75: q[4] as number,
    p90: q[5] as number,
    p95: q[6] as number,
    standardError: c.standardError,
  };
}

/** A histogram whose range is already known from the column's statistics: one pass. */
function histogramInRange(
  label: string,
  values: ArrayLike<number>,
  bins: number,
  stats: SampleStats,
): Histogram {
  return stats.count === 0
    ? { label, edges: [], counts: [] }
    : binned(label, values, bins, stats.min, stats.max);
}

function binned(label: string, values: ArrayLike<number>, bins: number, min: number, max: number): Histogram {
  if (!(min <= max)) return { label, edges: [], counts: [] };
  const k = max > min ? bins : 1;
  const width = max > min ? (max - min) / k : 1;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(k - 1, Math.floor((v - min) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  const edges = Array.from({ length: k + 1 }, (_, j) =>
    j === k ? (max > min ? max : min + 1) : min + j * width,
  );
  return { label, edges, counts };
}

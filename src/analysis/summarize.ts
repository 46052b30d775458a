/**
 * Statistics of a finished simulation from its ranges' accumulated columns (streamingStats.ts), in trial
 * order: per series and year and per summary metric — mean, sd (STDEV.S), min, max, P5…P95 (R-7 =
 * PERCENTILE.INC, exact order statistics), standard error; and, from the whole columns kept for them,
 * threshold probabilities, histograms and the inputs' Spearman rank correlations with a chosen output.
 */
import { isModelError } from "../model/errors";
import type { ProjectionYears, ScalarInputId, SeriesId } from "../model/types";
import { fiscalYearLabel } from "../model/project";
import { columnStats, StatsWorkspace } from "./columnStats";
import { posteriorSteps, type PosteriorColumns, type PosteriorResult } from "./posterior";
import { averageRanks, pearson } from "./rankCorrelation";
import { regimeChainText } from "./regimeChain";
import type { SamplingMethod } from "./sampling";
import type { PreparedSimulation, SimulationPart, SimulationRaw } from "./simulate";
import { EMPTY_STATS, finalizeColumn, PERCENTILES, type ColumnPart } from "./streamingStats";
import { METRIC_IDS, outputLabel, type MetricId, type OutputRef, type Threshold } from "./simulationSpec";

export { PERCENTILES } from "./streamingStats";

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
  /**
   * Only on one half of a split run (`SimulationOptions.part`): which half, and the whole run's series order.
   * The "view" half has no rank correlations and only the view's series; `mergeSimulationParts` completes it.
   */
  readonly partial?: { readonly part: SimulationPart; readonly seriesOrder: readonly SeriesId[] };
}

/** The statistics of one range that covers the whole run (`summarizeParts` of one part). */
export function summarizeRaw(prepared: PreparedSimulation, raw: SimulationRaw): SimulationResult {
  return summarizeParts(prepared, [raw]);
}

/**
 * `summarizeSteps` run to the end: the statistics of contiguous trial ranges (e.g. one per worker, each
 * starting on a block boundary), combined in trial order, so the result is bit-identical to one range's.
 */
export function summarizeParts(
  prepared: PreparedSimulation,
  parts: readonly SimulationRaw[],
): SimulationResult {
  const steps = summarizeSteps(prepared, parts);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * The summary as a generator that yields every few columns and rank correlations (tens of milliseconds at 10⁶
 * trials), so a worker can answer `cancel` while it summarizes. `parts` are contiguous trial ranges covering the run, in trial order.
 */
export function* summarizeSteps(
  prepared: PreparedSimulation,
  parts: readonly SimulationRaw[],
): Generator<void, SimulationResult, void> {
  const { scenario, spec } = prepared;
  const reader = new ColumnReader(prepared, parts);
  const years = reader.years;
  const count = reader.count;
  const calendar = Array.from({ length: years }, (_, t) => scenario.baseYear + t);
  // Every column's statistics from its accumulated parts; a column whose order statistic fell outside the
  // pilot's windows is recomputed in full (rare: windows span ±5.5 standard errors).
  const scratch = { buffer: new Float64Array(0) };
  const perColumn: (SampleStats | null)[] = [];
  const missed: number[] = [];
  for (let c = 0; c < prepared.columns.length; c++) {
    const outcome = finalizeColumn(
      reader.parts.map((p) => p.columns[c] as ColumnPart),
      PERCENTILES,
      scratch,
    );
    if (outcome.kind === "stats") perColumn.push(outcome.stats);
    else {
      perColumn.push(null);
      missed.push(c);
    }
    if (c % 8 === 7) yield;
  }
  if (missed.length > 0) {
    const parts = prepared.recompute(missed);
    missed.forEach((c, k) => {
      const outcome = finalizeColumn([parts[k] as ColumnPart], PERCENTILES, scratch);
      if (outcome.kind !== "stats") throw new Error("summarize: a recomputed column kept every value");
      perColumn[c] = outcome.stats;
    });
    yield;
  }
  const series: Partial<Record<SeriesId, SampleStats[]>> = {};
  const metrics = {} as Record<MetricId, SampleStats>;
  for (const m of METRIC_IDS) metrics[m] = EMPTY_STATS;
  prepared.columns.forEach((ref, c) => {
    const stats = perColumn[c] as SampleStats;
    if ("metric" in ref) metrics[ref.metric] = stats;
    else (series[ref.series] ??= []).push(stats);
  });
  const column = (o: OutputRef): ArrayLike<number> => reader.output(o);
  const statsFor = (o: OutputRef): SampleStats =>
    "metric" in o ? metrics[o.metric] : (series[o.series]?.[o.year - scenario.baseYear] ?? EMPTY_STATS);
  const part = prepared.part;
  const thresholds = (part === "rest" ? [] : (spec.thresholds ?? [])).map((th) => {
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
  const all = spec.keep !== "listed" && part !== "rest";
  const extra: OutputRef = spec.histogram?.output ?? {
    series: "nvidiaChina",
    year: scenario.baseYear + scenario.horizon,
  };
  const histograms: Histogram[] = [];
  if (all) {
    histograms.push(
      histogramInRange(
        "cumulativeNvidiaChina",
        column({ metric: "cumulativeNvidiaChina" }),
        bins,
        metrics.cumulativeNvidiaChina,
      ),
    );
  }
  if (all || (spec.histogram && part !== "rest"))
    histograms.push(histogramInRange(outputLabel(extra), column(extra), bins, statsFor(extra)));
  yield;
  const rcOutput = part === "view" ? undefined : spec.rankCorrelationOutput;
  let values: { input: ScalarInputId; rho: number }[] = [];
  if (rcOutput !== undefined && count >= 2) {
    // Rank the target once, not once per input.
    const targetRanks = averageRanks(column(rcOutput));
    yield;
    // One buffer for every input's ranks (a fresh 8 MB array per input costs its page faults each time).
    const ranks = new Float64Array(count);
    for (let j = 0; j < prepared.stochastic.length; j++) {
      const rho = pearson(inputRanks(prepared, j, reader, ranks), targetRanks);
      values.push({ input: prepared.stochastic[j] as ScalarInputId, rho: isModelError(rho) ? 0 : rho });
      yield;
    }
    values = values.sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
  }
  const posterior = prepared.evidence === null ? undefined : yield* posteriorSteps(prepared, reader);
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
      ? metrics.crossoverYear.count / count
      : NaN,
    thresholds,
    histograms,
    rankCorrelations: { output: rcOutput === undefined ? "" : outputLabel(rcOutput), values },
    ...(posterior === undefined ? {} : { posterior }),
    ...(part === null ? {} : { partial: { part, seriesOrder: prepared.seriesOrder } }),
  };
}

/**
 * The whole run's result from its two halves (`SimulationOptions.part`, same scenario, spec and options):
 * the view half's series, metrics, thresholds and histograms, the rest's other series and rank correlations.
 *
 * @throws Error when the two are not the "view" and "rest" halves of one run
 */
export function mergeSimulationParts(view: SimulationResult, rest: SimulationResult): SimulationResult {
  if (view.partial?.part !== "view" || rest.partial?.part !== "rest")
    throw new Error('mergeSimulationParts: needs a run\'s "view" half and its "rest" half');
  if (
    view.trials !== rest.trials ||
    view.seed !== rest.seed ||
    view.sampling !== rest.sampling ||
    view.partial.seriesOrder.join() !== rest.partial.seriesOrder.join()
  )
    throw new Error("mergeSimulationParts: the halves come from different runs");
  const series: Partial<Record<SeriesId, readonly SampleStats[]>> = {};
  for (const id of view.partial.seriesOrder) {
    const stats = Object.hasOwn(view.series, id) ? view.series[id] : rest.series[id];
    if (stats !== undefined) series[id] = stats;
  }
  const { partial: _view, ...whole } = view;
  return { ...whole, series, rankCorrelations: rest.rankCorrelations };
}

/**
 * Average ranks of stochastic input j's samples. Under Latin hypercube (and outside a correlation target) the
 * trial's stratum orders the samples whenever the inverse CDF is non-decreasing, so the ranks come from the
 * strata in O(N), checked against the values (`averageRanksByPosition`); otherwise, or if the check fails, a
 * full `averageRanks`. Both give the same ranks.
 */
function inputRanks(
  prepared: PreparedSimulation,
  j: number,
  reader: ColumnReader,
  ranks: Float64Array,
): Float64Array {
  const id = prepared.stochastic[j] as ScalarInputId;
  if (prepared.ranksFromStrata[j] === true) {
    // A continuous, strictly increasing inverse CDF applied to u in stratum π(i) = [π/N, (π+1)/N): the samples
    // are in the order of their strata, so trial i's rank is π(i) + 1 (no sort, and no samples kept).
    // The strata were stored by the trial loop (`SimulationRaw.strata`).
    const strata = reader.strata(j);
    if (strata === null) throw new Error(`summarize: the strata of ${id} were not kept`);
    for (let i = 0; i < ranks.length; i++) ranks[i] = (strata[i] as number) + 1;
    return ranks;
  }
  return averageRanks(reader.input(j));
}

/**
 * Per-trial columns of contiguous trial ranges, in trial order: a view when there is one range, otherwise the
 * ranges copied into one reused buffer per element type (one column at a time — so N trials are never held
 * twice). A returned column is valid until the next call.
 */
class ColumnReader implements PosteriorColumns {
  readonly years: number;
  readonly count: number;
  readonly parts: readonly SimulationRaw[];
  private scratch64: Float64Array | null = null;
  private scratch32: Float32Array | null = null;

  constructor(
    private readonly prepared: PreparedSimulation,
    parts: readonly SimulationRaw[],
  ) {
    this.parts = [...parts].sort((a, b) => a.start - b.start);
    const first = this.parts[0];
    if (first === undefined) throw new Error("summarize: no trial ranges");
    let next = first.start;
    for (const p of this.parts) {
      if (p.start !== next || p.years !== first.years)
        throw new Error(`summarize: trial ranges must be contiguous, expected ${next}, got ${p.start}`);
      next = p.start + p.count;
    }
    this.years = first.years;
    this.count = next - first.start;
  }

  has(id: SeriesId): boolean {
    return this.parts[0]?.series[id] !== undefined;
  }

  series(id: SeriesId, t: number): Float64Array | Float32Array {
    return this.gather((p) => {
      const arr = p.series[id];
      if (!arr) throw new Error(`summarize: series ${id} was not tracked`);
      return arr.subarray(t * p.count, (t + 1) * p.count);
    });
  }

  metric(m: MetricId): Float64Array {
    return this.gather((p) => p.metrics[m]) as Float64Array;
  }

  /** Input j's stratum per trial, or null when the ranges did not keep it. */
  strata(j: number): Int32Array | null {
    if (this.parts.some((p) => (p.strata[j]?.length ?? 0) !== p.count)) return null;
    return concatenated(
      this.parts,
      (p) => p.strata[j] as Int32Array,
      (n) => new Int32Array(n),
    );
  }

  input(j: number): Float64Array {
    return this.gather((p) => p.inputs[j] as Float64Array) as Float64Array;
  }

  /** An output's value per trial, from the whole columns kept for it (`SimulationRaw.full`). */
  output(o: OutputRef): Float64Array | Float32Array {
    const { prepared } = this;
    const years = prepared.scenario.horizon + 1;
    const c =
      "metric" in o
        ? prepared.tracked.length * years + prepared.keptMetrics.indexOf(o.metric)
        : prepared.tracked.indexOf(o.series) * years + (o.year - prepared.scenario.baseYear);
    const f = prepared.fullColumns.indexOf(c);
    if (f < 0) throw new Error(`summarize: output ${outputLabel(o)} was not kept per trial`);
    return this.gather((p) => p.full[f] as Float64Array);
  }

  logLikelihood(): Float64Array {
    return this.gather((p) => p.evidence.logLikelihood) as Float64Array;
  }

  dominant(): Uint16Array {
    return concatenated(
      this.parts,
      (p) => p.evidence.dominant,
      (n) => new Uint16Array(n),
    );
  }

  regimes(t: number): Uint8Array {
    return concatenated(
      this.parts,
      (p) => p.regimes.subarray(t * p.count, (t + 1) * p.count),
      (n) => new Uint8Array(n),
    );
  }

  private gather(slice: (p: SimulationRaw) => Float64Array | Float32Array): Float64Array | Float32Array {
    const first = slice(this.parts[0] as SimulationRaw);
    if (this.parts.length === 1) return first;
    let out: Float64Array | Float32Array;
    if (first instanceof Float32Array) out = this.scratch32 ??= new Float32Array(this.count);
    else out = this.scratch64 ??= new Float64Array(this.count);
    let at = 0;
    for (const p of this.parts) {
      const part = slice(p);
      out.set(part, at);
      at += part.length;
    }
    return out.subarray(0, at);
  }
}

/** The slices of every part, concatenated in trial order into a fresh array. */
function concatenated<A extends Uint8Array | Uint16Array | Int32Array>(
  parts: readonly SimulationRaw[],
  slice: (p: SimulationRaw) => A,
  create: (n: number) => A,
): A {
  const slices = parts.map(slice);
  if (slices.length === 1) return slices[0] as A;
  const out = create(slices.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of slices) {
    out.set(a, at);
    at += a.length;
  }
  return out;
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

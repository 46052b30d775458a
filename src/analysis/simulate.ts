/**
 * The Monte Carlo engine (DESIGN.md §5): samples the spec's inputs (Latin hypercube by default), draws each
 * trial's regime path, runs the model kernel (src/model/kernel.ts) per trial and accumulates the reported
 * statistics.
 *
 * Reproducibility: every random number is a word of Philox(seed; trial, stream, ⌊variable / 4⌋, draw) (word
 * variable mod 4, see philox.ts), each trial's Latin hypercube strata are a keyed permutation of its index
 * (permutation.ts) and Iman–Conover ranks are global functions of (seed, trials). Statistics come from
 * per-block partial sums added in trial order and from exact order statistics (streamingStats.ts), and a
 * worker's range starts on a block boundary. So results are IDENTICAL for the same seed whatever the chunk
 * size or the number of workers (`runTrialRange` + `summarizeParts`).
 *
 * Memory: trials run one block of BLOCK (1,024) trials at a time; each block's values go to the column
 * accumulators (every tracked series × year and every kept summary metric) and are dropped. What stays per
 * trial: about 15% of each column's values (the percentile windows: 8 bytes each, ≈ 0.15·8·C bytes for C
 * columns), the whole column of each output a view needs per trial (threshold, histogram and
 * rank-correlation outputs: 8 bytes each), and, with rank correlations, each input's stratum (4 bytes) or,
 * for an input whose ranks are not its strata, its sample (8 bytes). The pane's default run (6 series × 6
 * years + 5 metrics = 41 columns, 2 whole columns, 8 inputs) keeps ≈ 49 + 16 + 32 ≈ 97 bytes per trial, and
 * summarizing adds ≈ 45 bytes per trial (the rank-correlation target's ranks and their sort, one input-rank
 * buffer): ≈ 140 MB at 10⁶ trials × 6 years, ≈ 330 MB at 10⁶ × 31 years (191 columns). Per-trial series
 * and metrics are kept whole only for the posterior (runs with evidence) or on request (`keepColumns`).
 * The pane runs in two halves (`SimulationPart`), one after the other, each holding less: the results view's
 * (11 columns, 2 whole columns, no strata: ≈ 30 bytes per trial) and the rest (30 columns, the rank target and
 * the strata: ≈ 90 bytes per trial with its summary); measured peak of page + worker: 106–113 MB at 10⁶ × 6.
 * On some virtual machines the first touch of a page costs tens of µs, so memory volume is run time.
 */
import { isModelError, modelError, type ModelError } from "../model/errors";
import type { ScalarInputId, Scenario, SeriesId } from "../model/types";
import { SCALAR_INPUT_IDS, validateScenario } from "../model/validate";
import { ownValue } from "../model/own";
import type { Distribution } from "./distributions";
import { placeObservations, type PlacedObservation } from "./evidence";
import { compileRegimeChain, type CompiledRegimeChain } from "./regimeChain";
import { createSamplingPlan, type SamplingMethod, type SamplingPlan } from "./sampling";
import {
  DEFAULT_TRACKED_SERIES,
  METRIC_IDS,
  validateSimulationSpec,
  type MetricId,
  type OutputRef,
  type SimulationSpec,
} from "./simulationSpec";
import { summarizeParts, summarizeSteps, type SimulationResult } from "./summarize";
import { createTrialContext, evaluateTrials, replayPilot, type TrialContext } from "./trialLoop";
import type { ColumnAccumulator } from "./streamingStats";
import {
  BLOCK,
  KEEP_ALL,
  PILOT_TRIALS,
  WINDOW_SIGMAS,
  type ColumnPart,
  type ColumnWindows,
} from "./streamingStats";
import { allocateEvidenceColumns, type TrialEvidenceColumns } from "./trialEvidence";

/** Hard cap on trials per run. */
export const MAX_TRIALS = 1_000_000;

export interface SimulationOptions {
  readonly trials: number;
  /** Integer 0 ≤ seed < 2^53. */
  readonly seed: number;
  readonly sampling?: SamplingMethod;
  /** Trials per chunk between progress/cancel checks (default 10,000). Does not change results. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly shouldCancel?: () => boolean;
  /**
   * Keep every per-trial value: tracked series and metrics in `SimulationRaw.series` / `.metrics` (runs with
   * evidence always keep these) and every input's samples in `.inputs`. For tests and tools; statistics never
   * need it. Default false.
   */
  readonly keepColumns?: boolean;
  /**
   * Half-width of the percentile windows in standard errors of the pilot (default WINDOW_SIGMAS). Results do
   * not depend on it (a miss is recomputed); tests set 0 to force that path.
   */
  readonly windowSigmas?: number;
  /**
   * One of the two halves of a run that the pane shows before the other is done (`SimulationPart`); default:
   * the whole run. `mergeSimulationParts(view, rest)` equals the whole run's result exactly.
   */
  readonly part?: SimulationPart;
}

/**
 * A run in two halves over the same trials (counter-based draws: both halves see identical trials):
 *
 * - "view": what the pane's results view reads — the series in VIEW_SERIES and those a threshold or the
 *   histogram names, every summary metric, the thresholds and the histograms; no rank correlations.
 * - "rest": the other tracked series and the rank correlations; no metrics, thresholds or histograms.
 *
 * Each column's statistics depend only on that column's values, so the halves' statistics are the whole run's.
 */
export type SimulationPart = "view" | "rest";

/** Series the pane's results view shows (its fan chart): computed in the "view" half. */
export const VIEW_SERIES: readonly SeriesId[] = ["nvidiaChina"];

/** One summarized column: a tracked series in year index t, or a kept summary metric. */
export type ColumnRef = { readonly series: SeriesId; readonly t: number } | { readonly metric: MetricId };

export interface SimulationCancelled {
  readonly kind: "cancelled";
  readonly done: number;
}

/** Everything fixed before the first trial: validated inputs, the global sampling plan, the regime chain. */
export interface PreparedSimulation {
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly trials: number;
  readonly seed: number;
  readonly sampling: SamplingMethod;
  readonly stochastic: readonly ScalarInputId[];
  readonly distributions: readonly Distribution[];
  readonly plan: SamplingPlan;
  readonly chain: CompiledRegimeChain | null;
  readonly tracked: readonly SeriesId[];
  /** Summary metrics kept per trial (all of them unless the spec says `keep: "listed"`). */
  readonly keptMetrics: readonly MetricId[];
  /** Whether rank correlations are computed (they need the inputs' ranks). */
  readonly keepInputs: boolean;
  /**
   * Per stochastic slot: its ranks are its Latin hypercube strata (uncorrelated, continuous strictly increasing
   * inverse CDF), so its samples need not be kept for rank correlations.
   */
  readonly ranksFromStrata: readonly boolean[];
  /** The summarized columns: tracked series × years (series-major), then kept metrics. */
  readonly columns: readonly ColumnRef[];
  /** Columns kept whole per trial (thresholds, histograms, the rank-correlation output), ascending. */
  readonly fullColumns: readonly number[];
  /** Whether `SimulationRaw.series` / `.metrics` hold every trial (evidence runs, or `keepColumns`). */
  readonly keepColumns: boolean;
  /** Whether `SimulationRaw.inputs` holds every input's samples (`keepColumns`). */
  readonly keepSamples: boolean;
  readonly windowSigmas: number;
  /**
   * Recomputes columns over every trial keeping every value (`recomputeColumns`): what the summary does when
   * an order statistic fell outside the pilot's windows.
   */
  readonly recompute: (columns: readonly number[]) => ColumnPart[];
  /** The spec's evidence placed on the scenario's years (§5.1), or null: no posterior. */
  readonly evidence: readonly PlacedObservation[] | null;
  /** Which half of a split run this is (`SimulationOptions.part`), or null: the whole run. */
  readonly part: SimulationPart | null;
  /** The whole run's tracked series, in order (the result's `series` key order), whatever the part. */
  readonly seriesOrder: readonly SeriesId[];
}

/**
 * What a contiguous trial range leaves for the summary: each column's accumulated state (`columns`, see
 * streamingStats.ts), whole columns where a view needs every trial (`full`), and — only with `keepColumns` —
 * per-trial series (year-major: index t·count + i) and metrics.
 */
export interface SimulationRaw {
  readonly start: number;
  readonly count: number;
  readonly years: number;
  /** Per `PreparedSimulation.columns` entry (set once the range has run; empty before). */
  readonly columns: readonly ColumnPart[];
  /** Per `PreparedSimulation.fullColumns` entry: the column's value per trial (NaN kept). */
  readonly full: readonly Float64Array[];
  readonly series: Readonly<Partial<Record<SeriesId, Float64Array | Float32Array>>>;
  readonly metrics: Readonly<Record<MetricId, Float64Array>>;
  /**
   * Sampled values of each stochastic input, in `PreparedSimulation.stochastic` order. Kept only when the
   * spec asks for rank correlations and the input's ranks are not its strata; otherwise zero-length arrays.
   */
  readonly inputs: readonly Float64Array[];
  /**
   * Per stochastic slot whose ranks are its strata (`ranksFromStrata`) when rank correlations are asked for:
   * each trial's Latin hypercube stratum (so the summary ranks the input without recomputing its permutation);
   * otherwise zero-length.
   */
  readonly strata: readonly Int32Array[];
  /** Per-trial log-likelihood and dominant observation (zero-length without evidence). */
  readonly evidence: TrialEvidenceColumns;
  /**
   * Regime state index per trial and year, year-major (index = t·count + i), kept only with evidence and a
   * regime chain (the regime posterior); otherwise zero-length.
   */
  readonly regimes: Uint8Array;
}

/** A stepwise run: `step()` runs one chunk; the worker yields to its event loop between steps. */
export interface SimulationRun {
  readonly prepared: PreparedSimulation;
  readonly total: number;
  done(): number;
  /** Runs the next chunk (`trials` of them, default the run's chunk size); returns true when all are done. */
  step(trials?: number): boolean;
  result(): SimulationResult;
  /** `result()` as steps of one column each (see `summarizeSteps`). */
  summarize(): Generator<void, SimulationResult, void>;
  /** The per-trial arrays (all trials once `step()` returned true). */
  raw(): SimulationRaw;
}

const FLOAT64_SERIES: readonly SeriesId[] = ["nvidiaChina", "nvidiaChinaNet"];

const noPlan = (): never => {
  throw new Error("this prepared simulation has no sampling plan (prepared to summarize only)");
};
const NO_PLAN: SamplingPlan = {
  trials: 0,
  method: "mc",
  uniform: noPlan,
  fill: noPlan,
  stratum: noPlan,
};

/**
 * Runs a whole simulation synchronously (chunked for progress and cancellation).
 *
 * @param scenario a scenario (validated here)
 * @param spec distributions, regime chain, correlation, thresholds (validated here)
 * @returns the statistics; ModelError for invalid input; `{ kind: "cancelled" }` when `shouldCancel()` said so
 * @example simulate(preset.scenario, DEFAULT_SIMULATION_SPEC, { trials: 10000, seed: 42 }).series.nvidiaChina[5].p50
 */
export function simulate(
  scenario: Scenario,
  spec: SimulationSpec,
  options: SimulationOptions,
): SimulationResult | ModelError | SimulationCancelled {
  const run = createSimulationRun(scenario, spec, options);
  if (isModelError(run)) return run;
  for (;;) {
    if (options.shouldCancel?.() === true) return { kind: "cancelled", done: run.done() };
    const finished = run.step();
    options.onProgress?.(run.done(), run.total);
    if (finished) return run.result();
  }
}

/** Validates and prepares a run that the caller steps chunk by chunk. */
export function createSimulationRun(
  scenario: Scenario,
  spec: SimulationSpec,
  options: SimulationOptions,
): SimulationRun | ModelError {
  const prepared = prepareSimulation(scenario, spec, options);
  if (isModelError(prepared)) return prepared;
  const chunk = options.chunkSize ?? 10_000;
  if (!(Number.isInteger(chunk) && chunk >= 1))
    return modelError("invalidInput", `chunkSize must be an integer of at least 1, got ${chunk}`);
  const raw = allocateRaw(prepared, 0, prepared.trials);
  const ctx = createRangeContext(prepared, raw);
  let done = 0;
  const finished = (): SimulationRaw => {
    if (done < prepared.trials) throw new Error("SimulationRun: the summary needs every trial");
    return finishedRaw(raw, ctx);
  };
  return {
    prepared,
    total: prepared.trials,
    done: () => done,
    step: (trials = chunk) => {
      const end = Math.min(prepared.trials, done + Math.max(1, trials));
      evaluateTrials(prepared, ctx, done, end, raw);
      done = end;
      return done >= prepared.trials;
    },
    result: () => summarizeParts(prepared, [finished()]),
    summarize: () => summarizeSteps(prepared, [finished()]),
    raw: finished,
  };
}

/**
 * A stepwise run of trials [start, end) only (one worker's share): `raw()` holds them once `step()` returned
 * true. The statistics need every range: `summarizeParts(prepared, ranges)`.
 */
export function createRangeRun(
  prepared: PreparedSimulation,
  start: number,
  end: number,
  chunkSize = 10_000,
): SimulationRun {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start <= end &&
    end <= prepared.trials
  ))
    throw new Error(`createRangeRun: bad trial range [${start}, ${end}) of ${prepared.trials}`);
  if (start % BLOCK !== 0)
    throw new Error(`createRangeRun: a range starts on a multiple of ${BLOCK} trials, got ${start}`);
  const raw = allocateRaw(prepared, start, end - start);
  const ctx = createRangeContext(prepared, raw);
  let next = start;
  const notWhole = (): never => {
    throw new Error("a range run has no result of its own: summarize every range with summarizeParts");
  };
  return {
    prepared,
    total: end - start,
    done: () => next - start,
    step: (trials = chunkSize) => {
      const stop = Math.min(end, next + Math.max(1, trials));
      evaluateTrials(prepared, ctx, next, stop, raw);
      next = stop;
      return next >= end;
    },
    result: notWhole,
    summarize: notWhole,
    raw: () => {
      if (next < end) throw new Error("SimulationRun.raw() before the range ran");
      return finishedRaw(raw, ctx);
    },
  };
}

/**
 * The context of a range. The range that starts the run places the percentile windows from its own first
 * trials (the pilot, which are then not run twice); any other range first runs the pilot on its own.
 */
function createRangeContext(prepared: PreparedSimulation, raw: SimulationRaw): TrialContext {
  if (raw.start === 0 && raw.count >= Math.min(prepared.trials, PILOT_TRIALS))
    return createTrialContext(prepared, raw, "pilot");
  const { windows, mass } = pilotWindows(prepared);
  const expected = mass.map((m) => Math.min(1, m * 1.15) * raw.count + 64);
  return createTrialContext(prepared, raw, { windows, expected });
}

/** `raw` with its columns' accumulated state. */
function finishedRaw(raw: SimulationRaw, ctx: TrialContext): SimulationRaw {
  if (raw.columns.length > 0) return raw;
  replayPilot(ctx, Infinity);
  return Object.assign(raw, { columns: ctx.accumulators.map((a) => (a as ColumnAccumulator).part()) });
}

/**
 * The percentile windows and sum shifts of every column from the pilot, the run's first
 * min(trials, PILOT_TRIALS) trials: the same in every worker (counter-based draws). A run no longer than the
 * pilot keeps every value.
 */
function pilotWindows(prepared: PreparedSimulation): { windows: ColumnWindows[]; mass: number[] } {
  const trials = Math.min(prepared.trials, PILOT_TRIALS);
  const raw = allocateRaw(prepared, 0, trials, true);
  const ctx = createTrialContext(prepared, raw, "pilotOnly");
  evaluateTrials(prepared, ctx, 0, trials, raw);
  return { windows: ctx.windows as ColumnWindows[], mass: ctx.mass };
}

/**
 * Recomputes `columns` over every trial with windows that keep every value (the rare case where an order
 * statistic fell outside the pilot's windows): one part per column, in `columns` order.
 */
function recomputeColumns(prepared: PreparedSimulation, columns: readonly number[]): ColumnPart[] {
  const withPlan =
    prepared.plan === NO_PLAN
      ? prepareSimulation(prepared.scenario, prepared.spec, {
          trials: prepared.trials,
          seed: prepared.seed,
          sampling: prepared.sampling,
          ...(prepared.part === null ? {} : { part: prepared.part }),
        })
      : prepared;
  if (isModelError(withPlan)) throw new Error(`recomputeColumns: ${withPlan.message}`);
  const raw = allocateRaw(withPlan, 0, withPlan.trials, true);
  const wanted = new Set(columns);
  // Same shifts as the run's, so count, mean and sd come out as they would have.
  const { windows } = pilotWindows(withPlan);
  const ctx = createTrialContext(withPlan, raw, {
    windows: windows.map((w, c) => (wanted.has(c) ? { ...KEEP_ALL, shift: w.shift } : null)),
    expected: withPlan.columns.map(() => withPlan.trials),
  });
  evaluateTrials(withPlan, ctx, 0, withPlan.trials, raw);
  return columns.map((c) => (ctx.accumulators[c] as ColumnAccumulator).part());
}

/**
 * Validation + the global sampling plan (the part every worker computes identically). `withPlan` false skips
 * the plan (Iman–Conover ranks cost O(N log N)) for a worker that only summarizes; its plan throws if used.
 */
export function prepareSimulation(
  scenario: Scenario,
  spec: SimulationSpec,
  options: SimulationOptions,
  withPlan = true,
): PreparedSimulation | ModelError {
  const { trials, seed } = options;
  const sampling = options.sampling ?? "lhs";
  if (!(Number.isInteger(trials) && trials >= 2 && trials <= MAX_TRIALS)) {
    return modelError("invalidInput", `trials must be an integer between 2 and ${MAX_TRIALS}, got ${trials}`);
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= Number.MAX_SAFE_INTEGER)) {
    return modelError(
      "invalidInput",
      `seed must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}, got ${seed}`,
    );
  }
  if (sampling !== "lhs" && sampling !== "mc")
    return modelError("invalidInput", `sampling must be "lhs" or "mc", got ${String(sampling)}`);
  const given = validateScenario(scenario);
  if (isModelError(given)) return given;
  const checked = validateSimulationSpec(given, spec);
  if (isModelError(checked)) return checked;
  // A `fixed` distribution sets its input for every trial (validated against the input's bounds above).
  const valid = withFixedInputs(given, spec);
  const stochastic = SCALAR_INPUT_IDS.filter(
    (id) => spec.inputs[id] !== undefined && spec.inputs[id].kind !== "fixed",
  );
  const distributions = stochastic.map((id) => spec.inputs[id] as Distribution);
  const variableIds = stochastic.map((id) => SCALAR_INPUT_IDS.indexOf(id));
  const correlation = spec.correlation
    ? {
        slots: spec.correlation.inputs.map((id) => stochastic.indexOf(id)),
        matrix: spec.correlation.matrix,
      }
    : undefined;
  if (correlation && correlation.slots.some((s) => s < 0)) {
    return modelError("invalidInput", "correlation inputs must have non-fixed distributions");
  }
  const plan = withPlan ? createSamplingPlan(seed, trials, sampling, variableIds, correlation) : NO_PLAN;
  if (isModelError(plan)) return plan;
  let chain: CompiledRegimeChain | null = null;
  if (spec.regimeChain) {
    const compiled = compileRegimeChain(valid, spec.regimeChain);
    if (isModelError(compiled)) return compiled;
    chain = compiled;
  }
  let evidence: readonly PlacedObservation[] | null = null;
  if (spec.evidence !== undefined) {
    const placed = placeObservations(spec.evidence.observations, valid);
    if (isModelError(placed)) return modelError(placed.code, `evidence: ${placed.message}`);
    evidence = placed;
  }
  const part = options.part ?? null;
  if (part !== null && part !== "view" && part !== "rest")
    return modelError("invalidInput", `part must be "view" or "rest", got ${String(part)}`);
  if (part !== null && evidence !== null)
    return modelError("invalidInput", "a run with evidence cannot be split into parts; run it whole");
  const all = spec.keep !== "listed";
  const tracked = new Set<SeriesId>([...(all ? DEFAULT_TRACKED_SERIES : []), ...(spec.trackSeries ?? [])]);
  const lastYear = valid.baseYear + valid.horizon;
  const viewOutputs: OutputRef[] = [
    ...(spec.thresholds ?? []).map((t) => t.output),
    ...(spec.histogram || all ? [spec.histogram?.output ?? { series: "nvidiaChina", year: lastYear }] : []),
    ...(all ? [{ metric: "cumulativeNvidiaChina" } as const] : []),
  ];
  const restOutputs: OutputRef[] = spec.rankCorrelationOutput ? [spec.rankCorrelationOutput] : [];
  const keptMetrics = new Set<MetricId>(all ? METRIC_IDS : []);
  for (const o of [...viewOutputs, ...restOutputs]) {
    if ("series" in o) tracked.add(o.series);
    else keptMetrics.add(o.metric);
  }
  const seriesOrder = [...tracked];
  // A half keeps its own series and metrics, plus the columns its whole-column outputs read.
  const viewSeries = new Set<SeriesId>(VIEW_SERIES);
  for (const o of viewOutputs) if ("series" in o) viewSeries.add(o.series);
  const outputs =
    part === "view" ? viewOutputs : part === "rest" ? restOutputs : [...viewOutputs, ...restOutputs];
  const named = (id: SeriesId): boolean => outputs.some((o) => "series" in o && o.series === id);
  const trackedList = seriesOrder.filter((id) =>
    part === "view" ? viewSeries.has(id) : part === "rest" ? !viewSeries.has(id) || named(id) : true,
  );
  const metricList = METRIC_IDS.filter(
    (id) => keptMetrics.has(id) && (part !== "rest" || outputs.some((o) => "metric" in o && o.metric === id)),
  );
  const windowSigmas = options.windowSigmas ?? WINDOW_SIGMAS;
  if (!(Number.isFinite(windowSigmas) && windowSigmas >= 0))
    return modelError("invalidInput", `windowSigmas must be a number ≥ 0, got ${windowSigmas}`);
  const years = valid.horizon + 1;
  const columns: ColumnRef[] = [
    ...trackedList.flatMap((id) => Array.from({ length: years }, (_, t) => ({ series: id, t }))),
    ...metricList.map((metric) => ({ metric })),
  ];
  const columnOf = (o: OutputRef): number =>
    "metric" in o
      ? trackedList.length * years + metricList.indexOf(o.metric)
      : trackedList.indexOf(o.series) * years + (o.year - valid.baseYear);
  const correlated = new Set(spec.correlation?.inputs ?? []);
  const prepared: PreparedSimulation = {
    scenario: valid,
    spec,
    trials,
    seed,
    sampling,
    stochastic,
    distributions,
    plan,
    chain,
    tracked: trackedList,
    keptMetrics: metricList,
    keepInputs: spec.rankCorrelationOutput !== undefined && part !== "view",
    ranksFromStrata: stochastic.map(
      (id, j) =>
        sampling === "lhs" && !correlated.has(id) && strictlyIncreasing(distributions[j] as Distribution),
    ),
    columns,
    fullColumns: [...new Set(outputs.map(columnOf))].sort((a, b) => a - b),
    keepColumns: evidence !== null || options.keepColumns === true,
    keepSamples: options.keepColumns === true,
    windowSigmas,
    recompute: (wanted) => recomputeColumns(prepared, wanted),
    evidence,
    part,
    seriesOrder,
  };
  return prepared;
}

/**
 * Whether a distribution's inverse CDF is continuous and strictly increasing (so Latin hypercube strata order
 * its samples): every kind but `discrete` (whose samples repeat) and `fixed` (never sampled).
 */
function strictlyIncreasing(d: Distribution): boolean {
  return d.kind !== "discrete" && d.kind !== "fixed";
}

/**
 * Runs trials [start, end) of a prepared simulation into fresh arrays: what one of several workers does.
 * Summarize every range together with `summarizeParts`.
 */
export function runTrialRange(prepared: PreparedSimulation, start: number, end: number): SimulationRaw {
  const run = createRangeRun(prepared, start, end, end - start);
  run.step();
  return run.raw();
}

/** Arrays for trials [start, start + count); `lean` (a pilot or a recomputation) keeps nothing per trial. */
function allocateRaw(
  prepared: PreparedSimulation,
  start: number,
  count: number,
  lean = false,
): SimulationRaw {
  const years = prepared.scenario.horizon + 1;
  const whole = prepared.keepColumns && !lean;
  const series: Partial<Record<SeriesId, Float64Array | Float32Array>> = {};
  if (whole) {
    for (const id of prepared.tracked) {
      series[id] = FLOAT64_SERIES.includes(id)
        ? new Float64Array(years * count)
        : new Float32Array(years * count);
    }
  }
  const metrics = {} as Record<MetricId, Float64Array>;
  const empty = new Float64Array(0);
  for (const id of METRIC_IDS)
    metrics[id] = whole && prepared.keptMetrics.includes(id) ? new Float64Array(count) : empty;
  const keepInput = (j: number): boolean =>
    !lean && (prepared.keepSamples || (prepared.keepInputs && !(prepared.ranksFromStrata[j] as boolean)));
  return {
    start,
    count,
    years,
    columns: [],
    full: prepared.fullColumns.map(() => new Float64Array(lean ? 0 : count)),
    series,
    metrics,
    inputs: prepared.stochastic.map((_, j) => new Float64Array(keepInput(j) ? count : 0)),
    strata: prepared.stochastic.map(
      (_, j) => new Int32Array(!lean && prepared.keepInputs && prepared.ranksFromStrata[j] ? count : 0),
    ),
    evidence: allocateEvidenceColumns(prepared.evidence !== null && !lean, count),
    regimes: new Uint8Array(
      prepared.evidence !== null && prepared.chain !== null && !lean ? years * count : 0,
    ),
  };
}

/** The scenario with every `fixed` distribution's value in place of its input. */
function withFixedInputs(scenario: Scenario, spec: SimulationSpec): Scenario {
  const fixed = SCALAR_INPUT_IDS.flatMap((id) => {
    const d = ownValue(spec.inputs, id);
    return d?.kind === "fixed" ? [[id, d.value] as const] : [];
  });
  return fixed.length === 0 ? scenario : { ...scenario, ...Object.fromEntries(fixed) };
}

/**
 * The Monte Carlo engine (DESIGN.md §5): samples the spec's inputs (Latin hypercube by default), draws each
 * trial's regime path, runs the model kernel (src/model/kernel.ts) per trial and keeps per-trial outputs for
 * the reported statistics.
 *
 * Reproducibility: every random number is a word of Philox(seed; trial, stream, ⌊variable / 4⌋, draw) (word
 * variable mod 4, see philox.ts), each trial's Latin hypercube strata are a keyed permutation of its index
 * (permutation.ts) and Iman–Conover ranks are global functions of (seed, trials), and statistics are computed from the full
 * per-trial arrays in trial order. So results are IDENTICAL for the same seed whatever the chunk size or the
 * number of workers (`runTrialRange` + `mergeRaw`).
 *
 * Memory: per trial we keep the tracked series (`DEFAULT_TRACKED_SERIES` + spec.trackSeries + series named by
 * thresholds/histogram/rank-correlation outputs; only the named ones with `keep: "listed"`) for every year,
 * the kept summary metrics, and each stochastic input only when rank correlations are asked for. nvidiaChina
 * and nvidiaChinaNet are stored as Float64; the other tracked series as Float32 (≈ 7 significant digits,
 * ample for percentiles in USD bn and shares) to halve memory. The pane's default run (6 series over Y = H + 1
 * years, 5 metrics, 8 inputs with rank correlations) holds 32·Y + 40 + 64 bytes per trial, and summarizing
 * adds ≈ 80 bytes per trial of reused buffers (column statistics 18, input and target ranks ≈ 60): ≈ 374 MB at
 * 10⁶ trials × 6 years, ≈ 1.2 GB at 10⁶ × 31 years, wherever the trials ran (several workers hand their ranges
 * to the one that summarizes). Memory is touched once, in trial order (see trialLoop.ts staging): on some
 * virtual machines the first touch of a page costs tens of µs, so memory volume is run time.
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
import { summarizeRaw, summarizeSteps, type SimulationResult } from "./summarize";
import { createTrialContext, evaluateTrials } from "./trialLoop";
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
}

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
  /** Whether per-trial input samples are kept (only rank correlations read them). */
  readonly keepInputs: boolean;
  /** The spec's evidence placed on the scenario's years (§5.1), or null: no posterior. */
  readonly evidence: readonly PlacedObservation[] | null;
}

/** Per-trial outputs of a contiguous trial range, year-major per series (index = t·count + i). */
export interface SimulationRaw {
  readonly start: number;
  readonly count: number;
  readonly years: number;
  readonly series: Readonly<Partial<Record<SeriesId, Float64Array | Float32Array>>>;
  readonly metrics: Readonly<Record<MetricId, Float64Array>>;
  /**
   * Sampled values of each stochastic input, in `PreparedSimulation.stochastic` order. Kept only when the
   * spec asks for rank correlations (`PreparedSimulation.keepInputs`); otherwise zero-length arrays.
   */
  readonly inputs: readonly Float64Array[];
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
  const ctx = createTrialContext(prepared, raw);
  let done = 0;
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
    result: () => {
      if (done < prepared.trials) throw new Error("SimulationRun.result() before all trials ran");
      return summarizeRaw(prepared, raw);
    },
    summarize: () => {
      if (done < prepared.trials) throw new Error("SimulationRun.summarize() before all trials ran");
      return summarizeSteps(prepared, [raw]);
    },
    raw: () => raw,
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
  const raw = allocateRaw(prepared, start, end - start);
  const ctx = createTrialContext(prepared, raw);
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
    raw: () => raw,
  };
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
  const all = spec.keep !== "listed";
  const tracked = new Set<SeriesId>([...(all ? DEFAULT_TRACKED_SERIES : []), ...(spec.trackSeries ?? [])]);
  const lastYear = valid.baseYear + valid.horizon;
  const outputs: OutputRef[] = [
    ...(spec.thresholds ?? []).map((t) => t.output),
    ...(spec.histogram || all ? [spec.histogram?.output ?? { series: "nvidiaChina", year: lastYear }] : []),
    ...(spec.rankCorrelationOutput ? [spec.rankCorrelationOutput] : []),
  ];
  const keptMetrics = new Set<MetricId>(all ? METRIC_IDS : []);
  for (const o of outputs) {
    if ("series" in o) tracked.add(o.series);
    else keptMetrics.add(o.metric);
  }
  return {
    scenario: valid,
    spec,
    trials,
    seed,
    sampling,
    stochastic,
    distributions,
    plan,
    chain,
    tracked: [...tracked],
    keptMetrics: METRIC_IDS.filter((id) => keptMetrics.has(id)),
    keepInputs: spec.rankCorrelationOutput !== undefined,
    evidence,
  };
}

/**
 * Runs trials [start, end) of a prepared simulation into fresh arrays: what one of several workers does.
 * Merge the parts with `mergeRaw` and summarize with `summarizeRaw`.
 */
export function runTrialRange(prepared: PreparedSimulation, start: number, end: number): SimulationRaw {
  const run = createRangeRun(prepared, start, end, end - start);
  run.step();
  return run.raw();
}

/**
 * Concatenates contiguous trial ranges (in any order) into one `SimulationRaw` covering them all.
 *
 * @returns the merged arrays, or invalidInput when the ranges leave a gap or overlap
 */
export function mergeRaw(
  prepared: PreparedSimulation,
  parts: readonly SimulationRaw[],
): SimulationRaw | ModelError {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const start = sorted[0]?.start ?? 0;
  let next = start;
  for (const p of sorted) {
    if (p.start !== next)
      return modelError("invalidInput", `trial ranges must be contiguous, expected ${next}, got ${p.start}`);
    next = p.start + p.count;
  }
  const merged = allocateRaw(prepared, start, next - start);
  const years = merged.years;
  for (const p of sorted) {
    const offset = p.start - start;
    for (const id of prepared.tracked) {
      const from = p.series[id];
      const to = merged.series[id];
      if (!from || !to) continue;
      for (let t = 0; t < years; t++)
        to.set(from.subarray(t * p.count, (t + 1) * p.count), t * merged.count + offset);
    }
    for (const m of prepared.keptMetrics) merged.metrics[m].set(p.metrics[m], offset);
    if (prepared.keepInputs) p.inputs.forEach((arr, j) => merged.inputs[j]?.set(arr, offset));
    if (prepared.evidence !== null) {
      merged.evidence.logLikelihood.set(p.evidence.logLikelihood, offset);
      merged.evidence.dominant.set(p.evidence.dominant, offset);
    }
    if (merged.regimes.length > 0) {
      for (let t = 0; t < years; t++)
        merged.regimes.set(p.regimes.subarray(t * p.count, (t + 1) * p.count), t * merged.count + offset);
    }
  }
  return merged;
}

function allocateRaw(prepared: PreparedSimulation, start: number, count: number): SimulationRaw {
  const years = prepared.scenario.horizon + 1;
  const series: Partial<Record<SeriesId, Float64Array | Float32Array>> = {};
  for (const id of prepared.tracked) {
    series[id] = FLOAT64_SERIES.includes(id)
      ? new Float64Array(years * count)
      : new Float32Array(years * count);
  }
  const metrics = {} as Record<MetricId, Float64Array>;
  const empty = new Float64Array(0);
  for (const id of METRIC_IDS)
    metrics[id] = prepared.keptMetrics.includes(id) ? new Float64Array(count) : empty;
  return {
    start,
    count,
    years,
    series,
    metrics,
    inputs: prepared.stochastic.map(() => new Float64Array(prepared.keepInputs ? count : 0)),
    evidence: allocateEvidenceColumns(prepared.evidence !== null, count),
    regimes: new Uint8Array(prepared.evidence !== null && prepared.chain !== null ? years * count : 0),
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

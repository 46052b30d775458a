/**
 * The Monte Carlo engine (DESIGN.md §5): samples the spec's inputs (Latin hypercube by default), draws each
 * trial's regime path, runs the model kernel (src/model/kernel.ts) per trial and keeps per-trial outputs for
 * the reported statistics.
 *
 * Reproducibility: every random number is Philox(seed; trial, stream, variable), the LHS permutations and
 * Iman–Conover ranks are global functions of (seed, trials), and statistics are computed from the full
 * per-trial arrays in trial order. So results are IDENTICAL for the same seed whatever the chunk size or the
 * number of workers (`runTrialRange` + `mergeRaw`).
 *
 * Memory: per trial we keep the tracked series (`DEFAULT_TRACKED_SERIES` + spec.trackSeries + series named by
 * thresholds/histogram/rank-correlation outputs) for every year, the five summary metrics and each stochastic
 * input. nvidiaChina and nvidiaChinaNet are stored as Float64; the other tracked series as Float32 (≈ 7
 * significant digits, ample for percentiles in USD bn and shares) to halve memory: 10⁶ trials × 11 years
 * costs 88 MB per Float64 series and 44 MB per Float32 series.
 */
import { isModelError, modelError, type ModelError } from "../model/errors";
import {
  createKernelBuffers,
  kernelParamsFromScenario,
  projectKernel,
  type KernelBuffers,
  type KernelParams,
} from "../model/kernel";
import type { ScalarInputId, Scenario, SeriesId } from "../model/types";
import { SCALAR_INPUT_IDS, validateScenario } from "../model/validate";
import { inverseCdf, type Distribution } from "./distributions";
import { CounterRng } from "./philox";
import { compileRegimeChain, nextRegime, type CompiledRegimeChain } from "./regimeChain";
import { createSamplingPlan, STREAM, type SamplingMethod, type SamplingPlan } from "./sampling";
import {
  DEFAULT_TRACKED_SERIES,
  METRIC_IDS,
  validateSimulationSpec,
  type MetricId,
  type OutputRef,
  type SimulationSpec,
} from "./simulationSpec";
import { summarizeRaw, type SimulationResult } from "./summarize";

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
}

/** Per-trial outputs of a contiguous trial range, year-major per series (index = t·count + i). */
export interface SimulationRaw {
  readonly start: number;
  readonly count: number;
  readonly years: number;
  readonly series: Readonly<Partial<Record<SeriesId, Float64Array | Float32Array>>>;
  readonly metrics: Readonly<Record<MetricId, Float64Array>>;
  /** Sampled values of each stochastic input, in `PreparedSimulation.stochastic` order. */
  readonly inputs: readonly Float64Array[];
}

/** A stepwise run: `step()` runs one chunk; the worker yields to its event loop between steps. */
export interface SimulationRun {
  readonly prepared: PreparedSimulation;
  readonly total: number;
  done(): number;
  /** Runs the next chunk; returns true when all trials are done. */
  step(): boolean;
  result(): SimulationResult;
}

const FLOAT64_SERIES: readonly SeriesId[] = ["nvidiaChina", "nvidiaChinaNet"];

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
  const ctx = createTrialContext(prepared);
  let done = 0;
  return {
    prepared,
    total: prepared.trials,
    done: () => done,
    step: () => {
      const end = Math.min(prepared.trials, done + chunk);
      evaluateTrials(prepared, ctx, done, end, raw);
      done = end;
      return done >= prepared.trials;
    },
    result: () => {
      if (done < prepared.trials) throw new Error("SimulationRun.result() before all trials ran");
      return summarizeRaw(prepared, raw);
    },
  };
}

/** Validation + the global sampling plan (the part every worker computes identically). */
export function prepareSimulation(
  scenario: Scenario,
  spec: SimulationSpec,
  options: SimulationOptions,
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
  const valid = validateScenario(scenario);
  if (isModelError(valid)) return valid;
  const checked = validateSimulationSpec(valid, spec);
  if (isModelError(checked)) return checked;
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
  const plan = createSamplingPlan(seed, trials, sampling, variableIds, correlation);
  if (isModelError(plan)) return plan;
  let chain: CompiledRegimeChain | null = null;
  if (spec.regimeChain) {
    const compiled = compileRegimeChain(valid, spec.regimeChain);
    if (isModelError(compiled)) return compiled;
    chain = compiled;
  }
  const tracked = new Set<SeriesId>([...DEFAULT_TRACKED_SERIES, ...(spec.trackSeries ?? [])]);
  const outputs: OutputRef[] = [
    ...(spec.thresholds ?? []).map((t) => t.output),
    ...(spec.histogram?.output ? [spec.histogram.output] : []),
    ...(spec.rankCorrelationOutput ? [spec.rankCorrelationOutput] : []),
  ];
  for (const o of outputs) if ("series" in o) tracked.add(o.series);
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
  };
}

/**
 * Runs trials [start, end) of a prepared simulation into fresh arrays: what one of several workers does.
 * Merge the parts with `mergeRaw` and summarize with `summarizeRaw`.
 */
export function runTrialRange(prepared: PreparedSimulation, start: number, end: number): SimulationRaw {
  const raw = allocateRaw(prepared, start, end - start);
  evaluateTrials(prepared, createTrialContext(prepared), start, end, raw);
  return raw;
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
    for (const m of METRIC_IDS) merged.metrics[m].set(p.metrics[m], offset);
    p.inputs.forEach((arr, j) => merged.inputs[j]?.set(arr, offset));
  }
  return merged;
}

interface TrialContext {
  readonly params: KernelParams;
  readonly out: KernelBuffers;
  readonly rng: CounterRng;
  readonly samplers: readonly ((p: number) => number)[];
}

function createTrialContext(prepared: PreparedSimulation): TrialContext {
  const params = kernelParamsFromScenario(prepared.scenario);
  const vendorCount = params.vendorWeight.length;
  return {
    params,
    out: createKernelBuffers(params.horizon, vendorCount),
    rng: new CounterRng(prepared.seed),
    samplers: prepared.distributions.map(compileSampler),
  };
}

/** The hot loop: sample → regime path → kernel → store. */
function evaluateTrials(
  prepared: PreparedSimulation,
  ctx: TrialContext,
  start: number,
  end: number,
  raw: SimulationRaw,
): void {
  const { params, out, rng, samplers } = ctx;
  const { plan, chain, stochastic, tracked } = prepared;
  const n = params.horizon + 1;
  const scalars = params as unknown as Record<ScalarInputId, number>;
  const stores = tracked.map((id) => [out[id], raw.series[id] as Float64Array | Float32Array] as const);
  const count = raw.count;
  const m = raw.metrics;
  const baseYear = prepared.scenario.baseYear;
  for (let trial = start; trial < end; trial++) {
    const i = trial - raw.start;
    for (let j = 0; j < stochastic.length; j++) {
      const value = (samplers[j] as (p: number) => number)(plan.uniform(trial, j));
      const id = stochastic[j] as ScalarInputId;
      scalars[id] = value;
      (raw.inputs[j] as Float64Array)[i] = value;
    }
    if (chain !== null) {
      let state = chain.initial;
      for (let t = 1; t < n; t++) {
        state = nextRegime(chain, state, rng.uniform(trial, STREAM.regime, 0, t - 1));
        params.access[t] = chain.access[state] as number;
        params.remittance[t] = chain.remittance[state] as number;
      }
    }
    projectKernel(params, out);
    for (let s = 0; s < stores.length; s++) {
      const [src, dst] = stores[s] as readonly [Float64Array, Float64Array | Float32Array];
      for (let t = 0; t < n; t++) dst[t * count + i] = src[t] as number;
    }
    m.cumulativeNvidiaChina[i] = out.cumulativeNvidiaChina;
    m.npvNvidiaChina[i] = out.npvNvidiaChina;
    m.cagrNvidiaChina[i] = out.cagrNvidiaChina;
    m.crossoverYear[i] = out.crossoverIndex < 0 ? NaN : baseYear + out.crossoverIndex;
    // Against the no-controls reference (a = 1, ρ = 0) only N changes: D1_t and F_t do not depend on access, so
    // T_ref_t − T_t = φ·(1 − a_t)·F_t exactly — no second kernel run (tested against projectScenario).
    let atRisk = 0;
    for (let t = 1; t < n; t++) atRisk += (1 - (out.access[t] as number)) * (out.foreignDemand[t] as number);
    m.revenueAtRiskTotal[i] = params.nvidiaForeignShare * atRisk;
  }
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
  for (const id of METRIC_IDS) metrics[id] = new Float64Array(count);
  return {
    start,
    count,
    years,
    series,
    metrics,
    inputs: prepared.stochastic.map(() => new Float64Array(count)),
  };
}

/** Inverse CDF with the triangular case's constants hoisted (it is the default spec's workhorse). */
function compileSampler(d: Distribution): (p: number) => number {
  if (d.kind === "triangular") {
    const { min: a, mode: c, max: b } = d;
    const fc = (c - a) / (b - a);
    const left = (b - a) * (c - a);
    const right = (b - a) * (b - c);
    return (p) => (p < fc ? a + Math.sqrt(p * left) : b - Math.sqrt((1 - p) * right));
  }
  return (p) => inverseCdf(d, p);
}

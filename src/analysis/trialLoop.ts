/**
 * The Monte Carlo hot loop: for each trial, sample the stochastic inputs, draw the regime path, run the model
 * kernel (src/model/kernel.ts) and store the kept outputs. Everything is allocated once per context: typed
 * arrays, integer codes instead of property names, no closure or object per trial, no Map look-ups.
 */
import {
  createKernelBuffers,
  kernelParamsFromScenario,
  projectKernel,
  revenueAtRiskTotal,
  type KernelBuffers,
  type KernelParams,
} from "../model/kernel";
import type { ScalarInputId } from "../model/types";
import { inverseCdf, type Distribution } from "./distributions";
import { counterWord1, seedKey, uniformOpen } from "./philox";
import { createPhiloxBlock, type PhiloxBlock } from "./philoxWasm";
import { STREAM } from "./sampling";
import type { PreparedSimulation, SimulationRaw } from "./simulate";
import type { MetricId } from "./simulationSpec";
import { createTrialEvidence, recordTrialEvidence, type TrialEvidence } from "./trialEvidence";
import {
  BLOCK,
  CELLS,
  ColumnAccumulator,
  PERCENTILES,
  PILOT_TRIALS,
  windowsFromPilot,
  type ColumnWindows,
} from "./streamingStats";

/**
 * Distance between two columns of the stage, in values: a block plus 16, so that a trial's values for
 * successive columns do not sit a power of two (8 KB) apart, which maps them all to the same few L1 cache sets.
 */
const STRIDE = BLOCK + 16;

/** Per-run buffers and compiled samplers, reused for every chunk of a run. */
export interface TrialContext {
  readonly params: KernelParams;
  readonly out: KernelBuffers;
  readonly uniforms: Float64Array;
  /** Draws the regime path's uniforms (`regimePhilox.words` after each block). */
  readonly regimePhilox: PhiloxBlock;
  readonly key0: number;
  readonly key1: number;
  /** Per stochastic slot: the KernelParams field it sets (index into `SETTABLE`). */
  readonly field: Int32Array;
  /** Per slot: 1 = triangular (inlined), 0 = any other distribution (`inverseCdf`). */
  readonly triangular: Uint8Array;
  /** Triangular constants per slot: min, F(mode), (max−min)(mode−min), max, (max−min)(max−mode). */
  readonly triMin: Float64Array;
  readonly triSplit: Float64Array;
  readonly triLeft: Float64Array;
  readonly triMax: Float64Array;
  readonly triRight: Float64Array;
  readonly distributions: readonly Distribution[];
  /** Per slot: 1 when its per-trial samples are stored in `raw.inputs` (rank correlations that need them). */
  readonly keepInput: Uint8Array;
  /** Per slot: this trial's stratum (from the plan), and 1 when it is stored in `raw.strata`. */
  readonly strata: Int32Array;
  readonly keepStratum: Uint8Array;
  readonly anyStratum: boolean;
  /** Kept series' kernel buffers, in `prepared.tracked` order (column s·(H+1) + t of the stage). */
  readonly sources: readonly Float64Array[];
  /**
   * Column-major staging of the current block: column c (see `PreparedSimulation.columns`) of block trial b
   * at c·STRIDE + b. A block is handed to the column accumulators when full (or at the range's end), so per-trial
   * values are never held beyond one block except where a view needs every trial (`raw.full`, evidence).
   */
  readonly stage: Float64Array;
  /**
   * Per column: its accumulator, or null when this run does not summarize it (a recomputation) or before the
   * windows are placed.
   */
  readonly accumulators: (ColumnAccumulator | null)[];
  /**
   * While the windows wait for the pilot (this range's first `pilotTrials` trials): the pilot's values, column
   * c at c·pilotTrials + i; then null. The windows and their share of the pilot once placed.
   */
  pending: Float64Array | null;
  /** Pilot trials already handed to the accumulators (see `replayPilot`). */
  replayed: number;
  readonly pilotTrials: number;
  readonly windows: (ColumnWindows | null)[];
  readonly mass: number[];
  /** Only place the windows (a worker whose range does not start the run): no accumulators. */
  readonly pilotOnly: boolean;
  /** Trials staged in the current block, and the raw index of the block's first trial. */
  staged: number;
  blockFrom: number;
  /** The evidence's observations against `out` (§5.1), or null when the run has no evidence. */
  readonly evidence: TrialEvidence | null;
}

/**
 * Where a context's column accumulators keep values: given windows per column (null: the column is not
 * accumulated) with the values expected inside them, or "pilot": placed from the range's own first trials
 * (the range starts the run and is at least the pilot long), or "pilotOnly": only place them.
 */
export type AccumulatorPlan =
  | { readonly windows: readonly (ColumnWindows | null)[]; readonly expected: readonly number[] }
  | "pilot"
  | "pilotOnly";

/** Builds the context for a prepared run (once per run or per worker range). */
export function createTrialContext(
  prepared: PreparedSimulation,
  raw: SimulationRaw,
  plan: AccumulatorPlan,
): TrialContext {
  const params = kernelParams(prepared);
  const out = createKernelBuffers(params.horizon, params.vendorWeight.length);
  const k = prepared.stochastic.length;
  const [key0, key1] = seedKey(prepared.seed);
  const blocks = Math.ceil(((raw.start % BLOCK) + raw.count) / BLOCK);
  const pilotTrials = Math.min(prepared.trials, PILOT_TRIALS);
  if (typeof plan === "string" && (raw.start !== 0 || raw.count < pilotTrials))
    throw new Error("trialLoop: a pilot is the first trials of the run");
  const ctx: TrialContext = {
    params,
    out,
    uniforms: new Float64Array(k),
    regimePhilox: createPhiloxBlock(),
    key0,
    key1,
    field: Int32Array.from(prepared.stochastic, (id) => settableIndex(id)),
    triangular: new Uint8Array(k),
    triMin: new Float64Array(k),
    triSplit: new Float64Array(k),
    triLeft: new Float64Array(k),
    triMax: new Float64Array(k),
    triRight: new Float64Array(k),
    distributions: prepared.distributions,
    keepInput: Uint8Array.from(raw.inputs, (a) => (a.length > 0 ? 1 : 0)),
    strata: new Int32Array(k),
    keepStratum: Uint8Array.from(raw.strata, (a) => (a.length > 0 ? 1 : 0)),
    anyStratum: raw.strata.some((a) => a.length > 0),
    sources: prepared.tracked.map((id) => out[id]),
    stage: new Float64Array(prepared.columns.length * STRIDE),
    accumulators:
      typeof plan === "string"
        ? prepared.columns.map(() => null)
        : plan.windows.map((w, c) =>
            w === null ? null : new ColumnAccumulator(w, plan.expected[c] ?? 0, blocks),
          ),
    pending: typeof plan === "string" ? new Float64Array(prepared.columns.length * pilotTrials) : null,
    replayed: 0,
    pilotTrials,
    windows: typeof plan === "string" ? prepared.columns.map(() => null) : [...plan.windows],
    mass: [],
    pilotOnly: plan === "pilotOnly",
    staged: 0,
    blockFrom: 0,
    evidence:
      prepared.evidence === null || raw.evidence.logLikelihood.length === 0
        ? null
        : createTrialEvidence(prepared.evidence, out),
  };
  prepared.distributions.forEach((d, j) => {
    if (d.kind !== "triangular") return;
    const { min: a, mode: c, max: b } = d;
    ctx.triangular[j] = 1;
    ctx.triMin[j] = a;
    ctx.triSplit[j] = (c - a) / (b - a);
    ctx.triLeft[j] = (b - a) * (c - a);
    ctx.triMax[j] = b;
    ctx.triRight[j] = (b - a) * (b - c);
  });
  return ctx;
}

/**
 * The kernel parameters of the run's scenario. The vendor table feeds only the vendor series and the installed
 * base (installedA100eq); no other output reads them (§4). A run that does not track installedA100eq gets no
 * vendors, so the kernel skips its per-vendor loop (about a fifth of its time) and every other output is the
 * same, bit for bit.
 */
function kernelParams(prepared: PreparedSimulation): KernelParams {
  const { scenario } = prepared;
  // Built the usual way (same object shape as any other run's parameters, so the kernel stays monomorphic).
  return kernelParamsFromScenario(
    prepared.tracked.includes("installedA100eq") ? scenario : { ...scenario, vendors: {} },
  );
}

/**
 * Runs trials [start, end) into `raw` (whose first trial is `raw.start`). The inputs are sampled exactly as
 * `plan.uniform` + `inverseCdf` define them; the regime path's uniform for year t uses the year index
 * v = t − 1 as the variable: word v mod 4 of Philox(seed; trial, REGIME, ⌊v / 4⌋, 0), i.e.
 * `CounterRng.uniform(trial, REGIME, t − 1)`.
 */
export function evaluateTrials(
  prepared: PreparedSimulation,
  ctx: TrialContext,
  start: number,
  end: number,
  raw: SimulationRaw,
): void {
  const { params, out, uniforms, regimePhilox, key0, key1, field, triangular } = ctx;
  const regimeWords = regimePhilox.words;
  const { triMin, triSplit, triLeft, triMax, triRight, distributions, keepInput } = ctx;
  const { strata, keepStratum, anyStratum } = ctx;
  const strataOut = raw.strata;
  const { sources, stage } = ctx;
  const kept = sources.length;
  const { plan, chain } = prepared;
  const slots = uniforms.length;
  const n = params.horizon + 1;
  const count = raw.count;
  const rangeEnd = raw.start + count;
  const inputs = raw.inputs;
  const keep = metricFlags(prepared.keptMetrics);
  const metricColumn = kept * n;
  const baseYear = prepared.scenario.baseYear;
  const access = params.access;
  const remittance = params.remittance;
  const offshoreAccess = params.offshoreAccess;
  const chainStates = chain === null ? 0 : chain.states.length;
  const { evidence } = ctx;
  // Regime paths are kept (year-major, like the series) only for the regime posterior.
  const regimes = raw.regimes;
  for (let trial = start; trial < end; trial++) {
    const i = trial - raw.start;
    if (ctx.staged === 0) ctx.blockFrom = i;
    if (anyStratum) {
      plan.fill(trial, uniforms, strata);
      for (let j = 0; j < slots; j++)
        if (keepStratum[j] === 1) (strataOut[j] as Int32Array)[i] = strata[j] as number;
    } else plan.fill(trial, uniforms);
    for (let j = 0; j < slots; j++) {
      const p = uniforms[j] as number;
      let value: number;
      if (triangular[j] === 1) {
        value =
          p < (triSplit[j] as number)
            ? (triMin[j] as number) + Math.sqrt(p * (triLeft[j] as number))
            : (triMax[j] as number) - Math.sqrt((1 - p) * (triRight[j] as number));
      } else value = inverseCdf(distributions[j] as Distribution, p);
      setScalar(params, field[j] as number, value);
      if (keepInput[j] === 1) (inputs[j] as Float64Array)[i] = value;
    }
    if (chain !== null) {
      const c0 = trial >>> 0;
      const c1 = counterWord1(trial, STREAM.regime);
      const cumulative = chain.cumulative;
      let state = chain.initial;
      if (regimes.length > 0) regimes[i] = state;
      for (let t = 1; t < n; t++) {
        const draw = t - 1;
        if ((draw & 3) === 0) regimePhilox.next(c0, c1, draw >>> 2, 0, key0, key1);
        const u = uniformOpen(regimeWords[draw & 3] as number);
        // nextRegime inlined: the first state whose cumulative probability (year t's matrix) reaches u.
        const row = ((t - 1) * chainStates + state) * chainStates;
        let next = chainStates - 1;
        for (let s = 0; s < chainStates; s++) {
          if (u <= (cumulative[row + s] as number)) {
            next = s;
            break;
          }
        }
        state = next;
        if (regimes.length > 0) regimes[t * count + i] = state;
        access[t] = chain.access[state] as number;
        remittance[t] = chain.remittance[state] as number;
        offshoreAccess[t] = chain.offshoreAccess[state] as number;
      }
    }
    projectKernel(params, out);
    if (evidence !== null) recordTrialEvidence(evidence, raw.evidence, i);
    const b = ctx.staged;
    for (let s = 0, at = b; s < kept; s++) {
      const src = sources[s] as Float64Array;
      for (let t = 0; t < n; t++, at += STRIDE) stage[at] = src[t] as number;
    }
    let at = metricColumn * STRIDE + b;
    if (keep.cumulative) {
      stage[at] = out.cumulativeNvidiaChina;
      at += STRIDE;
    }
    if (keep.npv) {
      stage[at] = out.npvNvidiaChina;
      at += STRIDE;
    }
    if (keep.cagr) {
      stage[at] = out.cagrNvidiaChina;
      at += STRIDE;
    }
    if (keep.crossover) {
      stage[at] = out.crossoverIndex < 0 ? NaN : baseYear + out.crossoverIndex;
      at += STRIDE;
    }
    // No second kernel run: see revenueAtRiskTotal (tested against projectScenario).
    if (keep.atRisk) stage[at] = revenueAtRiskTotal(out, params.nvidiaForeignShare);
    ctx.staged = b + 1;
    if (ctx.staged === BLOCK || trial === rangeEnd - 1) flushBlock(prepared, ctx, raw);
  }
}

/**
 * Hands the staged block to the column accumulators, and copies it where whole columns are kept: `raw.full`
 * (the outputs of thresholds, histograms and rank correlations) and, for the posterior, `raw.series` and
 * `raw.metrics` (year-major).
 */
function flushBlock(prepared: PreparedSimulation, ctx: TrialContext, raw: SimulationRaw): void {
  const { stage, accumulators, staged, blockFrom, pending } = ctx;
  const p = ctx.pilotTrials;
  if (pending !== null && blockFrom < p) {
    for (let c = 0; c < accumulators.length; c++)
      pending.set(stage.subarray(c * STRIDE, c * STRIDE + staged), c * p + blockFrom);
    if (blockFrom + staged >= p) placeWindows(prepared, ctx, raw.count);
  } else {
    const block = blockFrom / BLOCK;
    for (let c = 0; c < accumulators.length; c++) accumulators[c]?.addBlock(stage, c * STRIDE, staged, block);
    // The pilot's own blocks follow a few at a time, so no single step carries all of them.
    replayPilot(ctx, REPLAY_PER_BLOCK);
  }
  const { full } = raw;
  for (let f = 0; f < full.length; f++) {
    const column = full[f] as Float64Array;
    if (column.length === 0) continue;
    const c = prepared.fullColumns[f] as number;
    column.set(stage.subarray(c * STRIDE, c * STRIDE + staged), blockFrom);
  }
  const n = prepared.scenario.horizon + 1;
  prepared.tracked.forEach((id, s) => {
    const target = raw.series[id];
    if (target === undefined || target.length === 0) return;
    for (let t = 0; t < n; t++) {
      const c = s * n + t;
      target.set(stage.subarray(c * STRIDE, c * STRIDE + staged), t * raw.count + blockFrom);
    }
  });
  prepared.keptMetrics.forEach((m, k) => {
    const target = raw.metrics[m];
    if (target.length === 0) return;
    const c = prepared.tracked.length * n + k;
    target.set(stage.subarray(c * STRIDE, c * STRIDE + staged), blockFrom);
  });
  ctx.staged = 0;
}

/**
 * Places every column's windows from the pilot's values and (unless `pilotOnly`) creates the accumulators; the
 * pilot's trials reach them block by block afterwards (`replayPilot`).
 */
function placeWindows(prepared: PreparedSimulation, ctx: TrialContext, count: number): void {
  const pending = ctx.pending as Float64Array;
  const p = ctx.pilotTrials;
  const keepAll = prepared.trials <= PILOT_TRIALS;
  const blocks = Math.ceil(count / BLOCK);
  const below = new Uint32Array(CELLS + 1);
  for (let c = 0; c < ctx.accumulators.length; c++) {
    const column = pending.subarray(c * p, (c + 1) * p);
    const placed = windowsFromPilot(column, PERCENTILES, keepAll, prepared.windowSigmas, below);
    ctx.windows[c] = placed.windows;
    ctx.mass[c] = placed.mass;
    if (!ctx.pilotOnly)
      ctx.accumulators[c] = new ColumnAccumulator(
        placed.windows,
        Math.min(1, placed.mass * 1.15) * count + 64,
        blocks,
      );
  }
  if (ctx.pilotOnly) ctx.pending = null;
  else if (count === p) replayPilot(ctx, Infinity); // the run is the pilot: nothing follows it
}

/** Pilot blocks handed to the accumulators with each later block. */
const REPLAY_PER_BLOCK = 4;

/** Hands up to `blocks` more of the pilot's blocks to the accumulators (all of them: Infinity). */
export function replayPilot(ctx: TrialContext, blocks: number): void {
  const pending = ctx.pending;
  if (pending === null || ctx.windows[0] === null) return;
  const p = ctx.pilotTrials;
  let done = 0;
  while (ctx.replayed < p && done < blocks) {
    const from = ctx.replayed;
    const length = Math.min(BLOCK, p - from);
    for (let c = 0; c < ctx.accumulators.length; c++)
      ctx.accumulators[c]?.addBlock(pending, c * p + from, length, from / BLOCK);
    ctx.replayed = from + length;
    done++;
  }
  if (ctx.replayed >= p) ctx.pending = null;
}

/** The scalar inputs a distribution may set, in the order `setScalar` switches on. */
const SETTABLE = [
  "marketBase",
  "marketGrowth",
  "marketGrowthFade",
  "domesticShareBase",
  "domesticShareCap",
  "adoptionSpeed",
  "domesticSupplyBase",
  "domesticSupplyGrowth",
  "nvidiaForeignShare",
  "substitutionRate",
  "otherBase",
  "otherGrowth",
  "discountRate",
  "retirementRate",
  "offshoreBase",
  "offshoreGrowth",
] as const satisfies readonly ScalarInputId[];

function settableIndex(id: ScalarInputId): number {
  const index = (SETTABLE as readonly string[]).indexOf(id);
  if (index < 0)
    throw new Error(`trialLoop: ${id} cannot carry a distribution (validation should reject it)`);
  return index;
}

/** A switch on a small integer keeps the store monomorphic (a keyed store by name is megamorphic). */
function setScalar(p: KernelParams, field: number, value: number): void {
  switch (field) {
    case 0:
      p.marketBase = value;
      return;
    case 1:
      p.marketGrowth = value;
      return;
    case 2:
      p.marketGrowthFade = value;
      return;
    case 3:
      p.domesticShareBase = value;
      return;
    case 4:
      p.domesticShareCap = value;
      return;
    case 5:
      p.adoptionSpeed = value;
      return;
    case 6:
      p.domesticSupplyBase = value;
      return;
    case 7:
      p.domesticSupplyGrowth = value;
      return;
    case 8:
      p.nvidiaForeignShare = value;
      return;
    case 9:
      p.substitutionRate = value;
      return;
    case 10:
      p.otherBase = value;
      return;
    case 11:
      p.otherGrowth = value;
      return;
    case 12:
      p.discountRate = value;
      return;
    case 13:
      p.retirementRate = value;
      return;
    case 14:
      p.offshoreBase = value;
      return;
    case 15:
      p.offshoreGrowth = value;
      return;
    default:
      throw new Error(`trialLoop: no scalar field ${field}`);
  }
}

function metricFlags(kept: readonly MetricId[]): {
  cumulative: boolean;
  npv: boolean;
  cagr: boolean;
  crossover: boolean;
  atRisk: boolean;
} {
  return {
    cumulative: kept.includes("cumulativeNvidiaChina"),
    npv: kept.includes("npvNvidiaChina"),
    cagr: kept.includes("cagrNvidiaChina"),
    crossover: kept.includes("crossoverYear"),
    atRisk: kept.includes("revenueAtRiskTotal"),
  };
}

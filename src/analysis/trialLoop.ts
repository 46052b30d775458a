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
import { counterWord1, philox4x32Into, seedKey, uniformOpen } from "./philox";
import { STREAM } from "./sampling";
import type { PreparedSimulation, SimulationRaw } from "./simulate";
import type { MetricId } from "./simulationSpec";
import { createTrialEvidence, recordTrialEvidence, type TrialEvidence } from "./trialEvidence";

/** Per-run buffers and compiled samplers, reused for every chunk of a run. */
export interface TrialContext {
  readonly params: KernelParams;
  readonly out: KernelBuffers;
  readonly uniforms: Float64Array;
  readonly regimeWords: Uint32Array;
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
  /** Kept series' kernel buffers (Float64 targets first, then Float32 targets). */
  readonly sources: readonly Float64Array[];
  readonly targets64: readonly Float64Array[];
  readonly targets32: readonly Float32Array[];
  /**
   * Trial-major staging of the kept series for up to `STAGE_TRIALS` trials: index (b·S + s)·(H+1) + t. The
   * raw arrays are year-major (one column per series and year), so writing each trial straight into them
   * scatters H+1 stores per series over pages megabytes apart; staging turns that into sequential runs.
   */
  readonly stage: Float64Array;
  /** The evidence's observations against `out` (§5.1), or null when the run has no evidence. */
  readonly evidence: TrialEvidence | null;
}

/** Trials staged between flushes into the year-major raw arrays (small enough to stay in L2). */
const STAGE_TRIALS = 256;

/** Builds the context for a prepared run (once per run or per worker range). */
export function createTrialContext(prepared: PreparedSimulation, raw: SimulationRaw): TrialContext {
  const params = kernelParamsFromScenario(prepared.scenario);
  const out = createKernelBuffers(params.horizon, params.vendorWeight.length);
  const k = prepared.stochastic.length;
  const [key0, key1] = seedKey(prepared.seed);
  const ctx = {
    params,
    out,
    uniforms: new Float64Array(k),
    regimeWords: new Uint32Array(4),
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
    sources: [] as Float64Array[],
    targets64: [] as Float64Array[],
    targets32: [] as Float32Array[],
    stage: new Float64Array(0),
    evidence: prepared.evidence === null ? null : createTrialEvidence(prepared.evidence, out),
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
  const sources32: Float64Array[] = [];
  for (const id of prepared.tracked) {
    const target = raw.series[id];
    if (target instanceof Float64Array) {
      ctx.sources.push(out[id]);
      ctx.targets64.push(target);
    } else if (target instanceof Float32Array) {
      sources32.push(out[id]);
      ctx.targets32.push(target);
    }
  }
  ctx.sources.push(...sources32);
  return { ...ctx, stage: new Float64Array(STAGE_TRIALS * ctx.sources.length * out.market.length) };
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
  const { params, out, uniforms, regimeWords, key0, key1, field, triangular } = ctx;
  const { triMin, triSplit, triLeft, triMax, triRight, distributions } = ctx;
  const { sources, stage } = ctx;
  const kept = sources.length;
  let staged = 0;
  let stagedFrom = start - raw.start;
  const { plan, chain } = prepared;
  const slots = uniforms.length;
  const n = params.horizon + 1;
  const count = raw.count;
  const inputs = raw.inputs;
  const keepInputs = prepared.keepInputs;
  const m = raw.metrics;
  const keep = metricFlags(prepared.keptMetrics);
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
    plan.fill(trial, uniforms);
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
      if (keepInputs) (inputs[j] as Float64Array)[i] = value;
    }
    if (chain !== null) {
      const c0 = trial >>> 0;
      const c1 = counterWord1(trial, STREAM.regime);
      const cumulative = chain.cumulative;
      let state = chain.initial;
      if (regimes.length > 0) regimes[i] = state;
      for (let t = 1; t < n; t++) {
        const draw = t - 1;
        if ((draw & 3) === 0) philox4x32Into(c0, c1, draw >>> 2, 0, key0, key1, regimeWords);
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
    for (let s = 0, at = staged * kept * n; s < kept; s++) {
      const src = sources[s] as Float64Array;
      for (let t = 0; t < n; t++, at++) stage[at] = src[t] as number;
    }
    staged++;
    if (staged === STAGE_TRIALS || trial === end - 1) {
      flushStage(ctx, staged, stagedFrom, n, count);
      stagedFrom += staged;
      staged = 0;
    }
    if (keep.cumulative) m.cumulativeNvidiaChina[i] = out.cumulativeNvidiaChina;
    if (keep.npv) m.npvNvidiaChina[i] = out.npvNvidiaChina;
    if (keep.cagr) m.cagrNvidiaChina[i] = out.cagrNvidiaChina;
    if (keep.crossover) m.crossoverYear[i] = out.crossoverIndex < 0 ? NaN : baseYear + out.crossoverIndex;
    // No second kernel run: see revenueAtRiskTotal (tested against projectScenario).
    if (keep.atRisk) m.revenueAtRiskTotal[i] = revenueAtRiskTotal(out, params.nvidiaForeignShare);
  }
}

/** Copies `staged` staged trials, the first being raw index `from`, into the year-major raw columns. */
function flushStage(ctx: TrialContext, staged: number, from: number, n: number, count: number): void {
  const { stage, targets64, targets32 } = ctx;
  const kept = ctx.sources.length;
  const stride = kept * n;
  for (let s = 0; s < targets64.length; s++) {
    const dst = targets64[s] as Float64Array;
    for (let t = 0; t < n; t++) {
      const column = t * count + from;
      for (let b = 0, at = s * n + t; b < staged; b++, at += stride) dst[column + b] = stage[at] as number;
    }
  }
  for (let s = 0; s < targets32.length; s++) {
    const dst = targets32[s] as Float32Array;
    const row = (targets64.length + s) * n;
    for (let t = 0; t < n; t++) {
      const column = t * count + from;
      for (let b = 0, at = row + t; b < staged; b++, at += stride) dst[column + b] = stage[at] as number;
    }
  }
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

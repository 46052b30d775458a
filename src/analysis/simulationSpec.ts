/**
 * What a simulation varies and reports (DESIGN.md §5), as plain JSON: distributions on scalar inputs, an
 * optional regime Markov chain, an optional target Spearman matrix, thresholds and histogram choices.
 */
import { isModelError, modelError, type ModelError } from "../model/errors";
import type { ScalarInputId, Scenario, SeriesId } from "../model/types";
import { SERIES_IDS } from "../model/types";
import { SCALAR_BOUNDS, SCALAR_INPUT_IDS } from "../model/validate";
import { echo, extent, ownValue } from "../model/own";
import { validateDistribution, type Distribution } from "./distributions";
import { validateCorrelationMatrix, type InvalidCorrelationError } from "./imanConover";
import { placeObservations, type EvidenceSet } from "./evidence";
import type { RegimeChain } from "./regimeChain";

/** Summary metrics simulated per trial. `crossoverYear` is NaN in trials that never cross 50%. */
export const METRIC_IDS = [
  "cumulativeNvidiaChina",
  "npvNvidiaChina",
  "cagrNvidiaChina",
  "crossoverYear",
  "revenueAtRiskTotal",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** An output of one trial: a summary metric, or one series in one calendar year. */
export type OutputRef = { readonly metric: MetricId } | { readonly series: SeriesId; readonly year: number };

export interface Threshold {
  readonly output: OutputRef;
  readonly op: "<" | ">";
  readonly value: number;
}

export interface SimulationSpec {
  /** Distributions on scalar inputs (not `baseYear`/`horizon`); inputs not listed stay at the scenario's value. */
  readonly inputs: Readonly<Partial<Record<ScalarInputId, Distribution>>>;
  /** Regime uncertainty; without it every trial uses the scenario's fixed `regimePath`. */
  readonly regimeChain?: RegimeChain;
  /** Target Spearman matrix between some of the stochastic inputs (Iman–Conover). */
  readonly correlation?: {
    readonly inputs: readonly ScalarInputId[];
    readonly matrix: readonly (readonly number[])[];
  };
  readonly thresholds?: readonly Threshold[];
  /** Extra histogram (besides cumulative NVIDIA China revenue); default: nvidiaChina in the last year. */
  readonly histogram?: { readonly output?: OutputRef; readonly bins?: number };
  /**
   * Output for the inputs' Spearman rank correlations. They are computed ONLY when this is set (ranking every
   * input over 10⁶ trials costs more than all the percentiles); `defaultSimulationSpec` sets
   * cumulativeNvidiaChina.
   */
  readonly rankCorrelationOutput?: OutputRef;
  /** Series kept per trial for percentiles (added to the defaults). */
  readonly trackSeries?: readonly SeriesId[];
  /**
   * Which per-trial outputs are kept (memory and summarizing time). "all" (default): DEFAULT_TRACKED_SERIES,
   * trackSeries, every summary metric and the default histograms. "listed": only trackSeries and the outputs
   * named by thresholds, histogram and rankCorrelationOutput; summary metrics not named report count 0 (NaN
   * statistics), crossoverProbability is NaN unless crossoverYear is named, and the only histogram is
   * `histogram`'s, when given.
   */
  readonly keep?: "all" | "listed";
  /**
   * Reported figures (§5.1): when set, the result carries `posterior` (importance-weighted statistics, ESS,
   * regime posterior) beside the prior statistics.
   */
  readonly evidence?: EvidenceSet;
}

/** Series always kept per trial (their percentiles are reported). */
export const DEFAULT_TRACKED_SERIES: readonly SeriesId[] = [
  "nvidiaChina",
  "nvidiaChinaNet",
  "domesticShare",
  "market",
  "nvidiaDataCenter",
  "domesticSales",
];

/** The fields a spec may have (a misspelt field is an error, not silently ignored). */
const SPEC_KEYS: readonly string[] = [
  "inputs",
  "regimeChain",
  "correlation",
  "thresholds",
  "histogram",
  "rankCorrelationOutput",
  "trackSeries",
  "keep",
  "evidence",
];

/** Inputs a distribution may not be put on (they shape the arrays). */
const STRUCTURAL: readonly ScalarInputId[] = ["baseYear", "horizon"];

/**
 * Validates a spec against a (valid) scenario: each distribution's parameters and its support against the
 * input's valid range, correlation inputs are stochastic and the matrix valid, outputs name real
 * series/years/metrics. Returns the spec or the first problem.
 */
export function validateSimulationSpec(
  scenario: Scenario,
  spec: SimulationSpec,
): SimulationSpec | ModelError | InvalidCorrelationError {
  if (typeof spec !== "object" || spec === null || typeof spec.inputs !== "object" || spec.inputs === null) {
    return modelError("invalidInput", "simulation spec must have an inputs object");
  }
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.includes(key))
      return modelError(
        "invalidInput",
        `simulation spec has no field ${echo(key)} (fields: ${SPEC_KEYS.join(", ")})`,
      );
  }
  for (const [id, d] of Object.entries(spec.inputs)) {
    if (!(SCALAR_INPUT_IDS as readonly string[]).includes(id))
      return modelError("invalidInput", `${echo(id)} is not a scalar input id`);
    if (STRUCTURAL.includes(id as ScalarInputId))
      return modelError("invalidInput", `${id} cannot carry a distribution`);
    if (d === undefined) continue;
    const valid = validateDistribution(d, id);
    if (isModelError(valid)) return valid;
    const supportIssue = supportProblem(id as ScalarInputId, d);
    if (supportIssue !== undefined) return modelError("invalidInput", supportIssue);
  }
  if (spec.correlation) {
    const { inputs, matrix } = spec.correlation;
    if (!Array.isArray(inputs) || !Array.isArray(matrix))
      return modelError("invalidInput", "correlation must have an inputs list and a matrix");
    for (const id of inputs) {
      if (ownValue(spec.inputs, String(id)) === undefined)
        return modelError("invalidInput", `correlation input ${echo(String(id))} has no distribution`);
    }
    if (new Set(inputs).size !== inputs.length)
      return modelError("invalidInput", "correlation inputs must be distinct");
    if (matrix.length !== inputs.length) {
      return modelError(
        "invalidInput",
        `correlation matrix must be ${inputs.length}×${inputs.length}, got ${matrix.length} rows`,
      );
    }
    const m = validateCorrelationMatrix(matrix, inputs);
    if (isModelError(m)) return m;
  }
  const outputs: OutputRef[] = [
    ...(spec.thresholds ?? []).map((t) => t.output),
    ...(spec.histogram?.output ? [spec.histogram.output] : []),
    ...(spec.rankCorrelationOutput ? [spec.rankCorrelationOutput] : []),
  ];
  for (const o of outputs) {
    const issue = outputProblem(scenario, o);
    if (issue !== undefined) return modelError("invalidInput", issue);
  }
  for (const t of spec.thresholds ?? []) {
    if (t.op !== "<" && t.op !== ">")
      return modelError("invalidInput", `threshold op must be "<" or ">", got ${String(t.op)}`);
    if (!Number.isFinite(t.value))
      return modelError("invalidInput", `threshold value must be a finite number, got ${t.value}`);
  }
  const bins = spec.histogram?.bins;
  if (bins !== undefined && !(Number.isInteger(bins) && bins >= 1 && bins <= 1000)) {
    return modelError("invalidInput", `histogram bins must be an integer between 1 and 1000, got ${bins}`);
  }
  if (spec.keep !== undefined && spec.keep !== "all" && spec.keep !== "listed")
    return modelError("invalidInput", `keep must be "all" or "listed", got ${String(spec.keep)}`);
  if (spec.evidence !== undefined) {
    const e: unknown = spec.evidence;
    if (typeof e !== "object" || e === null || !Object.hasOwn(e, "observations"))
      return modelError("invalidInput", 'evidence must be { "observations": [ … ] }');
    const placed = placeObservations(spec.evidence.observations, scenario);
    if (isModelError(placed)) return modelError(placed.code, `evidence: ${placed.message}`);
  }
  for (const s of spec.trackSeries ?? []) {
    if (!(SERIES_IDS as readonly string[]).includes(s))
      return modelError("notFound", `series ${s} not found`);
  }
  return spec;
}

/** A human label for an output ref, e.g. "nvidiaChina 2028" or "cumulativeNvidiaChina". */
export function outputLabel(o: OutputRef): string {
  return "metric" in o ? o.metric : `${o.series} ${o.year}`;
}

/** Why an output ref is invalid for this scenario, or undefined. */
export function outputProblem(scenario: Scenario, o: OutputRef): string | undefined {
  if ("metric" in o)
    return (METRIC_IDS as readonly string[]).includes(o.metric) ? undefined : `metric ${o.metric} not found`;
  if (!(SERIES_IDS as readonly string[]).includes(o.series)) return `series ${o.series} not found`;
  const last = scenario.baseYear + scenario.horizon;
  if (!Number.isInteger(o.year) || o.year < scenario.baseYear || o.year > last) {
    return `year must be an integer between ${scenario.baseYear} and ${last}, got ${o.year}`;
  }
  return undefined;
}

function supportProblem(id: ScalarInputId, d: Distribution): string | undefined {
  const [lo, hi] = support(d);
  const b = SCALAR_BOUNDS[id];
  const range = (min: number, max: number): string | undefined =>
    lo < min || hi > max
      ? `${id} distribution must stay between ${min} and ${max}, its support is [${lo}, ${hi}]`
      : undefined;
  switch (b.kind) {
    case "closed":
    case "integer":
      return range(b.min, b.max);
    case "openMinClosedMax":
      return lo <= b.min && !continuousAtMin(d)
        ? `${id} distribution must stay above ${b.min}, its support starts at ${lo}`
        : range(b.min, b.max);
    case "greaterThan":
      if (lo < b.min || (lo === b.min && !continuousAtMin(d)))
        return `${id} distribution must stay above ${b.min}, its support starts at ${lo}`;
      return undefined;
    case "atLeast":
      return lo < b.min
        ? `${id} distribution must stay at or above ${b.min}, its support starts at ${lo}`
        : undefined;
  }
}

/** The closed hull of a distribution's support. */
function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case "fixed":
      return [d.value, d.value];
    case "uniform":
    case "triangular":
    case "pert":
      return [d.min, d.max];
    case "normal":
      return [d.lo ?? -Infinity, d.hi ?? Infinity];
    case "lognormal":
    case "lognormalMuSigma":
      return [0, Infinity];
    case "discrete":
      return extent(d.values);
  }
}

/** Continuous distributions never return their lower support bound for p in the open (0, 1). */
function continuousAtMin(d: Distribution): boolean {
  return d.kind !== "fixed" && d.kind !== "discrete";
}

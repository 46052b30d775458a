import type { ModelError } from "../model/errors";
import { isModelError, modelError } from "../model/errors";
import type { Scenario, SeriesId } from "../model/types";
import { SERIES_IDS } from "../model/types";
import { BASE_PRESET_ID, nearestIds } from "../model";
import type { Distribution, MetricId, OutputRef, SampleStats, SimulationResult } from "../analysis";
import type { EvidenceSet, SimulationSpec } from "../analysis";
import {
  defaultSimulationSpec,
  inverseCdf,
  METRIC_IDS,
  simulate,
  tornado,
  validateDistribution,
} from "../analysis";
import type { CellGrid, CellResult } from "./cells";
import { cellOf, gridOf } from "./cells";
import { coerceNumber, coerceOptionalText, coerceText, isOmitted } from "./coerce";
import { canonicalKey, createLruMemo, SIMULATION_MEMO_CAPACITY } from "./memo";
import { resolveScenario } from "./modelFunctions";

/**
 * CHIPS.SIMULATE, CHIPS.SIMULATE.TABLE, CHIPS.TORNADO and CHIPS.DIST.INV. Simulations run the engine's Monte
 * Carlo (src/analysis/simulate.ts) with the scenario's default distributions (defaultSimulationSpec), Latin
 * hypercube sampling and the given seed, so a cell gives the same numbers as the CLI and the pane for the same
 * scenario, trials and seed. Results are memoized on (scenario inputs, trials, seed).
 */

/** Trials cap for worksheet functions: a cell recalculation must stay interactive (the pane runs more). */
export const MAX_CELL_TRIALS = 20_000;

/** Statistic names CHIPS.SIMULATE accepts → the SampleStats field. */
export const SIMULATE_STATISTICS = {
  mean: "mean",
  sd: "sd",
  min: "min",
  max: "max",
  p5: "p5",
  p10: "p10",
  p25: "p25",
  p50: "p50",
  p75: "p75",
  p90: "p90",
  p95: "p95",
  se: "standardError",
} as const satisfies Record<string, keyof SampleStats>;

/** Header row of CHIPS.SIMULATE.TABLE; the statistic columns follow `TABLE_STATS`. */
export const SIMULATE_TABLE_HEADER = [
  "Year",
  "FY",
  "Mean",
  "SD",
  "P5",
  "P10",
  "P25",
  "P50",
  "P75",
  "P90",
  "P95",
];
const TABLE_STATS = ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;

/** Header row of CHIPS.TORNADO. */
export const TORNADO_HEADER = [
  "Input",
  "Low (P10)",
  "High (P90)",
  "Output at low",
  "Output at high",
  "Swing",
];

/**
 * The engine call behind the simulation functions, as an object so a test can spy on it: every series is
 * tracked (tracking does not change any random number, so the statistics equal an untracked run's).
 */
export const simulationEngine = {
  run(
    scenario: Scenario,
    trials: number,
    seed: number,
    evidence?: EvidenceSet,
  ): SimulationResult | ModelError {
    const result = simulate(scenario, cellSimulationSpec(scenario, evidence), {
      trials,
      seed,
      sampling: "lhs",
    });
    return isModelError(result) || !("kind" in result)
      ? result
      : modelError("numeric", "simulation cancelled");
  },
};

const memo = createLruMemo<SimulationResult | ModelError>(SIMULATION_MEMO_CAPACITY);
const asyncMemo = createLruMemo<Promise<SimulationResult | ModelError>>(SIMULATION_MEMO_CAPACITY);

/** Empties the simulation memos (tests; a new dataset version). */
export function clearSimulationMemo(): void {
  memo.clear();
  asyncMemo.clear();
}

/** The simulation spec behind every simulation function (the scenario's defaults, every series tracked). */
export function cellSimulationSpec(scenario: Scenario, evidence?: EvidenceSet): SimulationSpec {
  return {
    ...defaultSimulationSpec(scenario),
    trackSeries: SERIES_IDS,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/**
 * Runs a simulation off the calling thread (in Excel: the simulation worker) and resolves to its result; it
 * must give exactly what `simulate()` gives for the same scenario, spec and options.
 */
export type SimulationRunner = (
  scenario: Scenario,
  spec: SimulationSpec,
  options: { readonly trials: number; readonly seed: number; readonly sampling: "lhs" },
) => Promise<SimulationResult>;

let runner: SimulationRunner | null = null;

/**
 * Installs (or with null removes) the runner the async simulation functions use. Without one they compute in
 * this thread after yielding once, so a recalculation never holds Excel's calculation call.
 */
export function setSimulationRunner(next: SimulationRunner | null): void {
  runner = next;
  asyncMemo.clear();
}

function memoKey(scenario: Scenario, trials: number, seed: number, evidence?: EvidenceSet): string {
  return `${trials}|${seed}|${canonicalKey(scenario)}|${evidence === undefined ? "" : canonicalKey(evidence)}`;
}

/**
 * The memoized simulation, off the calling thread: one run per distinct (scenario inputs, trials, seed,
 * evidence), shared by concurrent cells. A runner that fails (e.g. the worker could not load) falls back to
 * computing here, so the cell still gets its number.
 */
export function memoizedSimulationAsync(
  scenario: Scenario,
  trials: number,
  seed: number,
  evidence?: EvidenceSet,
): Promise<SimulationResult | ModelError> {
  const inThread = (): Promise<SimulationResult | ModelError> =>
    new Promise((resolve) =>
      setTimeout(() => resolve(memoizedSimulation(scenario, trials, seed, evidence)), 0),
    );
  return asyncMemo.get(memoKey(scenario, trials, seed, evidence), () => {
    const current = runner;
    if (current === null) return inThread();
    return current(scenario, cellSimulationSpec(scenario, evidence), { trials, seed, sampling: "lhs" }).then(
      (result) => result,
      () => inThread(),
    );
  });
}

/** What a simulation cell asks for, and how its value is read off the result (shared by sync and async). */
export interface SimulationPlan<R> {
  readonly scenario: Scenario;
  readonly trials: number;
  readonly seed: number;
  readonly evidence?: EvidenceSet;
  readonly read: (result: SimulationResult) => R | ModelError;
}

/** A plan run in this thread (HyperFormula preview, tests, CLI). */
export function runPlan<R>(plan: SimulationPlan<R> | ModelError): R | ModelError {
  if (isModelError(plan)) return plan;
  const result = memoizedSimulation(plan.scenario, plan.trials, plan.seed, plan.evidence);
  return isModelError(result) ? result : plan.read(result);
}

/** A plan run through the runner (Excel's custom functions): the same value as `runPlan`. */
export async function runPlanAsync<R>(plan: SimulationPlan<R> | ModelError): Promise<R | ModelError> {
  if (isModelError(plan)) return plan;
  const result = await memoizedSimulationAsync(plan.scenario, plan.trials, plan.seed, plan.evidence);
  return isModelError(result) ? result : plan.read(result);
}

/**
 * The memoized simulation of a scenario: one engine run per distinct (scenario inputs, trials, seed,
 * evidence).
 */
export function memoizedSimulation(
  scenario: Scenario,
  trials: number,
  seed: number,
  evidence?: EvidenceSet,
): SimulationResult | ModelError {
  return memo.get(memoKey(scenario, trials, seed, evidence), () =>
    simulationEngine.run(scenario, trials, seed, evidence),
  );
}

/**
 * CHIPS.SIMULATE(scenario, trials, seed, series, year, [statistic]): one statistic (default mean) of a series
 * in a calendar year, or of a summary metric (then `year` is ignored).
 */
export function simulateCell(...args: SimulateCellArgs): CellResult {
  return runPlan(simulateCellPlan(...args));
}

type SimulateCellArgs = [
  scenario: unknown,
  trials: unknown,
  seed: unknown,
  series: unknown,
  year: unknown,
  statistic?: unknown,
];

/** CHIPS.SIMULATE's arguments checked, and how its statistic is read off the simulation. */
export function simulateCellPlan(
  ...[scenario, trials, seed, series, year, statistic]: SimulateCellArgs
): SimulationPlan<CellResult> | ModelError {
  const run = runArgs(scenario, trials, seed);
  if (isModelError(run)) return run;
  const output = outputArg(run.scenario, series, year, "series");
  if (isModelError(output)) return output;
  const stat = statisticArg(statistic);
  if (isModelError(stat)) return stat;
  return {
    ...run,
    read: (result) => {
      const stats = statsOf(result, run.scenario, output);
      if (isModelError(stats)) return stats;
      return cellOf(stats[SIMULATE_STATISTICS[stat]], `${stat} of ${label(output)}`);
    },
  };
}

/**
 * CHIPS.SIMULATE.TABLE(scenario, trials, seed, series): header row, then per calendar year its FY label,
 * mean, sd and P5…P95 of the series.
 */
export function simulateTableGrid(
  scenario: unknown,
  trials: unknown,
  seed: unknown,
  series: unknown,
): CellGrid | ModelError {
  return runPlan(simulateTablePlan(scenario, trials, seed, series));
}

/** CHIPS.SIMULATE.TABLE's arguments checked, and how its table is read off the simulation. */
export function simulateTablePlan(
  scenario: unknown,
  trials: unknown,
  seed: unknown,
  series: unknown,
): SimulationPlan<CellGrid> | ModelError {
  const run = runArgs(scenario, trials, seed);
  if (isModelError(run)) return run;
  const id = seriesArg(series);
  if (isModelError(id)) return id;
  return {
    ...run,
    read: (result) => {
      const perYear = result.series[id];
      if (perYear === undefined) return modelError("notFound", `series "${id}" was not simulated`);
      const rows = result.years.calendar.map((calendarYear, t) => {
        const stats = perYear[t];
        const cells = TABLE_STATS.map((s) => stats?.[s] ?? NaN);
        return [calendarYear, result.years.fiscal[t] ?? "", ...cells];
      });
      return gridOf([SIMULATE_TABLE_HEADER, ...rows], id);
    },
  };
}

/** The size CHIPS.SIMULATE.TABLE will have, without simulating (unknown arguments as the base preset). */
export function simulateTableSize(literals: readonly unknown[], known: readonly boolean[]): GridSize {
  const pick = (i: number, fallback: unknown): unknown => ((known[i] ?? true) ? literals[i] : fallback);
  const run = runArgs(pick(0, BASE_PRESET_ID), pick(1, 2), pick(2, 0));
  const id = seriesArg(pick(3, "nvidiaChina"));
  if (isModelError(run) || isModelError(id)) return { rows: 1, cols: 1 };
  return { rows: run.scenario.horizon + 2, cols: SIMULATE_TABLE_HEADER.length };
}

/**
 * CHIPS.TORNADO(scenario, metric, [year]): header row, then one row per uncertain input (default
 * distributions) — input id, its P10 and P90, the output at each, the swing — widest swing first.
 */
export function tornadoGrid(scenario: unknown, metric: unknown, year?: unknown): CellGrid | ModelError {
  const resolved = resolveScenario(scenario);
  if (isModelError(resolved)) return resolved;
  const output = outputArg(resolved, metric, year, "metric");
  if (isModelError(output)) return output;
  const result = tornado(resolved, defaultSimulationSpec(resolved), output);
  if (isModelError(result)) return result;
  const rows = result.bars.map((b) => [b.input, b.lowInput, b.highInput, b.lowOutput, b.highOutput, b.swing]);
  return gridOf([TORNADO_HEADER, ...rows], `tornado of ${label(output)}`);
}

/** The size CHIPS.TORNADO will have (unknown arguments as the base preset and cumulative revenue). */
export function tornadoSize(literals: readonly unknown[], known: readonly boolean[]): GridSize {
  const isKnown = (i: number): boolean => known[i] ?? true;
  const scenario = isKnown(0) ? literals[0] : BASE_PRESET_ID;
  const outputKnown = isKnown(1) && isKnown(2);
  const result = outputKnown
    ? tornadoGrid(scenario, literals[1], literals[2])
    : tornadoGrid(scenario, "cumulativeNvidiaChina");
  if (isModelError(result)) return { rows: 1, cols: 1 };
  return { rows: result.length, cols: TORNADO_HEADER.length };
}

/** DIST.INV kinds (case-insensitive); `distribution` maps a, b, c to each one's parameters. */
export const DIST_INV_KINDS = [
  "uniform",
  "triangular",
  "pert",
  "normal",
  "lognormal",
  "lognormalMuSigma",
] as const;
type DistInvKind = (typeof DIST_INV_KINDS)[number];

/**
 * CHIPS.DIST.INV(kind, p, a, b, [c]): the inverse CDF at p. a and b are always the bounds of a bounded kind,
 * c its mode (the textbook Triangular(a, b, c) notation): uniform(a = min, b = max); triangular and pert
 * (a = min, b = max, c = mode); normal(a = mean, b = sd); lognormal(a = median, b = p90);
 * lognormalMuSigma(a = μ, b = σ of ln X).
 */
export function distInvCell(kind: unknown, p: unknown, a: unknown, b: unknown, c?: unknown): CellResult {
  const kindText = coerceText(kind, "kind");
  if (isModelError(kindText)) return kindText;
  const k = DIST_INV_KINDS.find((x) => x.toLowerCase() === kindText.toLowerCase());
  if (k === undefined) {
    return modelError("invalidInput", `kind must be one of ${DIST_INV_KINDS.join(", ")}, got "${kindText}"`);
  }
  const prob = coerceNumber(p, "p");
  if (isModelError(prob)) return prob;
  const bounded = k === "uniform" || k === "triangular" || k === "pert";
  if (bounded ? !(prob >= 0 && prob <= 1) : !(prob > 0 && prob < 1)) {
    const range = bounded ? "between 0 and 1" : "strictly between 0 and 1";
    return modelError("invalidInput", `p must be ${range} for ${k}, got ${prob}`);
  }
  const av = coerceNumber(a, "a");
  if (isModelError(av)) return av;
  const bv = coerceNumber(b, "b");
  if (isModelError(bv)) return bv;
  const three = k === "triangular" || k === "pert";
  if (!three && !isOmitted(c)) return modelError("invalidInput", `c is not used by ${k}: leave it empty`);
  const cv = three ? coerceNumber(c, "c") : 0;
  if (isModelError(cv)) return cv;
  const d = validateDistribution(distribution(k, av, bv, cv), k);
  if (isModelError(d)) return d;
  return cellOf(inverseCdf(d, prob), `${k} inverse CDF`);
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

export interface RunArgs {
  readonly scenario: Scenario;
  readonly trials: number;
  readonly seed: number;
}

export function runArgs(scenario: unknown, trials: unknown, seed: unknown): RunArgs | ModelError {
  const resolved = resolveScenario(scenario);
  if (isModelError(resolved)) return resolved;
  const n = coerceNumber(trials, "trials");
  if (isModelError(n)) return n;
  if (!(Number.isInteger(n) && n >= 2 && n <= MAX_CELL_TRIALS)) {
    return modelError(
      "invalidInput",
      `trials must be an integer between 2 and ${MAX_CELL_TRIALS} (the cap for worksheet functions; ` +
        `the task pane's Simulate runs more), got ${n}`,
    );
  }
  const s = coerceNumber(seed, "seed");
  if (isModelError(s)) return s;
  if (!(Number.isInteger(s) && s >= 0 && s <= Number.MAX_SAFE_INTEGER)) {
    return modelError(
      "invalidInput",
      `seed must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}, got ${s}`,
    );
  }
  return { scenario: resolved, trials: n, seed: s };
}

function seriesArg(series: unknown): SeriesId | ModelError {
  const id = coerceText(series, "series");
  if (isModelError(id)) return id;
  if ((SERIES_IDS as readonly string[]).includes(id)) return id as SeriesId;
  const near = nearestIds(id, SERIES_IDS).join(", ");
  return modelError("notFound", `series "${id}" is not a simulated series; nearest: ${near}`);
}

/** A series id with its year, or a summary metric id (year ignored). */
export function outputArg(
  scenario: Scenario,
  id: unknown,
  year: unknown,
  name: string,
): OutputRef | ModelError {
  const text = coerceText(id, name);
  if (isModelError(text)) return text;
  if ((METRIC_IDS as readonly string[]).includes(text)) return { metric: text as MetricId };
  const series = seriesArg(text);
  if (isModelError(series)) {
    const near = nearestIds(text, [...METRIC_IDS, ...SERIES_IDS]).join(", ");
    return modelError("notFound", `${name} "${text}" is not a series or metric id; nearest: ${near}`);
  }
  const y = yearArg(year);
  if (isModelError(y)) return y;
  const last = scenario.baseYear + scenario.horizon;
  if (!(Number.isInteger(y) && y >= scenario.baseYear && y <= last)) {
    return modelError(
      "invalidInput",
      `year must be a calendar year between ${scenario.baseYear} and ${last}, got ${y}`,
    );
  }
  return { series, year: y };
}

/** A calendar year from a number or an NVIDIA fiscal-year label ("FY2027" = calendar 2026). */
function yearArg(year: unknown): number | ModelError {
  if (typeof year === "string") {
    const fy = /^FY(\d{4})$/i.exec(year.trim());
    if (fy) return Number(fy[1]) - 1;
  }
  return coerceNumber(year, "year");
}

function statisticArg(statistic: unknown): keyof typeof SIMULATE_STATISTICS | ModelError {
  const text = coerceOptionalText(statistic, "statistic");
  if (isModelError(text)) return text;
  if (text === undefined) return "mean";
  const key = text.toLowerCase();
  if (Object.hasOwn(SIMULATE_STATISTICS, key)) return key as keyof typeof SIMULATE_STATISTICS;
  const names = Object.keys(SIMULATE_STATISTICS).join(", ");
  return modelError("invalidInput", `statistic must be one of ${names}, got "${text}"`);
}

function statsOf(result: SimulationResult, scenario: Scenario, output: OutputRef): SampleStats | ModelError {
  if ("metric" in output) return result.metrics[output.metric];
  const stats = result.series[output.series]?.[output.year - scenario.baseYear];
  return stats ?? modelError("notFound", `series "${output.series}" was not simulated`);
}

export function label(output: OutputRef): string {
  return "metric" in output ? output.metric : `${output.series} ${output.year}`;
}

function distribution(k: DistInvKind, a: number, b: number, c: number): Distribution {
  switch (k) {
    case "uniform":
      return { kind: "uniform", min: a, max: b };
    case "triangular":
      return { kind: "triangular", min: a, mode: c, max: b };
    case "pert":
      return { kind: "pert", min: a, mode: c, max: b };
    case "normal":
      return { kind: "normal", mean: a, sd: b };
    case "lognormal":
      return { kind: "lognormal", median: a, p90: b };
    case "lognormalMuSigma":
      return { kind: "lognormalMuSigma", mu: a, sigma: b };
  }
}

import type { ModelError } from "../model/errors";
import { isModelError, modelError } from "../model/errors";
import { findPreset, PRESETS } from "../model/presets";
import type { EvidenceSet, Observation, WeightedStats } from "../analysis";
import { defaultEvidence, scenarioWeights, type ScenarioEntry } from "../analysis";
import type { CellGrid, CellResult } from "./cells";
import { cellOf, gridOf } from "./cells";
import { coerceNumber, coerceOptionalText, isOmitted } from "./coerce";
import { label, outputArg, runArgs, runPlan, type SimulationPlan } from "./simulationFunctions";

/**
 * CHIPS.EVIDENCE.WEIGHTS and CHIPS.SIMULATE.POSTERIOR (DESIGN.md §5.1): the posterior weight of each scenario
 * given reported figures, and a posterior statistic of a seeded simulation. Evidence is a range of rows
 * (series, period, value, sd, [figureId]) — a header row starting "series" is skipped — or, when omitted, the
 * presets' default evidence set.
 */

/** Header row of CHIPS.EVIDENCE.WEIGHTS. */
export const EVIDENCE_WEIGHTS_HEADER = ["Scenario", "Log-likelihood", "Prior", "Posterior"];

/** Statistics CHIPS.SIMULATE.POSTERIOR accepts: the §5.1 posterior statistics and the effective sample size. */
export const POSTERIOR_STATISTICS = [
  "mean",
  "sd",
  "p5",
  "p10",
  "p25",
  "p50",
  "p75",
  "p90",
  "p95",
  "ess",
] as const;
type PosteriorStatistic = (typeof POSTERIOR_STATISTICS)[number];

/**
 * CHIPS.EVIDENCE.WEIGHTS(scenarios, [evidence], [priors]): header row, then per scenario its id, ℓ, prior and
 * posterior weight.
 */
export function evidenceWeightsGrid(
  scenarios: unknown,
  evidence?: unknown,
  priors?: unknown,
): CellGrid | ModelError {
  const entries = scenarioList(scenarios);
  if (isModelError(entries)) return entries;
  const set = evidenceArg(evidence);
  if (isModelError(set)) return set;
  const p = priorsArg(priors, entries.length);
  if (isModelError(p)) return p;
  const weights = scenarioWeights(entries, set.observations, p);
  if (isModelError(weights)) return weights;
  const rows = weights.map((w) => [w.id, w.logLikelihood, w.prior, w.posterior]);
  return gridOf([EVIDENCE_WEIGHTS_HEADER, ...rows], "evidence weights");
}

/**
 * CHIPS.SIMULATE.POSTERIOR(scenario, trials, seed, series, year, [statistic], [evidence]): one posterior
 * statistic (default mean) of a series in a calendar year, or the effective sample size ("ess").
 */
export function posteriorCell(...args: PosteriorCellArgs): CellResult {
  return runPlan(posteriorCellPlan(...args));
}

type PosteriorCellArgs = [
  scenario: unknown,
  trials: unknown,
  seed: unknown,
  series: unknown,
  year: unknown,
  statistic?: unknown,
  evidence?: unknown,
];

/** CHIPS.SIMULATE.POSTERIOR's arguments checked, and how its statistic is read off the simulation. */
export function posteriorCellPlan(
  ...[scenario, trials, seed, series, year, statistic, evidence]: PosteriorCellArgs
): SimulationPlan<CellResult> | ModelError {
  const run = runArgs(scenario, trials, seed);
  if (isModelError(run)) return run;
  const stat = statisticArg(statistic);
  if (isModelError(stat)) return stat;
  const output = outputArg(run.scenario, series, year, "series");
  if (isModelError(output)) return output;
  if ("metric" in output)
    return modelError(
      "invalidInput",
      "series must be a series id (posterior statistics are per series and year)",
    );
  const set = evidenceArg(evidence);
  if (isModelError(set)) return set;
  return {
    ...run,
    evidence: set,
    read: (result) => {
      const posterior = result.posterior;
      if (posterior === undefined) return modelError("numeric", "the simulation has no posterior");
      if (stat === "ess") return cellOf(posterior.ess, "effective sample size");
      const stats: WeightedStats | undefined =
        posterior.series[output.series]?.[output.year - run.scenario.baseYear];
      if (stats === undefined) {
        return posterior.warning === undefined
          ? modelError("notFound", `series "${output.series}" was not simulated`)
          : modelError("numeric", posterior.warning);
      }
      return cellOf(stats[stat], `posterior ${stat} of ${label(output)}`);
    },
  };
}

/** Preset ids or names from a range (row or column) or one comma-separated text; "all" = every preset. */
function scenarioList(value: unknown): ScenarioEntry[] | ModelError {
  const cells = (Array.isArray(value) ? (value as unknown[]).flat() : [value]).filter((c) => !isOmitted(c));
  const names = cells
    .flatMap((c) => (typeof c === "string" ? c.split(",") : [String(c)]))
    .map((n) => n.trim());
  if (names.length === 0) return modelError("invalidInput", "scenarios must name at least one preset");
  if (names.length === 1 && names[0]?.toLowerCase() === "all")
    return PRESETS.map((p) => ({ id: p.id, name: p.name, scenario: p.scenario }));
  const entries: ScenarioEntry[] = [];
  for (const n of names) {
    const preset = findPreset(n);
    if (isModelError(preset)) return preset;
    entries.push({ id: preset.id, name: preset.name, scenario: preset.scenario });
  }
  return entries;
}

/** Observations from a (series, period, value, sd, [figureId]) range; the default set when omitted. */
function evidenceArg(value: unknown): EvidenceSet | ModelError {
  if (isOmitted(value) || (Array.isArray(value) && value.flat().every(isOmitted))) return defaultEvidence();
  if (!Array.isArray(value))
    return modelError(
      "invalidInput",
      "evidence must be a range of (series, period, value, sd, figureId) rows",
    );
  const rows = (value as unknown[][]).filter((row) => Array.isArray(row) && !row.every(isOmitted));
  const first = rows[0]?.[0];
  const body = typeof first === "string" && first.trim().toLowerCase() === "series" ? rows.slice(1) : rows;
  if (body.length === 0) return modelError("invalidInput", "evidence has no observation rows");
  const observations: Observation[] = [];
  for (const row of body) {
    if (row.length < 4)
      return modelError(
        "invalidInput",
        "evidence must have 4 or 5 columns: series, period, value, sd, [figureId]",
      );
    const [series, period, v, sd, figureId] = row;
    const cell = (x: unknown): unknown => (typeof x === "string" ? x.trim() : x);
    observations.push({
      series: cell(series),
      period: cell(period),
      value: typeof v === "string" && v.trim() !== "" ? Number(v) : v,
      sd: typeof sd === "string" && sd.trim() !== "" ? Number(sd) : sd,
      ...(isOmitted(figureId) ? {} : { figureId: cell(figureId) }),
    } as Observation);
  }
  return { observations };
}

function priorsArg(value: unknown, count: number): number[] | undefined | ModelError {
  if (isOmitted(value)) return undefined;
  const cells = (Array.isArray(value) ? (value as unknown[]).flat() : [value]).filter((c) => !isOmitted(c));
  if (cells.length !== count)
    return modelError(
      "invalidInput",
      `priors must have one number per scenario (${count}), got ${cells.length}`,
    );
  const priors: number[] = [];
  for (const c of cells) {
    const n = coerceNumber(c, "prior");
    if (isModelError(n)) return n;
    priors.push(n);
  }
  return priors;
}

function statisticArg(statistic: unknown): PosteriorStatistic | ModelError {
  const text = coerceOptionalText(statistic, "statistic");
  if (isModelError(text)) return text;
  if (text === undefined) return "mean";
  const key = POSTERIOR_STATISTICS.find((s) => s === text.toLowerCase());
  return (
    key ??
    modelError("invalidInput", `statistic must be one of ${POSTERIOR_STATISTICS.join(", ")}, got "${text}"`)
  );
}

/**
 * Turns the Simulate tab's drafts into what the worker runs: a validated `SimulationSpec` and run options, or
 * the problems to show (each says which input or setting to fix, in the units the boxes use). An invalid
 * correlation matrix is reported separately with its nearest valid matrix, which the user may choose to apply
 * (never silently).
 */
import type { Distribution } from "../../analysis/distributions";
import { InvalidCorrelationError, validateCorrelationMatrix } from "../../analysis/imanConover";
import { compileRegimeChain, type AnchoredRegimeChain } from "../../analysis/regimeChain";
import type { SamplingMethod } from "../../analysis/sampling";
import { MAX_TRIALS } from "../../analysis/simulate";
import type { SimulationSpec, Threshold } from "../../analysis/simulationSpec";
import { validateSimulationSpec } from "../../analysis/simulationSpec";
import { isModelError } from "../../model/errors";
import type { ScalarInputId, Scenario } from "../../model/types";
import { scalarValue, validateScenario } from "../../model/validate";
import { isDraftProblems, parseDraft } from "./distributionDraft";
import type { SimulateView } from "./state";
import { correlationText, SHARE_SERIES, transitionRowProblem } from "./state";
import { inputLabel, inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";

export interface RunOptions {
  readonly trials: number;
  readonly seed: number;
  readonly sampling: SamplingMethod;
}

/** The spec as edited, checked against the scenario. */
export type SpecRequest =
  | {
      readonly ok: true;
      /** The scenario with the inputs set to a fixed value other than their own applied. */
      readonly scenario: Scenario;
      readonly spec: SimulationSpec;
    }
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      /** Present when the correlation matrix is invalid: the engine's message and Higham's nearest valid matrix. */
      readonly correlation?: { readonly message: string; readonly nearest: readonly (readonly number[])[] };
    };

/** Problems of the run settings, keyed by the field they belong under. */
export interface SettingsProblems {
  readonly trials?: string;
  readonly seed?: string;
  readonly threshold?: string;
}

export interface RunRequestOk {
  readonly ok: true;
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly options: RunOptions;
}

export interface RunRequestProblems {
  readonly ok: false;
  readonly problems: readonly string[];
  readonly correlation?: { readonly message: string; readonly nearest: readonly (readonly number[])[] };
}

/** The spec + options for the worker, or every problem found (not only the first). */
export function runRequestOf(scenario: Scenario, view: SimulateView): RunRequestOk | RunRequestProblems {
  const spec = specRequestOf(scenario, view);
  const options = runOptionsOf(view);
  const { trials, seed, threshold } = settingsProblemsOf(scenario, view);
  const settingProblems = [trials, seed, threshold].filter((p): p is string => p !== undefined);
  if (spec.ok && !isSettingsProblems(options) && settingProblems.length === 0)
    return { ok: true, scenario: spec.scenario, spec: spec.spec, options };
  return {
    ok: false,
    problems: [...(spec.ok ? [] : spec.problems), ...settingProblems],
    ...(!spec.ok && spec.correlation ? { correlation: spec.correlation } : {}),
  };
}

/** Trials, seed and sampling, or the problems of the boxes. */
export function runOptionsOf(view: SimulateView): RunOptions | SettingsProblems {
  const trials = parseWhole(view.trials);
  const seed = parseWhole(view.seed);
  const problems: { trials?: string; seed?: string } = {};
  if (trials === undefined || trials < 2 || trials > MAX_TRIALS)
    problems.trials = `Enter a whole number of trials from 2 to ${MAX_TRIALS.toLocaleString("en-US")}${nowText(view.trials)}`;
  if (seed === undefined || seed > Number.MAX_SAFE_INTEGER)
    problems.seed = `Enter a whole number of 0 or more as the seed${nowText(view.seed)}`;
  if (
    trials === undefined ||
    seed === undefined ||
    problems.trials !== undefined ||
    problems.seed !== undefined
  )
    return problems;
  return { trials, seed, sampling: view.sampling };
}

export function isSettingsProblems(value: RunOptions | SettingsProblems): value is SettingsProblems {
  return !("sampling" in value);
}

/** Every settings problem, keyed by field (trials, seed, threshold). */
export function settingsProblemsOf(scenario: Scenario, view: SimulateView): SettingsProblems {
  const options = runOptionsOf(view);
  const threshold = thresholdOf(scenario, view);
  return {
    ...(isSettingsProblems(options) ? options : {}),
    ...(typeof threshold === "string" ? { threshold } : {}),
  };
}

/** The spec as edited, or every problem of the drafts (inputs, chain, correlation, threshold). */
export function specRequestOf(scenario: Scenario, view: SimulateView): SpecRequest {
  const problems: string[] = [];
  const inputs: Partial<Record<ScalarInputId, Distribution>> = {};
  // The engine leaves fixed distributions out of the trials, so a fixed value is applied to the scenario.
  const fixed: Partial<Record<ScalarInputId, number>> = {};
  for (const id of STOCHASTIC_INPUT_IDS) {
    const draft = view.drafts[id];
    if (draft === undefined) continue;
    const parsed = parseDraft(draft, inputScale(id), inputLabel(id), scalarValue(scenario, id));
    if (isDraftProblems(parsed)) {
      const first = Object.values(parsed.fields)[0] ?? parsed.overall ?? "invalid";
      problems.push(`${inputLabel(id)}: ${first}`);
    } else if (parsed.kind === "fixed") {
      if (parsed.value !== scalarValue(scenario, id)) fixed[id] = parsed.value;
    } else inputs[id] = parsed;
  }

  let regimeChain: SimulationSpec["regimeChain"];
  if (view.regimeMode === "anchored") {
    const parsed = anchoredChainOf(view);
    if (typeof parsed === "string") problems.push(`Regime chain: ${parsed}`);
    else regimeChain = parsed;
  } else if (view.regimeMode === "chain") {
    const rowProblems = Object.keys(view.transition)
      .map((from) => transitionRowProblem(view, from))
      .filter((p): p is string => p !== undefined);
    if (rowProblems.length > 0) problems.push(...rowProblems.map((p) => `Regime chain: ${p}`));
    else {
      regimeChain = {
        transition: Object.fromEntries(
          Object.entries(view.transition).map(([from, row]) => [
            from,
            Object.fromEntries(
              Object.entries(row).map(([to, raw]) => [to, Number(raw.trim().replace(/%$/, "")) / 100]),
            ),
          ]),
        ),
      };
      const compiled = compileRegimeChain(scenario, regimeChain);
      if (isModelError(compiled)) problems.push(`Regime chain: ${compiled.message}`);
    }
  }

  let correlation: SimulationSpec["correlation"];
  let correlationProblem: { message: string; nearest: readonly (readonly number[])[] } | undefined;
  const ids = view.correlationInputs;
  if (ids.length === 1) problems.push("Correlation: choose at least two inputs, or none");
  if (ids.length >= 2) {
    const notStochastic = ids.filter((id) => inputs[id] === undefined);
    if (notStochastic.length > 0) {
      problems.push(
        `Correlation: give ${notStochastic.map(inputLabel).join(", ")} a distribution, or remove it from the matrix`,
      );
    }
    const matrix = ids.map((a) => ids.map((b) => Number(correlationText(view, a, b).trim())));
    const bad = ids.flatMap((a) =>
      ids
        .filter((b) => {
          const text = correlationText(view, a, b).trim();
          return text === "" || !Number.isFinite(Number(text));
        })
        .map((b) => `${inputLabel(a)} / ${inputLabel(b)}`),
    );
    if (bad.length > 0) problems.push(`Correlation: ${bad[0]} must be a number between −1 and 1`);
    else {
      const valid = validateCorrelationMatrix(matrix, ids);
      if (valid instanceof InvalidCorrelationError) {
        problems.push(`Correlation: ${valid.message}`);
        correlationProblem = { message: valid.message, nearest: valid.nearest };
      } else if (isModelError(valid)) problems.push(`Correlation: ${valid.message}`);
      else correlation = { inputs: ids, matrix: valid };
    }
  }

  const threshold = thresholdOf(scenario, view);
  if (problems.length > 0)
    return { ok: false, problems, ...(correlationProblem ? { correlation: correlationProblem } : {}) };
  const spec: SimulationSpec = {
    inputs,
    ...(regimeChain ? { regimeChain } : {}),
    ...(correlation ? { correlation } : {}),
    ...(threshold !== undefined && typeof threshold !== "string" ? { thresholds: [threshold] } : {}),
    // Sensitivity reads the rank correlations of the last simulation; cumulative revenue is its default output.
    rankCorrelationOutput: { metric: "cumulativeNvidiaChina" },
  };
  const adjusted = validateScenario({ ...scenario, ...fixed });
  if (isModelError(adjusted)) return { ok: false, problems: [adjusted.message] };
  const checked = validateSimulationSpec(adjusted, spec);
  if (isModelError(checked)) return { ok: false, problems: [checked.message] };
  return { ok: true, scenario: adjusted, spec };
}

/** The anchored chain of the view (percent text → fractions), or the first problem of its two boxes. */
export function anchoredChainOf(view: Pick<SimulateView, "anchored">): AnchoredRegimeChain | string {
  const parse = (raw: string, what: string): number | string => {
    const p = Number(raw.trim().replace(/%$/, ""));
    return raw.trim() !== "" && p >= 0 && p <= 100
      ? p / 100
      : `${what} must be a percentage from 0 to 100, now “${raw}”`;
  };
  const followPath = parse(view.anchored.followPath, "Follow the path (π)");
  if (typeof followPath === "string") return followPath;
  const returnToPath = parse(view.anchored.returnToPath, "Return to the path (β)");
  if (typeof returnToPath === "string") return returnToPath;
  return { anchored: { followPath, returnToPath } };
}

/** The threshold of the view (engine units), undefined when blank, or the message for its value box. */
function thresholdOf(scenario: Scenario, view: SimulateView): Threshold | string | undefined {
  const { threshold } = view;
  const text = threshold.value.trim().replace(/%$/, "").replace(/,/g, "");
  if (text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value))
    return `Enter the threshold as a number, or leave it blank${nowText(threshold.value)}`;
  const year = Number(threshold.year);
  if (!(year > scenario.baseYear && year <= scenario.baseYear + scenario.horizon)) return "Choose a year";
  return {
    output: { series: threshold.series, year },
    op: threshold.op,
    value: SHARE_SERIES.has(threshold.series) ? value / 100 : value,
  };
}

/** A whole number typed with or without thousands separators ("1,000,000"), else undefined. */
function parseWhole(raw: string): number | undefined {
  const text = raw.trim().replace(/[,_\s]/g, "");
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

function nowText(raw: string): string {
  return raw.trim() === "" ? "" : ` (now “${raw.trim()}”)`;
}

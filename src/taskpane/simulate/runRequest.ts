/**
 * Turns the Simulate tab's drafts into what the worker runs: a validated `SimulationSpec` and run options, or
 * the list of problems to show (each says which input or setting to fix). An invalid correlation matrix is
 * reported separately with its nearest valid matrix, which the user may choose to apply (never silently).
 */
import type { Distribution } from "../../analysis/distributions";
import { InvalidCorrelationError, validateCorrelationMatrix } from "../../analysis/imanConover";
import { compileRegimeChain } from "../../analysis/regimeChain";
import type { SamplingMethod } from "../../analysis/sampling";
import { MAX_TRIALS } from "../../analysis/simulate";
import type { SimulationSpec, Threshold } from "../../analysis/simulationSpec";
import { validateSimulationSpec } from "../../analysis/simulationSpec";
import { isModelError } from "../../model/errors";
import type { ScalarInputId, Scenario } from "../../model/types";
import { validateScenario } from "../../model/validate";
import { isDraftProblems, parseDraft } from "./distributionDraft";
import type { SimulateState } from "./state";
import { correlationText, transitionRowProblem } from "./state";
import { inputLabel, inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";

export interface RunRequestOk {
  readonly ok: true;
  /** The workspace scenario with the inputs set to a fixed value other than their own applied. */
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly options: { readonly trials: number; readonly seed: number; readonly sampling: SamplingMethod };
}

export interface RunRequestProblems {
  readonly ok: false;
  readonly problems: readonly string[];
  /** Present when the correlation matrix is invalid: the engine's message and Higham's nearest valid matrix. */
  readonly correlation?: { readonly message: string; readonly nearest: readonly (readonly number[])[] };
}

/** The spec + options for the worker, or every problem found (not only the first). */
export function runRequestOf(scenario: Scenario, state: SimulateState): RunRequestOk | RunRequestProblems {
  const problems: string[] = [];
  const inputs: Partial<Record<ScalarInputId, Distribution>> = {};
  // The engine leaves fixed distributions out of the trials, so a fixed value is applied to the scenario.
  const fixed: Partial<Record<ScalarInputId, number>> = {};
  for (const id of STOCHASTIC_INPUT_IDS) {
    const draft = state.drafts[id];
    if (draft === undefined) continue;
    const parsed = parseDraft(draft, inputScale(id), id);
    if (isDraftProblems(parsed)) {
      const first = Object.values(parsed.fields)[0] ?? parsed.overall ?? "invalid";
      problems.push(`${inputLabel(id)}: ${first}`);
    } else if (parsed.kind === "fixed") {
      if (parsed.value !== scenario[id]) fixed[id] = parsed.value;
    } else inputs[id] = parsed;
  }

  let regimeChain: SimulationSpec["regimeChain"];
  if (state.regimeMode === "anchored") {
    const followPath = Number(state.anchored.followPath.trim());
    const returnToPath = Number(state.anchored.returnToPath.trim());
    const bad = (raw: string, v: number): boolean => raw.trim() === "" || !(v >= 0 && v <= 1);
    if (bad(state.anchored.followPath, followPath))
      problems.push(
        `Regime chain: follow-path probability must be between 0 and 1, got "${state.anchored.followPath}"`,
      );
    if (bad(state.anchored.returnToPath, returnToPath))
      problems.push(
        `Regime chain: return-to-path probability must be between 0 and 1, got "${state.anchored.returnToPath}"`,
      );
    if (!bad(state.anchored.followPath, followPath) && !bad(state.anchored.returnToPath, returnToPath))
      regimeChain = { anchored: { followPath, returnToPath } };
  } else if (state.regimeMode === "chain") {
    const rowProblems = Object.keys(state.transition)
      .map((from) => transitionRowProblem(state, from))
      .filter((p): p is string => p !== undefined);
    if (rowProblems.length > 0) problems.push(...rowProblems.map((p) => `Regime chain: ${p}`));
    else {
      regimeChain = {
        transition: Object.fromEntries(
          Object.entries(state.transition).map(([from, row]) => [
            from,
            Object.fromEntries(Object.entries(row).map(([to, raw]) => [to, Number(raw)])),
          ]),
        ),
      };
      const compiled = compileRegimeChain(scenario, regimeChain);
      if (isModelError(compiled)) problems.push(`Regime chain: ${compiled.message}`);
    }
  }

  let correlation: SimulationSpec["correlation"];
  let correlationProblem: RunRequestProblems["correlation"];
  const ids = state.correlationInputs;
  if (ids.length === 1) problems.push("Correlation: choose at least two inputs, or none");
  if (ids.length >= 2) {
    const notStochastic = ids.filter((id) => inputs[id] === undefined);
    if (notStochastic.length > 0) {
      problems.push(
        `Correlation: give ${notStochastic.map(inputLabel).join(", ")} a distribution, or remove it from the matrix`,
      );
    }
    const matrix = ids.map((a) => ids.map((b) => Number(correlationText(state, a, b).trim())));
    const bad = ids.flatMap((a) =>
      ids
        .filter(
          (b) =>
            correlationText(state, a, b).trim() === "" ||
            !Number.isFinite(Number(correlationText(state, a, b))),
        )
        .map((b) => `${a}/${b}`),
    );
    if (bad.length > 0) problems.push(`Correlation: ${bad[0]} must be a number between -1 and 1`);
    else {
      const valid = validateCorrelationMatrix(matrix, ids);
      if (valid instanceof InvalidCorrelationError) {
        problems.push(`Correlation: ${valid.message}`);
        correlationProblem = { message: valid.message, nearest: valid.nearest };
      } else if (isModelError(valid)) problems.push(`Correlation: ${valid.message}`);
      else correlation = { inputs: ids, matrix: valid };
    }
  }

  const trials = Number(state.trials.replace(/[,_\s]/g, ""));
  if (!(Number.isInteger(trials) && trials >= 2 && trials <= MAX_TRIALS)) {
    problems.push(
      `Trials must be a whole number between 2 and ${MAX_TRIALS.toLocaleString("en-US")}, got "${state.trials}"`,
    );
  }
  const seed = Number(state.seed.trim());
  if (state.seed.trim() === "" || !(Number.isInteger(seed) && seed >= 0 && seed <= Number.MAX_SAFE_INTEGER)) {
    problems.push(`Seed must be a whole number of at least 0, got "${state.seed}"`);
  }

  const thresholds: Threshold[] = [];
  const { threshold } = state;
  if (threshold.value.trim() !== "") {
    const value = Number(threshold.value);
    const year = Number(threshold.year);
    if (!Number.isFinite(value)) problems.push(`Threshold value must be a number, got "${threshold.value}"`);
    else thresholds.push({ output: { series: threshold.series, year }, op: threshold.op, value });
  }

  if (problems.length > 0)
    return { ok: false, problems, ...(correlationProblem ? { correlation: correlationProblem } : {}) };
  const spec: SimulationSpec = {
    inputs,
    ...(regimeChain ? { regimeChain } : {}),
    ...(correlation ? { correlation } : {}),
    ...(thresholds.length > 0 ? { thresholds } : {}),
    // Sensitivity reads the rank correlations of the last simulation; cumulative revenue is its default output.
    rankCorrelationOutput: { metric: "cumulativeNvidiaChina" },
  };
  const adjusted = validateScenario({ ...scenario, ...fixed });
  if (isModelError(adjusted)) return { ok: false, problems: [adjusted.message] };
  const checked = validateSimulationSpec(adjusted, spec);
  if (isModelError(checked)) return { ok: false, problems: [checked.message] };
  return { ok: true, scenario: adjusted, spec, options: { trials, seed, sampling: state.sampling } };
}

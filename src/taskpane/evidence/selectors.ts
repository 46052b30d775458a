/**
 * What the Evidence tab shows, derived from the pane store: the observations checked against the scenario's
 * years, the posterior weight of each scenario (presets + the user's current scenario; ~2 ms for five
 * projections, so computed here on the main thread), what a run with evidence would send to the worker, and
 * the last run marked stale when the scenario, the Simulate spec or settings, or the observations changed.
 */
import type { SimulationSpec } from "../../analysis/simulationSpec";
import { scenarioWeights, type ScenarioEntry, type ScenarioWeight } from "../../analysis/scenarioWeights";
import { isModelError } from "../../model/errors";
import { canonicalJson, fingerprintOf } from "../../model/fingerprint";
import { PRESETS } from "../../model/presets";
import type { Scenario } from "../../model/types";
import type { RunOptions } from "../simulate/runRequest";
import type { PaneState } from "../store/paneStore";
import { memoized, selectRunRequest, selectScenarioName, withStale } from "../store/selectors";
import type { EvidenceRequest, EvidenceRun } from "./state";
import { evidenceRequestOf, observationLabelWords } from "./state";

/** The id of the user's scenario in the weighed set when it is not one of the presets. */
export const CURRENT_SCENARIO_ID = "current";

/** The observations as edited, checked against the current scenario's years. */
export const selectEvidenceRequest: (state: PaneState) => EvidenceRequest = memoized(
  (state) => [state.evidence.rows, state.scenario.scenario.baseYear, state.scenario.scenario.horizon],
  (state) => evidenceRequestOf(state.evidence.rows, state.scenario.scenario),
);

export interface WeighedScenario extends ScenarioEntry {
  /** True for the scenario the pane shows (a preset as is, or the user's own). */
  readonly current: boolean;
}

/**
 * The scenarios weighed: every preset, the current one marked; the user's scenario is added (named as the pane
 * names it) when it differs from every preset.
 */
export const selectWeighedScenarios: (state: PaneState) => readonly WeighedScenario[] = memoized(
  (state) => [state.scenario.scenario, selectScenarioName(state)],
  (state) => weighedScenarios(state.scenario.scenario, selectScenarioName(state)),
);

export function weighedScenarios(scenario: Scenario, name: string): WeighedScenario[] {
  const key = canonicalJson(scenario);
  const presets = PRESETS.map((p) => ({
    id: p.id,
    name: p.name,
    scenario: p.scenario,
    current: canonicalJson(p.scenario) === key,
  }));
  return presets.some((p) => p.current)
    ? presets
    : [...presets, { id: CURRENT_SCENARIO_ID, name, scenario, current: true }];
}

export interface WeightRow extends ScenarioWeight {
  readonly current: boolean;
}

export type WeightsView =
  | { readonly ok: true; readonly rows: readonly WeightRow[] }
  | { readonly ok: false; readonly problem: string };

/** The posterior weight of each weighed scenario (equal priors), or why there is none. */
export const selectScenarioWeights: (state: PaneState) => WeightsView = memoized(
  (state) => [selectWeighedScenarios(state), selectEvidenceRequest(state)],
  (state) => weightsOf(selectWeighedScenarios(state), selectEvidenceRequest(state)),
);

export function weightsOf(scenarios: readonly WeighedScenario[], request: EvidenceRequest): WeightsView {
  if (!request.ok) return { ok: false, problem: `Fix the observations first: ${request.problems[0] ?? ""}` };
  const weights = scenarioWeights(scenarios, request.evidence.observations);
  if (isModelError(weights)) {
    // scenarioWeights prefixes a scenario's problem with its id: name it instead.
    const named = scenarios.reduce(
      (text, s) => (text.startsWith(`${s.id}: `) ? `${s.name}: ${text.slice(s.id.length + 2)}` : text),
      weights.message,
    );
    return { ok: false, problem: `The weights could not be computed: ${named}` };
  }
  return {
    ok: true,
    rows: weights.map((w, s) => ({
      ...w,
      dominantObservation: observationLabelWords(w.dominantObservation),
      current: scenarios[s]?.current ?? false,
    })),
  };
}

/** What "Run with evidence" sends to the worker: the Simulate tab's spec and settings plus the observations. */
export type EvidenceRunRequest =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly spec: SimulationSpec;
      readonly options: RunOptions;
      readonly fingerprint: string;
    }
  | { readonly ok: false; readonly problem: string };

export const selectEvidenceRunRequest: (state: PaneState) => EvidenceRunRequest = memoized(
  (state) => [selectRunRequest(state), selectEvidenceRequest(state)],
  (state) => {
    const run = selectRunRequest(state);
    const evidence = selectEvidenceRequest(state);
    if (!evidence.ok)
      return { ok: false, problem: `Fix the observations first: ${evidence.problems.join("; ")}` };
    if (!run.ok)
      return { ok: false, problem: `Fix the Simulate tab first: ${run.problems.slice(0, 2).join("; ")}` };
    const spec: SimulationSpec = { ...run.spec, evidence: evidence.evidence };
    return {
      ok: true,
      scenario: run.scenario,
      spec,
      options: run.options,
      fingerprint: evidenceFingerprint(run.scenario, spec, run.options),
    };
  },
);

/** The fingerprint of a run with evidence (scenario, spec with its observations, trials/seed/sampling). */
export function evidenceFingerprint(scenario: Scenario, spec: SimulationSpec, options: RunOptions): string {
  return fingerprintOf({ kind: "evidence", scenario, spec, options });
}

/** The last run with evidence and whether what is on screen now would give another (undefined before any). */
export function selectEvidenceRun(state: PaneState): (EvidenceRun & { readonly stale: boolean }) | undefined {
  const last = state.evidence.last;
  if (last === undefined) return undefined;
  const request = selectEvidenceRunRequest(state);
  return withStale(last, request.ok ? request.fingerprint : undefined);
}

/** The fingerprint CS Evidence carries when it is written without a run: the scenario set and observations. */
export function weightsFingerprint(scenarios: readonly WeighedScenario[], request: EvidenceRequest): string {
  return fingerprintOf({
    kind: "evidenceWeights",
    scenarios: scenarios.map((s) => s.scenario),
    observations: request.ok ? request.evidence.observations : null,
  });
}

/**
 * What each view shows, derived from the pane store (./paneStore.ts). Selectors are pure and memoised on the
 * identity of the slices they read, so `usePaneSelector` returns the same object until those slices change.
 */
import type { OutputRef } from "../../analysis/simulationSpec";
import { fingerprintOf } from "../../model/fingerprint";
import { isModelError } from "../../model/errors";
import { findPreset } from "../../model/presets";
import { documentEvidenceOf } from "../evidence/state";
import type { PaneSnapshot } from "../persistence/documentState";
import { documentKeyOf } from "../persistence/documentState";
import { isStale } from "../results/resultTag";
import type { ResultTag } from "../results/resultTag";
import type { RunRequestOk, RunRequestProblems, SettingsProblems, SpecRequest } from "../simulate/runRequest";
import {
  runOptionsOf,
  runRequestOf,
  settingsProblemsOf,
  specRequestOf,
  isSettingsProblems,
} from "../simulate/runRequest";
import type { SimulateView } from "../simulate/state";
import { simulateViewOf } from "../simulate/state";
import type { PaneState } from "./paneStore";

/** The scenario's name as the pane shows it: a restored name, the preset's, or "<preset> (edited)". */
export function selectScenarioName(state: PaneState): string {
  const s = state.scenario;
  if (s.restoredName !== undefined) return s.restoredName;
  const preset = findPreset(s.presetId);
  const name = isModelError(preset) ? s.presetId : preset.name;
  return s.edited ? `${name} (edited)` : name;
}

/** The preset the scenario is, or null once edited away from it. */
export function selectPresetId(state: PaneState): string | null {
  return state.scenario.edited ? null : state.scenario.presetId;
}

export const selectSimulateView: (state: PaneState) => SimulateView = memoized(
  (state) => [state.scenario.scenario, state.scenario.projection, state.spec, state.settings],
  (state) => simulateViewOf(state.scenario.scenario, state.scenario.projection, state.spec, state.settings),
);

/** The spec as edited, checked (or its problems). */
export const selectSpecRequest: (state: PaneState) => SpecRequest = memoized(
  (state) => [state.scenario.scenario, selectSimulateView(state)],
  (state) => specRequestOf(state.scenario.scenario, selectSimulateView(state)),
);

/** What Run would send to the worker (or every problem). */
export const selectRunRequest: (state: PaneState) => RunRequestOk | RunRequestProblems = memoized(
  (state) => [state.scenario.scenario, selectSimulateView(state)],
  (state) => runRequestOf(state.scenario.scenario, selectSimulateView(state)),
);

/** The run settings' problems, by field. */
export const selectSettingsProblems: (state: PaneState) => SettingsProblems = memoized(
  (state) => [state.scenario.scenario, selectSimulateView(state)],
  (state) => settingsProblemsOf(state.scenario.scenario, selectSimulateView(state)),
);

/** The fingerprint a simulation run now would carry; undefined while the inputs or settings are invalid. */
export const selectSimulationFingerprint: (state: PaneState) => string | undefined = memoized(
  (state) => [selectRunRequest(state)],
  (state) => {
    const request = selectRunRequest(state);
    return request.ok ? simulationFingerprint(request) : undefined;
  },
);

export function simulationFingerprint(request: Pick<RunRequestOk, "scenario" | "spec" | "options">): string {
  return fingerprintOf({ scenario: request.scenario, spec: request.spec, options: request.options });
}

/** The fingerprint of a tornado for `output` now (the tornado reads the scenario and the distributions only). */
export function tornadoFingerprint(request: SpecRequest, output: OutputRef): string | undefined {
  return request.ok
    ? fingerprintOf({ kind: "tornado", scenario: request.scenario, inputs: request.spec.inputs, output })
    : undefined;
}

/** The fingerprint of the Sensitivity tab's own rank-correlation run for `output` now. */
export function rankFingerprint(
  request: SpecRequest,
  output: OutputRef,
  options: { readonly trials: number; readonly seed: number },
): string | undefined {
  return request.ok
    ? fingerprintOf({ kind: "rank", scenario: request.scenario, spec: request.spec, output, options })
    : undefined;
}

/** The last simulation and whether its inputs have changed since (undefined before any run). */
export function selectSimulationResult(
  state: PaneState,
): ({ readonly stale: boolean } & NonNullable<PaneState["simulation"]["last"]>) | undefined {
  const last = state.simulation.last;
  return last === undefined ? undefined : withStale(last, selectSimulationFingerprint(state));
}

/** The tornado and whether it is stale. */
export function selectTornado(
  state: PaneState,
): ({ readonly stale: boolean } & NonNullable<PaneState["sensitivity"]["analysis"]>) | undefined {
  const analysis = state.sensitivity.analysis;
  if (analysis === undefined) return undefined;
  return withStale(analysis, tornadoFingerprint(selectSpecRequest(state), analysis.output));
}

/**
 * What the workbook document would hold now, or undefined while the spec as edited or an observation of the
 * Evidence tab has problems.
 */
export const selectSnapshot: (state: PaneState) => PaneSnapshot | undefined = memoized(
  (state) => [
    state.scenario,
    selectSpecRequest(state),
    state.settings.trials,
    state.settings.seed,
    state.settings.sampling,
    state.userFigures,
    state.evidence.rows,
  ],
  (state) => {
    const spec = selectSpecRequest(state);
    if (!spec.ok) return undefined;
    const evidence = documentEvidenceOf(state.evidence.rows);
    if (evidence === null) return undefined;
    const options = runOptionsOf(selectSimulateView(state));
    return {
      scenario: state.scenario.scenario,
      scenarioName: selectScenarioName(state),
      presetId: selectPresetId(state),
      citations: state.scenario.citations,
      simulationSpec: spec.spec,
      ...(isSettingsProblems(options) ? {} : { simulationSettings: options }),
      ...(state.userFigures.length === 0 ? {} : { userFigures: state.userFigures }),
      ...(evidence === undefined ? {} : { evidence }),
    };
  },
);

/** The content key of the document the pane would save (undefined while it cannot be saved). */
export const selectDocumentKey: (state: PaneState) => string | undefined = memoized(
  (state) => [selectSnapshot(state)],
  (state) => {
    const snapshot = selectSnapshot(state);
    return snapshot === undefined ? undefined : documentKeyOf(snapshot);
  },
);

const staleCache = new WeakMap<object, { current: string | undefined; value: object }>();

/** `tag` with `stale`, one object per (tag, current fingerprint) so selectors stay referentially stable. */
export function withStale<T extends ResultTag>(
  tag: T,
  current: string | undefined,
): T & { readonly stale: boolean } {
  const cached = staleCache.get(tag);
  if (cached !== undefined && cached.current === current) return cached.value as T & { stale: boolean };
  const value = { ...tag, stale: isStale(tag, current) };
  staleCache.set(tag, { current, value });
  return value;
}

/** A one-entry cache: recomputes when any of `deps(state)` changes identity. */
export function memoized<T>(
  deps: (state: PaneState) => readonly unknown[],
  compute: (state: PaneState) => T,
) {
  let lastDeps: readonly unknown[] | undefined;
  let lastValue: T;
  return (state: PaneState): T => {
    const next = deps(state);
    if (
      lastDeps === undefined ||
      next.length !== lastDeps.length ||
      next.some((d, i) => d !== lastDeps?.[i])
    ) {
      lastValue = compute(state);
      lastDeps = next;
    }
    return lastValue;
  };
}

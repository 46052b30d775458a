/**
 * The pane store: one reducer over everything the task pane holds. Each fact lives once — the scenario as
 * edited, the simulation spec as edited, the run settings, the results (tagged with the scenario and the
 * fingerprint of the inputs they came from) and the saved-document state; every view derives from it through
 * selectors (./selectors.ts), and nothing is copied from one place to another. Restoring a saved document is
 * one action. Pure: effects (worker runs, workbook writes) live in hooks and dispatch the outcome.
 */
import { assertNever } from "../../model/errors";
import type { EvidenceAction, EvidenceState } from "../evidence/state";
import { evidenceReducer, evidenceRestored, initialEvidenceState } from "../evidence/state";
import { BASE_PRESET_ID } from "../../model/presets";
import type { UserFiguresAction, UserFiguresState } from "../figures/userFiguresState";
import { initialUserFigures, userFiguresReducer } from "../figures/userFiguresState";
import type { DocumentAction, DocumentState } from "../persistence/documentState";
import { documentReducer, initialDocumentState } from "../persistence/documentState";
import type { PaneAction as ShellAction, PaneState as ShellState, SectionId } from "../paneState";
import { initialPaneState as initialShellState, paneReducer as shellReducer } from "../paneState";
import type { WriteAction } from "../results/sheetWrite";
import { writeStatusAfter } from "../results/sheetWrite";
import type { ScenarioAction, ScenarioState } from "../scenario/state";
import { initialScenarioState, scenarioReducer } from "../scenario/state";
import type { SensitivityAction, SensitivityState } from "../sensitivity/state";
import { initialSensitivityState, sensitivityReducer } from "../sensitivity/state";
import type { SimulationRunAction, SimulationState } from "../simulate/runState";
import { initialSimulationState, simulationRunReducer } from "../simulate/runState";
import type { RunSettingsAction, RunSettingsDraft, SpecDraft, SpecDraftAction } from "../simulate/state";
import {
  initialRunSettings,
  initialSpecDraft,
  runSettingsReducer,
  specDraftOf,
  specDraftReducer,
} from "../simulate/state";
import { selectDocumentKey } from "./selectors";

export interface PaneState {
  readonly shell: ShellState;
  readonly scenario: ScenarioState;
  readonly spec: SpecDraft;
  readonly settings: RunSettingsDraft;
  readonly simulation: SimulationState;
  readonly sensitivity: SensitivityState;
  readonly evidence: EvidenceState;
  readonly document: DocumentState;
  /** The analyst's own cited figures (saved with the document; the functions see them through the registry). */
  readonly userFigures: UserFiguresState;
}

/** Restores the document the workbook holds (status "found") into the pane: scenario, spec, settings, evidence. */
export interface DocumentRestored {
  readonly type: "documentRestored";
}

export type PaneAction =
  | ShellAction
  | ScenarioAction
  | SpecDraftAction
  | RunSettingsAction
  | SimulationRunAction
  | SensitivityAction
  | EvidenceAction
  | WriteAction
  | DocumentAction
  | UserFiguresAction
  | DocumentRestored;

export interface PaneStateOptions {
  readonly section?: SectionId;
  readonly presetId?: string;
}

export function initialPaneState(options: PaneStateOptions = {}): PaneState {
  return {
    shell: initialShellState(options.section),
    scenario: initialScenarioState(options.presetId ?? BASE_PRESET_ID),
    spec: initialSpecDraft,
    settings: initialRunSettings,
    simulation: initialSimulationState,
    sensitivity: initialSensitivityState(),
    evidence: initialEvidenceState(),
    document: initialDocumentState,
    userFigures: initialUserFigures,
  };
}

export function paneStoreReducer(state: PaneState, action: PaneAction): PaneState {
  if (isOfSlice<ShellAction>(action, SHELL_ACTIONS))
    return { ...state, shell: shellReducer(state.shell, action) };
  if (isOfSlice<ScenarioAction>(action, SCENARIO_ACTIONS))
    return { ...state, scenario: scenarioReducer(state.scenario, action) };
  if (isOfSlice<SpecDraftAction>(action, SPEC_ACTIONS))
    return { ...state, spec: specDraftReducer(state.spec, action, state.scenario.scenario) };
  if (isOfSlice<RunSettingsAction>(action, SETTINGS_ACTIONS))
    return { ...state, settings: runSettingsReducer(state.settings, action) };
  if (isOfSlice<SimulationRunAction>(action, RUN_ACTIONS))
    return { ...state, simulation: simulationRunReducer(state.simulation, action) };
  if (isOfSlice<SensitivityAction>(action, SENSITIVITY_ACTIONS))
    return { ...state, sensitivity: sensitivityReducer(state.sensitivity, action) };
  if (isOfSlice<EvidenceAction>(action, EVIDENCE_ACTIONS))
    return { ...state, evidence: evidenceReducer(state.evidence, action) };
  if (isOfSlice<WriteAction>(action, WRITE_ACTIONS)) {
    const write = writeStatusAfter(action);
    if (action.target === "evidence") return { ...state, evidence: { ...state.evidence, write } };
    return action.target === "simulation"
      ? { ...state, simulation: { ...state.simulation, write } }
      : { ...state, sensitivity: { ...state.sensitivity, write } };
  }
  if (isOfSlice<DocumentAction>(action, DOCUMENT_ACTIONS))
    return { ...state, document: documentReducer(state.document, action, selectDocumentKey(state)) };
  if (isOfSlice<UserFiguresAction>(action, USER_FIGURE_ACTIONS))
    return { ...state, userFigures: userFiguresReducer(state.userFigures, action) };
  switch (action.type) {
    case "documentRestored":
      return restored(state);
    default:
      return assertNever(action);
  }
}

/** The found document applied to the scenario, spec and settings at once; the document is then settled. */
function restored(state: PaneState): PaneState {
  const status = state.document.status;
  if (status.kind !== "found") return state;
  const saved = status.document;
  const scenario = scenarioReducer(state.scenario, {
    type: "scenarioRestored",
    scenario: saved.scenario.scenario,
    name: saved.scenario.name,
    presetId: saved.scenario.presetId,
    ...(saved.scenario.citations === undefined ? {} : { citations: saved.scenario.citations }),
  });
  const settings = saved.simulationSettings;
  const threshold = saved.simulationSpec.thresholds?.[0];
  const next: PaneState = {
    ...state,
    scenario,
    userFigures: saved.userFigures ?? [],
    spec: specDraftOf(scenario.scenario, saved.simulationSpec),
    evidence: evidenceRestored(state.evidence, saved.evidence),
    settings: {
      ...state.settings,
      ...(settings === undefined
        ? {}
        : { trials: String(settings.trials), seed: String(settings.seed), sampling: settings.sampling }),
      ...(threshold !== undefined && "series" in threshold.output
        ? {
            threshold: {
              series: threshold.output.series,
              year: String(threshold.output.year),
              op: threshold.op,
              value: String(threshold.value * (threshold.output.series === "domesticShare" ? 100 : 1)),
            },
          }
        : {}),
    },
  };
  return {
    ...next,
    document: documentReducer(state.document, { type: "restoreChosen" }, selectDocumentKey(next)),
  };
}

/** Type names per slice: a Record, so adding an action to a slice without routing it fails to compile. */
type Names<A extends { type: string }> = Readonly<Record<A["type"], true>>;

const SHELL_ACTIONS: Names<ShellAction> = { sectionSelected: true, noticeDismissed: true };
const SCENARIO_ACTIONS: Names<ScenarioAction> = {
  presetChosen: true,
  inputChanged: true,
  regimeEdited: true,
  regimePathEdited: true,
  vendorEdited: true,
  resetToPreset: true,
  scenarioPinnedForCompare: true,
  unpinned: true,
  inputCited: true,
  citationRemoved: true,
  scenarioRestored: true,
};
const SPEC_ACTIONS: Names<SpecDraftAction> = {
  kindChanged: true,
  fieldChanged: true,
  regimeModeChanged: true,
  anchoredChanged: true,
  transitionChanged: true,
  correlationToggled: true,
  correlationChanged: true,
  nearestApplied: true,
};
const SETTINGS_ACTIONS: Names<RunSettingsAction> = {
  trialsChanged: true,
  seedChanged: true,
  samplingChanged: true,
  thresholdChanged: true,
};
const RUN_ACTIONS: Names<SimulationRunAction> = {
  runStarted: true,
  runSucceeded: true,
  runCompleted: true,
  runCompletionFailed: true,
  runFailed: true,
  runCancelled: true,
};
const SENSITIVITY_ACTIONS: Names<SensitivityAction> = {
  outputChanged: true,
  analysisSucceeded: true,
  analysisFailed: true,
  rankStarted: true,
  rankSucceeded: true,
  rankFailed: true,
};
const EVIDENCE_ACTIONS: Names<EvidenceAction> = {
  evidenceFieldChanged: true,
  evidenceRowRemoved: true,
  evidenceRowAdded: true,
  evidenceReset: true,
  evidenceRunStarted: true,
  evidenceRunSucceeded: true,
  evidenceRunFailed: true,
  evidenceRunCancelled: true,
};
const WRITE_ACTIONS: Names<WriteAction> = { writeStarted: true, writeSucceeded: true, writeFailed: true };
const USER_FIGURE_ACTIONS: Names<UserFiguresAction> = { userFigureSaved: true, userFigureDeleted: true };
const DOCUMENT_ACTIONS: Names<DocumentAction> = {
  loadFinished: true,
  loadFailed: true,
  restoreChosen: true,
  ignoreChosen: true,
  saveStarted: true,
  saveSucceeded: true,
  saveFailed: true,
};

function isOfSlice<A extends { type: string }>(
  action: PaneAction,
  names: Names<A>,
): action is Extract<PaneAction, A> {
  return Object.hasOwn(names, action.type);
}

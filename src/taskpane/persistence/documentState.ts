/**
 * The pane's view of the workbook's saved ChipShift document, as a pure reducer. The rule it enforces
 * (DESIGN.md §9): automatic saving happens only when the workbook had no document, or after the user restored
 * or ignored the one it had. A document that cannot be read (corrupt, from a newer add-in, ambiguous) turns
 * autosave off; only the explicit "Overwrite with current" replaces it.
 */
import type { EvidenceSet } from "../../analysis/evidence";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import { assertNever, isModelError } from "../../model/errors";
import type { UserFigure } from "../../figures/userFigures";
import type { Scenario } from "../../model/types";
import {
  DOCUMENT_SCHEMA,
  DOCUMENT_VERSION,
  parseDocument,
  serializeDocument,
  type ChipShiftDocument,
  type SimulationSettings,
} from "../../workbook/document";

export type DocumentStatus =
  | { readonly kind: "loading" }
  /** The workbook has no saved document. */
  | { readonly kind: "absent" }
  /** A valid document the user has not yet restored or ignored. */
  | { readonly kind: "found"; readonly document: ChipShiftDocument }
  /** Restored, ignored or saved by the user: the workbook follows the pane from now on. */
  | { readonly kind: "settled" }
  /** Unreadable or newer document, or a failed read: kept as is until the user overwrites it. */
  | { readonly kind: "problem"; readonly message: string };

export interface DocumentState {
  readonly status: DocumentStatus;
  readonly saving: boolean;
  /** ISO time of the last save in this session. */
  readonly lastSavedAt?: string;
  readonly saveError?: string;
  /**
   * The content key (`documentKeyOf`) the workbook is known to hold, or chose to keep: autosave fires when the
   * pane's key moves away from it. Null until the document was loaded.
   */
  readonly savedKey: string | null;
}

export type DocumentAction =
  | { readonly type: "loadFinished"; readonly text: string | null }
  | { readonly type: "loadFailed"; readonly message: string }
  | { readonly type: "restoreChosen" }
  | { readonly type: "ignoreChosen" }
  | { readonly type: "saveStarted" }
  | { readonly type: "saveSucceeded"; readonly savedAt: string; readonly key: string }
  | { readonly type: "saveFailed"; readonly message: string };

export const initialDocumentState: DocumentState = {
  status: { kind: "loading" },
  saving: false,
  savedKey: null,
};

/**
 * @param currentKey the content key of the pane now (`documentKeyOf`): what an absent document, an ignored one
 *   or a restored one leaves as the workbook's content
 */
export function documentReducer(
  state: DocumentState,
  action: DocumentAction,
  currentKey: string | undefined,
): DocumentState {
  switch (action.type) {
    case "loadFinished": {
      if (action.text === null)
        return { ...state, status: { kind: "absent" }, savedKey: currentKey ?? state.savedKey };
      const parsed = parseDocument(action.text);
      if (isModelError(parsed))
        return { ...state, status: { kind: "problem", message: unreadable(parsed.message) } };
      return { ...state, status: { kind: "found", document: parsed } };
    }
    case "loadFailed":
      return { ...state, status: { kind: "problem", message: unreadable(action.message) } };
    case "restoreChosen":
    case "ignoreChosen":
      return state.status.kind === "found"
        ? { ...state, status: { kind: "settled" }, savedKey: currentKey ?? state.savedKey }
        : state;
    case "saveStarted": {
      const { saveError: _cleared, ...rest } = state;
      return { ...rest, saving: true };
    }
    case "saveSucceeded":
      return {
        status: { kind: "settled" },
        saving: false,
        lastSavedAt: action.savedAt,
        savedKey: action.key,
      };
    case "saveFailed":
      return { ...state, saving: false, saveError: `Could not save to the workbook: ${action.message}` };
    default:
      return assertNever(action);
  }
}

/** True when a change may be saved without asking (the workbook had no document, or the user settled it). */
export function autosaveAllowed(state: DocumentState): boolean {
  return state.status.kind === "absent" || state.status.kind === "settled";
}

/** What the pane saves: the scenario, the spec as edited, the run settings, the analyst's own figures and
 * the evidence set. */
export interface PaneSnapshot {
  readonly scenario: Scenario;
  readonly scenarioName: string;
  readonly presetId: string | null;
  /** The figures chosen in the pane as inputs' sources, by input path (absent or empty = none). */
  readonly citations?: Readonly<Record<string, { readonly figureId: string }>>;
  readonly simulationSpec: SimulationSpec;
  readonly simulationSettings?: SimulationSettings;
  /** The analyst's own cited figures (absent or empty = none). */
  readonly userFigures?: readonly UserFigure[];
  /** The observations when they differ from the presets' default set (absent = the default set). */
  readonly evidence?: EvidenceSet;
}

/** The document for a snapshot, stamped `savedAt` (ISO 8601). */
export function documentOf(snapshot: PaneSnapshot, savedAt: string): ChipShiftDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    version: DOCUMENT_VERSION,
    savedAt,
    scenario: {
      name: snapshot.scenarioName,
      presetId: snapshot.presetId,
      scenario: snapshot.scenario,
      ...(snapshot.citations === undefined || Object.keys(snapshot.citations).length === 0
        ? {}
        : { citations: snapshot.citations }),
    },
    simulationSpec: snapshot.simulationSpec,
    ...(snapshot.simulationSettings === undefined ? {} : { simulationSettings: snapshot.simulationSettings }),
    ...(snapshot.userFigures === undefined || snapshot.userFigures.length === 0
      ? {}
      : { userFigures: snapshot.userFigures }),
    ...(snapshot.evidence === undefined ? {} : { evidence: snapshot.evidence }),
  };
}

/** The content identity of a snapshot (its document without the time stamp): equal panes have equal keys. */
export function documentKeyOf(snapshot: PaneSnapshot): string {
  return serializeDocument(documentOf(snapshot, ""));
}

/** True when autosave should write: allowed, not saving, loaded, and the pane differs from the workbook. */
export function autosaveDue(state: DocumentState, currentKey: string | undefined): boolean {
  return (
    autosaveAllowed(state) &&
    !state.saving &&
    currentKey !== undefined &&
    state.savedKey !== null &&
    state.savedKey !== currentKey
  );
}

function unreadable(reason: string): string {
  return `This workbook's saved ChipShift document can't be used: ${reason}. It is kept unchanged and automatic saving is off`;
}

import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { serializeDocument } from "../../workbook/document";
import type { WorkbookPort } from "../../workbook/port";
import { portErrorMessage } from "../portErrorMessage";
import { useWorkspace } from "../workspace";
import type { DocumentState, PaneSnapshot } from "./documentState";
import { autosaveAllowed, documentOf, documentReducer, initialDocumentState } from "./documentState";

/** Autosave waits this long after the last change (DESIGN.md §9: debounced 2 s). */
export const AUTOSAVE_DELAY_MS = 2000;

export interface WorkbookDocument {
  /** False when the workbook cannot hold a document (no port, or a port without save/load). */
  readonly available: boolean;
  readonly state: DocumentState;
  readonly autosave: boolean;
  /** Restores the found document into the pane (scenario, spec, settings). */
  restore(this: void): void;
  /** Keeps the pane as it is; later changes are saved over the found document. */
  ignore(this: void): void;
  /** Saves the pane now (also the explicit overwrite of an unreadable document). */
  save(this: void): void;
}

/**
 * Loads the workbook's saved document once, offers it (never applies it unasked), and saves the pane: on
 * request, and automatically `AUTOSAVE_DELAY_MS` after a change when `autosaveAllowed`. Needs a
 * `WorkspaceProvider` above it.
 */
export function useWorkbookDocument(
  port: WorkbookPort | null,
  now: () => string = () => new Date().toISOString(),
): WorkbookDocument {
  const workspace = useWorkspace();
  const [state, dispatch] = useReducer(documentReducer, initialDocumentState);
  const available = port?.saveDocument !== undefined && port.loadDocument !== undefined;

  const run = workspace.lastSimulation;
  const saved = workspace.restoreRequest?.simulationSettings;
  const trials = run?.trials ?? saved?.trials;
  const seed = run?.seed ?? saved?.seed;
  const sampling = run?.sampling ?? saved?.sampling;
  const snapshot = useMemo<PaneSnapshot>(
    () => ({
      scenario: workspace.scenario,
      scenarioName: workspace.scenarioName,
      presetId: workspace.presetId,
      simulationSpec: workspace.simulationSpec,
      ...(trials === undefined || seed === undefined || sampling === undefined
        ? {}
        : { simulationSettings: { trials, seed, sampling } }),
    }),
    [
      workspace.scenario,
      workspace.scenarioName,
      workspace.presetId,
      workspace.simulationSpec,
      trials,
      seed,
      sampling,
    ],
  );
  // Content identity (without the time stamp): a republished but equal pane is not a change.
  const key = useMemo(() => serializeDocument(documentOf(snapshot, "")), [snapshot]);
  const latest = useRef({ snapshot, key });
  useEffect(() => {
    latest.current = { snapshot, key };
  }, [snapshot, key]);
  /** The content the workbook is known to hold (or chose to keep); autosave fires when `key` moves away. */
  const baseline = useRef<string | null>(null);

  useEffect(() => {
    if (!available || port?.loadDocument === undefined) return;
    let live = true;
    port.loadDocument().then(
      (text) => {
        if (!live) return;
        if (text === null) baseline.current = latest.current.key;
        dispatch({ type: "loadFinished", text });
      },
      (error: unknown) => {
        if (live) dispatch({ type: "loadFailed", message: portErrorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [available, port]);

  const saveNow = useCallback(() => {
    if (port?.saveDocument === undefined) return;
    const { snapshot: current, key: savedKey } = latest.current;
    const savedAt = now();
    dispatch({ type: "saveStarted" });
    port.saveDocument(serializeDocument(documentOf(current, savedAt))).then(
      () => {
        baseline.current = savedKey;
        dispatch({ type: "saveSucceeded", savedAt });
      },
      (error: unknown) => dispatch({ type: "saveFailed", message: portErrorMessage(error) }),
    );
  }, [port, now]);

  const allowed = available && autosaveAllowed(state);
  useEffect(() => {
    if (!allowed || state.saving || baseline.current === null || baseline.current === key) return;
    const timer = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [allowed, key, saveNow, state.saving]);

  const found = state.status.kind === "found" ? state.status.document : undefined;
  const restoreSaved = workspace.restoreSaved;
  const restore = useCallback(() => {
    if (found === undefined) return;
    const restored: PaneSnapshot = {
      scenario: found.scenario.scenario,
      scenarioName: found.scenario.name,
      presetId: found.scenario.presetId,
      simulationSpec: found.simulationSpec,
      ...(found.simulationSettings === undefined ? {} : { simulationSettings: found.simulationSettings }),
    };
    baseline.current = serializeDocument(documentOf(restored, ""));
    restoreSaved({
      scenario: restored.scenario,
      name: restored.scenarioName,
      presetId: restored.presetId,
      simulationSpec: restored.simulationSpec,
      ...(restored.simulationSettings === undefined
        ? {}
        : { simulationSettings: restored.simulationSettings }),
    });
    dispatch({ type: "restoreChosen" });
  }, [found, restoreSaved]);
  const ignore = useCallback(() => {
    baseline.current = latest.current.key;
    dispatch({ type: "ignoreChosen" });
  }, []);

  return { available, state, autosave: allowed, restore, ignore, save: saveNow };
}

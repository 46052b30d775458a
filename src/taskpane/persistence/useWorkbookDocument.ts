import { useCallback, useEffect } from "react";
import { serializeDocument } from "../../workbook/document";
import type { WorkbookPort } from "../../workbook/port";
import { portErrorMessage } from "../portErrorMessage";
import { usePaneSelector, usePaneStore } from "../store/PaneStoreProvider";
import { selectDocumentKey, selectSnapshot } from "../store/selectors";
import type { DocumentState } from "./documentState";
import { autosaveAllowed, autosaveDue, documentKeyOf, documentOf } from "./documentState";

/** Autosave waits this long after the last change (DESIGN.md §9: debounced 2 s). */
export const AUTOSAVE_DELAY_MS = 2000;

export interface WorkbookDocument {
  /** False when the workbook cannot hold a document (no port, or a port without save/load). */
  readonly available: boolean;
  readonly state: DocumentState;
  readonly autosave: boolean;
  /** Why the pane cannot be saved now (the Simulate or Evidence tab has problems), else undefined. */
  readonly blocked?: string;
  /** Restores the found document into the pane (scenario, spec, settings): one store action. */
  restore(this: void): void;
  /** Keeps the pane as it is; later changes are saved over the found document. */
  ignore(this: void): void;
  /** Saves the pane now (also the explicit overwrite of an unreadable document). */
  save(this: void): void;
}

/**
 * Loads the workbook's saved document once, offers it (never applies it unasked), and saves the pane: on
 * request, and automatically `AUTOSAVE_DELAY_MS` after a change when allowed. The document's state lives in
 * the pane store; this hook only performs the reads and writes. Needs a `PaneStoreProvider` above it.
 */
export function useWorkbookDocument(
  port: WorkbookPort | null,
  now: () => string = () => new Date().toISOString(),
): WorkbookDocument {
  const store = usePaneStore();
  const { dispatch } = store;
  const state = usePaneSelector((s) => s.document);
  const key = usePaneSelector(selectDocumentKey);
  const available = port?.saveDocument !== undefined && port.loadDocument !== undefined;

  useEffect(() => {
    if (!available || port?.loadDocument === undefined) return;
    let live = true;
    port.loadDocument().then(
      (text) => {
        if (live) dispatch({ type: "loadFinished", text });
      },
      (error: unknown) => {
        if (live) dispatch({ type: "loadFailed", message: portErrorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [available, port, dispatch]);

  const save = useCallback(() => {
    const snapshot = selectSnapshot(store.getState());
    if (port?.saveDocument === undefined || snapshot === undefined) return;
    const savedAt = now();
    dispatch({ type: "saveStarted" });
    port.saveDocument(serializeDocument(documentOf(snapshot, savedAt))).then(
      () => dispatch({ type: "saveSucceeded", savedAt, key: documentKeyOf(snapshot) }),
      (error: unknown) => dispatch({ type: "saveFailed", message: portErrorMessage(error) }),
    );
  }, [port, now, store, dispatch]);

  const due = available && autosaveDue(state, key);
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [due, key, save]);

  const restore = useCallback(() => dispatch({ type: "documentRestored" }), [dispatch]);
  const ignore = useCallback(() => dispatch({ type: "ignoreChosen" }), [dispatch]);

  return {
    available,
    state,
    autosave: available && autosaveAllowed(state),
    ...(key === undefined
      ? {
          blocked:
            "Fix the problems on the Simulate or Evidence tab to save (the spec or an observation as edited has errors)",
        }
      : {}),
    restore,
    ignore,
    save,
  };
}

import { describe, expect, it } from "vitest";
import { defaultSimulationSpec } from "../../../src/analysis/defaultSpec";
import { isModelError } from "../../../src/model/errors";
import { findPreset } from "../../../src/model/presets";
import { serializeDocument } from "../../../src/workbook/document";
import {
  autosaveAllowed,
  autosaveDue,
  documentOf,
  documentReducer,
  initialDocumentState,
  type DocumentState,
  type PaneSnapshot,
} from "../../../src/taskpane/persistence/documentState";
import { deepFreeze } from "../../model/fixtures";

function snapshot(): PaneSnapshot {
  const preset = findPreset("licensed");
  if (isModelError(preset)) throw new Error(preset.message);
  return {
    scenario: preset.scenario,
    scenarioName: "Mine",
    presetId: null,
    simulationSpec: defaultSimulationSpec(preset.scenario),
    simulationSettings: { trials: 5000, seed: 7, sampling: "mc" },
  };
}

const validText = serializeDocument(documentOf(snapshot(), "2026-01-02T03:04:05.000Z"));
const start: DocumentState = deepFreeze({ ...initialDocumentState });

describe("documentReducer(state, action)", () => {
  it("documentReducer(loading, loadFinished null) is absent, and autosave is allowed", () => {
    const next = documentReducer(start, { type: "loadFinished", text: null }, "k-now");
    expect(next.status.kind).toBe("absent");
    expect(autosaveAllowed(next)).toBe(true);
    // The empty workbook holds nothing to protect: the pane as it is now is the baseline.
    expect(next.savedKey).toBe("k-now");
    expect(autosaveDue(next, "k-now")).toBe(false);
    expect(autosaveDue(next, "k-edited")).toBe(true);
  });

  it("autosaveDue(state, key) is false while loading, for a found document and while the key is unknown", () => {
    expect(autosaveDue(start, "k-edited")).toBe(false);
    const found = documentReducer(start, { type: "loadFinished", text: validText }, "k-now");
    expect(autosaveDue(found, "k-edited")).toBe(false);
    const absent = documentReducer(start, { type: "loadFinished", text: null }, "k-now");
    expect(autosaveDue(absent, undefined)).toBe(false);
  });

  it("documentReducer(loading, loadFinished valid text) offers the document and holds autosave", () => {
    const next = documentReducer(start, { type: "loadFinished", text: validText }, "k-now");
    expect(next.status.kind === "found" && next.status.document.scenario.name).toBe("Mine");
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFinished corrupt text) is a problem with autosave off", () => {
    const next = documentReducer(start, { type: "loadFinished", text: "{oops" }, "k-now");
    expect(next.status.kind).toBe("problem");
    expect(next.status.kind === "problem" && next.status.message).toMatch(
      /not valid JSON.*automatic saving is off/,
    );
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFinished future version) says to update and turns autosave off", () => {
    const future = JSON.stringify({ ...JSON.parse(validText), version: 3 });
    const next = documentReducer(start, { type: "loadFinished", text: future }, "k-now");
    expect(next.status.kind === "problem" && next.status.message).toMatch(/newer ChipShift \(version 3\)/);
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFailed) is a problem (a failed read is never overwritten silently)", () => {
    const next = documentReducer(
      start,
      { type: "loadFailed", message: "Excel rejected the operation" },
      "k-now",
    );
    expect(next.status.kind).toBe("problem");
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(found, restoreChosen | ignoreChosen) settles and allows autosave", () => {
    const found = deepFreeze(documentReducer(start, { type: "loadFinished", text: validText }, "k-now"));
    for (const type of ["restoreChosen", "ignoreChosen"] as const) {
      const next = documentReducer(found, { type }, "k-now");
      expect(next.status.kind).toBe("settled");
      expect(autosaveAllowed(next)).toBe(true);
    }
  });

  it("documentReducer(problem, ignoreChosen) stays a problem (only an explicit overwrite settles it)", () => {
    const problem = deepFreeze(documentReducer(start, { type: "loadFinished", text: "{oops" }, "k-now"));
    expect(documentReducer(problem, { type: "ignoreChosen" }, "k-now")).toBe(problem);
  });

  it("documentReducer(problem, saveSucceeded) settles: the user overwrote it explicitly", () => {
    const problem = deepFreeze(documentReducer(start, { type: "loadFinished", text: "{oops" }, "k-now"));
    const saving = deepFreeze(documentReducer(problem, { type: "saveStarted" }, "k-now"));
    expect(saving.saving).toBe(true);
    const next = documentReducer(
      saving,
      { type: "saveSucceeded", savedAt: "2026-01-02T03:04:05.000Z", key: "k-saved" },
      "k-now",
    );
    expect(next).toEqual({
      status: { kind: "settled" },
      saving: false,
      lastSavedAt: "2026-01-02T03:04:05.000Z",
      savedKey: "k-saved",
    });
  });

  it("documentReducer(saving, saveFailed) keeps the status and reports the error", () => {
    const absent = deepFreeze(documentReducer(start, { type: "loadFinished", text: null }, "k-now"));
    const saving = deepFreeze(documentReducer(absent, { type: "saveStarted" }, "k-now"));
    const next = documentReducer(saving, { type: "saveFailed", message: "disk full" }, "k-now");
    expect(next.status.kind).toBe("absent");
    expect(next.saving).toBe(false);
    expect(next.saveError).toBe("Could not save to the workbook: disk full");
  });
});

describe("documentOf(snapshot, savedAt)", () => {
  it("documentOf(snapshot, savedAt) is a current-version document that parses back to the same content", () => {
    const doc = documentOf(snapshot(), "2026-01-02T03:04:05.000Z");
    expect(doc.version).toBe(2);
    expect(doc.scenario).toEqual({ name: "Mine", presetId: null, scenario: snapshot().scenario });
    const reread = documentReducer(start, { type: "loadFinished", text: serializeDocument(doc) }, "k-now");
    expect(reread.status.kind === "found" && reread.status.document).toEqual(doc);
  });
});

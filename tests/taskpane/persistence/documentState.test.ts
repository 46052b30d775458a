import { describe, expect, it } from "vitest";
import { defaultSimulationSpec } from "../../../src/analysis/defaultSpec";
import { isModelError } from "../../../src/model/errors";
import { findPreset } from "../../../src/model/presets";
import { serializeDocument } from "../../../src/workbook/document";
import {
  autosaveAllowed,
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
    const next = documentReducer(start, { type: "loadFinished", text: null });
    expect(next.status.kind).toBe("absent");
    expect(autosaveAllowed(next)).toBe(true);
  });

  it("documentReducer(loading, loadFinished valid text) offers the document and holds autosave", () => {
    const next = documentReducer(start, { type: "loadFinished", text: validText });
    expect(next.status.kind === "found" && next.status.document.scenario.name).toBe("Mine");
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFinished corrupt text) is a problem with autosave off", () => {
    const next = documentReducer(start, { type: "loadFinished", text: "{oops" });
    expect(next.status.kind).toBe("problem");
    expect(next.status.kind === "problem" && next.status.message).toMatch(
      /not valid JSON.*automatic saving is off/,
    );
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFinished future version) says to update and turns autosave off", () => {
    const future = JSON.stringify({ ...JSON.parse(validText), version: 3 });
    const next = documentReducer(start, { type: "loadFinished", text: future });
    expect(next.status.kind === "problem" && next.status.message).toMatch(/newer ChipShift \(version 3\)/);
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(loading, loadFailed) is a problem (a failed read is never overwritten silently)", () => {
    const next = documentReducer(start, { type: "loadFailed", message: "Excel rejected the operation" });
    expect(next.status.kind).toBe("problem");
    expect(autosaveAllowed(next)).toBe(false);
  });

  it("documentReducer(found, restoreChosen | ignoreChosen) settles and allows autosave", () => {
    const found = deepFreeze(documentReducer(start, { type: "loadFinished", text: validText }));
    for (const type of ["restoreChosen", "ignoreChosen"] as const) {
      const next = documentReducer(found, { type });
      expect(next.status.kind).toBe("settled");
      expect(autosaveAllowed(next)).toBe(true);
    }
  });

  it("documentReducer(problem, ignoreChosen) stays a problem (only an explicit overwrite settles it)", () => {
    const problem = deepFreeze(documentReducer(start, { type: "loadFinished", text: "{oops" }));
    expect(documentReducer(problem, { type: "ignoreChosen" })).toBe(problem);
  });

  it("documentReducer(problem, saveSucceeded) settles: the user overwrote it explicitly", () => {
    const problem = deepFreeze(documentReducer(start, { type: "loadFinished", text: "{oops" }));
    const saving = deepFreeze(documentReducer(problem, { type: "saveStarted" }));
    expect(saving.saving).toBe(true);
    const next = documentReducer(saving, { type: "saveSucceeded", savedAt: "2026-01-02T03:04:05.000Z" });
    expect(next).toEqual({
      status: { kind: "settled" },
      saving: false,
      lastSavedAt: "2026-01-02T03:04:05.000Z",
    });
  });

  it("documentReducer(saving, saveFailed) keeps the status and reports the error", () => {
    const absent = deepFreeze(documentReducer(start, { type: "loadFinished", text: null }));
    const saving = deepFreeze(documentReducer(absent, { type: "saveStarted" }));
    const next = documentReducer(saving, { type: "saveFailed", message: "disk full" });
    expect(next.status.kind).toBe("absent");
    expect(next.saving).toBe(false);
    expect(next.saveError).toBe("Could not save to the workbook: disk full");
  });
});

describe("documentOf(snapshot, savedAt)", () => {
  it("documentOf(snapshot, savedAt) is a version 1 document that parses back to the same content", () => {
    const doc = documentOf(snapshot(), "2026-01-02T03:04:05.000Z");
    expect(doc.version).toBe(1);
    expect(doc.scenario).toEqual({ name: "Mine", presetId: null, scenario: snapshot().scenario });
    const reread = documentReducer(start, { type: "loadFinished", text: serializeDocument(doc) });
    expect(reread.status.kind === "found" && reread.status.document).toEqual(doc);
  });
});

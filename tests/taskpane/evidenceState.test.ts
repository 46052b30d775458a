import { describe, expect, it } from "vitest";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { isModelError } from "../../src/model/errors";
import { findPreset } from "../../src/model/presets";
import {
  documentEvidenceOf,
  draftsOfEvidence,
  duplicateWarnings,
  evidenceReducer,
  evidenceRequestOf,
  initialEvidenceState,
  observationLabelWords,
  type EvidenceState,
} from "../../src/taskpane/evidence/state";
import { documentOf } from "../../src/taskpane/persistence/documentState";
import type { PaneAction, PaneState } from "../../src/taskpane/store/paneStore";
import { initialPaneState, paneStoreReducer } from "../../src/taskpane/store/paneStore";
import { selectDocumentKey, selectSnapshot } from "../../src/taskpane/store/selectors";
import { parseDocument, serializeDocument } from "../../src/workbook/document";
import { deepFreeze } from "../model/fixtures";

const start: EvidenceState = deepFreeze(initialEvidenceState());
const years = { baseYear: 2025, horizon: 5 };
const keyOf = (state: EvidenceState, j: number): string => state.rows[j]!.key;

describe("evidence state: the observations as typed", () => {
  it("initialEvidenceState() holds the presets' cited set, and evidenceRequestOf gives exactly defaultEvidence()", () => {
    expect(start.rows).toHaveLength(5);
    expect(start.rows.every((r) => r.figureId !== undefined && r.rationale !== undefined)).toBe(true);
    const request = evidenceRequestOf(start.rows, years);
    expect(request).toEqual({ ok: true, evidence: defaultEvidence() });
  });

  it("evidenceReducer(evidenceFieldChanged) keeps bad text as typed; the message names the entry and what to enter", () => {
    const next = evidenceReducer(start, {
      type: "evidenceFieldChanged",
      key: keyOf(start, 2),
      field: "value",
      raw: "seven",
    });
    expect(next.rows[2]!.value).toBe("seven");
    expect(next.rows[1]).toBe(start.rows[1]);
    const request = evidenceRequestOf(next.rows, years);
    expect(request.ok).toBe(false);
    if (request.ok) return;
    expect(request.rows[keyOf(start, 2)]?.value).toBe(
      "Observation 3 (NVIDIA China revenue (model), Q2 FY2027): enter the value as a number in USD bn (now “seven”)",
    );
    expect(request.problems).toHaveLength(1);
  });

  it("evidenceRequestOf: sd 0, a negative sd, NaN and an empty box are each an error at their field", () => {
    const edit = (field: "value" | "sd", raw: string) =>
      evidenceRequestOf(
        evidenceReducer(start, { type: "evidenceFieldChanged", key: keyOf(start, 0), field, raw }).rows,
      );
    for (const raw of ["0", "-1", "NaN", "", "1e999"]) {
      const r = edit("sd", raw);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.rows[keyOf(start, 0)]?.sd).toMatch(
          /^Observation 1 \(.*, FY2026\): enter the SD as a number greater than 0/,
        );
    }
    const value = edit("value", "");
    expect(!value.ok && value.rows[keyOf(start, 0)]?.value).toBe(
      "Observation 1 (NVIDIA China revenue (model), FY2026): enter the value as a number in USD bn",
    );
    // A negative value is a number (the engine accepts any finite value)
    expect(edit("value", "-0.5").ok).toBe(true);
  });

  it("evidenceRequestOf(rows, years) names an observation outside the scenario's years, and the span allowed", () => {
    const request = evidenceRequestOf(start.rows, { baseYear: 2026, horizon: 5 });
    expect(request.ok).toBe(false);
    if (request.ok) return;
    // FY2026 is calendar 2025, before a 2026 base year
    expect(request.rows[keyOf(start, 0)]?.period).toBe(
      "Observation 1 (NVIDIA China revenue (model), FY2026): FY2026 is outside the scenario's years (FY2027 to FY2032); remove it or change the scenario's base year or horizon",
    );
    // Without years (the saved document) only the shape counts
    expect(evidenceRequestOf(start.rows).ok).toBe(true);
  });

  it("evidenceReducer: remove, add (a new key, never reused) and reset to the cited set", () => {
    const removed = evidenceReducer(start, { type: "evidenceRowRemoved", key: keyOf(start, 1) });
    expect(removed.rows.map((r) => r.period)).toEqual(["FY2026", "Q2 FY2027", "Q1 FY2027", "Q2 FY2027"]);
    const added = evidenceReducer(removed, {
      type: "evidenceRowAdded",
      observation: {
        series: "market",
        period: "FY2028",
        value: "69",
        sd: "6.9",
        figureId: "mkt_bernstein_tam_2027",
      },
    });
    expect(added.rows[4]!.key).toBe("o6");
    const reset = evidenceReducer(added, { type: "evidenceReset" });
    expect(evidenceRequestOf(reset.rows)).toEqual({ ok: true, evidence: defaultEvidence() });
    expect(new Set([...added.rows, ...reset.rows].map((r) => r.key)).size).toBe(
      added.rows.length + reset.rows.length,
    );
  });

  it("evidenceReducer: a run's status (started, cancelled with the total, failed) and a new run clears the write", () => {
    const running = evidenceReducer(start, { type: "evidenceRunStarted", total: 5000 });
    expect(running.run).toEqual({ status: "running", total: 5000 });
    expect(evidenceReducer(running, { type: "evidenceRunCancelled", done: 1200 }).run).toEqual({
      status: "cancelled",
      done: 1200,
      total: 5000,
    });
    expect(evidenceReducer(running, { type: "evidenceRunFailed", message: "x" }).run).toEqual({
      status: "failed",
      message: "x",
    });
  });

  it("duplicateWarnings() names a second observation of the same series and period", () => {
    const twice = evidenceReducer(start, {
      type: "evidenceRowAdded",
      observation: { series: "nvidiaChina", period: "Q2 FY2027", value: "7.9", sd: "1" },
    });
    expect(duplicateWarnings(twice.rows)).toEqual([
      "Observation 6 (NVIDIA China revenue (model), Q2 FY2027) repeats observation 3: both count in full in the likelihood",
    ]);
    expect(duplicateWarnings(start.rows)).toEqual([]);
  });

  it("observationLabelWords() turns the engine's 'series period' label into words", () => {
    expect(observationLabelWords("nvidiaDataCenter Q1 FY2027")).toBe(
      "NVIDIA data center into China, Q1 FY2027",
    );
    expect(observationLabelWords("none")).toBe("none");
  });
});

describe("evidence in the workbook document", () => {
  const apply = (state: PaneState, ...actions: PaneAction[]): PaneState =>
    actions.reduce(paneStoreReducer, state);
  const pane = deepFreeze(initialPaneState());

  it("documentEvidenceOf(): the default set is not stored, an edited set is, a bad row holds the save", () => {
    expect(documentEvidenceOf(start.rows)).toBeUndefined();
    const edited = evidenceReducer(start, {
      type: "evidenceFieldChanged",
      key: keyOf(start, 0),
      field: "sd",
      raw: "2",
    });
    expect(documentEvidenceOf(edited.rows)?.observations[0]?.sd).toBe(2);
    const bad = evidenceReducer(start, {
      type: "evidenceFieldChanged",
      key: keyOf(start, 0),
      field: "sd",
      raw: "x",
    });
    expect(documentEvidenceOf(bad.rows)).toBeNull();
  });

  it("selectSnapshot() carries edited evidence, is undefined while a row is bad, and the key follows the observations", () => {
    expect(selectSnapshot(pane)?.evidence).toBeUndefined();
    const key = pane.evidence.rows[0]!.key;
    const edited = apply(pane, { type: "evidenceFieldChanged", key, field: "value", raw: "20" });
    expect(selectSnapshot(edited)?.evidence?.observations[0]?.value).toBe(20);
    expect(selectDocumentKey(edited)).not.toBe(selectDocumentKey(pane));
    expect(
      selectSnapshot(apply(edited, { type: "evidenceFieldChanged", key, field: "value", raw: "" })),
    ).toBeUndefined();
  });

  it("a saved document with evidence parses, and restoring it puts the observations back (rationale kept)", () => {
    const key = pane.evidence.rows[4]!.key;
    const edited = apply(
      pane,
      { type: "evidenceRowRemoved", key },
      {
        type: "evidenceRowAdded",
        observation: {
          series: "market",
          period: "FY2028",
          value: "69",
          sd: "6.9",
          figureId: "mkt_bernstein_tam_2027",
        },
      },
    );
    const text = serializeDocument(documentOf(selectSnapshot(edited)!, "2026-12-02T00:00:00.000Z"));
    const parsed = parseDocument(text);
    if (isModelError(parsed)) throw new Error(parsed.message);
    expect(parsed.evidence?.observations).toHaveLength(5);
    const restored = apply(pane, { type: "loadFinished", text }, { type: "documentRestored" });
    expect(restored.evidence.rows.map((r) => [r.series, r.period, r.value, r.sd])).toEqual(
      edited.evidence.rows.map((r) => [r.series, r.period, r.value, r.sd]),
    );
    expect(restored.evidence.rows[0]!.rationale).toBe(pane.evidence.rows[0]!.rationale);
    expect(restored.document.status.kind).toBe("settled");
    // Restoring a document without evidence brings back the cited default set
    const plain = serializeDocument(documentOf(selectSnapshot(pane)!, ""));
    const back = apply(edited, { type: "loadFinished", text: plain }, { type: "documentRestored" });
    expect(evidenceRequestOf(back.evidence.rows)).toEqual({ ok: true, evidence: defaultEvidence() });
  });

  it("parseDocument() rejects bad saved evidence with a message naming the entry, but not a period outside the years", () => {
    const preset = findPreset("licensed");
    if (isModelError(preset)) throw new Error(preset.message);
    const doc = (observations: unknown[]) =>
      JSON.stringify({
        ...documentOf(
          {
            scenario: preset.scenario,
            scenarioName: "x",
            presetId: null,
            simulationSpec: defaultSimulationSpec(preset.scenario),
          },
          "",
        ),
        evidence: { observations },
      });
    const bad = parseDocument(doc([{ series: "nvidiaChina", period: "FY2026", value: 1, sd: 0 }]));
    expect(isModelError(bad) && bad.message).toBe(
      "evidence: observation 1 (nvidiaChina FY2026): sd must be a finite number greater than 0, got 0",
    );
    const unknown = parseDocument(doc([{ series: "__proto__", period: "FY2026", value: 1, sd: 1 }]));
    expect(isModelError(unknown) && unknown.message).toMatch(
      /^evidence: observation 1: series must be one of/,
    );
    // A period the scenario does not reach is kept (the pane names it), so the document stays readable
    const later = parseDocument(doc([{ series: "market", period: "FY2040", value: 1, sd: 1 }]));
    expect(isModelError(later)).toBe(false);
    expect(draftsOfEvidence(isModelError(later) ? { observations: [] } : later.evidence!)).toEqual([
      { series: "market", period: "FY2040", value: "1", sd: "1" },
    ]);
  });
});

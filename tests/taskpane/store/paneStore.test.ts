import { describe, expect, it } from "vitest";
import { defaultSimulationSpec } from "../../../src/analysis/defaultSpec";
import type { SimulationResult } from "../../../src/analysis/summarize";
import { isModelError } from "../../../src/model/errors";
import { findPreset } from "../../../src/model/presets";
import { documentOf } from "../../../src/taskpane/persistence/documentState";
import type { PaneAction, PaneState } from "../../../src/taskpane/store/paneStore";
import { initialPaneState, paneStoreReducer } from "../../../src/taskpane/store/paneStore";
import {
  selectDocumentKey,
  selectRunRequest,
  selectScenarioName,
  selectSimulateView,
  selectSimulationFingerprint,
  selectSimulationResult,
  selectTornado,
  selectSpecRequest,
  tornadoFingerprint,
} from "../../../src/taskpane/store/selectors";
import { serializeDocument } from "../../../src/workbook/document";
import { deepFreeze } from "../../model/fixtures";

const start: PaneState = deepFreeze(initialPaneState());
const apply = (state: PaneState, ...actions: PaneAction[]): PaneState =>
  actions.reduce(paneStoreReducer, state);

describe("paneStoreReducer: one store, nothing copied", () => {
  it("paneStoreReducer keeps Trials 1234 through scenario edits and preset changes", () => {
    const state = apply(
      start,
      { type: "trialsChanged", raw: "1234" },
      { type: "inputChanged", path: "marketGrowth", raw: "40" },
      { type: "presetChosen", presetId: "decoupling" },
    );
    expect(selectSimulateView(state).trials).toBe("1234");
    const request = selectRunRequest(state);
    expect(request.ok && request.options.trials).toBe(1234);
  });

  it("paneStoreReducer: an untouched distribution follows the scenario; an edited one stays as typed", () => {
    const edited = apply(start, { type: "fieldChanged", id: "adoptionSpeed", field: "max", raw: "1.5" });
    const next = apply(edited, { type: "inputChanged", path: "marketGrowth", raw: "40" });
    const view = selectSimulateView(next);
    // defaultSpec.ts: marketGrowth triangular(×0.5, base, ×1.5) of the new base 0.40 → 20 / 40 / 60 %
    expect(view.drafts.marketGrowth).toEqual({
      kind: "triangular",
      fields: { min: "20", mode: "40", max: "60" },
    });
    expect(view.drafts.adoptionSpeed?.fields.max).toBe("1.5");
  });

  it("paneStoreReducer: a blank fixed value is the scenario's own value after a scenario edit", () => {
    const state = apply(
      start,
      { type: "kindChanged", id: "marketGrowth", kind: "fixed" },
      { type: "inputChanged", path: "marketGrowth", raw: "40" },
    );
    const request = selectRunRequest(state);
    // typed 40 (%) in the Scenario tab → 0.4 in the engine; no stale fixed value overrides it
    expect(request.ok && request.scenario.marketGrowth).toBe(0.4);
    expect(request.ok && request.spec.inputs.marketGrowth).toBeUndefined();
  });

  it("paneStoreReducer(documentRestored) applies scenario, spec and settings in one action and settles", () => {
    const preset = findPreset("licensed");
    if (isModelError(preset)) throw new Error(preset.message);
    const scenario = { ...preset.scenario, marketGrowth: 0.25 };
    const spec = { ...defaultSimulationSpec(scenario), regimeChain: undefined };
    const text = serializeDocument(
      documentOf(
        {
          scenario,
          scenarioName: "Board case",
          presetId: null,
          simulationSpec: { inputs: spec.inputs, rankCorrelationOutput: spec.rankCorrelationOutput },
          simulationSettings: { trials: 5000, seed: 7, sampling: "mc" },
        },
        "2026-01-01T00:00:00.000Z",
      ),
    );
    const found = apply(start, { type: "loadFinished", text });
    expect(found.document.status.kind).toBe("found");
    const restored = apply(found, { type: "documentRestored" });
    expect(restored.scenario.scenario.marketGrowth).toBe(0.25);
    expect(selectScenarioName(restored)).toBe("Board case");
    const view = selectSimulateView(restored);
    expect([view.trials, view.seed, view.sampling, view.regimeMode]).toEqual(["5000", "7", "mc", "fixed"]);
    expect(restored.document.status.kind).toBe("settled");
    // The pane now is what the workbook holds: nothing for autosave to do.
    expect(restored.document.savedKey).toBe(selectDocumentKey(restored));
  });
});

describe("results know their scenario", () => {
  const fakeResult = {} as SimulationResult;

  it("a simulation result is stale once an input changes and fresh again when it is changed back", () => {
    const fingerprint = selectSimulationFingerprint(start) ?? "";
    const ran = apply(start, {
      type: "runSucceeded",
      run: { scenarioName: selectScenarioName(start), fingerprint, result: fakeResult, elapsedMs: 1 },
    });
    expect(selectSimulationResult(ran)?.stale).toBe(false);
    const edited = apply(ran, { type: "inputChanged", path: "marketGrowth", raw: "40" });
    expect(selectSimulationResult(edited)?.stale).toBe(true);
    expect(selectSimulationResult(edited)?.scenarioName).toBe("Licensed trade");
    const back = apply(edited, { type: "resetToPreset" });
    expect(selectSimulationResult(back)?.stale).toBe(false);
    // Trials are part of what the result came from.
    expect(selectSimulationResult(apply(ran, { type: "trialsChanged", raw: "20000" }))?.stale).toBe(true);
  });

  it("a split run's other half completes only the run it belongs to, and a failure is kept beside it", () => {
    const fingerprint = selectSimulationFingerprint(start) ?? "";
    const view = { partial: { part: "view", seriesOrder: [] } } as unknown as SimulationResult;
    const older = { partial: { part: "view", seriesOrder: [] } } as unknown as SimulationResult;
    const whole = { trials: 2 } as unknown as SimulationResult;
    const ran = apply(start, {
      type: "runSucceeded",
      run: { scenarioName: selectScenarioName(start), fingerprint, result: view, elapsedMs: 5 },
    });
    // An older run's rest arriving late changes nothing.
    expect(apply(ran, { type: "runCompleted", view: older, result: whole }).simulation).toEqual(
      ran.simulation,
    );
    const completed = apply(ran, { type: "runCompleted", view, result: whole });
    expect(completed.simulation.last?.result).toBe(whole);
    expect(completed.simulation.last?.elapsedMs).toBe(5);
    expect(selectSimulationResult(completed)?.stale).toBe(false);
    const failed = apply(ran, { type: "runCompletionFailed", view, message: "worker stopped" });
    expect(failed.simulation.last?.result).toBe(view);
    expect(failed.simulation.last?.completionError).toBe("worker stopped");
    expect(apply(ran, { type: "runCompletionFailed", view: older, message: "x" }).simulation).toEqual(
      ran.simulation,
    );
  });

  it("a tornado run on Licensed trade is stale after choosing Full decoupling", () => {
    const output = start.sensitivity.output;
    const fingerprint = tornadoFingerprint(selectSpecRequest(start), output) ?? "";
    const ran = apply(start, {
      type: "analysisSucceeded",
      analysis: {
        output,
        scenarioName: "Licensed trade",
        fingerprint,
        tornado: { output: { metric: "cumulativeNvidiaChina" }, baseOutput: 1, bars: [] },
        spider: { steps: [], lines: [] },
      },
    });
    expect(selectTornado(ran)?.stale).toBe(false);
    const switched = apply(ran, { type: "presetChosen", presetId: "decoupling" });
    expect(selectTornado(switched)?.stale).toBe(true);
    expect(selectTornado(switched)?.scenarioName).toBe("Licensed trade");
    // Trials do not change a tornado: not stale.
    expect(selectTornado(apply(ran, { type: "trialsChanged", raw: "20000" }))?.stale).toBe(false);
  });
});

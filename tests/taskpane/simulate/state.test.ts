import { describe, expect, it } from "vitest";
import { BASE_PRESET_ID, findPreset } from "../../../src/model/presets";
import { isModelError } from "../../../src/model/errors";
import type { Scenario } from "../../../src/model/types";
import { runRequestOf } from "../../../src/taskpane/simulate/runRequest";
import { correlationText, transitionRowProblem } from "../../../src/taskpane/simulate/state";
import type { SimulateView } from "../../../src/taskpane/simulate/state";
import type { PaneAction, PaneState } from "../../../src/taskpane/store/paneStore";
import { initialPaneState, paneStoreReducer } from "../../../src/taskpane/store/paneStore";
import { selectSimulateView } from "../../../src/taskpane/store/selectors";
import { deepFreeze } from "../../model/fixtures";

const preset = findPreset(BASE_PRESET_ID);
if (isModelError(preset)) throw new Error("base preset missing");
const scenario: Scenario = preset.scenario;
const initial: PaneState = deepFreeze(initialPaneState());
const start = (): SimulateView => selectSimulateView(initial);
const apply = (_: SimulateView, ...actions: PaneAction[]): SimulateView =>
  selectSimulateView(actions.reduce(paneStoreReducer, initial));

describe("specDraftReducer and runSettingsReducer (through the pane store)", () => {
  it("simulateViewOf() shows the default spec's marketGrowth range in percent and fixed inputs blank (= scenario)", () => {
    const state = start();
    // presets.ts licensed: marketGrowth 0.366 → defaultSpec ×0.5/×1.5 → triangular(0.183, 0.366, 0.549) → 18.3/36.6/54.9 %
    expect(state.drafts.marketGrowth).toEqual({
      kind: "triangular",
      fields: { min: "18.3", mode: "36.6", max: "54.9" },
    });
    // presets.ts licensed: marketBase has no default distribution: fixed, blank = the scenario's value
    expect(state.drafts.marketBase).toEqual({ kind: "fixed", fields: { value: "" } });
    expect(state.trials).toBe("10000");
    expect(state.regimeMode).toBe("anchored");
    // defaultSpec.ts: π = 0.8, β = 0.3, shown in percent
    expect(state.anchored).toEqual({ followPath: "80", returnToPath: "30" });
  });

  it("specDraftReducer(kindChanged) replaces the draft with one centred on the scenario's value in display units", () => {
    const state = apply(start(), { type: "kindChanged", id: "marketBase", kind: "uniform" });
    // hand-computed: 50 ± 20% = 40..60
    expect(state.drafts.marketBase).toEqual({ kind: "uniform", fields: { min: "40", max: "60" } });
  });

  it("specDraftReducer(correlationChanged) sets both mirror entries; the diagonal stays 1", () => {
    const state = apply(
      start(),
      { type: "correlationToggled", id: "marketGrowth", included: true },
      { type: "correlationToggled", id: "adoptionSpeed", included: true },
      { type: "correlationChanged", a: "adoptionSpeed", b: "marketGrowth", raw: "0.4" },
      { type: "correlationChanged", a: "marketGrowth", b: "marketGrowth", raw: "0.2" },
    );
    expect(correlationText(state, "marketGrowth", "adoptionSpeed")).toBe("0.4");
    expect(correlationText(state, "adoptionSpeed", "marketGrowth")).toBe("0.4");
    expect(correlationText(state, "marketGrowth", "marketGrowth")).toBe("1");
  });

  it("transitionRowProblem() names a row that does not sum to 1", () => {
    const names = Object.keys(scenario.regimes);
    const from = names[0] ?? "";
    // defaultSpec.ts: the chain keeps each regime with 70%; 90 + the other three rows' 10 each = 120%
    const state = apply(start(), { type: "transitionChanged", from, to: from, raw: "90" });
    expect(transitionRowProblem(state, from)).toMatch(/sums to 1\d\d%; make each row sum to 100%/);
  });
});

describe("runRequestOf", () => {
  it("runRequestOf(scenario, default state) is ok with 10,000 trials and 8 stochastic inputs", () => {
    const request = runRequestOf(scenario, start());
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.options.trials).toBe(10_000);
    // defaultSpec.ts RULES: 8 inputs get a triangular
    expect(Object.keys(request.spec.inputs)).toHaveLength(8);
    // The default threshold is the base projection's NVIDIA China revenue in 2027, to 2 significant digits.
    const base2027 = initial.scenario.projection.series.nvidiaChina[2] ?? NaN;
    expect(request.spec.thresholds?.[0]).toEqual({
      output: { series: "nvidiaChina", year: 2027 },
      op: "<",
      value: Number(base2027.toPrecision(2)),
    });
  });

  it("runRequestOf() rejects trials above 1,000,000", () => {
    const request = runRequestOf(scenario, apply(start(), { type: "trialsChanged", raw: "1000001" }));
    expect(request.ok).toBe(false);
    expect(request.ok ? [] : request.problems.join()).toMatch(/trials from 2 to 1,000,000 \(now “1000001”\)/);
  });

  it("runRequestOf() applies a fixed value other than the scenario's to the scenario", () => {
    const request = runRequestOf(
      scenario,
      apply(start(), { type: "fieldChanged", id: "marketBase", field: "value", raw: "60" }),
    );
    expect(request.ok && request.scenario.marketBase).toBe(60);
  });

  it("runRequestOf() reports an invalid correlation matrix with its nearest valid matrix", () => {
    const state = apply(
      start(),
      { type: "correlationToggled", id: "marketGrowth", included: true },
      { type: "correlationToggled", id: "adoptionSpeed", included: true },
      { type: "correlationToggled", id: "substitutionRate", included: true },
      { type: "correlationChanged", a: "marketGrowth", b: "adoptionSpeed", raw: "0.9" },
      { type: "correlationChanged", a: "adoptionSpeed", b: "substitutionRate", raw: "0.9" },
      { type: "correlationChanged", a: "marketGrowth", b: "substitutionRate", raw: "-0.9" },
    );
    const request = runRequestOf(scenario, state);
    expect(request.ok).toBe(false);
    if (request.ok) return;
    // imanConover.ts example: [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]] is not positive semi-definite
    expect(request.correlation?.message).toMatch(/positive semi-definite/);
    expect(request.correlation?.nearest).toHaveLength(3);
    const fixed = apply(state, { type: "nearestApplied", matrix: request.correlation?.nearest ?? [] });
    expect(runRequestOf(scenario, fixed).ok).toBe(true);
  });

  it("runRequestOf() rejects a regime chain row that does not sum to 1", () => {
    const from = Object.keys(scenario.regimes)[0] ?? "";
    const request = runRequestOf(
      scenario,
      apply(
        start(),
        { type: "regimeModeChanged", mode: "chain" },
        { type: "transitionChanged", from, to: from, raw: "95" },
      ),
    );
    expect(request.ok ? "" : request.problems.join()).toMatch(/^Regime chain: Row “/);
  });

  it("runRequestOf(default view) runs the anchored chain; β edited to 45% gives 0.45; π of 150% is a problem", () => {
    const request = runRequestOf(
      scenario,
      apply(start(), { type: "anchoredChanged", field: "returnToPath", raw: "45" }),
    );
    expect(request.ok && request.spec.regimeChain).toEqual({
      anchored: { followPath: 0.8, returnToPath: 0.45 },
    });
    const bad = runRequestOf(
      scenario,
      apply(start(), { type: "anchoredChanged", field: "followPath", raw: "150" }),
    );
    expect(bad.ok ? "" : bad.problems.join()).toMatch(
      /^Regime chain: Follow the path \(π\) must be a percentage/,
    );
  });

  it("runRequestOf(fixed mode) has no regime chain", () => {
    const request = runRequestOf(scenario, apply(start(), { type: "regimeModeChanged", mode: "fixed" }));
    expect(request.ok && request.spec.regimeChain).toBeUndefined();
  });
});

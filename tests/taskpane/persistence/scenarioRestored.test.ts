import { describe, expect, it } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { findPreset } from "../../../src/model/presets";
import type { Scenario } from "../../../src/model/types";
import { initialScenarioState, scenarioReducer } from "../../../src/taskpane/scenario/state";
import { deepFreeze } from "../../model/fixtures";

function presetScenario(id: string): Scenario {
  const preset = findPreset(id);
  if (isModelError(preset)) throw new Error(preset.message);
  return preset.scenario;
}

describe("scenarioReducer(state, scenarioRestored)", () => {
  it("scenarioReducer(state, scenarioRestored) shows the saved values and name, marked edited", () => {
    const state = deepFreeze(initialScenarioState("licensed"));
    const saved: Scenario = deepFreeze({ ...presetScenario("licensed"), marketGrowth: 0.25 });
    const next = scenarioReducer(state, {
      type: "scenarioRestored",
      scenario: saved,
      name: "Board case",
      presetId: "licensed",
    });
    expect(next.scenario).toEqual(saved);
    // hand-computed: 0.25 shown in percent → "25"
    expect(next.raw["marketGrowth"]).toBe("25");
    expect(next.restoredName).toBe("Board case");
    expect(next.edited).toBe(true);
    expect(next.issues).toEqual([]);
    expect(next.projection.years.calendar[0]).toBe(saved.baseYear);
  });

  it("scenarioReducer(state, scenarioRestored) of an unedited preset is not edited and keeps its preset", () => {
    const state = deepFreeze(initialScenarioState("licensed"));
    const other = PRESET_OTHER;
    const next = scenarioReducer(state, {
      type: "scenarioRestored",
      scenario: presetScenario(other),
      name: "Saved",
      presetId: other,
    });
    expect(next.presetId).toBe(other);
    expect(next.edited).toBe(false);
  });

  it("scenarioReducer(restored, presetChosen) clears the restored name", () => {
    const restored = deepFreeze(
      scenarioReducer(initialScenarioState("licensed"), {
        type: "scenarioRestored",
        scenario: presetScenario("licensed"),
        name: "Saved",
        presetId: null,
      }),
    );
    expect(restored.restoredName).toBe("Saved");
    expect(
      scenarioReducer(restored, { type: "presetChosen", presetId: "licensed" }).restoredName,
    ).toBeUndefined();
  });
});

const PRESET_OTHER = "decoupling";

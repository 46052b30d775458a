import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../src/model/presets";
import { buildCandidates, presetNamedScenario } from "../../../src/taskpane/build/buildScenarios";
import { buildReducer, includedScenarios, initialBuildState } from "../../../src/taskpane/build/buildState";
import type { BuildState, BuiltModel } from "../../../src/taskpane/build/buildState";
import type { NamedScenario } from "../../../src/workbook/layout/types";

const presets = PRESETS.map(presetNamedScenario);
const licensed = presets[0]!;
const edited: NamedScenario = { ...licensed, scenario: { ...licensed.scenario, marketGrowth: 0.5 } };
const built: BuiltModel = {
  sheets: { "CS Inputs": "CS Inputs" },
  renamed: [],
  notes: "skipped",
  syncs: 0,
  namedRanges: 30,
  charts: 2,
  scenarios: ["Licensed trade"],
};

function reduce(...actions: Parameters<typeof buildReducer>[1][]): BuildState {
  return actions.reduce(buildReducer, Object.freeze(initialBuildState) as BuildState);
}

describe("buildReducer", () => {
  it("buildReducer(scenarioToggled) leaves a scenario out and back in, case-insensitively", () => {
    const out = reduce({ type: "scenarioToggled", name: "Détente", included: false });
    expect(out.excluded).toEqual(["détente"]);
    const candidates = buildCandidates(PRESETS, null, []);
    expect(includedScenarios(out, candidates).map((s) => s.name)).toEqual([
      "Licensed trade",
      "Licensed on paper",
      "Full decoupling",
      "Domestic supply crunch",
    ]);
    const back = buildReducer(out, { type: "scenarioToggled", name: "DÉTENTE", included: true });
    expect(back.excluded).toEqual([]);
  });

  it("buildReducer(operationStarted → stepReached → buildSucceeded) tracks the step and keeps the summary", () => {
    const started = reduce({ type: "operationStarted", operation: "build", step: "Laying out…" });
    expect(started.busy).toEqual({ operation: "build", step: "Laying out…" });
    const writing = buildReducer(started, { type: "stepReached", step: "Writing 4 sheets…" });
    expect(writing.busy?.step).toBe("Writing 4 sheets…");
    const done = buildReducer(writing, { type: "buildSucceeded", built });
    expect(done.busy).toBeNull();
    expect(done.built).toBe(built);
  });

  it("buildReducer(stepReached) without a running operation changes nothing", () => {
    const state = reduce();
    expect(buildReducer(state, { type: "stepReached", step: "x" })).toBe(state);
  });

  it("buildReducer(conflictFound) asks about '<sheet> (2)' and conflictCancelled writes nothing", () => {
    const asked = reduce(
      { type: "operationStarted", operation: "build", step: "Laying out…" },
      { type: "conflictFound", sheet: "CS Inputs" },
    );
    expect(asked.conflict).toEqual({ sheet: "CS Inputs", proposed: "CS Inputs (2)" });
    expect(asked.busy).toBeNull();
    const cancelled = buildReducer(asked, { type: "conflictCancelled" });
    expect(cancelled.conflict).toBeNull();
    expect(cancelled.built).toBeNull();
  });

  it("buildReducer(buildSucceeded) drops the on-open offer but keeps an explicit read-back", () => {
    const offer = { sheetName: "CS Inputs", scenarios: presets, issues: [], onOpen: true };
    expect(
      reduce({ type: "workbookRead", readback: offer }, { type: "buildSucceeded", built }).readback,
    ).toBeNull();
    const asked = { ...offer, onOpen: false };
    expect(
      reduce({ type: "workbookRead", readback: asked }, { type: "buildSucceeded", built }).readback,
    ).toEqual(asked);
  });

  it("buildReducer(scenariosOffered) adds new names at once and skips identical ones", () => {
    const fresh: NamedScenario = { ...edited, name: "Bull case" };
    const state = reduce({
      type: "scenariosOffered",
      origin: "imported",
      scenarios: [fresh, licensed],
      existing: presets,
    });
    expect(state.pending).toBeNull();
    expect(state.extras.map((e) => e.named.name)).toEqual(["Bull case"]);
    expect(state.notice).toBe("Added 1 scenario (1 already in the list unchanged)");
  });

  it("buildReducer(scenariosOffered) never replaces a listed scenario without asking", () => {
    const state = reduce({
      type: "scenariosOffered",
      origin: "workbook",
      scenarios: [edited],
      existing: presets,
    });
    expect(state.extras).toEqual([]);
    expect(state.pending?.clashes).toEqual(["Licensed trade"]);
  });

  it("buildReducer(pendingResolved replace) puts the new values in the preset's place", () => {
    const state = reduce(
      { type: "scenariosOffered", origin: "workbook", scenarios: [edited], existing: presets },
      { type: "pendingResolved", choice: "replace" },
    );
    const candidates = buildCandidates(PRESETS, null, state.extras);
    expect(candidates).toHaveLength(PRESETS.length);
    // the edited value from the offered scenario (0.5), not the preset's 0.35
    expect(candidates[0]?.named.scenario.marketGrowth).toBe(0.5);
    expect(candidates[0]?.origin).toBe("workbook");
  });

  it("buildReducer(pendingResolved keepBoth) renames the newcomer to '<name> (2)'", () => {
    const state = reduce(
      { type: "scenariosOffered", origin: "imported", scenarios: [edited], existing: presets },
      { type: "pendingResolved", choice: "keepBoth" },
    );
    expect(state.extras.map((e) => e.named.name)).toEqual(["Licensed trade (2)"]);
    expect(buildCandidates(PRESETS, null, state.extras)).toHaveLength(PRESETS.length + 1);
  });

  it("buildReducer(pendingResolved cancel) adds nothing", () => {
    const state = reduce(
      { type: "scenariosOffered", origin: "imported", scenarios: [edited], existing: presets },
      { type: "pendingResolved", choice: "cancel" },
    );
    expect(state.extras).toEqual([]);
    expect(state.pending).toBeNull();
  });

  it("buildReducer(workbookHasNoModel) is silent on open and an error when asked", () => {
    expect(reduce({ type: "workbookHasNoModel", onOpen: true })).toEqual(initialBuildState);
    expect(reduce({ type: "workbookHasNoModel", onOpen: false }).error).toMatch(/no ChipShift Inputs sheet/);
  });

  it("buildReducer(operationFailed) stops the operation and keeps the message; messagesDismissed clears it", () => {
    const failed = reduce(
      { type: "operationStarted", operation: "portable", step: "…" },
      { type: "operationFailed", message: "Excel did not accept the write" },
    );
    expect(failed.busy).toBeNull();
    expect(failed.error).toBe("Excel did not accept the write");
    expect(buildReducer(failed, { type: "messagesDismissed" }).error).toBeNull();
  });

  it("buildReducer: a new outcome replaces the old one, shown beside the button that was pressed", () => {
    const exported = reduce({ type: "exportSucceeded", fileName: "chipshift-model.xlsx" });
    expect(exported.notice).toBe("Downloaded chipshift-model.xlsx");
    expect(exported.feedbackAt).toBe("model");
    // An import that fails after the download: the old success bar goes, the failure shows under Import.
    const failed = buildReducer(exported, { type: "importFailed", errors: ["scenarios.json is not JSON"] });
    expect(failed.notice).toBeNull();
    expect(failed.importErrors).toEqual(["scenarios.json is not JSON"]);
    expect(failed.feedbackAt).toBe("scenarios");
    // Reading the workbook is a scenario-area operation; its failure clears the import errors.
    const read = reduce(
      { type: "importFailed", errors: ["bad"] },
      { type: "operationStarted", operation: "read", step: "Reading CS Inputs…" },
      { type: "workbookHasNoModel", onOpen: false },
    );
    expect(read.importErrors).toEqual([]);
    expect(read.feedbackAt).toBe("scenarios");
    expect(read.error).toMatch(/no ChipShift Inputs sheet/);
    // A portable summary (a success) does not outlive a later failure.
    const portable = reduce(
      { type: "portableSucceeded", summary: { replaced: 2, cells: ["Sheet1!A1", "Sheet1!A2"] } },
      { type: "operationStarted", operation: "build", step: "Laying out…" },
      { type: "operationFailed", message: "Excel did not accept the write" },
    );
    expect(portable.portable).toBeNull();
    expect(portable.error).toBe("Excel did not accept the write");
    expect(portable.feedbackAt).toBe("model");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { PRESETS } from "../../../src/model/presets";
import { buildCandidates, paneCandidate } from "../../../src/taskpane/build/buildScenarios";
import { documentOf } from "../../../src/taskpane/persistence/documentState";
import { initialScenarioState, scenarioReducer } from "../../../src/taskpane/scenario/state";
import type { ScenarioState } from "../../../src/taskpane/scenario/state";
import { createPaneStore } from "../../../src/taskpane/store/PaneStoreProvider";
import { initialPaneState } from "../../../src/taskpane/store/paneStore";
import { selectSnapshot } from "../../../src/taskpane/store/selectors";
import { parseDocument, serializeDocument } from "../../../src/workbook/document";
import { setUserFigures } from "../../../src/figures/userFigures";
import { houseEstimate } from "../../figures/userFixtures";

const licensed = PRESETS[0]!;

afterEach(() => setUserFigures([]));

function cite(state: ScenarioState, path: string, figureId: string): ScenarioState {
  return scenarioReducer(state, { type: "inputCited", path, figureId });
}

describe("scenarioReducer: citations chosen in the pane", () => {
  it("scenarioReducer(state, inputCited) ignores an empty path or figure id", () => {
    const state = Object.freeze(initialScenarioState(licensed.id));
    expect(cite(state, "", "house_china_dc_2027")).toBe(state);
    expect(cite(state, "marketBase", "")).toBe(state);
  });

  it("scenarioReducer(state, inputCited) records the figure for the input without touching the numbers", () => {
    const state = Object.freeze(initialScenarioState(licensed.id));
    const next = cite(state, "marketBase", "house_china_dc_2027");
    expect(next.citations).toEqual({ marketBase: { figureId: "house_china_dc_2027" } });
    expect(next.scenario).toBe(state.scenario);
    expect(next.edited).toBe(false);
    // citing again replaces; another input is independent
    const again = cite(
      cite(next, "marketBase", "nvda_total_rev_fy2026"),
      "marketGrowth",
      "house_china_dc_2027",
    );
    expect(again.citations).toEqual({
      marketBase: { figureId: "nvda_total_rev_fy2026" },
      marketGrowth: { figureId: "house_china_dc_2027" },
    });
  });

  it("scenarioReducer(state, citationRemoved) drops one citation; an uncited path is a no-op", () => {
    const state = cite(
      cite(initialScenarioState(licensed.id), "marketBase", "a_fig"),
      "marketGrowth",
      "b_fig",
    );
    const next = scenarioReducer(state, { type: "citationRemoved", path: "marketBase" });
    expect(next.citations).toEqual({ marketGrowth: { figureId: "b_fig" } });
    expect(scenarioReducer(next, { type: "citationRemoved", path: "marketBase" })).toBe(next);
  });

  it("scenarioReducer keeps citations through edits, clears them on presetChosen and resetToPreset", () => {
    const state = cite(initialScenarioState(licensed.id), "marketBase", "a_fig");
    const edited = scenarioReducer(state, { type: "inputChanged", path: "marketGrowth", raw: "30" });
    expect(edited.citations).toEqual({ marketBase: { figureId: "a_fig" } });
    expect(scenarioReducer(edited, { type: "resetToPreset" }).citations).toEqual({});
    expect(scenarioReducer(edited, { type: "presetChosen", presetId: PRESETS[1]!.id }).citations).toEqual({});
  });
});

describe("citations travel: build candidates and the workbook document", () => {
  it("paneCandidate(presets, unchanged preset with a citation) keeps the preset's name and cites the figure", () => {
    const pane = {
      scenario: licensed.scenario,
      name: licensed.name,
      presetId: licensed.id,
      citations: { marketBase: { figureId: "house_china_dc_2027" } },
    };
    const candidate = paneCandidate(PRESETS, pane);
    expect(candidate?.named.name).toBe(licensed.name);
    expect(candidate?.named.provenance["marketBase"]).toEqual({ figureId: "house_china_dc_2027" });
    // every other input keeps the preset's own source
    expect(candidate?.named.provenance["marketGrowth"]).toEqual(licensed.provenance["marketGrowth"]);
    // the preset's column is replaced in place (same position, same name), not duplicated
    const list = buildCandidates(PRESETS, pane, []);
    expect(list.map((c) => c.named.name)).toEqual(PRESETS.map((p) => p.name));
    expect(list[0]?.origin).toBe("pane");
    expect(list[0]?.named.provenance["marketBase"]).toEqual({ figureId: "house_china_dc_2027" });
  });

  it("paneCandidate(presets, edited preset with a citation) cites the figure over the 'edited' label", () => {
    const scenario = { ...licensed.scenario, marketBase: 41.5 };
    const pane = {
      scenario,
      name: licensed.name,
      presetId: licensed.id,
      citations: { marketBase: { figureId: "house_china_dc_2027" } },
    };
    const candidate = paneCandidate(PRESETS, pane);
    expect(candidate?.named.name).toBe(`${licensed.name} (edited)`);
    expect(candidate?.named.provenance["marketBase"]).toEqual({ figureId: "house_china_dc_2027" });
  });

  it("a citation made in the pane is in the saved document and comes back when the document is restored", () => {
    setUserFigures([houseEstimate()]);
    const store = createPaneStore(initialPaneState());
    store.dispatch({ type: "userFigureSaved", figure: houseEstimate() });
    store.dispatch({ type: "inputCited", path: "marketBase", figureId: "house_china_dc_2027" });
    const snapshot = selectSnapshot(store.getState());
    if (snapshot === undefined) throw new Error("the pane should be saveable");
    const text = serializeDocument(documentOf(snapshot, "2026-12-03T06:00:00.000Z"));
    const read = parseDocument(text);
    if (isModelError(read)) throw new Error(read.message);
    expect(read.scenario.citations).toEqual({ marketBase: { figureId: "house_china_dc_2027" } });

    const reopened = createPaneStore(initialPaneState());
    reopened.dispatch({ type: "loadFinished", text });
    reopened.dispatch({ type: "documentRestored" });
    expect(reopened.getState().scenario.citations).toEqual({
      marketBase: { figureId: "house_china_dc_2027" },
    });
    expect(reopened.getState().userFigures.map((f) => f.id)).toEqual(["house_china_dc_2027"]);
  });

  it("parseDocument refuses a citation whose figure id is not a snake_case id", () => {
    const store = createPaneStore(initialPaneState());
    store.dispatch({ type: "inputCited", path: "marketBase", figureId: "=HYPERLINK(1)" });
    const snapshot = selectSnapshot(store.getState());
    if (snapshot === undefined) throw new Error("the pane should be saveable");
    const read = parseDocument(serializeDocument(documentOf(snapshot, "")));
    expect(isModelError(read) && read.code).toBe("invalidInput");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { findFigure } from "../../../src/figures/index";
import { isUserFigureId, setUserFigures } from "../../../src/figures/userFigures";
import { isModelError } from "../../../src/model/errors";
import { mirrorUserFigures } from "../../../src/taskpane/figures/userFigureRegistry";
import { userFiguresReducer } from "../../../src/taskpane/figures/userFiguresState";
import { createPaneStore } from "../../../src/taskpane/store/PaneStoreProvider";
import type { PaneAction, PaneState } from "../../../src/taskpane/store/paneStore";
import { initialPaneState, paneStoreReducer } from "../../../src/taskpane/store/paneStore";
import { selectDocumentKey, selectSnapshot } from "../../../src/taskpane/store/selectors";
import { documentOf } from "../../../src/taskpane/persistence/documentState";
import { serializeDocument } from "../../../src/workbook/document";
import { deepFreeze } from "../../model/fixtures";
import { filingFigure, houseEstimate } from "../../figures/userFixtures";

afterEach(() => setUserFigures([]));

const start: PaneState = deepFreeze(initialPaneState());
const apply = (state: PaneState, ...actions: PaneAction[]): PaneState =>
  actions.reduce(paneStoreReducer, state);

describe("userFiguresReducer(list, action)", () => {
  it("userFiguresReducer adds, edits in place (id may change) and deletes", () => {
    let list = userFiguresReducer([], { type: "userFigureSaved", figure: houseEstimate() });
    list = userFiguresReducer(list, { type: "userFigureSaved", figure: filingFigure() });
    list = userFiguresReducer(list, {
      type: "userFigureSaved",
      figure: houseEstimate({ id: "renamed", value: 7 }),
      replacing: "house_china_dc_2027",
    });
    expect(list.map((fig) => [fig.id, fig.value])).toEqual([
      ["renamed", 7],
      ["my_nvda_q3fy27_china", 2100],
    ]);
    list = userFiguresReducer(list, { type: "userFigureDeleted", id: "renamed" });
    expect(list.map((fig) => fig.id)).toEqual(["my_nvda_q3fy27_china"]);
  });

  it("userFiguresReducer refuses a duplicate id and ignores an edit or delete of a missing figure", () => {
    const list = deepFreeze([houseEstimate()]);
    expect(userFiguresReducer(list, { type: "userFigureSaved", figure: houseEstimate({ value: 1 }) })).toBe(
      list,
    );
    expect(
      userFiguresReducer(list, { type: "userFigureSaved", figure: filingFigure(), replacing: "missing" }),
    ).toBe(list);
    expect(userFiguresReducer(list, { type: "userFigureDeleted", id: "__proto__" })).toBe(list);
  });
});

describe("the pane store saves and restores the analyst's figures", () => {
  it("adding a figure changes the document key (autosave is due) and the snapshot carries it", () => {
    const added = apply(start, { type: "userFigureSaved", figure: houseEstimate() });
    expect(selectDocumentKey(added)).not.toBe(selectDocumentKey(start));
    expect(selectSnapshot(added)?.userFigures).toEqual([houseEstimate()]);
    expect(selectSnapshot(start)?.userFigures).toBeUndefined();
  });

  it("save → reopen: a new pane restores the figures from the document text", () => {
    const added = apply(start, { type: "userFigureSaved", figure: filingFigure() });
    const text = serializeDocument(documentOf(selectSnapshot(added)!, "2026-12-03T00:00:00.000Z"));
    const reopened = apply(start, { type: "loadFinished", text }, { type: "documentRestored" });
    expect(reopened.userFigures).toEqual([filingFigure()]);
    expect(reopened.document.savedKey).toBe(selectDocumentKey(reopened));
  });

  it("mirrorUserFigures(store) keeps the functions' registry equal to the store", () => {
    const store = createPaneStore();
    const stop = mirrorUserFigures(store);
    store.dispatch({ type: "userFigureSaved", figure: houseEstimate() });
    expect(isUserFigureId("house_china_dc_2027")).toBe(true);
    const fig = findFigure("house_china_dc_2027");
    expect(isModelError(fig) ? fig.message : fig.value).toBe(41.5);
    store.dispatch({ type: "userFigureDeleted", id: "house_china_dc_2027" });
    expect(isUserFigureId("house_china_dc_2027")).toBe(false);
    stop();
    store.dispatch({ type: "userFigureSaved", figure: houseEstimate() });
    expect(isUserFigureId("house_china_dc_2027")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { figuresReducer, initialFiguresState } from "../../../src/taskpane/figures/figuresState";
import type { FiguresState } from "../../../src/taskpane/figures/figuresState";

const withSelection: FiguresState = Object.freeze({
  ...initialFiguresState,
  selectedId: "h20_bf16",
  highlighted: 4,
});

describe("figuresReducer", () => {
  it("figuresReducer(queryChanged / filter changes) stores the filter and moves the cursor back to the top", () => {
    expect(figuresReducer(withSelection, { type: "queryChanged", query: "h20" })).toMatchObject({
      query: "h20",
      highlighted: 0,
    });
    expect(figuresReducer(withSelection, { type: "categoryChanged", category: "capex" }).category).toBe(
      "capex",
    );
    expect(
      figuresReducer(withSelection, { type: "confidenceChanged", confidence: "estimate" }).highlighted,
    ).toBe(0);
    expect(figuresReducer(withSelection, { type: "entityChanged", entity: null }).entity).toBeNull();
  });

  it("figuresReducer(highlightMoved) never goes below 0", () => {
    expect(figuresReducer(withSelection, { type: "highlightMoved", index: -3 }).highlighted).toBe(0);
    expect(figuresReducer(withSelection, { type: "highlightMoved", index: 7 }).highlighted).toBe(7);
  });

  it("figuresReducer(figureSelected) selects a new figure and clears the previous insert message", () => {
    const succeeded: FiguresState = {
      ...withSelection,
      insert: {
        status: "succeeded",
        mode: "value",
        where: { sheet: "Sheet1", address: "B3" },
        inserted: "1",
      },
    };
    const next = figuresReducer(succeeded, { type: "figureSelected", id: "a100_bf16_dense" });
    expect(next.selectedId).toBe("a100_bf16_dense");
    expect(next.insert).toEqual({ status: "idle" });
    expect(figuresReducer(withSelection, { type: "figureSelected", id: "h20_bf16" })).toBe(withSelection);
  });

  it("figuresReducer(insertRequested) starts an insert only with a selection and none in flight", () => {
    expect(
      figuresReducer(initialFiguresState, { type: "insertRequested", mode: "value" }).insert.status,
    ).toBe("idle");
    const inserting = figuresReducer(withSelection, { type: "insertRequested", mode: "formula" });
    expect(inserting.insert).toEqual({ status: "inserting", mode: "formula" });
    expect(figuresReducer(inserting, { type: "insertRequested", mode: "value" })).toBe(inserting);
  });

  it("figuresReducer(insertSucceeded / insertFailed / messageDismissed) records the outcome then clears it", () => {
    const where = { sheet: "Sheet1", address: "C2" };
    const ok = figuresReducer(withSelection, {
      type: "insertSucceeded",
      mode: "value",
      where,
      inserted: "19.7 USD bn",
    });
    expect(ok.insert).toEqual({ status: "succeeded", mode: "value", where, inserted: "19.7 USD bn" });
    const failed = figuresReducer(ok, { type: "insertFailed", message: "Click a cell" });
    expect(failed.insert).toEqual({ status: "failed", message: "Click a cell" });
    expect(figuresReducer(failed, { type: "messageDismissed" }).insert).toEqual({ status: "idle" });
  });

  it("figuresReducer throws on an unknown action (a bug)", () => {
    const bogus = { type: "nope" } as unknown as Parameters<typeof figuresReducer>[1];
    expect(() => figuresReducer(initialFiguresState, bogus)).toThrow();
  });
});

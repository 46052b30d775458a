import { describe, expect, it } from "vitest";
import { initialPaneState, isSectionId, paneReducer } from "../../src/taskpane/paneState";

describe("paneReducer", () => {
  it("paneReducer(state, sectionSelected) switches the section and keeps the notice state", () => {
    const start = Object.freeze(initialPaneState());
    const next = paneReducer(start, { type: "sectionSelected", section: "figures" });
    expect(next).toEqual({ section: "figures", noticeDismissed: false, visited: ["scenario", "figures"] });
    expect(start.section).toBe("scenario");
  });

  it("paneReducer(state, sectionSelected) returns the same object when the section is already selected", () => {
    const start = Object.freeze(initialPaneState("build"));
    expect(paneReducer(start, { type: "sectionSelected", section: "build" })).toBe(start);
  });

  it("paneReducer(state, noticeDismissed) hides the host notice", () => {
    expect(paneReducer(initialPaneState(), { type: "noticeDismissed" }).noticeDismissed).toBe(true);
  });

  it("paneReducer throws on an action type it does not know (a bug)", () => {
    const bogus = { type: "bogus" } as unknown as Parameters<typeof paneReducer>[1];
    expect(() => paneReducer(initialPaneState(), bogus)).toThrow();
  });

  it("isSectionId accepts the five section ids only", () => {
    expect(["scenario", "simulate", "sensitivity", "figures", "build"].every(isSectionId)).toBe(true);
    expect(isSectionId("charts")).toBe(false);
    expect(isSectionId(3)).toBe(false);
  });
});

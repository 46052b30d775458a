// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import "../support/jsdomShims";
import { setUserFigures } from "../../../src/figures/userFigures";
import { CITE_LIST_LIMIT } from "../../../src/taskpane/scenario/CiteFigureDialog";
import { ScenarioSection } from "../../../src/taskpane/scenario/ScenarioSection";
import type { PaneStore } from "../../../src/taskpane/store/PaneStoreProvider";
import { createPaneStore, PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import { houseEstimate } from "../../figures/userFixtures";

afterEach(() => {
  cleanup();
  setUserFigures([]);
});

function renderWithOwnFigure(): PaneStore {
  const store = createPaneStore();
  store.dispatch({ type: "userFigureSaved", figure: houseEstimate() });
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={store}>
        <ScenarioSection />
      </PaneStoreProvider>
    </FluentProvider>,
  );
  return store;
}

const MARKET_BASE = /^Cite a figure for China AI-accelerator market, base year/;

function openDialog(): HTMLElement {
  const trigger = screen.getByRole("button", { name: MARKET_BASE });
  act(() => trigger.focus());
  fireEvent.click(trigger);
  return screen.getByRole("dialog");
}

describe("CiteFigureDialog (the Scenario tab's Cite… per input)", () => {
  it("Cite… lists your figures before the dataset's and caps the list, saying how many matched", () => {
    renderWithOwnFigure();
    const dialog = openDialog();
    const options = within(dialog).getAllByRole("radio");
    expect(options.length).toBe(CITE_LIST_LIMIT);
    expect(options[0]?.closest("[data-figure-id]")?.getAttribute("data-figure-id")).toBe(
      "house_china_dc_2027",
    );
    expect(within(dialog).getByTestId("cite-count").textContent).toMatch(
      new RegExp(`^First ${CITE_LIST_LIMIT} of \\d+ matches`),
    );
  });

  it("Cite…: search, choose the figure, Cite — the input's source is your figure", () => {
    const store = renderWithOwnFigure();
    const dialog = openDialog();
    const search = within(dialog).getByRole("searchbox");
    fireEvent.change(search, { target: { value: "house estimate" } });
    expect(within(dialog).getByTestId("cite-count").textContent).toBe("1 match");
    const radio = within(dialog).getByRole("radio");
    act(() => radio.focus());
    // a native radio: Space (or the arrow keys, in a browser) checks it; jsdom has neither, so click it
    fireEvent.click(radio);
    fireEvent.click(within(dialog).getByRole("button", { name: "Cite" }));
    expect(store.getState().scenario.citations).toEqual({ marketBase: { figureId: "house_china_dc_2027" } });
    expect(screen.queryByRole("dialog")).toBeNull();
    // the badge beside the box now cites your figure (the tooltip's hidden description names it)
    const badge = screen.getByRole("button", {
      name: /^Cited source for China AI-accelerator market, base year/,
    });
    const description = document.getElementById(badge.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toContain("house_china_dc_2027");
  });

  it("Cancel and Escape leave the citation as it was; Remove citation clears it", () => {
    const store = renderWithOwnFigure();
    act(() => store.dispatch({ type: "inputCited", path: "marketBase", figureId: "house_china_dc_2027" }));
    let dialog = openDialog();
    // the current citation is the chosen radio when the dialog opens
    const checked = within(dialog)
      .getAllByRole("radio")
      .find((r) => (r as HTMLInputElement).checked);
    expect(checked?.closest("[data-figure-id]")?.getAttribute("data-figure-id")).toBe("house_china_dc_2027");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(store.getState().scenario.citations).toEqual({ marketBase: { figureId: "house_china_dc_2027" } });
    dialog = openDialog();
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(store.getState().scenario.citations).toEqual({ marketBase: { figureId: "house_china_dc_2027" } });
    dialog = openDialog();
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove citation" }));
    expect(store.getState().scenario.citations).toEqual({});
  });

  it("Cite is disabled until a figure is chosen; a search without matches says so", () => {
    renderWithOwnFigure();
    const dialog = openDialog();
    expect(within(dialog).getByRole("button", { name: "Cite" }).hasAttribute("disabled")).toBe(true);
    fireEvent.change(within(dialog).getByRole("searchbox"), { target: { value: "zzz no such figure" } });
    expect(within(dialog).getByTestId("cite-count").textContent).toBe("No figure matches");
    expect(within(dialog).queryAllByRole("radio")).toHaveLength(0);
  });
});

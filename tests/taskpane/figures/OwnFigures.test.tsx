// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import "../support/jsdomShims";
import { FIGURES } from "../../../src/figures/index";
import { setUserFigures } from "../../../src/figures/userFigures";
import { figureCell } from "../../../src/functions/figureFunctions";
import { FiguresSection } from "../../../src/taskpane/figures/FiguresSection";
import { ProvenanceBadge } from "../../../src/taskpane/scenario/ProvenanceBadge";
import type { PaneStore } from "../../../src/taskpane/store/PaneStoreProvider";
import { createPaneStore, PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import { filingFigure, HOSTILE_TEXTS } from "../../figures/userFixtures";

afterEach(() => {
  cleanup();
  setUserFigures([]);
});

function renderSection(store: PaneStore = createPaneStore()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={store}>
        <FiguresSection port={null} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
  return store;
}

function box(name: string): HTMLElement {
  return within(screen.getByTestId("user-figure-form")).getByRole("textbox", {
    name: new RegExp(`^${name}`),
  });
}

function type(name: string, value: string) {
  fireEvent.change(box(name), { target: { value } });
}

function choose(name: string, value: string) {
  fireEvent.change(
    within(screen.getByTestId("user-figure-form")).getByRole("combobox", { name: new RegExp(`^${name}`) }),
    { target: { value } },
  );
}

/** Opens "Add figure" and fills every required field of an analyst estimate. */
function fillEstimate(overrides: Record<string, string> = {}) {
  fireEvent.click(screen.getByRole("button", { name: "Add figure" }));
  const fields: Record<string, string> = {
    Id: "house_china_dc_2027",
    Label: "House estimate: China DC spend 2027",
    Value: "41.5",
    "As of": "2027",
    "Source title": "China AI capex outlook",
    Publisher: "Example Research",
    URL: "https://research.example.com/a",
    Quote: "about $41.5B in 2027",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) type(name, value);
}

function save() {
  fireEvent.click(screen.getByRole("button", { name: "Save figure" }));
}

function options(): HTMLElement[] {
  return within(screen.getByRole("listbox", { name: "Matching figures" })).getAllByRole("option");
}

describe("FiguresSection: the analyst's own figures", () => {
  it("Add figure saves a figure: first in the list with its evidence and 'Yours' badges, in the store and in CHIPS.FIGURE", () => {
    const store = renderSection();
    fillEstimate();
    save();
    expect(screen.queryByTestId("user-figure-form")).toBeNull();
    const first = options()[0]!;
    expect(first.getAttribute("data-figure-id")).toBe("house_china_dc_2027");
    expect(within(first).getByText("Analyst")).toBeTruthy();
    expect(within(first).getByText("Yours")).toBeTruthy();
    expect(screen.getByTestId("figure-count").textContent).toBe(
      `${FIGURES.length + 1} figures of ${FIGURES.length + 1}`,
    );
    expect(within(screen.getByTestId("figure-detail")).getByTestId("figure-value").textContent).toBe(
      "41.5 USD bn",
    );
    expect(store.getState().userFigures.map((fig) => fig.id)).toEqual(["house_china_dc_2027"]);
    expect(figureCell("house_china_dc_2027", "value", "USD m")).toBe(41500);
  });

  it.each([
    ["Id", "__proto__", "__proto__", /^id: id must start with a letter/],
    ["Id", "a dataset id", FIGURES[0]!.id, /belongs to a figure or event of the ChipShift dataset/],
    ["URL", "javascript:", "javascript:alert(1)", /URL must be a web address starting with https:\/\//],
    ["URL", "http:", "http://example.com/a", /URL must be a web address starting with https:\/\//],
    ["Quote", "100,000 characters", "q".repeat(100_000), /quote is too long \(at most 2,000 characters\)/],
    ["Value", "abc", "abc", /^value: /],
  ])("Add figure refuses %s %s with a clear message and saves nothing", (field, _what, value, message) => {
    const store = renderSection();
    fillEstimate({ [field]: value });
    save();
    expect(screen.getByTestId("user-figure-problem").textContent).toMatch(message);
    expect(screen.getByTestId("user-figure-form")).toBeTruthy();
    expect(store.getState().userFigures).toEqual([]);
  });

  it("Add figure keeps formula-like text as plain text", () => {
    const store = renderSection();
    fillEstimate({ Label: HOSTILE_TEXTS[0]!, Quote: HOSTILE_TEXTS[1]!, Note: HOSTILE_TEXTS[2]! });
    save();
    expect(store.getState().userFigures[0]).toMatchObject({
      label: HOSTILE_TEXTS[0],
      quote: HOSTILE_TEXTS[1],
      note: HOSTILE_TEXTS[2],
    });
    expect(within(options()[0]!).getByText(HOSTILE_TEXTS[0]!)).toBeTruthy();
  });

  it("a filing figure asks for its primary reference and shows it in the detail", () => {
    const store = renderSection();
    fillEstimate({ Id: "my_filing" });
    choose("Evidence class", "filing");
    save();
    expect(screen.getByTestId("user-figure-problem").textContent).toMatch(
      /^primary\.issuer: issuer is required/,
    );
    type("Issuer", "NVIDIA Corporation");
    type("Form", "10-Q");
    type("Period", "Q3 FY2027");
    type("Section", "Note 15");
    save();
    expect(store.getState().userFigures[0]?.primary).toEqual({
      issuer: "NVIDIA Corporation",
      form: "10-Q",
      period: "Q3 FY2027",
      section: "Note 15",
    });
    expect(screen.getByTestId("figure-primary").textContent).toMatch(
      /^NVIDIA Corporation, 10-Q, Q3 FY2027, Note 15/,
    );
  });

  it("Edit figure changes a figure in place and Delete removes it after confirmation", () => {
    const store = createPaneStore();
    store.dispatch({ type: "userFigureSaved", figure: filingFigure() });
    renderSection(store);
    fireEvent.click(options()[0]!);
    fireEvent.click(screen.getByRole("button", { name: "Edit figure" }));
    expect((box("Value") as HTMLInputElement).value).toBe("2100");
    type("Value", "2,250");
    save();
    expect(store.getState().userFigures[0]?.value).toBe(2250);
    fireEvent.click(screen.getByRole("button", { name: "Delete figure" }));
    fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
    expect(store.getState().userFigures).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Delete figure" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete my_nvda_q3fy27_china" }));
    expect(store.getState().userFigures).toEqual([]);
    expect(options()[0]!.getAttribute("data-figure-id")).not.toBe("my_nvda_q3fy27_china");
    expect(screen.queryByTestId("figure-detail")).toBeNull();
  });

  it("Primary sources only hides every figure whose evidence is secondary", () => {
    renderSection();
    const secondary = FIGURES.filter((fig) => fig.evidence === "secondary").length;
    expect(secondary).toBeGreaterThan(0);
    expect(options().some((o) => o.querySelector('[data-evidence="secondary"]') !== null)).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: /Primary sources only/ }));
    expect(screen.getByTestId("figure-count").textContent).toBe(
      `${FIGURES.length - secondary} figures of ${FIGURES.length}`,
    );
    expect(options().every((o) => o.querySelector('[data-evidence="secondary"]') === null)).toBe(true);
    expect(options().every((o) => o.querySelector("[data-evidence]") !== null)).toBe(true);
  });

  it("the detail shows the evidence class badge and what it means", () => {
    renderSection();
    const filing = FIGURES.find((fig) => fig.evidence === "filing")!;
    fireEvent.change(screen.getByRole("searchbox", { name: "Search figures" }), {
      target: { value: filing.id },
    });
    fireEvent.click(options()[0]!);
    const detail = screen.getByTestId("figure-detail");
    expect(within(detail).getByLabelText("Evidence: Filing")).toBeTruthy();
    expect(within(detail).getByTestId("figure-evidence").textContent).toMatch(/^Filing: a 10-K/);
  });
});

describe("ProvenanceBadge: evidence in the tooltip, a marker for secondary-only inputs", () => {
  function renderBadge(figureId: string) {
    return render(
      <FluentProvider theme={webLightTheme}>
        <ProvenanceBadge inputLabel="Market base" provenance={{ figureId }} />
      </FluentProvider>,
    );
  }

  it("an input citing a secondary figure gets the 2° marker with its reason; a filing figure does not", () => {
    const secondary = FIGURES.find((fig) => fig.evidence === "secondary")!;
    renderBadge(secondary.id);
    const marker = screen.getByTestId("secondary-marker");
    expect(marker.getAttribute("tabindex")).toBe("0");
    expect(screen.getByRole("img", { name: /Market base rests only on secondary evidence/ })).toBe(marker);
    cleanup();
    renderBadge(FIGURES.find((fig) => fig.evidence === "filing")!.id);
    expect(screen.queryByTestId("secondary-marker")).toBeNull();
    expect(screen.getByLabelText("Evidence: Filing")).toBeTruthy();
  });

  it("an input citing the analyst's own figure shows that figure's evidence", () => {
    setUserFigures([filingFigure()]);
    renderBadge("my_nvda_q3fy27_china");
    expect(screen.getByLabelText("Evidence: Filing")).toBeTruthy();
    expect(screen.getByText(/NVIDIA China revenue, Q3 FY2027 \(my reading\)/)).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import "../support/jsdomShims";
import figuresJson from "../../../data/research/figures.json";
import refreshJson from "../../../data/research/figures-refresh-2026-12.json";
import { FiguresSection } from "../../../src/taskpane/figures/FiguresSection";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import type { CellContent, CellRef, WorkbookPort } from "../../../src/workbook/port";
import { WorkbookPortError } from "../../../src/workbook/port";

afterEach(cleanup);

// Oracle: the researched source file, not the app's dataset module. Its rows whose unit is a date become timeline
// events in the app's dataset (src/figures), so the Figures tab lists the others.
const rows = [...figuresJson, ...refreshJson] as Array<{
  id: string;
  value: number;
  unit: string;
  confidence: string;
}>;
const DATE_UNITS = ["date_yyyymmdd", "date_yyyymm", "calendar_quarter_start", "fiscal_year"];
const figureRows = rows.filter((row) => !DATE_UNITS.includes(row.unit));
const h20 = rows.find((f) => f.id === "h20_bf16");

function fakePort(result: CellRef | WorkbookPortError = { sheet: "Sheet1", address: "B3" }) {
  const writes: CellContent[] = [];
  const port: WorkbookPort = {
    host: "preview",
    getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "B3" }),
    insertAtActiveCell: vi.fn((content: CellContent) => {
      writes.push(content);
      return result instanceof WorkbookPortError ? Promise.reject(result) : Promise.resolve(result);
    }),
  };
  return { port, writes };
}

function renderSection(port: WorkbookPort | null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <FiguresSection port={port} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

function firstResult(): HTMLElement {
  return within(screen.getByRole("listbox", { name: "Matching figures" })).getAllByRole("option")[0]!;
}

function searchFor(text: string) {
  fireEvent.change(screen.getByRole("searchbox", { name: "Search figures" }), { target: { value: text } });
}

describe("FiguresSection", () => {
  it("FiguresSection lists every figure and labels its search box and filters", () => {
    renderSection(null);
    expect(screen.getByTestId("figure-count").textContent).toBe(
      `${figureRows.length} figures of ${figureRows.length}`,
    );
    expect(figureRows.length).toBeGreaterThan(200); // sanity: figures.json has 228 rows and the refresh 113, a few of them dates
    expect(screen.getByRole("combobox", { name: "Category" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Confidence" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Entity" })).toBeTruthy();
  });

  it("FiguresSection search narrows the list and Enter on the highlighted option shows its detail", () => {
    renderSection(null);
    searchFor("h20_bf16");
    const list = screen.getByRole("listbox", { name: "Matching figures" });
    expect(within(list).getAllByRole("option")[0]?.getAttribute("data-figure-id")).toBe("h20_bf16");
    fireEvent.keyDown(list, { key: "Enter" });
    const detail = screen.getByTestId("figure-detail");
    expect(within(detail).getByText(/h20_bf16/)).toBeTruthy();
    expect(within(detail).getByRole("link").getAttribute("target")).toBe("_blank");
  });

  it("FiguresSection arrow keys move the highlight through the results", () => {
    renderSection(null);
    const list = screen.getByRole("listbox", { name: "Matching figures" });
    const options = within(list).getAllByRole("option");
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(list.getAttribute("aria-activedescendant")).toBe(options[2]?.id);
    fireEvent.keyDown(list, { key: "ArrowUp" });
    expect(list.getAttribute("aria-activedescendant")).toBe(options[1]?.id);
    fireEvent.keyDown(list, { key: "End" });
    expect(list.getAttribute("aria-activedescendant")).toBe(options[options.length - 1]?.id);
  });

  it("FiguresSection confidence filter keeps only figures of that confidence", () => {
    renderSection(null);
    fireEvent.change(screen.getByRole("combobox", { name: "Confidence" }), {
      target: { value: "company_filing" },
    });
    const expected = figureRows.filter((f) => f.confidence === "company_filing");
    expect(screen.getByTestId("figure-count").textContent).toBe(
      `${expected.length} figures of ${figureRows.length}`,
    );
  });

  it("FiguresSection Insert value writes the figure's value and says where it went", async () => {
    const { port, writes } = fakePort();
    renderSection(port);
    searchFor("h20_bf16");
    fireEvent.click(firstResult());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert value" }));
      await Promise.resolve();
    });
    expect(writes).toEqual([{ kind: "value", value: h20?.value }]);
    expect(screen.getByTestId("figures-message").textContent).toMatch(/Inserted .* at Sheet1!B3/);
  });

  it("FiguresSection Insert formula writes =CHIPS.FIGURE(id)", async () => {
    const { port, writes } = fakePort({ sheet: "CS Model", address: "D4" });
    renderSection(port);
    searchFor("h20_bf16");
    fireEvent.click(firstResult());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert formula" }));
      await Promise.resolve();
    });
    expect(writes).toEqual([{ kind: "formula", formula: '=CHIPS.FIGURE("h20_bf16")' }]);
    expect(screen.getByTestId("figures-message").textContent).toMatch(/at 'CS Model'!D4/);
  });

  it("FiguresSection shows a failed insert in an error MessageBar that says what to do", async () => {
    const { port } = fakePort(new WorkbookPortError("writeFailed", "cell is locked"));
    renderSection(port);
    searchFor("h20_bf16");
    fireEvent.click(firstResult());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert value" }));
      await Promise.resolve();
    });
    expect(screen.getByTestId("figures-message").textContent).toMatch(/cell is locked.*try again/);
  });

  it("FiguresSection without a workbook disables the insert buttons and says why", () => {
    renderSection(null);
    fireEvent.click(firstResult());
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Insert value" }).disabled).toBe(true);
    expect(screen.getByText(/Open ChipShift in Excel/)).toBeTruthy();
  });

  it("FiguresSection shows the geography basis note on NVIDIA China revenue figures", () => {
    renderSection(null);
    searchFor("nvda_china_rev_fy2025");
    fireEvent.click(firstResult());
    expect(within(screen.getByTestId("figure-detail")).getByRole("note").textContent).toMatch(
      /Geography basis/,
    );
  });
});

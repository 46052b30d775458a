// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findFigure } from "../../../src/figures/index";
import { isModelError } from "../../../src/model/errors";
import type { WorkbookPort } from "../../../src/workbook/port";
import { ScenarioSection } from "../../../src/taskpane/scenario/ScenarioSection";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";

afterEach(cleanup);

function renderSection(port?: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <ScenarioSection port={port} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

function box(label: RegExp): HTMLInputElement {
  return screen.getByLabelText(label, { selector: "input" });
}

/** Focus as a keyboard user would: Fluent shows tooltips on focus only while navigating with the keyboard. */
function keyboardFocus(element: HTMLElement): void {
  act(() => {
    fireEvent.keyDown(document.body, { key: "Tab", code: "Tab", keyCode: 9 });
    element.focus();
  });
}

function chartData(testId: string): { x: string[]; series: { id: string; values: number[] }[] } {
  return JSON.parse(screen.getByTestId(testId).getAttribute("data-series") ?? "{}") as {
    x: string[];
    series: { id: string; values: number[] }[];
  };
}

describe("ScenarioSection", () => {
  it("ScenarioSection() shows the base preset's inputs, fractions in percent", () => {
    renderSection();
    // presets.ts licensed: marketBase 50, domesticShareBase 0.41
    expect(box(/^China AI-accelerator market, base year/).value).toBe("50");
    expect(box(/^Domestic share of demand, base year/).value).toBe("41");
    expect(
      screen.getByLabelText(/^Domestic share of demand, base year \(%\)$/, {
        selector: "input",
      }),
    ).toBeTruthy();
  });

  it("ScenarioSection() shows a regime drop-down per year labelled with both years", () => {
    renderSection();
    expect(screen.getByRole("combobox", { name: "2026 (FY2027)" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "2030 (FY2031)" })).toBeTruthy();
  });

  it("ScenarioSection() loads a preset chosen from the picker", async () => {
    renderSection();
    fireEvent.click(screen.getByRole("combobox", { name: "Preset scenario" }));
    fireEvent.click(await screen.findByRole("option", { name: "Full decoupling" }));
    // presets.ts decoupling: domesticShareCap 0.95, 2026 licensed on paper (as reported), banned from 2027
    expect(box(/^Domestic share ceiling/).value).toBe("95");
    // Regime names in words (the model catalog's REGIME_LABELS): "paper" is shown as "Licensed on paper".
    expect(screen.getByRole("combobox", { name: "2026 (FY2027)" }).textContent).toContain(
      "Licensed on paper",
    );
    expect(screen.getByRole("combobox", { name: "2027 (FY2028)" }).textContent).toContain("Banned");
    expect(screen.getByTestId("preset-rationale").textContent).toContain("banned from 2027");
  });

  it("ScenarioSection() shows an invalid entry's message and keeps the chart on the last valid data", () => {
    renderSection();
    const before = chartData("chart-nvidia-china");
    fireEvent.change(box(/^China AI-accelerator market, base year/), { target: { value: "abc" } });
    expect(box(/^China AI-accelerator market, base year/).value).toBe("abc");
    // in the box's words: no engine id, and what to type
    expect(screen.getByText(/^Must be a number, got "abc": type a number such as 36\.6$/)).toBeTruthy();
    expect(screen.queryByText(/marketBase/)).toBeNull();
    expect(chartData("chart-nvidia-china")).toEqual(before);
    expect(screen.getByTestId("stale-notice")).toBeTruthy();
  });

  it("ScenarioSection() explains an out-of-range percent in percent", () => {
    renderSection();
    fireEvent.change(box(/^Domestic share ceiling/), { target: { value: "140" } });
    // the model's bound 0..1 said in the box's unit: 0%..100%, and the value typed, 140%
    expect(screen.getByText("Must be between 0% and 100%, got 140%")).toBeTruthy();
  });

  it("ScenarioSection() redraws the charts on a valid change", () => {
    renderSection();
    const before = chartData("chart-nvidia-china");
    fireEvent.change(box(/^China AI-accelerator market, base year/), { target: { value: "60" } });
    const after = chartData("chart-nvidia-china");
    expect(after).not.toEqual(before);
    // hand-computed: T_0 = 0.93 × 0.15 × (60 − 16) + 14.934 = 21.072
    expect(after.series[0]?.values[0]).toBeCloseTo(21.072, 9);
    const split = chartData("chart-market-split");
    expect(split.x[0]).toBe("2025/FY26");
    // hand-computed: domestic sales D_0 = min(0.41 × 60, 16) + min(0.7 × 0.85 × 44, 0) = 16
    expect(split.series[0]?.values[0]).toBeCloseTo(16, 9);
  });

  it("ScenarioSection() shows a figure's source and quote when its badge gets keyboard focus", async () => {
    renderSection();
    const badge = screen.getByRole("button", {
      name: "Cited source for China AI-accelerator market, base year",
    });
    keyboardFocus(badge);
    const figure = findFigure("mkt_nvda_china_tam_50b");
    if (isModelError(figure)) throw new Error("figure missing from dataset");
    const tip = await screen.findByRole("tooltip", {}, { timeout: 5000 });
    expect(tip.textContent).toContain(figure.quote);
    expect(tip.textContent).toContain(figure.source.publisher);
  });

  it("ScenarioSection() shows an assumption's rationale when its badge gets keyboard focus", async () => {
    renderSection();
    const badge = screen.getByRole("button", { name: "Assumption for Growth fade" });
    keyboardFocus(badge);
    const tip = await screen.findByRole("tooltip", {}, { timeout: 5000 });
    // presets.ts: marketGrowthFade assumption text
    expect(tip.textContent).toContain("growth fades 15%/yr");
  });

  it("ScenarioSection() resets edits to the preset", () => {
    renderSection();
    fireEvent.change(box(/^China AI-accelerator market, base year/), { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("button", { name: "Reset to preset" }));
    expect(box(/^China AI-accelerator market, base year/).value).toBe("50");
    expect(screen.queryByText(/^Must be a number/)).toBeNull();
  });

  it("ScenarioSection() compares pinned scenarios on one chart with a legend", async () => {
    renderSection();
    fireEvent.change(box(/^China AI-accelerator market, base year/), { target: { value: "60" } });
    fireEvent.click(screen.getByRole("button", { name: "Pin current scenario" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Preset to pin" }));
    fireEvent.click(await screen.findByRole("option", { name: "Détente" }));
    fireEvent.click(screen.getByRole("button", { name: "Pin preset" }));
    const data = chartData("chart-compare");
    expect(data.series).toHaveLength(2);
    const legend = screen.getByRole("list", { name: /by pinned scenario.*legend/ });
    expect(within(legend).getByText("Licensed trade (edited)")).toBeTruthy();
    expect(within(legend).getByText("Détente")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove Détente" }));
    expect(chartData("chart-compare").series).toHaveLength(1);
  });

  it("ScenarioSection({ port }) inserts the preset's CHIPS.PROJECT formula at the selection", async () => {
    const insertAtActiveCell = vi.fn(() => Promise.resolve({ sheet: "Sheet1", address: "A1" }));
    const port: WorkbookPort = {
      host: "preview",
      getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
      insertAtActiveCell,
    };
    renderSection(port);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /Insert NVIDIA China revenue formula/ }));
      await Promise.resolve();
    });
    expect(insertAtActiveCell).toHaveBeenCalledWith({
      kind: "formula",
      formula: '=CHIPS.PROJECT("licensed","nvidiaChina")',
    });
  });
});

// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatUsdBn } from "../../../src/taskpane/charts/format";
import { Histogram } from "../../../src/taskpane/charts/Histogram";
import { LineChart } from "../../../src/taskpane/charts/LineChart";
import { TornadoChart } from "../../../src/taskpane/charts/TornadoChart";

afterEach(cleanup);

function inFluent(node: React.JSX.Element) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

/** The chart's focusable group: one tab stop named after the chart. */
function chart(title: string): HTMLElement {
  return screen.getByRole("group", { name: `${title}. Use the arrow keys to read the values` });
}

describe("ChartPointer (values on keyboard focus)", () => {
  it("a line chart reads each year's values with the arrow keys and announces them", () => {
    inFluent(
      <LineChart
        title="Revenue, USD bn"
        xLabels={["2025/FY26", "2026/FY27", "2027/FY28"]}
        formatY={formatUsdBn}
        series={[
          { id: "gross", label: "Gross", values: [10, 20, 30] },
          { id: "net", label: "Net", values: [8, 16, null] },
        ]}
      />,
    );
    const group = chart("Revenue, USD bn");
    expect(group.tabIndex).toBe(0);
    fireEvent.focus(group);
    expect(screen.getByTestId("chart-readout").textContent).toBe("2025/FY26\nGross: $10.0bn\nNet: $8.0bn");
    fireEvent.keyDown(group, { key: "ArrowRight" });
    fireEvent.keyDown(group, { key: "ArrowRight" });
    expect(screen.getByTestId("chart-readout").textContent).toBe("2027/FY28\nGross: $30.0bn\nNet: –");
    // the same text in the polite live region, for screen readers
    expect(group.querySelector('[aria-live="polite"]')?.textContent).toBe(
      "2027/FY28\nGross: $30.0bn\nNet: –",
    );
    fireEvent.keyDown(group, { key: "ArrowRight" });
    expect(screen.getByTestId("chart-readout").textContent).toMatch(/^2027\/FY28/);
    fireEvent.keyDown(group, { key: "Home" });
    expect(screen.getByTestId("chart-readout").textContent).toMatch(/^2025\/FY26/);
    fireEvent.blur(group);
    expect(screen.queryByTestId("chart-readout")).toBeNull();
    // the visible title is the figure's caption
    expect(screen.getByText("Revenue, USD bn", { selector: "figcaption" })).toBeTruthy();
  });

  it("a histogram reads a bin's range and share of trials, with its axes titled", () => {
    inFluent(
      <Histogram
        title="Cumulative revenue: distribution of trials"
        edges={[100, 120, 140]}
        counts={[1, 3]}
        formatX={formatUsdBn}
        xAxisLabel="Cumulative revenue, USD bn"
      />,
    );
    const group = chart("Cumulative revenue: distribution of trials");
    fireEvent.focus(group);
    fireEvent.keyDown(group, { key: "End" });
    // hand-computed: 3 of 4 trials = 75%
    expect(screen.getByTestId("chart-readout").textContent).toBe("$120bn to $140bn\n75% of trials (3)");
    expect(screen.getByText("Cumulative revenue, USD bn")).toBeTruthy();
    expect(screen.getByText("Share of trials, %")).toBeTruthy();
  });

  it("a tornado reads each input's low and high outputs, its names in full", () => {
    inFluent(
      <TornadoChart
        title="Tornado: revenue"
        base={150}
        bars={[
          { id: "marketGrowth", label: "Market growth, year 1 (%)", low: 130, high: 200 },
          { id: "growthFade", label: "Growth fade (%)", low: 160, high: 145 },
        ]}
        formatValue={formatUsdBn}
        xAxisLabel="Cumulative revenue, USD bn"
      />,
    );
    const group = chart("Tornado: revenue");
    fireEvent.focus(group);
    fireEvent.keyDown(group, { key: "ArrowDown" });
    expect(screen.getByTestId("chart-readout").textContent).toBe(
      "Growth fade (%)\nInput at P10: $160bn\nInput at P90: $145bn\nBase: $150bn",
    );
    expect(screen.getByText("Market growth, year 1 (%)", { selector: "text" })).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StackedAreaChart } from "../../../src/taskpane/charts/StackedAreaChart";

afterEach(cleanup);

function renderChart(b: (number | null)[]) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StackedAreaChart
        title="Split"
        xLabels={["x1", "x2"]}
        formatY={(v) => String(v)}
        testId="chart"
        series={[
          { id: "a", label: "A", values: [1, 2] },
          { id: "b", label: "B", values: b },
        ]}
      />
    </FluentProvider>,
  );
}

describe("StackedAreaChart", () => {
  it("StackedAreaChart(props) draws one area per series and exposes the raw values", () => {
    renderChart([3, 4]);
    const svg = screen.getByRole("img", { name: "Split" });
    expect(svg.querySelectorAll("path[data-series-id]")).toHaveLength(2);
    const data = JSON.parse(svg.getAttribute("data-series") ?? "{}");
    expect(data.series[1]).toEqual({ id: "b", values: [3, 4] });
  });

  it("StackedAreaChart(props) scales the y axis to the stacked total", () => {
    renderChart([3, 4]);
    const ticks = [...screen.getByTestId("chart").querySelectorAll("text")].map((t) => t.textContent);
    // hand-computed: totals 1+3 = 4 and 2+4 = 6 → axis 0..6
    expect(ticks).toContain("6");
    expect(ticks).not.toContain("7");
  });

  it("StackedAreaChart(props) stacks the second series on the first", () => {
    renderChart([3, 4]);
    const d = screen.getByTestId("chart").querySelector('[data-series-id="b"]')?.getAttribute("d") ?? "";
    // hand-computed: y(v) = 172 − v × (172 − 8) / 6; layer b spans 1..4 at x1 → y(4) = 172 − 4 × 164/6 ≈ 62.667
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[0]).toBeCloseTo(62.667, 2);
  });

  it("StackedAreaChart(props) treats null and negative values as zero", () => {
    renderChart([null, -5]);
    const ticks = [...screen.getByTestId("chart").querySelectorAll("text")].map((t) => t.textContent);
    // hand-computed: totals 1 and 2 → axis top 2
    expect(ticks).toContain("2");
    expect(ticks).not.toContain("3");
  });
});

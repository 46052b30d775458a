// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatUsdBn } from "../../../src/taskpane/charts/format";
import { LineChart } from "../../../src/taskpane/charts/LineChart";

afterEach(cleanup);

function renderChart(values: (number | null)[]) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LineChart
        title="Revenue, USD bn"
        description="Two series"
        xLabels={["2025/FY26", "2026/FY27", "2027/FY28", "2028/FY29"]}
        formatY={formatUsdBn}
        testId="chart"
        series={[
          { id: "gross", label: "Gross", values },
          { id: "net", label: "Net", values: [1, 1, 1, 1], dashed: true },
        ]}
      />
    </FluentProvider>,
  );
}

describe("LineChart", () => {
  it("LineChart(props) is an image named by its title and description", () => {
    renderChart([10, 20, 30, 40]);
    const svg = screen.getByRole("img", { name: "Revenue, USD bn. Two series" });
    expect(svg.querySelector("title")?.textContent).toBe("Revenue, USD bn");
  });

  it("LineChart(props) exposes the plotted values as data-series JSON", () => {
    renderChart([10, 20, 30, 40]);
    const data = JSON.parse(screen.getByTestId("chart").getAttribute("data-series") ?? "{}");
    expect(data.x).toEqual(["2025/FY26", "2026/FY27", "2027/FY28", "2028/FY29"]);
    expect(data.series).toEqual([
      { id: "gross", values: [10, 20, 30, 40] },
      { id: "net", values: [1, 1, 1, 1] },
    ]);
  });

  it("LineChart(props) draws one path per series and a legend", () => {
    renderChart([10, 20, 30, 40]);
    expect(screen.getByTestId("chart").querySelectorAll("path")).toHaveLength(2);
    expect(screen.getByRole("list", { name: "Revenue, USD bn legend" }).textContent).toContain("Net");
  });

  it("LineChart(props) formats y ticks with the formatter", () => {
    renderChart([10, 20, 30, 40]);
    const ticks = [...screen.getByTestId("chart").querySelectorAll("text")].map((t) => t.textContent);
    // hand-computed: extent 0..40, step 10 → ticks 0..40
    expect(ticks).toEqual(expect.arrayContaining(["$0bn", "$10.0bn", "$40.0bn"]));
  });

  it("LineChart(props) breaks the line at null and marks an isolated point", () => {
    renderChart([10, null, 30, 40]);
    const gross = screen.getByTestId("chart").querySelector('[data-series-id="gross"]');
    const d = gross?.querySelector("path")?.getAttribute("d") ?? "";
    // hand-computed: segments [10] and [30, 40] → two moveto commands
    expect(d.match(/M/g)).toHaveLength(2);
    expect(gross?.querySelectorAll("circle")).toHaveLength(1);
  });

  it("LineChart(props) lists every value in a hidden data table", () => {
    renderChart([10, null, 30, 40]);
    const table = screen.getByRole("table");
    expect(table.textContent).toContain("$30.0bn");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(4);
    expect(table.textContent).toContain("–");
  });
});

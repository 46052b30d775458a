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

  it("LineChart(props) draws marker sets beside the lines, with hover text, a legend entry and table cells", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LineChart
          title="Revenue, USD bn"
          xLabels={["2025/FY26", "2026/FY27"]}
          formatY={formatUsdBn}
          testId="chart"
          series={[{ id: "gross", label: "Gross", values: [10, 20] }]}
          markerSets={[
            {
              id: "reported",
              label: "Reported quarter × 4",
              markers: [
                { xIndex: 1, offset: -0.375, value: 18, label: "Q1 FY2027 reported" },
                { xIndex: 1, offset: -0.125, value: 32, label: "Q2 FY2027 reported" },
              ],
            },
          ]}
        />
      </FluentProvider>,
    );
    const svg = screen.getByTestId("chart");
    const dots = [...svg.querySelectorAll('[data-marker-set-id="reported"] circle')];
    expect(dots.map((d) => d.querySelector("title")?.textContent)).toEqual([
      "Q1 FY2027 reported",
      "Q2 FY2027 reported",
    ]);
    // hand-computed: 2 years with padding 0.5 over x = 48..308 → step 130, 2026/FY27 at 243;
    // Q2 sits a quarter-step before it: 243 − 0.125 × 130 = 226.75
    expect(Number(dots[1]!.getAttribute("cx"))).toBeCloseTo(226.75, 9);
    // the y axis reaches the highest marker (32 > 20): a tick at $30bn exists
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toContain("$30.0bn");
    expect(screen.getByRole("list", { name: "Revenue, USD bn legend" }).textContent).toContain(
      "Reported quarter × 4",
    );
    expect(screen.getByRole("table").textContent).toContain("Q1 FY2027 reported; Q2 FY2027 reported");
    expect(JSON.parse(svg.getAttribute("data-markers") ?? "[]")[0].markers).toHaveLength(2);
  });
});

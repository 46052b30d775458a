// @vitest-environment jsdom
import "../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SensitivitySection } from "../../../src/taskpane/sensitivity/SensitivitySection";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import type { WorkbookPort } from "../../../src/workbook/port";
import { inProcessWorker } from "../../worker/inProcessWorker";

afterEach(cleanup);

function renderSection(port: WorkbookPort | null = null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <SensitivitySection port={port} createWorker={inProcessWorker} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

describe("SensitivitySection", () => {
  it("SensitivitySection() runs the tornado: 8 bars sorted by swing and a spider table", () => {
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Run tornado" }));
    const data = JSON.parse(screen.getByTestId("tornado-chart").getAttribute("data-series") ?? "{}") as {
      bars: { low: number; high: number }[];
    };
    // defaultSpec.ts RULES: 8 inputs carry a distribution
    expect(data.bars).toHaveLength(8);
    const swings = data.bars.map((b) => Math.abs(b.high - b.low));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // One row group per input (its name, then its outputs) so the table fits 320 px.
    expect(
      screen.getByRole("table", { name: "Spider table (USD bn)" }).querySelectorAll("tbody"),
    ).toHaveLength(8);
  });

  it("SensitivitySection() runs 10,000 trials for rank correlations when no simulation measured them", async () => {
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: /^Run 10,000 trials/ }));
    const table = await screen.findByRole("table", { name: /^Rank correlations/ }, { timeout: 15_000 });
    // defaultSpec.ts RULES: 8 inputs carry a distribution
    expect(table.querySelectorAll("tbody tr")).toHaveLength(8);
    expect(screen.getByTestId("rank-scenario").textContent).toMatch(
      /^Rank correlations for “Licensed trade”/,
    );
  });

  it("SensitivitySection() writes the tornado to CS Sensitivity", async () => {
    const writeSheets = vi.fn(() =>
      Promise.resolve({ sheets: { "CS Sensitivity": "CS Sensitivity" }, charts: 1 }),
    );
    renderSection({
      host: "preview",
      getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
      insertAtActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
      writeSheets,
    });
    fireEvent.click(screen.getByRole("button", { name: "Run tornado" }));
    fireEvent.click(screen.getByRole("button", { name: "Write results" }));
    expect((await screen.findByTestId("sensitivity-write-message")).textContent).toBe(
      "Tornado written to the sheet “CS Sensitivity”",
    );
  });
});

// @vitest-environment jsdom
import "../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SimulateSection } from "../../../src/taskpane/simulate/SimulateSection";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import type { WorkbookPort } from "../../../src/workbook/port";
import type { WorkerLike } from "../../../src/worker/client";
import type { WorkerRequest } from "../../../src/worker/protocol";
import { inProcessWorker } from "../../worker/inProcessWorker";

afterEach(cleanup);

function renderSection(port: WorkbookPort | null = null, createWorker: () => WorkerLike = inProcessWorker) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <SimulateSection port={port} createWorker={createWorker} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

/** A workbook port whose writeSheets succeeds and is recorded. */
function recordingPort() {
  const writeSheets = vi.fn(() =>
    Promise.resolve({ sheets: { "CS Simulation": "CS Simulation" }, charts: 2 }),
  );
  const port: WorkbookPort = {
    host: "preview",
    getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    insertAtActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    writeSheets,
  };
  return { port, writeSheets };
}

/** The Write results button once it is enabled (a split run's other half has finished). */
async function enabledWriteButton(): Promise<HTMLButtonElement> {
  const button = await screen.findByRole<HTMLButtonElement>(
    "button",
    { name: "Write results" },
    { timeout: 10_000 },
  );
  await waitFor(() => expect(button.disabled).toBe(false), { timeout: 10_000 });
  return button;
}

/** An in-process worker that holds back the "rest" half of split runs until `release()`. */
function gatedWorker(): { create: () => WorkerLike; release: () => void; held: () => number } {
  const held: (() => void)[] = [];
  let open = false;
  return {
    create: () => {
      const inner = inProcessWorker();
      const gated = Object.create(inner) as WorkerLike;
      gated.postMessage = (m: WorkerRequest, transfer: ArrayBuffer[]) => {
        const send = (): void => inner.postMessage(m, transfer);
        if (!open && m.type !== "cancel" && m.options.part === "rest") held.push(send);
        else send();
      };
      return gated;
    },
    release: () => {
      open = true;
      for (const send of held.splice(0)) send();
    },
    held: () => held.length,
  };
}

function setTrials(value: string) {
  fireEvent.change(screen.getByRole("textbox", { name: /Trials/ }), { target: { value } });
}

describe("SimulateSection", () => {
  it("SimulateSection() runs the worker and shows the fan chart, histogram and threshold probability", async () => {
    renderSection();
    setTrials("2000");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    await screen.findByTestId("simulation-results", undefined, { timeout: 10_000 });
    const fan = JSON.parse(
      screen.getByTestId("fan-chart").closest("[data-bands]")?.getAttribute("data-bands") ?? "{}",
    ) as {
      p5: number[];
      p95: number[];
    };
    // presets.ts: horizon 5 → 6 years 2025..2030
    expect(fan.p5).toHaveLength(6);
    expect(fan.p5.every((v, i) => v <= (fan.p95[i] ?? -Infinity))).toBe(true);
    expect(screen.getByTestId("histogram")).toBeTruthy();
    expect(screen.getByTestId("threshold-probability").textContent).toMatch(
      // The default threshold is the base projection that year (two significant digits): words, not ids.
      /^P\(NVIDIA China revenue in 2027 below \d+ USD bn\) = \d/,
    );
  });

  it("SimulateSection() says which inputs to fix instead of running when a draft is invalid", async () => {
    renderSection();
    setTrials("abc");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    expect((await screen.findByTestId("simulate-message")).textContent).toMatch(
      /Enter a whole number of trials from 2 to 1,000,000/,
    );
  });

  it("SimulateSection() cancels a run and says after how many trials", async () => {
    renderSection();
    setTrials("1000000");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    const message = await screen.findByTestId("simulate-message", undefined, { timeout: 10_000 });
    expect(message.textContent).toMatch(/^Simulation cancelled after [\d,]+ of 1,000,000 trials/);
  });

  it("SimulateSection() shows an invalid correlation matrix's problem and applies the nearest only on click", async () => {
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Correlation" }));
    // Inputs in words (the model's input catalog), one box per pair.
    const growth = "Market growth, year 1";
    const speed = "Adoption speed (logistic rate k)";
    const substitution = "Blocked demand substituted by domestic chips";
    for (const name of [growth, speed, substitution]) fireEvent.click(screen.getByRole("checkbox", { name }));
    const set = (a: string, b: string, v: string) =>
      fireEvent.change(screen.getByRole("textbox", { name: `Correlation ${a} ↔ ${b}` }), {
        target: { value: v },
      });
    set(growth, speed, "0.9");
    set(speed, substitution, "0.9");
    set(growth, substitution, "-0.9");
    const bar = await screen.findByTestId("correlation-invalid");
    expect(bar.textContent).toMatch(/positive semi-definite/);
    fireEvent.click(screen.getByRole("button", { name: "Use nearest valid matrix" }));
    expect(screen.queryByTestId("correlation-invalid")).toBeNull();
    expect(
      screen.getByRole<HTMLInputElement>("textbox", { name: `Correlation ${growth} ↔ ${speed}` }).value,
    ).not.toBe("0.9");
  });

  it("SimulateSection() writes the results through port.writeSheets and names the sheet", async () => {
    const { port, writeSheets } = recordingPort();
    renderSection(port);
    setTrials("500");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    fireEvent.click(await enabledWriteButton());
    expect((await screen.findByTestId("simulate-write-message")).textContent).toBe(
      "Results written to the sheet “CS Simulation”",
    );
    expect(writeSheets).toHaveBeenCalledTimes(1);
  });

  it("SimulateSection() without a workbook says what to do when asked to write", async () => {
    renderSection(null);
    setTrials("500");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    fireEvent.click(await enabledWriteButton());
    expect((await screen.findByTestId("simulate-write-message")).textContent).toMatch(
      /cannot write result sheets/,
    );
  });

  it("SimulateSection() shows the results view first and writes only once the other series are done", async () => {
    const { port, writeSheets } = recordingPort();
    const gate = gatedWorker();
    renderSection(port, gate.create);
    setTrials("2000");
    fireEvent.click(screen.getByRole("button", { name: "Run simulation" }));
    await screen.findByTestId("fan-chart", undefined, { timeout: 10_000 });
    // The view half is shown; the other half waits in the gate: no writing a sheet without its series.
    await waitFor(() => expect(gate.held()).toBeGreaterThan(0));
    const write = screen.getByRole<HTMLButtonElement>("button", { name: "Write results" });
    expect(write.disabled).toBe(true);
    expect(screen.getByTestId("simulation-rest").textContent).toMatch(/Other series and rank correlations/);
    gate.release();
    fireEvent.click(await enabledWriteButton());
    expect(screen.queryByTestId("simulation-rest")).toBeNull();
    await screen.findByTestId("simulate-write-message");
    expect(writeSheets).toHaveBeenCalledTimes(1);
    // The sheet carries every tracked series (the merged, whole result).
    const written = JSON.stringify(writeSheets.mock.calls[0]);
    for (const label of ["Domestic share of the market", "net of remittance", "Domestic accelerator sales"])
      expect(written).toContain(label);
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../support/jsdomShims";
import { defaultSimulationSpec } from "../../../src/analysis/defaultSpec";
import { isModelError } from "../../../src/model/errors";
import { findPreset } from "../../../src/model/presets";
import type { Scenario } from "../../../src/model/types";
import { App } from "../../../src/taskpane/App";
import { documentOf } from "../../../src/taskpane/persistence/documentState";
import { AUTOSAVE_DELAY_MS } from "../../../src/taskpane/persistence/useWorkbookDocument";
import { WorkbookDocumentPanel } from "../../../src/taskpane/persistence/WorkbookDocumentPanel";
import {
  PaneStoreProvider,
  usePaneDispatch,
  usePaneSelector,
} from "../../../src/taskpane/store/PaneStoreProvider";
import { selectScenarioName } from "../../../src/taskpane/store/selectors";
import { parseDocument, serializeDocument } from "../../../src/workbook/document";
import type { WorkbookPort } from "../../../src/workbook/port";

const NOW = "2026-02-03T10:20:30.000Z";

function licensed(): Scenario {
  const preset = findPreset("licensed");
  if (isModelError(preset)) throw new Error(preset.message);
  return preset.scenario;
}

/** A saved document whose scenario differs from the base preset in marketGrowth (0.25). */
function savedText(): string {
  const scenario = { ...licensed(), marketGrowth: 0.25 };
  return serializeDocument(
    documentOf(
      {
        scenario,
        scenarioName: "Board case",
        presetId: null,
        simulationSpec: defaultSimulationSpec(scenario),
      },
      "2026-01-01T00:00:00.000Z",
    ),
  );
}

function fakePort(stored: string | null) {
  const saveDocument = vi.fn((_text: string) => Promise.resolve());
  const port: WorkbookPort = {
    host: "preview",
    getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    insertAtActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    saveDocument,
    loadDocument: () => Promise.resolve(stored),
  };
  return { port, saveDocument };
}

/** Shows the pane's scenario name and edits market growth to 30% on click. */
function Probe() {
  const name = usePaneSelector(selectScenarioName);
  const dispatch = usePaneDispatch();
  return (
    <div>
      <span data-testid="name">{name}</span>
      <button onClick={() => dispatch({ type: "inputChanged", path: "marketGrowth", raw: "30" })}>
        change
      </button>
    </div>
  );
}

function renderPanel(port: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <WorkbookDocumentPanel port={port} now={() => NOW} />
        <Probe />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

/** Lets the port's promises resolve and React apply the results. */
async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    vi.advanceTimersByTime(ms);
    await Promise.resolve();
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("WorkbookDocumentPanel", () => {
  it("WorkbookDocumentPanel({ port: null }) renders nothing", () => {
    render(
      <PaneStoreProvider>
        <WorkbookDocumentPanel port={null} />
      </PaneStoreProvider>,
    );
    expect(screen.queryByTestId("workbook-document")).toBeNull();
  });

  it("WorkbookDocumentPanel offers a saved scenario and changes nothing until Restore", async () => {
    const { port, saveDocument } = fakePort(savedText());
    renderPanel(port);
    await settle();
    expect(screen.getByText(/This workbook has a saved ChipShift scenario 'Board case'/)).toBeTruthy();
    expect(screen.getByTestId("name").textContent).toBe("Licensed trade");
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(saveDocument).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    expect(screen.getByTestId("name").textContent).toBe("Board case");
    expect(screen.queryByText(/has a saved ChipShift scenario/)).toBeNull();
    await advance(AUTOSAVE_DELAY_MS * 3);
    // The pane now equals the saved document: nothing to write back.
    expect(saveDocument).not.toHaveBeenCalled();
  });

  it("WorkbookDocumentPanel never autosaves over a corrupt document; Overwrite with current replaces it", async () => {
    const { port, saveDocument } = fakePort('{"schema":"chipshift/workbook","version":1,"scenario":');
    renderPanel(port);
    await settle();
    expect(screen.getByText(/can't be used: .*not valid JSON.*automatic saving is off/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save to workbook" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "change" }));
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(saveDocument).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Overwrite with current" }));
    await settle();
    expect(saveDocument).toHaveBeenCalledTimes(1);
    const written = parseDocument(saveDocument.mock.calls[0]![0]);
    if (isModelError(written)) throw new Error(written.message);
    expect(written.scenario.name).toBe("Licensed trade (edited)");
    expect(written.savedAt).toBe(NOW);
    expect(screen.queryByText(/can't be used/)).toBeNull();
  });

  it("WorkbookDocumentPanel refuses a future-version document with an update message", async () => {
    const future = JSON.stringify({ ...JSON.parse(savedText()), version: 9 });
    const { port, saveDocument } = fakePort(future);
    renderPanel(port);
    await settle();
    expect(screen.getByText(/saved by a newer ChipShift \(version 9\); update the add-in/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "change" }));
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(saveDocument).not.toHaveBeenCalled();
  });

  it("WorkbookDocumentPanel autosaves a change 2 s after it when the workbook had no document", async () => {
    const { port, saveDocument } = fakePort(null);
    renderPanel(port);
    await settle();
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(saveDocument).not.toHaveBeenCalled(); // no change yet
    fireEvent.click(screen.getByRole("button", { name: "change" }));
    await advance(AUTOSAVE_DELAY_MS - 100);
    expect(saveDocument).not.toHaveBeenCalled();
    await advance(100);
    await settle();
    expect(saveDocument).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("save-status").textContent).toMatch(/^Saved 10:20\./);
  });

  it("WorkbookDocumentPanel saves at once on Save to workbook", async () => {
    const { port, saveDocument } = fakePort(null);
    renderPanel(port);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await settle();
    expect(saveDocument).toHaveBeenCalledTimes(1);
    const written = parseDocument(saveDocument.mock.calls[0]![0]);
    expect(!isModelError(written) && written.scenario.scenario).toEqual(licensed());
  });
});

describe("App with a saved document", () => {
  it("App restores a saved scenario into the Scenario tab's boxes", async () => {
    const { port } = fakePort(savedText());
    render(<App port={port} />);
    await settle();
    const growth = (): HTMLInputElement =>
      screen.getByLabelText(/^Market growth, year 1/, { selector: "input" });
    // presets.ts licensed marketGrowth differs from the saved 0.25
    expect(growth().value).not.toBe("25");
    fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    await settle();
    // hand-computed: saved marketGrowth 0.25 shown in percent → "25"
    expect(growth().value).toBe("25");
  });

  it("App restores the saved trials, seed and sampling into the Simulate tab", async () => {
    const scenario = licensed();
    const text = serializeDocument(
      documentOf(
        {
          scenario,
          scenarioName: "Board case",
          presetId: "licensed",
          simulationSpec: defaultSimulationSpec(scenario),
          simulationSettings: { trials: 54321, seed: 777, sampling: "mc" },
        },
        "2026-01-01T00:00:00.000Z",
      ),
    );
    const { port } = fakePort(text);
    render(<App port={port} initialSection="simulate" />);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    await settle();
    // the document above: trials 54321, seed 777, plain Monte Carlo
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /Trials/ }).value).toBe("54321");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /Seed/ }).value).toBe("777");
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: /Sampling/ }).value).toBe("mc");
  });
});

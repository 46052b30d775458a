// @vitest-environment jsdom
import "../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { createPreviewWorkbook } from "../../../src/preview/previewPort";
import type { PreviewWorkbook } from "../../../src/preview/previewPort";
import { BuildSection } from "../../../src/taskpane/build/BuildSection";
import type { DownloadFile } from "../../../src/taskpane/build/downloadFile";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import { buildWorkbookLayout } from "../../../src/workbook/layout/buildWorkbookLayout";
import type { WorkbookPort } from "../../../src/workbook/port";
import { PRESET_SCENARIOS } from "../../workbook/fixtures";

afterEach(cleanup);

function renderSection(port: WorkbookPort | null, download: DownloadFile = vi.fn()) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <BuildSection port={port} download={download} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

/** Sets a cell of a built Inputs sheet: `rowId` in column A, scenario column D + index. */
function setInput(workbook: PreviewWorkbook, rowId: string, scenarioIndex: number, value: number): string {
  const engine = workbook.engine;
  const sheet = engine.getSheetId("CS Inputs")!;
  const row = engine.getSheetValues(sheet).findIndex((r) => r[0] === rowId);
  engine.setCellContents({ sheet, row, col: 3 + scenarioIndex }, [[value]]);
  return `${String.fromCharCode(68 + scenarioIndex)}${row + 1}`;
}

async function builtWorkbook(): Promise<PreviewWorkbook> {
  const workbook = createPreviewWorkbook();
  const layout = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(layout)) throw new Error(layout.message);
  await workbook.port.buildModel!(layout, { onConflict: "fail" });
  return workbook;
}

describe("BuildSection", () => {
  it("BuildSection(port) builds the four presets and shows what was written", async () => {
    const workbook = createPreviewWorkbook();
    renderSection(workbook.port);
    for (const name of PRESET_SCENARIOS.map((s) => s.name))
      expect(screen.getByRole("checkbox", { name: new RegExp(name) })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "Build model" }));
    const summary = await screen.findByTestId("build-summary");
    expect(summary.textContent).toContain("CS Inputs, CS Model, CS Sources, CS Compare");
    const layout = buildWorkbookLayout(PRESET_SCENARIOS);
    if (isModelError(layout)) throw new Error(layout.message);
    expect(summary.textContent).toContain(`Named ranges${layout.names.length}`);
    expect(summary.textContent).toContain(`Scenarios${PRESET_SCENARIOS.length}: Licensed trade`);
    expect(workbook.sheetNames()).toContain("CS Model");
    expect(screen.getByRole("button", { name: "Update model" })).toHaveProperty("disabled", false);
  });

  it("BuildSection leaves out an unticked scenario", async () => {
    const workbook = createPreviewWorkbook();
    renderSection(workbook.port);
    fireEvent.click(screen.getByRole("checkbox", { name: /Détente/ }));
    fireEvent.click(screen.getByRole("button", { name: "Build model" }));
    const summary = await screen.findByTestId("build-summary");
    expect(summary.textContent).toContain(`Scenarios${PRESET_SCENARIOS.length - 1}:`);
    expect(summary.textContent).not.toContain("Détente");
  });

  it("BuildSection asks before building beside a user's 'CS Inputs' and builds into 'CS Inputs (2)' on yes", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.addSheet("CS Inputs");
    renderSection(workbook.port);
    fireEvent.click(screen.getByRole("button", { name: "Build model" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("A sheet named CS Inputs exists and wasn't made by ChipShift");
    fireEvent.click(within(dialog).getByRole("button", { name: "Build into 'CS Inputs (2)'" }));
    const summary = await screen.findByTestId("build-summary");
    expect(summary.textContent).toContain("CS Inputs → CS Inputs (2)");
    expect(workbook.sheetNames()).toContain("CS Inputs (2)");
  });

  it("BuildSection cancelling the conflict question writes nothing", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.addSheet("CS Inputs");
    renderSection(workbook.port);
    fireEvent.click(screen.getByRole("button", { name: "Build model" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    await screen.findByText("Build cancelled: nothing was written");
    expect(workbook.sheetNames()).toEqual(["Sheet1", "CS Inputs"]);
  });

  it("BuildSection on open offers the workbook's scenarios and replaces a preset only after Replace", async () => {
    const workbook = await builtWorkbook();
    setInput(workbook, "marketGrowth", 0, 0.5);
    const download = vi.fn<DownloadFile>();
    renderSection(workbook.port, download);
    fireEvent.click(
      await screen.findByRole("button", {
        name: `Load ${PRESET_SCENARIOS.length} scenarios from this workbook`,
      }),
    );
    await screen.findByText("Replace scenarios in the list?");
    fireEvent.click(screen.getByRole("button", { name: "Replace" }));
    await screen.findByText("Replaced Licensed trade");
    fireEvent.click(screen.getByRole("button", { name: "Export scenarios (JSON)" }));
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe("chipshift-scenarios.json");
    const file = JSON.parse(String(text)) as {
      scenarios: { name: string; scenario: { marketGrowth: number } }[];
    };
    // the value typed in the sheet, not the preset's 0.35 (DESIGN.md §4.1 example)
    expect(file.scenarios[0]?.scenario.marketGrowth).toBe(0.5);
  });

  it("BuildSection 'Read scenarios from workbook' lists invalid cells by sheet!address", async () => {
    const workbook = await builtWorkbook();
    renderSection(workbook.port);
    await screen.findByText("This workbook already has a ChipShift model");
    const address = setInput(workbook, "domesticShareCap", 1, 1.4);
    fireEvent.click(screen.getByRole("button", { name: "Read scenarios from workbook" }));
    const list = await screen.findByRole("list", { name: "Problems in the workbook" });
    expect(list.textContent).toContain(
      `CS Inputs!${address}: domesticShareCap must be between 0 and 1, got 1.4`,
    );
    expect(
      screen.getByRole("button", {
        name: `Load ${PRESET_SCENARIOS.length - 1} scenarios from this workbook`,
      }),
    ).toHaveProperty("disabled", false);
  });

  it("BuildSection imports nothing from a file with an invalid field and names the field", async () => {
    renderSection(createPreviewWorkbook().port);
    const bad = { ...PRESET_SCENARIOS[0]!.scenario, horizon: 0 };
    const file = new File([JSON.stringify(bad)], "bad.json", { type: "application/json" });
    fireEvent.change(screen.getByLabelText("Scenario file to import"), { target: { files: [file] } });
    const list = await screen.findByRole("list", { name: "Problems in the scenario file" });
    expect(list.textContent).toContain(
      '"bad" (scenario 1): horizon must be an integer between 1 and 30, got 0',
    );
    expect(screen.getAllByRole("checkbox")).toHaveLength(PRESET_SCENARIOS.length);
  });

  it("BuildSection 'Export .xlsx' downloads chipshift-model.xlsx (a zip) even without a workbook", async () => {
    const download = vi.fn<DownloadFile>();
    renderSection(null, download);
    expect(screen.getByRole("button", { name: "Build model" })).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("button", { name: "Export .xlsx" }));
    await screen.findByText("Downloaded chipshift-model.xlsx", {}, { timeout: 15_000 });
    const [fileName, bytes, mime] = download.mock.calls[0]!;
    expect(fileName).toBe("chipshift-model.xlsx");
    expect(mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // .xlsx is a zip: local file header "PK\x03\x04"
    expect([...(bytes as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("BuildSection 'Make portable' reports the replaced cells", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.setCellContents({ sheet: 0, row: 1, col: 1 }, [['=CHIPS.FIGURE("a100_bf16_dense")']]);
    renderSection(workbook.port);
    fireEvent.click(screen.getByRole("button", { name: "Make portable" }));
    await screen.findByText(/Replaced 1 CHIPS formula with their values: Sheet1!B2/);
  });
});

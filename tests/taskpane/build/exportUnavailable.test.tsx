// @vitest-environment jsdom
import "../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BuildSection } from "../../../src/taskpane/build/BuildSection";
import { downloadUnavailableReason, type DownloadFile } from "../../../src/taskpane/build/downloadFile";
import { PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import { PRESET_SCENARIOS } from "../../workbook/fixtures";

afterEach(cleanup);

/** Excel for Mac: the download cannot happen and says so. */
const macDownload = vi.fn<DownloadFile>(() => ({
  saved: false,
  reason: downloadUnavailableReason("Mac")!,
}));

function renderOnMac() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider>
        <BuildSection port={null} download={macDownload} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
}

describe("exports where the host cannot save files (Excel for Mac)", () => {
  it("downloadUnavailableReason(platform) names Mac only", () => {
    expect(downloadUnavailableReason("Mac")).toMatch(/Excel for Mac cannot save files/);
    for (const platform of ["PC", "OfficeOnline", undefined])
      expect(downloadUnavailableReason(platform)).toBeNull();
  });

  it("Export scenarios (JSON) shows the JSON to copy instead of reporting a download", async () => {
    renderOnMac();
    fireEvent.click(screen.getByRole("button", { name: "Export scenarios (JSON)" }));
    expect(await screen.findByText("chipshift-scenarios.json was not saved")).toBeTruthy();
    expect(screen.queryByText(/Downloaded/)).toBeNull();
    const box = screen.getByRole("textbox", { name: "chipshift-scenarios.json content to copy" });
    const file = JSON.parse((box as HTMLTextAreaElement).value) as { scenarios: { name: string }[] };
    expect(file.scenarios.map((s) => s.name)).toEqual(PRESET_SCENARIOS.map((s) => s.name));
    expect(screen.getByRole("button", { name: "Copy to clipboard" })).toBeTruthy();
  });

  it("Export .xlsx says it was not saved and points to Build model + Save As", async () => {
    renderOnMac();
    fireEvent.click(screen.getByRole("button", { name: "Export .xlsx" }));
    // the .xlsx writer is loaded on demand and writes every sheet first
    expect(
      await screen.findByText("chipshift-model.xlsx was not saved", {}, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.getByText(/Use Build model to write the model into this workbook/)).toBeTruthy();
    expect(screen.queryByText(/Downloaded/)).toBeNull();
  });
});

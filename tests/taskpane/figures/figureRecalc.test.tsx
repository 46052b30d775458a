// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import "../support/jsdomShims";
import { findFigure } from "../../../src/figures/index";
import { setUserFigures } from "../../../src/figures/userFigures";
import { isModelError } from "../../../src/model/errors";
import { createPreviewWorkbook } from "../../../src/preview/previewPort";
import { FiguresSection } from "../../../src/taskpane/figures/FiguresSection";
import { createPaneStore, PaneStoreProvider } from "../../../src/taskpane/store/PaneStoreProvider";
import { createOfficePort } from "../../../src/workbook/officePort";
import type { WorkbookPort } from "../../../src/workbook/port";
import { WorkbookPortError } from "../../../src/workbook/port";
import { filingFigure, houseEstimate } from "../../figures/userFixtures";
import { createStrictExcel } from "../../workbook/strictOffice";

afterEach(() => {
  cleanup();
  setUserFigures([]);
});

describe("WorkbookPort.recalculate()", () => {
  it("createOfficePort().recalculate() asks Excel for a full calculation in one sync", async () => {
    const fake = createStrictExcel({ sheets: ["Sheet1"] });
    await createOfficePort(fake.host).recalculate?.();
    // "Full": custom functions are not volatile, so "Recalculate" (dirty cells only) would skip them
    expect(fake.state.calculations).toEqual(["Full"]);
    expect(fake.state.syncs).toBe(1);
  });

  it("createOfficePort().recalculate() rejects with hostUnavailable outside Excel", async () => {
    const error: unknown = await createOfficePort(undefined)
      .recalculate?.()
      .catch((e: unknown) => e);
    expect(error instanceof WorkbookPortError && error.code).toBe("hostUnavailable");
  });

  it("the preview's recalculate() makes a =CHIPS.FIGURE cell take an edit and a deletion of your figure", async () => {
    setUserFigures([houseEstimate()]);
    const workbook = createPreviewWorkbook();
    await workbook.port.insertAtActiveCell({
      kind: "formula",
      formula: '=CHIPS.FIGURE("house_china_dc_2027")',
    });
    const engine = workbook.engine;
    const a1 = engine.simpleCellAddressFromString("A1", engine.getSheetId("Sheet1")!)!;
    expect(engine.getCellValue(a1)).toBe(41.5); // userFixtures: houseEstimate value 41.5
    setUserFigures([houseEstimate({ value: 44 })]);
    // like Excel, the engine keeps a custom function's result until something recalculates it
    expect(engine.getCellValue(a1)).toBe(41.5);
    await workbook.port.recalculate?.();
    expect(engine.getCellValue(a1)).toBe(44);
    setUserFigures([]);
    await workbook.port.recalculate?.();
    expect(engine.getCellValue(a1)).toMatchObject({ type: "NA" });
  });
});

function portWith(recalculate: () => Promise<void>): WorkbookPort {
  return {
    host: "excel",
    getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    insertAtActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    recalculate,
  };
}

function renderSection(port: WorkbookPort) {
  const store = createPaneStore();
  store.dispatch({ type: "userFigureSaved", figure: filingFigure() });
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={store}>
        <FiguresSection port={port} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
  fireEvent.click(
    within(screen.getByRole("listbox", { name: "Matching figures" })).getAllByRole("option")[0]!,
  );
  return store;
}

async function editValue(value: string) {
  fireEvent.click(screen.getByRole("button", { name: "Edit figure" }));
  const box = within(screen.getByTestId("user-figure-form")).getByRole("textbox", { name: /^Value/ });
  fireEvent.change(box, { target: { value } });
  // the save's recalculation settles after the click: wait for it inside act
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Save figure" }));
    await Promise.resolve();
  });
}

describe("FiguresSection recalculates the workbook after your figures change", () => {
  it("an edit recalculates once the registry holds the new value; a delete once it no longer holds the figure", async () => {
    const seen: (number | string)[] = [];
    const recalculate = vi.fn(() => {
      const fig = findFigure("my_nvda_q3fy27_china");
      seen.push(isModelError(fig) ? fig.code : fig.value);
      return Promise.resolve();
    });
    renderSection(portWith(recalculate));
    await editValue("2,250");
    fireEvent.click(screen.getByRole("button", { name: "Delete figure" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Delete my_nvda_q3fy27_china" }));
      await Promise.resolve();
    });
    expect(seen).toEqual([2250, "notFound"]);
    expect(screen.queryByTestId("figures-recalc-message")).toBeNull();
  });

  it("a failed recalculation says so and how to recalculate by hand; Dismiss hides it", async () => {
    const recalculate = vi.fn(() =>
      Promise.reject(new WorkbookPortError("writeFailed", "Excel rejected the operation: busy")),
    );
    renderSection(portWith(recalculate));
    await editValue("2,300");
    const message = screen.getByTestId("figures-recalc-message");
    expect(message.textContent).toMatch(/not recalculated.*Ctrl\+Alt\+F9/);
    fireEvent.click(within(message).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("figures-recalc-message")).toBeNull();
  });
});

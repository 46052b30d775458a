// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PreviewGrid } from "../../src/preview/PreviewGrid";
import { createPreviewWorkbookWith } from "../../src/preview/previewWorkbook";

afterEach(cleanup);

function cell(ref: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-cell="${ref}"]`);
  if (element === null) throw new Error(`no cell ${ref}`);
  return element;
}

describe("PreviewGrid", () => {
  it("PreviewGrid click selects the active cell and shows it in the name box", () => {
    const workbook = createPreviewWorkbookWith();
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewGrid workbook={workbook} />
      </FluentProvider>,
    );
    fireEvent.click(cell("Sheet1!C5"));
    expect(workbook.activeCell()).toEqual({ sheet: "Sheet1", address: "C5" });
    expect(screen.getByTestId("name-box").textContent).toBe("Sheet1!C5");
    expect(cell("Sheet1!C5").getAttribute("aria-selected")).toBe("true");
  });

  it("PreviewGrid re-renders after a write with the computed value and the formula", async () => {
    const workbook = createPreviewWorkbookWith();
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewGrid workbook={workbook} />
      </FluentProvider>,
    );
    await act(() => workbook.port.insertAtActiveCell({ kind: "value", value: 50 }));
    fireEvent.click(cell("Sheet1!A2"));
    await act(() => workbook.port.insertAtActiveCell({ kind: "formula", formula: "=A1*1.35" }));
    expect(cell("Sheet1!A2").getAttribute("data-value")).toBe("67.5"); // hand-computed: 50 × 1.35 = 67.5
    expect(screen.getByTestId("formula-text").textContent).toBe("=A1*1.35");
  });

  it("PreviewGrid arrow keys move the active cell", () => {
    const workbook = createPreviewWorkbookWith();
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewGrid workbook={workbook} />
      </FluentProvider>,
    );
    const scroller = screen.getByLabelText(/arrow keys move the active cell/);
    fireEvent.keyDown(scroller, { key: "ArrowDown" });
    fireEvent.keyDown(scroller, { key: "ArrowRight" });
    fireEvent.keyDown(scroller, { key: "ArrowUp" });
    fireEvent.keyDown(scroller, { key: "ArrowUp" });
    expect(workbook.activeCell()).toEqual({ sheet: "Sheet1", address: "B1" });
  });
});

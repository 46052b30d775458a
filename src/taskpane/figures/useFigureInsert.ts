import { useCallback } from "react";
import type { Dispatch } from "react";
import type { Figure } from "../../figures";
import type { CellContent, WorkbookPort } from "../../workbook/port";
import { portErrorMessage } from "../portErrorMessage";
import { figureFormula, formattedFigureValue } from "./figureFormat";
import type { FiguresAction, InsertMode } from "./figuresState";

/**
 * The Figures tab's one effect: writes the selected figure's value or `=CHIPS.FIGURE("id")` at the active cell
 * through the port, dispatching insertRequested → insertSucceeded (with the sheet!cell) or insertFailed.
 */
export function useFigureInsert(
  port: WorkbookPort | null,
  dispatch: Dispatch<FiguresAction>,
): (figure: Figure, mode: InsertMode) => Promise<void> {
  return useCallback(
    async (figure, mode) => {
      dispatch({ type: "insertRequested", mode });
      if (port === null) {
        dispatch({
          type: "insertFailed",
          message:
            "No workbook is connected. Open ChipShift from Excel's ribbon to insert figures into a sheet",
        });
        return;
      }
      const content: CellContent =
        mode === "value"
          ? { kind: "value", value: figure.value }
          : { kind: "formula", formula: figureFormula(figure.id) };
      try {
        const where = await port.insertAtActiveCell(content);
        const inserted =
          mode === "value" ? formattedFigureValue(figure.value, figure.unit) : figureFormula(figure.id);
        dispatch({ type: "insertSucceeded", mode, where, inserted });
      } catch (error) {
        dispatch({ type: "insertFailed", message: portErrorMessage(error) });
      }
    },
    [port, dispatch],
  );
}

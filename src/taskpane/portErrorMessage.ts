import { assertNever } from "../model/errors";
import { WorkbookPortError } from "../workbook/port";

/** MessageBar text for a failed workbook operation: what happened and what to do about it. */
export function portErrorMessage(error: unknown): string {
  if (!(error instanceof WorkbookPortError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return `Something went wrong (${detail}). Try again; if it keeps failing, reload the add-in`;
  }
  switch (error.code) {
    case "noSelection":
      return `No cell is selected (${error.message}). Click a cell in the sheet, then try again`;
    case "hostUnavailable":
      return "No workbook is connected. Open ChipShift from Excel's ribbon (or the development preview page) to insert into a sheet";
    case "writeFailed":
      return `Excel did not accept the write (${error.message}). Press Esc to leave cell editing, check the sheet is not protected, then try again`;
    case "readFailed":
      return `Could not read the selection (${error.message}). Press Esc to leave cell editing, then try again`;
    case "sheetConflict":
      return `A sheet with that name already exists (${error.message}). Rename or remove it, then try again`;
    default:
      return assertNever(error.code);
  }
}

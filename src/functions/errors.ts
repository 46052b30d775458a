import type { ModelError, ModelErrorCode } from "../model/errors";
import { isModelError } from "../model/errors";
import type { CellGrid, CellResult, CellScalar } from "./cells";

/**
 * The one table from engine error codes to Excel error codes (STYLE.md "Errors"). Excel shows a custom message
 * only for #VALUE! and #N/A; for the others the message is dropped, as the host requires.
 */
export const EXCEL_ERROR_BY_CODE: Readonly<
  Record<
    ModelErrorCode,
    { readonly code: keyof typeof CustomFunctions.ErrorCode; readonly keepsMessage: boolean }
  >
> = {
  invalidInput: { code: "invalidValue", keepsMessage: true },
  notFound: { code: "notAvailable", keepsMessage: true },
  divisionByZero: { code: "divisionByZero", keepsMessage: false },
  numeric: { code: "invalidNumber", keepsMessage: false },
};

/** The `CustomFunctions.Error` for an engine error; `CustomFunctions` is the host global, read at call time. */
export function toExcelError(err: ModelError): CustomFunctions.Error {
  const entry = EXCEL_ERROR_BY_CODE[err.code];
  const code = CustomFunctions.ErrorCode[entry.code];
  return entry.keepsMessage ? new CustomFunctions.Error(code, err.message) : new CustomFunctions.Error(code);
}

/** A scalar result as Excel receives it. */
export function toExcelValue(value: CellResult): CellScalar | CustomFunctions.Error {
  return isModelError(value) ? toExcelError(value) : value;
}

/**
 * A grid result as Excel receives it: per-cell errors stay in their cells; a whole-call failure becomes a 1×1
 * array holding the error (a dynamic-array function must return a matrix).
 */
export function toExcelGrid(result: CellGrid | ModelError): (CellScalar | CustomFunctions.Error)[][] {
  if (isModelError(result)) return [[toExcelError(result)]];
  return result.map((row) => row.map(toExcelValue));
}

import type { ModelError } from "../model/errors";
import { isModelError, modelError } from "../model/errors";

/**
 * Host-neutral results of the CHIPS functions. The same implementations back Excel (errors mapped to
 * `CustomFunctions.Error`, see `errors.ts`) and the HyperFormula preview (errors mapped to `CellError`), so a
 * result is plain data: a scalar, a per-cell `ModelError`, or a grid of them.
 */
export type CellScalar = number | string | boolean;
export type CellResult = CellScalar | ModelError;
export type CellGrid = readonly (readonly CellResult[])[];

/** A number fit for a cell: a non-finite value (NaN, ±Infinity) becomes a `numeric` error (#NUM!). */
export function finiteCell(value: number, what: string): number | ModelError {
  return Number.isFinite(value) ? value : modelError("numeric", `${what} is not a finite number`);
}

/** Passes strings and booleans through and guards numbers with `finiteCell`. */
export function cellOf(value: CellScalar | ModelError, what: string): CellResult {
  return typeof value === "number" ? finiteCell(value, what) : value;
}

/** Guards every cell of a grid (per-cell errors stay per cell). */
export function gridOf(rows: readonly (readonly (CellScalar | ModelError)[])[], what: string): CellGrid {
  return rows.map((row) => row.map((value) => (isModelError(value) ? value : cellOf(value, what))));
}

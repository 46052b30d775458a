import type { ModelError } from "../model/errors";
import { isModelError } from "../model/errors";
import { chipCompute } from "../model";
import type { CellGrid } from "./cells";
import { gridOf } from "./cells";
import { coerceNumber, coerceOptionalText, coerceText } from "./coerce";

/** CHIPS.COMPUTE always returns one row of two cells (a fixed shape, so it spills the same everywhere). */
export const COMPUTE_SIZE = { rows: 1, cols: 2 } as const;

/**
 * CHIPS.COMPUTE(chip, units, [baseline]): [[equivalent baseline accelerators, dense BF16 PFLOPS]] for `units`
 * accelerators of `chip` (baseline A100 when omitted).
 */
export function computeGrid(chip: unknown, units: unknown, baseline?: unknown): CellGrid | ModelError {
  const chipName = coerceText(chip, "chip");
  if (isModelError(chipName)) return chipName;
  const count = coerceNumber(units, "units");
  if (isModelError(count)) return count;
  const base = coerceOptionalText(baseline, "baseline");
  if (isModelError(base)) return base;
  const result = chipCompute(chipName, count, base);
  if (isModelError(result)) return result;
  return gridOf([[result.baselineEq, result.pflops]], "compute");
}

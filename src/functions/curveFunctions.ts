import type { ModelError } from "../model/errors";
import { isModelError } from "../model/errors";
import { bassAdoption, fitLogisticSpeed, logisticShare } from "../model";
import type { CellResult } from "./cells";
import { cellOf } from "./cells";
import { coerceNumber } from "./coerce";

/** CHIPS.LOGISTIC(t, s0, cap, k): logistic share at year t through s0 at t = 0 with ceiling cap and rate k. */
export function logisticCell(t: unknown, s0: unknown, cap: unknown, k: unknown): CellResult {
  const args = numbers([t, "t"], [s0, "s0"], [cap, "cap"], [k, "k"]);
  if (isModelError(args)) return args;
  const [tv, s0v, capv, kv] = args as [number, number, number, number];
  return cellOf(logisticShare(tv, s0v, capv, kv), "logistic share");
}

/** CHIPS.LOGISTIC.FIT(t1, s1, t2, s2, cap): the rate k of the logistic with ceiling cap through two points. */
export function logisticFitCell(
  t1: unknown,
  s1: unknown,
  t2: unknown,
  s2: unknown,
  cap: unknown,
): CellResult {
  const args = numbers([t1, "t1"], [s1, "s1"], [t2, "t2"], [s2, "s2"], [cap, "cap"]);
  if (isModelError(args)) return args;
  const [t1v, s1v, t2v, s2v, capv] = args as [number, number, number, number, number];
  return cellOf(fitLogisticSpeed(t1v, s1v, t2v, s2v, capv), "adoption speed");
}

/** CHIPS.BASS(t, p, q): cumulative Bass adoption (fraction of the market) at year t. */
export function bassCell(t: unknown, p: unknown, q: unknown): CellResult {
  const args = numbers([t, "t"], [p, "p"], [q, "q"]);
  if (isModelError(args)) return args;
  const [tv, pv, qv] = args as [number, number, number];
  return cellOf(bassAdoption(tv, pv, qv), "Bass adoption");
}

/** Coerces (value, name) pairs in order; the first failure wins. */
export function numbers(...args: readonly (readonly [unknown, string])[]): number[] | ModelError {
  const out: number[] = [];
  for (const [value, name] of args) {
    const n = coerceNumber(value, name);
    if (isModelError(n)) return n;
    out.push(n);
  }
  return out;
}

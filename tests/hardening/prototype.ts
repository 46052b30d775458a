/**
 * Shared by the hardening tests: the names that reach inherited members of a plain object, and a check that
 * nothing wrote onto `Object.prototype` (a polluted prototype shows up as a new own property there, or as a
 * property every fresh object inherits).
 */
import { expect } from "vitest";

/** Names that are not own properties of a plain object but that `obj[name]` finds. */
export const HOSTILE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"] as const;

const BASELINE = Object.getOwnPropertyNames(Object.prototype).sort();

/** Fails when Object.prototype gained, lost or changed a property since this module loaded. */
export function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(BASELINE);
  const fresh: Record<string, unknown> = {};
  for (const key of ["access", "remittance", "weight", "aspUsdK", "bf16Tflops", "row", "polluted"]) {
    expect(fresh[key], key).toBeUndefined();
  }
  expect(typeof Object.prototype.toString).toBe("function");
  expect(typeof Object.prototype.constructor).toBe("function");
}

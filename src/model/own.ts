/**
 * Own-property lookups and bounded echoes for user-controlled names. A plain object's `obj[name]` also finds
 * inherited members (`__proto__`, `constructor`, `toString`), and `obj[name] = v` with `name = "__proto__"`
 * replaces the prototype; every lookup keyed by text a user typed (a cell, a CLI argument, a workbook sheet, a
 * saved document) goes through these helpers or a `Map`.
 */

/** Longest id or text the engine accepts: Excel's cell limit (characters). */
export const MAX_TEXT_LENGTH = 32_767;

/** How many characters of user input an error message echoes. */
export const ECHO_LENGTH = 60;

/**
 * `record[key]` when `key` is an own property of `record`, else undefined (never an inherited member).
 *
 * @example ownValue({ a: 1 }, "constructor") // → undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * User text for an error message: at most `ECHO_LENGTH` characters, with "…" when cut.
 *
 * @example echo("x".repeat(100)).length // → 61
 */
export function echo(text: string): string {
  return text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text;
}

/**
 * A plain record from entries, defining each key as an own data property (so a `__proto__` key is data, not
 * the prototype setter that `record[key] = v` would call).
 *
 * @example Object.getPrototypeOf(recordOf([["__proto__", 1]])) === Object.prototype // → true
 */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries);
}

/**
 * [smallest, largest] of `values` by a loop: `Math.min(...values)` passes every value as an argument and
 * overflows the call stack near 10⁵ values. Empty → [Infinity, -Infinity]; NaN entries are skipped.
 *
 * @example extent([3, 1, 2]) // → [1, 3]
 */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

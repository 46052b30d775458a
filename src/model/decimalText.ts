/**
 * Strict decimal number text, the way a person types a number in a cell or on a command line: an optional
 * sign, digits with an optional decimal point, an optional exponent. Hex (`0x10`), binary, `Infinity`, a bare
 * `1e`, blanks and thousands separators are not numbers (JavaScript's `Number()` takes the first two and turns
 * blanks into 0).
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The finite number `text` spells, or undefined.
 *
 * @example parseDecimal(" 1.5e3 ") // → 1500
 * @example parseDecimal("0x10") // → undefined
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  // 400 characters is far beyond any meaningful decimal and keeps the regex test short
  if (trimmed.length > 400 || !DECIMAL.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

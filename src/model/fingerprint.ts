/**
 * A short fingerprint of plain data (a scenario, a simulation spec, run options): results carry the fingerprint
 * of the inputs they came from, so "is this result stale?" is a comparison of two strings. Equal data gives the
 * same fingerprint whatever the key order; any change of a number, name or key gives another (with the
 * collision odds of a 48-bit hash, ample for telling one session's edits apart; it is not a security hash).
 */

/**
 * The fingerprint of JSON-like data: 12 hex digits of two FNV-1a passes over its canonical JSON (keys sorted,
 * `undefined` members dropped as JSON.stringify does).
 *
 * @param value plain data (objects, arrays, strings, finite numbers, booleans, null)
 * @returns 12 lower-case hex digits
 * @example fingerprintOf({ b: 1, a: [2, 3] }) === fingerprintOf({ a: [2, 3], b: 1 }) // → true
 */
export function fingerprintOf(value: unknown): string {
  const text = canonicalJson(value);
  // FNV-1a 32-bit twice (standard offset basis, then a second basis) → 64 bits, 48 of them shown.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  const hex = (h: number, digits: number): string => (h >>> 0).toString(16).padStart(8, "0").slice(0, digits);
  return hex(h1, 8) + hex(h2, 4);
}

/** JSON with object keys in sorted order, so equal data has one text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

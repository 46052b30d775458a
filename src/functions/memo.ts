/**
 * A small bounded LRU memo for the CHIPS functions. A sheet of =CHIPS.SIMULATE cells asking different
 * statistics, series or years of the same (scenario, trials, seed) must run ONE simulation: the first cell
 * computes it, the others read it from here. Bounded so a long session of edited scenarios cannot grow memory
 * without limit (a cached simulation result holds only statistics, a few hundred KB at most).
 */

/** How many simulation results the CHIPS functions keep (least recently used evicted first). */
export const SIMULATION_MEMO_CAPACITY = 32;

export interface LruMemo<V> {
  /** The cached value for `key`, or `compute()`'s value, stored as the most recently used entry. */
  get(key: string, compute: () => V): V;
  /** True when `key` is cached (does not refresh its recency). */
  has(key: string): boolean;
  /** Number of cached entries (at most the capacity). */
  readonly size: number;
  clear(): void;
}

/**
 * A least-recently-used memo holding at most `capacity` entries, keyed by string.
 *
 * @param capacity integer ≥ 1 (a bug otherwise: the capacity is a constant in code, not a user input)
 * @example const m = createLruMemo<number>(2); m.get("a", () => 1); m.get("a", () => 2) // 1
 */
export function createLruMemo<V>(capacity: number): LruMemo<V> {
  if (!(Number.isInteger(capacity) && capacity >= 1)) {
    throw new Error(`createLruMemo: capacity must be an integer of at least 1, got ${capacity}`);
  }
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const entries = new Map<string, V>();
  return {
    get(key, compute) {
      if (entries.has(key)) {
        const hit = entries.get(key) as V;
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = compute();
      entries.set(key, value);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      return value;
    },
    has: (key) => entries.has(key),
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
  };
}

/**
 * A canonical text key for plain JSON data: object keys sorted at every level, so two scenarios with the
 * same inputs in a different key order share a memo entry.
 *
 * @example canonicalKey({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

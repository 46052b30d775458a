import { describe, expect, it, vi } from "vitest";
import { canonicalKey, createLruMemo, SIMULATION_MEMO_CAPACITY } from "../../src/functions/memo";

describe("createLruMemo", () => {
  it("createLruMemo(capacity) throws on a capacity below 1 (a bug, not a user input)", () => {
    expect(() => createLruMemo(0)).toThrow();
    expect(() => createLruMemo(1.5)).toThrow();
  });

  it("createLruMemo(n).get(key, compute) computes once per key", () => {
    const memo = createLruMemo<number>(4);
    const compute = vi.fn(() => 7);
    expect(memo.get("a", compute)).toBe(7);
    expect(memo.get("a", compute)).toBe(7);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("createLruMemo(2) evicts the least recently used key, not the least recently inserted", () => {
    const memo = createLruMemo<string>(2);
    memo.get("a", () => "A");
    memo.get("b", () => "B");
    memo.get("a", () => "not recomputed"); // a is now the most recent
    memo.get("c", () => "C"); // evicts b
    expect(memo.has("a")).toBe(true);
    expect(memo.has("b")).toBe(false);
    expect(memo.has("c")).toBe(true);
    expect(memo.size).toBe(2);
  });

  it("createLruMemo(SIMULATION_MEMO_CAPACITY) never holds more than 32 entries", () => {
    expect(SIMULATION_MEMO_CAPACITY).toBe(32);
    const memo = createLruMemo<number>(SIMULATION_MEMO_CAPACITY);
    for (let i = 0; i < 100; i++) memo.get(String(i), () => i);
    expect(memo.size).toBe(32);
    expect(memo.has("67")).toBe(false); // hand-computed: keys 68..99 are the last 32
    expect(memo.has("68")).toBe(true);
    memo.clear();
    expect(memo.size).toBe(0);
  });
});

describe("canonicalKey", () => {
  it("canonicalKey(value) sorts object keys at every level and keeps array order", () => {
    expect(canonicalKey({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalKey({ x: 1, y: 2 })).toBe(canonicalKey({ y: 2, x: 1 }));
    expect(canonicalKey([1, 2])).not.toBe(canonicalKey([2, 1]));
  });
});

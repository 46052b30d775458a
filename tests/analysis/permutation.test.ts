import { describe, expect, it } from "vitest";
import { createIndexPermutation, mix32, permuteIndex } from "../../src/analysis/permutation";
import { lhsPermutation } from "../../src/analysis/sampling";

/** Independent oracle: lowbias32 in BigInt arithmetic (Wellons' published constants). */
function mix32Oracle(v: number): number {
  const m = (1n << 32n) - 1n;
  let x = BigInt(v >>> 0);
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & m;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & m;
  x ^= x >> 16n;
  return Number(x);
}

/** Independent oracle: the Feistel network on bit strings, cycle-walked onto [0, n). */
function permuteOracle(n: number, keys: readonly number[], i: number): number {
  const bits = Math.max(2, (n - 1).toString(2).length);
  let x = i;
  do {
    let s = x.toString(2).padStart(bits, "0");
    let highWidth = Math.ceil(bits / 2);
    for (const k of keys) {
      const high = s.slice(0, highWidth);
      const low = s.slice(highWidth);
      const f = mix32Oracle(parseInt(low, 2) ^ k) % 2 ** highWidth;
      s = low + (parseInt(high, 2) ^ f).toString(2).padStart(highWidth, "0");
      highWidth = low.length;
    }
    x = parseInt(s, 2);
  } while (x >= n);
  return x;
}

describe("mix32", () => {
  it("mix32 equals lowbias32 computed in BigInt arithmetic", () => {
    for (const v of [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 123456789, 0xdeadbeef])
      expect(mix32(v)).toBe(mix32Oracle(v));
  });
});

describe("permuteIndex", () => {
  it("permuteIndex is a bijection of [0, n) for every n from 1 to 300 and around powers of two", () => {
    const sizes = [...Array.from({ length: 300 }, (_, k) => k + 1), 1023, 1024, 1025, 4097, 65535, 65537];
    for (const n of sizes) {
      const p = createIndexPermutation(n, [n, 17, 0xffffffff, 3]);
      const seen = new Uint8Array(n);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const j = permuteIndex(p, i);
        if (!(j >= 0 && j < n && seen[j] === 0)) bad++;
        seen[j] = 1;
      }
      expect(bad, `n = ${n}`).toBe(0);
    }
  });
  it("permuteIndex equals a bit-string Feistel oracle (4 rounds, halves swapping, cycle-walking)", () => {
    for (const n of [2, 5, 16, 1000, 1_000_000]) {
      const keys = [0x12345678, 0x9abcdef0, 42, 0xffffffff];
      const p = createIndexPermutation(n, keys);
      for (const i of [0, 1, n - 1, Math.floor(n / 3)])
        expect(permuteIndex(p, i)).toBe(permuteOracle(n, keys, i));
    }
  });
  it("a Latin hypercube permutation of 1,000,000 strata uses each stratum exactly once", () => {
    const n = 1_000_000;
    const p = lhsPermutation(42, n, 5);
    const seen = new Uint8Array(n);
    let repeats = 0;
    for (let i = 0; i < n; i++) {
      const j = permuteIndex(p, i);
      if (seen[j] === 1) repeats++;
      seen[j] = 1;
    }
    expect(repeats).toBe(0);
  });
  it("permutations look random: neighbours land far apart and two variables' strata are uncorrelated", () => {
    const n = 10_000;
    const a = lhsPermutation(1, n, 0);
    const b = lhsPermutation(1, n, 1);
    let sumA = 0;
    let sumAB = 0;
    let sumA2 = 0;
    let close = 0;
    for (let i = 0; i < n; i++) {
      const x = permuteIndex(a, i) - (n - 1) / 2;
      const y = permuteIndex(b, i) - (n - 1) / 2;
      sumA += x;
      sumAB += x * y;
      sumA2 += x * x;
      if (i > 0 && Math.abs(permuteIndex(a, i) - permuteIndex(a, i - 1)) < 10) close++;
    }
    expect(sumA).toBeCloseTo(0, 6);
    // Pearson ρ of two independent permutations has sd 1/√(n−1) = 0.01: 4 sd.
    expect(Math.abs(sumAB / sumA2)).toBeLessThan(0.04);
    // Independent uniform neighbours are within 10 strata with probability ≈ 0.002: expect ≈ 20 of 10,000.
    expect(close).toBeLessThan(60);
  });
  it("createIndexPermutation rejects a bad size or key count", () => {
    expect(() => createIndexPermutation(0, [1, 2, 3, 4])).toThrow(/size/);
    expect(() => createIndexPermutation(2 ** 31 + 1, [1, 2, 3, 4])).toThrow(/size/);
    expect(() => createIndexPermutation(10, [1, 2])).toThrow(/round keys/);
  });
});

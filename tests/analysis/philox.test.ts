import { describe, expect, it } from "vitest";
import { CounterRng, philox4x32, seedKey, uniformOpen } from "../../src/analysis/philox";

const hex = (words: number[]): string => words.map((w) => w.toString(16).padStart(8, "0")).join(" ");

describe("philox4x32", () => {
  // Known-answer vectors: Random123 1.14 examples/kat_vectors, philox4x32_10.
  it("philox4x32(0…0, key 0) matches the Random123 known-answer vector", () => {
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toBe("6627e8d5 e169c58d bc57ac4c 9b00dbd8");
  });
  it("philox4x32(ffffffff…, key ffffffff…) matches the Random123 known-answer vector", () => {
    const f = 0xffffffff;
    expect(hex(philox4x32([f, f, f, f], [f, f]))).toBe("408f276d 41c83b0e a20bc7c6 6d5451fd");
  });
  it("philox4x32(π digits, key) matches the Random123 known-answer vector", () => {
    const out = philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]);
    expect(hex(out)).toBe("d16cfe09 94fdcceb 5001e420 24126ea1");
  });
});

describe("philox4x32 against a BigInt reference", () => {
  // oracle: Philox4x32-10 written from the SC'11 definition with exact BigInt products (no 32-bit tricks):
  // (c0, c1, c2, c3) ← (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0)), key bumped by W.
  function reference(c: number[], k: number[]): number[] {
    let [c0, c1, c2, c3] = c.map(BigInt) as [bigint, bigint, bigint, bigint];
    let [k0, k1] = k.map(BigInt) as [bigint, bigint];
    const mask = 0xffffffffn;
    for (let round = 0; round < 10; round++) {
      const p0 = 0xd2511f53n * c0;
      const p1 = 0xcd9e8d57n * c2;
      [c0, c1, c2, c3] = [(p1 >> 32n) ^ c1 ^ k0, p1 & mask, (p0 >> 32n) ^ c3 ^ k1, p0 & mask];
      k0 = (k0 + 0x9e3779b9n) & mask;
      k1 = (k1 + 0xbb67ae85n) & mask;
    }
    return [c0, c1, c2, c3].map(Number);
  }
  it("philox4x32(counter, key) equals the BigInt reference on 2,000 counters spanning all bit patterns", () => {
    const rng = new CounterRng(77);
    for (let i = 0; i < 2000; i++) {
      const w = [0, 1, 2, 3, 4, 5].map((v) => Math.floor(rng.uniform(i, 9, v) * 4294967296) >>> 0);
      if (i % 3 === 0) w[i % 6] = 0xffffffff;
      if (i % 5 === 0) w[(i + 1) % 6] = 0;
      const c = w.slice(0, 4);
      const k = w.slice(4);
      expect(philox4x32(c as [number, number, number, number], k as [number, number])).toEqual(
        reference(c, k),
      );
    }
  });
});

describe("uniformOpen", () => {
  it("uniformOpen(bits) stays inside the open interval (0, 1)", () => {
    // hand-computed: (0 + 0.5) / 2^32 = 1.1641532182693481e-10 ; (2^32 − 1 + 0.5) / 2^32 = 1 − 1.16e-10
    expect(uniformOpen(0)).toBe(0.5 / 4294967296);
    expect(uniformOpen(0xffffffff)).toBe((4294967295 + 0.5) / 4294967296);
    expect(uniformOpen(0xffffffff)).toBeLessThan(1);
  });
});

describe("seedKey", () => {
  it("seedKey(seed) splits a 53-bit seed into lo/hi words", () => {
    // hand-computed: 2^32 + 5 → lo 5, hi 1
    expect(seedKey(4294967296 + 5)).toEqual([5, 1]);
  });
});

describe("CounterRng", () => {
  it("CounterRng(seed).uniform(trial, stream, variable) is a pure function of its counter", () => {
    const a = new CounterRng(42);
    const b = new CounterRng(42);
    const forward = [0, 1, 2, 3].map((t) => a.uniform(t, 1, 7));
    const backward = [3, 2, 1, 0].map((t) => b.uniform(t, 1, 7)).reverse();
    expect(forward).toEqual(backward);
  });
  it("CounterRng(seed).uniform(trial, stream, variable) is word (variable mod 4) of the block ⌊variable / 4⌋", () => {
    const rng = new CounterRng(0);
    // counter (trial 0, stream 0, ⌊2/4⌋ = 0, draw 0), key 0: the first KAT vector, word 2 = 0xbc57ac4c
    expect(rng.uniform(0, 0, 2)).toBe(uniformOpen(0xbc57ac4c));
    // variables 0..3 read the four words of that same KAT block (6627e8d5 e169c58d bc57ac4c 9b00dbd8)
    expect([0, 1, 2, 3].map((v) => rng.uniform(0, 0, v))).toEqual(
      [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8].map(uniformOpen),
    );
  });
  it("CounterRng(seed).uniform(trial, stream, variable, draw) uses counter (trial, stream<<16, ⌊variable/4⌋, draw)", () => {
    const rng = new CounterRng(4294967296 * 3 + 7);
    // oracle: the block function (checked against Random123 above) at the documented counter, key (7, 3)
    const block = philox4x32([12345, (5 << 16) >>> 0, 2, 9], [7, 3]);
    for (const v of [8, 9, 10, 11]) expect(rng.uniform(12345, 5, v, 9)).toBe(uniformOpen(block[v - 8]!));
    // a different draw or block of variables is a different counter
    expect(rng.uniform(12345, 5, 8, 8)).not.toBe(rng.uniform(12345, 5, 8, 9));
    expect(rng.uniform(12345, 5, 12, 9)).not.toBe(rng.uniform(12345, 5, 8, 9));
  });
  it("CounterRng with different seeds, streams or variables gives different numbers", () => {
    const r1 = new CounterRng(1).uniform(5, 1, 0);
    expect(new CounterRng(2).uniform(5, 1, 0)).not.toBe(r1);
    expect(new CounterRng(1).uniform(5, 2, 0)).not.toBe(r1);
    expect(new CounterRng(1).uniform(5, 1, 1)).not.toBe(r1);
  });
  it("CounterRng uniforms have mean 1/2 and variance 1/12 on 10,000 draws", () => {
    const rng = new CounterRng(2024);
    const xs = Array.from({ length: 10_000 }, (_, i) => rng.uniform(i, 1, 0));
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    // closed form: U(0,1) mean 0.5 (se = √(1/12/10⁴) ≈ 0.0029), variance 1/12 ≈ 0.0833
    expect(Math.abs(m - 0.5)).toBeLessThan(0.012);
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.004);
  });
});

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
  it("CounterRng(seed).uniform equals the Philox block word for that counter", () => {
    const rng = new CounterRng(0);
    // counter (trial 0, stream 0, variable 0, block 0), key 0: the first KAT vector, word 2 = 0xbc57ac4c
    expect(rng.uniform(0, 0, 0, 2)).toBe(uniformOpen(0xbc57ac4c));
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

import { describe, expect, it } from "vitest";
import { canonicalJson, fingerprintOf } from "../../src/model/fingerprint";

describe("fingerprintOf(value)", () => {
  it("fingerprintOf(value) is 12 lower-case hex digits", () => {
    expect(fingerprintOf({ a: 1 })).toMatch(/^[0-9a-f]{12}$/);
  });

  it("fingerprintOf(value) ignores key order but not values, names or array order", () => {
    const a = fingerprintOf({ marketGrowth: 0.35, regimes: { open: 1, banned: 0 } });
    expect(fingerprintOf({ regimes: { banned: 0, open: 1 }, marketGrowth: 0.35 })).toBe(a);
    expect(fingerprintOf({ marketGrowth: 0.36, regimes: { open: 1, banned: 0 } })).not.toBe(a);
    expect(fingerprintOf({ marketGrowth: 0.35, regimes: { open: 1, ban: 0 } })).not.toBe(a);
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([2, 1]));
  });

  it("canonicalJson(value) sorts keys at every depth and drops undefined members like JSON.stringify", () => {
    // hand-written: keys b, a → a, b at both levels
    expect(canonicalJson({ b: { d: 1, c: [{ f: 2, e: 3 }] }, a: undefined })).toBe(
      '{"b":{"c":[{"e":3,"f":2}],"d":1}}',
    );
  });
});

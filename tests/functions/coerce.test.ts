import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import {
  coerceIsoDate,
  coerceNumber,
  coerceOptionalNumber,
  coercePairs,
  coerceText,
  isOmitted,
} from "../../src/functions/coerce";

function code(value: unknown): string | undefined {
  return isModelError(value) ? value.code : undefined;
}

describe("coerce", () => {
  it("coerceNumber(value) rejects text, NaN, Infinity, ranges and nothing as invalidInput", () => {
    for (const bad of ["abc", NaN, Infinity, -Infinity, [[1]], null, undefined, {}, ""]) {
      expect(code(coerceNumber(bad, "t"))).toBe("invalidInput");
    }
  });

  it("coerceNumber(value) accepts numbers, numeric text and booleans as Excel does", () => {
    expect(coerceNumber(0.41, "s0")).toBe(0.41);
    expect(coerceNumber(" 2.5 ", "t")).toBe(2.5);
    expect(coerceNumber(true, "t")).toBe(1); // Excel: =TRUE+0 → 1
    expect(coerceNumber(false, "t")).toBe(0);
  });

  it("isOmitted(value) is true for null, undefined and an empty cell", () => {
    expect([null, undefined, "", "  "].map(isOmitted)).toEqual([true, true, true, true]);
    expect([0, false, "x"].map(isOmitted)).toEqual([false, false, false]);
    expect(coerceOptionalNumber(null, "x")).toBeUndefined();
  });

  it("coerceText(value) trims text, accepts numbers and rejects empties and booleans", () => {
    expect(coerceText("  base ", "scenario")).toBe("base");
    expect(coerceText(2025, "id")).toBe("2025");
    expect(code(coerceText("", "id"))).toBe("invalidInput");
    expect(code(coerceText(true, "id"))).toBe("invalidInput");
  });

  it("coerceIsoDate(serial) uses the 1900 date system", () => {
    expect(coerceIsoDate(45658, "from")).toBe("2025-01-01"); // Excel: =DATE(2025,1,1) → 45658
    expect(coerceIsoDate(1, "from")).toBe("1900-01-01"); // Excel: =DATE(1900,1,1) → 1
    expect(coerceIsoDate(59, "from")).toBe("1900-02-28"); // Excel: =DATE(1900,2,28) → 59
    expect(coerceIsoDate(60, "from")).toBe("1900-02-29"); // Excel's fictitious leap day (Lotus bug) → 60
    expect(coerceIsoDate(61, "from")).toBe("1900-03-01"); // Excel: =DATE(1900,3,1) → 61
    expect(coerceIsoDate(44841.75, "from")).toBe("2022-10-07"); // Excel: =DATE(2022,10,7) → 44841, time ignored
  });

  it("coerceIsoDate(text) accepts ISO dates at day, month or year precision", () => {
    expect(coerceIsoDate("2025-08-11", "to")).toBe("2025-08-11");
    expect(coerceIsoDate("2025-08", "to")).toBe("2025-08");
    expect(coerceIsoDate("2025", "to")).toBe("2025");
  });

  it("coerceIsoDate(value) rejects bad text, months and serials out of range", () => {
    for (const bad of ["11/08/2025", "2025-13", "2025-02-32", 0, -5, 3e6, true]) {
      expect(code(coerceIsoDate(bad, "from"))).toBe("invalidInput");
    }
  });

  it("coercePairs(range) reads (id, value) rows and skips rows with no id", () => {
    const pairs = coercePairs(
      [
        ["marketBase", 60],
        ["", ""],
        [null, null],
        ["regimePath.1", " banned "],
      ],
      "overrides",
    );
    expect(pairs).toEqual([
      ["marketBase", 60],
      ["regimePath.1", "banned"],
    ]);
  });

  it("coercePairs(range) rejects a scalar, one column, an empty value and an all-empty range", () => {
    expect(code(coercePairs("marketBase", "overrides"))).toBe("invalidInput");
    expect(code(coercePairs([["marketBase"]], "overrides"))).toBe("invalidInput");
    expect(code(coercePairs([["marketBase", ""]], "overrides"))).toBe("invalidInput");
    expect(code(coercePairs([["", ""]], "overrides"))).toBe("invalidInput");
    expect(code(coercePairs([[3, 1]], "overrides"))).toBe("invalidInput");
  });
});

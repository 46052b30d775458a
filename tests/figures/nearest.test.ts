import { describe, expect, it } from "vitest";
import { editDistance, nearestIds, normaliseId } from "../../src/figures/nearest";

describe("editDistance(a, b)", () => {
  it("editDistance(a, b) is the Levenshtein distance", () => {
    // textbook: kitten → sitting = 3 (k→s, e→i, +g)
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("flaw", "lawn")).toBe(2); // hand-computed: −f, +n
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("normaliseId(text)", () => {
  it("normaliseId(text) lower-cases and turns spaces and hyphens into underscores", () => {
    expect(normaliseId("  H20 BF16-dense ")).toBe("h20_bf16_dense");
  });
});

describe("nearestIds(query, ids, limit)", () => {
  const ids = [
    "abc_fy2025_hq",
    "abc_fy2025_billing",
    "abc_fy2024_hq",
    "abc_fy2020",
    "xyz_other",
    "abc_fy2025_x_long",
  ];

  it("nearestIds(query, ids) returns nothing for an empty query", () => {
    expect(nearestIds("", ids)).toEqual([]);
  });

  it("nearestIds(query, ids) prefers ids that extend the query, shortest first, at most 3", () => {
    expect(nearestIds("abc_fy2025", ids)).toEqual([
      "abc_fy2025_hq",
      "abc_fy2025_x_long",
      "abc_fy2025_billing",
    ]);
    expect(nearestIds("abc_fy2025", ids, 1)).toEqual(["abc_fy2025_hq"]);
  });

  it("nearestIds(query, ids) otherwise orders by edit distance", () => {
    // hand-computed: abc_fy2024_hx → abc_fy2024_hq 1 edit, abc_fy2025_hq 2 edits
    expect(nearestIds("abc_fy2024_hx", ids, 2)).toEqual(["abc_fy2024_hq", "abc_fy2025_hq"]);
  });

  it("nearestIds(query, ids) returns nothing when no id is close or shares a token", () => {
    expect(nearestIds("qqqqqqqq", ids)).toEqual([]);
  });
});

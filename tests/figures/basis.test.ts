import { describe, expect, it } from "vitest";
import { basisNoteOf, basisOf, statedBasis } from "../../src/figures/basis";

describe("basisOf(id, category, asOf, label)", () => {
  it("basisOf(...) throws on a China revenue row it cannot place", () => {
    expect(() => basisOf("nvda_x", "nvidia_china_revenue", "someday", "x")).toThrow(/nvda_x/);
  });

  it("basisOf(...) throws when the label contradicts the rule", () => {
    expect(() =>
      basisOf("nvda_x", "nvidia_china_revenue", "Q1 FY2027", "China revenue (billing basis)"),
    ).toThrow(/label/);
  });

  it("basisOf(...) is undefined outside the China revenue/share categories", () => {
    expect(basisOf("h20_bf16", "nvidia_chip_specs", "2024", "H20 BF16")).toBeUndefined();
  });

  it("basisOf(...) follows the id suffix first", () => {
    expect(basisOf("x_fy2024_hq", "nvidia_china_revenue", "FY2024", "recast")).toBe("customerHq");
    expect(basisOf("x_fy2026_billing", "nvidia_china_revenue", "FY2026", "as reported")).toBe(
      "billingLocation",
    );
  });

  it("basisOf(...) puts periods ending by Q2 FY2026 on billing and later ones on customer HQ", () => {
    expect(basisOf("x", "nvidia_china_share", "Q2 FY2026 (ended 2025-07-27)", "x")).toBe("billingLocation");
    expect(basisOf("x", "nvidia_china_share", "Q3 FY2026 (ended 2025-10-26)", "x")).toBe("customerHq");
    expect(basisOf("x", "nvidia_china_revenue", "9M FY2025 (ended 2024-10-27)", "x")).toBe("billingLocation");
    // the annual FY2026 total contains Q3 and Q4 FY2026, reported on the new basis
    expect(basisOf("x", "nvidia_china_revenue", "FY2026", "x")).toBe("customerHq");
    expect(basisOf("x", "nvidia_china_share", "pre-Oct-2023 controls", "x")).toBe("billingLocation");
  });
});

describe("basisNoteOf(basis, label)", () => {
  it("basisNoteOf(basis, label) names the basis and the FY2025 contrast", () => {
    expect(basisNoteOf("billingLocation", "x")).toMatch(
      /^Customer billing location basis.*\$17B billing vs \$25\.0B/,
    );
    expect(basisNoteOf("customerHq", "x")).toMatch(/^Customer headquarters basis/);
    expect(basisNoteOf("customerHq", "NVIDIA H20 sales")).toMatch(
      /^H20\/H200 product revenue, not a geographic split/,
    );
  });
});

describe("statedBasis(text)", () => {
  it("statedBasis(text) reads headquarters or billing, and nothing from a negated or other basis", () => {
    expect(statedBasis("customer headquarters location (recast)")).toBe("customerHq");
    expect(statedBasis("billing location")).toBe("billingLocation");
    expect(statedBasis("product shipments to China (destination), not customer HQ")).toBeUndefined();
    expect(statedBasis("outlook excludes China data-center compute")).toBeUndefined();
    expect(statedBasis(undefined)).toBeUndefined();
  });

  it("basisOf(…) places H1 FY2027 and a 2026 date on the customer-HQ side of the break", () => {
    // H1 = quarters 1–2; FY2027 Q2 is after Q2 FY2026, the last billing quarter
    expect(basisOf("x", "nvidia_china_revenue", "H1 FY2027 (six months ended 2026-07-26)", "x")).toBe(
      "customerHq",
    );
    // H1 FY2026 ends with Q2 FY2026: billing, as first reported
    expect(basisOf("x", "nvidia_china_revenue", "H1 FY2026", "x")).toBe("billingLocation");
    expect(basisOf("x", "nvidia_china_share", "2026-05-03", "x")).toBe("customerHq");
  });
});

import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  DATASET_AS_OF,
  DATASET_VERSION,
  ENTITIES,
  EVENTS,
  FIGURES,
  FIGURE_UNITS,
  isIsoDate,
} from "../../src/figures";

const rows = [...FIGURES, ...EVENTS];

describe("dataset invariants", () => {
  it("ids are unique across figures and events", () => {
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it("every present source URL is https and only the one unidentified GitHub source lacks a URL", () => {
    for (const row of rows) {
      if (row.source.url !== null) expect(row.source.url).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
    }
    // figures.json: nvda_china_rev_q1fy27's publisher says the repository was not identified
    expect(rows.filter((row) => row.source.url === null).map((row) => row.id)).toEqual([
      "nvda_china_rev_q1fy27",
    ]);
  });

  it("every source date is ISO (or null for n.d.)", () => {
    for (const row of rows) if (row.source.date !== null) expect(isIsoDate(row.source.date)).toBe(true);
  });

  it("every figure value is finite and its unit is in the closed list", () => {
    for (const fig of FIGURES) {
      expect(Number.isFinite(fig.value)).toBe(true);
      expect(FIGURE_UNITS).toContain(fig.unit);
    }
  });

  it("every percent-type value lies within 0..100", () => {
    // all percent units in figures.json are shares, ratios to a reference chip or thresholds — none exceeds 100
    for (const fig of FIGURES.filter((f) => f.unit.startsWith("percent"))) {
      expect(fig.value, fig.id).toBeGreaterThanOrEqual(0);
      expect(fig.value, fig.id).toBeLessThanOrEqual(100);
    }
  });

  it("every event has a valid ISO date that agrees with an ISO asOf", () => {
    for (const ev of EVENTS) {
      expect(isIsoDate(ev.date), ev.id).toBe(true);
      if (isIsoDate(ev.asOf)) expect(ev.date).toBe(ev.asOf);
    }
  });

  it("every nvidia_china_revenue and nvidia_china_share figure has a basis and note; no other figure does", () => {
    for (const fig of FIGURES) {
      const expectsBasis = fig.category === "nvidia_china_revenue" || fig.category === "nvidia_china_share";
      expect(fig.basis !== undefined, fig.id).toBe(expectsBasis);
      expect(fig.basisNote !== undefined, fig.id).toBe(expectsBasis);
    }
  });

  it("FY2025 China revenue exists as 17 (billing, USD bn) and 25,048 (customer HQ, USD m)", () => {
    const billing = FIGURES.find((f) => f.id === "nvda_china_rev_fy2025_billing");
    const hq = FIGURES.find((f) => f.id === "nvda_china_rev_fy2025_hq");
    // FIGURES.md: "$17B (13%) as originally reported vs $25.0B recast"
    expect(billing).toMatchObject({ value: 17, unit: "USD_billion", basis: "billingLocation" });
    expect(hq).toMatchObject({ value: 25048, unit: "USD_million", basis: "customerHq" });
  });

  it("the basis break falls between Q2 FY2026 (billing) and Q3 FY2026 (customer HQ)", () => {
    const basisOf = (id: string) => FIGURES.find((f) => f.id === id)?.basis;
    expect(basisOf("nvda_china_rev_q2fy26")).toBe("billingLocation");
    expect(basisOf("nvda_china_rev_q3fy26")).toBe("customerHq");
    expect(basisOf("nvda_china_share_dc_pre_low")).toBe("billingLocation");
    expect(basisOf("nvda_china_rev_q1fy27")).toBe("customerHq");
  });

  it("the data is frozen", () => {
    expect(Object.isFrozen(FIGURES)).toBe(true);
    expect(Object.isFrozen(FIGURES[0]?.source)).toBe(true);
  });

  it("DATASET_VERSION and DATASET_AS_OF name the research compilation date (FIGURES.md: 2026-11-28)", () => {
    expect(DATASET_VERSION).toBe("2026.11.28");
    expect(DATASET_AS_OF).toBe("2026-11-28");
  });

  it("CATEGORIES and ENTITIES are sorted and distinct", () => {
    expect([...CATEGORIES]).toEqual([...new Set(CATEGORIES)].sort());
    // figures.json has 11 categories
    expect(CATEGORIES).toHaveLength(11);
    expect(CATEGORIES).toContain("nvidia_china_revenue");
    expect([...ENTITIES]).toEqual([...new Set(ENTITIES)].sort());
    expect(ENTITIES).toContain("NVIDIA");
  });
});

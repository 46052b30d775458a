import { readFileSync } from "node:fs";
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
import { EVIDENCE_CLASSES, PRIMARY_EVIDENCE, rowUrl } from "../../src/figures/schema";

const rows = [...FIGURES, ...EVENTS];

/** NVIDIA's own financial rows: revenue, segment, China revenue and guidance numbers. */
const NVIDIA_FINANCIAL = ["nvidia_financials", "nvidia_china_revenue", "nvidia_china_share"];

/** The research file as compiled on 2026-11-28 (in the repo), the baseline the provenance work improves on. */
const baseline = JSON.parse(
  readFileSync(new URL("../../data/research/figures.json", import.meta.url), "utf8"),
) as Array<{ category: string; source: { url: string } }>;

describe("dataset invariants", () => {
  it("ids are unique across figures and events", () => {
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it("every present source and primary URL is https with a host", () => {
    for (const row of rows) {
      if (row.source.url !== null) expect(row.source.url, row.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
      if (row.primary !== undefined) expect(row.primary.url, row.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
    }
  });

  it("every row has an evidence class and a URL, or is marked unpublished (and says so in its note)", () => {
    const unpublished: string[] = [];
    for (const row of rows) {
      expect(EVIDENCE_CLASSES, row.id).toContain(row.evidence);
      if (rowUrl(row) === null) {
        expect(row.unpublished, row.id).toBe(true);
        unpublished.push(row.id);
      } else {
        expect(row.unpublished, row.id).toBeUndefined();
      }
    }
    console.log(
      `dataset: ${unpublished.length} unpublished rows (no URL located): ${unpublished.join(", ")}`,
    );
    // refresh rows from GitHub files of unknown repository; none of the 2026-11-28 rows lacks a URL any more
    expect(unpublished.length).toBeLessThan(40);
    expect(unpublished).not.toContain("nvda_china_rev_q1fy27");
  });

  it("every row from a filing or official statement has a primary reference, and so does every NVIDIA financial row", () => {
    for (const row of rows) {
      const fromFiling =
        PRIMARY_EVIDENCE.includes(row.evidence) ||
        row.confidence === "company_filing" ||
        (row.entity === "NVIDIA" &&
          row.category !== "nvidia_china_share" &&
          NVIDIA_FINANCIAL.includes(row.category));
      if (fromFiling) expect(row.primary, row.id).toBeDefined();
    }
  });

  it("prints how many rows rest only on secondary evidence; fewer NVIDIA financial rows than before the review", () => {
    const secondary = rows.filter((row) => row.evidence === "secondary");
    const nvidiaSecondary = secondary.filter((row) => NVIDIA_FINANCIAL.includes(row.category));
    const nvidiaBefore = baseline.filter(
      (row) => NVIDIA_FINANCIAL.includes(row.category) && !row.source.url.includes("sec.gov"),
    );
    const verified = rows.filter((row) => row.primary?.verified === true);
    console.log(
      `dataset: ${secondary.length} of ${rows.length} rows rest only on secondary evidence; ` +
        `NVIDIA financial rows: ${nvidiaSecondary.length} secondary now vs ${nvidiaBefore.length} without a ` +
        `primary source on 2026-11-28; ${verified.length} primary quotes verified against a stored copy`,
    );
    expect(secondary.length).toBeGreaterThan(0);
    // issue 10: fewer NVIDIA financial rows rest only on secondary evidence than lacked a primary source before
    expect(nvidiaSecondary.length).toBeLessThan(nvidiaBefore.length);
  });

  it("every verified primary names its stored copy, and its row quotes the primary itself", () => {
    const verified = rows.filter((row) => row.primary?.verified === true);
    expect(verified.length).toBeGreaterThan(0);
    for (const row of verified) {
      expect(row.primary?.checkedCopy, row.id).toMatch(/^https:\/\//);
      expect(PRIMARY_EVIDENCE, row.id).toContain(row.evidence);
      // the row's own source is the primary document (EDGAR or the issuer), not the digest that led to it
      expect(row.source.url, row.id).toMatch(/^https:\/\/(www\.sec\.gov|nvidianews\.nvidia\.com)\//);
      expect(row.note, row.id).toMatch(/^.*Research row cited /s);
    }
  });

  it("verified NVIDIA revenue rows quote the number they hold", () => {
    // a quote in millions holds the value with thousands separators; one in billions holds it to one decimal
    const figures = FIGURES.filter((fig) => fig.primary?.verified === true && fig.value !== 0);
    for (const fig of figures) {
      const millions = fig.unit === "USD_million" ? fig.value : fig.value * 1000;
      const inMillions = millions.toLocaleString("en-US");
      const inBillions = `$${(millions / 1000).toFixed(1)} billion`;
      const stated = fig.quote.includes(inMillions) || fig.quote.includes(inBillions);
      // Q3 FY2026 revenue is kept as the release's $57.0 billion; the 10-Q states 57,006 million
      expect(stated || (fig.id === "nvda_total_rev_q3fy26" && fig.quote.includes("57,006")), fig.id).toBe(
        true,
      );
    }
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

  it("every percent-type value lies within 0..100, except Bernstein's supply surplus (a ratio, flagged)", () => {
    // percent units are shares, ratios to a reference chip or thresholds; the refresh's 2028 supply surplus
    // (104%, "metric undefined, use with caution") is the one value that may exceed 100
    const surplus = FIGURES.find((f) => f.id === "mkt_bernstein_supply_surplus_2028");
    expect(surplus?.value).toBe(104);
    for (const fig of FIGURES.filter((f) => f.unit.startsWith("percent") && f !== surplus)) {
      expect(fig.value, fig.id).toBeGreaterThanOrEqual(0);
      expect(fig.value, fig.id).toBeLessThanOrEqual(100);
    }
  });

  it("every event has a valid ISO date that agrees with an ISO asOf", () => {
    for (const ev of EVENTS) {
      expect(isIsoDate(ev.date), ev.id).toBe(true);
      // the event's date is the ISO asOf at the event's precision ("2026-08" for asOf "2026-08-28")
      if (isIsoDate(ev.asOf)) expect(ev.asOf.startsWith(ev.date), ev.id).toBe(true);
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

  it("DATASET_VERSION and DATASET_AS_OF name the refresh compilation date (figures-refresh-2026-12.md: 2026-12-02)", () => {
    expect(DATASET_VERSION).toBe("2026.12.2");
    expect(DATASET_AS_OF).toBe("2026-12-02");
  });

  it("NVIDIA China revenue reaches Q2 FY2027 on the customer-HQ basis, with the basis on every row", () => {
    // figures-refresh-2026-12.md: Q2 FY27 $7,880M; H1 FY27 $12,430M; Q1 FY27 $4,550M (= 12,430 − 7,880)
    const byId = (id: string) => FIGURES.find((f) => f.id === id);
    expect(byId("nvda_china_rev_q2fy27_hq")).toMatchObject({
      value: 7880,
      unit: "USD_million",
      basis: "customerHq",
    });
    expect(byId("nvda_china_rev_h1fy27_hq")?.value).toBe(12430);
    expect(byId("nvda_china_rev_q1fy27")?.value).toBe(12430 - 7880);
    for (const fig of FIGURES.filter((f) => f.category === "nvidia_china_revenue")) {
      expect(fig.basis, fig.id).toBeDefined();
    }
  });

  it("conflicting estimates are kept side by side, each pointing at the other in its note", () => {
    const note = (id: string) => FIGURES.find((f) => f.id === id)?.note ?? "";
    expect(note("nvda_china_rev_q2fy26")).toContain("nvda_china_rev_q2fy26_hq_recast");
    expect(note("mkt_analysts_nvda_share_2025")).toContain("mkt_bernstein_nvda_share_2025");
    expect(note("mkt_trendforce_import_share_2025")).toContain("mkt_trendforce_foreign_share_2025_revised");
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

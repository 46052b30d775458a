import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProvenanceEntry, RawFigureRow } from "../../src/figures/convert";
import { convertFigures, eventDate, normaliseSourceDate, normaliseUrl } from "../../src/figures/convert";
import committed from "../../src/figures/data/dataset.json";

/** The research files kept in the repository (data/research/), the import script's inputs. */
function research<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/research/${name}`, import.meta.url), "utf8")) as T;
}
const originalRows = research<RawFigureRow[]>("figures.json");
const refreshRows = research<RawFigureRow[]>("figures-refresh-2026-12.json");
const rawRows = [...originalRows, ...refreshRows];
const review = new Map(Object.entries(research<Record<string, ProvenanceEntry>>("provenance.json")));
const dataset = convertFigures(rawRows, review);
const converted = new Map([...dataset.figures, ...dataset.events].map((row) => [row.id, row]));

describe("normaliseUrl(url) / normaliseSourceDate(date)", () => {
  it("normaliseUrl(url) upgrades http:// to https:// and maps an empty URL to null", () => {
    expect(normaliseUrl("http://podam.pl/viewer.php?id=1")).toBe("https://podam.pl/viewer.php?id=1");
    expect(normaliseUrl("HTTP://example.com")).toBe("https://example.com");
    expect(normaliseUrl("  ")).toBeNull();
    expect(normaliseUrl("https://sec.gov/x")).toBe("https://sec.gov/x");
  });

  it("normaliseSourceDate(date) maps 'n.d.' to null and keeps ISO dates", () => {
    expect(normaliseSourceDate("n.d.")).toBeNull();
    expect(normaliseSourceDate("2025-12")).toBe("2025-12");
  });
});

describe("eventDate(value, unit, asOf)", () => {
  it("eventDate(value, unit, asOf) decodes yyyymmdd and yyyymm", () => {
    expect(eventDate(20221007, "date_yyyymmdd", "2022-10-07")).toEqual({
      date: "2022-10-07",
      datePrecision: "day",
    });
    expect(eventDate(202211, "date_yyyymm", "2022-11")).toEqual({ date: "2022-11", datePrecision: "month" });
  });

  it("eventDate(value, unit, asOf) maps a decimal quarter start to the quarter's first month", () => {
    // hand-computed: 2024.25 → 0.25 × 4 + 1 = Q2 → first month (2 − 1) × 3 + 1 = April
    expect(eventDate(2024.25, "calendar_quarter_start", "Q2 2024")).toEqual({
      date: "2024-04",
      datePrecision: "quarter",
    });
    // hand-computed: 2025.75 → Q4 → October
    expect(eventDate(2025.75, "calendar_quarter_start", "Q4 2025").date).toBe("2025-10");
  });

  it("eventDate(value, unit, asOf) dates an NVIDIA fiscal quarter in the calendar year before the FY", () => {
    // FIGURES.md: FY2026 = Feb 2025 – Jan 2026, so Q3 FY2026 starts in month 2 + 3 × 2 = August 2025
    expect(eventDate(2026, "fiscal_year", "Q3 FY2026")).toEqual({
      date: "2025-08",
      datePrecision: "quarter",
    });
    // FY2026 without a quarter: eleven of its months are in calendar 2025
    expect(eventDate(2026, "fiscal_year", "FY2026")).toEqual({ date: "2025", datePrecision: "year" });
  });

  it("eventDate(value, unit, asOf) throws when asOf names a different fiscal year (research-file bug)", () => {
    expect(() => eventDate(2026, "fiscal_year", "Q3 FY2025")).toThrow(/FY2025/);
  });
});

describe("convertFigures(rows)", () => {
  it("convertFigures(rows) round-trips both research files: 228 + 113 rows = figures + events, ids unchanged", () => {
    // FIGURES.md: 228 cited rows, 13 of them with a date unit; figures-refresh-2026-12.md: 113 rows, of which
    // 3 date_yyyymm + 3 date_yyyymmdd + 2 calendar_quarter_start carry a date unit
    expect(originalRows).toHaveLength(228);
    expect(refreshRows).toHaveLength(113);
    expect(dataset.figures.length + dataset.events.length).toBe(341);
    expect(dataset.events).toHaveLength(13 + 8);
    expect([...converted.keys()].sort()).toEqual(rawRows.map((row) => row.id).sort());
  });

  it("convertFigures(rows) keeps every quote, note, confidence, title and publisher verbatim", () => {
    for (const raw of rawRows) {
      const row = converted.get(raw.id)!;
      // the note keeps the researcher's text first; review notes and a non-geographic basis are appended
      if (raw.note !== undefined && raw.note !== "")
        expect(row.note?.startsWith(raw.note), raw.id).toBe(true);
      expect(row.confidence).toBe(raw.confidence);
      expect(row.label).toBe(raw.label);
      expect(row.asOf).toBe(raw.as_of);
      if (review.get(raw.id)?.quote !== undefined) {
        // a verified primary's own words replace the researcher's quote, which the note keeps verbatim
        expect(row.note, raw.id).toContain(`"${raw.quote}"`);
        continue;
      }
      expect(row.quote).toBe(raw.quote);
      expect(row.source.title).toBe(raw.source.title);
      expect(row.source.publisher).toBe(raw.source.publisher);
    }
  });

  it("convertFigures(rows) keeps numeric values and the original encoding of event dates", () => {
    for (const raw of rawRows) {
      const row = converted.get(raw.id)!;
      if ("datePrecision" in row) {
        expect(row.sourceValue).toBe(raw.value);
        expect(row.sourceUnit).toBe(raw.unit);
      } else {
        expect(row.value).toBe(raw.value);
        expect(row.unit).toBe(raw.unit);
      }
    }
  });

  it("convertFigures(rows) upgrades the two http:// sources and nulls the one empty URL", () => {
    expect(converted.get("ec_2025_q1_h20_orders")?.source.url).toBe(
      "https://podam.pl/viewer.php?id=101127384",
    );
    expect(converted.get("ec_2026_01_28_h200_approvals")?.source.url).toBe(
      "https://www.idcnova.com/html/1/59/153/5022.html",
    );
    expect(converted.get("nvda_china_rev_q1fy27")?.source.url).toBeNull();
  });

  it("convertFigures(rows) matches the committed src/figures/data/dataset.json (re-run the import if not)", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(dataset)));
  });

  it("convertFigures(rows) throws naming the row when a China revenue row has no decidable basis", () => {
    const row = { ...rawRows[0]!, id: "nvda_china_rev_mystery", as_of: "someday" };
    expect(() => convertFigures([row])).toThrow(/nvda_china_rev_mystery/);
  });

  it("convertFigures(rows) throws (zod) on a row with a unit outside the closed list", () => {
    const row = { ...rawRows[0]!, category: "nvidia_financials", unit: "USD_trillion" };
    expect(() => convertFigures([row])).toThrow(/unit/);
  });

  it("convertFigures(rows) classifies by host: sec.gov is a filing, a GitHub copy is secondary", () => {
    // data/research/figures.json: nvda_total_rev_fy2020 links sec.gov R41.htm; nvda_total_rev_fy2024 a GitHub file
    expect(converted.get("nvda_total_rev_fy2020")?.evidence).toBe("filing");
    // nvda_total_rev_fy2023 links a mirror (beatandraise.com) nobody re-read: secondary
    expect(converted.get("nvda_total_rev_fy2023")?.evidence).toBe("secondary");
    // Tom's Hardware on its own site is press
    expect(converted.get("h20_bf16")?.evidence).toBe("press");
  });

  it("convertFigures(rows) throws naming the row when a filing lacks its primary reference", () => {
    const sec = rawRows.find((row) => row.id === "nvda_total_rev_fy2020")!;
    expect(() => convertFigures([sec])).toThrow(/nvda_total_rev_fy2020.*primary/);
  });

  it("convertFigures(rows) marks a row with no URL and no primary reference unpublished", () => {
    // figures-refresh-2026-12.json: mkt_keybanc_china_demand has url "" and no primary named in its note
    expect(converted.get("mkt_keybanc_china_demand")).toMatchObject({
      unpublished: true,
      evidence: "secondary",
    });
    // nvda_china_rev_q1fy27 has no source URL but the review names the Q1 FY2027 10-Q on EDGAR
    const q1 = converted.get("nvda_china_rev_q1fy27")!;
    expect(q1.unpublished).toBeUndefined();
    expect(q1.primary?.url).toMatch(
      /^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/1045810\/000104581026000052\//,
    );
  });

  it("convertFigures(rows, review) replaces quote and source with a verified primary's, keeping the research in the note", () => {
    const raw = rawRows.find((row) => row.id === "nvda_total_rev_fy2024")!;
    const primary = {
      issuer: "NVIDIA Corporation",
      form: "10-K",
      period: "FY2026",
      section: "Segment Information",
      url: "https://www.sec.gov/Archives/edgar/data/1045810/000104581026000021/R42.htm",
      verified: true,
      checkedCopy: "https://example.org/copy-of-R42",
    };
    const source = { title: "Form 10-K", publisher: "NVIDIA Corporation", url: primary.url, date: null };
    const entry: ProvenanceEntry = { evidence: "filing", primary, quote: "Revenue $ 60,922", source };
    const [row] = convertFigures([raw], new Map([[raw.id, entry]])).figures;
    expect(row).toMatchObject({ quote: "Revenue $ 60,922", source, evidence: "filing", primary });
    expect(row?.note).toContain(raw.source.url);
    expect(row?.note).toContain(`"${raw.quote}"`);
  });

  it("convertFigures(rows, review) throws when a replacement quote has no verified primary, or a source no quote", () => {
    const raw = rawRows.find((row) => row.id === "nvda_total_rev_fy2024")!;
    const unverified = { ...review.get(raw.id)!.primary!, verified: false };
    delete (unverified as { checkedCopy?: string }).checkedCopy;
    const quoted: ProvenanceEntry = { evidence: "filing", primary: unverified, quote: "Revenue $ 60,922" };
    expect(() => convertFigures([raw], new Map([[raw.id, quoted]]))).toThrow(
      /nvda_total_rev_fy2024.*verified/,
    );
    const sourced: ProvenanceEntry = {
      evidence: "filing",
      primary: review.get(raw.id)!.primary!,
      source: { title: "t", publisher: "p", url: "https://www.sec.gov/x", date: null },
    };
    expect(() => convertFigures([raw], new Map([[raw.id, sourced]]))).toThrow(/nvda_total_rev_fy2024.*quote/);
  });

  it("convertFigures(rows) throws when the review names a row that does not exist", () => {
    expect(() => convertFigures([rawRows[0]!], new Map([["no_such_row", { note: "x" }]]))).toThrow(
      /no_such_row/,
    );
  });

  it("convertFigures(rows) takes the basis the refresh row states and keeps a non-geographic basis in words", () => {
    // "recast to customer-HQ basis" for a Q2 FY2026 period, which the period rule alone would call billing
    expect(converted.get("nvda_china_rev_q2fy26_hq_recast")).toMatchObject({
      basis: "customerHq",
      value: 3985,
    });
    expect(converted.get("nvda_hopper_china_ship_q1fy27")).toMatchObject({
      basisNote: expect.stringMatching(
        /^Basis stated by the source: product shipments to China; not a geographic revenue split/,
      ) as unknown,
    });
    // a basis outside the China revenue/share categories goes into the note
    expect(converted.get("nvda_q3fy27_guidance")?.note).toContain(
      "Basis: outlook excludes China data-center compute.",
    );
  });
});

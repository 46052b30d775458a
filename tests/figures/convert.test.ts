import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RawFigureRow } from "../../src/figures/convert";
import { convertFigures, eventDate, normaliseSourceDate, normaliseUrl } from "../../src/figures/convert";
import committed from "../../src/figures/data/dataset.json";

/** A verbatim copy of /work/shared/data/figures.json (the research file), so the round trip runs in CI. */
const rawRows = JSON.parse(
  readFileSync(new URL("./fixtures/figures.json", import.meta.url), "utf8"),
) as RawFigureRow[];
const dataset = convertFigures(rawRows);
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
  it("convertFigures(rows) round-trips the shared file: 228 rows = figures + events, ids unchanged", () => {
    // FIGURES.md / figures.json: 228 cited rows; 13 of them carry a date unit
    expect(rawRows).toHaveLength(228);
    expect(dataset.figures.length + dataset.events.length).toBe(228);
    expect(dataset.events).toHaveLength(13);
    expect([...converted.keys()].sort()).toEqual(rawRows.map((row) => row.id).sort());
  });

  it("convertFigures(rows) keeps every quote, note, confidence, title and publisher verbatim", () => {
    for (const raw of rawRows) {
      const row = converted.get(raw.id)!;
      expect(row.quote).toBe(raw.quote);
      expect(row.note).toBe(raw.note);
      expect(row.confidence).toBe(raw.confidence);
      expect(row.label).toBe(raw.label);
      expect(row.asOf).toBe(raw.as_of);
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
});

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { FigureSchema, TimelineEventSchema, isIsoDate } from "../../src/figures/schema";

const validFigure = {
  id: "demo_share_2025",
  label: "Demo share, 2025",
  value: 41,
  unit: "percent",
  asOf: "2025",
  entity: "Demo",
  category: "market_size_share",
  source: { title: "A title", publisher: "A publisher", url: "https://example.com/a", date: "2025-08-11" },
  quote: "about 41% of the market",
  confidence: "estimate",
  evidence: "analyst",
};

/** Dotted paths of the fields a ZodError complains about, e.g. ["source.url"]. */
function failingPaths(input: unknown, schema: z.ZodType = FigureSchema): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join("."));
}

describe("isIsoDate(text)", () => {
  it("isIsoDate(text) rejects non-dates, month 13, day 32 and 29 February of a common year", () => {
    expect(isIsoDate("n.d.")).toBe(false);
    expect(isIsoDate("2025/08/11")).toBe(false);
    expect(isIsoDate("2025-13")).toBe(false);
    expect(isIsoDate("2025-01-32")).toBe(false);
    expect(isIsoDate("2025-02-29")).toBe(false); // 2025 is not divisible by 4
    expect(isIsoDate("1900-02-29")).toBe(false); // century not divisible by 400
  });

  it("isIsoDate(text) accepts year, month and day precision and leap days", () => {
    expect(isIsoDate("2025")).toBe(true);
    expect(isIsoDate("2025-08")).toBe(true);
    expect(isIsoDate("2025-08-11")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true); // 2024 divisible by 4
    expect(isIsoDate("2000-02-29")).toBe(true); // divisible by 400
  });
});

describe("FigureSchema", () => {
  it("FigureSchema rejects a row whose unit is outside the closed list, naming the field", () => {
    expect(failingPaths({ ...validFigure, unit: "furlongs" })).toEqual(["unit"]);
  });

  it("FigureSchema rejects an http:// URL, naming source.url", () => {
    const row = { ...validFigure, source: { ...validFigure.source, url: "http://example.com/a" } };
    expect(failingPaths(row)).toEqual(["source.url"]);
  });

  it("FigureSchema rejects a non-ISO source date, naming source.date", () => {
    const row = { ...validFigure, source: { ...validFigure.source, date: "Aug 2025" } };
    expect(failingPaths(row)).toEqual(["source.date"]);
  });

  it("FigureSchema rejects a non-finite value and an unknown confidence", () => {
    expect(failingPaths({ ...validFigure, value: Number.POSITIVE_INFINITY })).toEqual(["value"]);
    expect(failingPaths({ ...validFigure, confidence: "unverified" })).toEqual(["confidence"]);
  });

  it("FigureSchema rejects a basis without its basisNote and an unknown extra field", () => {
    expect(failingPaths({ ...validFigure, basis: "customerHq" })).toEqual(["basisNote"]);
    expect(failingPaths({ ...validFigure, as_of: "2025" })).toEqual([""]);
  });

  it("FigureSchema accepts a valid row, an unpublished row without URL and an undated source", () => {
    expect(failingPaths(validFigure)).toEqual([]);
    const source = { ...validFigure.source, url: null, date: null };
    expect(failingPaths({ ...validFigure, source, unpublished: true })).toEqual([]);
  });

  it("FigureSchema: a row without any URL must be marked unpublished, and a row with one must not", () => {
    const noUrl = { ...validFigure, source: { ...validFigure.source, url: null } };
    expect(failingPaths(noUrl)).toEqual(["unpublished"]);
    expect(failingPaths({ ...validFigure, unpublished: true })).toEqual(["unpublished"]);
  });

  const primary = {
    issuer: "NVIDIA Corporation",
    form: "10-Q",
    period: "Q2 FY2027",
    section: "Revenue by geographic area",
    url: "https://www.sec.gov/Archives/edgar/data/1045810/000104581026000075/nvda-20260726.htm",
    verified: false,
  };

  it("FigureSchema: filing, company and regulator evidence need a primary reference; press does not", () => {
    for (const evidence of ["filing", "company", "regulator"]) {
      expect(failingPaths({ ...validFigure, evidence }), evidence).toEqual(["primary"]);
      expect(failingPaths({ ...validFigure, evidence, primary }), evidence).toEqual([]);
    }
    expect(failingPaths({ ...validFigure, evidence: "press" })).toEqual([]);
    expect(failingPaths({ ...validFigure, evidence: "rumour" })).toEqual(["evidence"]);
  });

  it("FigureSchema: a primary URL is enough for a row whose source has none", () => {
    const noUrl = { ...validFigure, source: { ...validFigure.source, url: null } };
    expect(failingPaths({ ...noUrl, evidence: "secondary", primary })).toEqual([]);
  });

  it("PrimaryReference: verified names the checked copy; the URL is https", () => {
    const verified = { ...primary, verified: true };
    expect(failingPaths({ ...validFigure, primary: verified })).toEqual(["primary.checkedCopy"]);
    const checked = { ...verified, checkedCopy: "https://github.com/o/r/blob/abc/10q.txt" };
    expect(failingPaths({ ...validFigure, primary: checked })).toEqual([]);
    expect(failingPaths({ ...validFigure, primary: { ...primary, url: "http://sec.gov/x" } })).toEqual([
      "primary.url",
    ]);
  });
});

describe("TimelineEventSchema", () => {
  const validEvent = {
    id: "demo_event",
    label: "Demo rule",
    date: "2022-10-07",
    datePrecision: "day",
    asOf: "2022-10-07",
    entity: "U.S. BIS",
    category: "export_controls",
    source: validFigure.source,
    quote: "a rule",
    confidence: "reported",
    evidence: "regulator",
    primary: {
      issuer: "U.S. BIS",
      form: "Press release",
      period: "2022-10-07",
      section: "Announcement",
      url: "https://bis.gov/press-release/x",
      verified: false,
    },
    sourceValue: 20221007,
    sourceUnit: "date_yyyymmdd",
  };

  it("TimelineEventSchema rejects a date whose length contradicts datePrecision, naming date", () => {
    expect(failingPaths({ ...validEvent, datePrecision: "month" }, TimelineEventSchema)).toEqual(["date"]);
  });

  it("TimelineEventSchema rejects an invalid calendar date, naming date", () => {
    expect(failingPaths({ ...validEvent, date: "2022-02-30" }, TimelineEventSchema)).toContain("date");
  });

  it("TimelineEventSchema accepts a valid event", () => {
    expect(failingPaths(validEvent, TimelineEventSchema)).toEqual([]);
  });
});

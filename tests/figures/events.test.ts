import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "../../src/figures";
import { EVENTS, eventPeriod, listEvents } from "../../src/figures";
import { isModelError } from "../../src/model/errors";

function ids(result: unknown): string[] {
  if (!Array.isArray(result)) throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return (result as TimelineEvent[]).map((ev) => ev.id);
}

describe("listEvents(from, to)", () => {
  it("listEvents(from, to) rejects a malformed bound with invalidInput", () => {
    expect(listEvents("2025-13-01")).toMatchObject({ code: "invalidInput" });
    expect(listEvents(undefined, "last year")).toMatchObject({ code: "invalidInput" });
  });

  it("listEvents(from, to) rejects from after to with invalidInput", () => {
    expect(listEvents("2025-02-01", "2025-01-31")).toMatchObject({ code: "invalidInput" });
  });

  it("listEvents() returns every event sorted by date", () => {
    const all = listEvents();
    expect(isModelError(all)).toBe(false);
    expect(ids(all)).toHaveLength(EVENTS.length);
    const starts = (all as TimelineEvent[]).map((ev) => eventPeriod(ev).start);
    expect(starts).toEqual([...starts].sort());
    // figures.json: the earliest dated event is the 2022-08-26 A100/H100 license requirement
    expect(ids(all)[0]).toBe("ec_2022_08_26_a100_h100_license");
  });

  it("listEvents(from, to) includes both bounds", () => {
    expect(ids(listEvents("2023-10-17", "2023-10-23"))).toEqual([
      "ec_2023_10_17_ifr",
      "ec_2023_10_23_immediate",
    ]);
  });

  it("listEvents(from, to) keeps a month-dated event whose month overlaps the range", () => {
    // ec_2022_11_a800_h800 is dated 2022-11 (month precision): it overlaps 2022-11-15..2022-12-31
    expect(ids(listEvents("2022-11-15", "2022-12-31"))).toEqual(["ec_2022_11_a800_h800"]);
  });

  it("listEvents(from, to) reads a year bound as the whole year", () => {
    // figures.json events in 2025: diffusion rule 01-15, H20 licence 04-09, basis change Q3 FY2026 (2025-08), CAC 09-17
    expect(ids(listEvents("2025", "2025"))).toEqual([
      "ec_2025_01_15_diffusion_rule",
      "ec_2025_04_09_h20_license",
      "nvda_geo_basis_change",
      "ec_2025_09_17_cac_6000d",
    ]);
  });
});

describe("eventPeriod(event)", () => {
  it("eventPeriod(event) spans a quarter, a month, a day and a year", () => {
    // hand-computed: Q2 2024 = April 1 .. June 30
    expect(eventPeriod({ date: "2024-04", datePrecision: "quarter" })).toEqual({
      start: "2024-04-01",
      end: "2024-06-30",
    });
    // hand-computed: a fiscal quarter starting November ends in January of the next year
    expect(eventPeriod({ date: "2025-11", datePrecision: "quarter" })).toEqual({
      start: "2025-11-01",
      end: "2026-01-31",
    });
    expect(eventPeriod({ date: "2024-02", datePrecision: "month" })).toEqual({
      start: "2024-02-01",
      end: "2024-02-29", // 2024 is a leap year
    });
    expect(eventPeriod({ date: "2022-10-07", datePrecision: "day" })).toEqual({
      start: "2022-10-07",
      end: "2022-10-07",
    });
    expect(eventPeriod({ date: "2025", datePrecision: "year" })).toEqual({
      start: "2025-01-01",
      end: "2025-12-31",
    });
  });
});

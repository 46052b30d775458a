/**
 * The export-control timeline: events filtered by date and sorted. An event dated to a month, quarter or year
 * covers that whole period, and is listed when the period overlaps the requested range.
 */
import type { ModelError } from "../model/errors";
import { modelError } from "../model/errors";
import { EVENTS } from "./dataset";
import type { TimelineEvent } from "./schema";
import { daysInMonth, isIsoDate } from "./schema";

/**
 * Events whose period overlaps [from, to] (inclusive ISO dates, either may be omitted; "2025" and "2025-08"
 * mean the whole year or month), sorted by start date then id.
 * @returns events, or ModelError invalidInput for a malformed date or from after to
 * @example listEvents("2022-10-01", "2022-12-31").map((e) => e.id) → ["ec_2022_10_07_bis_rule", "ec_2022_11_a800_h800"]
 */
export function listEvents(
  from?: string,
  to?: string,
  events: readonly TimelineEvent[] = EVENTS,
): TimelineEvent[] | ModelError {
  const lower = boundOf("from", from);
  if (typeof lower === "object") return lower;
  const upper = boundOf("to", to);
  if (typeof upper === "object") return upper;
  const start = lower === undefined ? undefined : periodOf(lower).start;
  const end = upper === undefined ? undefined : periodOf(upper).end;
  if (start !== undefined && end !== undefined && start > end) {
    return modelError("invalidInput", `from must not be after to, got ${lower} > ${upper}`);
  }
  return events
    .map((event) => ({ event, period: eventPeriod(event) }))
    .filter(
      ({ period }) =>
        (start === undefined || period.end >= start) && (end === undefined || period.start <= end),
    )
    .sort((a, b) => compareText(a.period.start, b.period.start) || compareText(a.event.id, b.event.id))
    .map(({ event }) => event);
}

/**
 * First and last day an event's date covers, as YYYY-MM-DD.
 * @example eventPeriod({ date: "2024-04", datePrecision: "quarter", … }) → { start: "2024-04-01", end: "2024-06-30" }
 */
export function eventPeriod(event: Pick<TimelineEvent, "date" | "datePrecision">): {
  start: string;
  end: string;
} {
  if (event.datePrecision !== "quarter") return periodOf(event.date);
  const { start } = periodOf(event.date);
  const year = Number(start.slice(0, 4));
  const lastMonth = Number(start.slice(5, 7)) + 2;
  const endYear = lastMonth > 12 ? year + 1 : year;
  const endMonth = lastMonth > 12 ? lastMonth - 12 : lastMonth;
  return { start, end: `${endYear}-${pad2(endMonth)}-${pad2(daysInMonth(endYear, endMonth))}` };
}

function boundOf(name: "from" | "to", text: string | undefined): string | undefined | ModelError {
  if (text === undefined || text.trim() === "") return undefined;
  const trimmed = text.trim();
  if (!isIsoDate(trimmed)) {
    return modelError(
      "invalidInput",
      `${name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got "${text}"`,
    );
  }
  return trimmed;
}

/** A reduced-precision ISO date as the span of days it names: "2025-02" → 2025-02-01 … 2025-02-28. */
function periodOf(date: string): { start: string; end: string } {
  const [yearText = "", monthText, dayText] = date.split("-");
  const year = Number(yearText);
  if (monthText === undefined) return { start: `${yearText}-01-01`, end: `${yearText}-12-31` };
  if (dayText === undefined) {
    const last = daysInMonth(year, Number(monthText));
    return { start: `${yearText}-${monthText}-01`, end: `${yearText}-${monthText}-${pad2(last)}` };
  }
  return { start: date, end: date };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reported quarters (DESIGN.md §4.5): a period "Qn FYyyyy" (n = 1..4) belongs to calendar year y = yyyy − 1
 * (NVIDIA's fiscal year ends in late January), so t = y − baseYear. Per year t the projection needs
 * k_t (how many quarters are reported, 0..4) and A_t (their sum, USD bn).
 */
import type { ReportedQuarter } from "./types";

/** A parsed "Qn FYyyyy" period. */
export interface QuarterPeriod {
  /** n, 1..4. */
  readonly quarter: number;
  /** yyyy, e.g. 2027. */
  readonly fiscalYear: number;
  /** yyyy − 1: the calendar year the quarter belongs to. */
  readonly calendarYear: number;
}

const PERIOD_PATTERN = /^Q(\d{1,2}) FY(\d{4})$/;

/**
 * Parses a quarter label.
 *
 * @param text e.g. "Q2 FY2027"
 * @returns the period, or a problem in words (no trailing period) when the text is not "Qn FYyyyy", n = 1..4
 * @example parseQuarterPeriod("Q2 FY2027") // → { quarter: 2, fiscalYear: 2027, calendarYear: 2026 }
 * @example parseQuarterPeriod("Q5 FY2027") // → "quarter must be Q1..Q4"
 */
export function parseQuarterPeriod(text: string): QuarterPeriod | string {
  const known = parsedPeriods.get(text);
  if (known !== undefined) return known;
  const parsed = parsePeriodText(text);
  if (text.length > 16) return parsed; // only short, well-formed-looking texts are worth keeping
  if (parsedPeriods.size >= 256) parsedPeriods.clear();
  parsedPeriods.set(text, parsed);
  return parsed;
}

/** Periods already parsed (validation and the kernel parse the same few, every projection). */
const parsedPeriods = new Map<string, Readonly<QuarterPeriod> | string>();

function parsePeriodText(text: string): Readonly<QuarterPeriod> | string {
  const match = PERIOD_PATTERN.exec(text);
  if (match === null) return 'period must look like "Q2 FY2027" (quarter Q1..Q4, fiscal year FYyyyy)';
  const quarter = Number(match[1]);
  const fiscalYear = Number(match[2]);
  if (quarter < 1 || quarter > 4) return "quarter must be Q1..Q4";
  return Object.freeze({ quarter, fiscalYear, calendarYear: fiscalYear - 1 });
}

/**
 * Fills k_t (count) and A_t (sum, USD bn) for t = 0..count.length − 1 from a validated list of reported quarters.
 * Entries outside the years are ignored (validation rejects them).
 *
 * @param reported the scenario's reported quarters (or undefined: nothing reported)
 * @param baseYear calendar year of t = 0
 * @param count receives k_t
 * @param sum receives A_t, summed in list order
 * @example fillReportedByYear([{ period: "Q1 FY2027", value: 4.55 }], 2025, k, a); k[1] // → 1
 */
export function fillReportedByYear(
  reported: readonly ReportedQuarter[] | undefined,
  baseYear: number,
  count: Float64Array,
  sum: Float64Array,
): void {
  for (let t = 0; t < count.length; t++) count[t] = 0; // a loop: `fill` is a builtin call, slower for ~10 entries
  for (let t = 0; t < sum.length; t++) sum[t] = 0;
  if (reported === undefined) return;
  for (const entry of reported) {
    const period = parseQuarterPeriod(entry.period);
    if (typeof period === "string") continue;
    const t = period.calendarYear - baseYear;
    if (t < 0 || t >= count.length) continue;
    count[t] = count[t]! + 1;
    sum[t] = sum[t]! + entry.value;
  }
}

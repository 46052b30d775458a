/**
 * The cited dataset's contract: zod schemas for numeric figures, dated timeline events and the dataset that
 * holds both. `dataset.ts` validates the shipped `data/dataset.json` against `DatasetSchema` once at load, so a
 * malformed row is a bug that surfaces immediately rather than a wrong number in a workbook.
 */
import { z } from "zod";

/** Every numeric unit present in the source data (closed: a new unit must be added here on purpose). */
export const FIGURE_UNITS = [
  "USD_billion",
  "USD_million",
  "USD_billion_per_year",
  "USD_per_unit",
  "CNY_billion",
  "CNY_million",
  "percent",
  "percent_of_A100",
  "percent_of_B300",
  "percent_of_H100",
  "percent_of_US_volume",
  "percent_of_sales",
  "percent_reduction",
  "percent_complete_threshold",
  "percent_upper_bound",
  "units",
  "chips",
  "cards",
  "accelerator_cards",
  "dies",
  "wafers_per_month",
  "TFLOPS",
  "PFLOPS",
  "EFLOPS",
  "TPP",
  "GB",
  "GB_per_s",
  "TB_per_s",
  "W",
  "kW",
  "billion_transistors",
  "x_H20",
  "x_810E",
  "ratio_to_H20",
] as const;

/** Units whose value is a percentage (of total, of a reference chip, of a volume…): value / 100 is a fraction. */
export const PERCENT_UNITS: readonly FigureUnit[] = FIGURE_UNITS.filter((unit) => unit.startsWith("percent"));

/** Source units that encode a date rather than a quantity; rows with these become timeline events. */
export const EVENT_SOURCE_UNITS = [
  "date_yyyymmdd",
  "date_yyyymm",
  "calendar_quarter_start",
  "fiscal_year",
] as const;

export const CONFIDENCES = ["company_filing", "reported", "estimate"] as const;
export const GEOGRAPHY_BASES = ["billingLocation", "customerHq"] as const;
export const DATE_PRECISIONS = ["day", "month", "quarter", "year"] as const;

export type FigureUnit = (typeof FIGURE_UNITS)[number];
export type EventSourceUnit = (typeof EVENT_SOURCE_UNITS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type GeographyBasis = (typeof GEOGRAPHY_BASES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * True for a valid ISO 8601 calendar date of reduced or full precision: "2025", "2025-08", "2025-08-11"
 * (month 01–12, day within the month, leap years honoured).
 */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const isoDate = z
  .string()
  .refine(isIsoDate, { message: "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" });

export const SourceSchema = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    /** https only; null when the source gave no address (the publisher field says why). */
    url: z.url({ protocol: /^https$/ }).nullable(),
    /** Publication date at the precision the source gives; null for "n.d." (undated spec sheets). */
    date: isoDate.nullable(),
  })
  .strict()
  .readonly();

const rowId = z.string().regex(/^[a-z0-9_]+$/, "ids are lower-case snake_case");
const rowLabel = z.string().min(1);

/** Fields every cited row has besides id and label. */
const citedRow = {
  /** Period or moment the row describes, as the source states it ("FY2025 (ended 2025-01-26)", "Q3 FY2026"). */
  asOf: z.string().min(1),
  entity: z.string().min(1),
  category: z.string().min(1),
  source: SourceSchema,
  /** Verbatim quote from the source. */
  quote: z.string().min(1),
  confidence: z.enum(CONFIDENCES),
  note: z.string().min(1).optional(),
};

export const FigureSchema = z
  .object({
    // id, label, value, unit lead so dataset.json reads in the order an analyst scans a row.
    id: rowId,
    label: rowLabel,
    value: z.number().finite(),
    unit: z.enum(FIGURE_UNITS),
    ...citedRow,
    /** NVIDIA geography basis; present exactly on nvidia_china_revenue / nvidia_china_share rows. */
    basis: z.enum(GEOGRAPHY_BASES).optional(),
    basisNote: z.string().min(1).optional(),
  })
  .strict()
  .refine((fig) => (fig.basis === undefined) === (fig.basisNote === undefined), {
    message: "basis and basisNote go together",
    path: ["basisNote"],
  })
  .readonly();

export const TimelineEventSchema = z
  .object({
    id: rowId,
    label: rowLabel,
    /**
     * ISO date at `datePrecision`: day "2022-10-07", month "2022-11", year "2025". For "quarter" it is the
     * first month of the three-month period ("2024-04" = Q2 2024).
     */
    date: isoDate,
    datePrecision: z.enum(DATE_PRECISIONS),
    ...citedRow,
    /** The source row's original encoding, kept for traceability (20221007 / "date_yyyymmdd"). */
    sourceValue: z.number().finite(),
    sourceUnit: z.enum(EVENT_SOURCE_UNITS),
  })
  .strict()
  .refine((ev) => ev.date.length === expectedDateLength(ev.datePrecision), {
    message: "date does not match datePrecision",
    path: ["date"],
  })
  .readonly();

export const DatasetSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,2}$/),
    asOf: isoDate,
    figures: z.array(FigureSchema).readonly(),
    events: z.array(TimelineEventSchema).readonly(),
  })
  .strict()
  .readonly();

export type Source = z.infer<typeof SourceSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

function expectedDateLength(precision: DatePrecision): number {
  switch (precision) {
    case "day":
      return 10;
    case "month":
    case "quarter":
      return 7;
    case "year":
      return 4;
  }
}

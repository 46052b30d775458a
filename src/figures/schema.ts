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
  "x_950",
  "x_M890",
  "ratio_to_H20",
  "percent_of_H20",
  "CNY_per_unit",
  "wafers",
  "firms",
  "persons",
  "GW",
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

/**
 * What kind of source a figure rests on: `filing` (10-K/10-Q/8-K, prospectus, exchange filing), `company`
 * (results release, call transcript, official statement on the issuer's own site), `regulator` (BIS, Federal
 * Register, MOFCOM), `press` (a named outlet on its own site or a licensed partner's), `analyst` (a named
 * research house's own publication), `secondary` (a summary, digest, repost or unknown copy of one of those).
 */
export const EVIDENCE_CLASSES = ["filing", "company", "regulator", "press", "analyst", "secondary"] as const;
/** Evidence classes that originate in a filing or an official statement: they need a primary reference. */
export const PRIMARY_EVIDENCE: readonly EvidenceClass[] = ["filing", "company", "regulator"];
export const GEOGRAPHY_BASES = ["billingLocation", "customerHq"] as const;
export const DATE_PRECISIONS = ["day", "month", "quarter", "year"] as const;

export type FigureUnit = (typeof FIGURE_UNITS)[number];
export type EventSourceUnit = (typeof EVENT_SOURCE_UNITS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type EvidenceClass = (typeof EVIDENCE_CLASSES)[number];
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

/**
 * The filing or official statement a figure originates in. `verified` says whether the quote was checked
 * against a stored copy of the primary text (`checkedCopy` names that copy); false means only a secondary copy
 * was seen and the reference says where the primary is.
 */
export const PrimaryReferenceSchema = z
  .object({
    issuer: z.string().min(1),
    /** "10-K", "10-Q", "8-K (EX-99.1 press release)", "Federal Register rule", "half-year report"… */
    form: z.string().min(1),
    /** Period the primary covers, e.g. "FY2026 (ended 2026-01-25)", "Q2 FY2027". */
    period: z.string().min(1),
    /** Where in the primary: "Note 16 – Segment Information, revenue by geographic area". */
    section: z.string().min(1),
    /** EDGAR document, EDGAR filing index, Federal Register or issuer URL (https). */
    url: z.url({ protocol: /^https$/ }),
    verified: z.boolean(),
    /** The stored copy the quote was checked against (a URL or repository path); present when verified. */
    checkedCopy: z.string().min(1).optional(),
  })
  .strict()
  .refine((ref) => !ref.verified || ref.checkedCopy !== undefined, {
    message: "a verified primary reference names the copy it was checked against",
    path: ["checkedCopy"],
  })
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
  evidence: z.enum(EVIDENCE_CLASSES),
  primary: PrimaryReferenceSchema.optional(),
  /** True when neither the source nor a primary reference has a URL: the figure is unpublished (shown so). */
  unpublished: z.literal(true).optional(),
};

/** The URL a reader can follow: the source's, else the primary's; null for an unpublished figure. */
export function rowUrl(row: {
  readonly source: { readonly url: string | null };
  readonly primary?: { readonly url: string } | undefined;
}): string | null {
  return row.source.url ?? row.primary?.url ?? null;
}

type CitedFields = {
  readonly source: { readonly url: string | null };
  readonly evidence: EvidenceClass;
  readonly primary?: { readonly url: string } | undefined;
  readonly unpublished?: true | undefined;
};

/** Provenance rules every cited row obeys (dataset and user figures alike). */
function citedRowIssues(row: CitedFields, ctx: z.core.$RefinementCtx): void {
  if (PRIMARY_EVIDENCE.includes(row.evidence) && row.primary === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["primary"],
      message: `evidence "${row.evidence}" originates in a filing or official statement: give its primary reference`,
    });
  }
  if ((rowUrl(row) === null) !== (row.unpublished === true)) {
    ctx.addIssue({
      code: "custom",
      path: ["unpublished"],
      message: "a row without any URL is marked unpublished, and only such a row",
    });
  }
}

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
  .superRefine(citedRowIssues)
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
  .superRefine(citedRowIssues)
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
export type PrimaryReference = z.infer<typeof PrimaryReferenceSchema>;
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

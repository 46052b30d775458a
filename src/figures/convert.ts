/**
 * Converts the research file `figures.json` (snake_case rows, dates encoded as numbers) into the project's
 * dataset: numeric figures and dated timeline events, camelCase fields, https URLs, ISO source dates and the
 * NVIDIA geography basis on every China revenue/share row. Pure: the import script does the file I/O.
 */
import { BASIS_CATEGORIES, basisOf, basisNoteOf, statedBasis } from "./basis";
import { classifySource } from "./evidence";
import type {
  Dataset,
  DatePrecision,
  EventSourceUnit,
  EvidenceClass,
  Figure,
  PrimaryReference,
  Source,
  TimelineEvent,
} from "./schema";
import { DatasetSchema, EVENT_SOURCE_UNITS } from "./schema";

/** One row of the shared research file, as written by the researchers. */
export interface RawFigureRow {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly as_of: string;
  readonly entity: string;
  readonly category: string;
  readonly source: {
    readonly title: string;
    readonly publisher: string;
    readonly url: string;
    readonly date: string;
  };
  readonly quote: string;
  readonly confidence: string;
  readonly note?: string;
  /** Measurement basis in the researcher's words (refresh rows): "customer headquarters location", … */
  readonly basis?: string;
}

/** A reviewed row's provenance (data/research/provenance.json): overrides the host rule, adds the primary. */
export interface ProvenanceEntry {
  readonly evidence?: EvidenceClass;
  readonly primary?: PrimaryReference;
  /** Appended to the row's note: cross-references to conflicting rows, why the class was chosen. */
  readonly note?: string;
  /**
   * The primary's own words, read in the stored copy `primary.checkedCopy`: replaces the researcher's quote
   * (which then survives in the note). Only with a verified primary.
   */
  readonly quote?: string;
  /** The primary document itself as the source, replacing the digest the researcher cited. Only with `quote`. */
  readonly source?: Source;
}

/** Reviewed provenance by row id. */
export type ProvenanceReview = ReadonlyMap<string, ProvenanceEntry>;

export interface DatasetStamp {
  /** e.g. "2026.11.28" */
  readonly version: string;
  /** ISO date the research was compiled, e.g. "2026-11-28" */
  readonly asOf: string;
}

/**
 * The stamp of the research shipped with this version: FIGURES.md ("Compiled 2026-11-28") plus the refresh
 * figures-refresh-2026-12.md ("compiled 2026-12-02").
 */
export const CURRENT_STAMP: DatasetStamp = { version: "2026.12.2", asOf: "2026-12-02" };

/**
 * Builds and validates the dataset. Throws (with the row id) on a row it cannot convert: a bad research file
 * must be fixed at import time, never shipped.
 */
export function convertFigures(
  rows: readonly RawFigureRow[],
  review: ProvenanceReview = new Map(),
  stamp: DatasetStamp = CURRENT_STAMP,
): Dataset {
  const figures: Figure[] = [];
  const events: TimelineEvent[] = [];
  for (const row of rows) {
    const reviewed = review.get(row.id) ?? {};
    if (isEventUnit(row.unit)) events.push(toEvent(row, row.unit, reviewed));
    else figures.push(toFigure(row, reviewed));
  }
  const unused = [...review.keys()].filter((id) => !rows.some((row) => row.id === id));
  if (unused.length > 0) throw new Error(`provenance review names unknown rows: ${unused.join(", ")}`);
  const result = DatasetSchema.safeParse({ version: stamp.version, asOf: stamp.asOf, figures, events });
  if (!result.success) {
    const issue = result.error.issues[0];
    const [list, index] = issue?.path ?? [];
    const row =
      list === "figures" ? figures[Number(index)] : list === "events" ? events[Number(index)] : undefined;
    throw new Error(`row "${row?.id ?? "?"}": ${issue?.path.join(".")} ${issue?.message}`);
  }
  return result.data;
}

/** "http://x" → "https://x"; "" → null; anything else unchanged (the schema rejects non-https). */
export function normaliseUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === "") return null;
  return trimmed.replace(/^http:\/\//i, "https://");
}

/** "n.d." (or empty) → null; ISO dates pass through. */
export function normaliseSourceDate(date: string): string | null {
  const trimmed = date.trim();
  return trimmed === "" || /^n\.?d\.?$/i.test(trimmed) ? null : trimmed;
}

/**
 * Turns a date-encoded source value into an ISO date and its precision.
 * @example eventDate(20221007, "date_yyyymmdd", "2022-10-07") → { date: "2022-10-07", datePrecision: "day" }
 * @example eventDate(2024.25, "calendar_quarter_start", "Q2 2024") → { date: "2024-04", datePrecision: "quarter" }
 * @example eventDate(2026, "fiscal_year", "Q3 FY2026") → { date: "2025-08", datePrecision: "quarter" }
 */
export function eventDate(
  value: number,
  unit: EventSourceUnit,
  asOf: string,
): { date: string; datePrecision: DatePrecision } {
  switch (unit) {
    case "date_yyyymmdd": {
      const text = String(value);
      return { date: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`, datePrecision: "day" };
    }
    case "date_yyyymm": {
      const text = String(value);
      return { date: `${text.slice(0, 4)}-${text.slice(4, 6)}`, datePrecision: "month" };
    }
    case "calendar_quarter_start": {
      const year = Math.floor(value);
      const quarter = Math.round((value - year) * 4) + 1;
      return { date: `${year}-${pad2((quarter - 1) * 3 + 1)}`, datePrecision: "quarter" };
    }
    case "fiscal_year":
      return fiscalDate(value, asOf);
  }
}

function toFigure(row: RawFigureRow, reviewed: ProvenanceEntry): Figure {
  const stated = statedBasis(row.basis);
  const basis = basisOf(row.id, row.category, row.as_of, row.label, stated);
  const measure = stated === undefined && row.basis !== undefined ? row.basis : undefined;
  return {
    ...cited(row, reviewed),
    value: row.value,
    unit: row.unit as Figure["unit"],
    ...(basis === undefined ? {} : { basis, basisNote: basisNoteOf(basis, row.label, measure) }),
  };
}

function toEvent(row: RawFigureRow, unit: EventSourceUnit, reviewed: ProvenanceEntry): TimelineEvent {
  return {
    ...cited(row, reviewed),
    ...eventDate(row.value, unit, row.as_of),
    sourceValue: row.value,
    sourceUnit: unit,
  };
}

function cited(row: RawFigureRow, reviewed: ProvenanceEntry) {
  const url = normaliseUrl(row.source.url);
  // A basis outside the China revenue/share categories (an outlook that excludes China…) stays in the note.
  const basisText =
    row.basis !== undefined && !BASIS_CATEGORIES.includes(row.category) ? `Basis: ${row.basis}.` : undefined;
  const primary = reviewed.primary;
  const upgraded = primaryQuote(row.id, reviewed);
  // The researcher's source and quote stay on record in the note when the primary's own words replace them.
  const researched =
    upgraded === undefined
      ? undefined
      : `Research row cited ${row.source.publisher} (${url ?? "no URL"}): "${row.quote}"`;
  const note = [row.note, basisText, reviewed.note, researched].filter(
    (part) => part !== undefined && part !== "",
  );
  const source: Source = upgraded?.source ?? {
    title: row.source.title,
    publisher: row.source.publisher,
    url,
    date: normaliseSourceDate(row.source.date),
  };
  return {
    id: row.id,
    label: row.label,
    asOf: row.as_of,
    entity: row.entity,
    category: row.category,
    source,
    quote: upgraded?.quote ?? row.quote,
    confidence: row.confidence as Figure["confidence"],
    ...(note.length === 0 ? {} : { note: note.join(" ") }),
    evidence: reviewed.evidence ?? classifySource({ url: source.url }),
    ...(primary === undefined ? {} : { primary }),
    ...(source.url === null && primary === undefined ? { unpublished: true as const } : {}),
  };
}

/** A review's replacement quote and source, checked: they need a primary verified against a stored copy. */
function primaryQuote(
  id: string,
  reviewed: ProvenanceEntry,
): { readonly quote: string; readonly source: Source | undefined } | undefined {
  if (reviewed.quote === undefined) {
    if (reviewed.source !== undefined) throw new Error(`row "${id}": a reviewed source comes with its quote`);
    return undefined;
  }
  if (reviewed.primary?.verified !== true) {
    throw new Error(`row "${id}": a reviewed quote needs a primary verified against a stored copy`);
  }
  return { quote: reviewed.quote, source: reviewed.source };
}

/**
 * NVIDIA's fiscal year FYn runs February n−1 to January n, so fiscal quarter q starts in month 2 + 3(q−1) of
 * calendar year n−1 (Q3 FY2026 ≈ Aug–Oct 2025). Without a quarter in `asOf` the event is dated to the
 * calendar year that holds eleven of the fiscal year's twelve months.
 */
function fiscalDate(fiscalYear: number, asOf: string): { date: string; datePrecision: DatePrecision } {
  const quarter = /\bQ([1-4])\s*FY\s*(\d{4})\b/i.exec(asOf);
  if (quarter !== null) {
    const q = Number(quarter[1]);
    const fy = Number(quarter[2]);
    if (fy !== fiscalYear) throw new Error(`as_of "${asOf}" disagrees with fiscal year ${fiscalYear}`);
    return { date: `${fy - 1}-${pad2(2 + 3 * (q - 1))}`, datePrecision: "quarter" };
  }
  return { date: String(fiscalYear - 1), datePrecision: "year" };
}

function isEventUnit(unit: string): unit is EventSourceUnit {
  return (EVENT_SOURCE_UNITS as readonly string[]).includes(unit);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

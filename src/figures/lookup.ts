/**
 * Look-ups over the cited dataset: find a figure by id, read one of its fields, format its citation and
 * convert its value to the model's units. Pure; errors are returned as `ModelError` values (unknown id →
 * notFound, bad field or unit → invalidInput) for the functions and the pane to map.
 */
import type { ModelError } from "../model/errors";
import { modelError } from "../model/errors";
import { EVENTS, FIGURES } from "./dataset";
import { nearestIds, normaliseId } from "./nearest";
import type { Figure, PrimaryReference, Source, TimelineEvent } from "./schema";
import { PERCENT_UNITS, rowUrl } from "./schema";
import { findUserFigure, userFigureList } from "./userFigures";

export const FIGURE_FIELDS = [
  "value",
  "label",
  "unit",
  "asOf",
  "source",
  "url",
  "quote",
  "confidence",
  "basis",
  "basisNote",
  "note",
  "publisher",
  "title",
  "date",
  "category",
  "entity",
  "evidence",
  "primary",
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

const figuresById: ReadonlyMap<string, Figure> = new Map(FIGURES.map((fig) => [fig.id, fig]));
const eventsById: ReadonlyMap<string, TimelineEvent> = new Map(EVENTS.map((ev) => [ev.id, ev]));
const ALL_FIGURE_IDS: readonly string[] = FIGURES.map((fig) => fig.id);

/**
 * The figure with this id (case and surrounding spaces ignored): a dataset figure, else one of the analyst's
 * own figures (the registry in ./userFigures.ts; their ids never shadow a dataset id).
 * @returns the figure, or ModelError notFound naming the id and up to 3 nearest ids
 * @example findFigure("a100_bf16_dense").value → 312
 */
export function findFigure(id: string): Figure | ModelError {
  const key = normaliseId(id);
  if (key === "") return modelError("invalidInput", "id must be a non-empty figure id");
  const figure = figuresById.get(key);
  if (figure !== undefined) return figure;
  const own = findUserFigure(key);
  if (own !== undefined) return own;
  if (eventsById.has(key)) {
    return modelError(
      "notFound",
      `"${key}" is a timeline event, not a numeric figure: list it with the events`,
    );
  }
  const suggestions = nearestIds(key, [...ALL_FIGURE_IDS, ...userFigureList().map((fig) => fig.id)]);
  const hint = suggestions.length > 0 ? ` — did you mean ${suggestions.join(", ")}?` : "";
  return modelError("notFound", `Unknown figure "${id.trim()}"${hint}`);
}

/** The timeline event with this id, or ModelError notFound. */
export function findEvent(id: string): TimelineEvent | ModelError {
  const key = normaliseId(id);
  const event = eventsById.get(key);
  if (event !== undefined) return event;
  const suggestions = nearestIds(key, [...eventsById.keys()]);
  const hint = suggestions.length > 0 ? ` — did you mean ${suggestions.join(", ")}?` : "";
  return modelError("notFound", `Unknown event "${id.trim()}"${hint}`);
}

/**
 * One field of a figure, for `CHIPS.FIGURE(id, field)`. Field names are case-insensitive; empty means
 * "value". Absent optional text (no note, no basis, no URL, no primary reference) reads as "", an undated source
 * as "n.d."; `url` is the source's URL, else the primary reference's; `evidence` the evidence class.
 */
export function figureField(fig: Figure, field: string): number | string | ModelError {
  const wanted = field.trim().toLowerCase();
  const name = wanted === "" ? "value" : FIGURE_FIELDS.find((known) => known.toLowerCase() === wanted);
  if (name === undefined) {
    return modelError("invalidInput", `field must be one of ${FIGURE_FIELDS.join(", ")}, got "${field}"`);
  }
  switch (name) {
    case "value":
      return fig.value;
    case "label":
    case "unit":
    case "asOf":
    case "quote":
    case "confidence":
    case "category":
    case "entity":
      return fig[name];
    case "basis":
    case "basisNote":
    case "note":
      return fig[name] ?? "";
    case "source":
      return citation(fig);
    case "url":
      return rowUrl(fig) ?? "";
    case "evidence":
      return fig.evidence;
    case "primary":
      return fig.primary === undefined ? "" : primaryCitation(fig.primary);
    case "publisher":
    case "title":
      return fig.source[name];
    case "date":
      return fig.source.date ?? "n.d.";
  }
}

/**
 * One-line citation: publisher, “title”, date, URL (confidence).
 * @example citation(fig) → "Business Recorder / Reuters, “Nvidia, AMD to pay…”, 2025-08-11, https://… (reported)"
 */
export function citation(row: { readonly source: Source; readonly confidence: string }): string {
  const { publisher, title, date, url } = row.source;
  const parts = [publisher, `“${title}”`, date ?? "n.d.", ...(url === null ? [] : [url])];
  return `${parts.join(", ")} (${row.confidence})`;
}

/**
 * The primary reference as one line: issuer, form, period, section, URL, and whether the quote was checked.
 * @example primaryCitation(ref) → "NVIDIA Corporation, 10-Q (accession 0001045810-26-000075), Q2 FY2027, Revenue by geographic area, https://www.sec.gov/… (quote not yet checked against the filing)"
 */
export function primaryCitation(ref: PrimaryReference): string {
  const check = ref.verified
    ? `quote checked against ${ref.checkedCopy ?? "a stored copy"}`
    : "quote not yet checked against the primary text";
  return `${ref.issuer}, ${ref.form}, ${ref.period}, ${ref.section}, ${ref.url} (${check})`;
}

/**
 * A percentage figure as a decimal fraction (the model's convention): value / 100.
 * @returns fraction, or ModelError invalidInput for a non-percent unit
 * @example valueAsFraction(findFigure("mkt_idc_domestic_share_2025")) → 0.41
 */
export function valueAsFraction(fig: Figure): number | ModelError {
  if (!PERCENT_UNITS.includes(fig.unit)) {
    return modelError("invalidInput", `figure "${fig.id}" is in ${fig.unit}, not a percent unit`);
  }
  return fig.value / 100;
}

/**
 * A U.S.-dollar amount in USD billions: USD_million / 1000, USD_billion as is.
 * @returns USD bn, or ModelError invalidInput for any other unit
 * @example valueInUsdBillion(findFigure("nvda_china_rev_fy2025_hq")) → 25.048
 */
export function valueInUsdBillion(fig: Figure): number | ModelError {
  if (fig.unit === "USD_billion") return fig.value;
  if (fig.unit === "USD_million") return fig.value / 1000;
  return modelError("invalidInput", `figure "${fig.id}" is in ${fig.unit}, not USD_billion or USD_million`);
}

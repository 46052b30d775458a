import type { ModelError } from "../model/errors";
import { isModelError, modelError } from "../model/errors";
import type { Figure, TimelineEvent } from "../figures";
import {
  DATASET_AS_OF,
  DATASET_VERSION,
  citation,
  figureField,
  findFigure,
  listEvents,
  searchFigures,
} from "../figures";
import { convertValue } from "../figures/units";
import type { CellGrid, CellResult } from "./cells";
import { cellOf, gridOf } from "./cells";
import { coerceOptionalIsoDate, coerceOptionalText, coerceText } from "./coerce";

/** Add-in version shown by CHIPS.VERSION (kept in step with package.json). */
export const ADDIN_VERSION = "0.1.0";

export const FIGURES_HEADER = [
  "id",
  "label",
  "value",
  "unit",
  "asOf",
  "confidence",
  "basis",
  "source",
] as const;
export const EVENTS_HEADER = ["date", "id", "label", "source"] as const;

/**
 * CHIPS.FIGURE(id, [field], [unit]): a figure's value (converted to `unit` when given: money between scales of
 * one currency, e.g. USD_million → USD_billion), or one of its text fields (`unit` must then be empty).
 */
export function figureCell(id: unknown, field?: unknown, unit?: unknown): CellResult {
  const figId = coerceText(id, "id");
  if (isModelError(figId)) return figId;
  const fieldName = coerceOptionalText(field, "field");
  if (isModelError(fieldName)) return fieldName;
  const unitName = coerceOptionalText(unit, "unit");
  if (isModelError(unitName)) return unitName;
  const fig = findFigure(figId);
  if (isModelError(fig)) return fig;
  const result = figureField(fig, fieldName ?? "value");
  if (unitName === undefined || isModelError(result)) return cellOf(result, `figure ${figId}`);
  if (typeof result !== "number") {
    return modelError("invalidInput", `unit applies to the value only, not to field "${fieldName ?? ""}"`);
  }
  return cellOf(convertValue(result, fig.unit, unitName), `figure ${figId}`);
}

/** CHIPS.SOURCE(id): the one-line citation of a figure. */
export function sourceCell(id: unknown): CellResult {
  const figId = coerceText(id, "id");
  if (isModelError(figId)) return figId;
  const fig = findFigure(figId);
  return isModelError(fig) ? fig : citation(fig);
}

/** CHIPS.FIGURES([category]): header row + one row per figure (all, or those of one category). */
export function figuresGrid(category?: unknown): CellGrid | ModelError {
  const cat = coerceOptionalText(category, "category");
  if (isModelError(cat)) return cat;
  const figures = searchFigures(cat === undefined ? {} : { category: cat });
  if (figures.length === 0) {
    return modelError("notFound", `no figures in category ${cat ?? ""}`);
  }
  return gridOf([[...FIGURES_HEADER], ...figures.map(figureRow)], "figure");
}

/** CHIPS.EVENTS([from], [to]): the export-control timeline between two dates (inclusive). */
export function eventsGrid(from?: unknown, to?: unknown): CellGrid | ModelError {
  const fromDate = coerceOptionalIsoDate(from, "from");
  if (isModelError(fromDate)) return fromDate;
  const toDate = coerceOptionalIsoDate(to, "to");
  if (isModelError(toDate)) return toDate;
  const events = listEvents(fromDate, toDate);
  if (isModelError(events)) return events;
  if (events.length === 0) {
    return modelError(
      "notFound",
      `no timeline events between ${fromDate ?? "the start"} and ${toDate ?? "the end"}`,
    );
  }
  return gridOf([[...EVENTS_HEADER], ...events.map(eventRow)], "event");
}

/** CHIPS.VERSION(): add-in and dataset version. */
export function versionCell(): CellResult {
  return `ChipShift ${ADDIN_VERSION} · dataset ${DATASET_VERSION} (as of ${DATASET_AS_OF})`;
}

function figureRow(fig: Figure): CellResult[] {
  return [fig.id, fig.label, fig.value, fig.unit, fig.asOf, fig.confidence, fig.basis ?? "", citation(fig)];
}

function eventRow(ev: TimelineEvent): CellResult[] {
  return [ev.date, ev.id, ev.label, citation(ev)];
}

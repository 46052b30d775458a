/**
 * "Add from figure": the cited dollar figures an observation can come from, and the observation a figure
 * suggests — its value in USD bn, the flow series it most likely measures, the period it covers (when the
 * model has one: a fiscal quarter or year; a calendar year y is NVIDIA's FY(y+1)) and a stated default sd.
 * Everything suggested stays editable: the analyst decides what the figure stands for.
 */
import type { EvidenceSeriesId } from "../../analysis/evidence";
import { FIGURES } from "../../figures/dataset";
import { EVIDENCE_LABELS } from "../../figures/evidence";
import { citation, valueInUsdBillion } from "../../figures/lookup";
import type { Figure } from "../../figures/schema";
import { isModelError } from "../../model/errors";
import type { NewObservation } from "./state";
import { numberText } from "./state";

export interface FigureChoice {
  readonly id: string;
  readonly label: string;
  readonly category: string;
  readonly valueUsdBn: number;
  readonly asOf: string;
  /** "Filing", "Press", "Secondary"… */
  readonly evidenceClass: string;
  readonly citation: string;
}

/** Categories listed first (the ones the flow series measure), in this order; the rest follow by name. */
const CATEGORY_ORDER = [
  "nvidia_china_revenue",
  "market_size_share",
  "domestic_vendor_financials",
  "nvidia_financials",
];

/**
 * Every figure stated in U.S. dollars (USD bn or USD m), NVIDIA China revenue first.
 *
 * @example figureChoices()[0].category // "nvidia_china_revenue"
 */
export function figureChoices(figures: readonly Figure[] = FIGURES): FigureChoice[] {
  const rank = (category: string): number => {
    const i = CATEGORY_ORDER.indexOf(category);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  const out: FigureChoice[] = [];
  for (const fig of figures) {
    const value = valueInUsdBillion(fig);
    if (isModelError(value)) continue;
    out.push({
      id: fig.id,
      label: fig.label,
      category: fig.category,
      valueUsdBn: value,
      asOf: fig.asOf,
      evidenceClass: EVIDENCE_LABELS[fig.evidence],
      citation: citation(fig),
    });
  }
  return out
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        rank(a.c.category) - rank(b.c.category) ||
        (rank(a.c.category) === CATEGORY_ORDER.length ? a.c.category.localeCompare(b.c.category) : 0) ||
        a.i - b.i,
    )
    .map(({ c }) => c);
}

/** Figures whose id, label or period contain every word of `query` (case-insensitive). */
export function filterFigureChoices(choices: readonly FigureChoice[], query: string): FigureChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return choices.filter((c) => {
    const text = `${c.id} ${c.label} ${c.asOf}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * The period of a figure in the model's terms: "Q1 FY2027" and "FY2026" as stated; a calendar year 2027 (or a
 * date in it) is NVIDIA's FY2028. Nine-month, half-year and calendar-quarter figures have no model period.
 *
 * @example figurePeriod("Q1 FY2027 (ended 2026-04-26)") // "Q1 FY2027"
 * @example figurePeriod("2027") // "FY2028"
 */
export function figurePeriod(asOf: string): string | undefined {
  const quarter = /^(Q[1-4]) FY(\d{4})\b/.exec(asOf);
  if (quarter) return `${quarter[1]} FY${quarter[2]}`;
  const fiscal = /^FY(\d{4})\b/.exec(asOf);
  if (fiscal) return `FY${fiscal[1]}`;
  const calendar = /^(\d{4})(?:$|[\s(-])/.exec(asOf);
  if (calendar && !/^\d{4}\s*[–-]\s*\d{4}/.test(asOf)) return `FY${Number(calendar[1]) + 1}`;
  return undefined;
}

/**
 * The flow series a figure most likely measures: NVIDIA data-center (Hopper, H20, H200 or "data center" in
 * the label) or total China revenue; the China market; domestic sales (domestic / local vendors' revenue or
 * production); otherwise NVIDIA China revenue. A suggestion only: the analyst picks.
 */
export function figureSeries(choice: Pick<FigureChoice, "category" | "label">): EvidenceSeriesId {
  const label = choice.label.toLowerCase();
  if (choice.category === "nvidia_china_revenue")
    return /hopper|h20|h200|data[ -]center/.test(label) ? "nvidiaDataCenter" : "nvidiaChina";
  if (choice.category === "domestic_vendor_financials") return "domesticSales";
  if (choice.category === "market_size_share") {
    if (/domestic|local|huawei|production|output/.test(label)) return "domesticSales";
    return "market";
  }
  return "nvidiaChina";
}

/** The default sd of an observation from a figure: 10% of its value, at least $0.25bn (USD bn). */
export function suggestedSd(valueUsdBn: number): number {
  return Math.max(0.25, Number((0.1 * Math.abs(valueUsdBn)).toPrecision(2)));
}

export const SUGGESTED_SD_RATIONALE =
  "SD suggested as 10% of the value, at least $0.25bn: how far the figure may sit from the model's definition of the series. Edit it in the list";

/** Every period the scenario's years offer: for each fiscal year FY(base+1)..FY(base+H+1), the year and its quarters. */
export function periodChoices(baseYear: number, horizon: number): string[] {
  const out: string[] = [];
  for (let t = 0; t <= horizon; t++) {
    const fy = `FY${baseYear + t + 1}`;
    out.push(fy, `Q1 ${fy}`, `Q2 ${fy}`, `Q3 ${fy}`, `Q4 ${fy}`);
  }
  return out;
}

/** The observation a figure suggests (value in USD bn, sd as `suggestedSd`, its id as the source). */
export function observationFromFigure(
  choice: FigureChoice,
  series: EvidenceSeriesId,
  period: string,
): NewObservation {
  return {
    series,
    period,
    value: numberText(choice.valueUsdBn),
    sd: numberText(suggestedSd(choice.valueUsdBn)),
    figureId: choice.id,
    rationale: `${SUGGESTED_SD_RATIONALE}.`,
  };
}

/**
 * How the Figures tab shows a cited figure: its number with a readable unit, the formula that references it,
 * and labels for the dataset's codes. Presentation only; the figure's value is never rounded when inserted.
 */

import type { EvidenceClass } from "../../figures/schema";
import { USER_FIGURE_CATEGORY } from "../../figures/userFigures";
import { unitLabel } from "../../figures/units";

export { unitLabel };

const CONFIDENCE_LABELS: Readonly<Record<string, string>> = {
  company_filing: "Company filing",
  reported: "Reported",
  estimate: "Estimate",
};

/** The value with thousands separators (en-US, up to 6 decimals) and its unit: 2731, "USD_million" → "2,731 USD m". */
export function formattedFigureValue(value: number, unit: string): string {
  const number = value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  const label = unitLabel(unit);
  return label.startsWith("%") ? `${number}${label === "%" ? "%" : ` ${label}`}` : `${number} ${label}`;
}

/** The live formula for a figure: `=CHIPS.FIGURE("id")` (ids are snake_case, so no quote escaping is needed). */
export function figureFormula(id: string): string {
  return `=CHIPS.FIGURE("${id.replace(/"/g, '""')}")`;
}

export function confidenceLabel(confidence: string): string {
  return CONFIDENCE_LABELS[confidence] ?? confidence.replace(/_/g, " ");
}

/** "nvidia_china_revenue" → "NVIDIA china revenue" (the dataset's category codes, readable). */
export function categoryLabel(category: string): string {
  const spaced = category.replace(/_/g, " ").replace(/\bnvidia\b/g, "NVIDIA");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The geography basis break (DESIGN.md §4.4): shown with every NVIDIA China revenue figure, using the figure's own
 * note when the dataset has one.
 */
export const DEFAULT_BASIS_NOTE =
  "NVIDIA reported China revenue by customer billing location through Q2 FY2026 and by customer headquarters " +
  "from Q3 FY2026, recasting prior years (FY2025: $17.1B as first reported vs $25.0B recast). Do not splice the two bases";

export function basisNoteFor(figure: {
  readonly category: string;
  readonly basisNote?: string | undefined;
}): string | null {
  if (figure.basisNote !== undefined) return figure.basisNote;
  return figure.category === "nvidia_china_revenue" || figure.category === "nvidia_china_share"
    ? DEFAULT_BASIS_NOTE
    : null;
}

const EVIDENCE_DESCRIPTIONS: Readonly<Record<EvidenceClass, string>> = {
  filing: "Filing: a 10-K, 10-Q, 8-K, prospectus or exchange filing",
  company: "Company: a results release, call transcript or official statement by the company",
  regulator: "Regulator: BIS, the Federal Register, MOFCOM or another regulator",
  press: "Press: a named news outlet",
  analyst: "Analyst: a named research house",
  secondary: "Secondary: a summary, digest or copy of another source, not the source itself",
};

/** What an evidence class means, in one line (badge titles, tooltips). */
export function evidenceDescription(evidence: EvidenceClass): string {
  return EVIDENCE_DESCRIPTIONS[evidence];
}

/** True for one of the analyst's own figures (as converted by `userFigureAsFigure`). */
export function isOwnFigure(figure: { readonly category: string }): boolean {
  return figure.category === USER_FIGURE_CATEGORY;
}

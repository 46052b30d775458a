/** Cell-note text for an input's provenance: source + quote for cited figures, rationale for assumptions. */
import { citation, findFigure } from "../../figures/index";
import { isModelError } from "../../model/errors";
import type { Provenance } from "../../model/types";

/** "figure: <id>" or "assumption" (the Provenance column). */
export function provenanceLabel(provenance: Provenance | undefined): string {
  if (provenance === undefined) return "not documented";
  return "figureId" in provenance ? `figure: ${provenance.figureId}` : "assumption";
}

/** The note for one input cell. */
export function provenanceNote(provenance: Provenance | undefined): string {
  if (provenance === undefined) return "No provenance recorded for this input";
  if (!("figureId" in provenance)) return `Analyst assumption: ${provenance.assumption}`;
  const extra = provenance.note === undefined ? "" : `\n${provenance.note}`;
  const fig = findFigure(provenance.figureId);
  if (isModelError(fig)) return `Figure ${provenance.figureId} (not found in the dataset)${extra}`;
  const basis = fig.basisNote === undefined ? "" : `\n${fig.basisNote}`;
  return `${fig.label}: ${fig.value} ${fig.unit} (${fig.asOf})\n${citation(fig)}\n“${fig.quote}”${basis}${extra}`;
}

/** One-line summary for the Note column. */
export function provenanceSummary(provenance: Provenance | undefined): string {
  if (provenance === undefined) return "";
  if (!("figureId" in provenance)) return provenance.assumption;
  const fig = findFigure(provenance.figureId);
  return isModelError(fig) ? `${provenance.figureId} (not in dataset)` : fig.label;
}

/**
 * Free-text search over the cited figures for the pane's Figures tab and `CHIPS.FIGURES`.
 */
import { FIGURES } from "./dataset";
import type { Confidence, Figure } from "./schema";

export interface FigureFilter {
  /** Case-insensitive words, all of which must occur in the id, label, entity or quote. */
  readonly query?: string;
  /** Exact category id, e.g. "nvidia_china_revenue". */
  readonly category?: string;
  readonly confidence?: Confidence;
  /** Entity name, case-insensitive, e.g. "NVIDIA". */
  readonly entity?: string;
  /** Only figures resting on more than a secondary copy (evidence other than `secondary`). */
  readonly primaryOnly?: boolean;
}

/**
 * Figures matching every given filter. Ranked: the whole query as a prefix of the id, then of the label, then
 * contained in the id or label, then all words in the id or label, then matches in entity/quote only;
 * dataset order within a rank. An empty filter returns every figure.
 * @example searchFigures({ query: "h20" })[0].id → "h20_bf16"
 */
export function searchFigures(filter: FigureFilter, figures: readonly Figure[] = FIGURES): Figure[] {
  const query = (filter.query ?? "").trim().toLowerCase();
  const words = query.split(/\s+/).filter((word) => word !== "");
  const entity = filter.entity?.trim().toLowerCase();
  const ranked: { figure: Figure; rank: number }[] = [];
  for (const figure of figures) {
    if (filter.category !== undefined && filter.category !== "" && figure.category !== filter.category)
      continue;
    if (filter.confidence !== undefined && figure.confidence !== filter.confidence) continue;
    if (entity !== undefined && entity !== "" && figure.entity.toLowerCase() !== entity) continue;
    if (filter.primaryOnly === true && figure.evidence === "secondary") continue;
    const rank = words.length === 0 ? 0 : matchRank(figure, query, words);
    if (rank !== undefined) ranked.push({ figure, rank });
  }
  // Array.prototype.sort is stable (ES2019), so dataset order survives within a rank.
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.figure);
}

function matchRank(figure: Figure, query: string, words: readonly string[]): number | undefined {
  const id = figure.id.toLowerCase();
  const label = figure.label.toLowerCase();
  if (id.startsWith(query.replace(/[\s-]+/g, "_"))) return 0;
  if (label.startsWith(query)) return 1;
  if (id.includes(query) || label.includes(query)) return 2;
  const title = `${id} ${label}`;
  if (words.every((word) => title.includes(word))) return 3;
  const everything = `${title} ${figure.entity.toLowerCase()} ${figure.quote.toLowerCase()}`;
  return words.every((word) => everything.includes(word)) ? 4 : undefined;
}

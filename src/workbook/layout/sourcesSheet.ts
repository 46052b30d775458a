/**
 * The "CS Sources" sheet: every figure the built model uses (from scenario provenance and the sheet
 * constants), with value, unit, as-of, publisher, title, URL (hyperlink), quote, confidence and basis note.
 */
import { findFigure } from "../../figures/index";
import { isModelError } from "../../model/errors";
import { rectangular, textCell, numberCell } from "./cells";
import type { LayoutCell, NamedScenario, SheetLayout } from "./types";
import { SHEET_NAMES } from "./types";

const HEADERS = [
  "Figure id",
  "Label",
  "Value",
  "Unit",
  "As of",
  "Publisher",
  "Title",
  "URL",
  "Quote",
  "Confidence",
  "Basis note",
  "Used for",
];

/** Figure ids used by the scenarios (provenance, then reported quarters; first-use order) → the inputs using them. */
export function figureUsage(
  scenarios: readonly NamedScenario[],
  extra: readonly [string, string][],
): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  const add = (figureId: string, use: string): void => {
    const uses = usage.get(figureId) ?? [];
    if (!uses.includes(use)) uses.push(use);
    usage.set(figureId, uses);
  };
  for (const s of scenarios) {
    for (const [input, provenance] of Object.entries(s.provenance))
      if ("figureId" in provenance) add(provenance.figureId, input);
    for (const entry of s.scenario.reported ?? [])
      if (entry.figureId !== undefined) add(entry.figureId, `reported ${entry.period}`);
  }
  for (const [figureId, use] of extra) add(figureId, use);
  return usage;
}

export function buildSourcesSheet(usage: ReadonlyMap<string, readonly string[]>): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [textCell("ChipShift — sources of every cited figure the model uses", "title")],
    [
      textCell(
        "NVIDIA China revenue: billing-location basis through Q2 FY2026, customer-HQ basis from Q3 FY2026 (prior years recast); the two series are never spliced",
        "note",
      ),
    ],
    HEADERS.map((h) => textCell(h, "header")),
  ];
  for (const [figureId, uses] of usage) {
    const fig = findFigure(figureId);
    if (isModelError(fig)) {
      rows.push([
        textCell(figureId),
        textCell("Not found in the ChipShift dataset", "note"),
        ...new Array<null>(9).fill(null),
        textCell(uses.join(", ")),
      ]);
      continue;
    }
    rows.push([
      textCell(fig.id),
      textCell(fig.label),
      numberCell(fig.value, "#,##0.###"),
      textCell(fig.unit),
      textCell(fig.asOf),
      textCell(fig.source.publisher),
      textCell(fig.source.title),
      fig.source.url === null
        ? textCell("(no URL)", "note")
        : { value: fig.source.url, text: true, style: "link", hyperlink: fig.source.url },
      textCell(fig.quote),
      textCell(fig.confidence),
      textCell(fig.basisNote ?? fig.note ?? ""),
      textCell(uses.join(", ")),
    ]);
  }
  const widths = [30, 50, 12, 14, 22, 24, 40, 40, 70, 16, 50, 30];
  return {
    name: SHEET_NAMES.sources,
    blocks: [{ topLeft: "A1", rows: rectangular(rows) }],
    columnWidths: widths.map((width, i) => ({ column: i + 1, width })),
    freeze: { rows: 3, columns: 1 },
  };
}

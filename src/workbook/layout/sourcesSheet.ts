/**
 * The "CS Sources" sheet: every figure the built model uses (from scenario provenance and the sheet
 * constants), with value, unit (in words), as-of, publisher, title, URL (hyperlink), quote, confidence, the
 * evidence class, whether it is a dataset figure or the analyst's own, the primary reference (issuer, form,
 * period, section, URL, whether the quote was checked) and the basis note. Every text — the analyst's own
 * included — is a text cell, never a formula; URLs are hyperlinks on a text cell, never `=HYPERLINK(…)`.
 */
import type { Figure } from "../../figures/index";
import { EVIDENCE_LABELS, findFigure, isUserFigureId } from "../../figures/index";
import { unitLabel } from "../../figures/units";
import { isModelError } from "../../model/errors";
import { rectangular, textCell, numberCell } from "./cells";
import type { LayoutCell, NamedScenario, SheetLayout } from "./types";
import { SHEET_NAMES } from "./types";

/** Columns, in order, with their widths (characters). The URL stays in column H. */
const COLUMNS: readonly (readonly [header: string, width: number])[] = [
  ["Figure id", 30],
  ["Label", 50],
  ["Value", 12],
  ["Unit", 14],
  ["As of", 22],
  ["Publisher", 24],
  ["Title", 40],
  ["URL", 40],
  ["Quote", 70],
  ["Confidence", 16],
  ["Evidence", 12],
  ["Whose", 18],
  ["Primary issuer", 24],
  ["Primary form", 30],
  ["Primary period", 24],
  ["Primary section", 40],
  ["Primary URL", 40],
  ["Primary quote checked", 40],
  ["Basis note", 50],
  ["Used for", 30],
];
const HEADERS = COLUMNS.map(([header]) => header);

/** The "Whose" column: a dataset figure, or one the analyst added to this workbook. */
export const WHOSE_DATASET = "ChipShift dataset";
export const WHOSE_USER = "Yours (analyst)";

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
        "NVIDIA China revenue: billing-location basis through Q2 FY2026, customer-HQ basis from Q3 FY2026 (prior years recast); the two series are never spliced. Evidence: filing, company, regulator, press, analyst or secondary (a summary or copy of one of those)",
        "note",
      ),
    ],
    HEADERS.map((h) => textCell(h, "header")),
  ];
  for (const [figureId, uses] of usage) {
    const fig = findFigure(figureId);
    rows.push(
      isModelError(fig)
        ? [
            textCell(figureId),
            textCell("Not found in the ChipShift dataset or your own figures", "note"),
            ...new Array<null>(HEADERS.length - 3).fill(null),
            textCell(uses.join(", ")),
          ]
        : figureRow(fig, uses),
    );
  }
  return {
    name: SHEET_NAMES.sources,
    blocks: [{ topLeft: "A1", rows: rectangular(rows) }],
    columnWidths: COLUMNS.map(([, width], i) => ({ column: i + 1, width })),
    freeze: { rows: 3, columns: 1 },
  };
}

function figureRow(fig: Figure, uses: readonly string[]): LayoutCell[] {
  const primary = fig.primary;
  const none = (): LayoutCell => textCell("");
  return [
    textCell(fig.id),
    textCell(fig.label),
    numberCell(fig.value, "#,##0.###"),
    textCell(unitLabel(fig.unit)),
    textCell(fig.asOf),
    textCell(fig.source.publisher),
    textCell(fig.source.title),
    linkCell(fig.source.url),
    textCell(fig.quote),
    textCell(fig.confidence.replace(/_/g, " ")),
    textCell(EVIDENCE_LABELS[fig.evidence]),
    textCell(isUserFigureId(fig.id) ? WHOSE_USER : WHOSE_DATASET),
    primary === undefined ? none() : textCell(primary.issuer),
    primary === undefined ? none() : textCell(primary.form),
    primary === undefined ? none() : textCell(primary.period),
    primary === undefined ? none() : textCell(primary.section),
    primary === undefined ? none() : linkCell(primary.url),
    primary === undefined
      ? none()
      : textCell(
          primary.verified
            ? `Yes, against ${primary.checkedCopy ?? "a stored copy"}`
            : "Not checked against a stored copy",
        ),
    textCell(fig.basisNote ?? fig.note ?? ""),
    textCell(uses.join(", ")),
  ];
}

/** A URL as a text cell with a hyperlink (never a formula); "(no URL)" for an unpublished figure. */
function linkCell(url: string | null): LayoutCell {
  return url === null
    ? textCell("(no URL)", "note")
    : { value: url, text: true, style: "link", hyperlink: url };
}

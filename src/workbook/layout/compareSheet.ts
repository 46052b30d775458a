/**
 * The "CS Compare" sheet: key series for every scenario side by side. Scenario rows are VALUES computed by
 * the engine (`projectScenario`) when the model is built (rebuild to refresh: the Model sheet computes only
 * the live scenario); the "Δ vs Base" rows are FORMULAS over those values.
 */
import { extent } from "../../model/own";
import type { Projection, SeriesId } from "../../model/types";
import { cellAddress, columnLetters } from "./address";
import { formulaCell, numberCell, rectangular, textCell } from "./cells";
import type { ChartSpec, LayoutCell, NamedScenario, SheetLayout } from "./types";
import { SHEET_NAMES } from "./types";

export const COMPARE_SERIES: readonly { id: SeriesId; label: string; format: string }[] = [
  { id: "nvidiaChina", label: "NVIDIA China revenue (USD bn)", format: "#,##0.00" },
  { id: "nvidiaChinaNet", label: "NVIDIA China revenue net of remittance (USD bn)", format: "#,##0.00" },
  { id: "domesticShare", label: "Domestic share of the market", format: "0.0%" },
  { id: "market", label: "China AI-accelerator market (USD bn)", format: "#,##0.00" },
];

export interface CompareSheet {
  readonly sheet: SheetLayout;
  readonly chart: ChartSpec;
  /** Row of each (series id, scenario index) value row, for tests. */
  readonly rowOf: Readonly<Record<string, number>>;
}

export function buildCompareSheet(
  scenarios: readonly NamedScenario[],
  projections: readonly Projection[],
  builtAt: string | undefined,
): CompareSheet {
  const base = projections[0]!;
  const [, width] = extent(projections.map((p) => p.years.calendar.length));
  const rows: (LayoutCell | null)[][] = [
    [textCell("ChipShift — scenarios compared", "title")],
    [
      textCell(
        `Scenario rows are values from the ChipShift engine at build time${builtAt === undefined ? "" : ` (${builtAt})`}; rebuild to refresh. Δ rows are formulas. Years are the Base scenario's.`,
        "note",
      ),
    ],
  ];
  const rowOf: Record<string, number> = {};
  let chartRange = "";
  for (const series of COMPARE_SERIES) {
    rows.push([]);
    const header = rows.length + 1;
    rows.push([
      textCell(`${series.id} — ${series.label}`, "header"),
      ...Array.from({ length: width }, (_, t) => {
        const year = (base.years.calendar[0] ?? 0) + t;
        return textCell(`${year} (FY${year + 1})`, "header");
      }),
    ]);
    projections.forEach((p, i) => {
      rowOf[`${series.id}.${i}`] = rows.length + 1;
      rows.push([
        textCell(scenarios[i]!.name, "label"),
        ...p.series[series.id].map((v) => numberCell(v, series.format, "output")),
      ]);
    });
    if (series.id === "nvidiaChina") chartRange = `A${header}:${columnLetters(1 + width)}${rows.length}`;
    const baseRow = rowOf[`${series.id}.0`]!;
    projections.forEach((p, i) => {
      if (i === 0) return;
      const row = rows.length + 1;
      rowOf[`${series.id}.delta.${i}`] = row;
      const scenarioRow = rowOf[`${series.id}.${i}`]!;
      const deltas = Array.from(
        { length: Math.min(p.years.calendar.length, base.years.calendar.length) },
        (_, t) => {
          const c = columnLetters(2 + t);
          return formulaCell(`=${c}${scenarioRow}-${c}${baseRow}`, series.format, "output");
        },
      );
      rows.push([textCell(`${scenarios[i]!.name} — Δ vs Base`, "note"), ...deltas]);
    });
  }
  const sheet: SheetLayout = {
    name: SHEET_NAMES.compare,
    blocks: [{ topLeft: "A1", rows: rectangular(rows) }],
    columnWidths: [
      { column: 1, width: 48 },
      ...Array.from({ length: width }, (_, t) => ({ column: 2 + t, width: 14 })),
    ],
    freeze: { rows: 0, columns: 1 },
  };
  const chart: ChartSpec = {
    id: "nvidiaChinaByScenario",
    kind: "line",
    title: "NVIDIA China revenue by scenario (USD bn)",
    sheet: SHEET_NAMES.compare,
    source: { sheet: SHEET_NAMES.compare, range: chartRange },
    anchor: {
      from: cellAddress(rows.length + 2, 1),
      to: cellAddress(rows.length + 22, Math.max(width + 1, 8)),
    },
    yAxisTitle: "USD bn",
  };
  return { sheet, chart, rowOf };
}

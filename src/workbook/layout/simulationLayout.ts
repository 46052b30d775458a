/**
 * The "CS Simulation" and "CS Sensitivity" sheets (DESIGN.md §7): settings and results as VALUES (a simulation
 * is not a recalculation, and recipients without the add-in must see the numbers), with chart specs for the
 * fan chart, the histogram and the tornado. Pure: the pane hands the layout to `WorkbookPort.writeSheets`.
 */
import type { Tornado } from "../../analysis/sensitivity";
import type { MetricId } from "../../analysis/simulationSpec";
import { METRIC_IDS } from "../../analysis/simulationSpec";
import type { Histogram, SampleStats, SimulationResult } from "../../analysis/summarize";
import type { SeriesId } from "../../model/types";
import { blockRange, cellAddress } from "./address";
import { numberCell, rectangular, textCell } from "./cells";
import type { ChartSpec, LayoutBlock, LayoutCell, SheetLayout } from "./types";

export const SIMULATION_SHEET = "CS Simulation";
export const SENSITIVITY_SHEET = "CS Sensitivity";

export interface SimulationSheetSettings {
  /** The scenario's name as the pane shows it (user text: written as text). */
  readonly scenarioName: string;
  /** Fingerprint of the scenario, spec and settings the results came from (the pane's stale check). */
  readonly fingerprint?: string;
  /** Wall time of the run, milliseconds (NaN when unknown: written as "–"). */
  readonly runTimeMs: number;
  /** When the run finished, as text (pure code takes it as an argument). */
  readonly ranAt?: string;
}

/** Which scenario a sensitivity analysis came from (written under the title). */
export interface SensitivitySource {
  /** User text: written as text. */
  readonly scenarioName: string;
  readonly fingerprint: string;
}

export interface SheetWithCharts {
  readonly sheet: SheetLayout;
  readonly charts: readonly ChartSpec[];
}

/** Statistic rows of a per-year table; the first seven (P5…P95) are the fan chart's source. */
const STAT_ROWS: readonly { readonly key: keyof SampleStats; readonly label: string }[] = [
  { key: "p5", label: "P5" },
  { key: "p10", label: "P10" },
  { key: "p25", label: "P25" },
  { key: "p50", label: "P50 (median)" },
  { key: "p75", label: "P75" },
  { key: "p90", label: "P90" },
  { key: "p95", label: "P95" },
  { key: "mean", label: "Mean" },
  { key: "sd", label: "SD (STDEV.S)" },
  { key: "min", label: "Min" },
  { key: "max", label: "Max" },
  { key: "standardError", label: "Std error of mean" },
];

const SERIES_TITLES: Readonly<Partial<Record<SeriesId, string>>> = {
  nvidiaChina: "NVIDIA China revenue (USD bn)",
  nvidiaChinaNet: "NVIDIA China revenue net of remittance (USD bn)",
  domesticShare: "Domestic share of the market",
  market: "China AI-accelerator market (USD bn)",
  nvidiaDataCenter: "NVIDIA China data-center revenue (USD bn)",
  domesticSales: "Domestic accelerator sales (USD bn)",
};

const METRIC_TITLES: Readonly<Record<MetricId, string>> = {
  cumulativeNvidiaChina: "Cumulative NVIDIA China revenue, years 1..H (USD bn)",
  npvNvidiaChina: "NPV of NVIDIA China revenue (USD bn)",
  cagrNvidiaChina: "CAGR of NVIDIA China revenue",
  crossoverYear: "Year domestic share reaches 50% (trials that reach it)",
  revenueAtRiskTotal: "Revenue at risk vs no controls (USD bn)",
};

const USD = "#,##0.00";
const PERCENT = "0.0%";

/**
 * The "CS Simulation" sheet for a finished simulation: settings, a percentile table per year for every
 * simulated series (nvidiaChina first), summary-metric statistics, threshold probabilities and histogram bins,
 * with a fan chart (lines P5…P95 of nvidiaChina) and a column chart of the cumulative-revenue histogram.
 */
export function buildSimulationSheetLayout(
  result: SimulationResult,
  settings: SimulationSheetSettings,
): SheetWithCharts {
  const { blocks, add } = blockStack();
  const charts: ChartSpec[] = [];

  add([
    [textCell("ChipShift — Monte Carlo simulation", "title")],
    [
      textCell(
        "Results are values, not formulas: run the simulation again in the ChipShift pane to update them",
        "note",
      ),
    ],
  ]);
  const settingsRows: (LayoutCell | null)[][] = [
    [textCell("Settings", "header"), textCell("", "header")],
    [textCell("Scenario", "label"), textCell(settings.scenarioName)],
    [textCell("Trials", "label"), numberCell(result.trials, "#,##0")],
    [textCell("Seed", "label"), numberCell(result.seed, "0")],
    [textCell("Sampling", "label"), textCell(result.sampling === "lhs" ? "Latin hypercube" : "Monte Carlo")],
    [
      textCell("Correlation", "label"),
      textCell(result.correlated ? "Iman–Conover rank correlation" : "none (independent inputs)"),
    ],
    [textCell("Regimes", "label"), textCell(result.regimeUncertainty)],
    [
      textCell("Generator", "label"),
      textCell(`${result.generator} (counter-based; same seed → same results)`),
    ],
    [textCell("Run time (s)", "label"), valueCell(settings.runTimeMs / 1000, "0.00")],
    [textCell("Stochastic inputs", "label"), textCell(result.stochasticInputs.join(", ") || "none")],
  ];
  if (settings.fingerprint !== undefined)
    settingsRows.push([textCell("Inputs fingerprint", "label"), textCell(settings.fingerprint)]);
  if (settings.ranAt !== undefined)
    settingsRows.push([textCell("Finished at", "label"), textCell(settings.ranAt)]);
  const settingsTop = add(settingsRows);
  const yearLabels = result.years.calendar.map((y, t) => `${y}/${result.years.fiscal[t] ?? ""}`);

  const seriesIds = (Object.keys(result.series) as SeriesId[]).sort(
    (a, b) => seriesOrder(a) - seriesOrder(b),
  );
  for (const id of seriesIds) {
    const stats = result.series[id] ?? [];
    const format = formatOf(id);
    const top = add([
      [textCell(SERIES_TITLES[id] ?? id, "header"), ...yearLabels.map((l) => textCell(l, "header"))],
      ...STAT_ROWS.map(({ key, label }) => [
        textCell(label, "label"),
        ...stats.map((s) => valueCell(s[key], format)),
      ]),
    ]);
    if (id === "nvidiaChina") {
      charts.push({
        id: "simFan",
        kind: "line",
        title: "NVIDIA China revenue: P5–P95 by year (fan)",
        sheet: SIMULATION_SHEET,
        source: { sheet: SIMULATION_SHEET, range: blockRange(cellAddress(top, 1), 8, yearLabels.length + 1) },
        anchor: { from: cellAddress(settingsTop, 4), to: cellAddress(settingsTop + 14, 11) },
        yAxisTitle: "USD bn",
      });
    }
  }

  const statKeys = STAT_ROWS.map((s) => s.key);
  add([
    [
      textCell("Summary metric", "header"),
      ...STAT_ROWS.map((s) => textCell(s.label, "header")),
      textCell("Trials counted", "header"),
    ],
    ...METRIC_IDS.map((m) => {
      const s = result.metrics[m];
      const format = m === "cagrNvidiaChina" ? PERCENT : m === "crossoverYear" ? "0.0" : USD;
      return [
        textCell(METRIC_TITLES[m], "label"),
        ...statKeys.map((k) => valueCell(s[k], format)),
        numberCell(s.count, "#,##0"),
      ];
    }),
    [
      textCell("P(domestic share reaches 50% within the horizon)", "label"),
      numberCell(result.crossoverProbability, PERCENT),
    ],
  ]);

  if (result.thresholds.length > 0) {
    add([
      [textCell("Threshold", "header"), textCell("Probability", "header")],
      ...result.thresholds.map((t) => [textCell(t.label, "label"), numberCell(t.probability, PERCENT)]),
    ]);
  }

  result.histograms.forEach((h, index) => {
    const top = add(histogramRows(h));
    if (index === 0 && h.counts.length > 0) {
      charts.push({
        id: "simHistogram",
        kind: "column",
        title: `Histogram: ${h.label} (USD bn)`,
        sheet: SIMULATION_SHEET,
        source: {
          sheet: SIMULATION_SHEET,
          range: blockRange(cellAddress(top + 1, 1), 2, h.counts.length + 1),
        },
        anchor: { from: cellAddress(settingsTop + 16, 13), to: cellAddress(settingsTop + 31, 20) },
        yAxisTitle: "Trials",
      });
    }
  });

  return {
    sheet: {
      name: SIMULATION_SHEET,
      blocks,
      columnWidths: [
        { column: 1, width: 46 },
        ...Array.from({ length: 13 }, (_, i) => ({ column: i + 2, width: 12 })),
      ],
      freeze: { rows: 0, columns: 1 },
    },
    charts,
  };
}

export interface RankCorrelations {
  readonly output: string;
  readonly values: readonly { readonly input: string; readonly rho: number }[];
}

/**
 * The "CS Sensitivity" sheet: the tornado table (each input at its P10 and P90, the others at base, sorted by
 * swing) with a bar chart of the changes vs base, and the inputs' Spearman rank correlations with the output
 * when a simulation provided them.
 */
export function buildSensitivitySheetLayout(
  tornado: Tornado,
  rankCorrelations?: RankCorrelations,
  outputLabel = outputName(tornado),
  source?: SensitivitySource,
): SheetWithCharts {
  const { blocks, add } = blockStack();
  add([
    [textCell("ChipShift — Sensitivity", "title")],
    [textCell(`Output: ${outputLabel}`, "note")],
    ...(source === undefined
      ? []
      : [
          [textCell("Scenario", "label"), textCell(source.scenarioName)],
          [textCell("Inputs fingerprint", "label"), textCell(source.fingerprint)],
        ]),
    [
      textCell("Base value (every input at the scenario's value)", "label"),
      numberCell(tornado.baseOutput, USD),
    ],
  ]);
  add([
    ["Input", "Input at P10", "Input at P90", "Output at P10", "Output at P90", "Swing"].map((h) =>
      textCell(h, "header"),
    ),
    ...tornado.bars.map((b) => [
      textCell(b.input, "label"),
      numberCell(b.lowInput, "0.0000"),
      numberCell(b.highInput, "0.0000"),
      numberCell(b.lowOutput, USD),
      numberCell(b.highOutput, USD),
      numberCell(b.swing, USD),
    ]),
  ]);
  const chartTop = add([
    [
      textCell("Tornado chart data (change vs base)", "header"),
      ...tornado.bars.map((b) => textCell(b.input, "header")),
    ],
    [
      textCell("Input at P10", "label"),
      ...tornado.bars.map((b) => numberCell(b.lowOutput - tornado.baseOutput, USD)),
    ],
    [
      textCell("Input at P90", "label"),
      ...tornado.bars.map((b) => numberCell(b.highOutput - tornado.baseOutput, USD)),
    ],
  ]);
  if (rankCorrelations !== undefined && rankCorrelations.values.length > 0) {
    add([
      [textCell("Input", "header"), textCell(`Spearman ρ with ${rankCorrelations.output}`, "header")],
      ...rankCorrelations.values.map((v) => [textCell(v.input, "label"), numberCell(v.rho, "0.000")]),
    ]);
  }
  const charts: ChartSpec[] =
    tornado.bars.length === 0
      ? []
      : [
          {
            id: "sensTornado",
            kind: "bar",
            title: `Tornado: ${outputLabel} (change vs base)`,
            sheet: SENSITIVITY_SHEET,
            source: {
              sheet: SENSITIVITY_SHEET,
              range: blockRange(cellAddress(chartTop, 1), 3, tornado.bars.length + 1),
            },
            anchor: { from: "H2", to: "O22" },
            yAxisTitle: "USD bn",
          },
        ];
  return {
    sheet: {
      name: SENSITIVITY_SHEET,
      blocks,
      columnWidths: [
        { column: 1, width: 40 },
        ...Array.from({ length: 5 }, (_, i) => ({ column: i + 2, width: 14 })),
      ],
    },
    charts,
  };
}

/** Blocks stacked down column A with one blank row between them; `add` returns the block's top row. */
export function blockStack(): { blocks: LayoutBlock[]; add: (rows: (LayoutCell | null)[][]) => number } {
  const blocks: LayoutBlock[] = [];
  let row = 1;
  const add = (rows: (LayoutCell | null)[][]): number => {
    const top = row;
    blocks.push({ topLeft: cellAddress(top, 1), rows: rectangular(rows) });
    row += rows.length + 1;
    return top;
  };
  return { blocks, add };
}

function histogramRows(h: Histogram): (LayoutCell | null)[][] {
  const total = h.counts.reduce((s, c) => s + c, 0);
  const from = h.counts.map((_, k) => h.edges[k] ?? NaN);
  const to = h.counts.map((_, k) => h.edges[k + 1] ?? NaN);
  return [
    [textCell(`Histogram: ${h.label}`, "header")],
    [
      textCell("Bin", "label"),
      ...from.map((a, k) => textCell(`${a.toFixed(1)}–${(to[k] ?? NaN).toFixed(1)}`)),
    ],
    [textCell("Trials", "label"), ...h.counts.map((c) => numberCell(c, "#,##0"))],
    [textCell("From", "label"), ...from.map((a) => numberCell(a, USD))],
    [textCell("To", "label"), ...to.map((b) => numberCell(b, USD))],
    [
      textCell("Share of trials", "label"),
      ...h.counts.map((c) => numberCell(total > 0 ? c / total : 0, PERCENT)),
    ],
  ];
}

/** A number cell, or an empty text cell for NaN (no trial defined the statistic): Excel cannot store NaN. */
export function valueCell(value: number, format: string): LayoutCell {
  return Number.isFinite(value) ? numberCell(value, format) : textCell("–");
}

function formatOf(id: SeriesId): string {
  if (id === "domesticShare" || id === "nvidiaShare" || id === "domesticDemandShare" || id === "access")
    return PERCENT;
  if (id === "installedA100eq") return "#,##0";
  return USD;
}

const ORDER: readonly SeriesId[] = [
  "nvidiaChina",
  "nvidiaChinaNet",
  "nvidiaDataCenter",
  "market",
  "domesticSales",
  "domesticShare",
];
function seriesOrder(id: SeriesId): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}

function outputName(t: Tornado): string {
  return "metric" in t.output ? t.output.metric : `${t.output.series} ${t.output.year}`;
}

import type { ChartSize } from "./chartGeometry";

/**
 * Chart data contract shared by every chart in the pane (line, stacked area, and later band/fan, histogram,
 * tornado). Values are plain numbers in the unit of the chart's axis; `null` is a gap (no value that year).
 */
export interface ChartSeries {
  /** Stable id (a model series id or a scenario id), exposed in `data-series` for tests and tooling. */
  readonly id: string;
  /** Human label shown in the legend and the accessible data table. */
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Draw as a dashed line (e.g. a "net of remittance" companion series). */
  readonly dashed?: boolean;
}

/** A value drawn as a dot, not joined to others (e.g. a reported quarter beside the yearly line). */
export interface ChartMarker {
  /** Index of the year in the chart's x labels. */
  readonly xIndex: number;
  /** Offset from that year's point in steps between years, −0.5..0.5 (quarters sit around their year). */
  readonly offset: number;
  readonly value: number;
  /** What the dot is, in words: its hover text and its entry in the data table. */
  readonly label: string;
}

/** Markers of one kind: one legend entry and one colour. */
export interface ChartMarkerSet {
  readonly id: string;
  readonly label: string;
  readonly markers: readonly ChartMarker[];
}

/** What every chart takes besides its data: the accessible text and the test id. */
export interface ChartTextProps {
  /** Short title: the SVG's <title>, its accessible name and the data table's caption. */
  readonly title: string;
  /** One-sentence summary for screen readers (the SVG's <desc>). */
  readonly description?: string;
  /** `data-testid` on the <svg>. */
  readonly testId?: string;
  /** Show the title above the chart (default); false when a heading right above already names the chart. */
  readonly titleShown?: boolean;
  /** The x axis in words with its unit, under the x labels, e.g. "Cumulative revenue 2026–2030, USD bn". */
  readonly xAxisLabel?: string;
  /** The y axis in words with its unit, above the plot, e.g. "Share of trials, %". */
  readonly yAxisLabel?: string;
}

/** A chart over categorical x labels (years) drawn in a `ChartFrame`. */
export interface CategoryChartProps extends ChartTextProps {
  readonly xLabels: readonly string[];
  readonly formatY: ValueFormatter;
  readonly size?: ChartSize;
}

/** Formats an axis tick or a table cell value. */
export type ValueFormatter = (value: number) => string;

/** The JSON written to an SVG's `data-series` attribute: what is plotted, in plotted units. */
export interface PlottedData {
  readonly x: readonly string[];
  readonly series: readonly { readonly id: string; readonly values: readonly (number | null)[] }[];
}

export function plottedData(xLabels: readonly string[], series: readonly ChartSeries[]): PlottedData {
  return { x: xLabels, series: series.map((s) => ({ id: s.id, values: s.values })) };
}

import { scaleLinear, scalePoint } from "d3-scale";
import type { ScaleLinear, ScalePoint } from "d3-scale";

/** Plot area inside the SVG viewBox: the margins leave room for the axis labels. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export interface ChartGeometry {
  readonly size: ChartSize;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
  readonly x: ScalePoint<string>;
  readonly y: ScaleLinear<number, number>;
  readonly yTicks: readonly number[];
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 320, height: 200 };

/**
 * Scales for a chart with categorical x (years) and a linear y that always includes 0 and is rounded to
 * "nice" ticks. An empty or all-zero domain falls back to 0..1 so the axes still draw. `xPadding` is the
 * room before the first and after the last year, in steps between years (0.5 leaves half a year for markers).
 */
export function chartGeometry(
  xLabels: readonly string[],
  yValues: readonly (number | null)[],
  size: ChartSize = DEFAULT_CHART_SIZE,
  xPadding = 0.1,
): ChartGeometry {
  const margin = { top: 8, right: 12, bottom: 28, left: 48 };
  const finite = yValues.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const domain: [number, number] = lo === hi ? [0, 1] : [lo, hi];
  const y = scaleLinear()
    .domain(domain)
    .range([size.height - margin.bottom, margin.top])
    .nice(5);
  const x = scalePoint<string>()
    .domain([...xLabels])
    .range([margin.left, size.width - margin.right])
    .padding(xPadding);
  return { size, margin, x, y, yTicks: y.ticks(5) };
}

/**
 * Which x labels to print so that at most `maxLabels` fit: every k-th, always the first.
 * @example thinnedLabels(["a","b","c","d","e"], 3) → ["a","c","e"]
 */
export function thinnedLabels(xLabels: readonly string[], maxLabels: number): readonly string[] {
  const step = Math.max(1, Math.ceil(xLabels.length / Math.max(1, maxLabels)));
  return xLabels.filter((_, i) => i % step === 0);
}

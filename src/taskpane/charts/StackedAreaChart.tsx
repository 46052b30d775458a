import { area, stack } from "d3-shape";
import { chartGeometry, DEFAULT_CHART_SIZE } from "./chartGeometry";
import { ChartFrame } from "./ChartFrame";
import type { CategoryChartProps, ChartSeries } from "./chartTypes";
import { seriesColour } from "./palette";

export interface StackedAreaChartProps extends CategoryChartProps {
  /** Stacked bottom to top in this order; `null` counts as 0. Negative values are clamped to 0. */
  readonly series: readonly ChartSeries[];
}

/** Areas stacked in series order over categorical x labels (years): a split of a total over time. */
export function StackedAreaChart(props: StackedAreaChartProps): React.JSX.Element {
  const { xLabels, series } = props;
  const rows = xLabels.map((_, i) => series.map((s) => Math.max(0, s.values[i] ?? 0)));
  const layers = stack<number[], number>()
    .keys(series.map((_, k) => k))
    .value((row, k) => row[k] ?? 0)(rows);
  const totals = rows.map((row) => row.reduce((sum, v) => sum + v, 0));
  const geometry = chartGeometry(xLabels, totals, props.size ?? DEFAULT_CHART_SIZE);
  const { x, y } = geometry;
  const shape = area<[number, number]>()
    .x((_, i) => x(xLabels[i] ?? "") ?? 0)
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  return (
    <ChartFrame {...props} geometry={geometry}>
      {layers.map((layer, k) => {
        const s = series[k];
        return (
          <path
            key={s?.id ?? k}
            data-series-id={s?.id}
            d={shape(layer.map((point): [number, number] => [point[0], point[1]])) ?? ""}
            fillOpacity={0.75}
            strokeWidth={1}
            style={{ fill: seriesColour(k), stroke: seriesColour(k) }}
          />
        );
      })}
    </ChartFrame>
  );
}

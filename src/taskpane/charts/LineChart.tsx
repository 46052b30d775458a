import { line } from "d3-shape";
import { chartGeometry, DEFAULT_CHART_SIZE } from "./chartGeometry";
import { ChartFrame } from "./ChartFrame";
import type { CategoryChartProps, ChartSeries } from "./chartTypes";
import { seriesColour } from "./palette";

export interface LineChartProps extends CategoryChartProps {
  readonly series: readonly ChartSeries[];
}

/**
 * One line per series over categorical x labels (years). `null` values break the line; a lone value between
 * gaps is drawn as a dot so it stays visible.
 */
export function LineChart(props: LineChartProps): React.JSX.Element {
  const { xLabels, series } = props;
  const geometry = chartGeometry(
    xLabels,
    series.flatMap((s) => s.values),
    props.size ?? DEFAULT_CHART_SIZE,
  );
  const { x, y } = geometry;
  const path = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => x(xLabels[i] ?? "") ?? 0)
    .y((v) => y(v ?? 0));
  return (
    <ChartFrame {...props} geometry={geometry}>
      {series.map((s, i) => (
        <g key={s.id} data-series-id={s.id}>
          <path
            d={path([...s.values]) ?? ""}
            fill="none"
            strokeWidth={2}
            strokeDasharray={s.dashed ? "5 3" : undefined}
            style={{ stroke: seriesColour(i) }}
          />
          {s.values.map((v, j) =>
            v !== null && isIsolated(s.values, j) ? (
              <circle
                key={j}
                cx={x(xLabels[j] ?? "") ?? 0}
                cy={y(v)}
                r={2.5}
                style={{ fill: seriesColour(i) }}
              />
            ) : null,
          )}
        </g>
      ))}
    </ChartFrame>
  );
}

function isIsolated(values: readonly (number | null)[], index: number): boolean {
  const before = index > 0 ? values[index - 1] : null;
  const after = index < values.length - 1 ? values[index + 1] : null;
  return (before === null || before === undefined) && (after === null || after === undefined);
}

import { line } from "d3-shape";
import { tokens } from "@fluentui/react-components";
import { chartGeometry, DEFAULT_CHART_SIZE } from "./chartGeometry";
import { ChartFrame } from "./ChartFrame";
import type { CategoryChartProps, ChartMarkerSet, ChartSeries } from "./chartTypes";
import { seriesColour } from "./palette";

export interface LineChartProps extends CategoryChartProps {
  readonly series: readonly ChartSeries[];
  /** Dots beside the lines, e.g. reported quarters around their year (half a year of room at both ends). */
  readonly markerSets?: readonly ChartMarkerSet[];
}

/**
 * One line per series over categorical x labels (years). `null` values break the line; a lone value between
 * gaps is drawn as a dot so it stays visible. Marker sets are drawn as ringed dots with their label as hover text.
 */
export function LineChart(props: LineChartProps): React.JSX.Element {
  const { xLabels, series } = props;
  const markerSets = props.markerSets ?? [];
  const markers = markerSets.flatMap((m) => m.markers);
  const geometry = chartGeometry(
    xLabels,
    [...series.flatMap((s) => s.values), ...markers.map((m) => m.value)],
    props.size ?? DEFAULT_CHART_SIZE,
    markers.length > 0 ? 0.5 : 0.1,
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
      {markerSets.map((set, k) => (
        <g key={set.id} data-marker-set-id={set.id}>
          {set.markers.map((m) => (
            <circle
              key={`${m.xIndex}:${m.offset}`}
              cx={(x(xLabels[m.xIndex] ?? "") ?? 0) + m.offset * x.step()}
              cy={y(m.value)}
              r={3.5}
              strokeWidth={1.5}
              style={{ fill: seriesColour(series.length + k), stroke: tokens.colorNeutralBackground1 }}
            >
              <title>{m.label}</title>
            </circle>
          ))}
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

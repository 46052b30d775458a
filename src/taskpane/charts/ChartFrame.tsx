import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ChartGeometry } from "./chartGeometry";
import { thinnedLabels } from "./chartGeometry";
import { ChartPointer } from "./ChartPointer";
import type { ChartMarkerSet, ChartSeries, ChartTextProps, ValueFormatter } from "./chartTypes";
import { plottedData } from "./chartTypes";
import { useChartStyles } from "./chartStyles";
import { seriesColour } from "./palette";

export interface ChartFrameProps extends ChartTextProps {
  readonly xLabels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly geometry: ChartGeometry;
  readonly formatY: ValueFormatter;
  /** Dots beside the series (coloured after them), listed in the legend, the data table and `data-markers`. */
  readonly markerSets?: readonly ChartMarkerSet[];
  /** The plot marks (lines, areas, bars), drawn over the grid and under nothing. */
  readonly children: ReactNode;
  /**
   * The values at x label `index` in words, shown on hover and keyboard focus (default: each series' value,
   * then the markers of that year).
   */
  readonly readout?: (index: number) => string;
}

/**
 * The shared shell of every chart: a visible title (unless a heading above names the chart), an accessible SVG
 * (role="img", <title>, <desc>, `data-series` JSON of the plotted values), y grid and tick labels with their
 * unit, x labels, axis titles, a legend, values on hover and keyboard focus (`ChartPointer`), and a visually
 * hidden data table with the same numbers. Chart components only draw their marks inside it.
 */
export function ChartFrame(props: ChartFrameProps): React.JSX.Element {
  const shared = useChartStyles();
  const styles = useStyles();
  const { geometry, xLabels, series, formatY } = props;
  const markerSets = props.markerSets ?? [];
  const legendCount = series.length + markerSets.length;
  const { size, margin, x, y, yTicks } = geometry;
  const shownX = new Set(thinnedLabels(xLabels, Math.floor(size.width / 60)));
  const baseline = size.height - margin.bottom;
  const describe =
    props.readout ??
    ((row: number): string =>
      [
        xLabels[row] ?? "",
        ...series.map((s) => {
          const value = s.values[row];
          return `${s.label}: ${value === null || value === undefined ? "–" : formatY(value)}`;
        }),
        ...markerSets.flatMap((m) => m.markers.filter((p) => p.xIndex === row).map((p) => p.label)),
      ].join("\n"));
  return (
    <figure className={shared.figure}>
      {props.titleShown === false ? null : <figcaption className={shared.title}>{props.title}</figcaption>}
      {props.yAxisLabel === undefined ? null : <div className={shared.axisTitle}>{props.yAxisLabel}</div>}
      <ChartPointer
        title={props.title}
        count={xLabels.length}
        axis="x"
        position={(row) => (x(xLabels[row] ?? "") ?? 0) / size.width}
        describe={describe}
      >
        <svg
          role="img"
          aria-label={props.description ? `${props.title}. ${props.description}` : props.title}
          viewBox={`0 0 ${size.width} ${size.height}`}
          className={shared.svg}
          data-testid={props.testId}
          data-series={JSON.stringify(plottedData(xLabels, series))}
          data-markers={markerSets.length > 0 ? JSON.stringify(markerSets) : undefined}
        >
          <title>{props.title}</title>
          {props.description ? <desc>{props.description}</desc> : null}
          <g aria-hidden="true">
            {yTicks.map((tick) => (
              <g key={`y${tick}`}>
                <line
                  x1={margin.left}
                  x2={size.width - margin.right}
                  y1={y(tick)}
                  y2={y(tick)}
                  className={tick === 0 ? styles.axis : shared.grid}
                />
                <text x={margin.left - 4} y={y(tick)} className={styles.tickY}>
                  {formatY(tick)}
                </text>
              </g>
            ))}
            {xLabels.map((label) =>
              shownX.has(label) ? (
                <text key={`x${label}`} x={x(label) ?? 0} y={baseline + 16} className={shared.tickX}>
                  {label}
                </text>
              ) : null,
            )}
          </g>
          {props.children}
        </svg>
      </ChartPointer>
      {props.xAxisLabel === undefined ? null : (
        <div className={`${shared.axisTitle} ${shared.axisTitleX}`}>{props.xAxisLabel}</div>
      )}
      {legendCount > 1 ? (
        <ul className={styles.legend} aria-label={`${props.title} legend`}>
          {series.map((s, i) => (
            <li key={s.id} className={shared.legendItem}>
              <span
                aria-hidden="true"
                className={s.dashed ? styles.swatchDashed : styles.swatch}
                style={{
                  borderColor: seriesColour(i),
                  backgroundColor: s.dashed ? undefined : seriesColour(i),
                }}
              />
              {s.label}
            </li>
          ))}
          {markerSets.map((m, k) => (
            <li key={m.id} className={shared.legendItem}>
              <span
                aria-hidden="true"
                className={styles.swatchDot}
                style={{ backgroundColor: seriesColour(series.length + k) }}
              />
              {m.label}
            </li>
          ))}
        </ul>
      ) : null}
      {/* A table box ignores overflow: the clipping wrapper keeps its width out of the pane's layout. */}
      <div className={shared.visuallyHidden}>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {series.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
              {markerSets.map((m) => (
                <th key={m.id} scope="col">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {xLabels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => {
                  const value = s.values[row];
                  return <td key={s.id}>{value === null || value === undefined ? "–" : formatY(value)}</td>;
                })}
                {markerSets.map((m) => {
                  const labels = m.markers.filter((p) => p.xIndex === row).map((p) => p.label);
                  return <td key={m.id}>{labels.length === 0 ? "–" : labels.join("; ")}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const useStyles = makeStyles({
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tickY: {
    fill: tokens.colorNeutralForeground3,
    fontSize: "9px",
    textAnchor: "end",
    dominantBaseline: "middle",
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: { display: "inline-block", width: "12px", height: "4px", borderTop: "4px solid" },
  swatchDot: { display: "inline-block", width: "8px", height: "8px", borderRadius: "50%" },
  swatchDashed: { display: "inline-block", width: "12px", height: "0px", borderTop: "2px dashed" },
});

import { makeStyles, tokens } from "@fluentui/react-components";
import { scaleBand, scaleLinear } from "d3-scale";
import { extent } from "../../model/own";
import { ChartPointer } from "./ChartPointer";
import type { ChartTextProps, ValueFormatter } from "./chartTypes";
import { useChartStyles } from "./chartStyles";
import { seriesColour } from "./palette";

export interface TornadoChartBar {
  readonly id: string;
  readonly label: string;
  /** Output with the input at its low value (P10) and high value (P90). */
  readonly low: number;
  readonly high: number;
}

export interface TornadoChartProps extends ChartTextProps {
  /** The output with every input at base: the bars' common axis. */
  readonly base: number;
  /** Already sorted (widest swing first). */
  readonly bars: readonly TornadoChartBar[];
  readonly formatValue: ValueFormatter;
  readonly width?: number;
}

/**
 * A tornado: one horizontal bar per input from its low-input output to its high-input output, around the base
 * output's vertical line; the low side and the high side in two colours. Each input's name sits on its own line
 * above its bar, so long names are never cut off at 320 px. Accessible like the other charts (visible title,
 * role="img", `data-series` JSON, a visually hidden table, values on hover and keyboard focus).
 */
export function TornadoChart(props: TornadoChartProps): React.JSX.Element {
  const shared = useChartStyles();
  const styles = useStyles();
  const { bars, base } = props;
  const width = props.width ?? 320;
  // A row: the input's name (11 px) over its bar (12 px).
  const rowHeight = 28;
  const labelHeight = 12;
  const margin = { top: 4, right: 14, bottom: 20, left: 14 };
  const height = margin.top + margin.bottom + Math.max(1, bars.length) * rowHeight;
  const values = [base, ...bars.flatMap((b) => [b.low, b.high])].filter(Number.isFinite);
  const [lo, hi] = extent(values);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([margin.left, width - margin.right])
    .nice(4);
  const yBand = scaleBand<string>()
    .domain(bars.map((b) => b.id))
    .range([margin.top, height - margin.bottom]);
  const describe = (i: number): string => {
    const b = bars[i];
    if (b === undefined) return "";
    return [
      b.label,
      `Input at P10: ${props.formatValue(b.low)}`,
      `Input at P90: ${props.formatValue(b.high)}`,
      `Base: ${props.formatValue(base)}`,
    ].join("\n");
  };
  const data = { base, bars: bars.map((b) => ({ id: b.id, low: b.low, high: b.high })) };
  return (
    <figure className={shared.figure}>
      {props.titleShown === false ? null : <figcaption className={shared.title}>{props.title}</figcaption>}
      <ChartPointer
        title={props.title}
        count={bars.length}
        axis="y"
        position={(i) => ((yBand(bars[i]?.id ?? "") ?? 0) + rowHeight / 2) / height}
        band={rowHeight / height}
        describe={describe}
      >
        <svg
          role="img"
          aria-label={props.description ? `${props.title}. ${props.description}` : props.title}
          viewBox={`0 0 ${width} ${height}`}
          className={shared.svg}
          data-testid={props.testId}
          data-series={JSON.stringify(data)}
        >
          <title>{props.title}</title>
          {props.description ? <desc>{props.description}</desc> : null}
          <g aria-hidden="true">
            {x.ticks(4).map((tick) => (
              <g key={tick}>
                <line
                  x1={x(tick)}
                  x2={x(tick)}
                  y1={margin.top}
                  y2={height - margin.bottom}
                  className={shared.grid}
                />
                <text x={x(tick)} y={height - margin.bottom + 14} className={shared.tickX}>
                  {props.formatValue(tick)}
                </text>
              </g>
            ))}
            {bars.map((b) => {
              const row = yBand(b.id) ?? 0;
              const top = row + labelHeight + 1;
              const h = rowHeight - labelHeight - 4;
              const seg = (from: number, to: number, colour: string) => (
                <rect
                  x={Math.min(x(from), x(to))}
                  y={top}
                  width={Math.max(1, Math.abs(x(to) - x(from)))}
                  height={h}
                  style={{ fill: colour }}
                />
              );
              return (
                <g key={b.id} data-bar={b.id}>
                  <text x={margin.left} y={row + labelHeight - 2} className={styles.label}>
                    {b.label}
                  </text>
                  {seg(base, b.low, seriesColour(1))}
                  {seg(base, b.high, seriesColour(0))}
                </g>
              );
            })}
            <line
              x1={x(base)}
              x2={x(base)}
              y1={margin.top}
              y2={height - margin.bottom}
              className={styles.axis}
            />
          </g>
        </svg>
      </ChartPointer>
      {props.xAxisLabel === undefined ? null : (
        <div className={`${shared.axisTitle} ${shared.axisTitleX}`}>{props.xAxisLabel}</div>
      )}
      <ul className={shared.legend} aria-label={`${props.title} legend`}>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={shared.swatch} style={{ backgroundColor: seriesColour(1) }} />
          Input at P10
        </li>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={shared.swatch} style={{ backgroundColor: seriesColour(0) }} />
          Input at P90
        </li>
      </ul>
      {/* A table box ignores overflow: the clipping wrapper keeps its width out of the pane's layout. */}
      <div className={shared.visuallyHidden}>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Output at P10</th>
              <th scope="col">Output at P90</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.label}</th>
                <td>{props.formatValue(b.low)}</td>
                <td>{props.formatValue(b.high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const useStyles = makeStyles({
  axis: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1 },
  // A halo in the background colour keeps the name readable where grid lines cross it.
  label: {
    fill: tokens.colorNeutralForeground2,
    fontSize: "10px",
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "3px",
    paintOrder: "stroke",
  },
});

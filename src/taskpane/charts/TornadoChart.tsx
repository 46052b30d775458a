import { makeStyles, tokens } from "@fluentui/react-components";
import { scaleBand, scaleLinear } from "d3-scale";
import { extent } from "../../model/own";
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
 * output's vertical line; the low side and the high side in two colours. Accessible like the other charts
 * (role="img", title, `data-series` JSON, a visually hidden table).
 */
export function TornadoChart(props: TornadoChartProps): React.JSX.Element {
  const shared = useChartStyles();
  const styles = useStyles();
  const { bars, base } = props;
  const width = props.width ?? 320;
  const rowHeight = 18;
  const margin = { top: 8, right: 12, bottom: 24, left: 112 };
  const height = margin.top + margin.bottom + Math.max(1, bars.length) * rowHeight;
  const values = [base, ...bars.flatMap((b) => [b.low, b.high])].filter(Number.isFinite);
  const [lo, hi] = extent(values);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([margin.left, width - margin.right])
    .nice(4);
  const yBand = scaleBand<string>()
    .domain(bars.map((b) => b.id))
    .range([margin.top, height - margin.bottom])
    .padding(0.2);
  const data = { base, bars: bars.map((b) => ({ id: b.id, low: b.low, high: b.high })) };
  return (
    <figure className={shared.figure}>
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
            const top = yBand(b.id) ?? 0;
            const h = yBand.bandwidth();
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
                <text x={margin.left - 4} y={top + h / 2} className={styles.label}>
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
      <table className={shared.visuallyHidden}>
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
    </figure>
  );
}

const useStyles = makeStyles({
  axis: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1 },
  label: {
    fill: tokens.colorNeutralForeground2,
    fontSize: "9px",
    textAnchor: "end",
    dominantBaseline: "middle",
  },
});

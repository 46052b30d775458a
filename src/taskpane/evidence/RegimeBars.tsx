import { makeStyles, tokens } from "@fluentui/react-components";
import { scaleBand } from "d3-scale";
import { formatPercent } from "../charts/format";
import { useChartStyles } from "../charts/chartStyles";
import { seriesColour } from "../charts/palette";

export interface RegimeYear {
  readonly label: string;
  /** P(regime) before the evidence, or undefined when unknown. */
  readonly prior?: Readonly<Record<string, number>>;
  readonly posterior: Readonly<Record<string, number>>;
}

export interface RegimeBarsProps {
  readonly regimes: readonly string[];
  readonly years: readonly RegimeYear[];
  readonly title: string;
  readonly description?: string;
  readonly testId?: string;
}

const WIDTH = 320;
const HEIGHT = 190;
const MARGIN = { top: 18, right: 8, bottom: 30, left: 36 };

/**
 * The regime posterior per year as stacked bars (0–100%), the prior's stacked bar beside each year's posterior
 * (left, lighter). Accessible: role="img" with title and description, `data-regimes` JSON and a visually hidden
 * table (one row per year and regime: prior, posterior).
 */
export function RegimeBars({ regimes, years, title, description, testId }: RegimeBarsProps) {
  const shared = useChartStyles();
  const styles = useStyles();
  const band = scaleBand<string>()
    .domain(years.map((d) => d.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const w = band.bandwidth();
  const barWidth = Math.max(3, w / 2 - 1.5);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (p: number): number => HEIGHT - MARGIN.bottom - p * plotHeight;
  const stacked = (
    probabilities: Readonly<Record<string, number>>,
    x: number,
    opacity: number,
    key: string,
  ) => {
    let below = 0;
    return regimes.map((r, k) => {
      const p = Math.max(0, own(probabilities, r));
      const rect = (
        <rect
          key={`${key}-${r}`}
          x={x}
          y={y(below + p)}
          width={barWidth}
          height={Math.max(0, y(below) - y(below + p))}
          fillOpacity={opacity}
          style={{ fill: seriesColour(k) }}
        />
      );
      below += p;
      return rect;
    });
  };
  return (
    <figure className={shared.figure}>
      <figcaption className={styles.title}>{title}</figcaption>
      <svg
        role="img"
        aria-label={description ? `${title}. ${description}` : title}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={shared.svg}
        data-testid={testId}
        data-regimes={JSON.stringify({ regimes, years })}
      >
        <title>{title}</title>
        {description ? <desc>{description}</desc> : null}
        <g aria-hidden="true">
          <text x={2} y={10} className={styles.unit}>
            Probability (%)
          </text>
          {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                className={shared.grid}
              />
              <text x={MARGIN.left - 4} y={y(tick)} className={styles.tickY}>
                {Math.round(tick * 100)}
              </text>
            </g>
          ))}
          {years.map((d) => {
            const left = band(d.label) ?? 0;
            const [calendar, fiscal] = d.label.split("/");
            const cx = left + w / 2;
            return (
              <g key={d.label}>
                {d.prior === undefined ? null : stacked(d.prior, left, 0.4, `${d.label}-prior`)}
                {stacked(d.posterior, left + w - barWidth, 0.9, `${d.label}-posterior`)}
                <text x={cx} y={HEIGHT - MARGIN.bottom + 11} className={shared.tickX}>
                  <tspan x={cx}>{calendar}</tspan>
                  <tspan x={cx} dy={10}>
                    {fiscal}
                  </tspan>
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <ul className={`${shared.legend} ${styles.legend}`} aria-label={`${title} legend`}>
        {regimes.map((r, k) => (
          <li key={r} className={shared.legendItem}>
            <span aria-hidden="true" className={shared.swatch} style={{ backgroundColor: seriesColour(k) }} />
            {r}
          </li>
        ))}
        <li className={shared.legendItem}>Each year: prior left (light), posterior right</li>
      </ul>
      <div className={shared.visuallyHidden}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Regime</th>
              <th scope="col">Prior</th>
              <th scope="col">Posterior</th>
            </tr>
          </thead>
          <tbody>
            {years.flatMap((d) =>
              regimes.map((r) => (
                <tr key={`${d.label}-${r}`}>
                  <th scope="row">{d.label}</th>
                  <th scope="row">{r}</th>
                  <td>{d.prior === undefined ? "–" : formatPercent(own(d.prior, r))}</td>
                  <td>{formatPercent(own(d.posterior, r))}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A regime's probability, read as an own property only (a regime may be named "constructor"). */
function own(probabilities: Readonly<Record<string, number>>, regime: string): number {
  const p = Object.hasOwn(probabilities, regime) ? probabilities[regime] : undefined;
  return typeof p === "number" && Number.isFinite(p) ? p : 0;
}

const useStyles = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    marginBottom: tokens.spacingVerticalXXS,
  },
  tickY: {
    fill: tokens.colorNeutralForeground3,
    fontSize: "9px",
    textAnchor: "end",
    dominantBaseline: "middle",
  },
  unit: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  legend: { flexWrap: "wrap" },
});

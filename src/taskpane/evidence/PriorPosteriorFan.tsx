import { makeStyles, tokens } from "@fluentui/react-components";
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useChartStyles } from "../charts/chartStyles";
import { seriesColour } from "../charts/palette";
import type { FanYear } from "./results";

export interface PriorPosteriorFanProps {
  readonly years: readonly FanYear[];
  readonly title: string;
  readonly description?: string;
  readonly testId?: string;
}

const WIDTH = 320;
const HEIGHT = 210;
const MARGIN = { top: 18, right: 8, bottom: 30, left: 36 };

/**
 * NVIDIA China revenue per year, prior and posterior side by side: for each year a P10–P90 bar with a P50
 * tick for the prior (left, grey) and the posterior (right, coloured), their medians joined across years.
 * Accessible: role="img" with title and description, `data-fan` JSON, and a visually hidden table of the six
 * percentiles per year (the tab also shows a compact visible table).
 */
export function PriorPosteriorFan({ years, title, description, testId }: PriorPosteriorFanProps) {
  const shared = useChartStyles();
  const styles = useStyles();
  const values = years.flatMap((y) => [y.prior.p10, y.prior.p90, y.posterior.p10, y.posterior.p90]);
  const finite = values.filter(Number.isFinite);
  const hi = Math.max(0, ...finite);
  const lo = Math.min(0, ...finite);
  const y = scaleLinear()
    .domain(hi === lo ? [0, 1] : [lo, hi])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice(5);
  const band = scaleBand<string>()
    .domain(years.map((d) => d.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const w = band.bandwidth();
  const barWidth = Math.max(3, Math.min(10, w / 2 - 2));
  const centre = (label: string, which: "prior" | "posterior"): number =>
    (band(label) ?? 0) + (which === "prior" ? w * 0.3 : w * 0.7);
  const median = (which: "prior" | "posterior") =>
    line<FanYear>()
      .defined((d) => Number.isFinite(d[which].p50))
      .x((d) => centre(d.label, which))
      .y((d) => y(d[which].p50))([...years]) ?? "";
  const colour = { prior: tokens.colorNeutralForeground3, posterior: seriesColour(0) };
  return (
    <figure className={shared.figure}>
      <figcaption className={styles.title}>{title}</figcaption>
      <svg
        role="img"
        aria-label={description ? `${title}. ${description}` : title}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={shared.svg}
        data-testid={testId}
        data-fan={JSON.stringify(years)}
      >
        <title>{title}</title>
        {description ? <desc>{description}</desc> : null}
        <g aria-hidden="true">
          <text x={2} y={10} className={styles.unit}>
            USD bn
          </text>
          {y.ticks(5).map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                className={tick === 0 ? styles.axis : shared.grid}
              />
              <text x={MARGIN.left - 4} y={y(tick)} className={styles.tickY}>
                {tick.toLocaleString("en-US")}
              </text>
            </g>
          ))}
          {years.map((d) => {
            const [calendar, fiscal] = d.label.split("/");
            const x = (band(d.label) ?? 0) + w / 2;
            return (
              <text key={d.label} x={x} y={HEIGHT - MARGIN.bottom + 11} className={shared.tickX}>
                <tspan x={x}>{calendar}</tspan>
                <tspan x={x} dy={10}>
                  {fiscal}
                </tspan>
              </text>
            );
          })}
          <path d={median("prior")} fill="none" strokeDasharray="3 2" style={{ stroke: colour.prior }} />
          <path d={median("posterior")} fill="none" style={{ stroke: colour.posterior }} />
          {years.flatMap((d) =>
            (["prior", "posterior"] as const).map((which) => {
              const q = d[which];
              if (!Number.isFinite(q.p10) || !Number.isFinite(q.p90)) return null;
              const cx = centre(d.label, which);
              return (
                <g key={`${d.label}-${which}`} data-bar={which}>
                  <rect
                    x={cx - barWidth / 2}
                    y={y(q.p90)}
                    width={barWidth}
                    height={Math.max(1, y(q.p10) - y(q.p90))}
                    style={{ fill: colour[which] }}
                    fillOpacity={which === "prior" ? 0.35 : 0.45}
                  />
                  {Number.isFinite(q.p50) ? (
                    <line
                      x1={cx - barWidth / 2 - 1}
                      x2={cx + barWidth / 2 + 1}
                      y1={y(q.p50)}
                      y2={y(q.p50)}
                      strokeWidth={2}
                      style={{ stroke: colour[which] }}
                    />
                  ) : null}
                </g>
              );
            }),
          )}
        </g>
      </svg>
      <ul className={`${shared.legend} ${styles.legend}`} aria-label={`${title} legend`}>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={`${shared.swatch} ${styles.priorSwatch}`} />
          Prior (left)
        </li>
        <li className={shared.legendItem}>
          <span
            aria-hidden="true"
            className={shared.swatch}
            style={{ backgroundColor: colour.posterior, opacity: 0.6 }}
          />
          Posterior (right)
        </li>
        <li className={shared.legendItem}>Bar P10–P90, tick P50</li>
      </ul>
      <div className={shared.visuallyHidden}>
        <table>
          <caption>{title} (USD bn)</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Prior P10</th>
              <th scope="col">Prior P50</th>
              <th scope="col">Prior P90</th>
              <th scope="col">Posterior P10</th>
              <th scope="col">Posterior P50</th>
              <th scope="col">Posterior P90</th>
            </tr>
          </thead>
          <tbody>
            {years.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                {[
                  d.prior.p10,
                  d.prior.p50,
                  d.prior.p90,
                  d.posterior.p10,
                  d.posterior.p50,
                  d.posterior.p90,
                ].map((v, i) => (
                  <td key={i}>{usd(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** USD bn with two decimals below 10, one below 100, none above; "–" when undefined. */
export function usd(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

const useStyles = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    marginBottom: tokens.spacingVerticalXXS,
  },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tickY: {
    fill: tokens.colorNeutralForeground3,
    fontSize: "9px",
    textAnchor: "end",
    dominantBaseline: "middle",
  },
  unit: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  legend: { flexWrap: "wrap" },
  priorSwatch: { backgroundColor: tokens.colorNeutralForeground3, opacity: 0.45 },
});

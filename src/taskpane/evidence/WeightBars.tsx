import { makeStyles, tokens } from "@fluentui/react-components";
import { formatPercent } from "../charts/format";
import { useChartStyles } from "../charts/chartStyles";
import { seriesColour } from "../charts/palette";
import type { WeightRow } from "./selectors";

export interface WeightBarsProps {
  readonly rows: readonly WeightRow[];
  readonly title: string;
  readonly testId?: string;
}

const WIDTH = 320;
const LABEL = 58;
const RIGHT = 40;
const BAR = 9;
const NAME = 14;
const GAP = 8;
const AXIS = 30;
const TOP = 4;

/**
 * The posterior weight of each scenario as a horizontal bar, its prior as a lighter bar right under it, on a
 * common 0–100% axis. Accessible like the pane's other charts: role="img" with a title, `data-weights` JSON for
 * tests, and a visually hidden table (scenario, log-likelihood, prior, posterior, worst-fitting observation).
 */
export function WeightBars({ rows, title, testId }: WeightBarsProps): React.JSX.Element {
  const shared = useChartStyles();
  const styles = useStyles();
  const rowHeight = NAME + 2 * BAR + 2 + GAP;
  const height = TOP + rows.length * rowHeight + AXIS;
  const plot = WIDTH - LABEL - RIGHT;
  const x = (p: number): number => LABEL + Math.max(0, Math.min(1, p)) * plot;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const axisY = TOP + rows.length * rowHeight;
  const posteriorColour = seriesColour(0);
  const description = rows
    .map((r) => `${r.name}: posterior ${percent(r.posterior)}, prior ${percent(r.prior)}`)
    .join("; ");
  return (
    <figure className={shared.figure}>
      <figcaption className={styles.title}>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className={shared.svg}
        data-testid={testId}
        data-weights={JSON.stringify(
          rows.map((r) => ({ id: r.id, name: r.name, prior: r.prior, posterior: r.posterior })),
        )}
      >
        <title>{title}</title>
        <desc>{description}</desc>
        <g aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              {/* Grid lines behind the bars only, so they never cross a scenario's name. */}
              {rows.map((r, s) => (
                <line
                  key={r.id}
                  x1={x(t)}
                  x2={x(t)}
                  y1={TOP + s * rowHeight + NAME - 2}
                  y2={TOP + s * rowHeight + NAME + 2 * BAR + 4}
                  className={shared.grid}
                />
              ))}
              <text x={x(t)} y={axisY + 11} className={shared.tickX}>
                {`${Math.round(t * 100)}%`}
              </text>
            </g>
          ))}
          <text x={LABEL + plot / 2} y={axisY + 24} className={styles.axisTitle}>
            Probability of the scenario (%)
          </text>
          {rows.map((r, s) => {
            const top = TOP + s * rowHeight;
            const barY = top + NAME;
            return (
              <g key={r.id} data-scenario={r.id}>
                <text x={0} y={top + 10} className={styles.name}>
                  {r.current ? `${shorten(r.name, 34)} — your scenario` : shorten(r.name, 50)}
                </text>
                <text x={LABEL - 4} y={barY + BAR / 2} className={styles.rowLabel}>
                  Posterior
                </text>
                <rect
                  x={LABEL}
                  y={barY}
                  width={Math.max(0.5, x(r.posterior) - LABEL)}
                  height={BAR}
                  style={{ fill: posteriorColour }}
                  data-bar="posterior"
                />
                <text x={x(r.posterior) + 3} y={barY + BAR / 2} className={styles.value}>
                  {percent(r.posterior)}
                </text>
                <text x={LABEL - 4} y={barY + BAR + 2 + BAR / 2} className={styles.rowLabel}>
                  Prior
                </text>
                <rect
                  x={LABEL}
                  y={barY + BAR + 2}
                  width={Math.max(0.5, x(r.prior) - LABEL)}
                  height={BAR}
                  className={styles.prior}
                  data-bar="prior"
                />
                <text x={x(r.prior) + 3} y={barY + BAR + 2 + BAR / 2} className={styles.value}>
                  {percent(r.prior)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <ul className={shared.legend} aria-label={`${title} legend`}>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={shared.swatch} style={{ backgroundColor: posteriorColour }} />
          Posterior (given the observations)
        </li>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={`${shared.swatch} ${styles.priorSwatch}`} />
          Prior
        </li>
      </ul>
      <div className={shared.visuallyHidden}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Log-likelihood</th>
              <th scope="col">Prior</th>
              <th scope="col">Posterior</th>
              <th scope="col">Worst-fitting observation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  {r.current ? " (your scenario)" : ""}
                </th>
                <td>
                  {Number.isFinite(r.logLikelihood) ? r.logLikelihood.toFixed(2).replace("-", "−") : "−∞"}
                </td>
                <td>{percent(r.prior)}</td>
                <td>{percent(r.posterior)}</td>
                <td>{r.dominantObservation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A weight as a percentage; a positive weight that rounds to 0% reads "< 0.1%" (it is not zero). */
export function percent(p: number): string {
  if (p > 0 && p < 0.0005) return "< 0.1%";
  if (p < 1 && p > 0.9995) return "> 99.9%";
  return formatPercent(p);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const useStyles = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    marginBottom: tokens.spacingVerticalXXS,
  },
  name: { fill: tokens.colorNeutralForeground1, fontSize: "10px", fontWeight: tokens.fontWeightSemibold },
  rowLabel: {
    fill: tokens.colorNeutralForeground3,
    fontSize: "9px",
    textAnchor: "end",
    dominantBaseline: "middle",
  },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "9px", dominantBaseline: "middle" },
  axisTitle: { fill: tokens.colorNeutralForeground3, fontSize: "9px", textAnchor: "middle" },
  prior: { fill: tokens.colorNeutralForeground3, fillOpacity: 0.45 },
  priorSwatch: { backgroundColor: tokens.colorNeutralForeground3, opacity: 0.45 },
});

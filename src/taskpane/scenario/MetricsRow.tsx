import { memo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Projection } from "../../model/types";
import { formatPercent, formatUsdBn } from "../charts/format";

export interface MetricsRowProps {
  readonly projection: Projection;
}

/** Key metrics of the projection (DESIGN.md §4.2 summary, over t = 1..H). */
export const MetricsRow = memo(function MetricsRow({ projection }: MetricsRowProps): React.JSX.Element {
  const styles = useStyles();
  const { summary, years } = projection;
  const first = years.calendar[1] ?? years.calendar[0];
  const last = years.calendar[years.calendar.length - 1];
  const span = `${first}–${last}`;
  const crossoverIndex = summary.crossoverYear === null ? -1 : years.calendar.indexOf(summary.crossoverYear);
  const metrics: readonly { id: string; label: string; value: string }[] = [
    {
      id: "cumulative",
      label: `Cumulative NVIDIA China revenue ${span}`,
      value: formatUsdBn(summary.cumulativeNvidiaChina),
    },
    { id: "npv", label: `NPV of NVIDIA China revenue ${span}`, value: formatUsdBn(summary.npvNvidiaChina) },
    {
      id: "cagr",
      label: "CAGR of NVIDIA China revenue",
      value: summary.cagrNvidiaChina === null ? "n/a" : formatPercent(summary.cagrNvidiaChina),
    },
    {
      id: "crossover",
      label: "Domestic share reaches 50%",
      value:
        summary.crossoverYear === null
          ? `not by ${last}`
          : `${summary.crossoverYear} (${years.fiscal[crossoverIndex] ?? ""})`,
    },
    {
      id: "atRisk",
      label: `Revenue at risk vs no controls ${span}`,
      value: formatUsdBn(summary.revenueAtRiskTotal),
    },
  ];
  return (
    <dl className={styles.row} aria-label="Key metrics">
      {metrics.map((m) => (
        <div key={m.id} className={styles.card} data-metric={m.id}>
          <dt className={styles.label}>{m.label}</dt>
          <dd className={styles.value}>{m.value}</dd>
        </div>
      ))}
    </dl>
  );
});

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  card: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  label: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { memo, startTransition, useDeferredValue, useEffect, useState } from "react";
import type { MetricId } from "../../analysis/simulationSpec";
import type { SimulationResult } from "../../analysis/summarize";
import { FanChart } from "../charts/FanChart";
import { formatPercent, formatUsdBn, yearLabel } from "../charts/format";
import { Histogram } from "../charts/Histogram";
import { useResultTableStyles } from "../results/resultTableStyles";
import { thresholdWords } from "./seriesWords";

const METRICS: readonly { readonly id: MetricId; readonly label: string; readonly percent?: boolean }[] = [
  { id: "cumulativeNvidiaChina", label: "Cumulative NVIDIA China revenue" },
  { id: "npvNvidiaChina", label: "NPV of NVIDIA China revenue" },
  { id: "revenueAtRiskTotal", label: "Revenue at risk vs no controls" },
  { id: "cagrNvidiaChina", label: "CAGR of NVIDIA China revenue", percent: true },
];

/**
 * The finished run: fan chart, histogram, threshold probabilities and a summary-statistics table. The charts
 * render as a deferred (interruptible) update: a first, light render says they are coming, so drawing them
 * never holds the page for one long task.
 */
export function SimulationResults({
  result,
  elapsedMs,
  footer,
}: {
  readonly result: SimulationResult;
  readonly elapsedMs?: number;
  /**
   * Shown under the results once they are drawn (e.g. a background job's progress: mounted only then, its
   * updates cannot interrupt and restart the deferred drawing of the charts).
   */
  readonly footer?: React.ReactNode;
}) {
  const shown = useDeferredValue<SimulationResult | null>(result, null);
  if (shown === null) return <Text size={200}>Drawing the results…</Text>;
  return (
    <>
      <ResultsView result={shown} {...(elapsedMs === undefined ? {} : { elapsedMs })} />
      {footer}
    </>
  );
}

/**
 * Renders the results' two charts once, hidden, in an idle-time transition after the Simulate tab opens, then
 * removes them: the charts' first render computes and inserts their CSS (Fluent's makeStyles does it on first
 * use, about 30 ms), which would otherwise fall in the one render that shows a run's results and make it a
 * long task. Nothing is shown or announced (`hidden`, no test ids).
 */
export function ResultChartsPrimer(): React.JSX.Element | null {
  const [stage, setStage] = useState<"waiting" | "rendering" | "done">("waiting");
  useEffect(() => {
    if (stage === "done") return;
    // Waiting: render the charts (after the tab's own first paint); rendering: they are in, remove them.
    const next = stage === "waiting" ? "rendering" : "done";
    const timer = setTimeout(() => startTransition(() => setStage(next)), 0);
    return () => clearTimeout(timer);
  }, [stage]);
  if (stage !== "rendering") return null;
  const values = [1, 2, 3];
  return (
    <div hidden aria-hidden="true">
      <FanChart
        title="primer"
        xLabels={["a", "b", "c"]}
        bands={{ p5: values, p25: values, p50: values, p75: values, p95: values }}
        formatY={formatUsdBn}
      />
      <Histogram title="primer" edges={[0, 1, 2, 3]} counts={[1, 2, 1]} formatX={formatUsdBn} />
    </div>
  );
}

/** Memoized: an urgent re-render of the section with the same result does not redraw the charts. */
const ResultsView = memo(function ResultsView({
  result,
  elapsedMs,
}: {
  readonly result: SimulationResult;
  readonly elapsedMs?: number;
}) {
  const styles = useStyles();
  const tables = useResultTableStyles();
  const stats = result.series.nvidiaChina ?? [];
  const xLabels = result.years.calendar.map(yearLabel);
  const cumulative = result.histograms[0];
  const span = `${result.years.calendar[1] ?? result.years.calendar[0] ?? ""}–${result.years.calendar[result.years.calendar.length - 1] ?? ""}`;
  return (
    <section className={styles.root} aria-label="Simulation results" data-testid="simulation-results">
      <Text size={200}>
        {result.trials.toLocaleString("en-US")} trials, seed {result.seed},{" "}
        {result.sampling === "lhs" ? "Latin hypercube" : "Monte Carlo"}
        {elapsedMs === undefined ? "" : `, ${(elapsedMs / 1000).toFixed(2)} s`}
      </Text>
      <FanChart
        title="NVIDIA China revenue by year, USD bn"
        description="Shaded bands: 5th–95th and 25th–75th percentiles; line: median"
        yAxisLabel="USD bn per year (P5–P95 band, median line)"
        xLabels={xLabels}
        bands={{
          p5: stats.map((s) => s.p5),
          p25: stats.map((s) => s.p25),
          p50: stats.map((s) => s.p50),
          p75: stats.map((s) => s.p75),
          p95: stats.map((s) => s.p95),
        }}
        formatY={formatUsdBn}
        testId="fan-chart"
      />
      {cumulative === undefined ? null : (
        <Histogram
          title={`Cumulative NVIDIA China revenue ${span}: distribution of trials`}
          edges={cumulative.edges}
          counts={cumulative.counts}
          formatX={formatUsdBn}
          xAxisLabel={`Cumulative NVIDIA China revenue ${span}, USD bn`}
          testId="histogram"
        />
      )}
      {result.thresholds.map((t) => (
        <Text key={t.label} weight="semibold" data-testid="threshold-probability">
          {thresholdWords(t)} = {formatPercent(t.probability)}
        </Text>
      ))}
      {/* Four columns of numbers with each metric's name on its own row above them: fits 320 px. */}
      <table className={`${tables.table} ${styles.stacked}`} aria-label="Summary statistics">
        <thead>
          <tr>
            <th scope="col">Mean</th>
            <th scope="col">P5</th>
            <th scope="col">P50</th>
            <th scope="col">P95</th>
          </tr>
        </thead>
        {METRICS.map((m) => {
          const s = result.metrics[m.id];
          const f = (v: number): string =>
            !Number.isFinite(v) ? "–" : m.percent === true ? formatPercent(v) : formatUsdBn(v);
          return (
            <tbody key={m.id}>
              <tr>
                <th scope="colgroup" colSpan={4} className={styles.group}>
                  {m.label}
                </th>
              </tr>
              <tr>
                <td>{f(s.mean)}</td>
                <td>{f(s.p5)}</td>
                <td>{f(s.p50)}</td>
                <td>{f(s.p95)}</td>
              </tr>
            </tbody>
          );
        })}
      </table>
      <Text size={200} data-testid="crossover-probability">
        P(domestic share ≥ 50% within the horizon) = {formatPercent(result.crossoverProbability)}
      </Text>
    </section>
  );
});

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stacked: { width: "100%", tableLayout: "fixed", "& thead th": { textAlign: "right", paddingRight: 0 } },
  group: { paddingTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

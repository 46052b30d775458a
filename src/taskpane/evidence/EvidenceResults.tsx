import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { formatPercent } from "../charts/format";
import { yearLabel } from "../charts/format";
import { useResultTableStyles } from "../results/resultTableStyles";
import { thresholdWords } from "../simulate/seriesWords";
import { PriorPosteriorFan, usd } from "./PriorPosteriorFan";
import { RegimeBars } from "./RegimeBars";
import { essText, fanYears } from "./results";
import type { EvidenceRun } from "./state";
import { observationLabelWords } from "./state";

/**
 * A finished run with evidence: effective sample size (a warning below 50 naming the observation that
 * dominates), NVIDIA China revenue prior vs posterior (chart and a compact table), the regime posterior per
 * year beside the prior, and threshold probabilities before and given the evidence.
 */
export function EvidenceResults({ run }: { readonly run: EvidenceRun }): React.JSX.Element {
  const styles = useStyles();
  const tables = useResultTableStyles();
  const { result } = run;
  const posterior = result.posterior;
  if (posterior === undefined)
    return (
      <MessageBar intent="error">
        <MessageBarBody>This run has no posterior: run again with the observations.</MessageBarBody>
      </MessageBar>
    );
  const ess = essText(posterior, result.trials);
  const years = fanYears(result);
  const regimeNames = Object.keys(posterior.regimes[0] ?? {});
  const prior = run.priorRegimes;
  const last = years[years.length - 1];
  return (
    <section className={styles.root} aria-label="Results with evidence" data-testid="evidence-results">
      <Text size={200} weight="semibold" data-testid="evidence-ess">
        {ess.line}
      </Text>
      {ess.warning === undefined ? (
        <Text size={200} className={styles.caption}>
          The observation that dominates the likelihood in most trials:{" "}
          {observationLabelWords(posterior.dominantObservation)}.
        </Text>
      ) : (
        <MessageBar intent="warning" layout="multiline" data-testid="evidence-ess-warning">
          <MessageBarBody>{ess.warning}</MessageBarBody>
        </MessageBar>
      )}
      {years.length === 0 || posterior.series.nvidiaChina === undefined ? null : (
        <>
          <PriorPosteriorFan
            years={years}
            title="NVIDIA China revenue: prior vs posterior, P10–P90 by year"
            description={
              last === undefined
                ? undefined
                : `In ${last.label} the median is ${usd(last.prior.p50)} USD bn before the evidence and ${usd(last.posterior.p50)} USD bn given it`
            }
            testId="evidence-fan"
          />
          <table
            className={`${tables.table} ${styles.table}`}
            aria-label="NVIDIA China revenue, USD bn: P50 (P10–P90)"
          >
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Prior P50 (P10–P90)</th>
                <th scope="col">Posterior P50 (P10–P90)</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.label}>
                  <th scope="row">{y.label}</th>
                  <td>
                    {usd(y.prior.p50)} ({usd(y.prior.p10)}–{usd(y.prior.p90)})
                  </td>
                  <td>
                    {usd(y.posterior.p50)} ({usd(y.posterior.p10)}–{usd(y.posterior.p90)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {regimeNames.length === 0 ? null : (
        <RegimeBars
          regimes={regimeNames}
          years={posterior.regimes.map((r, t) => ({
            label: yearLabel(result.years.calendar[t] ?? t),
            posterior: r,
            ...(prior?.[t] === undefined ? {} : { prior: prior[t] }),
          }))}
          title="Regime by year: prior vs posterior"
          description={
            result.regimeChain
              ? `Regimes drawn by the ${result.regimeUncertainty}; posterior = share of trial weight in each regime`
              : "Fixed regime path: every trial follows the scenario's regimes"
          }
          testId="evidence-regimes"
        />
      )}
      {posterior.thresholds.map((t, k) => {
        const before = result.thresholds[k];
        return (
          <Text key={t.label} size={200} data-testid="evidence-threshold">
            {thresholdWords(t)}: {before === undefined ? "–" : formatPercent(before.probability)} before the
            evidence, <strong>{formatPercent(t.probability)}</strong> given it
          </Text>
        );
      })}
    </section>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  table: { width: "100%" },
});

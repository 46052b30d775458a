import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { DEFAULT_TRACKED_SERIES } from "../../analysis/simulationSpec";
import type { ScalarInputId } from "../../model/types";
import { scalarValue } from "../../model/validate";
import type { WorkbookPort } from "../../workbook/port";
import { buildSimulationSheetLayout, SIMULATION_SHEET } from "../../workbook/layout/simulationLayout";
import { yearLabel } from "../charts/format";
import { ResultBanner, StaleWriteDialog } from "../results/ResultBanner";
import { RunMessage } from "../results/RunMessage";
import { writeResultSheet } from "../results/sheetWrite";
import { WriteMessage } from "../results/WriteMessage";
import { useNarrowStyles } from "../narrowStyles";
import { usePaneDispatch, usePaneSelector } from "../store/PaneStoreProvider";
import {
  selectRunRequest,
  selectScenarioName,
  selectSettingsProblems,
  selectSimulateView,
  selectSimulationResult,
  simulationFingerprint,
} from "../store/selectors";
import { CorrelationEditor } from "./CorrelationEditor";
import { DistributionEditor } from "./DistributionEditor";
import { isDraftProblems, parseDraft } from "./distributionDraft";
import { RegimeChainEditor } from "./RegimeChainEditor";
import { RestOfRun, RunProgress } from "./RunProgress";
import { ResultChartsPrimer, SimulationResults } from "./SimulationResults";
import { inputLabel, inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";
import type { WorkerFactory } from "./useSimulationClient";
import { useSimulationRun } from "./useSimulationRun";
import { seriesUnit, seriesWords } from "./seriesWords";

export interface SimulateSectionProps {
  /** The workbook for "Write results"; null when there is none. */
  readonly port: WorkbookPort | null;
  /** Test seam: the worker to run simulations in (default: the bundled Web Worker). */
  readonly createWorker?: WorkerFactory;
}

/**
 * The Simulate tab: a distribution per uncertain input, the regime chain, input correlations, trials/seed/
 * sampling and a threshold; Run sends the job to a Web Worker (progress, cancel), then shows the fan chart,
 * histogram, threshold probability and summary statistics for the scenario they came from (marked out of date
 * when the inputs change), and can write them to the "CS Simulation" sheet. Everything lives in the pane store.
 */
export function SimulateSection({ port, createWorker }: SimulateSectionProps): React.JSX.Element {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const dispatch = usePaneDispatch();
  const scenario = usePaneSelector((s) => s.scenario.scenario);
  const scenarioName = usePaneSelector(selectScenarioName);
  const view = usePaneSelector(selectSimulateView);
  const request = usePaneSelector(selectRunRequest);
  const settingsProblems = usePaneSelector(selectSettingsProblems);
  const runStatus = usePaneSelector((s) => s.simulation.run);
  const writeStatus = usePaneSelector((s) => s.simulation.write);
  const last = usePaneSelector(selectSimulationResult);
  const runner = useSimulationRun(createWorker);
  const [confirmWrite, setConfirmWrite] = useState(false);

  const { drafts, trials, seed, sampling, threshold } = view;
  const candidates = STOCHASTIC_INPUT_IDS.filter((id) => {
    const draft = drafts[id];
    if (draft === undefined || draft.kind === "fixed") return false;
    return !isDraftProblems(parseDraft(draft, inputScale(id), inputLabel(id), scalarValue(scenario, id)));
  });
  const running = runStatus.status === "running";

  const run = useCallback(() => {
    if (!request.ok) {
      dispatch({ type: "runFailed", message: `Fix these before running: ${request.problems.join("; ")}` });
      return;
    }
    const tag = { scenarioName, fingerprint: simulationFingerprint(request) };
    dispatch({ type: "runStarted", total: request.options.trials });
    runner.start(request, {
      succeeded: (result, elapsedMs) =>
        dispatch({ type: "runSucceeded", run: { ...tag, result, elapsedMs } }),
      failed: (message) => dispatch({ type: "runFailed", message }),
      cancelled: (done) => dispatch({ type: "runCancelled", done }),
      // The results view first (its series, metrics, thresholds, histograms), the other series and the rank
      // correlations in the background: the numbers are the unsplit run's exactly (mergeSimulationParts).
      split: {
        completed: (view, result) => dispatch({ type: "runCompleted", view, result }),
        completionFailed: (view, message) => dispatch({ type: "runCompletionFailed", view, message }),
      },
    });
  }, [request, scenarioName, runner, dispatch]);

  const write = () => {
    setConfirmWrite(false);
    if (last === undefined) return;
    writeResultSheet(
      port,
      "simulation",
      () =>
        buildSimulationSheetLayout(last.result, {
          scenarioName: last.scenarioName,
          fingerprint: last.fingerprint,
          runTimeMs: last.elapsedMs,
          ranAt: new Date().toISOString(),
        }),
      dispatch,
    );
  };

  const years = Array.from({ length: scenario.horizon }, (_, t) => scenario.baseYear + t + 1);
  return (
    <div className={styles.root}>
      <Accordion multiple collapsible defaultOpenItems={["run"]}>
        <AccordionItem value="inputs">
          <AccordionHeader as="h3">Input distributions</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {STOCHASTIC_INPUT_IDS.map((id: ScalarInputId) => {
              const draft = drafts[id];
              return draft === undefined ? null : (
                <DistributionEditor
                  key={id}
                  id={id}
                  draft={draft}
                  base={scalarValue(scenario, id)}
                  dispatch={dispatch}
                />
              );
            })}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="regimes">
          <AccordionHeader as="h3">Regime uncertainty</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <RegimeChainEditor state={view} dispatch={dispatch} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="correlation">
          <AccordionHeader as="h3">Correlation</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <CorrelationEditor
              state={view}
              candidates={candidates}
              {...(!request.ok && request.correlation ? { invalid: request.correlation } : {})}
              dispatch={dispatch}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="run">
          <AccordionHeader as="h3">Run settings</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={styles.row}>
              <Field
                label="Trials"
                size="small"
                hint="2 to 1,000,000"
                validationState={settingsProblems.trials === undefined ? "none" : "error"}
                validationMessage={settingsProblems.trials}
                className={styles.setting}
              >
                <Input
                  className={narrow.root}
                  input={{ className: narrow.control }}
                  size="small"
                  inputMode="numeric"
                  value={trials}
                  onChange={(_, d) => dispatch({ type: "trialsChanged", raw: d.value })}
                />
              </Field>
              <Field
                label="Seed"
                size="small"
                validationState={settingsProblems.seed === undefined ? "none" : "error"}
                validationMessage={settingsProblems.seed}
                className={styles.setting}
              >
                <Input
                  className={narrow.root}
                  input={{ className: narrow.control }}
                  size="small"
                  inputMode="numeric"
                  value={seed}
                  onChange={(_, d) => dispatch({ type: "seedChanged", raw: d.value })}
                />
              </Field>
              <Field label="Sampling" size="small" className={styles.setting}>
                <Select
                  className={narrow.root}
                  select={{ className: narrow.control }}
                  size="small"
                  value={sampling}
                  onChange={(_, d) =>
                    dispatch({ type: "samplingChanged", sampling: d.value === "mc" ? "mc" : "lhs" })
                  }
                >
                  <option value="lhs">Latin hypercube</option>
                  <option value="mc">Monte Carlo</option>
                </Select>
              </Field>
            </div>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>Threshold probability</legend>
              <Field label="Output" size="small">
                <Select
                  className={narrow.root}
                  select={{ className: narrow.control }}
                  size="small"
                  value={threshold.series}
                  onChange={(_, d) => {
                    const series = DEFAULT_TRACKED_SERIES.find((x) => x === d.value);
                    if (series !== undefined) dispatch({ type: "thresholdChanged", patch: { series } });
                  }}
                >
                  {DEFAULT_TRACKED_SERIES.map((x) => (
                    <option key={x} value={x}>
                      {seriesWords(x)}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={styles.row}>
                <Field label="In year" size="small" className={styles.setting}>
                  <Select
                    className={narrow.root}
                    select={{ className: narrow.control }}
                    size="small"
                    value={threshold.year}
                    onChange={(_, d) => dispatch({ type: "thresholdChanged", patch: { year: d.value } })}
                  >
                    {years.map((y) => (
                      <option key={y} value={String(y)}>
                        {yearLabel(y)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Is" size="small" className={styles.op}>
                  <Select
                    className={narrow.root}
                    select={{ className: narrow.control }}
                    size="small"
                    value={threshold.op}
                    onChange={(_, d) =>
                      dispatch({ type: "thresholdChanged", patch: { op: d.value === ">" ? ">" : "<" } })
                    }
                  >
                    <option value="<">below</option>
                    <option value=">">above</option>
                  </Select>
                </Field>
                <Field
                  label={`Value (${seriesUnit(threshold.series)})`}
                  size="small"
                  hint="default: the base projection"
                  validationState={settingsProblems.threshold === undefined ? "none" : "error"}
                  validationMessage={settingsProblems.threshold}
                  className={styles.setting}
                >
                  <Input
                    className={narrow.root}
                    input={{ className: narrow.control }}
                    size="small"
                    inputMode="decimal"
                    value={threshold.value}
                    onChange={(_, d) => dispatch({ type: "thresholdChanged", patch: { value: d.value } })}
                  />
                </Field>
              </div>
            </fieldset>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={run}>
          Run simulation
        </Button>
        {running ? <Button onClick={runner.cancel}>Cancel</Button> : null}
      </div>
      {running ? <RunProgress store={runner.progress} /> : null}
      <RunMessage
        run={runStatus}
        what="Simulation"
        hasPrevious={last !== undefined}
        testId="simulate-message"
      />
      {last === undefined ? null : (
        <>
          <ResultBanner
            tag={last}
            stale={last.stale}
            what="Simulation"
            testId="simulation"
            {...(request.ok && !running
              ? { onRerun: run }
              : running
                ? {}
                : { rerunBlocked: "Fix the inputs marked above, then run again." })}
          />
          <SimulationResults
            result={last.result}
            {...(Number.isFinite(last.elapsedMs) ? { elapsedMs: last.elapsedMs } : {})}
            footer={
              last.result.partial === undefined ? null : (
                <RestOfRun store={runner.completion} error={last.completionError} />
              )
            }
          />
          <div className={styles.row}>
            <Button
              disabled={writeStatus.status === "writing" || last.result.partial !== undefined}
              onClick={() => (last.stale ? setConfirmWrite(true) : write())}
            >
              Write results
            </Button>
          </div>
          <StaleWriteDialog
            open={confirmWrite}
            tag={last}
            sheet={SIMULATION_SHEET}
            onWrite={write}
            onCancel={() => setConfirmWrite(false)}
          />
        </>
      )}
      <WriteMessage write={writeStatus} what="Results" testId="simulate-write-message" />
      {last === undefined ? <ResultChartsPrimer /> : null}
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  setting: { flexGrow: 1, flexBasis: "88px", minWidth: 0 },
  op: { flexBasis: "80px", minWidth: 0 },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

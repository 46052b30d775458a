import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { DEFAULT_TRACKED_SERIES } from "../../analysis/simulationSpec";
import type { ScalarInputId } from "../../model/types";
import type { WorkbookPort } from "../../workbook/port";
import { buildSimulationSheetLayout } from "../../workbook/layout/simulationLayout";
import { SimulationClientError } from "../../worker/client";
import type { SimulationJob } from "../../worker/client";
import { useWorkspace } from "../workspace";
import { CorrelationEditor } from "./CorrelationEditor";
import { DistributionEditor } from "./DistributionEditor";
import { isDraftProblems, parseDraft } from "./distributionDraft";
import { writeResultSheet } from "../results/sheetWrite";
import { WriteMessage } from "../results/WriteMessage";
import { simulationErrorMessage } from "./messages";
import { RegimeChainEditor } from "./RegimeChainEditor";
import { runRequestOf } from "./runRequest";
import { createProgressStore, RunProgress } from "./RunProgress";
import { SimulationResults } from "./SimulationResults";
import { initialSimulateState, simulateReducer } from "./state";
import { inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";
import type { WorkerFactory } from "./useSimulationClient";
import { createBrowserWorker, useSimulationClient } from "./useSimulationClient";

export interface SimulateSectionProps {
  /** The workbook for "Write results"; null when there is none. */
  readonly port: WorkbookPort | null;
  /** Test seam: the worker to run simulations in (default: the bundled Web Worker). */
  readonly createWorker?: WorkerFactory;
}

/**
 * The Simulate tab: a distribution per uncertain input, the regime chain, input correlations, trials/seed/
 * sampling and a threshold; Run sends the job to a Web Worker (progress, cancel), then shows the fan chart,
 * histogram, threshold probability and summary statistics, and can write them to the "CS Simulation" sheet.
 */
export function SimulateSection({
  port,
  createWorker = createBrowserWorker,
}: SimulateSectionProps): React.JSX.Element {
  const styles = useStyles();
  const workspace = useWorkspace();
  const { scenario, simulationSpec, lastSimulation, setSimulationSpec, setLastSimulation } = workspace;
  const [state, dispatch] = useReducer(simulateReducer, { scenario, spec: simulationSpec }, (args) => ({
    ...initialSimulateState(args),
    ...(lastSimulation === undefined ? {} : { last: { result: lastSimulation, elapsedMs: NaN } }),
  }));
  const client = useSimulationClient(createWorker);
  const job = useRef<SimulationJob | null>(null);
  const [progress] = useState(createProgressStore);
  const shownScenario = useRef(scenario);

  useEffect(() => {
    if (shownScenario.current === scenario) return;
    shownScenario.current = scenario;
    dispatch({ type: "reset", scenario, spec: simulationSpec });
  }, [scenario, simulationSpec]);
  useEffect(() => () => job.current?.cancel(), []);

  // A document restored from the workbook brings its run settings too (after the scenario reset above).
  const restoredSettings = workspace.restoreRequest?.simulationSettings;
  useEffect(() => {
    if (restoredSettings === undefined) return;
    dispatch({ type: "trialsChanged", raw: String(restoredSettings.trials) });
    dispatch({ type: "seedChanged", raw: String(restoredSettings.seed) });
    dispatch({ type: "samplingChanged", sampling: restoredSettings.sampling });
  }, [restoredSettings]);

  const {
    drafts,
    transition,
    anchored,
    correlationInputs,
    correlationCells,
    regimeMode,
    trials,
    seed,
    sampling,
    threshold,
  } = state;
  const request = useMemo(
    () =>
      runRequestOf(scenario, {
        ...state,
        drafts,
        transition,
        anchored,
        correlationInputs,
        correlationCells,
        regimeMode,
        trials,
        seed,
        sampling,
        threshold,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the run/write status does not change the request
    [
      scenario,
      drafts,
      transition,
      anchored,
      correlationInputs,
      correlationCells,
      regimeMode,
      trials,
      seed,
      sampling,
      threshold,
    ],
  );
  const candidates = STOCHASTIC_INPUT_IDS.filter((id) => {
    const draft = drafts[id];
    if (draft === undefined || draft.kind === "fixed") return false;
    return !isDraftProblems(parseDraft(draft, inputScale(id), id));
  });
  const running = state.run.status === "running";

  const run = () => {
    if (!request.ok) {
      dispatch({ type: "runFailed", message: `Fix these before running: ${request.problems.join("; ")}` });
      return;
    }
    setSimulationSpec(request.spec);
    dispatch({ type: "runStarted", total: request.options.trials });
    const started = performance.now();
    progress.set(0, request.options.trials);
    const current = client().run(request.scenario, request.spec, request.options, progress.set);
    job.current = current;
    current.promise.then(
      (result) => {
        if (job.current !== current) return;
        job.current = null;
        dispatch({ type: "runSucceeded", result, elapsedMs: performance.now() - started });
        setLastSimulation(result);
      },
      (error: unknown) => {
        if (job.current !== current) return;
        job.current = null;
        if (error instanceof SimulationClientError && error.code === "cancelled") {
          const done = /after (\d+) trials/.exec(error.message)?.[1];
          dispatch({ type: "runCancelled", done: Number(done ?? progress.get().done) });
        } else dispatch({ type: "runFailed", message: simulationErrorMessage(error) });
      },
    );
  };

  const write = () => {
    const last = state.last;
    if (last === undefined) return;
    writeResultSheet(
      port,
      () =>
        buildSimulationSheetLayout(last.result, {
          scenarioName: workspace.scenarioName,
          runTimeMs: last.elapsedMs,
          ranAt: new Date().toISOString(),
        }),
      dispatch,
    );
  };

  const years = Array.from({ length: scenario.horizon + 1 }, (_, t) => scenario.baseYear + t);
  return (
    <div className={styles.root}>
      <Accordion multiple collapsible defaultOpenItems={["run"]}>
        <AccordionItem value="inputs">
          <AccordionHeader>Input distributions</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {STOCHASTIC_INPUT_IDS.map((id: ScalarInputId) => {
              const draft = drafts[id];
              return draft === undefined ? null : (
                <DistributionEditor key={id} id={id} draft={draft} base={scenario[id]} dispatch={dispatch} />
              );
            })}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="regimes">
          <AccordionHeader>Regime uncertainty</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <RegimeChainEditor state={state} dispatch={dispatch} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="correlation">
          <AccordionHeader>Correlation</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <CorrelationEditor
              state={state}
              candidates={candidates}
              {...(!request.ok && request.correlation ? { invalid: request.correlation } : {})}
              dispatch={dispatch}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="run">
          <AccordionHeader>Run settings</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={styles.row}>
              <Field label="Trials" size="small" hint="up to 1,000,000">
                <Input
                  size="small"
                  value={trials}
                  onChange={(_, d) => dispatch({ type: "trialsChanged", raw: d.value })}
                />
              </Field>
              <Field label="Seed" size="small">
                <Input
                  size="small"
                  value={seed}
                  onChange={(_, d) => dispatch({ type: "seedChanged", raw: d.value })}
                />
              </Field>
              <Field label="Sampling" size="small">
                <Select
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
            <div className={styles.row}>
              <Field label="Threshold: P(series" size="small">
                <Select
                  size="small"
                  value={threshold.series}
                  onChange={(_, d) => {
                    const series = DEFAULT_TRACKED_SERIES.find((s) => s === d.value);
                    if (series !== undefined) dispatch({ type: "thresholdChanged", patch: { series } });
                  }}
                >
                  {DEFAULT_TRACKED_SERIES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="in year" size="small">
                <Select
                  size="small"
                  value={threshold.year}
                  onChange={(_, d) => dispatch({ type: "thresholdChanged", patch: { year: d.value } })}
                >
                  {years.map((y) => (
                    <option key={y} value={String(y)}>
                      {y} (FY{y + 1})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="is" size="small">
                <Select
                  size="small"
                  value={threshold.op}
                  onChange={(_, d) =>
                    dispatch({ type: "thresholdChanged", patch: { op: d.value === ">" ? ">" : "<" } })
                  }
                >
                  <option value="<">&lt;</option>
                  <option value=">">&gt;</option>
                </Select>
              </Field>
              <Field label="value)" size="small" className={styles.narrow}>
                <Input
                  size="small"
                  value={threshold.value}
                  onChange={(_, d) => dispatch({ type: "thresholdChanged", patch: { value: d.value } })}
                />
              </Field>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={run}>
          Run simulation
        </Button>
        {running ? <Button onClick={() => job.current?.cancel()}>Cancel</Button> : null}
      </div>
      {state.run.status === "running" ? <RunProgress store={progress} /> : null}
      {state.run.status === "failed" ? (
        <MessageBar intent="error" data-testid="simulate-message">
          <MessageBarBody>{state.run.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.run.status === "cancelled" ? (
        <MessageBar intent="warning" data-testid="simulate-message">
          <MessageBarBody>
            Simulation cancelled after {state.run.done.toLocaleString("en-US")} of{" "}
            {state.run.total.toLocaleString("en-US")} trials.
            {state.last === undefined
              ? " Run again to get results."
              : " The results below are from the previous run."}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.last === undefined ? null : (
        <>
          <SimulationResults
            result={state.last.result}
            {...(Number.isFinite(state.last.elapsedMs) ? { elapsedMs: state.last.elapsedMs } : {})}
          />
          <div className={styles.row}>
            <Button disabled={state.write.status === "writing"} onClick={write}>
              Write results
            </Button>
          </div>
        </>
      )}
      <WriteMessage write={state.write} what="Results" testId="simulate-write-message" />
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
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  narrow: { width: "72px" },
});

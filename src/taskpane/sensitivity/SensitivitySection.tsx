import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useReducer, useRef } from "react";
import { spider, tornado } from "../../analysis/sensitivity";
import { outputLabel } from "../../analysis/simulationSpec";
import { isModelError } from "../../model/errors";
import type { ScalarInputId } from "../../model/types";
import type { WorkbookPort } from "../../workbook/port";
import { buildSensitivitySheetLayout } from "../../workbook/layout/simulationLayout";
import type { SimulationJob } from "../../worker/client";
import { formatUsdBn } from "../charts/format";
import { TornadoChart } from "../charts/TornadoChart";
import { useResultTableStyles } from "../results/resultTableStyles";
import { writeResultSheet } from "../results/sheetWrite";
import { WriteMessage } from "../results/WriteMessage";
import { simulationErrorMessage } from "../simulate/messages";
import { DEFAULT_SEED } from "../simulate/state";
import type { WorkerFactory } from "../simulate/useSimulationClient";
import { createBrowserWorker, useSimulationClient } from "../simulate/useSimulationClient";
import { useWorkspace } from "../workspace";
import { initialSensitivityState, outputChoices, rankCorrelationsFor, sensitivityReducer } from "./state";

export interface SensitivitySectionProps {
  readonly port: WorkbookPort | null;
  /** Test seam: the worker for the rank-correlation run (default: the bundled Web Worker). */
  readonly createWorker?: WorkerFactory;
}

/** Trials of the run made for rank correlations when the last simulation used another output. */
export const RANK_TRIALS = 10_000;

/**
 * The Sensitivity tab: pick an output; Run tornado moves each uncertain input from its P10 to its P90 (others
 * at base) and shows the bars sorted by swing plus a spider table (±10/20/30%); Spearman rank correlations come
 * from the last simulation, or from a 10,000-trial run for the chosen output. Write results → "CS Sensitivity".
 */
export function SensitivitySection({
  port,
  createWorker = createBrowserWorker,
}: SensitivitySectionProps): React.JSX.Element {
  const styles = useStyles();
  const tables = useResultTableStyles();
  const { scenario, simulationSpec, lastSimulation } = useWorkspace();
  const [state, dispatch] = useReducer(sensitivityReducer, undefined, () => initialSensitivityState());
  const client = useSimulationClient(createWorker);
  const job = useRef<SimulationJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);
  const choices = outputChoices(scenario.baseYear, scenario.horizon);
  const label = outputLabel(state.output);
  const fromSimulation = rankCorrelationsFor(lastSimulation?.rankCorrelations, state.output);
  const rank = state.rank.status === "done" ? state.rank.correlations : fromSimulation;

  const runTornado = () => {
    const t = tornado(scenario, simulationSpec, state.output);
    if (isModelError(t)) {
      dispatch({
        type: "analysisFailed",
        message: `The tornado could not be computed: ${t.message}. Check the Simulate tab's distributions`,
      });
      return;
    }
    const inputs: ScalarInputId[] = t.bars.map((b) => b.input);
    const s = spider(scenario, inputs, state.output);
    if (isModelError(s)) {
      dispatch({ type: "analysisFailed", message: `The spider table could not be computed: ${s.message}` });
      return;
    }
    dispatch({ type: "analysisSucceeded", analysis: { tornado: t, spider: s } });
  };

  const runRank = () => {
    dispatch({ type: "rankStarted" });
    const current = client().run(
      scenario,
      { ...simulationSpec, rankCorrelationOutput: state.output },
      { trials: RANK_TRIALS, seed: DEFAULT_SEED },
    );
    job.current = current;
    current.promise.then(
      (result) => {
        if (job.current === current)
          dispatch({ type: "rankSucceeded", correlations: result.rankCorrelations });
      },
      (error: unknown) => {
        if (job.current === current) dispatch({ type: "rankFailed", message: simulationErrorMessage(error) });
      },
    );
  };

  const write = () => {
    const analysis = state.analysis;
    if (analysis === undefined) return;
    writeResultSheet(port, () => buildSensitivitySheetLayout(analysis.tornado, rank, label), dispatch);
  };

  const analysis = state.analysis;
  return (
    <div className={styles.root}>
      <Field label="Output" size="small">
        <Select
          size="small"
          value={choices.find((c) => outputLabel(c.output) === label)?.key ?? ""}
          onChange={(_, d) => {
            const choice = choices.find((c) => c.key === d.value);
            if (choice !== undefined) dispatch({ type: "outputChanged", output: choice.output });
          }}
        >
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={runTornado}>
          Run tornado
        </Button>
        {analysis === undefined ? null : (
          <Button disabled={state.write.status === "writing"} onClick={write}>
            Write results
          </Button>
        )}
      </div>
      {state.problem === undefined ? null : (
        <MessageBar intent="error" data-testid="sensitivity-message">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      )}
      {analysis === undefined ? (
        <Text size={200}>
          Each uncertain input from the Simulate tab moves from its P10 to its P90 while the others stay at
          base.
        </Text>
      ) : (
        <>
          {analysis.tornado.bars.length === 0 ? (
            <Text>No input has a distribution: give inputs ranges on the Simulate tab first.</Text>
          ) : (
            <TornadoChart
              title={`Tornado: ${label}`}
              description={`Base ${formatUsdBn(analysis.tornado.baseOutput)}; bars sorted by swing`}
              base={analysis.tornado.baseOutput}
              bars={analysis.tornado.bars.map((b) => ({
                id: b.input,
                label: b.input,
                low: b.lowOutput,
                high: b.highOutput,
              }))}
              formatValue={formatUsdBn}
              testId="tornado-chart"
            />
          )}
          <table className={tables.table} aria-label="Spider table">
            <thead>
              <tr>
                <th scope="col">Input</th>
                {analysis.spider.steps.map((s) => (
                  <th key={s} scope="col">
                    {s === 0 ? "base" : `${s > 0 ? "+" : "−"}${Math.round(Math.abs(s) * 100)}%`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {analysis.spider.lines.map((line) => (
                <tr key={line.input}>
                  <th scope="row">{line.input}</th>
                  {line.outputs.map((v, i) => (
                    <td key={i}>{Number.isFinite(v) ? v.toFixed(1) : "–"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Text weight="semibold">Rank correlations with {label}</Text>
      {rank === undefined ? (
        <div className={styles.row}>
          <Text size={200}>
            {lastSimulation === undefined
              ? "No simulation has run yet."
              : `The last simulation measured them against ${lastSimulation.rankCorrelations.output}.`}
          </Text>
          <Button size="small" disabled={state.rank.status === "running"} onClick={runRank}>
            Run {RANK_TRIALS.toLocaleString("en-US")} trials for {label}
          </Button>
          {state.rank.status === "running" ? <Spinner size="tiny" label="Simulating" /> : null}
        </div>
      ) : (
        <table className={tables.table} aria-label="Rank correlations">
          <tbody>
            {rank.values.map((v) => (
              <tr key={v.input}>
                <th scope="row">{v.input}</th>
                <td>{v.rho.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.rank.status === "failed" ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.rank.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <WriteMessage write={state.write} what="Tornado" testId="sensitivity-write-message" />
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

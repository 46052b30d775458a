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
import { useState } from "react";
import { spider, tornado } from "../../analysis/sensitivity";
import { outputLabel } from "../../analysis/simulationSpec";
import { isModelError } from "../../model/errors";
import type { ScalarInputId } from "../../model/types";
import type { WorkbookPort } from "../../workbook/port";
import { buildSensitivitySheetLayout, SENSITIVITY_SHEET } from "../../workbook/layout/simulationLayout";
import { formatUsdBn } from "../charts/format";
import { scrollIntoView } from "../feedback";
import { TornadoChart } from "../charts/TornadoChart";
import { ResultBanner, StaleWriteDialog } from "../results/ResultBanner";
import { useResultTableStyles } from "../results/resultTableStyles";
import { writeResultSheet } from "../results/sheetWrite";
import { WriteMessage } from "../results/WriteMessage";
import { DEFAULT_SEED } from "../simulate/state";
import { inputWords } from "../simulate/stochasticInputs";
import type { WorkerFactory } from "../simulate/useSimulationClient";
import { useSimulationRun } from "../simulate/useSimulationRun";
import { usePaneDispatch, usePaneSelector } from "../store/PaneStoreProvider";
import {
  rankFingerprint,
  selectScenarioName,
  selectSimulationResult,
  selectSpecRequest,
  selectTornado,
  tornadoFingerprint,
} from "../store/selectors";
import { outputChoices, outputWords, rankCorrelationsFor } from "./state";

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
 * from the last simulation, or from a 10,000-trial run for the chosen output. Every result names the scenario
 * it came from and is marked out of date when the inputs change. Write results → "CS Sensitivity".
 */
export function SensitivitySection({ port, createWorker }: SensitivitySectionProps): React.JSX.Element {
  const styles = useStyles();
  const tables = useResultTableStyles();
  const dispatch = usePaneDispatch();
  const scenario = usePaneSelector((s) => s.scenario.scenario);
  const scenarioName = usePaneSelector(selectScenarioName);
  const request = usePaneSelector(selectSpecRequest);
  const state = usePaneSelector((s) => s.sensitivity);
  const analysis = usePaneSelector(selectTornado);
  const lastSimulation = usePaneSelector((s) => s.simulation.last);
  const runner = useSimulationRun(createWorker);
  const [confirmWrite, setConfirmWrite] = useState(false);
  const choices = outputChoices(scenario.baseYear, scenario.horizon);
  const label = outputWords(state.output, scenario.baseYear, scenario.horizon);
  const rankOptions = { trials: RANK_TRIALS, seed: DEFAULT_SEED };
  const currentRankFingerprint = rankFingerprint(request, state.output, rankOptions);
  const fromSimulation = rankCorrelationsFor(lastSimulation?.result.rankCorrelations, state.output);
  const ownRank = state.rank.status === "done" ? state.rank.run : undefined;
  const rank = ownRank?.correlations ?? fromSimulation;
  const rankTag = ownRank ?? (fromSimulation === undefined ? undefined : lastSimulation);
  const simulationStale = usePaneSelector(selectSimulationResult)?.stale ?? false;
  const specProblem = request.ok
    ? undefined
    : `Fix the Simulate tab first: ${request.problems.slice(0, 2).join("; ")}`;

  const runTornado = () => {
    if (!request.ok) {
      dispatch({ type: "analysisFailed", message: specProblem ?? "" });
      return;
    }
    const fingerprint = tornadoFingerprint(request, state.output) ?? "";
    const t = tornado(request.scenario, request.spec, state.output);
    if (isModelError(t)) {
      dispatch({
        type: "analysisFailed",
        message: `The tornado could not be computed: ${t.message}. Check the Simulate tab's distributions`,
      });
      return;
    }
    const inputs: ScalarInputId[] = t.bars.map((b) => b.input);
    const s = spider(request.scenario, inputs, state.output);
    if (isModelError(s)) {
      dispatch({ type: "analysisFailed", message: `The spider table could not be computed: ${s.message}` });
      return;
    }
    dispatch({
      type: "analysisSucceeded",
      analysis: { tornado: t, spider: s, output: state.output, scenarioName, fingerprint },
    });
  };

  const runRank = () => {
    if (!request.ok) {
      dispatch({ type: "rankFailed", message: specProblem ?? "" });
      return;
    }
    const tag = { scenarioName, fingerprint: currentRankFingerprint ?? "" };
    dispatch({ type: "rankStarted" });
    runner.start(
      {
        scenario: request.scenario,
        spec: { ...request.spec, rankCorrelationOutput: state.output },
        options: rankOptions,
      },
      {
        succeeded: (result) =>
          dispatch({ type: "rankSucceeded", run: { ...tag, correlations: result.rankCorrelations } }),
        failed: (message) => dispatch({ type: "rankFailed", message }),
        cancelled: () => dispatch({ type: "rankFailed", message: "The rank-correlation run was cancelled" }),
      },
    );
  };

  const write = () => {
    setConfirmWrite(false);
    if (analysis === undefined) return;
    writeResultSheet(
      port,
      "sensitivity",
      () =>
        buildSensitivitySheetLayout(analysis.tornado, rank, label, {
          scenarioName: analysis.scenarioName,
          fingerprint: analysis.fingerprint,
        }),
      dispatch,
    );
  };

  return (
    <div className={styles.root}>
      <Field label="Output" size="small">
        <Select
          size="small"
          value={choices.find((c) => outputLabel(c.output) === outputLabel(state.output))?.key ?? ""}
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
          <Button
            disabled={state.write.status === "writing"}
            onClick={() => (analysis.stale ? setConfirmWrite(true) : write())}
          >
            Write results
          </Button>
        )}
      </div>
      {state.problem === undefined ? null : (
        <MessageBar
          key={state.problem}
          intent="error"
          data-testid="sensitivity-message"
          layout="multiline"
          ref={scrollIntoView}
        >
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
          <ResultBanner
            tag={analysis}
            stale={analysis.stale}
            what="Tornado"
            testId="tornado"
            {...(request.ok ? { onRerun: runTornado } : { rerunBlocked: specProblem ?? "" })}
          />
          {analysis.tornado.bars.length === 0 ? (
            <Text>No input has a distribution: give inputs ranges on the Simulate tab first.</Text>
          ) : (
            <TornadoChart
              title={`Tornado: ${outputWords(analysis.output, scenario.baseYear, scenario.horizon)}`}
              description={`Base ${formatUsdBn(analysis.tornado.baseOutput)}; each input from its P10 to its P90, sorted by swing`}
              base={analysis.tornado.baseOutput}
              bars={analysis.tornado.bars.map((b) => ({
                id: b.input,
                label: inputWords(b.input),
                low: b.lowOutput,
                high: b.highOutput,
              }))}
              formatValue={formatUsdBn}
              xAxisLabel={outputWords(analysis.output, scenario.baseYear, scenario.horizon)}
              testId="tornado-chart"
            />
          )}
          <table className={`${tables.table} ${styles.stacked}`} aria-label="Spider table (USD bn)">
            <caption className={styles.caption}>
              Output (USD bn) when one input moves by the percentage shown, the others at base
            </caption>
            <thead>
              <tr>
                {analysis.spider.steps.map((step) => (
                  <th key={step} scope="col">
                    {step === 0 ? "base" : `${step > 0 ? "+" : "−"}${Math.round(Math.abs(step) * 100)}%`}
                  </th>
                ))}
              </tr>
            </thead>
            {analysis.spider.lines.map((line) => (
              <tbody key={line.input}>
                <tr>
                  <th scope="colgroup" colSpan={analysis.spider.steps.length} className={styles.group}>
                    {inputWords(line.input)}
                  </th>
                </tr>
                <tr>
                  {line.outputs.map((v, i) => (
                    <td key={i}>{Number.isFinite(v) ? v.toFixed(Math.abs(v) >= 100 ? 0 : 1) : "–"}</td>
                  ))}
                </tr>
              </tbody>
            ))}
          </table>
        </>
      )}
      <Text as="h3" weight="semibold" className={styles.heading}>
        Rank correlations with {label}
      </Text>
      {rank === undefined || rankTag === undefined ? (
        <div className={styles.row}>
          <Text size={200}>
            {lastSimulation === undefined
              ? "No simulation has run yet."
              : lastSimulation.result.partial !== undefined
                ? lastSimulation.completionError === undefined
                  ? "The last simulation is still computing them (see the Simulate tab)."
                  : "The last simulation could not compute them: run it again."
                : `The last simulation measured them against ${outputWordsOf(lastSimulation.result.rankCorrelations.output)}.`}
          </Text>
          <Button size="small" disabled={state.rank.status === "running"} onClick={runRank}>
            Run {RANK_TRIALS.toLocaleString("en-US")} trials
          </Button>
          {state.rank.status === "running" ? <Spinner size="tiny" label="Simulating" /> : null}
        </div>
      ) : (
        <>
          <ResultBanner
            tag={rankTag}
            stale={ownRank !== undefined ? ownRank.fingerprint !== currentRankFingerprint : simulationStale}
            what={ownRank !== undefined ? "Rank correlations" : "Simulation"}
            testId="rank"
            {...(request.ok ? { onRerun: runRank } : { rerunBlocked: specProblem ?? "" })}
          />
          <table className={tables.table} aria-label="Rank correlations (Spearman ρ)">
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col">Spearman ρ</th>
              </tr>
            </thead>
            <tbody>
              {rank.values.map((v) => (
                <tr key={v.input}>
                  <th scope="row">{inputWords(v.input)}</th>
                  <td>{formatRho(v.rho)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {state.rank.status === "failed" ? (
        <MessageBar intent="error" layout="multiline" data-testid="rank-message" ref={scrollIntoView}>
          <MessageBarBody>{state.rank.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <WriteMessage write={state.write} what="Tornado" testId="sensitivity-write-message" />
      {analysis === undefined ? null : (
        <StaleWriteDialog
          open={confirmWrite}
          tag={analysis}
          sheet={SENSITIVITY_SHEET}
          onWrite={write}
          onCancel={() => setConfirmWrite(false)}
        />
      )}
    </div>
  );

  function outputWordsOf(id: string): string {
    const choice = choices.find((c) => outputLabel(c.output) === id);
    return choice?.label ?? id;
  }
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  caption: {
    textAlign: "left",
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
  },
  // Seven columns of numbers, the input's name on its own row above them: fits 320 px.
  stacked: {
    width: "100%",
    tableLayout: "fixed",
    "& td": { paddingLeft: 0 },
    "& thead th": { textAlign: "right", paddingRight: 0 },
  },
  group: { paddingTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

/** Spearman ρ to two decimals with a true minus sign; a value that rounds to zero is "0.00", never "-0.00". */
export function formatRho(rho: number): string {
  if (!Number.isFinite(rho)) return "–";
  const rounded = Math.round(rho * 100) / 100;
  return rounded === 0 ? "0.00" : `${rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(2)}`;
}

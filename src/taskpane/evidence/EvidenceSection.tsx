import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { DEFAULT_OBSERVATIONS } from "../../analysis/defaultEvidence";
import { MAX_OBSERVATIONS } from "../../analysis/evidence";
import { buildEvidenceSheetLayout, EVIDENCE_SHEET } from "../../workbook/layout/evidenceLayout";
import type { EvidenceSheetInput } from "../../workbook/layout/evidenceLayout";
import type { WorkbookPort } from "../../workbook/port";
import { ResultBanner, StaleWriteDialog } from "../results/ResultBanner";
import { RunMessage } from "../results/RunMessage";
import { writeResultSheet } from "../results/sheetWrite";
import { WriteMessage } from "../results/WriteMessage";
import { RunProgress } from "../simulate/RunProgress";
import type { WorkerFactory } from "../simulate/useSimulationClient";
import { useSimulationRun } from "../simulate/useSimulationRun";
import { usePaneDispatch, usePaneSelector, usePaneStore } from "../store/PaneStoreProvider";
import { selectScenarioName } from "../store/selectors";
import { AddFromFigure } from "./AddFromFigure";
import { EvidenceResults } from "./EvidenceResults";
import { ObservationList } from "./ObservationList";
import { priorRegimes } from "./results";
import type { WeightRow } from "./selectors";
import {
  CURRENT_SCENARIO_ID,
  selectEvidenceRequest,
  selectEvidenceRun,
  selectEvidenceRunRequest,
  selectScenarioWeights,
  selectWeighedScenarios,
  weightsFingerprint,
} from "./selectors";
import { duplicateWarnings, sameAsCitedSet } from "./state";
import { WeightBars } from "./WeightBars";

export interface EvidenceSectionProps {
  /** The workbook for "Write CS Evidence"; null when there is none. */
  readonly port: WorkbookPort | null;
  /** Test seam: the worker to run simulations in (default: the bundled Web Worker). */
  readonly createWorker?: WorkerFactory;
  /** Clock for the times written to CS Evidence (tests pass a fixed one). */
  readonly now?: () => string;
}

/**
 * The Evidence tab (DESIGN.md §5.1): which scenario do the reported figures support? The observations (cited
 * figures as values of the model's flow series, editable, each with its source), the posterior weight of each
 * scenario beside its prior, and a simulation run in the worker whose trials are weighted by the observations:
 * effective sample size, prior vs posterior NVIDIA China revenue, and the regime posterior per year. Every
 * result names the scenario it came from; "Write CS Evidence" writes them with their settings.
 */
export function EvidenceSection({
  port,
  createWorker,
  now = () => new Date().toISOString(),
}: EvidenceSectionProps): React.JSX.Element {
  const styles = useStyles();
  const store = usePaneStore();
  const dispatch = usePaneDispatch();
  const scenario = usePaneSelector((s) => s.scenario.scenario);
  const scenarioName = usePaneSelector(selectScenarioName);
  const evidence = usePaneSelector((s) => s.evidence);
  const request = usePaneSelector(selectEvidenceRequest);
  const weighed = usePaneSelector(selectWeighedScenarios);
  const weights = usePaneSelector(selectScenarioWeights);
  const runRequest = usePaneSelector(selectEvidenceRunRequest);
  const last = usePaneSelector(selectEvidenceRun);
  const runner = useSimulationRun(createWorker);
  const [adding, setAdding] = useState(false);
  const [confirmWrite, setConfirmWrite] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const running = evidence.run.status === "running";
  const duplicates = duplicateWarnings(evidence.rows);
  const full = evidence.rows.length >= MAX_OBSERVATIONS;
  const isDefault = sameAsCitedSet(evidence.rows);

  const run = useCallback(() => {
    const state = store.getState();
    const current = selectEvidenceRunRequest(state);
    if (!current.ok) {
      dispatch({ type: "evidenceRunFailed", message: current.problem });
      return;
    }
    const w = selectScenarioWeights(state);
    const tag = { scenarioName: selectScenarioName(state), fingerprint: current.fingerprint };
    const runWeights = w.ok ? w.rows : { problem: w.problem };
    const prior = priorRegimes(current.scenario, current.spec.regimeChain);
    dispatch({ type: "evidenceRunStarted", total: current.options.trials });
    runner.start(current, {
      succeeded: (result, elapsedMs) =>
        dispatch({
          type: "evidenceRunSucceeded",
          run: {
            ...tag,
            result,
            elapsedMs,
            weights: runWeights,
            finishedAt: now(),
            ...(prior === undefined ? {} : { priorRegimes: prior }),
          },
        }),
      failed: (message) => dispatch({ type: "evidenceRunFailed", message }),
      cancelled: (done) => dispatch({ type: "evidenceRunCancelled", done }),
    });
  }, [store, dispatch, runner, now]);

  const sheetInput = (): EvidenceSheetInput | string => {
    if (last !== undefined)
      return {
        observations: last.result.posterior?.observations ?? [],
        weights: last.weights,
        simulation: last.result,
        scenarioName: last.scenarioName,
        fingerprint: last.fingerprint,
        ranAt: last.finishedAt,
      };
    if (!request.ok) return `Fix the observations first: ${request.problems[0] ?? ""}`;
    return {
      observations: request.evidence.observations,
      weights: weights.ok ? weights.rows : { problem: weights.problem },
      scenarioName,
      fingerprint: weightsFingerprint(weighed, request),
      ranAt: now(),
    };
  };

  const write = () => {
    setConfirmWrite(false);
    const input = sheetInput();
    if (typeof input === "string") {
      dispatch({ type: "writeFailed", target: "evidence", message: input });
      return;
    }
    writeResultSheet(port, "evidence", () => buildEvidenceSheetLayout(input), dispatch);
  };

  const settings = runRequest.ok
    ? `${runRequest.options.trials.toLocaleString("en-US")} trials, seed ${runRequest.options.seed}, ${
        runRequest.options.sampling === "lhs" ? "Latin hypercube" : "Monte Carlo"
      }`
    : undefined;

  return (
    <div className={styles.root}>
      <Text size={200} className={styles.intro}>
        Which scenario do the reported figures support? Each observation compares a cited figure with the
        model&apos;s value for its period (a quarter is ¼ of the year); the SD says how far apart they may be.
      </Text>

      <Text as="h3" weight="semibold" className={styles.heading}>
        Observations ({evidence.rows.length})
      </Text>
      <ObservationList rows={evidence.rows} problems={request.ok ? {} : request.rows} dispatch={dispatch} />
      {duplicates.length === 0 ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{duplicates.join(". ")}.</MessageBarBody>
        </MessageBar>
      )}
      {adding ? (
        <AddFromFigure
          baseYear={scenario.baseYear}
          horizon={scenario.horizon}
          onAdd={(observation) => {
            dispatch({ type: "evidenceRowAdded", observation });
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className={styles.row}>
          <Button size="small" disabled={full} onClick={() => setAdding(true)}>
            Add from figure
          </Button>
          {isDefault ? null : (
            <Button size="small" appearance="subtle" onClick={() => setConfirmReset(true)}>
              Reset to the cited set
            </Button>
          )}
          {full ? (
            <Text size={200} className={styles.caption}>
              At most {MAX_OBSERVATIONS} observations: remove one to add another.
            </Text>
          ) : null}
        </div>
      )}
      {confirmReset && !isDefault ? (
        <MessageBar intent="warning" layout="multiline" data-testid="evidence-reset-confirm">
          <MessageBarBody>
            Replace the {evidence.rows.length} observations as edited with the cited set of{" "}
            {DEFAULT_OBSERVATIONS.length}? Your values, SDs and added rows are lost.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                dispatch({ type: "evidenceReset" });
                setConfirmReset(false);
              }}
            >
              Replace
            </Button>
            <Button size="small" onClick={() => setConfirmReset(false)}>
              Keep mine
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <Text as="h3" weight="semibold" className={styles.heading}>
        Scenario weights
      </Text>
      {weights.ok ? (
        <>
          <Text size={200} className={styles.caption} data-testid="evidence-weights-scenario">
            The {weighed.filter((s) => s.id !== CURRENT_SCENARIO_ID).length} presets
            {weighed.some((s) => s.id === CURRENT_SCENARIO_ID) ? ` and your scenario “${scenarioName}”` : ""},
            equal priors; posterior ∝ prior · e<sup>ℓ</sup>, from each scenario&apos;s projection.
          </Text>
          <WeightBars
            rows={weights.rows}
            title="Posterior weight of each scenario given the observations"
            testId="evidence-weights"
          />
          <CurrentFit rows={weights.rows} />
        </>
      ) : (
        <MessageBar intent="error" layout="multiline" data-testid="evidence-weights-message">
          <MessageBarBody>{weights.problem}</MessageBarBody>
        </MessageBar>
      )}

      <Text as="h3" weight="semibold" className={styles.heading}>
        Simulation with evidence
      </Text>
      <Text size={200} className={styles.caption}>
        Runs “{scenarioName}” with the Simulate tab&apos;s distributions and settings
        {settings === undefined ? "" : ` (${settings})`}, weighting each trial by e<sup>ℓ</sup>: the prior and
        posterior side by side.
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={run}>
          Run with evidence
        </Button>
        {running ? <Button onClick={runner.cancel}>Cancel</Button> : null}
      </div>
      {running ? <RunProgress store={runner.progress} /> : null}
      <RunMessage
        run={evidence.run}
        what="Run"
        hasPrevious={last !== undefined}
        testId="evidence-run-message"
      />
      {last === undefined ? null : (
        <>
          <ResultBanner
            tag={last}
            stale={last.stale}
            what="Evidence run"
            testId="evidence"
            {...(running ? {} : runRequest.ok ? { onRerun: run } : { rerunBlocked: runRequest.problem })}
          />
          <EvidenceResults run={last} />
        </>
      )}

      <div className={styles.row}>
        <Button
          disabled={evidence.write.status === "writing"}
          onClick={() => (last?.stale === true ? setConfirmWrite(true) : write())}
        >
          Write CS Evidence
        </Button>
      </div>
      <WriteMessage write={evidence.write} what="Evidence" testId="evidence-write-message" />
      {last === undefined ? null : (
        <StaleWriteDialog
          open={confirmWrite}
          tag={last}
          sheet={EVIDENCE_SHEET}
          onWrite={write}
          onCancel={() => setConfirmWrite(false)}
        />
      )}
    </div>
  );
}

/** One line on how the user's scenario fits: its log-likelihood and worst-fitting observation. */
function CurrentFit({ rows }: { readonly rows: readonly WeightRow[] }) {
  const styles = useStyles();
  const current = rows.find((r) => r.current);
  if (current === undefined) return null;
  return (
    <Text size={200} className={styles.caption} data-testid="evidence-current-fit">
      “{current.name}”: log-likelihood ℓ ={" "}
      {Number.isFinite(current.logLikelihood) ? current.logLikelihood.toFixed(1).replace("-", "−") : "−∞"};
      worst fit {current.dominantObservation}.
    </Text>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300 },
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

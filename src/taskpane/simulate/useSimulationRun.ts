/**
 * Running a simulation from the pane, shared by Simulate (the run) and Sensitivity (the rank-correlation run):
 * the worker client, the job in flight, its progress (outside the store so a tick re-renders only the bar),
 * cancel, and cancel on unmount. The caller says what to do with each outcome (dispatch to the store).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import { mergeSimulationParts, type SimulationResult } from "../../analysis/summarize";
import type { Scenario } from "../../model/types";
import { SimulationClientError } from "../../worker/client";
import type { SimulationJob } from "../../worker/client";
import { simulationErrorMessage } from "./messages";
import type { RunOptions } from "./runRequest";
import type { ProgressStore } from "./RunProgress";
import { createProgressStore } from "./RunProgress";
import type { WorkerFactory } from "./useSimulationClient";
import { createBrowserWorker, useSimulationClient } from "./useSimulationClient";

export interface SimulationJobRequest {
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly options: Pick<RunOptions, "trials" | "seed"> & Partial<Pick<RunOptions, "sampling">>;
}

export interface RunOutcome {
  /** The results (with `split`, the "view" half: `result.partial`). */
  succeeded(this: void, result: SimulationResult, elapsedMs: number): void;
  /** Pane text saying what happened and what to do. */
  failed(this: void, message: string): void;
  cancelled(this: void, done: number): void;
  /**
   * Given: the run is split (`SimulationPart`). The "view" half goes to `succeeded` as soon as it is done; the
   * "rest" half then runs in the background and `completed` gets the whole result (merged, exactly the
   * unsplit run's), or `completionFailed` says why not. A new `start` or `cancel` stops the rest half.
   */
  readonly split?: {
    completed(this: void, view: SimulationResult, whole: SimulationResult): void;
    completionFailed(this: void, view: SimulationResult, message: string): void;
  };
}

export interface SimulationRun {
  readonly progress: ProgressStore;
  /** Progress of a split run's background half (see `RunOutcome.split`). */
  readonly completion: ProgressStore;
  /** Starts a job; a job still running, and a background half, are cancelled (their outcomes ignored). */
  start(this: void, request: SimulationJobRequest, outcome: RunOutcome): void;
  cancel(this: void): void;
}

export function useSimulationRun(createWorker: WorkerFactory = createBrowserWorker): SimulationRun {
  const client = useSimulationClient(createWorker);
  const job = useRef<SimulationJob | null>(null);
  /** A split run's background half. */
  const rest = useRef<SimulationJob | null>(null);
  const [progress] = useState(createProgressStore);
  const [completion] = useState(createProgressStore);
  useEffect(
    () => () => {
      job.current?.cancel();
      rest.current?.cancel();
    },
    [],
  );

  const start = useCallback(
    (request: SimulationJobRequest, outcome: RunOutcome) => {
      const started = performance.now();
      // A run still going (e.g. a second click before the first re-rendered) is cancelled, not left running.
      job.current?.cancel();
      rest.current?.cancel();
      rest.current = null;
      progress.set(0, request.options.trials);
      const split = outcome.split;
      const options = split === undefined ? request.options : { ...request.options, part: "view" as const };
      const current = client().run(request.scenario, request.spec, options, progress.set);
      job.current = current;
      current.promise.then(
        (result) => {
          if (job.current !== current) return;
          job.current = null;
          outcome.succeeded(result, performance.now() - started);
          if (split === undefined) return;
          completion.set(0, request.options.trials);
          const background = client().run(
            request.scenario,
            request.spec,
            { ...request.options, part: "rest" },
            completion.set,
          );
          rest.current = background;
          background.promise.then(
            (other) => {
              if (rest.current !== background) return;
              rest.current = null;
              let whole: SimulationResult;
              try {
                whole = mergeSimulationParts(result, other);
              } catch (e) {
                split.completionFailed(result, e instanceof Error ? e.message : String(e));
                return;
              }
              split.completed(result, whole);
            },
            (error: unknown) => {
              if (rest.current !== background) return;
              rest.current = null;
              split.completionFailed(result, simulationErrorMessage(error));
            },
          );
        },
        (error: unknown) => {
          if (job.current !== current) return;
          job.current = null;
          if (error instanceof SimulationClientError && error.code === "cancelled") {
            const done = /after (\d+) trials/.exec(error.message)?.[1];
            outcome.cancelled(Number(done ?? progress.get().done));
          } else outcome.failed(simulationErrorMessage(error));
        },
      );
    },
    [client, progress, completion],
  );
  const cancel = useCallback(() => job.current?.cancel(), []);
  return { progress, completion, start, cancel };
}

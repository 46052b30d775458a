/**
 * Running a simulation from the pane, shared by Simulate (the run) and Sensitivity (the rank-correlation run):
 * the worker client, the job in flight, its progress (outside the store so a tick re-renders only the bar),
 * cancel, and cancel on unmount. The caller says what to do with each outcome (dispatch to the store).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import type { SimulationResult } from "../../analysis/summarize";
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
  succeeded(this: void, result: SimulationResult, elapsedMs: number): void;
  /** Pane text saying what happened and what to do. */
  failed(this: void, message: string): void;
  cancelled(this: void, done: number): void;
}

export interface SimulationRun {
  readonly progress: ProgressStore;
  /** Starts a job (a job still running is superseded: its outcome is ignored). */
  start(this: void, request: SimulationJobRequest, outcome: RunOutcome): void;
  cancel(this: void): void;
}

export function useSimulationRun(createWorker: WorkerFactory = createBrowserWorker): SimulationRun {
  const client = useSimulationClient(createWorker);
  const job = useRef<SimulationJob | null>(null);
  const [progress] = useState(createProgressStore);
  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(
    (request: SimulationJobRequest, outcome: RunOutcome) => {
      const started = performance.now();
      progress.set(0, request.options.trials);
      const current = client().run(request.scenario, request.spec, request.options, progress.set);
      job.current = current;
      current.promise.then(
        (result) => {
          if (job.current !== current) return;
          job.current = null;
          outcome.succeeded(result, performance.now() - started);
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
    [client, progress],
  );
  const cancel = useCallback(() => job.current?.cancel(), []);
  return { progress, start, cancel };
}

/**
 * The pane's side of the simulation worker: `run()` returns a promise of the result plus `cancel()`.
 * Engine errors reject with a `SimulationClientError` carrying the ModelError code; a cancelled run rejects
 * with code "cancelled".
 */
import type { ModelErrorCode } from "../model/errors";
import type { Scenario } from "../model/types";
import type { SimulationSpec } from "../analysis/simulationSpec";
import type { SimulationResult } from "../analysis/summarize";
import type { RunRequest, WorkerRequest, WorkerResponse } from "./protocol";

/** What the client needs from a worker (a DOM Worker, or an adapter around node:worker_threads). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: "message", listener: (event: { data: WorkerResponse }) => void): void;
}

export type SimulationClientErrorCode = ModelErrorCode | "internal" | "cancelled";

export class SimulationClientError extends Error {
  constructor(
    readonly code: SimulationClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SimulationClientError";
  }
}

export interface SimulationJob {
  readonly promise: Promise<SimulationResult>;
  cancel(): void;
}

export interface SimulationClient {
  run(
    scenario: Scenario,
    spec: SimulationSpec,
    options: RunRequest["options"],
    onProgress?: (done: number, total: number) => void,
  ): SimulationJob;
}

export function createSimulationClient(worker: WorkerLike): SimulationClient {
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (r: SimulationResult) => void;
      reject: (e: SimulationClientError) => void;
      onProgress?: (d: number, t: number) => void;
    }
  >();
  worker.addEventListener("message", ({ data }) => {
    const job = pending.get(data.id);
    if (job === undefined) return;
    switch (data.type) {
      case "progress":
        job.onProgress?.(data.done, data.total);
        return;
      case "result":
        pending.delete(data.id);
        job.resolve(data.result);
        return;
      case "error":
        pending.delete(data.id);
        job.reject(new SimulationClientError(data.code, data.message));
        return;
      case "cancelled":
        pending.delete(data.id);
        job.reject(new SimulationClientError("cancelled", `simulation cancelled after ${data.done} trials`));
        return;
    }
  });
  return {
    run(scenario, spec, options, onProgress) {
      const id = nextId++;
      const promise = new Promise<SimulationResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      });
      worker.postMessage({ type: "run", id, scenario, spec, options });
      return { promise, cancel: () => worker.postMessage({ type: "cancel", id }) };
    },
  };
}

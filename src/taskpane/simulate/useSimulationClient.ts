/**
 * How a section reaches the simulation workers. Tests inject a factory that runs the same protocol host
 * in-process.
 */
import { useCallback, useEffect, useRef } from "react";
import { createBrowserWorker, type SimulationWorker } from "../../worker/browserWorker";
import type { SimulationClient } from "../../worker/client";
import { createSimulationClient, workerCount } from "../../worker/client";
import { sharedSimulationClient } from "./sharedWorkers";

export type { SimulationWorker };
export { createBrowserWorker };
export type WorkerFactory = () => SimulationWorker;

/**
 * A function returning the client of this component's workers: the page's shared, warmed-up workers for the
 * production worker (sharedWorkers.ts); with an injected factory (tests), workers of this component, created
 * on first use and terminated when it unmounts.
 */
export function useSimulationClient(
  createWorker: WorkerFactory = createBrowserWorker,
): () => SimulationClient {
  const ref = useRef<{ workers: SimulationWorker[]; client: SimulationClient } | null>(null);
  useEffect(
    () => () => {
      ref.current?.workers.forEach((w) => w.terminate?.());
      ref.current = null;
    },
    [],
  );
  return useCallback(() => {
    if (createWorker === createBrowserWorker) return sharedSimulationClient();
    if (ref.current === null) {
      const cores = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency;
      const workers = Array.from({ length: workerCount(cores) }, () => createWorker());
      ref.current = { workers, client: createSimulationClient(workers) };
    }
    return ref.current.client;
  }, [createWorker]);
}

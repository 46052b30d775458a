/**
 * The pane's simulation workers (`workerCount(navigator.hardwareConcurrency)` of them: all cores but one, 1 to
 * 8): created on first use (so merely opening the tab costs nothing), shared by the section's runs, terminated
 * when the section unmounts. Tests inject a factory that runs the same protocol host in-process.
 */
import { useCallback, useEffect, useRef } from "react";
import { createBrowserWorker, type SimulationWorker } from "../../worker/browserWorker";
import type { SimulationClient } from "../../worker/client";
import { createSimulationClient, workerCount } from "../../worker/client";

export type { SimulationWorker };
export { createBrowserWorker };
export type WorkerFactory = () => SimulationWorker;

/** A function returning the (lazily created) client of this component's worker. */
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
    if (ref.current === null) {
      const cores = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency;
      const workers = Array.from({ length: workerCount(cores) }, () => createWorker());
      ref.current = { workers, client: createSimulationClient(workers) };
    }
    return ref.current.client;
  }, [createWorker]);
}

/**
 * The production simulation worker (webpack bundles `simulation.worker.ts` as its own chunk), shared by the
 * pane's sections and the CHIPS.SIMULATE* functions (one page hosts both in the shared runtime).
 */
import type { WorkerLike } from "./client";

export type SimulationWorker = WorkerLike & { terminate?(): void };

export function createBrowserWorker(): SimulationWorker {
  return new Worker(new URL("./simulation.worker.ts", import.meta.url));
}

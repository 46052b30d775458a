/**
 * Starts `nodeWorker.ts` in a node:worker_threads thread and adapts it to `WorkerLike` (CLI, benchmarks,
 * tests). From TypeScript sources the thread registers tsx's loader first (Node 20 workers do not inherit
 * `--import` hooks reliably), then imports the entry.
 */
import { Worker } from "node:worker_threads";
import type { WorkerLike } from "./client";
import type { WorkerResponse } from "./protocol";

export interface NodeSimulationWorker extends WorkerLike {
  terminate(): Promise<number>;
}

export function startNodeSimulationWorker(): NodeSimulationWorker {
  const entry = new URL("./nodeWorker.ts", import.meta.url).href;
  // An eval'd worker resolves bare specifiers from the working directory (the repository root).
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const thread = new Worker(bootstrap, { eval: true });
  return {
    postMessage: (message, transfer) => thread.postMessage(message, transfer),
    addEventListener: (_type, listener) => thread.on("message", (data: WorkerResponse) => listener({ data })),
    terminate: () => thread.terminate(),
  };
}

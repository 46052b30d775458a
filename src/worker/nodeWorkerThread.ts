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
    addEventListener: (type: "message" | "error" | "messageerror", listener: (event: never) => void) => {
      if (type === "message") thread.on("message", (data: WorkerResponse) => listener({ data } as never));
      else if (type === "error")
        thread.on("error", (error: Error) => listener({ message: error.message } as never));
      else thread.on("messageerror", () => listener({} as never));
    },
    terminate: () => thread.terminate(),
  };
}

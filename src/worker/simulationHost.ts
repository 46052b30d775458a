/**
 * The worker side of the protocol, independent of the host's global scope (a Web Worker, node:worker_threads
 * or a test fake supplies `post`). Runs the engine chunk by chunk and YIELDS to the event loop between chunks
 * so a `cancel` message can arrive; posts progress after each chunk.
 */
import { isModelError } from "../model/errors";
import { createSimulationRun } from "../analysis/simulate";
import type { WorkerRequest, WorkerResponse } from "./protocol";

export interface SimulationHost {
  handle(message: WorkerRequest): Promise<void>;
}

/** Default chunk: small enough that progress and cancel feel immediate (~tens of ms per chunk). */
const DEFAULT_CHUNK = 20_000;

export function createSimulationHost(
  post: (message: WorkerResponse) => void,
  yieldToEventLoop: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): SimulationHost {
  const cancelled = new Set<number>();
  return {
    async handle(message) {
      if (message.type === "cancel") {
        cancelled.add(message.id);
        return;
      }
      const { id, scenario, spec, options } = message;
      try {
        const run = createSimulationRun(scenario, spec, {
          ...options,
          chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
        });
        if (isModelError(run)) {
          post({ type: "error", id, code: run.code, message: run.message });
          return;
        }
        for (;;) {
          await yieldToEventLoop();
          if (cancelled.has(id)) {
            cancelled.delete(id);
            post({ type: "cancelled", id, done: run.done() });
            return;
          }
          const finished = run.step();
          post({ type: "progress", id, done: run.done(), total: run.total });
          if (finished) break;
        }
        post({ type: "result", id, result: run.result() });
      } catch (e) {
        // A bug in the engine: report it rather than leaving the client waiting forever.
        post({ type: "error", id, code: "internal", message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}

/**
 * The worker side of the protocol, independent of the host's global scope (a Web Worker, node:worker_threads
 * or a test fake supplies `post`). Runs the engine in steps of about STEP_MS and YIELDS to the event loop
 * between steps, so progress is posted several times a second and a `cancel` is answered within a step; the
 * summary runs in steps too (one column each).
 */
import { isModelError } from "../model/errors";
import {
  createRangeRun,
  createSimulationRun,
  prepareSimulation,
  type SimulationRun,
} from "../analysis/simulate";
import { summarizeSteps, type SimulationResult } from "../analysis/summarize";
import { rawBuffers, type RunOptions, type WorkerRequest, type WorkerResponse } from "./protocol";

export interface SimulationHost {
  handle(message: WorkerRequest): Promise<void>;
}

/** Target duration of one step (progress ≥ 4× a second, cancel answered within ~STEP_MS). */
const STEP_MS = 40;
/** First step of a run, before its speed is known. */
const FIRST_STEP = 2_000;
const MAX_STEP = 200_000;

export function createSimulationHost(
  post: (message: WorkerResponse, transfer?: ArrayBuffer[]) => void,
  yieldToEventLoop: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => number = () => performance.now(),
): SimulationHost {
  const active = new Set<number>();
  const cancelled = new Set<number>();
  /** Runs `run`'s trials step by step; false when cancelled (already reported). */
  const runTrials = async (id: number, run: SimulationRun, options: RunOptions): Promise<boolean> => {
    let step = options.chunkSize ?? FIRST_STEP;
    for (;;) {
      await yieldToEventLoop();
      if (cancelled.has(id)) {
        post({ type: "cancelled", id, done: run.done() });
        return false;
      }
      const started = now();
      const finished = run.step(step);
      if (options.chunkSize === undefined) {
        const ms = Math.max(1, now() - started);
        step = Math.round(Math.min(MAX_STEP, Math.max(100, (step * STEP_MS) / ms)));
      }
      post({ type: "progress", id, done: run.done(), total: run.total });
      if (finished) return true;
    }
  };
  /** Runs summary steps, yielding every ~STEP_MS; null when cancelled (already reported). */
  const summarize = async (
    id: number,
    steps: Generator<void, SimulationResult, void>,
    done: number,
  ): Promise<SimulationResult | null> => {
    let since = now();
    for (;;) {
      const next = steps.next();
      if (next.done === true) return next.value;
      if (now() - since < STEP_MS) continue;
      await yieldToEventLoop();
      since = now();
      if (cancelled.has(id)) {
        post({ type: "cancelled", id, done });
        return null;
      }
    }
  };
  return {
    async handle(message) {
      if (message.type === "cancel") {
        if (active.has(message.id)) cancelled.add(message.id);
        return;
      }
      const { id, scenario, spec, options } = message;
      active.add(id);
      try {
        if (message.type === "run") {
          const run = createSimulationRun(scenario, spec, options);
          if (isModelError(run)) {
            post({ type: "error", id, code: run.code, message: run.message });
            return;
          }
          if (!(await runTrials(id, run, options))) return;
          const result = await summarize(id, run.summarize(), run.total);
          if (result !== null) post({ type: "result", id, result });
          return;
        }
        // A range or a summary: the plan is only needed to draw trials.
        const prepared = prepareSimulation(scenario, spec, options, message.type === "range");
        if (isModelError(prepared)) {
          post({ type: "error", id, code: prepared.code, message: prepared.message });
          return;
        }
        if (message.type === "range") {
          const run = createRangeRun(prepared, message.start, message.end);
          if (!(await runTrials(id, run, options))) return;
          const raw = run.raw();
          post({ type: "rangeDone", id, raw }, rawBuffers([raw]));
          return;
        }
        const result = await summarize(id, summarizeSteps(prepared, message.parts), prepared.trials);
        if (result !== null) post({ type: "result", id, result });
      } catch (e) {
        // A bug in the engine: report it rather than leaving the client waiting forever.
        post({ type: "error", id, code: "internal", message: e instanceof Error ? e.message : String(e) });
      } finally {
        active.delete(id);
        cancelled.delete(id);
      }
    },
  };
}

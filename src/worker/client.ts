/**
 * The pane's side of the simulation workers: `run()` returns a promise of the result plus `cancel()`.
 * Engine errors reject with a `SimulationClientError` carrying the ModelError code; a cancelled run rejects
 * with code "cancelled" and a message saying how many trials had run.
 *
 * With several workers, a run of enough trials is split into contiguous ranges, one per worker; the ranges'
 * per-trial arrays are transferred (not copied) to the first worker, which summarizes them in trial order. The
 * result is bit-identical to one worker's (counter-based random numbers, summaries in trial order).
 *
 * A worker that fails to load or crashes (an `error` or `messageerror` event, e.g. a hashed chunk gone after a
 * redeploy while the long-lived runtime keeps the old page) rejects every run in flight and every later run
 * with code "workerFailed"; a run that hears nothing from its workers for `stallTimeoutMs` rejects with
 * "timeout". Neither path leaves a run waiting forever.
 */
import type { ModelErrorCode } from "../model/errors";
import type { Scenario } from "../model/types";
import type { SimulationPart, SimulationRaw } from "../analysis/simulate";
import type { SimulationSpec } from "../analysis/simulationSpec";
import type { SimulationResult } from "../analysis/summarize";
import { BLOCK } from "../analysis/streamingStats";
import { rawBuffers, type RunOptions, type WorkerRequest, type WorkerResponse } from "./protocol";

/** What the client needs from a worker (a DOM Worker, or an adapter around node:worker_threads). */
export interface WorkerLike {
  /** `transfer` lists buffers to move instead of copy (possibly empty). */
  postMessage(message: WorkerRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: { data: WorkerResponse }) => void): void;
  /** The worker failed to load or crashed (`error`), or a message could not be read (`messageerror`). */
  addEventListener(type: "error" | "messageerror", listener: (event: { message?: string }) => void): void;
}

export type SimulationClientErrorCode =
  ModelErrorCode | "internal" | "cancelled" | "workerFailed" | "timeout";

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
    options: RunOptions,
    onProgress?: (done: number, total: number) => void,
  ): SimulationJob;
  /**
   * Runs a small simulation on every worker, twice in a row (WARM_UP_ROUNDS), and discards it, so that the
   * engine's code is compiled and settled before the first real run (a cold engine runs its first second
   * several times slower). `part`: the half of a split run to warm up. A run started meanwhile cancels it.
   */
  warmUp(scenario: Scenario, spec: SimulationSpec, trials: number, part?: SimulationPart): void;
}

export interface SimulationClientOptions {
  /** A run is split only if every worker gets at least this many trials (default 25,000). */
  readonly minTrialsPerWorker?: number;
  /** A run that hears nothing from its workers for this long is abandoned (default 60,000 ms). */
  readonly stallTimeoutMs?: number;
}

/** Most workers a pane uses. */
export const MAX_WORKERS = 8;

/**
 * Workers for a machine with `hardwareConcurrency` logical cores: one core is left to the page (and Excel),
 * at least 1, at most MAX_WORKERS.
 *
 * @example workerCount(2) // 1
 */
export function workerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isInteger(hardwareConcurrency) ? (hardwareConcurrency as number) : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores - 1));
}

/** How one job reacts to a message from worker `w`, and how it ends when the workers cannot answer. */
interface JobHandlers {
  readonly message: (w: number, data: WorkerResponse) => void;
  readonly abort: (error: SimulationClientError) => void;
}

/** What a user reads when a worker cannot run: what happened and what to do. */
function workerFailure(detail: string | undefined): SimulationClientError {
  const what = detail !== undefined && detail.trim() !== "" ? ` (${detail.trim().slice(0, 200)})` : "";
  return new SimulationClientError(
    "workerFailed",
    `the simulation worker stopped${what}; close and reopen the ChipShift pane (the add-in may have been updated), then run again`,
  );
}

/** Warm-up runs per worker (see `warmUp`). */
const WARM_UP_ROUNDS = 2;

export function createSimulationClient(
  workers: WorkerLike | readonly WorkerLike[],
  clientOptions: SimulationClientOptions = {},
): SimulationClient {
  const pool: readonly WorkerLike[] = Array.isArray(workers) ? workers : [workers as WorkerLike];
  if (pool.length === 0) throw new Error("createSimulationClient needs at least one worker");
  const minPerWorker = clientOptions.minTrialsPerWorker ?? 25_000;
  const stallMs = clientOptions.stallTimeoutMs ?? 60_000;
  let nextId = 1;
  let broken: SimulationClientError | null = null;
  const jobs = new Map<number, JobHandlers>();
  const failAll = (error: SimulationClientError): void => {
    broken ??= error;
    for (const job of [...jobs.values()]) job.abort(broken);
  };
  pool.forEach((worker, w) => {
    worker.addEventListener("message", ({ data }) => jobs.get(data.id)?.message(w, data));
    worker.addEventListener("error", (event) => failAll(workerFailure(event.message)));
    worker.addEventListener("messageerror", () => failAll(workerFailure("a message could not be read")));
  });
  /** Warm-up runs still going, by id: worker index. */
  const warming = new Map<number, number>();
  return {
    warmUp(scenario, spec, trials, part) {
      if (broken !== null) return;
      const options = { trials, seed: 0, ...(part === undefined ? {} : { part }) };
      pool.forEach((worker, w) => {
        // Two runs, one after the other: the engine's optimized code is dropped once, when the second run
        // builds its objects (V8 updates the shapes the first run generalized); the analyst's run then
        // starts on code that stays.
        const round = (left: number): void => {
          const id = nextId++;
          warming.set(id, w);
          const done = (): void => {
            jobs.delete(id);
            warming.delete(id);
          };
          jobs.set(id, {
            message: (_w, data) => {
              if (data.type === "progress" || data.type === "rangeDone") return;
              done();
              if (data.type === "result" && left > 1) round(left - 1);
            },
            abort: done,
          });
          worker.postMessage({ type: "run", id, scenario, spec, options }, []);
        };
        round(WARM_UP_ROUNDS);
      });
    },
    run(scenario, spec, options, onProgress) {
      for (const [warm, w] of warming) {
        (pool[w] as WorkerLike).postMessage({ type: "cancel", id: warm }, []);
        jobs.delete(warm);
      }
      warming.clear();
      const id = nextId++;
      // Ranges start on block boundaries (the summary's partial sums are per block): at most one per block.
      const parts = Math.min(
        pool.length,
        Math.floor(options.trials / minPerWorker),
        Math.ceil(options.trials / BLOCK),
      );
      let settle!: { resolve: (r: SimulationResult) => void; reject: (e: SimulationClientError) => void };
      const promise = new Promise<SimulationResult>((resolve, reject) => (settle = { resolve, reject }));
      if (broken !== null) {
        settle.reject(broken);
        return { promise, cancel: () => undefined };
      }
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: SimulationResult | SimulationClientError): void => {
        if (!jobs.has(id)) return;
        jobs.delete(id);
        clearTimeout(watchdog);
        if (outcome instanceof SimulationClientError) settle.reject(outcome);
        else settle.resolve(outcome);
      };
      const stalled = (): void => {
        for (const worker of pool) worker.postMessage({ type: "cancel", id }, []);
        finish(
          new SimulationClientError(
            "timeout",
            `the simulation worker did not answer for ${Math.round(stallMs / 1000)} s; run again with fewer trials, or close and reopen the pane`,
          ),
        );
      };
      const heard = (): void => {
        clearTimeout(watchdog);
        watchdog = setTimeout(stalled, stallMs);
      };
      /** Registers the job's message handler; every message restarts the stall watchdog. */
      const listen = (message: JobHandlers["message"]): void => {
        jobs.set(id, {
          message: (w, data) => {
            heard();
            message(w, data);
          },
          abort: finish,
        });
        heard();
      };
      const cancelled = (done: number): SimulationClientError =>
        new SimulationClientError("cancelled", `simulation cancelled after ${done} trials`);
      const failure = (data: { code: ModelErrorCode | "internal"; message: string }): SimulationClientError =>
        new SimulationClientError(data.code, data.message);
      const request = { id, scenario, spec, options };

      if (!(parts >= 2 && Number.isInteger(options.trials))) {
        listen((_w, data) => {
          if (data.type === "progress") onProgress?.(data.done, data.total);
          else if (data.type === "result") finish(data.result);
          else if (data.type === "error") finish(failure(data));
          else if (data.type === "cancelled") finish(cancelled(data.done));
        });
        (pool[0] as WorkerLike).postMessage({ type: "run", ...request }, []);
        return { promise, cancel: () => (pool[0] as WorkerLike).postMessage({ type: "cancel", id }, []) };
      }

      // Split: worker w runs trials [bounds[w], bounds[w + 1]); worker 0 then summarizes every range.
      const trials = options.trials;
      const bounds = Array.from({ length: parts + 1 }, (_, w) =>
        w === parts ? trials : Math.round((w * trials) / parts / BLOCK) * BLOCK,
      );
      const done = new Array<number>(parts).fill(0);
      const raws = new Array<SimulationRaw | null>(parts).fill(null);
      /** Workers still running their range (cancel goes to them; then to worker 0 while it summarizes). */
      const running = new Set(Array.from({ length: parts }, (_, w) => w));
      let summarizing = false;
      let stopping: "cancel" | SimulationClientError | null = null;
      const total = (): number => done.reduce((a, b) => a + b, 0);
      const stopOthers = (): void => {
        for (const w of running) (pool[w] as WorkerLike).postMessage({ type: "cancel", id }, []);
        if (summarizing) (pool[0] as WorkerLike).postMessage({ type: "cancel", id }, []);
      };
      /** A worker has stopped; once none runs, the job ends with the cancel or the first error. */
      const stopped = (w: number): void => {
        running.delete(w);
        if (running.size > 0 || stopping === null) return;
        finish(stopping === "cancel" ? cancelled(total()) : stopping);
      };
      listen((w, data) => {
        switch (data.type) {
          case "progress":
            if (summarizing || stopping !== null) return;
            done[w] = data.done;
            onProgress?.(total(), trials);
            return;
          case "rangeDone":
            raws[w] = data.raw;
            done[w] = bounds[w + 1]! - bounds[w]!;
            if (stopping !== null) return stopped(w);
            running.delete(w);
            if (running.size > 0) return;
            summarizing = true;
            {
              const all = raws as SimulationRaw[];
              (pool[0] as WorkerLike).postMessage(
                { type: "summarize", ...request, parts: all },
                rawBuffers(all),
              );
            }
            return;
          case "result":
            finish(data.result);
            return;
          case "error":
            if (summarizing) return finish(failure(data));
            if (stopping === null) {
              stopping = failure(data);
              running.delete(w);
              stopOthers();
              return stopped(w);
            }
            return stopped(w);
          case "cancelled":
            if (summarizing) return finish(cancelled(trials));
            done[w] = data.done;
            return stopped(w);
        }
      });
      pool
        .slice(0, parts)
        .forEach((worker, w) =>
          worker.postMessage({ type: "range", ...request, start: bounds[w]!, end: bounds[w + 1]! }, []),
        );
      return {
        promise,
        cancel: () => {
          if (!jobs.has(id) || stopping !== null) return;
          stopping = "cancel";
          stopOthers();
        },
      };
    },
  };
}

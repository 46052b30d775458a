import { describe, expect, it, vi } from "vitest";
import { PRESETS } from "../../src/model/presets";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import {
  createSimulationClient,
  SimulationClientError,
  workerCount,
  type WorkerLike,
} from "../../src/worker/client";
import { startNodeSimulationWorker } from "../../src/worker/nodeWorkerThread";
import { inProcessWorker, type InProcessWorker } from "./inProcessWorker";
import type { WorkerRequest, WorkerResponse } from "../../src/worker/protocol";

const scenario = PRESETS[0]!.scenario;
const spec = defaultSimulationSpec(scenario);

/** An in-process fake worker: messages cross via setTimeout, as across a real thread boundary. */
function fakeWorker(): InProcessWorker {
  return inProcessWorker({ async: true });
}

/** `n` fake workers and the requests each received (by type). */
function fakePool(n: number): { workers: WorkerLike[]; received: string[][] } {
  const received: string[][] = [];
  const workers = Array.from({ length: n }, (_, w) => {
    const worker = fakeWorker();
    received.push([]);
    return {
      postMessage: (m: WorkerRequest, transfer: ArrayBuffer[]) => {
        received[w]!.push(m.type);
        worker.postMessage(m, transfer);
      },
      addEventListener: ((type: "message", l: never) =>
        worker.addEventListener(type, l)) as WorkerLike["addEventListener"],
    };
  });
  return { workers, received };
}

async function rejection(p: Promise<unknown>): Promise<SimulationClientError> {
  try {
    await p;
  } catch (e) {
    return e as SimulationClientError;
  }
  throw new Error("expected a rejection");
}

describe("createSimulationClient(worker).run: error paths", () => {
  it("run(...) with invalid trials rejects with the ModelError code invalidInput", async () => {
    const client = createSimulationClient(fakeWorker());
    const e = await rejection(client.run(scenario, spec, { trials: -5, seed: 1 }).promise);
    expect(e).toBeInstanceOf(SimulationClientError);
    expect(e.code).toBe("invalidInput");
  });
  it("run(...).cancel() rejects with code cancelled before all trials ran", async () => {
    const client = createSimulationClient(fakeWorker());
    const progress: number[] = [];
    const job = client.run(scenario, spec, { trials: 50_000, seed: 1, chunkSize: 1000 }, (done) => {
      progress.push(done);
      if (progress.length === 2) job.cancel();
    });
    const e = await rejection(job.promise);
    expect(e.code).toBe("cancelled");
    expect(progress.length).toBeLessThan(50);
  });
});

describe("createSimulationClient(worker).run: results", () => {
  it("run(...) resolves with exactly the engine's result and reports progress per chunk", async () => {
    const client = createSimulationClient(fakeWorker());
    const progress: number[] = [];
    const result = await client.run(scenario, spec, { trials: 2500, seed: 8, chunkSize: 1000 }, (d) =>
      progress.push(d),
    ).promise;
    expect(progress).toEqual([1000, 2000, 2500]);
    // oracle: the synchronous engine with the same seed (chunking does not change results)
    expect(result).toEqual(simulate(scenario, spec, { trials: 2500, seed: 8 }));
  });
  it("run(...) through node:worker_threads gives the same result as the engine", async () => {
    const thread = startNodeSimulationWorker();
    try {
      const result: SimulationResult = await createSimulationClient(thread).run(scenario, spec, {
        trials: 1000,
        seed: 4,
      }).promise;
      expect(result).toEqual(simulate(scenario, spec, { trials: 1000, seed: 4 }));
    } finally {
      await thread.terminate();
    }
  });
});

describe("createSimulationClient(workers): a run split across workers", () => {
  const lhs = { trials: 3001, seed: 17, sampling: "lhs" as const };
  it("1, 2 and 3 workers give bit-identical results, equal to the synchronous engine (every statistic)", async () => {
    // oracle: the synchronous single-threaded engine with the same seed
    const expected = simulate(scenario, spec, lhs);
    for (const n of [1, 2, 3]) {
      const { workers, received } = fakePool(n);
      const client = createSimulationClient(workers, { minTrialsPerWorker: 1 });
      const result = await client.run(scenario, spec, lhs).promise;
      expect(result, `${n} workers`).toEqual(expected);
      if (n > 1) {
        // Each worker ran a range; worker 0 summarized.
        received.forEach((types) => expect(types).toContain("range"));
        expect(received[0]).toContain("summarize");
      }
    }
  });
  it("progress adds up the workers' trials and ends at the total", async () => {
    const { workers } = fakePool(3);
    const client = createSimulationClient(workers, { minTrialsPerWorker: 1 });
    const progress: number[] = [];
    await client.run(scenario, spec, { ...lhs, chunkSize: 250 }, (done, total) => {
      expect(total).toBe(3001);
      progress.push(done);
    }).promise;
    expect(progress.at(-1)).toBe(3001);
    // 3 ranges of ~1000 trials in steps of 250: about 12 progress messages, never decreasing.
    expect(progress.length).toBeGreaterThanOrEqual(12);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
  it("cancel() during a split run rejects with code cancelled and the number of trials that ran", async () => {
    const { workers } = fakePool(2);
    const client = createSimulationClient(workers, { minTrialsPerWorker: 1 });
    let seen = 0;
    const job: ReturnType<typeof client.run> = client.run(
      scenario,
      spec,
      { trials: 40_000, seed: 3, chunkSize: 500 },
      (done) => {
        seen = done;
        if (done >= 1000) job.cancel();
      },
    );
    const e = await rejection(job.promise);
    expect(e.code).toBe("cancelled");
    const reported = Number(/after (\d+) trials/.exec(e.message)?.[1]);
    expect(reported).toBeGreaterThanOrEqual(seen);
    expect(reported).toBeGreaterThanOrEqual(1000);
    expect(reported).toBeLessThan(40_000);
  });
  it("an invalid run rejects once with the engine's code even when split", async () => {
    const { workers } = fakePool(3);
    const client = createSimulationClient(workers, { minTrialsPerWorker: 1 });
    const e = await rejection(
      client.run(scenario, { ...spec, inputs: { marketGrowth: { kind: "uniform", min: 2, max: 1 } } }, lhs)
        .promise,
    );
    expect(e.code).toBe("invalidInput");
  });
  it("a run below minTrialsPerWorker per worker stays on one worker", async () => {
    const { workers, received } = fakePool(3);
    await createSimulationClient(workers).run(scenario, spec, { trials: 1000, seed: 1 }).promise;
    expect(received).toEqual([["run"], [], []]);
  });
  it("3 node:worker_threads give the same result as the engine", async () => {
    const threads = [startNodeSimulationWorker(), startNodeSimulationWorker(), startNodeSimulationWorker()];
    try {
      const options = { trials: 2000, seed: 4, sampling: "lhs" as const };
      const result = await createSimulationClient(threads, { minTrialsPerWorker: 1 }).run(
        scenario,
        spec,
        options,
      ).promise;
      expect(result).toEqual(simulate(scenario, spec, options));
    } finally {
      await Promise.all(threads.map((t) => t.terminate()));
    }
  });
});

describe("workerCount", () => {
  it("workerCount leaves one core to the page, at least 1 and at most 8", () => {
    expect([1, 2, 3, 4, 9, 16, 64].map(workerCount)).toEqual([1, 1, 2, 3, 8, 8, 8]);
    expect(workerCount(undefined)).toBe(1);
  });
});

describe("createSimulationClient: workers that cannot answer", () => {
  it("a worker's error event rejects the run in flight and every later run with workerFailed, saying what to do", async () => {
    const worker = inProcessWorker({ async: true });
    const client = createSimulationClient(worker);
    const job = client.run(scenario, spec, { trials: 50_000, seed: 1 });
    worker.fail("Failed to fetch chunk 412.js");
    const error = await rejection(job.promise);
    expect(error.code).toBe("workerFailed");
    expect(error.message).toContain("Failed to fetch chunk 412.js");
    expect(error.message).toContain("close and reopen the ChipShift pane");
    const later = await rejection(client.run(scenario, spec, { trials: 100, seed: 1 }).promise);
    expect(later.code).toBe("workerFailed");
  });

  it("a worker that never answers is abandoned after stallTimeoutMs with code timeout, and told to cancel", async () => {
    const received: string[] = [];
    const silent: WorkerLike = {
      postMessage: (m: WorkerRequest) => void received.push(m.type),
      addEventListener: () => undefined,
    };
    const client = createSimulationClient(silent, { stallTimeoutMs: 30 });
    const error = await rejection(client.run(scenario, spec, { trials: 100, seed: 1 }).promise);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/did not answer/);
    expect(received).toEqual(["run", "cancel"]);
  });

  it("progress keeps a slow run alive: the watchdog restarts on every message", async () => {
    // a scripted worker: progress every 20 ms for 200 ms, then the real result; the stall limit is 60 ms,
    // so only a watchdog restarted by each message lets the run finish
    const real = simulate(scenario, spec, { trials: 200, seed: 3 }) as SimulationResult;
    const listeners: ((e: { data: WorkerResponse }) => void)[] = [];
    const scripted: WorkerLike = {
      postMessage: (m: WorkerRequest) => {
        if (m.type !== "run") return;
        for (let i = 1; i <= 10; i++)
          setTimeout(
            () =>
              listeners.forEach((l) => l({ data: { type: "progress", id: m.id, done: i * 20, total: 200 } })),
            20 * i,
          );
        setTimeout(
          () => listeners.forEach((l) => l({ data: { type: "result", id: m.id, result: real } })),
          210,
        );
      },
      addEventListener: (type: string, l: never) => {
        if (type === "message") listeners.push(l);
      },
    };
    const client = createSimulationClient(scripted, { stallTimeoutMs: 60 });
    const result = await client.run(scenario, spec, { trials: 200, seed: 3 }).promise;
    expect(result).toBe(real);
  });
});

describe("createSimulationClient(workers).warmUp", () => {
  it("runs a small simulation on every worker; a run started meanwhile cancels it and gives the engine's result", async () => {
    const { workers, received } = fakePool(2);
    const client = createSimulationClient(workers, { minTrialsPerWorker: 1 });
    client.warmUp(scenario, spec, 40_000);
    expect(received).toEqual([["run"], ["run"]]);
    const result = await client.run(scenario, spec, { trials: 3000, seed: 4 }).promise;
    // each warm-up is cancelled before the real ranges are posted
    for (const r of received) expect(r.slice(0, 3)).toEqual(["run", "cancel", "range"]);
    expect(result).toEqual(simulate(scenario, spec, { trials: 3000, seed: 4 }));
  });
  it("a warm-up left alone runs twice per worker, the second after the first's result, with the given part", async () => {
    const posted: WorkerRequest[] = [];
    const worker = fakeWorker();
    const spy: WorkerLike = {
      postMessage: (m, transfer) => {
        posted.push(m);
        worker.postMessage(m, transfer);
      },
      addEventListener: ((type: "message", l: never) =>
        worker.addEventListener(type, l)) as WorkerLike["addEventListener"],
    };
    const client = createSimulationClient(spy);
    client.warmUp(scenario, spec, 1500, "view");
    expect(posted).toHaveLength(1);
    await vi.waitFor(() => expect(posted).toHaveLength(2), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posted).toHaveLength(2); // no third round
    for (const m of posted)
      expect(m.type === "run" && m.options).toEqual({ trials: 1500, seed: 0, part: "view" });
    expect(posted[0]!.id).not.toBe(posted[1]!.id);
  });
  it("a warm-up left to finish is discarded: later runs are unaffected", async () => {
    const client = createSimulationClient(fakeWorker());
    client.warmUp(scenario, spec, 2000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await client.run(scenario, spec, { trials: 500, seed: 9 }).promise;
    expect(result).toEqual(simulate(scenario, spec, { trials: 500, seed: 9 }));
  });
});

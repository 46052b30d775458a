import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/model/presets";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import { createSimulationClient, SimulationClientError, type WorkerLike } from "../../src/worker/client";
import { createSimulationHost } from "../../src/worker/simulationHost";
import { startNodeSimulationWorker } from "../../src/worker/nodeWorkerThread";
import type { WorkerRequest, WorkerResponse } from "../../src/worker/protocol";

const scenario = PRESETS[0]!.scenario;
const spec = defaultSimulationSpec(scenario);

/** An in-process fake worker: messages cross via setTimeout, as across a real thread boundary. */
function fakeWorker(): WorkerLike {
  const listeners: ((e: { data: WorkerResponse }) => void)[] = [];
  const host = createSimulationHost((m) =>
    setTimeout(() => listeners.forEach((l) => l({ data: structuredClone(m) })), 0),
  );
  return {
    postMessage: (m: WorkerRequest) => setTimeout(() => void host.handle(structuredClone(m)), 0),
    addEventListener: (_type, l) => listeners.push(l),
  };
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

/**
 * One simulation through node:worker_threads (the CLI's and the bench's way to run the pane's worker code), in
 * its own process so that its peak memory is its own: `tsx scripts/bench/workerRun.ts <horizon> <workers>
 * <trials> [cancelAfterMs]` prints one JSON line: wall and CPU time, the process's peak resident set
 * (getrusage maxrss: main thread + worker threads) and its resident set before the run, the first progress
 * tick and the longest gap between ticks, and — with cancelAfterMs — how long the cancel took to be answered.
 * Scenario: the "licensed" preset at the given horizon with the pane's default spec, Latin hypercube, seed 42.
 */
import { performance } from "node:perf_hooks";
import { applyOverrides, findPreset, isModelError } from "../../src/model/index";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { createSimulationClient, SimulationClientError } from "../../src/worker/client";
import { startNodeSimulationWorker } from "../../src/worker/nodeWorkerThread";

export interface WorkerRunReport {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMB: number;
  readonly rssBeforeMB: number;
  readonly firstProgressMs: number;
  readonly maxGapMs: number;
  readonly cancelMs: number | null;
  readonly cancelledAfter: number | null;
}

async function main(): Promise<void> {
  const [horizon = 5, workers = 1, trials = 1_000_000, cancelAfter = NaN] = process.argv.slice(2).map(Number);
  const preset = findPreset("licensed");
  if (isModelError(preset)) throw new Error(preset.message);
  const scenario = applyOverrides(preset.scenario, [
    ["horizon", horizon],
    [
      "regimePath",
      Array<string>(horizon + 1)
        .fill("licensed")
        .join(","),
    ],
  ]);
  if (isModelError(scenario)) throw new Error(scenario.message);
  const spec = defaultSimulationSpec(scenario);
  const threads = Array.from({ length: workers }, () => startNodeSimulationWorker());
  try {
    // Warm the threads up (module loading) so that the run measures the simulation.
    const client = createSimulationClient(threads, { minTrialsPerWorker: 1 });
    await client.run(scenario, spec, { trials: 100 * workers, seed: 1, sampling: "lhs" }).promise;
    const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const ticks: number[] = [];
    const job = client.run(scenario, spec, { trials, seed: 42, sampling: "lhs" }, () =>
      ticks.push(performance.now()),
    );
    let cancelMs: number | null = null;
    let cancelledAfter: number | null = null;
    if (Number.isFinite(cancelAfter)) {
      await new Promise((resolve) => setTimeout(resolve, cancelAfter));
      const asked = performance.now();
      job.cancel();
      try {
        await job.promise;
      } catch (e) {
        if (!(e instanceof SimulationClientError && e.code === "cancelled")) throw e;
        cancelMs = performance.now() - asked;
        cancelledAfter = Number(/after (\d+)/.exec(e.message)?.[1]);
      }
    } else await job.promise;
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const marks = [started, ...ticks];
    let maxGapMs = 0;
    for (let k = 1; k < marks.length; k++) maxGapMs = Math.max(maxGapMs, marks[k]! - marks[k - 1]!);
    const report: WorkerRunReport = {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      rssBeforeMB,
      firstProgressMs: (ticks[0] ?? performance.now()) - started,
      maxGapMs,
      cancelMs,
      cancelledAfter,
    };
    console.log(JSON.stringify(report));
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

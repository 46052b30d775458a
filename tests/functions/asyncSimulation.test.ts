import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { simulate, simulatePosterior, simulateTable } from "../../src/functions/functions";
import { toExcelGrid, toExcelValue } from "../../src/functions/errors";
import { posteriorCell } from "../../src/functions/evidenceFunctions";
import {
  clearSimulationMemo,
  setSimulationRunner,
  simulateCell,
  simulateTableGrid,
  simulationEngine,
  type SimulationRunner,
} from "../../src/functions/simulationFunctions";
import { createSimulationClient } from "../../src/worker/client";
import { inProcessWorker } from "../worker/inProcessWorker";
import { installCustomFunctionsStub } from "./stubCustomFunctions";

beforeAll(installCustomFunctionsStub);
beforeEach(clearSimulationMemo);
afterEach(() => {
  setSimulationRunner(null);
  vi.restoreAllMocks();
});

/** A runner backed by the real worker protocol (in-process, messages crossing as between threads). */
function workerRunner(): { runner: SimulationRunner; calls: () => number } {
  const client = createSimulationClient(inProcessWorker({ async: true }));
  let calls = 0;
  return {
    runner: (scenario, spec, options) => {
      calls += 1;
      return client.run(scenario, spec, options).promise;
    },
    calls: () => calls,
  };
}

describe("CHIPS.SIMULATE* off the calculation thread", () => {
  it("simulate / simulateTable / simulatePosterior through the worker equal the in-thread cell functions exactly", async () => {
    const { runner } = workerRunner();
    setSimulationRunner(runner);
    for (const [series, year, stat] of [
      ["nvidiaChina", 2027, "mean"],
      ["nvidiaChinaOutlook", 2026, "p10"],
      ["domesticShare", "FY2030", "p95"],
      ["cumulativeNvidiaChina", "", "sd"],
    ] as const) {
      const viaWorker = await simulate([["paper"]], 3000, 7, series, year, stat);
      clearSimulationMemo();
      const inThread = toExcelValue(simulateCell([["paper"]], 3000, 7, series, year, stat));
      expect(viaWorker, `${series} ${year} ${stat}`).toBe(inThread);
    }
    const table = await simulateTable([["decoupling"]], 2000, 3, "nvidiaOffshore");
    expect(table).toEqual(toExcelGrid(simulateTableGrid([["decoupling"]], 2000, 3, "nvidiaOffshore")));
    const posterior = await simulatePosterior([["licensed"]], 2000, 5, "nvidiaChina", 2027, "p50");
    expect(posterior).toBe(toExcelValue(posteriorCell([["licensed"]], 2000, 5, "nvidiaChina", 2027, "p50")));
  });

  it("cells sharing scenario, trials and seed wait on one worker run", async () => {
    const { runner, calls } = workerRunner();
    setSimulationRunner(runner);
    const cells = await Promise.all([
      simulate([["licensed"]], 1000, 1, "nvidiaChina", 2026),
      simulate([["licensed"]], 1000, 1, "nvidiaChina", 2030, "p90"),
      simulateTable([["licensed"]], 1000, 1, "market"),
    ]);
    expect(calls()).toBe(1);
    expect(typeof cells[0]).toBe("number");
    await simulate([["licensed"]], 1000, 2, "nvidiaChina", 2026);
    expect(calls()).toBe(2);
  });

  it("a runner that fails (a worker that could not load) falls back to computing here: same number", async () => {
    setSimulationRunner(() => Promise.reject(new Error("Failed to fetch chunk")));
    const value = await simulate([["detente"]], 1500, 9, "nvidiaChina", 2028, "p50");
    expect(value).toBe(toExcelValue(simulateCell([["detente"]], 1500, 9, "nvidiaChina", 2028, "p50")));
  });

  it("without a runner the function returns before simulating, and computes after yielding", async () => {
    const spy = vi.spyOn(simulationEngine, "run");
    const pending = simulate([["licensed"]], 500, 4, "nvidiaChina", 2027);
    expect(spy).not.toHaveBeenCalled();
    expect(typeof (await pending)).toBe("number");
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("bad arguments answer at once with the same Excel error, without running anything", async () => {
    const { runner, calls } = workerRunner();
    setSimulationRunner(runner);
    const bad = await simulate([["licensed"]], 20_001, 1, "nvidiaChina", 2027);
    expect(bad).toEqual(toExcelValue(simulateCell([["licensed"]], 20_001, 1, "nvidiaChina", 2027)));
    expect(calls()).toBe(0);
  });
});

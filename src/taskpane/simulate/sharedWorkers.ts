/**
 * The page's simulation workers (`workerCount(navigator.hardwareConcurrency)` of them: all cores but one, 1 to
 * 8), shared by every section that simulates (Simulate, Sensitivity, Evidence) and kept for the page's life.
 * `warmUpSimulationWorkers()` creates them when the pane has rendered and runs two small simulations on each
 * (the results view's half of a split run, one after the other: see `SimulationClient.warmUp`), so the
 * engine's code is compiled and settled before the analyst's first run: a cold engine runs its first second
 * several times slower. A real run cancels the warm-up.
 */
import { defaultSimulationSpec } from "../../analysis/defaultSpec";
import { BLOCK } from "../../analysis/streamingStats";
import { PRESETS } from "../../model/presets";
import { createBrowserWorker } from "../../worker/browserWorker";
import { createSimulationClient, workerCount, type SimulationClient } from "../../worker/client";

/**
 * Trials of the warm-up run: enough for the engine's hot loops to be compiled, few enough (about a third of a
 * second on a cold engine) that a run started right after the pane opens does not wait long for it to yield.
 */
const WARM_UP_TRIALS = 8 * BLOCK;

let shared: SimulationClient | null = null;

/** The shared client (its workers are created on the first call). */
export function sharedSimulationClient(): SimulationClient {
  if (shared === null) {
    const cores = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency;
    shared = createSimulationClient(Array.from({ length: workerCount(cores) }, () => createBrowserWorker()));
  }
  return shared;
}

/** Creates the shared workers and warms them up (no-op where Web Workers do not exist). */
export function warmUpSimulationWorkers(): void {
  if (typeof Worker === "undefined") return;
  const preset = PRESETS[0];
  if (preset === undefined) return;
  // The pane's runs are split and their results view comes first: warm up that half's code path.
  sharedSimulationClient().warmUp(
    preset.scenario,
    defaultSimulationSpec(preset.scenario),
    WARM_UP_TRIALS,
    "view",
  );
}

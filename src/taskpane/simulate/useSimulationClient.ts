/**
 * The pane's simulation workers (`workerCount(navigator.hardwareConcurrency)` of them: all cores but one, 1 to
 * 8): created and warmed up when the section mounts, shared by the section's runs, terminated when the
 * section unmounts. Tests inject a factory that runs the same protocol host in-process.
 */
import { useCallback, useEffect, useRef } from "react";
import { createBrowserWorker, type SimulationWorker } from "../../worker/browserWorker";
import type { SimulationClient } from "../../worker/client";
import { createSimulationClient, workerCount } from "../../worker/client";
import { PRESETS } from "../../model/presets";
import { defaultSimulationSpec } from "../../analysis/defaultSpec";
import { BLOCK, PILOT_TRIALS } from "../../analysis/streamingStats";

export type { SimulationWorker };
export { createBrowserWorker };
export type WorkerFactory = () => SimulationWorker;

/** Trials of the warm-up run: past the pilot, so every path of a real run is compiled. */
const WARM_UP_TRIALS = PILOT_TRIALS + 4 * BLOCK;

/**
 * A function returning the client of this component's workers. With the production worker they are created
 * when the component mounts and warmed up at once (`SimulationClient.warmUp`, a few hundred milliseconds of a
 * worker's time while the analyst reads the settings); injected test workers are created on first use.
 */
export function useSimulationClient(
  createWorker: WorkerFactory = createBrowserWorker,
): () => SimulationClient {
  const ref = useRef<{ workers: SimulationWorker[]; client: SimulationClient } | null>(null);
  const get = useCallback(() => {
    if (ref.current === null) {
      const cores = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency;
      const workers = Array.from({ length: workerCount(cores) }, () => createWorker());
      ref.current = { workers, client: createSimulationClient(workers) };
    }
    return ref.current.client;
  }, [createWorker]);
  useEffect(() => {
    if (createWorker === createBrowserWorker && typeof Worker !== "undefined") {
      const preset = PRESETS[0];
      if (preset !== undefined)
        get().warmUp(preset.scenario, defaultSimulationSpec(preset.scenario), WARM_UP_TRIALS);
    }
    return () => {
      ref.current?.workers.forEach((w) => w.terminate?.());
      ref.current = null;
    };
  }, [createWorker, get]);
  return get;
}

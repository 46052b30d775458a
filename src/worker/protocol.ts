/**
 * Messages between the pane (client) and the simulation worker. One run per id; `cancel` is honoured between
 * chunks. Errors carry the engine's ModelError code.
 */
import type { ModelErrorCode } from "../model/errors";
import type { Scenario } from "../model/types";
import type { SamplingMethod } from "../analysis/sampling";
import type { SimulationSpec } from "../analysis/simulationSpec";
import type { SimulationResult } from "../analysis/summarize";

export interface RunRequest {
  readonly type: "run";
  readonly id: number;
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly options: {
    readonly trials: number;
    readonly seed: number;
    readonly sampling?: SamplingMethod;
    readonly chunkSize?: number;
  };
}

export interface CancelRequest {
  readonly type: "cancel";
  readonly id: number;
}

export type WorkerRequest = RunRequest | CancelRequest;

export type WorkerResponse =
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly id: number; readonly result: SimulationResult }
  | {
      readonly type: "error";
      readonly id: number;
      readonly code: ModelErrorCode | "internal";
      readonly message: string;
    }
  | { readonly type: "cancelled"; readonly id: number; readonly done: number };

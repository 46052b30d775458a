/**
 * Messages between the pane (client) and the simulation workers. One run per id; `cancel` is honoured between
 * steps (tens of milliseconds). Errors carry the engine's ModelError code.
 *
 * One worker runs a whole simulation with `run`. Several workers split it: each runs a `range` of trials and
 * answers with its per-trial arrays (`rangeDone`, buffers transferred, not copied); one of them then gets every
 * range in a `summarize` request (transferred again) and answers with the result. Philox is counter-based and
 * the summary reads the ranges in trial order, so the result is the same for any number of workers.
 */
import type { ModelErrorCode } from "../model/errors";
import type { Scenario } from "../model/types";
import type { SamplingMethod } from "../analysis/sampling";
import type { SimulationPart, SimulationRaw } from "../analysis/simulate";
import type { SimulationSpec } from "../analysis/simulationSpec";
import type { SimulationResult } from "../analysis/summarize";

export interface RunOptions {
  readonly trials: number;
  readonly seed: number;
  readonly sampling?: SamplingMethod;
  /** Trials per step; by default the worker sizes steps to take about 40 ms each (results do not change). */
  readonly chunkSize?: number;
  /** One half of a split run (see `SimulationPart`); default the whole run. */
  readonly part?: SimulationPart;
}

export interface RunRequest {
  readonly type: "run";
  readonly id: number;
  readonly scenario: Scenario;
  readonly spec: SimulationSpec;
  readonly options: RunOptions;
}

/** Trials [start, end) of a run, answered by `rangeDone`. */
export interface RangeRequest extends Omit<RunRequest, "type"> {
  readonly type: "range";
  readonly start: number;
  readonly end: number;
}

/** The statistics of a run from all of its ranges (contiguous, covering every trial). */
export interface SummarizeRequest extends Omit<RunRequest, "type"> {
  readonly type: "summarize";
  readonly parts: readonly SimulationRaw[];
}

export interface CancelRequest {
  readonly type: "cancel";
  readonly id: number;
}

export type WorkerRequest = RunRequest | RangeRequest | SummarizeRequest | CancelRequest;

export type WorkerResponse =
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly id: number; readonly result: SimulationResult }
  | { readonly type: "rangeDone"; readonly id: number; readonly raw: SimulationRaw }
  | {
      readonly type: "error";
      readonly id: number;
      readonly code: ModelErrorCode | "internal";
      readonly message: string;
    }
  | { readonly type: "cancelled"; readonly id: number; readonly done: number };

/** The distinct, non-empty buffers of a SimulationRaw (to transfer it instead of copying). */
export function rawBuffers(raws: readonly SimulationRaw[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: Float64Array | Float32Array | Uint16Array | Uint8Array | Int32Array | undefined): void => {
    if (a !== undefined && a.buffer.byteLength > 0) buffers.add(a.buffer as ArrayBuffer);
  };
  for (const raw of raws) {
    for (const c of raw.columns) {
      add(c.blocks);
      for (const a of c.kept) add(a);
    }
    for (const a of raw.full) add(a);
    for (const a of Object.values(raw.series)) add(a);
    for (const a of Object.values(raw.metrics)) add(a);
    for (const a of raw.inputs) add(a);
    for (const a of raw.strata) add(a);
    add(raw.evidence.logLikelihood);
    add(raw.evidence.dominant);
    add(raw.regimes);
  }
  return [...buffers];
}

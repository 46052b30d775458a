/**
 * The simulation run's part of the pane store: status of the run in flight, the last result (tagged with the
 * scenario and fingerprint it came from) and the "write results" status.
 */
import type { SimulationResult } from "../../analysis/summarize";
import { assertNever } from "../../model/errors";
import type { ResultTag } from "../results/resultTag";
import type { WriteStatus } from "../results/sheetWrite";

export type RunStatus =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly total: number }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "cancelled"; readonly done: number; readonly total: number }
  | { readonly status: "succeeded" };

export interface SimulationRun extends ResultTag {
  /**
   * The statistics. Right after a split run's first half this is the "view" half (`result.partial`): what the
   * results view shows; `runCompleted` replaces it with the whole result once the other half is done.
   */
  readonly result: SimulationResult;
  /** Wall time of the run until its results showed (NaN when unknown). */
  readonly elapsedMs: number;
  /** Why the other half of a split run failed (the results stay; writing them needs a new run). */
  readonly completionError?: string;
}

export interface SimulationState {
  readonly run: RunStatus;
  readonly last?: SimulationRun;
  readonly write: WriteStatus;
}

export type SimulationRunAction =
  | { readonly type: "runStarted"; readonly total: number }
  | { readonly type: "runSucceeded"; readonly run: SimulationRun }
  /** The other half of the split run whose first half is `view` finished: `result` is the whole run's. */
  | { readonly type: "runCompleted"; readonly view: SimulationResult; readonly result: SimulationResult }
  | { readonly type: "runCompletionFailed"; readonly view: SimulationResult; readonly message: string }
  | { readonly type: "runFailed"; readonly message: string }
  | { readonly type: "runCancelled"; readonly done: number };

export const initialSimulationState: SimulationState = { run: { status: "idle" }, write: { status: "idle" } };

export function simulationRunReducer(state: SimulationState, action: SimulationRunAction): SimulationState {
  switch (action.type) {
    case "runStarted":
      return { ...state, run: { status: "running", total: action.total }, write: { status: "idle" } };
    case "runSucceeded":
      return { ...state, run: { status: "succeeded" }, last: action.run };
    case "runCompleted":
      // Only the run it completes (a newer run's results are never replaced by an older run's rest).
      return state.last?.result === action.view
        ? { ...state, last: { ...state.last, result: action.result } }
        : state;
    case "runCompletionFailed":
      return state.last?.result === action.view
        ? { ...state, last: { ...state.last, completionError: action.message } }
        : state;
    case "runFailed":
      // The failure replaces the last outcome: no "Results written" left beside it.
      return { ...state, run: { status: "failed", message: action.message }, write: { status: "idle" } };
    case "runCancelled":
      return {
        ...state,
        run: {
          status: "cancelled",
          done: action.done,
          total: state.run.status === "running" ? state.run.total : action.done,
        },
      };
    default:
      return assertNever(action);
  }
}

/**
 * The Simulate tab's state as a pure reducer: the distribution drafts, the regime chain and correlation
 * editors, run settings, the run's progress and the last result, and the "write results" status.
 */
import type { SamplingMethod } from "../../analysis/sampling";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import type { SimulationResult } from "../../analysis/summarize";
import { defaultRegimeChain, stationaryRegimeChain } from "../../analysis/defaultSpec";
import { isAnchoredChain } from "../../analysis/regimeChain";
import { assertNever } from "../../model/errors";
import type { ScalarInputId, Scenario, SeriesId } from "../../model/types";
import type { WriteAction, WriteStatus } from "../results/sheetWrite";
import { writeStatusAfter } from "../results/sheetWrite";
import type { DistributionDraft, DraftKind } from "./distributionDraft";
import { defaultDraft, draftOfDistribution, formatDraftNumber } from "./distributionDraft";
import { inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";

export interface ThresholdDraft {
  readonly series: SeriesId;
  readonly year: string;
  readonly op: "<" | ">";
  /** USD bn (or the series' unit); blank = no threshold. */
  readonly value: string;
}

export type RunStatus =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly done: number; readonly total: number }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "cancelled"; readonly done: number; readonly total: number }
  | { readonly status: "succeeded" };

export interface SimulateState {
  readonly drafts: Readonly<Record<string, DistributionDraft>>;
  /** "anchored": the chain of DESIGN §5.0 (π, β); "chain": the stationary matrix; "fixed": the scenario's path. */
  readonly regimeMode: RegimeMode;
  /** Raw text of the anchored chain's π (followPath) and β (returnToPath). */
  readonly anchored: { readonly followPath: string; readonly returnToPath: string };
  /** from → to → raw probability text of the stationary matrix. */
  readonly transition: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Inputs in the correlation matrix, in the order shown. */
  readonly correlationInputs: readonly ScalarInputId[];
  /** Raw text of off-diagonal entries keyed by `pairKey(a, b)` (symmetric by construction). */
  readonly correlationCells: Readonly<Record<string, string>>;
  readonly trials: string;
  readonly seed: string;
  readonly sampling: SamplingMethod;
  readonly threshold: ThresholdDraft;
  readonly run: RunStatus;
  readonly last?: { readonly result: SimulationResult; readonly elapsedMs: number };
  readonly write: WriteStatus;
}

export type SimulateAction =
  | { readonly type: "reset"; readonly scenario: Scenario; readonly spec: SimulationSpec }
  | {
      readonly type: "kindChanged";
      readonly id: ScalarInputId;
      readonly kind: DraftKind;
      readonly base: number;
    }
  | {
      readonly type: "fieldChanged";
      readonly id: ScalarInputId;
      readonly field: string;
      readonly raw: string;
    }
  | { readonly type: "regimeModeChanged"; readonly mode: RegimeMode }
  | { readonly type: "anchoredChanged"; readonly field: "followPath" | "returnToPath"; readonly raw: string }
  | { readonly type: "transitionChanged"; readonly from: string; readonly to: string; readonly raw: string }
  | { readonly type: "correlationToggled"; readonly id: ScalarInputId; readonly included: boolean }
  | {
      readonly type: "correlationChanged";
      readonly a: ScalarInputId;
      readonly b: ScalarInputId;
      readonly raw: string;
    }
  | { readonly type: "nearestApplied"; readonly matrix: readonly (readonly number[])[] }
  | { readonly type: "trialsChanged"; readonly raw: string }
  | { readonly type: "seedChanged"; readonly raw: string }
  | { readonly type: "samplingChanged"; readonly sampling: SamplingMethod }
  | { readonly type: "thresholdChanged"; readonly patch: Partial<ThresholdDraft> }
  | { readonly type: "runStarted"; readonly total: number }
  | { readonly type: "runProgressed"; readonly done: number; readonly total: number }
  | { readonly type: "runSucceeded"; readonly result: SimulationResult; readonly elapsedMs: number }
  | { readonly type: "runFailed"; readonly message: string }
  | { readonly type: "runCancelled"; readonly done: number }
  | WriteAction;

export type RegimeMode = "anchored" | "chain" | "fixed";

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 20250101;

/** The state for a scenario and a spec (the workspace's): drafts from the spec, fixed at the base value otherwise. */
export function initialSimulateState(args: { scenario: Scenario; spec: SimulationSpec }): SimulateState {
  const { scenario, spec } = args;
  const drafts: Record<string, DistributionDraft> = {};
  for (const id of STOCHASTIC_INPUT_IDS) {
    const d = spec.inputs[id] ?? { kind: "fixed", value: scenario[id] };
    drafts[id] = draftOfDistribution(d, inputScale(id));
  }
  const chain = spec.regimeChain;
  const matrix = chain !== undefined && !isAnchoredChain(chain) ? chain : stationaryRegimeChain(scenario);
  const anchored = chain !== undefined && isAnchoredChain(chain) ? chain : defaultRegimeChain();
  const names = Object.keys(scenario.regimes);
  const transition: Record<string, Record<string, string>> = {};
  for (const from of names) {
    transition[from] = Object.fromEntries(
      names.map((to) => [to, formatDraftNumber(matrix.transition[from]?.[to] ?? 0)]),
    );
  }
  const correlationInputs = spec.correlation?.inputs ?? [];
  const correlationCells: Record<string, string> = {};
  correlationInputs.forEach((a, i) =>
    correlationInputs.forEach((b, j) => {
      if (i < j) correlationCells[pairKey(a, b)] = formatDraftNumber(spec.correlation?.matrix[i]?.[j] ?? 0);
    }),
  );
  return {
    drafts,
    regimeMode: chain === undefined ? "fixed" : isAnchoredChain(chain) ? "anchored" : "chain",
    anchored: {
      followPath: formatDraftNumber(anchored.anchored.followPath),
      returnToPath: formatDraftNumber(anchored.anchored.returnToPath),
    },
    transition,
    correlationInputs,
    correlationCells,
    trials: String(DEFAULT_TRIALS),
    seed: String(DEFAULT_SEED),
    sampling: "lhs",
    threshold: {
      series: "nvidiaChina",
      year: String(Math.min(scenario.baseYear + 2, scenario.baseYear + scenario.horizon)),
      op: "<",
      value: "5",
    },
    run: { status: "idle" },
    write: { status: "idle" },
  };
}

export function simulateReducer(state: SimulateState, action: SimulateAction): SimulateState {
  switch (action.type) {
    case "reset":
      return initialSimulateState(action);
    case "kindChanged":
      return {
        ...state,
        drafts: {
          ...state.drafts,
          [action.id]: defaultDraft(action.kind, action.base * inputScale(action.id)),
        },
      };
    case "fieldChanged": {
      const draft = state.drafts[action.id];
      if (draft === undefined) return state;
      return {
        ...state,
        drafts: {
          ...state.drafts,
          [action.id]: { ...draft, fields: { ...draft.fields, [action.field]: action.raw } },
        },
      };
    }
    case "regimeModeChanged":
      return { ...state, regimeMode: action.mode };
    case "anchoredChanged":
      return { ...state, anchored: { ...state.anchored, [action.field]: action.raw } };
    case "transitionChanged":
      return {
        ...state,
        transition: {
          ...state.transition,
          [action.from]: { ...state.transition[action.from], [action.to]: action.raw },
        },
      };
    case "correlationToggled": {
      const without = state.correlationInputs.filter((id) => id !== action.id);
      return { ...state, correlationInputs: action.included ? [...without, action.id] : without };
    }
    case "correlationChanged":
      if (action.a === action.b) return state;
      return {
        ...state,
        correlationCells: { ...state.correlationCells, [pairKey(action.a, action.b)]: action.raw },
      };
    case "nearestApplied": {
      const cells = { ...state.correlationCells };
      state.correlationInputs.forEach((a, i) =>
        state.correlationInputs.forEach((b, j) => {
          const x = action.matrix[i]?.[j];
          if (i < j && x !== undefined) cells[pairKey(a, b)] = formatDraftNumber(x);
        }),
      );
      return { ...state, correlationCells: cells };
    }
    case "trialsChanged":
      return { ...state, trials: action.raw };
    case "seedChanged":
      return { ...state, seed: action.raw };
    case "samplingChanged":
      return { ...state, sampling: action.sampling };
    case "thresholdChanged":
      return { ...state, threshold: { ...state.threshold, ...action.patch } };
    case "runStarted":
      return {
        ...state,
        run: { status: "running", done: 0, total: action.total },
        write: { status: "idle" },
      };
    case "runProgressed":
      return state.run.status === "running"
        ? { ...state, run: { status: "running", done: action.done, total: action.total } }
        : state;
    case "runSucceeded":
      return {
        ...state,
        run: { status: "succeeded" },
        last: { result: action.result, elapsedMs: action.elapsedMs },
      };
    case "runFailed":
      return { ...state, run: { status: "failed", message: action.message } };
    case "runCancelled":
      return {
        ...state,
        run: {
          status: "cancelled",
          done: action.done,
          total: state.run.status === "running" ? state.run.total : action.done,
        },
      };
    case "writeStarted":
    case "writeSucceeded":
    case "writeFailed":
      return { ...state, write: writeStatusAfter(action) };
    default:
      return assertNever(action);
  }
}

/** The key of an unordered pair of inputs. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The raw text of the correlation between a and b ("1" on the diagonal, "0" when never edited). */
export function correlationText(state: SimulateState, a: ScalarInputId, b: ScalarInputId): string {
  return a === b ? "1" : (state.correlationCells[pairKey(a, b)] ?? "0");
}

/** "Row licensed sums to 1.1; each row must sum to 1", or a parse problem, or undefined. */
export function transitionRowProblem(state: SimulateState, from: string): string | undefined {
  const row = state.transition[from] ?? {};
  let sum = 0;
  for (const [to, raw] of Object.entries(row)) {
    const p = Number(raw.trim());
    if (raw.trim() === "" || !Number.isFinite(p) || p < 0 || p > 1)
      return `P(${from} → ${to}) must be a number between 0 and 1, got "${raw}"`;
    sum += p;
  }
  return Math.abs(sum - 1) > 1e-9
    ? `Row ${from} sums to ${formatDraftNumber(sum)}; each row must sum to 1`
    : undefined;
}

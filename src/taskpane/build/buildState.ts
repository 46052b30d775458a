/**
 * State of the Build section as a pure reducer: which scenarios go into the workbook, the running operation
 * and its step, the last build's summary, the sheet-name conflict question, read-back results and imports
 * waiting for the user's decision (nothing in the list is ever replaced without asking).
 */
import { assertNever } from "../../model/errors";
import type { NamedScenario } from "../../workbook/layout/types";
import type { BuildSummary, PortableSummary } from "../../workbook/port";
import { sameJson } from "./buildScenarios";
import type { Candidate, CandidateOrigin } from "./buildScenarios";

export type BuildOperation = "build" | "exportXlsx" | "portable" | "read";

/**
 * Where the latest outcome is shown: under the model buttons (Build, Export .xlsx, Make portable) or under the
 * scenario buttons (Read, Export JSON, Import), so a message appears beside the button that was pressed.
 */
export type FeedbackArea = "model" | "scenarios";

/** A finished build as the section shows it. */
export interface BuiltModel extends BuildSummary {
  readonly namedRanges: number;
  readonly charts: number;
  readonly scenarios: readonly string[];
}

export interface WorkbookReadback {
  readonly sheetName: string;
  readonly scenarios: readonly NamedScenario[];
  /** "CS Inputs!D7: message" lines. */
  readonly issues: readonly string[];
  /** Read automatically when the section opened (shown as an offer, not a result). */
  readonly onOpen: boolean;
}

/** Scenarios whose names clash with ones in the list: waiting for Replace / Keep both / Cancel. */
export interface PendingScenarios {
  readonly origin: Extract<CandidateOrigin, "imported" | "workbook">;
  readonly scenarios: readonly NamedScenario[];
  readonly clashes: readonly string[];
}

export interface BuildState {
  /** Lower-cased names of offered scenarios the user left out. */
  readonly excluded: readonly string[];
  /** Imported or workbook scenarios added to the offer. */
  readonly extras: readonly Candidate[];
  readonly busy: { readonly operation: BuildOperation; readonly step: string } | null;
  readonly built: BuiltModel | null;
  /** A user's sheet holds one of the add-in's names: the question to ask before building beside it. */
  readonly conflict: { readonly sheet: string; readonly proposed: string } | null;
  readonly error: string | null;
  readonly notice: string | null;
  readonly portable: PortableSummary | null;
  readonly readback: WorkbookReadback | null;
  readonly pending: PendingScenarios | null;
  readonly importErrors: readonly string[];
  /** Where `error`, `notice` and the progress are shown (the area of the last button pressed). */
  readonly feedbackAt: FeedbackArea;
  /** An export the host could not save: why, and the text to copy instead (null for a binary .xlsx). */
  readonly copyInstead: {
    readonly fileName: string;
    readonly reason: string;
    readonly text: string | null;
  } | null;
}

export type BuildAction =
  | { readonly type: "scenarioToggled"; readonly name: string; readonly included: boolean }
  | { readonly type: "operationStarted"; readonly operation: BuildOperation; readonly step: string }
  | { readonly type: "stepReached"; readonly step: string }
  | { readonly type: "buildSucceeded"; readonly built: BuiltModel }
  | { readonly type: "conflictFound"; readonly sheet: string }
  | { readonly type: "conflictCancelled" }
  | { readonly type: "operationFailed"; readonly message: string; readonly area?: FeedbackArea }
  | { readonly type: "exportSucceeded"; readonly fileName: string; readonly area?: FeedbackArea }
  | {
      readonly type: "exportUnavailable";
      readonly fileName: string;
      readonly reason: string;
      readonly text: string | null;
      readonly area?: FeedbackArea;
    }
  | { readonly type: "portableSucceeded"; readonly summary: PortableSummary }
  | { readonly type: "workbookRead"; readonly readback: WorkbookReadback }
  | { readonly type: "workbookHasNoModel"; readonly onOpen: boolean }
  | {
      readonly type: "scenariosOffered";
      readonly origin: PendingScenarios["origin"];
      readonly scenarios: readonly NamedScenario[];
      /** The scenarios currently in the list (to detect clashes). */
      readonly existing: readonly NamedScenario[];
    }
  | { readonly type: "pendingResolved"; readonly choice: "replace" | "keepBoth" | "cancel" }
  | { readonly type: "importFailed"; readonly errors: readonly string[] }
  | { readonly type: "messagesDismissed" };

export const initialBuildState: BuildState = {
  excluded: [],
  extras: [],
  busy: null,
  built: null,
  conflict: null,
  error: null,
  notice: null,
  portable: null,
  readback: null,
  pending: null,
  importErrors: [],
  feedbackAt: "model",
  copyInstead: null,
};

/** The messages of earlier outcomes, cleared by every new outcome: never an old success beside a new failure. */
const NO_MESSAGES = {
  error: null,
  notice: null,
  importErrors: [],
  portable: null,
  copyInstead: null,
} as const;

export function buildReducer(state: BuildState, action: BuildAction): BuildState {
  switch (action.type) {
    case "scenarioToggled": {
      const key = action.name.trim().toLowerCase();
      const rest = state.excluded.filter((name) => name !== key);
      return { ...state, excluded: action.included ? rest : [...rest, key] };
    }
    case "operationStarted":
      return {
        ...state,
        ...NO_MESSAGES,
        busy: { operation: action.operation, step: action.step },
        conflict: null,
        feedbackAt: action.operation === "read" ? "scenarios" : "model",
      };
    case "stepReached":
      return state.busy === null ? state : { ...state, busy: { ...state.busy, step: action.step } };
    case "buildSucceeded":
      return {
        ...state,
        busy: null,
        built: action.built,
        portable: null,
        // The on-open offer described the workbook before this build: drop it.
        readback: state.readback?.onOpen === true ? null : state.readback,
      };
    case "conflictFound":
      return { ...state, busy: null, conflict: { sheet: action.sheet, proposed: `${action.sheet} (2)` } };
    case "conflictCancelled":
      return {
        ...state,
        ...NO_MESSAGES,
        conflict: null,
        notice: "Build cancelled: nothing was written",
        feedbackAt: "model",
      };
    case "operationFailed":
      return {
        ...state,
        ...NO_MESSAGES,
        busy: null,
        error: action.message,
        feedbackAt: action.area ?? state.feedbackAt,
      };
    case "exportSucceeded":
      return {
        ...state,
        ...NO_MESSAGES,
        busy: null,
        notice: `Downloaded ${action.fileName}`,
        feedbackAt: action.area ?? "model",
      };
    case "exportUnavailable":
      return {
        ...state,
        ...NO_MESSAGES,
        busy: null,
        copyInstead: { fileName: action.fileName, reason: action.reason, text: action.text },
        feedbackAt: action.area ?? "model",
      };
    case "portableSucceeded":
      return { ...state, ...NO_MESSAGES, busy: null, portable: action.summary };
    case "workbookRead":
      return action.readback.onOpen
        ? { ...state, busy: null, readback: action.readback }
        : { ...state, ...NO_MESSAGES, busy: null, readback: action.readback, feedbackAt: "scenarios" };
    case "workbookHasNoModel":
      return action.onOpen
        ? state
        : {
            ...state,
            ...NO_MESSAGES,
            busy: null,
            readback: null,
            error: "This workbook has no ChipShift Inputs sheet yet: build the model first",
            feedbackAt: "scenarios",
          };
    case "scenariosOffered":
      return offered(state, action.origin, action.scenarios, action.existing);
    case "pendingResolved":
      return resolved(state, action.choice);
    case "importFailed":
      return {
        ...state,
        ...NO_MESSAGES,
        busy: null,
        importErrors: [...action.errors],
        feedbackAt: "scenarios",
      };
    case "messagesDismissed":
      return { ...state, error: null, notice: null, importErrors: [] };
    default:
      return assertNever(action);
  }
}

/** The scenarios to build: the offered ones minus those the user left out. */
export function includedScenarios(state: BuildState, candidates: readonly Candidate[]): NamedScenario[] {
  return candidates
    .filter((c) => !state.excluded.includes(c.named.name.trim().toLowerCase()))
    .map((c) => c.named);
}

function offered(
  state: BuildState,
  origin: PendingScenarios["origin"],
  scenarios: readonly NamedScenario[],
  existing: readonly NamedScenario[],
): BuildState {
  const byName = new Map(existing.map((s) => [s.name.trim().toLowerCase(), s]));
  // A scenario identical to the one of the same name already listed changes nothing: not a clash.
  const fresh = scenarios.filter((s) => {
    const same = byName.get(s.name.trim().toLowerCase());
    return same === undefined || !sameJson(same.scenario, s.scenario);
  });
  const clashes = fresh.filter((s) => byName.has(s.name.trim().toLowerCase())).map((s) => s.name);
  const unchanged = scenarios.length - fresh.length;
  const base = { ...state, ...NO_MESSAGES, busy: null, feedbackAt: "scenarios" as const };
  if (clashes.length > 0) return { ...base, pending: { origin, scenarios: fresh, clashes } };
  return {
    ...addExtras(base, origin, fresh),
    notice:
      `Added ${plural(fresh.length, "scenario")}` +
      (unchanged > 0 ? ` (${unchanged} already in the list unchanged)` : ""),
  };
}

function resolved(state: BuildState, choice: "replace" | "keepBoth" | "cancel"): BuildState {
  const pending = state.pending;
  if (pending === null) return state;
  const cleared = { ...state, ...NO_MESSAGES, pending: null, feedbackAt: "scenarios" as const };
  if (choice === "cancel") return { ...cleared, notice: "Nothing was added or replaced" };
  if (choice === "replace") {
    return {
      ...addExtras(cleared, pending.origin, pending.scenarios),
      notice: `Replaced ${pending.clashes.join(", ")}`,
    };
  }
  const taken = new Set([
    ...state.extras.map((e) => e.named.name.toLowerCase()),
    ...pending.clashes.map((n) => n.toLowerCase()),
    ...pending.scenarios.map((s) => s.name.toLowerCase()),
  ]);
  const renamed = pending.scenarios.map((s) => {
    if (!pending.clashes.includes(s.name)) return s;
    let n = 2;
    while (taken.has(`${s.name} (${n})`.toLowerCase())) n++;
    const name = `${s.name} (${n})`;
    taken.add(name.toLowerCase());
    return { ...s, name };
  });
  return {
    ...addExtras(cleared, pending.origin, renamed),
    notice: `Added ${plural(renamed.length, "scenario")}`,
  };
}

function addExtras(
  state: BuildState,
  origin: PendingScenarios["origin"],
  scenarios: readonly NamedScenario[],
): BuildState {
  const names = new Set(scenarios.map((s) => s.name.trim().toLowerCase()));
  const kept = state.extras.filter((e) => !names.has(e.named.name.trim().toLowerCase()));
  const excluded = state.excluded.filter((n) => !names.has(n));
  return { ...state, excluded, extras: [...kept, ...scenarios.map((named) => ({ named, origin }))] };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

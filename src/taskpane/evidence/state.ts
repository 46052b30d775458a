/**
 * The Evidence tab's part of the pane store (DESIGN.md §5.1, §8), as a pure reducer: the observations as
 * edited (value and sd kept as the text typed, so nothing is lost on bad input), the evidence run (status and
 * the last result, tagged with the scenario and fingerprint it came from) and the "Write CS Evidence" status.
 * The rows start as the presets' cited default evidence set; the validated `EvidenceSet` is derived from them
 * (`evidenceRequestOf`), never stored beside them.
 */
import { DEFAULT_OBSERVATIONS } from "../../analysis/defaultEvidence";
import {
  EVIDENCE_SERIES,
  MAX_OBSERVATIONS,
  observationShape,
  periodYear,
  type EvidenceSeriesId,
  type EvidenceSet,
  type Observation,
} from "../../analysis/evidence";
import type { ScenarioWeight } from "../../analysis/scenarioWeights";
import type { SimulationResult } from "../../analysis/summarize";
import { canonicalJson } from "../../model/fingerprint";
import { assertNever, isModelError } from "../../model/errors";
import { SERIES_CATALOG } from "../../model/inputCatalog";
import type { ResultTag } from "../results/resultTag";
import type { WriteStatus } from "../results/sheetWrite";
import { parseInputText } from "../scenario/inputText";
import type { RunStatus } from "../simulate/runState";

/** One observation as edited: value and sd are the text in their boxes. */
export interface ObservationDraft {
  /** Stable React key and action target ("o1", "o2", …): row numbers shift when a row is removed. */
  readonly key: string;
  readonly series: EvidenceSeriesId;
  /** "Q2 FY2027" or "FY2026". */
  readonly period: string;
  /** USD bn, as typed. */
  readonly value: string;
  /** USD bn, as typed. */
  readonly sd: string;
  readonly figureId?: string;
  /** Why this value and sd (the cited default set states one for each observation). */
  readonly rationale?: string;
}

/** A finished simulation with evidence, with the scenario weights computed for the same observations. */
export interface EvidenceRun extends ResultTag {
  /** Prior statistics plus `posterior` (ESS, weighted statistics, regime posterior). */
  readonly result: SimulationResult;
  readonly elapsedMs: number;
  /** P(regime) per year before the evidence (exact, from the run's chain), beside the regime posterior. */
  readonly priorRegimes?: readonly Readonly<Record<string, number>>[];
  /** When the run finished (ISO 8601), written to CS Evidence. */
  readonly finishedAt: string;
  /** The weight of each scenario for the run's observations (what CS Evidence writes beside the run). */
  readonly weights: readonly ScenarioWeight[] | { readonly problem: string };
}

export interface EvidenceState {
  readonly rows: readonly ObservationDraft[];
  /** The number of the next row key. */
  readonly nextKey: number;
  readonly run: RunStatus;
  readonly last?: EvidenceRun;
  readonly write: WriteStatus;
}

/** A new observation (from a figure, or restored from a document). */
export type NewObservation = Omit<ObservationDraft, "key">;

export type EvidenceAction =
  | {
      readonly type: "evidenceFieldChanged";
      readonly key: string;
      readonly field: "value" | "sd";
      readonly raw: string;
    }
  | { readonly type: "evidenceRowRemoved"; readonly key: string }
  | { readonly type: "evidenceRowAdded"; readonly observation: NewObservation }
  /** Back to the presets' cited default evidence set. */
  | { readonly type: "evidenceReset" }
  | { readonly type: "evidenceRunStarted"; readonly total: number }
  | { readonly type: "evidenceRunSucceeded"; readonly run: EvidenceRun }
  | { readonly type: "evidenceRunFailed"; readonly message: string }
  | { readonly type: "evidenceRunCancelled"; readonly done: number };

/** The presets' cited default set as drafts (with each observation's stated rationale). */
export function defaultObservationDrafts(): readonly NewObservation[] {
  return DEFAULT_OBSERVATIONS.map((o) => ({
    series: o.series,
    period: o.period,
    value: numberText(o.value),
    sd: numberText(o.sd),
    figureId: o.figureId,
    rationale: o.rationale,
  }));
}

/**
 * The evidence slice: the given observations (default: the presets' cited set) and no run yet.
 *
 * @example initialEvidenceState().rows[0].period // "FY2026"
 */
export function initialEvidenceState(
  observations: readonly NewObservation[] = defaultObservationDrafts(),
): EvidenceState {
  return {
    rows: observations.map((o, i) => ({ ...o, key: `o${i + 1}` })),
    nextKey: observations.length + 1,
    run: { status: "idle" },
    write: { status: "idle" },
  };
}

/**
 * The slice after a saved document was restored: its evidence set, or the default set when the document has
 * none (a document stores the set only when it differs from the default). Runs and writes stay as they were
 * (their fingerprints say whether they still match).
 */
export function evidenceRestored(state: EvidenceState, evidence: EvidenceSet | undefined): EvidenceState {
  const rows = evidence === undefined ? defaultObservationDrafts() : draftsOfEvidence(evidence);
  const { rows: _old, nextKey: _n, ...rest } = state;
  const fresh = initialEvidenceState(rows);
  return { ...rest, rows: fresh.rows, nextKey: fresh.nextKey };
}

export function evidenceReducer(state: EvidenceState, action: EvidenceAction): EvidenceState {
  switch (action.type) {
    case "evidenceFieldChanged":
      return {
        ...state,
        rows: state.rows.map((r) => (r.key === action.key ? { ...r, [action.field]: action.raw } : r)),
      };
    case "evidenceRowRemoved":
      return { ...state, rows: state.rows.filter((r) => r.key !== action.key) };
    case "evidenceRowAdded":
      if (state.rows.length >= MAX_OBSERVATIONS) return state;
      return {
        ...state,
        rows: [...state.rows, { ...action.observation, key: `o${state.nextKey}` }],
        nextKey: state.nextKey + 1,
      };
    case "evidenceReset": {
      const fresh = initialEvidenceState();
      // Keys keep counting up so React never reuses a removed row's key for another observation.
      return {
        ...state,
        rows: fresh.rows.map((r, i) => ({ ...r, key: `o${state.nextKey + i}` })),
        nextKey: state.nextKey + fresh.rows.length,
      };
    }
    case "evidenceRunStarted":
      return { ...state, run: { status: "running", total: action.total }, write: { status: "idle" } };
    case "evidenceRunSucceeded":
      return { ...state, run: { status: "succeeded" }, last: action.run };
    case "evidenceRunFailed":
      return { ...state, run: { status: "failed", message: action.message } };
    case "evidenceRunCancelled":
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

// ---- validation ------------------------------------------------------------------------------------------

/** The problems of one row, by field (each message names the entry). */
export interface RowProblems {
  readonly value?: string;
  readonly sd?: string;
  readonly period?: string;
}

export type EvidenceRequest =
  | { readonly ok: true; readonly evidence: EvidenceSet }
  | {
      readonly ok: false;
      /** Every problem, in row order, each naming its entry. */
      readonly problems: readonly string[];
      /** Problems by row key. */
      readonly rows: Readonly<Record<string, RowProblems>>;
    };

/**
 * The observations as an `EvidenceSet` (§5.1 shape), or every problem: value a finite number (USD bn), sd a
 * finite number > 0, and — when `years` is given — the period within the scenario's years. Each message names
 * the entry ("Observation 3 (NVIDIA China revenue (model), Q2 FY2027): …") so it can be found in the list.
 *
 * @example evidenceRequestOf([{ key: "o1", series: "nvidiaChina", period: "FY2026", value: "abc", sd: "1" }]).ok // false
 */
export function evidenceRequestOf(
  rows: readonly ObservationDraft[],
  years?: { readonly baseYear: number; readonly horizon: number },
): EvidenceRequest {
  const observations: Observation[] = [];
  const byRow: Record<string, RowProblems> = {};
  const problems: string[] = [];
  rows.forEach((row, j) => {
    const name = observationName(row, j);
    const found: { value?: string; sd?: string; period?: string } = {};
    const value = parseInputText(row.value, "number", "value");
    if (isModelError(value))
      found.value = `${name}: enter the value as a number in USD bn${nowText(row.value)}`;
    const sd = parseInputText(row.sd, "number", "sd");
    if (isModelError(sd) || !(sd > 0))
      found.sd = `${name}: enter the SD as a number greater than 0, in USD bn${nowText(row.sd)} — no reported figure matches the model's definition exactly`;
    const period = periodYear(row.period);
    if (period === undefined || !(EVIDENCE_SERIES as readonly string[]).includes(row.series))
      found.period = `${name}: the period must be "Qn FYyyyy" or "FYyyyy" of one of the flow series`;
    else if (years !== undefined) {
      const t = period.calendarYear - years.baseYear;
      if (t < 0 || t > years.horizon)
        found.period = `${name}: ${row.period} is outside the scenario's years (FY${years.baseYear + 1} to FY${years.baseYear + years.horizon + 1}); remove it or change the scenario's base year or horizon`;
    }
    const rowProblems = [found.period, found.value, found.sd].filter((p): p is string => p !== undefined);
    if (rowProblems.length > 0) {
      byRow[row.key] = found;
      problems.push(...rowProblems);
      return;
    }
    observations.push({
      series: row.series,
      period: row.period,
      value: value as number,
      sd: sd as number,
      ...(row.figureId === undefined ? {} : { figureId: row.figureId }),
    });
  });
  if (problems.length > 0) return { ok: false, problems, rows: byRow };
  return { ok: true, evidence: { observations } };
}

/** "Observation 3 (NVIDIA China revenue (model), Q2 FY2027)": how messages name a row (1-based). */
export function observationName(row: Pick<ObservationDraft, "series" | "period">, index: number): string {
  return `Observation ${index + 1} (${seriesWords(row.series)}, ${row.period})`;
}

/** Words for an evidence series (the model's series catalog). */
export function seriesWords(series: string): string {
  return Object.hasOwn(SERIES_CATALOG, series) ? SERIES_CATALOG[series as EvidenceSeriesId].label : series;
}

/**
 * "nvidiaChina Q2 FY2027" (the engine's label of an observation) in words: "NVIDIA China revenue (model),
 * Q2 FY2027"; other text unchanged.
 */
export function observationLabelWords(label: string): string {
  const space = label.indexOf(" ");
  if (space < 0) return label;
  const series = label.slice(0, space);
  return (EVIDENCE_SERIES as readonly string[]).includes(series)
    ? `${seriesWords(series)}, ${label.slice(space + 1)}`
    : label;
}

/** Pairs of rows that observe the same series and period: each counts in full, so say so. */
export function duplicateWarnings(rows: readonly ObservationDraft[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  rows.forEach((row, j) => {
    const id = `${row.series} ${row.period}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, j);
    else
      out.push(
        `${observationName(row, j)} repeats observation ${first + 1}: both count in full in the likelihood`,
      );
  });
  return out;
}

// ---- the workbook document ------------------------------------------------------------------------------

/**
 * What the workbook document stores: the observations when they differ from the presets' default set (an
 * absent set means the default), or `null` while a row has a problem (the document then waits, like an
 * invalid Simulate spec).
 */
export function documentEvidenceOf(rows: readonly ObservationDraft[]): EvidenceSet | undefined | null {
  const request = evidenceRequestOf(rows);
  if (!request.ok) return null;
  const defaults = { observations: observationShape(DEFAULT_OBSERVATIONS) };
  return canonicalJson(request.evidence) === canonicalJson(defaults) ? undefined : request.evidence;
}

/** True when the rows, as typed, are the presets' cited set (value and sd texts included). */
export function sameAsCitedSet(rows: readonly ObservationDraft[]): boolean {
  const cited = defaultObservationDrafts();
  return (
    rows.length === cited.length &&
    rows.every((r, j) => {
      const c = cited[j];
      return (
        c !== undefined &&
        r.series === c.series &&
        r.period === c.period &&
        r.value === c.value &&
        r.sd === c.sd &&
        r.figureId === c.figureId
      );
    })
  );
}

/** Drafts of a saved evidence set (default rows keep their rationale when the same figure and period). */
export function draftsOfEvidence(evidence: EvidenceSet): NewObservation[] {
  return evidence.observations.map((o) => {
    const cited = DEFAULT_OBSERVATIONS.find((d) => d.figureId === o.figureId && d.period === o.period);
    return {
      series: o.series,
      period: o.period,
      value: numberText(o.value),
      sd: numberText(o.sd),
      ...(o.figureId === undefined ? {} : { figureId: o.figureId }),
      ...(cited !== undefined && cited.series === o.series ? { rationale: cited.rationale } : {}),
    };
  });
}

/** A number as box text without float noise (0.1 + 0.2 → "0.3"). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function nowText(raw: string): string {
  const text = raw.trim();
  return text === "" ? "" : ` (now “${text.length > 30 ? `${text.slice(0, 30)}…` : text}”)`;
}

/**
 * Evidence (DESIGN.md §5.1): reported figures as observations of the model's flow series, and the Gaussian
 * log-likelihood of a model run given them. An observation is `{ series, period, value, sd, figureId? }`:
 * a quarter "Qn FYyyyy" is 1/4 of its year's flow, a fiscal year "FYyyyy" all of it; NVIDIA FY(y+1) ≈ calendar
 * y, so both belong to calendar year yyyy − 1, i.e. t = yyyy − 1 − baseYear, which must lie in 0..H.
 *
 *   m_j = series_t · fraction        (nvidiaChina is the model's T_t, never the outlook T*_t)
 *   ℓ   = −½ · Σ_j ((v_j − m_j) / sd_j)²      (constants dropped)
 */
import { isModelError, modelError, type ModelError } from "../model/errors";

/** The flow series an observation may name (USD bn). */
export const EVIDENCE_SERIES = [
  "nvidiaChina",
  "nvidiaDataCenter",
  "nvidiaOffshore",
  "nvidiaOther",
  "market",
  "domesticSales",
] as const;
export type EvidenceSeriesId = (typeof EVIDENCE_SERIES)[number];

/** One reported figure: value and sd in USD bn for the period; `figureId` cites the dataset. */
export interface Observation {
  readonly series: EvidenceSeriesId;
  /** "Q2 FY2027" (a quarter: 1/4 of the year's flow) or "FY2026" (a whole fiscal year). */
  readonly period: string;
  readonly value: number;
  /** The analyst's measurement/definition uncertainty, USD bn, > 0. */
  readonly sd: number;
  readonly figureId?: string;
}

export interface EvidenceSet {
  readonly observations: readonly Observation[];
}

/** A validated observation placed on a scenario's years. */
export interface PlacedObservation extends Observation {
  /** Year index t = calendar year − baseYear. */
  readonly t: number;
  /** 1/4 for a quarter, 1 for a fiscal year. */
  readonly fraction: number;
  /** "nvidiaChina Q1 FY2027" — how messages name the entry. */
  readonly label: string;
}

/** Hard limits on an evidence set (hostile input is normal). */
export const MAX_OBSERVATIONS = 500;
const MAX_FIGURE_ID_LENGTH = 120;

/**
 * Validates observations against a scenario's years: series in `EVIDENCE_SERIES`, period "Qn FYyyyy" or
 * "FYyyyy" with t in 0..H, finite value, finite sd > 0, optional string figureId. Errors name the entry.
 *
 * @param observations untrusted input (e.g. parsed JSON)
 * @param years the scenario's baseYear and horizon
 * @returns the observations with their year index and fraction, or invalidInput naming the first bad entry
 * @example placeObservations([{ series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 0.5 }], { baseYear: 2025, horizon: 5 })[0].t // 1
 */
export function placeObservations(
  observations: unknown,
  years: { readonly baseYear: number; readonly horizon: number },
): readonly PlacedObservation[] | ModelError {
  if (!Array.isArray(observations)) return modelError("invalidInput", "observations must be a list");
  if (observations.length > MAX_OBSERVATIONS) {
    return modelError(
      "invalidInput",
      `observations must be at most ${MAX_OBSERVATIONS} entries, got ${observations.length}`,
    );
  }
  const placed: PlacedObservation[] = [];
  for (let j = 0; j < observations.length; j++) {
    const p = placeObservation(observations[j] as unknown, j, years);
    if (isModelError(p)) return p;
    placed.push(p);
  }
  return placed;
}

/**
 * Calendar year and fraction of a period: "Q2 FY2027" → { calendarYear: 2026, fraction: 0.25 }; "FY2026" →
 * { calendarYear: 2025, fraction: 1 }; undefined when the text is neither.
 *
 * @example periodYear("Q2 FY2027") // { calendarYear: 2026, fraction: 0.25 }
 */
export function periodYear(period: string): { calendarYear: number; fraction: number } | undefined {
  const quarter = /^Q[1-4] FY(\d{4})$/.exec(period);
  if (quarter) return { calendarYear: Number(quarter[1]) - 1, fraction: 0.25 };
  const year = /^FY(\d{4})$/.exec(period);
  if (year) return { calendarYear: Number(year[1]) - 1, fraction: 1 };
  return undefined;
}

/**
 * The term −½·((v − m)/sd)² of one observation, where m = model value of its year · fraction. A non-finite
 * model value, or a z² that overflows, gives −∞ (the run cannot explain the observation), never NaN.
 *
 * @example observationTerm({ value: 4.55, sd: 0.5, fraction: 0.25 }, 20) // −½·((4.55 − 5)/0.5)² = −0.405
 */
export function observationTerm(
  o: Pick<PlacedObservation, "value" | "sd" | "fraction">,
  modelValue: number,
): number {
  const z = (o.value - modelValue * o.fraction) / o.sd;
  const term = -0.5 * z * z;
  return term > -Infinity ? term : -Infinity;
}

/**
 * ℓ = −½·Σ_j ((v_j − m_j)/sd_j)² for one model run, reading series_t through `valueOf(series, t)`.
 *
 * @example logLikelihood(placed, (s, t) => projection.series[s][t])
 */
export function logLikelihood(
  observations: readonly PlacedObservation[],
  valueOf: (series: EvidenceSeriesId, t: number) => number,
): number {
  let l = 0;
  for (const o of observations) l += observationTerm(o, valueOf(o.series, o.t));
  return l;
}

/**
 * The observation with the largest single term |−½z²| of ℓ for one run: what a low likelihood is mostly
 * about. Index into `observations`, or −1 when there are none.
 *
 * @example dominantObservation(placed, valueOf) // 0 when the first observation is the worst fit
 */
export function dominantObservation(
  observations: readonly PlacedObservation[],
  valueOf: (series: EvidenceSeriesId, t: number) => number,
): number {
  let best = -1;
  let worst = Infinity;
  observations.forEach((o, j) => {
    const term = observationTerm(o, valueOf(o.series, o.t));
    if (term < worst || best < 0) {
      worst = term;
      best = j;
    }
  });
  return best;
}

/**
 * Observations in the §5.1 JSON shape `{ series, period, value, sd, figureId? }` (drops any other field).
 *
 * @example observationShape([{ ...placed, t: 1 }])[0] // { series, period, value, sd, figureId }
 */
export function observationShape(observations: readonly Observation[]): Observation[] {
  return observations.map(({ series, period, value, sd, figureId }) => ({
    series,
    period,
    value,
    sd,
    ...(figureId === undefined ? {} : { figureId }),
  }));
}

function placeObservation(
  raw: unknown,
  j: number,
  years: { readonly baseYear: number; readonly horizon: number },
): PlacedObservation | ModelError {
  const at = `observation ${j + 1}`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return modelError("invalidInput", `${at} must be an object`);
  const field = (name: string): unknown =>
    Object.hasOwn(raw, name) ? (raw as Record<string, unknown>)[name] : undefined;
  const series = field("series");
  if (typeof series !== "string" || !(EVIDENCE_SERIES as readonly string[]).includes(series)) {
    return modelError(
      "invalidInput",
      `${at}: series must be one of ${EVIDENCE_SERIES.join(", ")}, got ${describe(series)}`,
    );
  }
  const period = field("period");
  const parsed = typeof period === "string" ? periodYear(period) : undefined;
  if (typeof period !== "string" || parsed === undefined) {
    return modelError(
      "invalidInput",
      `${at} (${series}): period must be "Qn FYyyyy" or "FYyyyy", got ${describe(period)}`,
    );
  }
  const named = `${at} (${series} ${period})`;
  const t = parsed.calendarYear - years.baseYear;
  if (t < 0 || t > years.horizon) {
    return modelError(
      "invalidInput",
      `${named}: period must be between FY${years.baseYear + 1} and FY${years.baseYear + years.horizon + 1} (the scenario's years), got ${period}`,
    );
  }
  const value = field("value");
  if (typeof value !== "number" || !Number.isFinite(value))
    return modelError("invalidInput", `${named}: value must be a finite number, got ${describe(value)}`);
  const sd = field("sd");
  if (typeof sd !== "number" || !Number.isFinite(sd) || !(sd > 0))
    return modelError(
      "invalidInput",
      `${named}: sd must be a finite number greater than 0, got ${describe(sd)}`,
    );
  const figureId = field("figureId");
  if (
    figureId !== undefined &&
    (typeof figureId !== "string" || figureId.length === 0 || figureId.length > MAX_FIGURE_ID_LENGTH)
  ) {
    return modelError(
      "invalidInput",
      `${named}: figureId must be a text of 1 to ${MAX_FIGURE_ID_LENGTH} characters, got ${describe(figureId)}`,
    );
  }
  return {
    series: series as EvidenceSeriesId,
    period,
    value,
    sd,
    ...(figureId === undefined ? {} : { figureId }),
    t,
    fraction: parsed.fraction,
    label: `${series} ${period}`,
  };
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  return v === null ? "null" : typeof v;
}

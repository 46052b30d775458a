/**
 * The text form of one input's distribution on the Simulate tab: a kind and the raw text of each parameter,
 * shown in the Scenario tab's display unit (percent inputs in %, so 41 means 0.41). Pure: parse and format.
 */
import type { Distribution } from "../../analysis/distributions";
import { validateDistribution } from "../../analysis/distributions";
import { isModelError } from "../../model/errors";

/** The kinds the picker offers (lognormal is given by median and 90th percentile). */
export const DRAFT_KINDS = [
  "fixed",
  "uniform",
  "triangular",
  "pert",
  "normal",
  "lognormal",
  "discrete",
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_KIND_LABELS: Readonly<Record<DraftKind, string>> = {
  fixed: "Fixed",
  uniform: "Uniform",
  triangular: "Triangular",
  pert: "PERT",
  normal: "Normal",
  lognormal: "Lognormal (median, P90)",
  discrete: "Discrete",
};

export interface DraftField {
  readonly key: string;
  readonly label: string;
  /** Optional fields may be left blank (PERT λ = 4; normal untruncated). */
  readonly optional?: boolean;
  /** Unitless fields are not scaled to percent (λ, weights). */
  readonly unitless?: boolean;
  /** A comma-separated list (discrete values and weights). */
  readonly list?: boolean;
}

export const DRAFT_FIELDS: Readonly<Record<DraftKind, readonly DraftField[]>> = {
  fixed: [{ key: "value", label: "Value" }],
  uniform: [
    { key: "min", label: "Min" },
    { key: "max", label: "Max" },
  ],
  triangular: [
    { key: "min", label: "Min" },
    { key: "mode", label: "Mode" },
    { key: "max", label: "Max" },
  ],
  pert: [
    { key: "min", label: "Min" },
    { key: "mode", label: "Mode" },
    { key: "max", label: "Max" },
    { key: "lambda", label: "λ (blank = 4)", optional: true, unitless: true },
  ],
  normal: [
    { key: "mean", label: "Mean" },
    { key: "sd", label: "SD" },
    { key: "lo", label: "Lower bound (optional)", optional: true },
    { key: "hi", label: "Upper bound (optional)", optional: true },
  ],
  lognormal: [
    { key: "median", label: "Median" },
    { key: "p90", label: "P90" },
  ],
  discrete: [
    { key: "values", label: "Values (comma-separated)", list: true },
    { key: "weights", label: "Weights (comma-separated)", list: true, unitless: true },
  ],
};

export interface DistributionDraft {
  readonly kind: DraftKind;
  readonly fields: Readonly<Record<string, string>>;
}

/** A draft's problems: per field (unparseable text) and overall (the engine's parameter check). */
export interface DraftProblems {
  readonly fields: Readonly<Record<string, string>>;
  readonly overall?: string;
}

/**
 * The draft of an engine distribution, its numbers multiplied by `scale` (100 for percent inputs).
 *
 * @example draftOfDistribution({ kind: "uniform", min: 0.1, max: 0.2 }, 100).fields // { min: "10", max: "20" }
 */
export function draftOfDistribution(d: Distribution, scale: number): DistributionDraft {
  const f = (x: number): string => formatDraftNumber(x * scale);
  switch (d.kind) {
    case "fixed":
      return { kind: "fixed", fields: { value: f(d.value) } };
    case "uniform":
      return { kind: "uniform", fields: { min: f(d.min), max: f(d.max) } };
    case "triangular":
      return { kind: "triangular", fields: { min: f(d.min), mode: f(d.mode), max: f(d.max) } };
    case "pert":
      return {
        kind: "pert",
        fields: {
          min: f(d.min),
          mode: f(d.mode),
          max: f(d.max),
          lambda: d.lambda === undefined ? "" : formatDraftNumber(d.lambda),
        },
      };
    case "normal":
      return {
        kind: "normal",
        fields: {
          mean: f(d.mean),
          sd: f(d.sd),
          lo: d.lo === undefined ? "" : f(d.lo),
          hi: d.hi === undefined ? "" : f(d.hi),
        },
      };
    case "lognormal":
      return { kind: "lognormal", fields: { median: f(d.median), p90: f(d.p90) } };
    case "lognormalMuSigma": {
      // Shown as median/P90: median = e^μ, P90 = e^(μ + σ·z0.9).
      const median = Math.exp(d.mu);
      return { kind: "lognormal", fields: { median: f(median), p90: f(median * Math.exp(d.sigma * Z90)) } };
    }
    case "discrete":
      return {
        kind: "discrete",
        fields: {
          values: d.values.map(f).join(", "),
          weights: d.weights.map(formatDraftNumber).join(", "),
        },
      };
  }
}

/**
 * A fresh draft of `kind` centred on the input's base value (already in display units): ±20% ranges, sd 10%.
 *
 * @example defaultDraft("triangular", 50).fields // { min: "40", mode: "50", max: "60" }
 */
export function defaultDraft(kind: DraftKind, base: number): DistributionDraft {
  const spread = base === 0 ? 0.1 : Math.abs(base) * 0.2;
  const f = formatDraftNumber;
  switch (kind) {
    case "fixed":
      return { kind, fields: { value: f(base) } };
    case "uniform":
      return { kind, fields: { min: f(base - spread), max: f(base + spread) } };
    case "triangular":
      return { kind, fields: { min: f(base - spread), mode: f(base), max: f(base + spread) } };
    case "pert":
      return { kind, fields: { min: f(base - spread), mode: f(base), max: f(base + spread), lambda: "" } };
    case "normal":
      return { kind, fields: { mean: f(base), sd: f(spread / 2), lo: "", hi: "" } };
    case "lognormal":
      return base > 0
        ? { kind, fields: { median: f(base), p90: f(base * 1.25) } }
        : { kind, fields: { median: "1", p90: "1.25" } };
    case "discrete":
      return {
        kind,
        fields: {
          values: [base - spread, base, base + spread].map(f).join(", "),
          weights: "0.25, 0.5, 0.25",
        },
      };
  }
}

/**
 * Parses a draft into an engine distribution (numbers divided by `scale`), checked by `validateDistribution`.
 * A fixed draft with a blank value is the scenario's own value (`scenarioValue`, engine units).
 *
 * @returns the distribution, or the problems: unparseable fields by key, or the engine's message
 */
export function parseDraft(
  draft: DistributionDraft,
  scale: number,
  label: string,
  scenarioValue?: number,
): Distribution | DraftProblems {
  if (draft.kind === "fixed" && (draft.fields.value ?? "").trim() === "" && scenarioValue !== undefined)
    return { kind: "fixed", value: scenarioValue };
  const fieldProblems: Record<string, string> = {};
  const nums: Record<string, number | undefined> = {};
  const lists: Record<string, number[]> = {};
  for (const field of DRAFT_FIELDS[draft.kind]) {
    const raw = (draft.fields[field.key] ?? "").trim();
    const factor = field.unitless === true ? 1 : scale;
    if (field.list === true) {
      const parts = raw.split(/[,;]/).map((p) => p.trim());
      const values = parts.map(Number);
      if (raw === "" || parts.some((p) => p === "") || values.some((v) => !Number.isFinite(v))) {
        fieldProblems[field.key] =
          `Enter the ${field.label.toLowerCase().replace(" (comma-separated)", "")} as numbers separated by commas`;
      } else lists[field.key] = values.map((v) => v / factor);
      continue;
    }
    if (raw === "" && field.optional === true) {
      nums[field.key] = undefined;
      continue;
    }
    const value = Number(raw);
    if (raw === "" || !Number.isFinite(value))
      fieldProblems[field.key] =
        `Enter the ${field.label.toLowerCase()} as a number${raw === "" ? "" : ` (now “${raw}”)`}`;
    else nums[field.key] = value / factor;
  }
  if (Object.keys(fieldProblems).length > 0) return { fields: fieldProblems };
  const d = assemble(draft.kind, nums, lists);
  const valid = validateDistribution(d, label);
  return isModelError(valid) ? { fields: {}, overall: valid.message } : valid;
}

export function isDraftProblems(value: Distribution | DraftProblems): value is DraftProblems {
  return "fields" in value && !("kind" in value);
}

/** Up to 6 significant digits, no trailing zeros: 0.30000000000000004 → "0.3". */
export function formatDraftNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

const Z90 = 1.2815515655446004;

function assemble(
  kind: DraftKind,
  n: Readonly<Record<string, number | undefined>>,
  lists: Readonly<Record<string, number[]>>,
): Distribution {
  const v = (key: string): number => n[key] ?? NaN;
  switch (kind) {
    case "fixed":
      return { kind, value: v("value") };
    case "uniform":
      return { kind, min: v("min"), max: v("max") };
    case "triangular":
      return { kind, min: v("min"), mode: v("mode"), max: v("max") };
    case "pert": {
      const lambda = n.lambda;
      return {
        kind,
        min: v("min"),
        mode: v("mode"),
        max: v("max"),
        ...(lambda === undefined ? {} : { lambda }),
      };
    }
    case "normal": {
      const { lo, hi } = n;
      return {
        kind,
        mean: v("mean"),
        sd: v("sd"),
        ...(lo === undefined ? {} : { lo }),
        ...(hi === undefined ? {} : { hi }),
      };
    }
    case "lognormal":
      return { kind, median: v("median"), p90: v("p90") };
    case "discrete":
      return { kind, values: lists.values ?? [], weights: lists.weights ?? [] };
  }
}

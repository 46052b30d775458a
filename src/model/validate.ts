/**
 * Validation of a `Scenario` against DESIGN.md §4.1 and §4.5: every input, its bound (from the input catalog),
 * the regime table and path, the optional market path, the vendor table, and the v2 keys (`offshoreBase`,
 * `offshoreGrowth`, regime `offshoreAccess`, `reported` quarters). Issues name the field, the bound and the
 * value, with no trailing period (`"domesticShareCap must be between 0 and 1, got 1.4"`); a reported quarter's
 * issue names the entry (`reported[2] "Q5 FY2027": quarter must be Q1..Q4`).
 *
 * `domesticShareBase` may exceed `domesticShareCap` (§4.5): the logistic then falls from s0 toward S.
 *
 * `marketPath` years must be integers after `baseYear` (t = 0 is `marketBase`); years after the horizon are
 * allowed and ignored, so shortening the horizon keeps a scenario valid. Reported quarters, in contrast, must
 * fall within t = 0..H (§4.5).
 */
import { modelError, type InputIssue, type ModelError } from "./errors";
import {
  REGIME_FIELD_CATALOG,
  SCALAR_INPUT_CATALOG,
  VENDOR_FIELD_CATALOG,
  type Bound,
  type InputSpec,
} from "./inputCatalog";
import {
  isClearlyValidScenario,
  isRecord,
  MAX_FIGURE_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_REPORTED_QUARTERS,
  nameValid,
  REGIME_KEYS,
  REPORTED_KEYS,
  reportedValid,
  VENDOR_KEYS,
  WEIGHT_TOLERANCE,
  withinBound,
} from "./clearlyValid";
import { echo, ownValue, recordOf } from "./own";
import { parseQuarterPeriod } from "./reported";
import type { Regime, ReportedQuarter, ScalarInputId, Scenario, Vendor } from "./types";

/** One problem found in a scenario: `path` is the input id or a dotted/indexed path into it. */
export type ScenarioIssue = InputIssue;

/** The valid range of every scalar input of §4.1 and §4.5 (from the input catalog). */
export const SCALAR_BOUNDS: Readonly<Record<ScalarInputId, Bound>> = Object.fromEntries(
  SCALAR_INPUT_CATALOG.map((spec) => [spec.id, spec.bounds]),
) as Record<ScalarInputId, Bound>;

/** The optional scalar inputs (v2) and the value each takes when absent. */
export const SCALAR_DEFAULTS: Readonly<Partial<Record<ScalarInputId, number>>> = Object.fromEntries(
  SCALAR_INPUT_CATALOG.filter((spec) => spec.defaultValue !== undefined).map((spec) => [
    spec.id,
    spec.defaultValue,
  ]),
);

/**
 * A scalar input's value, or its default when an optional input is absent.
 *
 * @example scalarValue(v1Scenario, "offshoreBase") // → 0
 */
export function scalarValue(s: Scenario, id: ScalarInputId): number {
  const value = s[id];
  return value ?? SCALAR_DEFAULTS[id] ?? Number.NaN;
}

export { MAX_NAME_LENGTH, MAX_REPORTED_QUARTERS };

/** The scalar input ids, in §4.1 order then the v2 ones (appended: simulation variable indices stay stable). */
export const SCALAR_INPUT_IDS: readonly ScalarInputId[] = SCALAR_INPUT_CATALOG.map((spec) => spec.id);

/** Every top-level key a scenario may have. */
export const SCENARIO_KEYS: readonly string[] = [
  ...SCALAR_INPUT_IDS,
  "regimes",
  "regimePath",
  "marketPath",
  "vendors",
  "reported",
];

const SCENARIO_KEY_SET: ReadonlySet<string> = new Set(SCENARIO_KEYS);

/**
 * Every problem in a candidate scenario (empty when valid).
 *
 * @param input anything (parsed JSON, a preset's scenario with overrides)
 * @returns the issues, in input order
 * @example scenarioIssues({ ...base, domesticShareCap: 1.4 })
 *   // → [{ path: "domesticShareCap", message: "domesticShareCap must be between 0 and 1, got 1.4" }]
 */
export function scenarioIssues(input: unknown): ScenarioIssue[] {
  // The common valid case answers without building a string (`projectScenario` validates on every call).
  return isClearlyValidScenario(input) ? [] : fullScenarioIssues(input);
}

/**
 * `scenarioIssues` by the full check alone, without the fast path (`isClearlyValidScenario`): the same answer,
 * slower for a valid scenario. Tests hold the fast path to it.
 *
 * @param input anything
 * @returns the issues, in input order
 * @example fullScenarioIssues(PRESETS[0].scenario) // → []
 */
export function fullScenarioIssues(input: unknown): ScenarioIssue[] {
  if (!isRecord(input)) return [{ path: "", message: `scenario must be an object, got ${describe(input)}` }];
  const issues: ScenarioIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!SCENARIO_KEY_SET.has(key)) {
      issues.push({ path: key, message: `${echo(key)} is not a scenario input id` });
    }
  }
  const field = (key: string): unknown => ownValue(input, key);
  for (const id of SCALAR_INPUT_IDS) {
    const value = field(id);
    if (value === undefined && SCALAR_DEFAULTS[id] !== undefined) continue;
    const message = boundIssue(id, value, SCALAR_BOUNDS[id]);
    if (message !== undefined) issues.push({ path: id, message });
  }
  const regimeNames = regimeIssues(field("regimes"), issues);
  regimePathIssues(field("regimePath"), field("horizon"), regimeNames, issues);
  marketPathIssues(field("marketPath"), field("baseYear"), issues);
  vendorIssues(field("vendors"), issues);
  reportedIssues(field("reported"), field("baseYear"), field("horizon"), issues);
  return issues;
}

/**
 * The scenario, or `invalidInput` naming the first problems (up to three, "; "-separated).
 *
 * @param input anything
 * @returns a fresh, plain copy holding only the §4.1 keys, or a ModelError("invalidInput")
 * @example validateScenario({ ...base, horizon: 0 }) // → ModelError invalidInput "horizon must be an integer between 1 and 30, got 0"
 */
export function validateScenario(input: unknown): Scenario | ModelError {
  const issues = scenarioIssues(input);
  return issues.length > 0 ? invalidScenarioError(issues) : copyScenario(input as Scenario);
}

/**
 * The invalidInput error for a non-empty issue list: the first three messages, "; "-separated; every issue
 * (with its path, so a form can show it at the field) is kept in `issues`.
 *
 * @example invalidScenarioError([{ path: "horizon", message: "horizon is missing" }]).message // → "horizon is missing"
 */
export function invalidScenarioError(issues: readonly ScenarioIssue[]): ModelError {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return modelError("invalidInput", shown.join("; ") + more, issues);
}

/** Deep, plain copy of a scenario's §4.1/§4.5 keys (drops nothing valid, adds nothing: absent v2 keys stay absent). */
export function copyScenario(s: Scenario): Scenario {
  const regimes = recordOf<Regime>(
    Object.entries(s.regimes).map(([name, r]) => [
      name,
      r.offshoreAccess === undefined
        ? { access: r.access, remittance: r.remittance }
        : { access: r.access, remittance: r.remittance, offshoreAccess: r.offshoreAccess },
    ]),
  );
  const vendors = recordOf<Vendor>(
    Object.entries(s.vendors).map(([name, v]) => [
      name,
      { weight: v.weight, aspUsdK: v.aspUsdK, bf16Tflops: v.bf16Tflops },
    ]),
  );
  const scalars: Partial<Record<ScalarInputId, number>> = {};
  for (const id of SCALAR_INPUT_IDS) if (s[id] !== undefined) scalars[id] = s[id];
  return {
    ...(scalars as Record<ScalarInputId, number>),
    regimes,
    regimePath: [...s.regimePath],
    ...(s.marketPath === undefined ? {} : { marketPath: recordOf(Object.entries(s.marketPath)) }),
    vendors,
    ...(s.reported === undefined ? {} : { reported: s.reported.map(copyReported) }),
  };
}

function copyReported(q: ReportedQuarter): ReportedQuarter {
  return q.figureId === undefined
    ? { period: q.period, value: q.value }
    : { period: q.period, value: q.value, figureId: q.figureId };
}

const POSITIVE_BOUND: Bound = { kind: "greaterThan", min: 0 };
const NON_NEGATIVE_BOUND: Bound = { kind: "atLeast", min: 0 };
function pushFieldIssues(
  issues: ScenarioIssue[],
  table: string,
  name: string,
  record: Record<string, unknown>,
  fields: readonly InputSpec[],
  known: ReadonlySet<string>,
): void {
  for (const spec of fields) {
    const value = record[spec.id];
    if (withinBound(value, spec.bounds)) continue;
    if (value === undefined && spec.defaultValue !== undefined) continue;
    const path = `${table}.${name}.${spec.id}`;
    const message = boundIssue(path, value, spec.bounds);
    if (message !== undefined) issues.push({ path, message });
  }
  for (const key in record) {
    if (!known.has(key)) {
      const path = `${table}.${name}.${key}`;
      issues.push({ path, message: `${path} is not a field (${[...known].join(", ")})` });
    }
  }
}

function boundIssue(path: string, value: unknown, bound: Bound): string | undefined {
  if (withinBound(value, bound)) return undefined;
  if (value === undefined) return `${path} is missing`;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return `${path} must be a finite number, got ${describe(value)}`;
  }
  switch (bound.kind) {
    case "closed":
      return value >= bound.min && value <= bound.max
        ? undefined
        : `${path} must be between ${bound.min} and ${bound.max}, got ${value}`;
    case "openMinClosedMax":
      // (0, 1]: above the range reads as the familiar "between 0 and 1"; at or below 0 says 0 is excluded
      return value > bound.max
        ? `${path} must be between ${bound.min} and ${bound.max}, got ${value}`
        : `${path} must be greater than ${bound.min}, got ${value}`;
    case "greaterThan":
      return value > bound.min ? undefined : `${path} must be greater than ${bound.min}, got ${value}`;
    case "atLeast":
      return value >= bound.min ? undefined : `${path} must be at least ${bound.min}, got ${value}`;
    case "integer":
      return Number.isInteger(value) && value >= bound.min && value <= bound.max
        ? undefined
        : `${path} must be an integer between ${bound.min} and ${bound.max}, got ${value}`;
  }
}

function regimeIssues(regimes: unknown, issues: ScenarioIssue[]): Set<string> {
  const names = new Set<string>();
  if (!isRecord(regimes) || Object.keys(regimes).length === 0) {
    issues.push({
      path: "regimes",
      message: `regimes must be a table with at least 1 regime, got ${describe(regimes)}`,
    });
    return names;
  }
  for (const [name, regime] of Object.entries(regimes)) {
    names.add(name);
    if (nameIssue(issues, "regimes", name)) continue;
    if (!isRecord(regime)) {
      issues.push({
        path: `regimes.${name}`,
        message: `regimes.${name} must be an object, got ${describe(regime)}`,
      });
      continue;
    }
    pushFieldIssues(issues, "regimes", name, regime, REGIME_FIELD_CATALOG, REGIME_KEYS);
  }
  return names;
}

function regimePathIssues(
  path: unknown,
  horizon: unknown,
  names: Set<string>,
  issues: ScenarioIssue[],
): void {
  if (!Array.isArray(path)) {
    issues.push({
      path: "regimePath",
      message: `regimePath must be a list of regime names, got ${describe(path)}`,
    });
    return;
  }
  if (typeof horizon === "number" && Number.isInteger(horizon) && path.length !== horizon + 1) {
    issues.push({
      path: "regimePath",
      message: `regimePath must have horizon + 1 = ${horizon + 1} entries, got ${path.length}`,
    });
  }
  path.forEach((name: unknown, t) => {
    if (typeof name !== "string" || !names.has(name)) {
      const known = [...names].join(", ");
      issues.push({
        path: `regimePath[${t}]`,
        message: `regimePath[${t}] must name a regime (${known}), got ${describe(name)}`,
      });
    }
  });
}

function marketPathIssues(marketPath: unknown, baseYear: unknown, issues: ScenarioIssue[]): void {
  if (marketPath === undefined) return;
  if (!isRecord(marketPath)) {
    issues.push({
      path: "marketPath",
      message: `marketPath must be a table year → USD bn, got ${describe(marketPath)}`,
    });
    return;
  }
  for (const [year, value] of Object.entries(marketPath)) {
    const path = `marketPath.${year}`;
    const yearNumber = Number(year);
    if (!/^\d{4}$/.test(year)) {
      issues.push({ path, message: `${path} must be keyed by a calendar year, got "${year}"` });
    } else if (typeof baseYear === "number" && yearNumber <= baseYear) {
      issues.push({ path, message: `${path} year must be after baseYear (${baseYear}), got ${year}` });
    }
    const message = boundIssue(path, value, POSITIVE_BOUND);
    if (message !== undefined) issues.push({ path, message });
  }
}

function vendorIssues(vendors: unknown, issues: ScenarioIssue[]): void {
  if (!isRecord(vendors) || Object.keys(vendors).length === 0) {
    issues.push({
      path: "vendors",
      message: `vendors must be a table with at least 1 vendor, got ${describe(vendors)}`,
    });
    return;
  }
  let weightSum = 0;
  let weightsValid = true;
  for (const [name, vendor] of Object.entries(vendors)) {
    if (nameIssue(issues, "vendors", name)) {
      weightsValid = false;
      continue;
    }
    if (!isRecord(vendor)) {
      issues.push({
        path: `vendors.${name}`,
        message: `vendors.${name} must be an object, got ${describe(vendor)}`,
      });
      weightsValid = false;
      continue;
    }
    pushFieldIssues(issues, "vendors", name, vendor, VENDOR_FIELD_CATALOG, VENDOR_KEYS);
    const weight = vendor["weight"];
    if (typeof weight === "number" && Number.isFinite(weight)) weightSum += weight;
    else weightsValid = false;
  }
  if (weightsValid && Math.abs(weightSum - 1) > WEIGHT_TOLERANCE) {
    issues.push({ path: "vendors", message: `vendor weights must sum to 1, got ${weightSum}` });
  }
}

function reportedIssues(
  reported: unknown,
  baseYear: unknown,
  horizon: unknown,
  issues: ScenarioIssue[],
): void {
  if (reported === undefined) return;
  if (!Array.isArray(reported)) {
    issues.push({
      path: "reported",
      message: `reported must be a list of { period, value, figureId? }, got ${describe(reported)}`,
    });
    return;
  }
  if (reported.length > MAX_REPORTED_QUARTERS) {
    issues.push({
      path: "reported",
      message: `reported may hold at most ${MAX_REPORTED_QUARTERS} quarters, got ${reported.length}`,
    });
    return;
  }
  if (reportedValid(reported, baseYear, horizon)) return;
  const years = typeof baseYear === "number" && typeof horizon === "number" ? { baseYear, horizon } : null;
  const seen = new Map<string, number>();
  reported.forEach((entry: unknown, i) => {
    const at = `reported[${i}]`;
    if (!isRecord(entry)) {
      issues.push({
        path: at,
        message: `${at} must be { period, value, figureId? }, got ${describe(entry)}`,
      });
      return;
    }
    const period = entry["period"];
    const name = typeof period === "string" ? `${at} ${JSON.stringify(period)}` : at;
    const push = (field: string, problem: string) =>
      issues.push({ path: `${at}.${field}`, message: `${name}: ${problem}` });
    for (const key of Object.keys(entry)) {
      if (!REPORTED_KEYS.has(key)) push(key, `${key} is not a field (period, value, figureId)`);
    }
    if (typeof period !== "string") {
      push("period", `period must be text like "Q2 FY2027", got ${describe(period)}`);
    } else {
      const parsed = parseQuarterPeriod(period);
      if (typeof parsed === "string") push("period", parsed);
      else if (years !== null) {
        const t = parsed.calendarYear - years.baseYear;
        if (t < 0 || t > years.horizon) {
          const first = `FY${years.baseYear + 1}`;
          const last = `FY${years.baseYear + years.horizon + 1}`;
          push("period", `period must fall within the projection, ${first}..${last}`);
        }
      }
      const earlier = seen.get(period);
      if (earlier !== undefined) push("period", `duplicate period (also reported[${earlier}])`);
      else seen.set(period, i);
    }
    const value = entry["value"];
    const valueProblem = boundIssue("value", value, NON_NEGATIVE_BOUND);
    if (valueProblem !== undefined) push("value", `${valueProblem} (USD bn)`);
    const figureId = entry["figureId"];
    if (
      figureId !== undefined &&
      (typeof figureId !== "string" || figureId.length === 0 || figureId.length > MAX_FIGURE_ID_LENGTH)
    ) {
      push(
        "figureId",
        `figureId must be non-empty text of at most ${MAX_FIGURE_ID_LENGTH} characters, got ${describe(figureId)}`,
      );
    }
  });
}

/** Pushes why a regime or vendor name is not allowed (see `nameValid`); true when it pushed. */
function nameIssue(issues: ScenarioIssue[], table: string, name: string): boolean {
  if (nameValid(name)) return false;
  const problem =
    name.length === 0 || name.length > MAX_NAME_LENGTH
      ? `must be 1 to ${MAX_NAME_LENGTH} characters, got ${name.length}`
      : name.includes(".")
        ? 'must not contain "."'
        : name === "__proto__"
          ? "is reserved"
          : undefined;
  if (problem === undefined) return false;
  issues.push({ path: table, message: `${table} name "${echo(name)}" ${problem}` });
  return true;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return typeof value;
}

/**
 * Validation of a `Scenario` against DESIGN.md §4.1: every input, its bound, the regime table and path, the
 * optional market path and the vendor table. Issues name the field, the bound and the value, with no trailing
 * period (`"domesticShareCap must be between 0 and 1, got 1.4"`).
 *
 * Decision (documented here and tested): `domesticShareBase` must be ≤ `domesticShareCap`. With s0 > S the
 * §4.2 logistic is still finite but *decreasing* (domestic share would fall from s0 towards its "ceiling"),
 * which contradicts S being the long-run ceiling; such an input is almost always a typo, so it is rejected.
 *
 * `marketPath` years must be integers after `baseYear` (t = 0 is `marketBase`); years after the horizon are
 * allowed and ignored, so shortening the horizon keeps a scenario valid.
 */
import { modelError, type ModelError } from "./errors";
import { echo, ownValue, recordOf } from "./own";
import type { Regime, ScalarInputId, Scenario, Vendor } from "./types";

/** One problem found in a scenario: `path` is the input id or a dotted/indexed path into it. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

type Bound =
  | { readonly kind: "closed"; readonly min: number; readonly max: number }
  | { readonly kind: "openMinClosedMax"; readonly min: number; readonly max: number }
  | { readonly kind: "greaterThan"; readonly min: number }
  | { readonly kind: "atLeast"; readonly min: number }
  | { readonly kind: "integer"; readonly min: number; readonly max: number };

/** The valid range of every scalar input of §4.1. */
export const SCALAR_BOUNDS: Readonly<Record<ScalarInputId, Bound>> = {
  baseYear: { kind: "integer", min: 2015, max: 2040 },
  horizon: { kind: "integer", min: 1, max: 30 },
  marketBase: { kind: "greaterThan", min: 0 },
  marketGrowth: { kind: "greaterThan", min: -1 },
  marketGrowthFade: { kind: "closed", min: 0, max: 1 },
  domesticShareBase: { kind: "openMinClosedMax", min: 0, max: 1 },
  domesticShareCap: { kind: "openMinClosedMax", min: 0, max: 1 },
  adoptionSpeed: { kind: "atLeast", min: 0 },
  domesticSupplyBase: { kind: "atLeast", min: 0 },
  domesticSupplyGrowth: { kind: "greaterThan", min: -1 },
  nvidiaForeignShare: { kind: "closed", min: 0, max: 1 },
  substitutionRate: { kind: "closed", min: 0, max: 1 },
  otherBase: { kind: "atLeast", min: 0 },
  otherGrowth: { kind: "greaterThan", min: -1 },
  discountRate: { kind: "greaterThan", min: -1 },
  retirementRate: { kind: "closed", min: 0, max: 1 },
};

/** The scalar input ids, in §4.1 order. */
export const SCALAR_INPUT_IDS = Object.keys(SCALAR_BOUNDS) as ScalarInputId[];

/** Every top-level key a scenario may have. */
export const SCENARIO_KEYS: readonly string[] = [
  ...SCALAR_INPUT_IDS,
  "regimes",
  "regimePath",
  "marketPath",
  "vendors",
];

const SCENARIO_KEY_SET: ReadonlySet<string> = new Set(SCENARIO_KEYS);
const WEIGHT_TOLERANCE = 1e-9;

/**
 * Every problem in a candidate scenario (empty when valid).
 *
 * @param input anything (parsed JSON, a preset's scenario with overrides)
 * @returns the issues, in input order
 * @example scenarioIssues({ ...base, domesticShareCap: 1.4 })
 *   // → [{ path: "domesticShareCap", message: "domesticShareCap must be between 0 and 1, got 1.4" }]
 */
export function scenarioIssues(input: unknown): ScenarioIssue[] {
  if (!isRecord(input)) return [{ path: "", message: `scenario must be an object, got ${describe(input)}` }];
  const issues: ScenarioIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!SCENARIO_KEY_SET.has(key)) {
      issues.push({ path: key, message: `${echo(key)} is not a scenario input id` });
    }
  }
  const field = (key: string): unknown => ownValue(input, key);
  for (const id of SCALAR_INPUT_IDS) {
    const message = boundIssue(id, field(id), SCALAR_BOUNDS[id]);
    if (message !== undefined) issues.push({ path: id, message });
  }
  const s0 = field("domesticShareBase");
  const cap = field("domesticShareCap");
  if (typeof s0 === "number" && typeof cap === "number" && s0 > cap) {
    issues.push({
      path: "domesticShareBase",
      message: `domesticShareBase must be at most domesticShareCap (${cap}), got ${s0}`,
    });
  }
  const regimeNames = regimeIssues(field("regimes"), issues);
  regimePathIssues(field("regimePath"), field("horizon"), regimeNames, issues);
  marketPathIssues(field("marketPath"), field("baseYear"), issues);
  vendorIssues(field("vendors"), issues);
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
 * The invalidInput error for a non-empty issue list: the first three messages, "; "-separated.
 *
 * @example invalidScenarioError([{ path: "horizon", message: "horizon is missing" }]).message // → "horizon is missing"
 */
export function invalidScenarioError(issues: readonly ScenarioIssue[]): ModelError {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return modelError("invalidInput", shown.join("; ") + more);
}

/** Deep, plain copy of a scenario's §4.1 keys (drops nothing valid, adds nothing). */
export function copyScenario(s: Scenario): Scenario {
  const regimes = recordOf<Regime>(
    Object.entries(s.regimes).map(([name, r]) => [name, { access: r.access, remittance: r.remittance }]),
  );
  const vendors = recordOf<Vendor>(
    Object.entries(s.vendors).map(([name, v]) => [
      name,
      { weight: v.weight, aspUsdK: v.aspUsdK, bf16Tflops: v.bf16Tflops },
    ]),
  );
  const scalars = {} as Record<ScalarInputId, number>;
  for (const id of SCALAR_INPUT_IDS) scalars[id] = s[id];
  return {
    ...scalars,
    regimes,
    regimePath: [...s.regimePath],
    ...(s.marketPath === undefined ? {} : { marketPath: recordOf(Object.entries(s.marketPath)) }),
    vendors,
  };
}

const SHARE_BOUND: Bound = { kind: "closed", min: 0, max: 1 };
const POSITIVE_BOUND: Bound = { kind: "greaterThan", min: 0 };
const REGIME_FIELD_BOUNDS: ReadonlyArray<readonly [keyof Regime, Bound]> = [
  ["access", SHARE_BOUND],
  ["remittance", SHARE_BOUND],
];
const VENDOR_FIELD_BOUNDS: ReadonlyArray<readonly [keyof Vendor, Bound]> = [
  ["weight", SHARE_BOUND],
  ["aspUsdK", POSITIVE_BOUND],
  ["bf16Tflops", POSITIVE_BOUND],
];

// Fast path: projectScenario validates on every call (slider drags), so the common valid case builds no strings.
function withinBound(value: unknown, bound: Bound): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  switch (bound.kind) {
    case "closed":
      return value >= bound.min && value <= bound.max;
    case "openMinClosedMax":
      return value > bound.min && value <= bound.max;
    case "greaterThan":
      return value > bound.min;
    case "atLeast":
      return value >= bound.min;
    case "integer":
      return Number.isInteger(value) && value >= bound.min && value <= bound.max;
  }
}

function pushFieldIssues(
  issues: ScenarioIssue[],
  table: string,
  name: string,
  record: Record<string, unknown>,
  fields: ReadonlyArray<readonly [string, Bound]>,
): void {
  for (const [field, bound] of fields) {
    if (withinBound(record[field], bound)) continue;
    const path = `${table}.${name}.${field}`;
    const message = boundIssue(path, record[field], bound);
    if (message !== undefined) issues.push({ path, message });
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
    pushFieldIssues(issues, "regimes", name, regime, REGIME_FIELD_BOUNDS);
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
    pushFieldIssues(issues, "vendors", name, vendor, VENDOR_FIELD_BOUNDS);
    const weight = vendor["weight"];
    if (typeof weight === "number" && Number.isFinite(weight)) weightSum += weight;
    else weightsValid = false;
  }
  if (weightsValid && Math.abs(weightSum - 1) > WEIGHT_TOLERANCE) {
    issues.push({ path: "vendors", message: `vendor weights must sum to 1, got ${weightSum}` });
  }
}

/** Longest regime or vendor name (characters). */
export const MAX_NAME_LENGTH = 64;

/**
 * Regime and vendor names become dotted input ids (`regimes.<name>.access`) and cell text: 1..64 characters,
 * no ".", and not `__proto__` (the one key a plain object cannot hold as data through assignment).
 */
function nameIssue(issues: ScenarioIssue[], table: string, name: string): boolean {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

/**
 * The allocation-free fast path of scenario validation: `projectScenario` validates on every call (slider drags,
 * the bench's 10⁵ projections/s), and almost every scenario it sees is valid. `isClearlyValidScenario` answers
 * "certainly valid" without building a string, an issue or a closure; any doubt (an invalid value, an inherited
 * or non-enumerable key, a hole in a list) answers false, and the caller runs the full `scenarioIssues`, which
 * alone words the problems. So the fast path may be stricter than the full check, never looser: it reads every
 * value the full check reads, the same way (own properties for the scenario's keys; the full check's reads for
 * regime, vendor and reported entries), and applies the same bounds from the input catalog.
 */
import {
  REGIME_FIELD_CATALOG,
  SCALAR_INPUT_CATALOG,
  VENDOR_FIELD_CATALOG,
  type Bound,
  type InputSpec,
} from "./inputCatalog";
import { parseQuarterPeriod } from "./reported";

/** Longest regime or vendor name (characters). */
export const MAX_NAME_LENGTH = 64;

/** Hard limit on reported quarters: four per year of the longest horizon. */
export const MAX_REPORTED_QUARTERS = 4 * 31;

/** Longest figure id a reported quarter may cite (characters). */
export const MAX_FIGURE_ID_LENGTH = 200;

/** Largest |Σ weights − 1| accepted for the vendor table. */
export const WEIGHT_TOLERANCE = 1e-9;

/** Regime field ids (`access`, `remittance`, `offshoreAccess`). */
export const REGIME_KEYS: ReadonlySet<string> = new Set(REGIME_FIELD_CATALOG.map((f) => f.id));

/** Vendor field ids (`weight`, `aspUsdK`, `bf16Tflops`). */
export const VENDOR_KEYS: ReadonlySet<string> = new Set(VENDOR_FIELD_CATALOG.map((f) => f.id));

/** The keys a reported quarter may have. */
export const REPORTED_KEYS: ReadonlySet<string> = new Set(["period", "value", "figureId"]);

/**
 * True only when `scenarioIssues(input)` is certainly empty; false means "run the full check" (the input may
 * still be valid, e.g. with a non-enumerable own key or a hole in `regimePath`).
 *
 * @param input anything
 * @example isClearlyValidScenario(PRESETS[0].scenario) // → true
 * @example isClearlyValidScenario({ ...PRESETS[0].scenario, horizon: 0 }) // → false
 */
export function isClearlyValidScenario(input: unknown): boolean {
  if (!isRecord(input)) return false;
  let seen = 0;
  let baseYear = 0;
  let horizon = 0;
  let regimes: unknown;
  let regimePath: unknown;
  let marketPath: unknown;
  let vendors: unknown;
  let reported: unknown;
  let position = 0;
  for (const key in input) {
    const slot = slotOf(key, position++);
    // An unknown key is an issue; an inherited enumerable one is for the full check to judge.
    if (slot < 0 || !hasOwn.call(input, key)) return false;
    const value = input[key];
    seen |= 1 << slot;
    if (slot < SCALAR_COUNT) {
      if (!fits(SCALARS, slot, value)) return false;
      if (slot === BASE_YEAR_SLOT) baseYear = value as number;
      else if (slot === HORIZON_SLOT) horizon = value as number;
    } else if (slot === REGIMES_SLOT) regimes = value;
    else if (slot === REGIME_PATH_SLOT) regimePath = value;
    else if (slot === MARKET_PATH_SLOT) marketPath = value;
    else if (slot === VENDORS_SLOT) vendors = value;
    else reported = value;
  }
  if ((seen & REQUIRED_MASK) !== REQUIRED_MASK) return false;
  const regimeNames: string[] = []; // local, not shared: a getter in the input may call back into validation
  // An optional key the loop did not see must be absent, not a non-enumerable own property.
  if ((seen & OPTIONAL_MASK) !== OPTIONAL_MASK) {
    for (const slot of OPTIONAL_SLOTS) {
      if ((seen & (1 << slot)) === 0 && hasOwn.call(input, SLOT_KEYS[slot]!)) return false;
    }
  }
  return (
    regimesClearlyValid(regimes, regimeNames) &&
    regimePathClearlyValid(regimePath, horizon, regimeNames) &&
    (marketPath === undefined || marketPathClearlyValid(marketPath, baseYear)) &&
    vendorsClearlyValid(vendors) &&
    (reported === undefined ||
      (Array.isArray(reported) &&
        reported.length <= MAX_REPORTED_QUARTERS &&
        reportedValid(reported, baseYear, horizon)))
  );
}

/**
 * Whether `value` is a finite number within `bound` (no string built: the valid case of every check).
 *
 * @example withinBound(0.5, { kind: "closed", min: 0, max: 1 }) // → true
 */
export function withinBound(value: unknown, bound: Bound): boolean {
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

/**
 * Whether a reported-quarters list is certainly valid for the years baseYear..baseYear + horizon (no strings,
 * no closures); false means "run the detailed check".
 *
 * @example reportedValid([{ period: "Q1 FY2027", value: 4.55 }], 2025, 10) // → true
 */
export function reportedValid(reported: readonly unknown[], baseYear: unknown, horizon: unknown): boolean {
  if (typeof baseYear !== "number" || typeof horizon !== "number") return false;
  for (let i = 0; i < reported.length; i++) {
    const entry = reported[i];
    if (!isRecord(entry)) return false;
    const period = entry["period"];
    const value = entry["value"];
    const figureId = entry["figureId"];
    if (typeof period !== "string" || typeof value !== "number" || !(value >= 0 && value < Infinity))
      return false;
    if (figureId !== undefined && (typeof figureId !== "string" || figureId.length === 0)) return false;
    if (figureId !== undefined && figureId.length > MAX_FIGURE_ID_LENGTH) return false;
    let keys = 0;
    for (const key in entry) {
      if (!REPORTED_KEYS.has(key)) return false;
      keys++;
    }
    if (keys > 3) return false;
    const parsed = parseQuarterPeriod(period);
    if (typeof parsed === "string") return false;
    const t = parsed.calendarYear - baseYear;
    if (t < 0 || t > horizon) return false;
    for (let j = 0; j < i; j++)
      if ((reported[j] as Record<string, unknown>)["period"] === period) return false;
  }
  return true;
}

/**
 * A non-null object that is not a list.
 *
 * @example isRecord([]) // → false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Regime and vendor names become dotted input ids (`regimes.<name>.access`) and cell text: 1..64 characters,
 * no ".", and not `__proto__` (the one key a plain object cannot hold as data through assignment).
 *
 * @example nameValid("licensed") // → true
 */
export function nameValid(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || name === "__proto__") return false;
  return !name.includes(".");
}

// `Object.prototype.hasOwnProperty.call(o, key)` on a `for … in` key compiles to an enum-cache check (V8), about
// 10× cheaper than `Object.hasOwn`, which is a runtime call there.
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(record, key)
const hasOwn = Object.prototype.hasOwnProperty;

// The slot of the scenario key met at `position` of a `for … in`, or −1 for an unknown key. Scenarios mostly
// come in one key order, so the slot of the previous call's key at that position is tried first (a pointer
// comparison of internalized strings) before the map lookup; the cache only remembers true facts.
function slotOf(key: string, position: number): number {
  if (position < KEY_COUNT && cachedKeys[position] === key) return cachedSlots[position]!;
  const slot = KEY_SLOTS.get(key) ?? -1;
  if (position < KEY_COUNT) {
    cachedKeys[position] = key;
    cachedSlots[position] = slot;
  }
  return slot;
}

// Slots: the scalar inputs in catalog order, then the tables (a bit each in `seen`; 24 keys < 31 bits).
const SCALAR_COUNT = SCALAR_INPUT_CATALOG.length;
const SLOT_KEYS: readonly string[] = [
  ...SCALAR_INPUT_CATALOG.map((spec) => spec.id),
  "regimes",
  "regimePath",
  "marketPath",
  "vendors",
  "reported",
];
const KEY_COUNT = SLOT_KEYS.length;
const KEY_SLOTS: ReadonlyMap<string, number> = new Map(SLOT_KEYS.map((key, slot) => [key, slot]));
const BASE_YEAR_SLOT = KEY_SLOTS.get("baseYear")!;
const HORIZON_SLOT = KEY_SLOTS.get("horizon")!;
const REGIMES_SLOT = KEY_SLOTS.get("regimes")!;
const REGIME_PATH_SLOT = KEY_SLOTS.get("regimePath")!;
const MARKET_PATH_SLOT = KEY_SLOTS.get("marketPath")!;
const VENDORS_SLOT = KEY_SLOTS.get("vendors")!;
const OPTIONAL_KEYS: ReadonlySet<string> = new Set([
  ...SCALAR_INPUT_CATALOG.filter((spec) => spec.defaultValue !== undefined).map((spec) => spec.id),
  "marketPath",
  "reported",
]);
const REQUIRED_MASK = SLOT_KEYS.reduce(
  (mask, key, slot) => (OPTIONAL_KEYS.has(key) ? mask : mask | (1 << slot)),
  0,
);
const OPTIONAL_SLOTS: readonly number[] = SLOT_KEYS.flatMap((key, slot) =>
  OPTIONAL_KEYS.has(key) ? [slot] : [],
);
const OPTIONAL_MASK = OPTIONAL_SLOTS.reduce((mask, slot) => mask | (1 << slot), 0);
const cachedKeys: string[] = SLOT_KEYS.slice();
const cachedSlots: number[] = SLOT_KEYS.map((_, slot) => slot);
if (KEY_COUNT > 31) throw new Error("clearlyValid: more scenario keys than bits in a mask");

// Pushes the regime names (the own enumerable keys: the full check's names) onto `names`.
function regimesClearlyValid(regimes: unknown, names: string[]): boolean {
  if (!isRecord(regimes)) return false;
  for (const name in regimes) {
    if (!hasOwn.call(regimes, name) || !nameValid(name)) return false;
    const regime = regimes[name];
    if (!isRecord(regime) || !fieldsValid(regime, REGIME_FIELDS)) return false;
    names.push(name);
  }
  return names.length > 0;
}

// Every year names one of `names` (so never an inherited member such as "toString").
function regimePathClearlyValid(path: unknown, horizon: number, names: readonly string[]): boolean {
  if (!Array.isArray(path) || path.length !== horizon + 1) return false;
  let known: string | undefined; // the previous year's name, already found
  for (let t = 0; t < path.length; t++) {
    const name: unknown = path[t];
    if (known !== undefined && name === known) continue;
    let i = 0;
    while (i < names.length && names[i] !== name) i++;
    if (i === names.length) return false;
    known = names[i];
  }
  return true;
}

function marketPathClearlyValid(marketPath: unknown, baseYear: number): boolean {
  if (!isRecord(marketPath)) return false;
  for (const year in marketPath) {
    if (!hasOwn.call(marketPath, year) || !isFourDigits(year) || Number(year) <= baseYear) return false;
    const value = marketPath[year];
    if (!(typeof value === "number" && value > 0 && value < Infinity)) return false;
  }
  return true;
}

function isFourDigits(text: string): boolean {
  if (text.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function vendorsClearlyValid(vendors: unknown): boolean {
  if (!isRecord(vendors)) return false;
  let count = 0;
  let weightSum = 0;
  for (const name in vendors) {
    if (!hasOwn.call(vendors, name) || !nameValid(name)) return false;
    const vendor = vendors[name];
    if (!isRecord(vendor) || !fieldsValid(vendor, VENDOR_FIELDS)) return false;
    weightSum += vendor["weight"] as number;
    count++;
  }
  return count > 0 && Math.abs(weightSum - 1) <= WEIGHT_TOLERANCE;
}

// Each own enumerable field is read once in a `for … in` (the value the full check's `record[id]` reads); a
// field the loop did not meet must be optional and read undefined, as the full check then sees it.
function fieldsValid(record: Record<string, unknown>, table: FieldTable): boolean {
  const ids = table.ids;
  let seen = 0;
  let position = 0;
  for (const key in record) {
    // fields mostly come in catalog order: try the field at this position first
    let i = position < ids.length && ids[position] === key ? position : 0;
    while (i < ids.length && ids[i] !== key) i++;
    position++;
    if (i === ids.length || !hasOwn.call(record, key) || !fits(table, i, record[key])) return false;
    seen |= 1 << i;
  }
  for (let i = 0; i < ids.length; i++) {
    if ((seen & (1 << i)) === 0 && (!table.optional[i] || record[ids[i]!] !== undefined)) return false;
  }
  return true;
}

/** A catalog's bounds as plain numbers (one shape for every kind of bound, so the checks stay monomorphic). */
interface FieldTable {
  readonly ids: readonly string[];
  readonly kinds: readonly number[];
  readonly mins: readonly number[];
  readonly maxs: readonly number[];
  readonly optional: readonly boolean[];
}

const KIND_CODES: Readonly<Record<Bound["kind"], number>> = {
  closed: 0,
  openMinClosedMax: 1,
  greaterThan: 2,
  atLeast: 3,
  integer: 4,
};

const SCALARS = fieldTableOf(SCALAR_INPUT_CATALOG);
const REGIME_FIELDS = fieldTableOf(REGIME_FIELD_CATALOG);
const VENDOR_FIELDS = fieldTableOf(VENDOR_FIELD_CATALOG);

function fieldTableOf(specs: readonly InputSpec[]): FieldTable {
  return {
    ids: specs.map((spec) => spec.id),
    kinds: specs.map((spec) => KIND_CODES[spec.bounds.kind]),
    mins: specs.map((spec) => spec.bounds.min),
    maxs: specs.map((spec) => ("max" in spec.bounds ? spec.bounds.max : Infinity)),
    optional: specs.map((spec) => spec.defaultValue !== undefined),
  };
}

// `withinBound(value, bounds of field i)`, or an optional field left undefined (which takes its default).
function fits(table: FieldTable, i: number, value: unknown): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return value === undefined && table.optional[i]!;
  const min = table.mins[i]!;
  const max = table.maxs[i]!;
  switch (table.kinds[i]!) {
    case 0:
      return value >= min && value <= max;
    case 1:
      return value > min && value <= max;
    case 2:
      return value > min;
    case 3:
      return value >= min;
    default:
      return Number.isInteger(value) && value >= min && value <= max;
  }
}

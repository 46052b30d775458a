/**
 * Overrides on a scenario from (input id, value) pairs — the shape of a 2-column Excel range, a CLI `--set`
 * list or a pane edit. Ids: the scalar input ids of §4.1 and §4.5 (`offshoreBase`, `offshoreGrowth`) and dotted
 * paths `regimes.<name>.access|remittance|offshoreAccess`,
 * `vendors.<name>.weight|aspUsdK|bf16Tflops`, `regimePath.<t>` (a regime name), `regimePath` (a comma list of
 * names for t = 0..H) and `marketPath.<year>` (USD bn).
 *
 * Setting `horizon` also resizes `regimePath` (repeating its last regime, or truncating) unless a full
 * `regimePath` was given earlier in the same call, so `--horizon 8` works on a 5-year preset.
 */
import { isModelError, modelError, type ModelError } from "./errors";
import { parseDecimal } from "./decimalText";
import { nearestIds } from "./nearest";
import { echo, MAX_TEXT_LENGTH, ownValue } from "./own";
import type { Regime, ScalarInputId, Scenario, Vendor } from "./types";
import { copyScenario, SCALAR_INPUT_IDS, validateScenario } from "./validate";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Omit<Mutable<Scenario>, "regimes" | "vendors" | "regimePath" | "marketPath"> & {
  regimes: Record<string, Mutable<Regime>>;
  vendors: Record<string, Mutable<Vendor>>;
  regimePath: string[];
  marketPath?: Record<string, number>;
};

const REGIME_FIELDS = ["access", "remittance", "offshoreAccess"] as const;
const VENDOR_FIELDS = ["weight", "aspUsdK", "bf16Tflops"] as const;

/**
 * Applies the pairs in order to a copy of `scenario`, then validates the result.
 *
 * @param scenario the starting scenario (not mutated)
 * @param pairs (id, value) pairs; numbers may be given as numeric text
 * @returns the new scenario, or notFound (unknown id, naming the nearest ids) / invalidInput (bad value or an
 *   invalid resulting scenario)
 * @example applyOverrides(PRESETS[0].scenario, [["marketGrowth", 0.3]]).marketGrowth // → 0.3
 */
export function applyOverrides(
  scenario: Scenario,
  pairs: ReadonlyArray<readonly [string, number | string]>,
): Scenario | ModelError {
  const draft = copyScenario(scenario) as Draft;
  let pathExplicit = false;
  for (const [rawId, value] of pairs) {
    if (rawId.length > MAX_TEXT_LENGTH) {
      return modelError(
        "invalidInput",
        `input id must be at most ${MAX_TEXT_LENGTH} characters, got ${rawId.length}`,
      );
    }
    const id = rawId.trim();
    const result = applyOne(draft, id, value, pathExplicit);
    if (isModelError(result)) return result;
    if (id === "regimePath") pathExplicit = true;
  }
  return validateScenario(draft);
}

/** Every id `applyOverrides` accepts for a scenario (dotted paths expanded for its regimes and vendors). */
export function overrideIds(scenario: Scenario): string[] {
  const ids: string[] = [...SCALAR_INPUT_IDS, "regimePath"];
  for (const name of Object.keys(scenario.regimes))
    for (const f of REGIME_FIELDS) ids.push(`regimes.${name}.${f}`);
  for (const name of Object.keys(scenario.vendors))
    for (const f of VENDOR_FIELDS) ids.push(`vendors.${name}.${f}`);
  for (let t = 0; t < scenario.regimePath.length; t++) ids.push(`regimePath.${t}`);
  ids.push(`marketPath.${scenario.baseYear + 1}`);
  return ids;
}

function applyOne(
  draft: Draft,
  id: string,
  value: number | string,
  pathExplicit: boolean,
): ModelError | undefined {
  const scalar = SCALAR_INPUT_IDS.find((s) => s.toLowerCase() === id.toLowerCase());
  if (scalar !== undefined) {
    const n = numberOf(scalar, value);
    if (isModelError(n)) return n;
    setScalar(draft, scalar, n);
    if (scalar === "horizon" && !pathExplicit && Number.isInteger(n) && n >= 1 && n <= 30) {
      resizePath(draft.regimePath, n + 1);
    }
    return undefined;
  }
  const parts = id.split(".");
  const [head, name, field] = parts;
  if (head === "regimePath" && parts.length === 1) {
    draft.regimePath = String(value)
      .split(",")
      .map((s) => s.trim());
    return undefined;
  }
  if (head === "regimePath" && parts.length === 2 && name !== undefined) {
    const t = Number(name);
    if (!/^\d{1,3}$/.test(name) || t >= draft.regimePath.length) {
      return modelError(
        "invalidInput",
        `regimePath.<t> must index 0..${draft.regimePath.length - 1}, got ${JSON.stringify(echo(name))}`,
      );
    }
    draft.regimePath[t] = String(value).trim();
    return undefined;
  }
  if (head === "marketPath" && parts.length === 2 && name !== undefined && /^\d{4}$/.test(name)) {
    const n = numberOf(id, value);
    if (isModelError(n)) return n;
    draft.marketPath = { ...draft.marketPath, [name]: n };
    return undefined;
  }
  if (head === "regimes" && parts.length === 3 && name !== undefined && field !== undefined) {
    const regime = ownValue(draft.regimes, name);
    const known = REGIME_FIELDS.find((f) => f === field);
    if (regime === undefined || known === undefined) return unknownId(draft, id);
    const n = numberOf(id, value);
    if (isModelError(n)) return n;
    regime[known] = n;
    return undefined;
  }
  if (head === "vendors" && parts.length === 3 && name !== undefined && field !== undefined) {
    const vendor = ownValue(draft.vendors, name);
    const known = VENDOR_FIELDS.find((f) => f === field);
    if (vendor === undefined || known === undefined) return unknownId(draft, id);
    const n = numberOf(id, value);
    if (isModelError(n)) return n;
    vendor[known] = n;
    return undefined;
  }
  return unknownId(draft, id);
}

function setScalar(draft: Draft, id: ScalarInputId, value: number): void {
  (draft as Record<ScalarInputId, number>)[id] = value;
}

function resizePath(path: string[], length: number): void {
  const last = path[path.length - 1];
  if (path.length > length) path.length = length;
  while (path.length < length && last !== undefined) path.push(last);
}

function numberOf(id: string, value: number | string): number | ModelError {
  const n = typeof value === "number" ? value : (parseDecimal(value) ?? Number.NaN);
  return Number.isFinite(n)
    ? n
    : modelError(
        "invalidInput",
        `${echo(id)} must be a finite decimal number, got ${JSON.stringify(typeof value === "string" ? echo(value) : value)}`,
      );
}

function unknownId(draft: Draft, id: string): ModelError {
  const near = nearestIds(id, overrideIds(draft)).join(", ");
  return modelError("notFound", `"${echo(id)}" is not an input id; nearest: ${near}`);
}

import { assertNever, isModelError } from "../../model/errors";
import { findPreset, PRESETS } from "../../model/presets";
import { projectScenario } from "../../model/project";
import { SCALAR_DEFAULTS, scalarValue, scenarioIssues } from "../../model/validate";
import type { Preset, Projection, Regime, Scenario, Vendor } from "../../model/types";
import type { InputDisplay, RegimeField, VendorField } from "./inputCatalog";
import {
  displayForPath,
  marketPathPath,
  REGIME_FIELDS,
  regimePath,
  SCALAR_INPUTS,
  vendorPath,
} from "./inputCatalog";
import { inputText, parseInputText } from "./inputText";

/**
 * The Scenario tab's state as a pure reducer. It keeps the raw text of every editable number, so nothing the
 * analyst typed is lost: an invalid entry stays in its box with its message while `scenario` and
 * `projection` keep the last valid values (the chart does not jump to nonsense mid-edit).
 */
export interface InputIssue {
  /** Input id or dotted path ("marketGrowth", "regimes.licensed.access", "vendors.huawei.weight"). */
  readonly path: string;
  readonly message: string;
}

export interface PinnedScenario {
  readonly pinId: string;
  readonly label: string;
  readonly scenario: Scenario;
  readonly projection: Projection;
}

export interface ScenarioState {
  readonly presetId: string;
  /** Raw text per dotted path, as shown in the boxes (fractions in percent). */
  readonly raw: Readonly<Record<string, string>>;
  /** Regime name per year as chosen; may be longer than horizon + 1 (edits survive shrinking the horizon). */
  readonly regimePath: readonly string[];
  /** Issues of the current raw text; empty when `scenario` reflects every box. */
  readonly issues: readonly InputIssue[];
  /** The last valid scenario and its projection. */
  readonly scenario: Scenario;
  readonly projection: Projection;
  /** True once any input differs from the chosen preset's text. */
  readonly edited: boolean;
  readonly pinned: readonly PinnedScenario[];
  readonly nextPinId: number;
  /** The name of a scenario restored from the workbook (cleared by choosing or resetting a preset). */
  readonly restoredName?: string;
  /**
   * A restored scenario: edits are drafted over it (its regimes, vendors, offshore channel and reported
   * quarters) rather than over the preset's, so a scenario saved before model v2 keeps its v1 structure.
   */
  readonly restoredScenario?: Scenario;
  /**
   * The figure the analyst chose as an input's source ("Cite…"), by input path; it overrides the preset's
   * provenance for that input, is saved with the document and travels to the built model's CS Sources.
   * Cleared by choosing or resetting a preset.
   */
  readonly citations: Readonly<Record<string, FigureCitation>>;
}

/** An input's source chosen in the pane: a dataset figure or one of the analyst's own (by id). */
export interface FigureCitation {
  readonly figureId: string;
}

export const MAX_PINNED = 4;

export type PinSource = { readonly kind: "current" } | { readonly kind: "preset"; readonly presetId: string };

export type ScenarioAction =
  | { readonly type: "presetChosen"; readonly presetId: string }
  | { readonly type: "inputChanged"; readonly path: string; readonly raw: string }
  | {
      readonly type: "regimeEdited";
      readonly name: string;
      readonly field: RegimeField;
      readonly raw: string;
    }
  | { readonly type: "regimePathEdited"; readonly t: number; readonly name: string }
  | {
      readonly type: "vendorEdited";
      readonly name: string;
      readonly field: VendorField;
      readonly raw: string;
    }
  | { readonly type: "resetToPreset" }
  | { readonly type: "scenarioPinnedForCompare"; readonly source: PinSource }
  | { readonly type: "unpinned"; readonly pinId: string }
  | { readonly type: "inputCited"; readonly path: string; readonly figureId: string }
  | { readonly type: "citationRemoved"; readonly path: string }
  | {
      readonly type: "scenarioRestored";
      readonly scenario: Scenario;
      readonly name: string;
      readonly presetId: string | null;
      readonly citations?: Readonly<Record<string, FigureCitation>>;
    };

/** The state showing a preset as-is. Throws if the preset is unknown or does not project (a bug in presets). */
export function initialScenarioState(presetId: string): ScenarioState {
  const preset = presetOrThrow(presetId);
  const projection = projectScenario(preset.scenario);
  if (isModelError(projection)) throw new Error(`Preset ${presetId} does not project: ${projection.message}`);
  return {
    presetId,
    raw: rawTextOf(preset.scenario),
    regimePath: [...preset.scenario.regimePath],
    issues: [],
    scenario: preset.scenario,
    projection,
    edited: false,
    pinned: [],
    nextPinId: 1,
    citations: {},
  };
}

export function scenarioReducer(state: ScenarioState, action: ScenarioAction): ScenarioState {
  switch (action.type) {
    case "presetChosen": {
      if (isModelError(findPreset(action.presetId))) return state;
      return { ...initialScenarioState(action.presetId), pinned: state.pinned, nextPinId: state.nextPinId };
    }
    case "resetToPreset":
      return { ...initialScenarioState(state.presetId), pinned: state.pinned, nextPinId: state.nextPinId };
    case "inputChanged":
      return withDraft(state, { ...state.raw, [action.path]: action.raw }, state.regimePath);
    case "regimeEdited":
      return withDraft(
        state,
        { ...state.raw, [regimePath(action.name, action.field)]: action.raw },
        state.regimePath,
      );
    case "vendorEdited":
      return withDraft(
        state,
        { ...state.raw, [vendorPath(action.name, action.field)]: action.raw },
        state.regimePath,
        vendorPath(action.name, action.field),
      );
    case "regimePathEdited": {
      if (!Number.isInteger(action.t) || action.t < 0) return state;
      const path = padded(state.regimePath, action.t + 1);
      path[action.t] = action.name;
      return withDraft(state, state.raw, path);
    }
    case "scenarioPinnedForCompare":
      return pinned(state, action.source);
    case "unpinned":
      return { ...state, pinned: state.pinned.filter((p) => p.pinId !== action.pinId) };
    case "inputCited":
      if (action.path === "" || action.figureId === "") return state;
      return { ...state, citations: { ...state.citations, [action.path]: { figureId: action.figureId } } };
    case "citationRemoved": {
      if (!Object.hasOwn(state.citations, action.path)) return state;
      const { [action.path]: _removed, ...rest } = state.citations;
      return { ...state, citations: rest };
    }
    case "scenarioRestored":
      return {
        ...restored(state, action.scenario, action.name, action.presetId),
        citations: action.citations ?? {},
      };
    default:
      return assertNever(action);
  }
}

/**
 * The action for an edit of the box at a dotted path: "regimes.<name>.<field>" → regimeEdited,
 * "vendors.<name>.<field>" → vendorEdited, anything else (scalar ids, "marketPath.<year>") → inputChanged.
 */
export function editActionFor(path: string, raw: string): ScenarioAction {
  const first = path.indexOf(".");
  const last = path.lastIndexOf(".");
  const head = path.slice(0, first);
  const name = path.slice(first + 1, last);
  const field = path.slice(last + 1);
  if (head === "regimes" && first < last && isRegimeField(field)) {
    return { type: "regimeEdited", name, field, raw };
  }
  if (
    head === "vendors" &&
    first < last &&
    (field === "weight" || field === "aspUsdK" || field === "bf16Tflops")
  ) {
    return { type: "vendorEdited", name, field, raw };
  }
  return { type: "inputChanged", path, raw };
}

function isRegimeField(field: string): field is RegimeField {
  return REGIME_FIELDS.some((spec) => spec.field === field);
}

/** The horizon the editors should show: the typed one when it parses as a whole number 1..30, else the last valid. */
export function shownHorizon(state: ScenarioState): number {
  const typed = parseInputText(state.raw["horizon"] ?? "", "integer", "horizon");
  return !isModelError(typed) && typed >= 1 && typed <= 30 ? typed : state.scenario.horizon;
}

/** The issues for one path (a field's inline messages). */
export function issuesAt(state: ScenarioState, path: string): readonly string[] {
  return state.issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}

/** Raw text for every editable number of a scenario, keyed by dotted path. */
export function rawTextOf(s: Scenario): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [path, { value, display }] of editableValues(s)) raw[path] = inputText(value, display);
  return raw;
}

/** Every editable number of a scenario with how its box shows it, keyed by dotted path. */
function editableValues(s: Scenario): Map<string, { value: number; display: InputDisplay }> {
  const values = new Map<string, { value: number; display: InputDisplay }>();
  for (const spec of SCALAR_INPUTS)
    values.set(spec.id, { value: scalarValue(s, spec.id), display: spec.display });
  for (const [name, regime] of Object.entries(s.regimes)) {
    for (const { field } of REGIME_FIELDS) {
      // offshoreAccess is optional (§4.5, default 1): a v1 regime keeps it absent until the user types one.
      const value = regime[field];
      if (value !== undefined) values.set(regimePath(name, field), { value, display: "percent" });
    }
  }
  for (const [name, vendor] of Object.entries(s.vendors)) {
    values.set(vendorPath(name, "weight"), { value: vendor.weight, display: "percent" });
    values.set(vendorPath(name, "aspUsdK"), { value: vendor.aspUsdK, display: "number" });
    values.set(vendorPath(name, "bf16Tflops"), { value: vendor.bf16Tflops, display: "number" });
  }
  for (const [year, value] of Object.entries(s.marketPath ?? {}))
    values.set(marketPathPath(year), { value, display: "number" });
  return values;
}

function withDraft(
  state: ScenarioState,
  raw: Readonly<Record<string, string>>,
  path: readonly string[],
  editedPath?: string,
): ScenarioState {
  const preset = presetOrThrow(state.presetId);
  const edited = !sameText(raw, rawTextOf(preset.scenario)) || !samePath(path, preset.scenario.regimePath);
  const draft = draftScenario(state.restoredScenario ?? preset.scenario, raw, path, state.scenario);
  const next = { ...state, raw, regimePath: path, edited };
  // Unparsable boxes fall back to the preset's value, so the model still checks every other box.
  const unparsed = new Set(draft.issues.map((issue) => issue.path));
  const modelIssues = scenarioIssues(draft.scenario).filter((issue) => !unparsed.has(issue.path));
  const issues = [...draft.issues, ...modelIssues].map((issue) => inPaneWords(issue, editedPath));
  if (issues.length > 0) return { ...next, issues };
  const projection = projectScenario(draft.scenario);
  if (isModelError(projection)) return { ...next, issues: [{ path: "", message: projection.message }] };
  return { ...next, issues: [], scenario: draft.scenario, projection };
}

/**
 * Parses every box over the preset's structure; parse failures are issues at their path. A box still showing
 * the rounded text of the last valid scenario's value keeps that exact value (an untouched vendor weight shown
 * as "73.91" stays 0.73912251957, so the weights still sum to 100%).
 */
function draftScenario(
  base: Scenario,
  raw: Readonly<Record<string, string>>,
  path: readonly string[],
  last: Scenario,
): { scenario: Scenario; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const lastHorizon = last.horizon;
  const lastValues = editableValues(last);
  const num = (key: string, fallback: number): number => {
    const text = raw[key] ?? "";
    const kept = lastValues.get(key);
    if (kept !== undefined && text.trim() === inputText(kept.value, kept.display)) return kept.value;
    const parsed = parseInputText(text, displayForPath(key), key);
    if (isModelError(parsed)) {
      issues.push({ path: key, message: parsed.message });
      return fallback;
    }
    return parsed;
  };
  const scalars: Record<string, number> = {};
  for (const spec of SCALAR_INPUTS) {
    const value = num(spec.id, scalarValue(base, spec.id));
    // An optional v2 input (offshoreBase, offshoreGrowth) absent from the base stays absent at its default.
    if (base[spec.id] === undefined && value === SCALAR_DEFAULTS[spec.id]) continue;
    scalars[spec.id] = value;
  }
  const regimes: Record<string, Regime> = {};
  for (const [name, r] of Object.entries(base.regimes)) {
    const offshoreKey = regimePath(name, "offshoreAccess");
    // A regime without offshoreAccess (v1) keeps it absent until the user types a value into its box.
    const typed = Object.hasOwn(raw, offshoreKey) && (raw[offshoreKey] ?? "").trim() !== "";
    const offshoreAccess =
      r.offshoreAccess !== undefined || typed ? num(offshoreKey, r.offshoreAccess ?? 1) : undefined;
    regimes[name] = {
      access: num(regimePath(name, "access"), r.access),
      remittance: num(regimePath(name, "remittance"), r.remittance),
      ...(offshoreAccess === undefined ? {} : { offshoreAccess }),
    };
  }
  const vendors: Record<string, Vendor> = {};
  for (const [name, v] of Object.entries(base.vendors)) {
    vendors[name] = {
      weight: num(vendorPath(name, "weight"), v.weight),
      aspUsdK: num(vendorPath(name, "aspUsdK"), v.aspUsdK),
      bf16Tflops: num(vendorPath(name, "bf16Tflops"), v.bf16Tflops),
    };
  }
  const marketPath: Record<string, number> = {};
  for (const [year, value] of Object.entries(base.marketPath ?? {}))
    marketPath[year] = num(marketPathPath(year), value);
  const horizon = scalars["horizon"];
  const years =
    horizon !== undefined && Number.isInteger(horizon) && horizon >= 1 && horizon <= 30
      ? horizon
      : lastHorizon;
  const scenario: Scenario = {
    ...base,
    ...scalars,
    regimes,
    vendors,
    regimePath: padded(path, years + 1).slice(0, years + 1),
    ...(base.marketPath ? { marketPath } : {}),
  };
  return { scenario, issues };
}

function pinned(state: ScenarioState, source: PinSource): ScenarioState {
  if (state.pinned.length >= MAX_PINNED) return state;
  let label: string;
  let scenario: Scenario;
  let projection: Projection;
  if (source.kind === "current") {
    const name = presetOrThrow(state.presetId).name;
    label = state.edited ? `${name} (edited)` : name;
    scenario = state.scenario;
    projection = state.projection;
  } else {
    const preset = findPreset(source.presetId);
    if (isModelError(preset)) return state;
    const projected = projectScenario(preset.scenario);
    if (isModelError(projected)) return state;
    label = preset.name;
    scenario = preset.scenario;
    projection = projected;
  }
  const pinId = `pin${state.nextPinId}`;
  if (state.pinned.some((p) => p.label === label)) label = `${label} #${state.nextPinId}`;
  return {
    ...state,
    pinned: [...state.pinned, { pinId, label, scenario, projection }],
    nextPinId: state.nextPinId + 1,
  };
}

/**
 * Shows a saved scenario in the boxes. Edits are drafted over a preset's structure (regime, vendor and
 * market-path names), so the base is the saved preset when it shares the structure, else the first preset
 * that does, else the current one (the scenario still shows; later edits use that preset's names).
 */
function restored(
  state: ScenarioState,
  scenario: Scenario,
  name: string,
  presetId: string | null,
): ScenarioState {
  const projection = projectScenario(scenario);
  if (isModelError(projection)) return { ...state, issues: [{ path: "", message: projection.message }] };
  const candidates = [presetId, ...PRESETS.map((p) => p.id), state.presetId];
  const base =
    candidates
      .map((id) => (id === null ? undefined : findPreset(id)))
      .find((p): p is Preset => p !== undefined && !isModelError(p) && sameStructure(p.scenario, scenario)) ??
    presetOrThrow(state.presetId);
  const raw = rawTextOf(scenario);
  return {
    ...state,
    presetId: base.id,
    raw,
    regimePath: [...scenario.regimePath],
    issues: [],
    scenario,
    projection,
    edited:
      !sameText(raw, rawTextOf(base.scenario)) || !samePath(scenario.regimePath, base.scenario.regimePath),
    restoredName: name,
    restoredScenario: scenario,
  };
}

const WEIGHT_SUM = /^vendor weights must sum to 1, got (.+)$/;

/**
 * A model issue in the pane's words, at the box the analyst edited: the vendor weights' sum is said in percent
 * (the boxes are in %) and shown under the weight just edited rather than under the table.
 */
function inPaneWords(issue: InputIssue, editedPath: string | undefined): InputIssue {
  const sum = issue.path === "vendors" ? WEIGHT_SUM.exec(issue.message) : null;
  if (sum === null) return issue;
  const percent = Number((Number(sum[1]) * 100).toFixed(2));
  const message = `The vendor weights add up to ${percent}%: change them so they add up to 100%`;
  const atWeight = editedPath !== undefined && /^vendors\.[^.]+\.weight$/.test(editedPath);
  return { path: atWeight ? editedPath : issue.path, message };
}

function sameStructure(a: Scenario, b: Scenario): boolean {
  const keys = (r: object | undefined): string =>
    Object.keys(r ?? {})
      .sort()
      .join("|");
  return (
    keys(a.regimes) === keys(b.regimes) &&
    keys(a.vendors) === keys(b.vendors) &&
    keys(a.marketPath) === keys(b.marketPath)
  );
}

function presetOrThrow(presetId: string): Preset {
  const preset = findPreset(presetId);
  if (isModelError(preset)) throw new Error(`Unknown preset ${presetId}`);
  return preset;
}

function padded(path: readonly string[], length: number): string[] {
  const out = [...path];
  const last = out[out.length - 1] ?? "";
  while (out.length < length) out.push(last);
  return out;
}

function sameText(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? "").trim() !== (b[key] ?? "").trim()) return false;
  return true;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return b.every((name, i) => a[i] === name) && a.slice(b.length).every((name) => name === b[b.length - 1]);
}

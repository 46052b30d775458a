/**
 * The Simulate tab's part of the pane store, as pure reducers: the simulation spec as edited (distribution
 * drafts, regime chain, correlations) and the run settings (trials, seed, sampling, threshold).
 *
 * Only what the analyst edited is stored. An input whose distribution was never touched follows the current
 * scenario's default spec, the chain is the default anchored one until edited, and a fixed
 * input with a blank value uses the scenario's value — so editing the scenario moves everything the analyst
 * did not choose, and keeps everything they did (Trials 1234 survives any scenario edit).
 */
import { defaultRegimeChain, defaultSimulationSpec, stationaryRegimeChain } from "../../analysis/defaultSpec";
import { isAnchoredChain, type StationaryRegimeChain } from "../../analysis/regimeChain";
import type { Distribution } from "../../analysis/distributions";
import type { SamplingMethod } from "../../analysis/sampling";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import { assertNever } from "../../model/errors";
import type { Projection, ScalarInputId, Scenario, SeriesId } from "../../model/types";
import { scalarValue } from "../../model/validate";
import type { DistributionDraft, DraftKind } from "./distributionDraft";
import { defaultDraft, draftOfDistribution, formatDraftNumber } from "./distributionDraft";
import { inputScale, STOCHASTIC_INPUT_IDS } from "./stochasticInputs";

export interface ThresholdDraft {
  readonly series: SeriesId;
  /** Calendar year as text; absent = two years after the base year (capped at the horizon). */
  readonly year?: string;
  readonly op: "<" | ">";
  /** In the series' unit; absent = the base projection's value that year (blank text = no threshold). */
  readonly value?: string;
}

/** The spec as edited: only what the analyst changed (see the module comment). */
export interface SpecDraft {
  readonly inputs: Readonly<Partial<Record<ScalarInputId, DistributionDraft>>>;
  /** Absent = the default: the chain anchored on the scenario's path (DESIGN §5.0). */
  readonly regimeMode?: RegimeMode;
  /** The anchored chain's π and β as percent text; absent = the defaults (80, 30). */
  readonly anchored?: AnchoredDraft;
  /** from → to → raw probability text of the stationary matrix; absent = its starting matrix. */
  readonly transition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Inputs in the correlation matrix, in the order shown. */
  readonly correlationInputs: readonly ScalarInputId[];
  /** Raw text of off-diagonal entries keyed by `pairKey(a, b)` (symmetric by construction). */
  readonly correlationCells: Readonly<Record<string, string>>;
}

export interface RunSettingsDraft {
  readonly trials: string;
  readonly seed: string;
  readonly sampling: SamplingMethod;
  readonly threshold: ThresholdDraft;
}

/** What the Simulate editors show: every draft resolved against the current scenario. */
export interface SimulateView {
  readonly drafts: Readonly<Record<string, DistributionDraft>>;
  readonly regimeMode: RegimeMode;
  readonly anchored: AnchoredDraft;
  readonly transition: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly correlationInputs: readonly ScalarInputId[];
  readonly correlationCells: Readonly<Record<string, string>>;
  readonly trials: string;
  readonly seed: string;
  readonly sampling: SamplingMethod;
  readonly threshold: Required<ThresholdDraft>;
}

export type SpecDraftAction =
  | { readonly type: "kindChanged"; readonly id: ScalarInputId; readonly kind: DraftKind }
  | {
      readonly type: "fieldChanged";
      readonly id: ScalarInputId;
      readonly field: string;
      readonly raw: string;
    }
  | { readonly type: "regimeModeChanged"; readonly mode: RegimeMode }
  | { readonly type: "anchoredChanged"; readonly field: keyof AnchoredDraft; readonly raw: string }
  | { readonly type: "transitionChanged"; readonly from: string; readonly to: string; readonly raw: string }
  | { readonly type: "correlationToggled"; readonly id: ScalarInputId; readonly included: boolean }
  | {
      readonly type: "correlationChanged";
      readonly a: ScalarInputId;
      readonly b: ScalarInputId;
      readonly raw: string;
    }
  | { readonly type: "nearestApplied"; readonly matrix: readonly (readonly number[])[] };

export type RunSettingsAction =
  | { readonly type: "trialsChanged"; readonly raw: string }
  | { readonly type: "seedChanged"; readonly raw: string }
  | { readonly type: "samplingChanged"; readonly sampling: SamplingMethod }
  | { readonly type: "thresholdChanged"; readonly patch: Partial<ThresholdDraft> };

/**
 * "anchored": the chain anchored on the scenario's path (DESIGN §5.0, the default); "chain": one stationary
 * transition matrix; "fixed": the scenario's path in every trial.
 */
export type RegimeMode = "anchored" | "chain" | "fixed";

/** π (followPath) and β (returnToPath) of the anchored chain, as percent text. */
export interface AnchoredDraft {
  readonly followPath: string;
  readonly returnToPath: string;
}

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 20250101;

export const initialSpecDraft: SpecDraft = { inputs: {}, correlationInputs: [], correlationCells: {} };

export const initialRunSettings: RunSettingsDraft = {
  trials: String(DEFAULT_TRIALS),
  seed: String(DEFAULT_SEED),
  sampling: "lhs",
  threshold: { series: "nvidiaChina", op: "<" },
};

/** The spec draft that shows `spec` exactly (a restored document): every input and the chain are explicit. */
export function specDraftOf(scenario: Scenario, spec: SimulationSpec): SpecDraft {
  const inputs: Partial<Record<ScalarInputId, DistributionDraft>> = {};
  for (const id of STOCHASTIC_INPUT_IDS) {
    const d = spec.inputs[id];
    inputs[id] = d === undefined ? followsScenario() : draftOfDistribution(d, inputScale(id));
  }
  const correlationInputs = spec.correlation?.inputs ?? [];
  const correlationCells: Record<string, string> = {};
  correlationInputs.forEach((a, i) =>
    correlationInputs.forEach((b, j) => {
      if (i < j) correlationCells[pairKey(a, b)] = formatDraftNumber(spec.correlation?.matrix[i]?.[j] ?? 0);
    }),
  );
  const chain = spec.regimeChain;
  return {
    inputs,
    regimeMode: chain === undefined ? "fixed" : isAnchoredChain(chain) ? "anchored" : "chain",
    ...(chain !== undefined && isAnchoredChain(chain) ? { anchored: anchoredText(chain.anchored) } : {}),
    transition: transitionText(
      scenario,
      chain !== undefined && !isAnchoredChain(chain) ? chain : stationaryRegimeChain(scenario),
    ),
    correlationInputs,
    correlationCells,
  };
}

/** `state` with one action applied; `scenario` resolves what an untouched input or chain currently shows. */
export function specDraftReducer(state: SpecDraft, action: SpecDraftAction, scenario: Scenario): SpecDraft {
  switch (action.type) {
    case "kindChanged": {
      // "Fixed" starts blank (= the scenario's value); other kinds start centred on the scenario's value.
      const draft =
        action.kind === "fixed"
          ? followsScenario()
          : defaultDraft(action.kind, scalarValue(scenario, action.id) * inputScale(action.id));
      return { ...state, inputs: { ...state.inputs, [action.id]: draft } };
    }
    case "fieldChanged": {
      const draft = state.inputs[action.id] ?? defaultInputDraft(scenario, action.id);
      return {
        ...state,
        inputs: {
          ...state.inputs,
          [action.id]: { ...draft, fields: { ...draft.fields, [action.field]: action.raw } },
        },
      };
    }
    case "regimeModeChanged":
      return { ...state, regimeMode: action.mode };
    case "anchoredChanged":
      return {
        ...state,
        anchored: {
          ...(state.anchored ?? anchoredText(defaultRegimeChain().anchored)),
          [action.field]: action.raw,
        },
      };
    case "transitionChanged": {
      const transition = state.transition ?? transitionText(scenario, stationaryRegimeChain(scenario));
      return {
        ...state,
        transition: { ...transition, [action.from]: { ...transition[action.from], [action.to]: action.raw } },
      };
    }
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
    default:
      return assertNever(action);
  }
}

export function runSettingsReducer(state: RunSettingsDraft, action: RunSettingsAction): RunSettingsDraft {
  switch (action.type) {
    case "trialsChanged":
      return { ...state, trials: action.raw };
    case "seedChanged":
      return { ...state, seed: action.raw };
    case "samplingChanged":
      return { ...state, sampling: action.sampling };
    case "thresholdChanged":
      return { ...state, threshold: { ...state.threshold, ...action.patch } };
    default:
      return assertNever(action);
  }
}

/** Every draft resolved against the scenario and its projection (what the editors show). */
export function simulateViewOf(
  scenario: Scenario,
  projection: Projection,
  spec: SpecDraft,
  settings: RunSettingsDraft,
): SimulateView {
  const defaults = defaultSimulationSpec(scenario);
  const drafts: Record<string, DistributionDraft> = {};
  for (const id of STOCHASTIC_INPUT_IDS) drafts[id] = spec.inputs[id] ?? draftOfDefault(defaults, id);
  return {
    drafts,
    regimeMode: spec.regimeMode ?? "anchored",
    anchored: spec.anchored ?? anchoredText(defaultRegimeChain().anchored),
    transition: alignedTransition(scenario, spec.transition),
    correlationInputs: spec.correlationInputs,
    correlationCells: spec.correlationCells,
    trials: settings.trials,
    seed: settings.seed,
    sampling: settings.sampling,
    threshold: resolvedThreshold(scenario, projection, settings.threshold),
  };
}

/** The key of an unordered pair of inputs. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The raw text of the correlation between a and b ("1" on the diagonal, "0" when never edited). */
export function correlationText(
  state: Pick<SimulateView, "correlationCells">,
  a: ScalarInputId,
  b: ScalarInputId,
): string {
  return a === b ? "1" : (state.correlationCells[pairKey(a, b)] ?? "0");
}

/** "Row licensed sums to 110%; each row must sum to 100%", or a parse problem, or undefined. */
export function transitionRowProblem(
  state: Pick<SimulateView, "transition">,
  from: string,
): string | undefined {
  const row = state.transition[from] ?? {};
  let sum = 0;
  for (const [to, raw] of Object.entries(row)) {
    const p = Number(raw.trim().replace(/%$/, ""));
    if (raw.trim() === "" || !Number.isFinite(p) || p < 0 || p > 100)
      return `“${from} → ${to}” must be a percentage from 0 to 100, now “${raw}”`;
    sum += p;
  }
  return Math.abs(sum - 100) > 1e-7
    ? `Row “${from}” sums to ${formatDraftNumber(sum)}%; make each row sum to 100%`
    : undefined;
}

function followsScenario(): DistributionDraft {
  return { kind: "fixed", fields: { value: "" } };
}

function defaultInputDraft(scenario: Scenario, id: ScalarInputId): DistributionDraft {
  return draftOfDefault(defaultSimulationSpec(scenario), id);
}

function draftOfDefault(defaults: SimulationSpec, id: ScalarInputId): DistributionDraft {
  const d: Distribution | undefined = defaults.inputs[id];
  return d === undefined ? followsScenario() : draftOfDistribution(d, inputScale(id));
}

/** π and β as percent text (80, 30). */
function anchoredText(a: { readonly followPath: number; readonly returnToPath: number }): AnchoredDraft {
  return {
    followPath: formatDraftNumber(a.followPath * 100),
    returnToPath: formatDraftNumber(a.returnToPath * 100),
  };
}

/** Transition probabilities as percent text (a row reads 70, 10, 10, 10). */
function transitionText(
  scenario: Scenario,
  chain: StationaryRegimeChain,
): Record<string, Record<string, string>> {
  const names = Object.keys(scenario.regimes);
  const out: Record<string, Record<string, string>> = {};
  for (const from of names)
    out[from] = Object.fromEntries(
      names.map((to) => [to, formatDraftNumber((chain.transition[from]?.[to] ?? 0) * 100)]),
    );
  return out;
}

/** The edited matrix when it has exactly the scenario's regimes, else the stationary starting matrix. */
function alignedTransition(
  scenario: Scenario,
  edited: SpecDraft["transition"],
): Readonly<Record<string, Readonly<Record<string, string>>>> {
  const names = Object.keys(scenario.regimes).sort().join("|");
  const same = (keys: string[]): boolean => keys.sort().join("|") === names;
  if (
    edited !== undefined &&
    same(Object.keys(edited)) &&
    Object.values(edited).every((r) => same(Object.keys(r)))
  )
    return edited;
  return transitionText(scenario, stationaryRegimeChain(scenario));
}

function resolvedThreshold(
  scenario: Scenario,
  projection: Projection,
  draft: ThresholdDraft,
): Required<ThresholdDraft> {
  const last = scenario.baseYear + scenario.horizon;
  const typedYear = Number(draft.year);
  const year =
    draft.year !== undefined &&
    Number.isInteger(typedYear) &&
    typedYear > scenario.baseYear &&
    typedYear <= last
      ? typedYear
      : Math.min(scenario.baseYear + 2, last);
  return {
    series: draft.series,
    year: String(year),
    op: draft.op,
    value: draft.value ?? baseThresholdText(projection, draft.series, year - scenario.baseYear),
  };
}

/** The base projection's value of a series in year t, to 2 significant digits ("24" for 23.7 USD bn). */
export function baseThresholdText(projection: Projection, series: SeriesId, t: number): string {
  const value = projection.series[series]?.[t];
  if (value === undefined || !Number.isFinite(value)) return "";
  const shown = SHARE_SERIES.has(series) ? value * 100 : value;
  return String(Number(shown.toPrecision(2)));
}

/** Series in shares (0..1 in the engine, shown and typed in %). */
export const SHARE_SERIES: ReadonlySet<SeriesId> = new Set<SeriesId>(["domesticShare"]);

/**
 * The default simulation spec for any scenario (used by the CLI and as the pane's starting point): a
 * triangular distribution around eight key inputs (mode = the scenario's value) and a regime Markov chain.
 * Every range is an ANALYST ASSUMPTION, with its rationale beside it (`DEFAULT_SPEC_RATIONALE`).
 */
import type { ScalarInputId, Scenario } from "../model/types";
import { scalarValue } from "../model/validate";
import type { Distribution } from "./distributions";
import type { AnchoredRegimeChain, StationaryRegimeChain } from "./regimeChain";
import type { SimulationSpec } from "./simulationSpec";

interface RangeRule {
  readonly id: ScalarInputId;
  readonly low: (base: number) => number;
  readonly high: (base: number) => number;
  readonly lo: number;
  readonly hi: number;
  readonly rationale: string;
}

const RULES: readonly RangeRule[] = [
  {
    id: "marketGrowth",
    low: (b) => b * 0.5,
    high: (b) => b * 1.5,
    lo: -0.99,
    hi: 10,
    rationale:
      "assumption: ±50% of base growth; Bernstein ($37B→$69B) and NVIDIA ($50B) market sizings disagree widely",
  },
  {
    id: "marketGrowthFade",
    low: (b) => b / 3,
    high: (b) => b * 2,
    lo: 0,
    hi: 1,
    rationale: "assumption: the AI build-out may plateau sooner or later than the base fade",
  },
  {
    id: "domesticShareCap",
    low: (b) => b - 0.15,
    high: (b) => b + 0.08,
    lo: 0.01,
    hi: 1,
    rationale: "assumption: long-run ceiling −15/+8 points; frontier training may stay on foreign chips",
  },
  {
    id: "adoptionSpeed",
    low: (b) => b * 0.5,
    high: (b) => b * 1.6,
    lo: 0,
    hi: 10,
    rationale:
      "assumption: adoption pace between half and 1.6× base (Morgan Stanley's 82% by 2027 is the fast end)",
  },
  {
    id: "domesticSupplyGrowth",
    low: (b) => b * 0.4,
    high: (b) => b * 1.3,
    lo: -0.99,
    hi: 10,
    rationale:
      "assumption: foundry (SMIC 7 nm yields) and HBM limits make supply growth the most uncertain driver",
  },
  {
    id: "nvidiaForeignShare",
    low: (b) => b - 0.1,
    high: (b) => b + 0.05,
    lo: 0,
    hi: 1,
    rationale: "assumption: AMD and others may gain up to 10 points of the foreign segment",
  },
  {
    id: "substitutionRate",
    low: (b) => b - 0.25,
    high: (b) => b + 0.2,
    lo: 0,
    hi: 1,
    rationale: "assumption: how much blocked demand goes domestic vs waits, rents abroad or goes grey",
  },
  {
    id: "otherGrowth",
    low: (b) => b - 0.1,
    high: (b) => b + 0.1,
    lo: -0.99,
    hi: 10,
    rationale: "assumption: ±10 points on non-data-center and HQ-basis revenue growth",
  },
];

/** π of the default anchored chain (§5.0): a trial on the scenario's regime path follows it the next year. */
export const DEFAULT_FOLLOW_PATH = 0.8;
/** β of the default anchored chain (§5.0): a trial off the path returns to it the next year. */
export const DEFAULT_RETURN_TO_PATH = 0.3;
/** Yearly persistence of each regime in the stationary alternative (`stationaryRegimeChain`). */
export const STATIONARY_PERSISTENCE = 0.7;

/**
 * Rationale of each default range and of the chain, keyed by input id, "regimeChain" (what runs),
 * "regimeChain.followPath" (π) and "regimeChain.returnToPath" (β).
 */
export const DEFAULT_SPEC_RATIONALE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(RULES.map((r) => [r.id, r.rationale])),
  regimeChain: `assumption: each trial starts in the scenario's base-year regime; a trial on the scenario's regime path follows it the next year with probability ${DEFAULT_FOLLOW_PATH} and otherwise switches to one of the other regimes, equally likely; a trial off the path returns to the path's regime with probability ${DEFAULT_RETURN_TO_PATH} a year and otherwise keeps its regime`,
  "regimeChain.followPath": `assumption: π = ${DEFAULT_FOLLOW_PATH}: a one-in-five yearly chance that policy departs from the story (U.S. rules or Beijing's guidance changed course in 2022, 2023, 2025 and 2026; not every change is a surprise to the story)`,
  "regimeChain.returnToPath": `assumption: β = ${DEFAULT_RETURN_TO_PATH}: a departure lasts about 1/β ≈ 3 years on average before policy returns to the story (reversals such as the 2025 H20 stop and restart came back within months to years)`,
};

/**
 * The default spec for a scenario: triangular(low, base, high) on the eight inputs of `RULES` (clipped to
 * their valid ranges; an input whose range collapses stays fixed), the default anchored regime chain, and the
 * inputs' rank correlations with cumulative NVIDIA China revenue.
 *
 * @example defaultSimulationSpec(preset.scenario).inputs.marketGrowth // { kind: "triangular", min: 0.183, mode: 0.366, max: 0.549 }
 */
export function defaultSimulationSpec(scenario: Scenario): SimulationSpec {
  const inputs: Partial<Record<ScalarInputId, Distribution>> = {};
  for (const r of RULES) {
    const base = scalarValue(scenario, r.id);
    const min = Math.max(r.lo, Math.min(base, r.low(base)));
    const max = Math.min(r.hi, Math.max(base, r.high(base)));
    if (max > min && base >= min && base <= max) inputs[r.id] = { kind: "triangular", min, mode: base, max };
  }
  return {
    inputs,
    regimeChain: defaultRegimeChain(),
    rankCorrelationOutput: { metric: "cumulativeNvidiaChina" },
  };
}

/** The default chain: anchored on the scenario's path with π = 0.8, β = 0.3 (`DEFAULT_SPEC_RATIONALE`). */
export function defaultRegimeChain(): AnchoredRegimeChain {
  return { anchored: { followPath: DEFAULT_FOLLOW_PATH, returnToPath: DEFAULT_RETURN_TO_PATH } };
}

/**
 * The stationary alternative's starting matrix: every regime persists with `persistence` a year and the rest
 * is split equally among the other regimes, the same in every year (it forgets the scenario's path).
 *
 * @example stationaryRegimeChain(s).transition.licensed.licensed // 0.7
 */
export function stationaryRegimeChain(
  scenario: Scenario,
  persistence = STATIONARY_PERSISTENCE,
): StationaryRegimeChain {
  const names = Object.keys(scenario.regimes);
  const transition: Record<string, Record<string, number>> = {};
  for (const from of names) {
    const others = names.filter((n) => n !== from);
    const row: Record<string, number> = { [from]: others.length === 0 ? 1 : persistence };
    for (const o of others) row[o] = (1 - persistence) / others.length;
    transition[from] = row;
  }
  return { transition };
}

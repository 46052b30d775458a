/**
 * Regime uncertainty (DESIGN.md §5, §5.0): each trial draws its own regime path r_0..r_H from r_0 =
 * `regimePath[0]` through a Markov chain whose transition matrix may depend on the year. Two chains:
 *
 * - anchored (the default, §5.0): on the scenario's path p (r_{t−1} = p_{t−1}) the trial follows it,
 *   r_t = p_t, with probability π (`followPath`), otherwise moves to one of the other regimes (≠ p_t)
 *   uniformly; off the path it returns, r_t = p_t, with probability β (`returnToPath`), otherwise stays,
 *   r_t = r_{t−1}. With a single regime there is no other regime to move to: the trial stays on the path.
 * - stationary: one user-defined annual transition matrix for every year.
 *
 * Both compile to one transition matrix per year t = 1..H, so the trial loop draws r_t the same way.
 */
import { modelError, type ModelError } from "../model/errors";
import type { Scenario } from "../model/types";

/** A user-defined stationary chain: from regime → (to regime → probability); rows sum to 1. */
export interface StationaryRegimeChain {
  readonly transition: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The chain anchored on the scenario's regime path (§5.0); both probabilities are in 0..1. */
export interface AnchoredRegimeChain {
  readonly anchored: {
    /** π: probability that a trial on the scenario's path follows it into the next year. */
    readonly followPath: number;
    /** β: probability that a trial off the path returns to it the next year. */
    readonly returnToPath: number;
  };
}

export type RegimeChain = StationaryRegimeChain | AnchoredRegimeChain;

/** A validated chain in array form (state order = `Object.keys(scenario.regimes)`). */
export interface CompiledRegimeChain {
  readonly states: readonly string[];
  readonly initial: number;
  /** Transition probabilities of year t = 1..H: index (t − 1)·k² + from·k + to. */
  readonly probability: Float64Array;
  /** Cumulative rows of `probability` (same index), the last positive entry of a row set to +∞. */
  readonly cumulative: Float64Array;
  readonly access: Float64Array;
  readonly remittance: Float64Array;
  /** offshoreAccess per state (1 when the regime has none). */
  readonly offshoreAccess: Float64Array;
}

/** Whether a chain is the anchored one. */
export function isAnchoredChain(chain: RegimeChain): chain is AnchoredRegimeChain {
  return Object.hasOwn(chain, "anchored");
}

/**
 * What draws the regime paths, in words (sheets, CLI, pane).
 *
 * @example regimeChainText({ anchored: { followPath: 0.8, returnToPath: 0.3 } }) // "Markov chain anchored on the scenario's path (follow π = 0.8, return β = 0.3)"
 */
export function regimeChainText(chain: RegimeChain | undefined): string {
  if (chain === undefined) return "fixed path (the scenario's)";
  if (isAnchoredChain(chain)) {
    const { followPath, returnToPath } = chain.anchored;
    return `Markov chain anchored on the scenario's path (follow π = ${followPath}, return β = ${returnToPath})`;
  }
  return "Markov chain, one transition matrix for every year";
}

const ROW_TOLERANCE = 1e-9;

/**
 * Validates a chain against a scenario and compiles it to one transition matrix per year. Anchored:
 * `followPath` and `returnToPath` are numbers in 0..1. Stationary: every name is a regime of the scenario,
 * probabilities are in 0..1, every row sums to 1 (±1e-9), and every regime reachable from the initial one has
 * a row.
 *
 * @example compileRegimeChain(s, { transition: { licensed: { licensed: 0.8, banned: 0.3 } } }) // row sums to 1.1 → invalidInput
 * @example compileRegimeChain(s, { anchored: { followPath: 0.8, returnToPath: 0.3 } }).probability // H matrices k × k
 */
export function compileRegimeChain(scenario: Scenario, chain: RegimeChain): CompiledRegimeChain | ModelError {
  const states = Object.keys(scenario.regimes);
  const index = new Map(states.map((s, i) => [s, i]));
  const initialName = scenario.regimePath[0] ?? "";
  const initial = index.get(initialName);
  if (initial === undefined)
    return modelError("invalidInput", `regimePath[0] ${initialName} is not a regime`);
  if (typeof chain !== "object" || chain === null)
    return modelError("invalidInput", "regimeChain must be an object");
  const probability = isAnchoredChain(chain)
    ? anchoredProbabilities(scenario, chain, index)
    : stationaryProbabilities(scenario, chain, index, initial);
  if (!(probability instanceof Float64Array)) return probability;
  return {
    states,
    initial,
    probability,
    cumulative: cumulativeRows(probability, states.length),
    access: Float64Array.from(states, (s) => scenario.regimes[s]?.access ?? NaN),
    remittance: Float64Array.from(states, (s) => scenario.regimes[s]?.remittance ?? NaN),
    offshoreAccess: Float64Array.from(states, (s) => {
      const regime = scenario.regimes[s];
      return regime === undefined ? NaN : (regime.offshoreAccess ?? 1);
    }),
  };
}

/**
 * The state of year t (1..H) given year t − 1's state and a uniform u in (0, 1): the first j whose cumulative
 * transition probability reaches u (states in the scenario's regime order).
 *
 * @example nextRegime(chain, 1, 0, 0.5) // index of the state whose cumulative band holds 0.5 in year 1
 */
export function nextRegime(chain: CompiledRegimeChain, t: number, current: number, u: number): number {
  const k = chain.states.length;
  const row = (t - 1) * k * k + current * k;
  for (let j = 0; j < k; j++) if (u <= (chain.cumulative[row + j] as number)) return j;
  return k - 1;
}

function anchoredProbabilities(
  scenario: Scenario,
  chain: AnchoredRegimeChain,
  index: ReadonlyMap<string, number>,
): Float64Array | ModelError {
  const a: unknown = chain.anchored;
  if (typeof a !== "object" || a === null)
    return modelError("invalidInput", "regimeChain.anchored must be an object");
  const follow = probabilityField(a, "followPath");
  if (typeof follow !== "number") return follow;
  const back = probabilityField(a, "returnToPath");
  if (typeof back !== "number") return back;
  const k = index.size;
  const horizon = scenario.horizon;
  const probability = new Float64Array(horizon * k * k);
  for (let t = 1; t <= horizon; t++) {
    const before = index.get(scenario.regimePath[t - 1] ?? "");
    const target = index.get(scenario.regimePath[t] ?? "");
    if (before === undefined || target === undefined)
      return modelError("invalidInput", `regimePath[${t}] is not a regime`);
    const year = (t - 1) * k * k;
    for (let from = 0; from < k; from++) {
      const row = year + from * k;
      if (from === before && k > 1) {
        for (let to = 0; to < k; to++)
          probability[row + to] = to === target ? follow : (1 - follow) / (k - 1);
      } else if (from === before) probability[row + target] = 1;
      else {
        // `+=`: when the trial already sits in next year's story regime, both branches land there.
        probability[row + target] = (probability[row + target] as number) + back;
        probability[row + from] = (probability[row + from] as number) + (1 - back);
      }
    }
  }
  return probability;
}

function probabilityField(obj: object, name: "followPath" | "returnToPath"): number | ModelError {
  const v: unknown = Object.hasOwn(obj, name) ? (obj as Record<string, unknown>)[name] : undefined;
  return typeof v === "number" && v >= 0 && v <= 1
    ? v
    : modelError("invalidInput", `regimeChain.${name} must be a number between 0 and 1, got ${String(v)}`);
}

function stationaryProbabilities(
  scenario: Scenario,
  chain: StationaryRegimeChain,
  index: ReadonlyMap<string, number>,
  initial: number,
): Float64Array | ModelError {
  const states = [...index.keys()];
  const k = states.length;
  if (typeof chain.transition !== "object" || chain.transition === null)
    return modelError("invalidInput", "regimeChain.transition must be an object of rows");
  const matrix = new Float64Array(k * k);
  const hasRow = new Array<boolean>(k).fill(false);
  for (const [from, row] of Object.entries(chain.transition)) {
    const i = index.get(from);
    if (i === undefined)
      return modelError("invalidInput", `regimeChain row ${from} is not a regime of the scenario`);
    if (typeof row !== "object" || row === null)
      return modelError("invalidInput", `regimeChain row ${from} must be an object`);
    let sum = 0;
    for (const [to, p] of Object.entries(row)) {
      const j = index.get(to);
      if (j === undefined)
        return modelError(
          "invalidInput",
          `regimeChain ${from} → ${to}: ${to} is not a regime of the scenario`,
        );
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
        return modelError(
          "invalidInput",
          `regimeChain ${from} → ${to} must be between 0 and 1, got ${String(p)}`,
        );
      }
      matrix[i * k + j] = p;
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_TOLERANCE)
      return modelError("invalidInput", `regimeChain row ${from} must sum to 1, got ${sum}`);
    hasRow[i] = true;
  }
  const seen = new Set<number>([initial]);
  const queue = [initial];
  while (queue.length > 0) {
    const i = queue.pop() as number;
    if (!hasRow[i])
      return modelError("invalidInput", `regimeChain has no row for reachable regime ${states[i]}`);
    for (let j = 0; j < k; j++) {
      if ((matrix[i * k + j] as number) > 0 && !seen.has(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  const probability = new Float64Array(scenario.horizon * k * k);
  for (let t = 0; t < scenario.horizon; t++) probability.set(matrix, t * k * k);
  return probability;
}

function cumulativeRows(probability: Float64Array, k: number): Float64Array {
  const cumulative = new Float64Array(probability.length);
  for (let row = 0; row < probability.length; row += k) {
    let acc = 0;
    let lastPositive = -1;
    for (let j = 0; j < k; j++) {
      const p = probability[row + j] as number;
      acc += p;
      cumulative[row + j] = acc;
      if (p > 0) lastPositive = j;
    }
    // Rounding: the last state with positive probability absorbs u up to 1 (a row summing to 1 − 1e-12).
    for (let j = Math.max(lastPositive, 0); j < k; j++) cumulative[row + j] = Infinity;
  }
  return cumulative;
}

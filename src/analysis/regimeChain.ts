/**
 * Regime uncertainty as a Markov chain over the scenario's regime names (DESIGN.md §5): the base year's
 * regime is `regimePath[0]`; each later year's regime is drawn from the annual transition row of the previous
 * year's regime. Each trial draws its own path from its own counter-based uniforms.
 */
import { modelError, type ModelError } from "../model/errors";
import type { Scenario } from "../model/types";

/** Transition probabilities: from regime → (to regime → probability); rows sum to 1. */
export interface RegimeChain {
  readonly transition: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A validated chain in array form (state order = `Object.keys(scenario.regimes)`). */
export interface CompiledRegimeChain {
  readonly states: readonly string[];
  readonly initial: number;
  /** Row-major cumulative probabilities, states × states. */
  readonly cumulative: Float64Array;
  readonly access: Float64Array;
  readonly remittance: Float64Array;
  /** offshoreAccess per state (1 when the regime has none). */
  readonly offshoreAccess: Float64Array;
}

const ROW_TOLERANCE = 1e-9;

/**
 * Validates a chain against a scenario: every name is a regime of the scenario, probabilities are in 0..1,
 * every row sums to 1 (±1e-9), and every regime reachable from the initial one has a row.
 *
 * @example compileRegimeChain(s, { transition: { licensed: { licensed: 0.8, banned: 0.3 } } }) // row sums to 1.1 → invalidInput
 */
export function compileRegimeChain(scenario: Scenario, chain: RegimeChain): CompiledRegimeChain | ModelError {
  const states = Object.keys(scenario.regimes);
  const k = states.length;
  const index = new Map(states.map((s, i) => [s, i]));
  const initialName = scenario.regimePath[0] ?? "";
  const initial = index.get(initialName);
  if (initial === undefined)
    return modelError("invalidInput", `regimePath[0] ${initialName} is not a regime`);
  if (
    typeof chain !== "object" ||
    chain === null ||
    typeof chain.transition !== "object" ||
    chain.transition === null
  ) {
    return modelError("invalidInput", "regimeChain.transition must be an object of rows");
  }
  const probability = new Float64Array(k * k);
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
      probability[i * k + j] = p;
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
      if ((probability[i * k + j] as number) > 0 && !seen.has(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  const cumulative = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    let acc = 0;
    let lastPositive = -1;
    for (let j = 0; j < k; j++) {
      const p = probability[i * k + j] as number;
      acc += p;
      cumulative[i * k + j] = acc;
      if (p > 0) lastPositive = j;
    }
    // Rounding: the last state with positive probability absorbs u up to 1 (a row summing to 1 − 1e-12).
    for (let j = Math.max(lastPositive, 0); j < k; j++) cumulative[i * k + j] = Infinity;
  }
  return {
    states,
    initial,
    cumulative,
    access: Float64Array.from(states, (s) => scenario.regimes[s]?.access ?? NaN),
    remittance: Float64Array.from(states, (s) => scenario.regimes[s]?.remittance ?? NaN),
    offshoreAccess: Float64Array.from(states, (s) => {
      const regime = scenario.regimes[s];
      return regime === undefined ? NaN : (regime.offshoreAccess ?? 1);
    }),
  };
}

/**
 * Next state given the current one and a uniform u in (0, 1): the first j with cumulative row ≥ u.
 *
 * @example nextRegime(chain, 0, 0.5) // index of the state whose cumulative band holds 0.5
 */
export function nextRegime(chain: CompiledRegimeChain, current: number, u: number): number {
  const k = chain.states.length;
  const row = current * k;
  for (let j = 0; j < k; j++) if (u <= (chain.cumulative[row + j] as number)) return j;
  return k - 1;
}

/**
 * The global, counter-based sampling plan: for trial i and stochastic variable j, a uniform in (0, 1) that
 * depends only on (seed, trials, sampling method, correlation target) — never on chunking or worker count.
 *
 * - Plain Monte Carlo: u = word (j mod 4) of Philox(seed; trial i, stream SAMPLE, ⌊j / 4⌋, 0) for variable
 *   id j, so variable ids 4m..4m+3 of a trial share one block (see philox.ts).
 * - Latin hypercube (default): trial i of variable j falls in stratum π_j(i) of the N strata [k/N, (k+1)/N),
 *   where π_j is a keyed bijection of [0, N) computed per trial (a 4-round Feistel network cycle-walked onto
 *   [0, N), see permutation.ts) with round keys = the four words of Philox(seed; counter (j, LHS_PERM << 16,
 *   0, 0)); u = (π_j(i) + jitter)/N with the jitter drawn as in plain MC. π_j is a bijection, so each stratum
 *   is hit exactly once per variable; and it needs no table, so the first chunk of a run starts at once.
 * - With a correlation target, the correlated variables' uniforms are drawn as above for all N trials, then
 *   re-ordered by Iman–Conover ranks (stream IC_PERM shuffles the scores).
 */
import { modelError, type ModelError } from "../model/errors";
import { imanConoverRanks } from "./imanConover";
import { createIndexPermutation, permuteIndex, type IndexPermutation } from "./permutation";
import { counterWord1, CounterRng, philox4x32Into, seedKey, uniformOpen } from "./philox";
import { createPhiloxBlock } from "./philoxWasm";

export type SamplingMethod = "lhs" | "mc";

/** Philox stream numbers (counter word 1, high 16 bits): one per use, so uses never share counters. */
export const STREAM = { sample: 1, lhsPermutation: 2, imanConover: 3, regime: 4 } as const;

export interface SamplingPlan {
  readonly trials: number;
  readonly method: SamplingMethod;
  /** Uniform for (trial, slot) where slot indexes the plan's variables. */
  uniform(trial: number, slot: number): number;
  /**
   * Writes `uniform(trial, slot)` for every slot into `out[slot]` (the hot loop's form: no closures per slot),
   * and `stratum(trial, slot)` into `strata[slot]` when given (computed on the way, at no extra cost).
   */
  fill(trial: number, out: Float64Array, strata?: Int32Array): void;
  /**
   * The Latin hypercube stratum π(trial) of an uncorrelated slot (u lies in [π/N, (π+1)/N)), or −1 when the
   * slot is plain Monte Carlo or re-ordered by Iman–Conover.
   */
  stratum(trial: number, slot: number): number;
}

/**
 * Builds the plan. `variableIds` are the counter words of each slot (stable ids, e.g. the input's index in
 * §4.1 order, so adding an input does not change the others' streams). `correlated` lists slots with the
 * target Spearman matrix (validated by the caller).
 */
export function createSamplingPlan(
  seed: number,
  trials: number,
  method: SamplingMethod,
  variableIds: readonly number[],
  correlation?: { readonly slots: readonly number[]; readonly matrix: readonly (readonly number[])[] },
): SamplingPlan | ModelError {
  const rng = new CounterRng(seed);
  const [key0, key1] = seedKey(seed);
  const slots = variableIds.length;
  const ids = Uint32Array.from(variableIds);
  const permutations: readonly (IndexPermutation | null)[] = variableIds.map((id) =>
    method === "lhs" ? lhsPermutation(seed, trials, id) : null,
  );
  const philox = createPhiloxBlock();
  const words = philox.words;
  // u = word (id mod 4) of Philox(seed; trial, SAMPLE, ⌊id / 4⌋, 0), or the LHS stratum plus that jitter.
  const base = (trial: number, slot: number): number => {
    const id = ids[slot] as number;
    philox.next(trial >>> 0, counterWord1(trial, STREAM.sample), id >>> 2, 0, key0, key1);
    const jitter = uniformOpen(words[id & 3] as number);
    const perm = permutations[slot];
    return perm ? (permuteIndex(perm, trial) + jitter) / trials : jitter;
  };
  const fixed: (Float64Array | null)[] = variableIds.map(() => null);
  if (correlation && correlation.slots.length > 1) {
    if (trials < correlation.slots.length + 2) {
      return modelError(
        "invalidInput",
        `correlated sampling needs at least ${correlation.slots.length + 2} trials, got ${trials}`,
      );
    }
    const ranks = imanConoverRanks(correlation.matrix, trials, (v, i) =>
      rng.uniform(i, STREAM.imanConover, variableIds[correlation.slots[v] as number] as number),
    );
    if (ranks === null) return modelError("numeric", "Iman–Conover score correlation is singular");
    correlation.slots.forEach((slot, v) => {
      const sorted = new Float64Array(trials);
      for (let i = 0; i < trials; i++) sorted[i] = base(i, slot);
      sorted.sort();
      const r = ranks[v] as Uint32Array;
      const values = new Float64Array(trials);
      for (let i = 0; i < trials; i++) values[i] = sorted[r[i] as number] as number;
      fixed[slot] = values;
    });
  }
  const anyFixed = fixed.some((f) => f !== null);
  return {
    trials,
    method,
    uniform: (trial, slot) => {
      const f = fixed[slot];
      return f ? (f[trial] as number) : base(trial, slot);
    },
    fill: (trial, out, strata) => {
      const c0 = trial >>> 0;
      const c1 = counterWord1(trial, STREAM.sample);
      // Slots come in id order, so ids sharing a block are adjacent: one block per group of four ids.
      let block = -1;
      for (let slot = 0; slot < slots; slot++) {
        const f = anyFixed ? fixed[slot] : null;
        if (f) {
          out[slot] = f[trial] as number;
          if (strata !== undefined) strata[slot] = -1;
          continue;
        }
        const id = ids[slot] as number;
        if (id >>> 2 !== block) {
          block = id >>> 2;
          philox.next(c0, c1, block, 0, key0, key1);
        }
        const jitter = uniformOpen(words[id & 3] as number);
        const perm = permutations[slot];
        if (perm) {
          const stratum = permuteIndex(perm, trial);
          out[slot] = (stratum + jitter) / trials;
          if (strata !== undefined) strata[slot] = stratum;
        } else {
          out[slot] = jitter;
          if (strata !== undefined) strata[slot] = -1;
        }
      }
    },
    stratum: (trial, slot) => {
      const perm = permutations[slot];
      return perm && !fixed[slot] ? permuteIndex(perm, trial) : -1;
    },
  };
}

/**
 * The Latin hypercube permutation of variable id `variableId` over [0, n): round keys are the four words of
 * Philox(seed; counter (variableId, LHS_PERM << 16, 0, 0)).
 *
 * @example permuteIndex(lhsPermutation(42, 1000, 3), 0) // the stratum of trial 0, in 0..999
 */
export function lhsPermutation(seed: number, n: number, variableId: number): IndexPermutation {
  const [key0, key1] = seedKey(seed);
  const keys = new Uint32Array(4);
  philox4x32Into(variableId >>> 0, counterWord1(0, STREAM.lhsPermutation), 0, 0, key0, key1, keys);
  return createIndexPermutation(n, keys);
}

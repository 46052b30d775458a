/**
 * The global, counter-based sampling plan: for trial i and stochastic variable j, a uniform in (0, 1) that
 * depends only on (seed, trials, sampling method, correlation target) — never on chunking or worker count.
 *
 * - Plain Monte Carlo: u = word (j mod 4) of Philox(seed; trial i, stream SAMPLE, ⌊j / 4⌋, 0) for variable
 *   id j, so variable ids 4m..4m+3 of a trial share one block (see philox.ts).
 * - Latin hypercube (default): each variable's N strata are assigned to trials by a seeded Fisher–Yates
 *   permutation (stream LHS_PERM, step i drawing word (j mod 4) of block (i, LHS_PERM, ⌊j / 4⌋, 0)), and
 *   u = (stratum + jitter)/N with the jitter drawn as in plain MC. Each stratum [k/N, (k+1)/N) is hit
 *   exactly once per variable.
 * - With a correlation target, the correlated variables' uniforms are drawn as above for all N trials, then
 *   re-ordered by Iman–Conover ranks (stream IC_PERM shuffles the scores).
 *
 * Fisher–Yates draws r = ⌊u·(i+1)⌋ from 32-bit uniforms; the modulo bias is below N/2³² (2.3e-4 at 10⁶).
 */
import { modelError, type ModelError } from "../model/errors";
import { imanConoverRanks } from "./imanConover";
import { counterWord1, CounterRng, philox4x32Into, seedKey, uniformOpen } from "./philox";

export type SamplingMethod = "lhs" | "mc";

/** Philox stream numbers (counter word 1, high 16 bits): one per use, so uses never share counters. */
export const STREAM = { sample: 1, lhsPermutation: 2, imanConover: 3, regime: 4 } as const;

export interface SamplingPlan {
  readonly trials: number;
  readonly method: SamplingMethod;
  /** Uniform for (trial, slot) where slot indexes the plan's variables. */
  uniform(trial: number, slot: number): number;
  /** Writes `uniform(trial, slot)` for every slot into `out[slot]` (the hot loop's form: no closures per slot). */
  fill(trial: number, out: Float64Array): void;
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
  const permutations: readonly (Uint32Array | null)[] =
    method === "lhs" ? lhsPermutations(rng, trials, variableIds) : variableIds.map(() => null);
  const words = new Uint32Array(4);
  // u = word (id mod 4) of Philox(seed; trial, SAMPLE, ⌊id / 4⌋, 0), or the LHS stratum plus that jitter.
  const base = (trial: number, slot: number): number => {
    const id = ids[slot] as number;
    philox4x32Into(trial >>> 0, counterWord1(trial, STREAM.sample), id >>> 2, 0, key0, key1, words);
    const jitter = uniformOpen(words[id & 3] as number);
    const perm = permutations[slot];
    return perm ? ((perm[trial] as number) + jitter) / trials : jitter;
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
    fill: (trial, out) => {
      const c0 = trial >>> 0;
      const c1 = counterWord1(trial, STREAM.sample);
      // Slots come in id order, so ids sharing a block are adjacent: one block per group of four ids.
      let block = -1;
      for (let slot = 0; slot < slots; slot++) {
        const f = anyFixed ? fixed[slot] : null;
        if (f) {
          out[slot] = f[trial] as number;
          continue;
        }
        const id = ids[slot] as number;
        if (id >>> 2 !== block) {
          block = id >>> 2;
          philox4x32Into(c0, c1, block, 0, key0, key1, words);
        }
        const jitter = uniformOpen(words[id & 3] as number);
        const perm = permutations[slot];
        out[slot] = perm ? ((perm[trial] as number) + jitter) / trials : jitter;
      }
    },
  };
}

/**
 * A seeded permutation of 0..n−1 (Fisher–Yates driven by Philox, stream LHS_PERM): step i swaps with
 * r = ⌊u·(i+1)⌋, u = `rng.uniform(i, STREAM.lhsPermutation, variableId)`.
 */
export function lhsPermutation(rng: CounterRng, n: number, variableId: number): Uint32Array {
  return lhsPermutations(rng, n, [variableId])[0] as Uint32Array;
}

/**
 * `lhsPermutation` for several variables at once (same permutations): the Fisher–Yates passes run side by
 * side, so the variable ids that share a Philox block (⌊id / 4⌋) draw step i from one block evaluation.
 */
export function lhsPermutations(rng: CounterRng, n: number, variableIds: readonly number[]): Uint32Array[] {
  const perms = variableIds.map(() => {
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    return perm;
  });
  const ids = Uint32Array.from(variableIds);
  const [key0, key1] = rng.key();
  const c1 = counterWord1(0, STREAM.lhsPermutation);
  const words = new Uint32Array(4);
  for (let i = n - 1; i > 0; i--) {
    let block = -1;
    for (let v = 0; v < ids.length; v++) {
      // Same numbers as rng.uniform(i, STREAM.lhsPermutation, id), without the generator's cache checks.
      const id = ids[v] as number;
      if (id >>> 2 !== block) {
        block = id >>> 2;
        philox4x32Into(i, c1, block, 0, key0, key1, words);
      }
      const u = uniformOpen(words[id & 3] as number);
      const r = Math.floor(u * (i + 1));
      const perm = perms[v] as Uint32Array;
      const t = perm[i] as number;
      perm[i] = perm[r] as number;
      perm[r] = t;
    }
  }
  return perms;
}

/**
 * A keyed bijection of [0, n) computed one index at a time (no table): what lets Latin hypercube sampling give
 * trial i its stratum without building N-element permutations first, so a run starts at once, any chunk or
 * worker computes its own trials, and the result does not depend on how trials are split.
 *
 * Construction (format-preserving encryption by cycle-walking a Feistel network; Black & Rogaway, "Ciphers
 * with arbitrary finite domains", CT-RSA 2002):
 *
 * - b = the number of bits of n − 1, at least 2 (so 2^b < 2n for n > 2, and 2^b = 4 for n ≤ 4). A value x in [0, 2^b) is split into a high
 *   part of h bits and a low part of l bits (initially h = ⌈b/2⌉, l = ⌊b/2⌋).
 * - One round maps (H, L) to (L, H xor (F_r(L) mod 2^h)) and swaps the widths (the new high part has l bits,
 *   the new low part h bits). Each round is invertible (L is kept, so H is recovered by the same xor), hence
 *   any number of rounds is a bijection of [0, 2^b). ChipShift uses 4 rounds (Luby–Rackoff: four rounds of a
 *   pseudorandom round function give a strong pseudorandom permutation).
 * - Round function F_r(L) = mix32(L xor k_r), with mix32 Wellons' "lowbias32" integer hash
 *   (x ^= x>>>16; x *= 0x7feb352d; x ^= x>>>15; x *= 0x846ca68b; x ^= x>>>16, all mod 2^32), and round keys
 *   k_0..k_3 = the four words of one Philox block (see `lhsRoundKeys`).
 * - Cycle-walking: apply the network to i; while the result is ≥ n, apply it again to the result. Because the
 *   network is a bijection of [0, 2^b) and [0, n) ⊂ [0, 2^b), the walk from a value in [0, n) returns to
 *   [0, n) and the restriction is a bijection of [0, n). Expected walks per index are 2^b / n (below 2 for n > 2).
 */

/** Feistel rounds of `permuteIndex`. */
export const FEISTEL_ROUNDS = 4;

/** A keyed permutation of [0, n): `n`, its bit width and the round keys. */
export interface IndexPermutation {
  readonly n: number;
  readonly bits: number;
  /** FEISTEL_ROUNDS unsigned 32-bit round keys. */
  readonly keys: Uint32Array;
}

/** Hard cap on n (the permutation's arithmetic is on 32-bit words). */
const MAX_N = 2 ** 31;

/**
 * The permutation of [0, n) with the given round keys.
 *
 * @param n domain size, an integer 1 ≤ n ≤ 2^31
 * @param keys FEISTEL_ROUNDS unsigned 32-bit words
 * @example permuteIndex(createIndexPermutation(10, Uint32Array.of(1, 2, 3, 4)), 0) // some index in 0..9
 */
export function createIndexPermutation(n: number, keys: ArrayLike<number>): IndexPermutation {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N))
    throw new Error(`permutation size must be an integer between 1 and 2^31, got ${n}`);
  if (keys.length !== FEISTEL_ROUNDS) throw new Error(`a permutation needs ${FEISTEL_ROUNDS} round keys`);
  // At least 2 bits so that both halves are at least one bit wide.
  let bits = 2;
  while (2 ** bits < n) bits++;
  return { n, bits, keys: Uint32Array.from(keys) };
}

/** The image of index i (0 ≤ i < n) under the permutation: one Feistel pass per cycle-walk step. */
export function permuteIndex(p: IndexPermutation, i: number): number {
  const { n, bits, keys } = p;
  // The rounds alternate the split: (high, low) = (a, b), (b, a), (a, b), (b, a) with a = ⌈bits/2⌉.
  const a = (bits + 1) >>> 1;
  const b = bits - a;
  const maskA = 0xffffffff >>> (32 - a);
  const maskB = 0xffffffff >>> (32 - b);
  const k0 = keys[0] as number;
  const k1 = keys[1] as number;
  const k2 = keys[2] as number;
  const k3 = keys[3] as number;
  let x = i;
  do {
    // FEISTEL_ROUNDS = 4 rounds, unrolled: (H, L) → (L, H xor F(L)), L becoming the high part.
    x = ((x & maskB) << a) | (((x >>> b) ^ mix32((x & maskB) ^ k0)) & maskA);
    x = ((x & maskA) << b) | (((x >>> a) ^ mix32((x & maskA) ^ k1)) & maskB);
    x = ((x & maskB) << a) | (((x >>> b) ^ mix32((x & maskB) ^ k2)) & maskA);
    x = (((x & maskA) << b) | (((x >>> a) ^ mix32((x & maskA) ^ k3)) & maskB)) >>> 0;
  } while (x >= n);
  return x;
}

/** Wellons' lowbias32 integer hash (a bijection of 32-bit words with good avalanche). */
export function mix32(v: number): number {
  let x = v >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

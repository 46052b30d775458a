/**
 * Philox4x32-10 counter-based random numbers (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy
 * as 1, 2, 3", SC'11; the Random123 library). A block of four 32-bit outputs is a pure function of a 128-bit
 * counter and a 64-bit key, so a trial's random numbers do not depend on how trials are chunked or split
 * between workers.
 *
 * ChipShift's convention: key = the 64-bit seed (lo, hi words); the uniform for (trial, stream, variable v,
 * draw d) is word (v mod 4) of the block with counter = (trial lo, trial hi | stream, ⌊v / 4⌋, d). One block
 * thus serves four consecutive variable ids (or four consecutive regime years, which use the year index as
 * v), so a trial of 8 inputs and a 10-year chain costs a handful of blocks instead of one per number. Every
 * value is still a pure function of (seed, trial, stream, variable, draw). `trial` is below 2^32 in practice;
 * the second word carries a stream number in its high bits so that different uses (sampling, LHS
 * permutations, Iman–Conover scores, regime chain) never share counters.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;
const TWO_POW_32 = 4294967296;
/** `philox4x32`'s working block. */
const SCRATCH = new Uint32Array(4);

/** Four 32-bit unsigned words. */
export type Philox4 = [number, number, number, number];

/**
 * One Philox4x32-10 block: ten rounds over `counter` with `key`, as in Random123's `philox4x32`.
 *
 * @param counter four unsigned 32-bit words (c0, c1, c2, c3)
 * @param key two unsigned 32-bit words (k0, k1)
 * @param out optional output array (reused to avoid allocation)
 * @returns the four output words, unsigned 32-bit
 * @example philox4x32([0, 0, 0, 0], [0, 0]) // [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
 */
export function philox4x32(
  counter: readonly [number, number, number, number],
  key: readonly [number, number],
  out: Philox4 = [0, 0, 0, 0],
): Philox4 {
  // Through a Uint32Array so that philox4x32Into only ever sees one array type (monomorphic stores).
  philox4x32Into(counter[0], counter[1], counter[2], counter[3], key[0], key[1], SCRATCH);
  out[0] = SCRATCH[0] as number;
  out[1] = SCRATCH[1] as number;
  out[2] = SCRATCH[2] as number;
  out[3] = SCRATCH[3] as number;
  return out;
}

/**
 * `philox4x32` with the counter and key as separate words (no array reads): the form hot loops call.
 *
 * @param out receives the four output words (unsigned 32-bit)
 * @example philox4x32Into(0, 0, 0, 0, 0, 0, out); out[0] // 0x6627e8d5
 */
export function philox4x32Into(
  counter0: number,
  counter1: number,
  counter2: number,
  counter3: number,
  key0: number,
  key1: number,
  out: Uint32Array,
): void {
  // The state is kept as signed int32 (the same bits) so every step stays in integer registers.
  let c0 = counter0 | 0;
  let c1 = counter1 | 0;
  let c2 = counter2 | 0;
  let c3 = counter3 | 0;
  let k0 = key0 | 0;
  let k1 = key1 | 0;
  for (let round = 0; round < 10; round++) {
    const hi0 = mulHi32(M0_LO, M0_HI, c0);
    const lo0 = Math.imul(M0, c0);
    const hi1 = mulHi32(M1_LO, M1_HI, c2);
    const lo1 = Math.imul(M1, c2);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
    k0 = (k0 + W0) | 0;
    k1 = (k1 + W1) | 0;
  }
  out[0] = c0 >>> 0;
  out[1] = c1 >>> 0;
  out[2] = c2 >>> 0;
  out[3] = c3 >>> 0;
}

/**
 * The first output word of `philox4x32`, without an output array (for callers that need one word only).
 *
 * @example philox4x32First(0, 0, 0, 0, 0, 0) // 0x6627e8d5
 */
export function philox4x32First(
  counter0: number,
  counter1: number,
  counter2: number,
  counter3: number,
  key0: number,
  key1: number,
): number {
  philox4x32Into(counter0, counter1, counter2, counter3, key0, key1, SCRATCH);
  return SCRATCH[0] as number;
}

/** Counter word 1 of ChipShift's convention: the stream in the high 16 bits, trial bits 32..47 below. */
export function counterWord1(trial: number, stream: number): number {
  return ((stream << 16) | (Math.floor(trial / TWO_POW_32) & 0xffff)) >>> 0;
}

/**
 * Maps 32 random bits to the OPEN interval (0, 1): (u + 0.5) / 2^32. Never returns 0 or 1, so inverse CDFs
 * of unbounded distributions (normal, lognormal) stay finite.
 *
 * @example uniformOpen(0) // 1.1641532182693481e-10
 */
export function uniformOpen(bits: number): number {
  return ((bits >>> 0) + 0.5) / TWO_POW_32;
}

/** A seed split into Philox's two key words (the seed is an integer 0 ≤ seed < 2^53). */
export function seedKey(seed: number): [number, number] {
  const lo = (seed % TWO_POW_32) >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  return [lo, hi];
}

/**
 * A reusable generator of value = f(seed, trial, stream, variable, draw) in (0, 1): word (variable mod 4) of
 * the Philox block at counter (trial, stream, ⌊variable / 4⌋, draw). The last block is cached, so variables
 * 4m..4m+3 of the same (trial, stream, draw) cost one block when drawn in turn.
 */
export class CounterRng {
  private readonly k0: number;
  private readonly k1: number;
  private readonly words = new Uint32Array(4);
  private readonly counter: [number, number, number, number] = [0, 0, 0, 0];
  private cached = false;

  constructor(seed: number) {
    [this.k0, this.k1] = seedKey(seed);
  }

  /** The two Philox key words of this generator's seed (for hot loops that call `philox4x32Into`). */
  key(): [number, number] {
    return [this.k0, this.k1];
  }

  /**
   * Uniform (0, 1) for (trial, stream, variable, draw). `stream` < 2^16 and trial < 2^48 share counter word 1.
   */
  uniform(trial: number, stream: number, variable: number, draw = 0): number {
    const c0 = (trial % TWO_POW_32) >>> 0;
    const c1 = counterWord1(trial, stream);
    const c2 = variable >>> 2;
    const c3 = draw >>> 0;
    const c = this.counter;
    if (!this.cached || c[0] !== c0 || c[1] !== c1 || c[2] !== c2 || c[3] !== c3) {
      c[0] = c0;
      c[1] = c1;
      c[2] = c2;
      c[3] = c3;
      philox4x32Into(c0, c1, c2, c3, this.k0, this.k1, this.words);
      this.cached = true;
    }
    return uniformOpen(this.words[variable & 3] ?? 0);
  }
}

/**
 * High 32 bits (as a signed int32 with the same bits) of the 64-bit product of the unsigned 32-bit words
 * a = aHi·2^16 + aLo and b. Schoolbook multiplication on 16-bit halves: every partial product is below 2^32
 * and every sum below 2^34, so each step is exact in doubles and integer ops.
 */
function mulHi32(aLo: number, aHi: number, b: number): number {
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const carry = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aHi * bHi + (lh >>> 16) + (hl >>> 16) + (carry >>> 16)) | 0;
}

/**
 * Philox4x32-10 counter-based random numbers (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy
 * as 1, 2, 3", SC'11; the Random123 library). A block of four 32-bit outputs is a pure function of a 128-bit
 * counter and a 64-bit key, so a trial's random numbers do not depend on how trials are chunked or split
 * between workers.
 *
 * ChipShift's convention: key = the 64-bit seed (lo, hi words); counter = (trial lo, trial hi | stream,
 * variable, block). `trial` is below 2^32 in practice; the second word carries a stream number in its high
 * bits so that different uses (sampling, LHS permutations, Iman–Conover scores, regime chain) never share
 * counters.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;

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
  philox4x32Into(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
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
  out: Philox4 | Uint32Array,
): void {
  let c0 = counter0 >>> 0;
  let c1 = counter1 >>> 0;
  let c2 = counter2 >>> 0;
  let c3 = counter3 >>> 0;
  let k0 = key0 >>> 0;
  let k1 = key1 >>> 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulHi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulHi32(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/**
 * The first output word of `philox4x32` (what a single draw per counter uses), without an output array.
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
  let c0 = counter0 >>> 0;
  let c1 = counter1 >>> 0;
  let c2 = counter2 >>> 0;
  let c3 = counter3 >>> 0;
  let k0 = key0 >>> 0;
  let k1 = key1 >>> 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulHi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulHi32(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  return c0;
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
 * A reusable generator of value = f(seed, trial, stream, variable, draw) in (0, 1). Each call evaluates one
 * Philox block (4 words) and caches it, so consecutive draws 0..3 of the same (trial, stream, variable)
 * cost one block.
 */
export class CounterRng {
  private readonly k0: number;
  private readonly k1: number;
  private readonly words: Philox4 = [0, 0, 0, 0];
  private readonly counter: [number, number, number, number] = [0, 0, 0, 0];
  private cached = false;

  constructor(seed: number) {
    [this.k0, this.k1] = seedKey(seed);
  }

  /** The two Philox key words of this generator's seed (for hot loops that call `philox4x32First`). */
  key(): [number, number] {
    return [this.k0, this.k1];
  }

  /**
   * Uniform (0, 1) for (trial, stream, variable, draw). `stream` < 2^16 and trial < 2^48 share counter word 1.
   */
  uniform(trial: number, stream: number, variable: number, draw = 0): number {
    const block = draw >>> 2;
    const c0 = (trial % TWO_POW_32) >>> 0;
    const c1 = counterWord1(trial, stream);
    const c = this.counter;
    if (!this.cached || c[0] !== c0 || c[1] !== c1 || c[2] !== variable || c[3] !== block) {
      c[0] = c0;
      c[1] = c1;
      c[2] = variable >>> 0;
      c[3] = block;
      philox4x32Into(c0, c1, c[2], block, this.k0, this.k1, this.words);
      this.cached = true;
    }
    return uniformOpen(this.words[draw & 3] ?? 0);
  }
}

/**
 * High 32 bits of the 64-bit product of two unsigned 32-bit words. The low word is exact (Math.imul); the
 * double product a·b is within 2^11 of the true product, so (a·b − low)/2^32 is within 2^-20 of the high word
 * and rounding recovers it exactly.
 */
function mulHi32(a: number, b: number): number {
  const low = Math.imul(a, b) >>> 0;
  return Math.round((a * b - low) * TWO_POW_MINUS_32) >>> 0;
}

/**
 * Philox4x32-10 as a WebAssembly function: the same bijection as `philox4x32Into` (philox.ts), three times
 * faster, because WebAssembly multiplies two 32-bit words into 64 bits in one instruction where JavaScript
 * needs four 16-bit partial products. A Monte Carlo trial draws about six Philox blocks (sampling and the
 * regime path), so this is about a seventh of a trial's time.
 *
 * The module is `philox.wat` (beside this file) assembled by wabt (a dev dependency; the test
 * philoxWasm.test.ts assembles it again and compares the bytes). It is embedded, not fetched: no network, no
 * file. Where WebAssembly is missing or refuses to compile, the JavaScript function is used: same numbers.
 */
import { philox4x32Into } from "./philox";

/** philox.wat assembled (wabt 1.0.39): exports `memory` and `philox(c0, c1, c2, c3, k0, k1)`. */
// prettier-ignore
export const PHILOX_WASM = Uint8Array.of(
  0, 97, 115, 109, 1, 0, 0, 0, 1, 10, 1, 96, 6, 127, 127, 127,
  127, 127, 127, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 7, 19, 2,
  6, 109, 101, 109, 111, 114, 121, 2, 0, 6, 112, 104, 105, 108, 111, 120,
  0, 0, 10, 139, 1, 1, 136, 1, 2, 2, 126, 1, 127, 65, 10, 33,
  8, 3, 64, 32, 0, 173, 66, 211, 190, 196, 146, 13, 126, 33, 6, 32,
  2, 173, 66, 215, 154, 250, 236, 12, 126, 33, 7, 32, 7, 66, 32, 136,
  167, 32, 1, 115, 32, 4, 115, 33, 0, 32, 7, 167, 33, 1, 32, 6,
  66, 32, 136, 167, 32, 3, 115, 32, 5, 115, 33, 2, 32, 6, 167, 33,
  3, 32, 4, 65, 185, 243, 221, 241, 121, 106, 33, 4, 32, 5, 65, 133,
  221, 158, 219, 123, 106, 33, 5, 32, 8, 65, 1, 107, 33, 8, 32, 8,
  13, 0, 11, 65, 0, 32, 0, 54, 2, 0, 65, 0, 32, 1, 54, 2,
  4, 65, 0, 32, 2, 54, 2, 8, 65, 0, 32, 3, 54, 2, 12, 11,
);

/**
 * One Philox block generator: `next(counter…, key…)` writes the four output words to `words` (a view that
 * stays valid; read it before the next call).
 */
export interface PhiloxBlock {
  readonly words: Uint32Array;
  next(this: void, c0: number, c1: number, c2: number, c3: number, k0: number, k1: number): void;
  /** "wasm" or "js": which implementation runs (the numbers are the same). */
  readonly kind: "wasm" | "js";
}

/** The parts of the WebAssembly API used here (looked up on globalThis: not every host has it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

let compiled: object | null | undefined;

/**
 * A Philox block generator: WebAssembly-backed when the host can compile the module (compiled once per
 * thread, one small instance per generator), else JavaScript.
 *
 * @param wasm false forces the JavaScript implementation (tests)
 * @example const p = createPhiloxBlock(); p.next(0, 0, 0, 0, 0, 0); p.words[0] // 0x6627e8d5 (Random123's answer)
 */
export function createPhiloxBlock(wasm = true): PhiloxBlock {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm && api !== undefined) {
    try {
      if (compiled === undefined) compiled = new api.Module(PHILOX_WASM);
      if (compiled !== null) {
        const { exports } = new api.Instance(compiled, {});
        const memory = exports.memory as { buffer: ArrayBuffer };
        const next = exports.philox as PhiloxBlock["next"];
        return { words: new Uint32Array(memory.buffer, 0, 4), next, kind: "wasm" };
      }
    } catch {
      // A host that forbids compiling WebAssembly (e.g. a content security policy): JavaScript below.
      compiled = null;
    }
  }
  const words = new Uint32Array(4);
  return {
    words,
    next: (c0, c1, c2, c3, k0, k1) => philox4x32Into(c0, c1, c2, c3, k0, k1, words),
    kind: "js",
  };
}

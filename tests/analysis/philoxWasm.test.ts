import { readFileSync } from "node:fs";
import path from "node:path";
import createWabt from "wabt";
import { describe, expect, it } from "vitest";
import { philox4x32Into } from "../../src/analysis/philox";
import { createPhiloxBlock, PHILOX_WASM } from "../../src/analysis/philoxWasm";

const hex = (w: Uint32Array): string => [...w].map((x) => x.toString(16).padStart(8, "0")).join(" ");
const f = 0xffffffff;

describe("createPhiloxBlock (Philox4x32-10 in WebAssembly)", () => {
  it("the embedded bytes are philox.wat as wabt assembles it", async () => {
    const wabt = await createWabt();
    const source = readFileSync(path.join(import.meta.dirname, "../../src/analysis/philox.wat"), "utf8");
    const module = wabt.parseWat("philox.wat", source);
    const { buffer } = module.toBinary({});
    module.destroy();
    expect([...buffer]).toEqual([...PHILOX_WASM]);
  });

  it("runs in WebAssembly here and gives Random123's known answers (kat_vectors, philox4x32 10 rounds)", () => {
    const p = createPhiloxBlock();
    expect(p.kind).toBe("wasm");
    p.next(0, 0, 0, 0, 0, 0);
    expect(hex(p.words)).toBe("6627e8d5 e169c58d bc57ac4c 9b00dbd8");
    p.next(f, f, f, f, f, f);
    expect(hex(p.words)).toBe("408f276d 41c83b0e a20bc7c6 6d5451fd");
    p.next(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0);
    expect(hex(p.words)).toBe("d16cfe09 94fdcceb 5001e420 24126ea1");
  });

  it("equals the JavaScript implementation on 200,000 counters and keys, both generators side by side", () => {
    const wasm = createPhiloxBlock();
    const other = createPhiloxBlock();
    const js = createPhiloxBlock(false);
    expect(js.kind).toBe("js");
    const reference = new Uint32Array(4);
    let s = 0x9e3779b9;
    const word = (): number => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      const c = [word(), word(), i % 7 === 0 ? 0 : word(), i % 11 === 0 ? f : word()] as const;
      const k = [word(), word()] as const;
      philox4x32Into(c[0], c[1], c[2], c[3], k[0], k[1], reference);
      wasm.next(c[0], c[1], c[2], c[3], k[0], k[1]);
      other.next(k[0], k[1], c[0], c[1], c[2], c[3]); // a second instance in between: its own memory
      js.next(c[0], c[1], c[2], c[3], k[0], k[1]);
      for (let j = 0; j < 4; j++)
        if (wasm.words[j] !== reference[j] || js.words[j] !== reference[j]) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("falls back to JavaScript where the host has no WebAssembly", () => {
    const api = globalThis.WebAssembly;
    try {
      Object.defineProperty(globalThis, "WebAssembly", {
        value: undefined,
        configurable: true,
        writable: true,
      });
      const p = createPhiloxBlock();
      expect(p.kind).toBe("js");
      p.next(0, 0, 0, 0, 0, 0);
      expect(hex(p.words)).toBe("6627e8d5 e169c58d bc57ac4c 9b00dbd8");
    } finally {
      Object.defineProperty(globalThis, "WebAssembly", { value: api, configurable: true, writable: true });
    }
    expect(createPhiloxBlock().kind).toBe("wasm");
  });
});

import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import type { Scenario } from "../../src/model/types";
import { compileRegimeChain, nextRegime, type CompiledRegimeChain } from "../../src/analysis/regimeChain";

/** The base preset with the four regimes of §4.4 (open, licensed, restricted, banned) on the path restricted,
 * licensed, licensed…: the chains below are hand-computed for exactly that. */
const scenario: Scenario = {
  ...PRESETS[0]!.scenario,
  regimes: Object.fromEntries(
    Object.entries(PRESETS[0]!.scenario.regimes).filter(([name]) => name !== "paper"),
  ),
  regimePath: ["restricted", "licensed", "licensed", "licensed", "licensed", "licensed"],
};
const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);

describe("compileRegimeChain: invalid arguments", () => {
  it("compileRegimeChain(row not summing to 1) is invalidInput", () => {
    const r = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 0.5, banned: 0.6 }, banned: { banned: 1 } },
    });
    expect(code(r)).toBe("invalidInput");
  });
  it("compileRegimeChain(unknown regime) is invalidInput", () => {
    expect(code(compileRegimeChain(scenario, { transition: { restricted: { embargo: 1 } } }))).toBe(
      "invalidInput",
    );
  });
  it("compileRegimeChain(reachable regime without a row) is invalidInput", () => {
    expect(code(compileRegimeChain(scenario, { transition: { restricted: { licensed: 1 } } }))).toBe(
      "invalidInput",
    );
  });
  it("compileRegimeChain(probability outside 0..1) is invalidInput", () => {
    const r = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 1.5, banned: -0.5 }, banned: { banned: 1 } },
    });
    expect(code(r)).toBe("invalidInput");
  });
});

describe("compileRegimeChain: reference behaviour", () => {
  it("compileRegimeChain accepts rows summing to 1 within 1e-9 and starts at regimePath[0]", () => {
    const chain = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 0.7, licensed: 0.3 + 1e-10 }, licensed: { licensed: 1 } },
    }) as CompiledRegimeChain;
    expect(chain.states[chain.initial]).toBe("restricted");
  });
  it("nextRegime(chain, state, u) picks the band of the cumulative row holding u", () => {
    const chain = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 0.7, licensed: 0.3 }, licensed: { licensed: 1 } },
    }) as CompiledRegimeChain;
    const r = chain.states.indexOf("restricted");
    // hand-computed: bands follow the scenario's regime order (open, licensed, restricted, banned):
    // open (empty), licensed (0, 0.3], restricted (0.3, 1)
    expect(chain.states).toEqual(["open", "licensed", "restricted", "banned"]);
    expect(chain.states[nextRegime(chain, 1, r, 0.29)]).toBe("licensed");
    expect(chain.states[nextRegime(chain, 1, r, 0.31)]).toBe("restricted");
    expect(chain.states[nextRegime(chain, 1, r, 1 - 1e-12)]).toBe("restricted");
  });
  it("an identity row keeps the regime fixed (a fixed path stays possible)", () => {
    const chain = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 1 } },
    }) as CompiledRegimeChain;
    const r = chain.initial;
    expect([0.01, 0.5, 0.999].map((u) => nextRegime(chain, 1, r, u))).toEqual([r, r, r]);
  });
});

describe("compileRegimeChain: the anchored chain (DESIGN §5.0)", () => {
  const anchored = (followPath: number, returnToPath: number): CompiledRegimeChain =>
    compileRegimeChain(scenario, { anchored: { followPath, returnToPath } }) as CompiledRegimeChain;
  /** P(from → to) in year t, read from the compiled matrices. */
  const p = (chain: CompiledRegimeChain, t: number, from: string, to: string): number => {
    const k = chain.states.length;
    return chain.probability[(t - 1) * k * k + chain.states.indexOf(from) * k + chain.states.indexOf(to)]!;
  };

  it("compileRegimeChain(anchored, followPath 1.2 or a missing returnToPath) is invalidInput", () => {
    expect(code(compileRegimeChain(scenario, { anchored: { followPath: 1.2, returnToPath: 0.3 } }))).toBe(
      "invalidInput",
    );
    const missing = { anchored: { followPath: 0.8 } } as unknown as Parameters<typeof compileRegimeChain>[1];
    expect(code(compileRegimeChain(scenario, missing))).toBe("invalidInput");
    expect(code(compileRegimeChain(scenario, { anchored: { followPath: NaN, returnToPath: 0.3 } }))).toBe(
      "invalidInput",
    );
  });

  it("year 1 (path restricted → licensed): on the path 0.8 to licensed, 0.2/3 to each other regime", () => {
    const chain = anchored(0.8, 0.3);
    expect(p(chain, 1, "restricted", "licensed")).toBe(0.8);
    // hand-computed: (1 − 0.8) / 3 = 0.0666…
    for (const to of ["open", "restricted", "banned"])
      expect(p(chain, 1, "restricted", to)).toBeCloseTo(0.2 / 3, 15);
  });

  it("year 1 off the path: back to licensed with 0.3, else stay; already in licensed → stays with 1", () => {
    const chain = anchored(0.8, 0.3);
    expect(p(chain, 1, "open", "licensed")).toBe(0.3);
    expect(p(chain, 1, "open", "open")).toBe(0.7);
    expect(p(chain, 1, "banned", "licensed")).toBe(0.3);
    expect(p(chain, 1, "banned", "banned")).toBe(0.7);
    expect(p(chain, 1, "banned", "open")).toBe(0);
    // licensed is off the path in year 0 (restricted) but is year 1's story regime: 0.3 + 0.7
    expect(p(chain, 1, "licensed", "licensed")).toBe(1);
  });

  it("year 2 (path licensed → licensed): licensed stays with 0.8; restricted returns with 0.3", () => {
    const chain = anchored(0.8, 0.3);
    expect(p(chain, 2, "licensed", "licensed")).toBe(0.8);
    expect(p(chain, 2, "licensed", "banned")).toBeCloseTo(0.2 / 3, 15);
    expect(p(chain, 2, "restricted", "licensed")).toBe(0.3);
    expect(p(chain, 2, "restricted", "restricted")).toBe(0.7);
  });

  it("every row of every year sums to 1 and the chain starts at regimePath[0]", () => {
    const chain = anchored(0.55, 0.15);
    const k = chain.states.length;
    expect(chain.states[chain.initial]).toBe("restricted");
    for (let row = 0; row < chain.probability.length; row += k) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += chain.probability[row + j]!;
      expect(sum).toBeCloseTo(1, 14);
    }
  });

  it("π = 1 follows the path for every u, even from off the path when β = 1", () => {
    const chain = anchored(1, 1);
    let state = chain.initial;
    for (let t = 1; t <= scenario.horizon; t++) {
      const next = [1e-12, 0.5, 1 - 1e-12].map((u) => nextRegime(chain, t, state, u));
      expect(next.map((s) => chain.states[s])).toEqual(Array(3).fill(scenario.regimePath[t]));
      state = next[0]!;
    }
    expect(nextRegime(chain, 1, chain.states.indexOf("open"), 0.99)).toBe(chain.states.indexOf("licensed"));
  });

  it("a single-regime scenario stays on its path (there is no other regime to move to)", () => {
    const one = {
      ...scenario,
      regimes: { only: { access: 1, remittance: 0 } },
      regimePath: Array(6).fill("only"),
    };
    const chain = compileRegimeChain(one, {
      anchored: { followPath: 0.2, returnToPath: 0 },
    }) as CompiledRegimeChain;
    expect([...chain.probability]).toEqual([1, 1, 1, 1, 1]);
  });
});

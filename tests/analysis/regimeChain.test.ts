import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { compileRegimeChain, nextRegime, type CompiledRegimeChain } from "../../src/analysis/regimeChain";

const scenario = PRESETS[0]!.scenario; // regimes open, licensed, restricted, banned; path starts "restricted"
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
    expect(chain.states[nextRegime(chain, r, 0.29)]).toBe("licensed");
    expect(chain.states[nextRegime(chain, r, 0.31)]).toBe("restricted");
    expect(chain.states[nextRegime(chain, r, 1 - 1e-12)]).toBe("restricted");
  });
  it("an identity row keeps the regime fixed (a fixed path stays possible)", () => {
    const chain = compileRegimeChain(scenario, {
      transition: { restricted: { restricted: 1 } },
    }) as CompiledRegimeChain;
    const r = chain.initial;
    expect([0.01, 0.5, 0.999].map((u) => nextRegime(chain, r, u))).toEqual([r, r, r]);
  });
});

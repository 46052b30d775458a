import { afterEach, describe, expect, it } from "vitest";
import {
  applyOverrides,
  findPreset,
  isModelError,
  nearestIds,
  parseDecimal,
  projectScenario,
  validateScenario,
  type Preset,
  type Scenario,
} from "../../src/model/index";
import { expectPrototypeUntouched, HOSTILE_NAMES } from "../hardening/prototype";

const licensed = (findPreset("licensed") as Preset).scenario;

afterEach(expectPrototypeUntouched);

describe("applyOverrides(s, pairs) treats inherited names as unknown ids", () => {
  it.each(HOSTILE_NAMES)("applyOverrides(s, [[regimes.%s.access, …]]) is notFound", (name) => {
    for (const id of [`regimes.${name}.access`, `vendors.${name}.weight`, `vendors.${name}.aspUsdK`, name]) {
      const result = applyOverrides(licensed, [[id, 0.5]]);
      expect(isModelError(result) && result.code).toBe("notFound");
    }
  });

  it("applyOverrides(s, [[marketPath.__proto__, 1]]) is notFound (marketPath keys are years)", () => {
    for (const name of HOSTILE_NAMES) {
      const result = applyOverrides(licensed, [[`marketPath.${name}`, 1]]);
      expect(isModelError(result) && result.code).toBe("notFound");
    }
  });

  it("applyOverrides(s, pairs) parses numeric text strictly (0x10, 1e, blank, Infinity are errors)", () => {
    for (const text of ["0x10", "1e", "", " ", "Infinity", "0b1", "1,5", "--1", "1e400"]) {
      const result = applyOverrides(licensed, [["marketGrowth", text]]);
      expect(isModelError(result) && result.code, text).toBe("invalidInput");
    }
    const ok = applyOverrides(licensed, [["marketGrowth", " 2.5e-1 "]]);
    expect(isModelError(ok) ? ok.message : ok.marketGrowth).toBe(0.25);
  });

  it("applyOverrides(s, [[id of 32,767 characters, …]]) answers at once and echoes at most ~60 characters", () => {
    const long = "x".repeat(32_767);
    const result = applyOverrides(licensed, [[long, 1]]);
    expect(isModelError(result) && result.code).toBe("notFound");
    expect(isModelError(result) && result.message.length).toBeLessThan(200);
    const tooLong = applyOverrides(licensed, [["y".repeat(32_768), 1]]);
    expect(isModelError(tooLong) && tooLong.code).toBe("invalidInput");
  });
});

describe("validateScenario(s) with hostile regime and vendor names", () => {
  it("validateScenario(JSON with a __proto__ regime) is invalidInput, prototype untouched", () => {
    const text = JSON.stringify(licensed).replace(
      '"regimes":{',
      '"regimes":{"__proto__":{"access":1,"remittance":0},',
    );
    const parsed = JSON.parse(text) as Scenario;
    const result = validateScenario(parsed);
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });

  it("validateScenario(s) keeps a regime named constructor as data and projects it", () => {
    const s: Scenario = {
      ...licensed,
      regimes: { ...licensed.regimes, constructor: { access: 0.5, remittance: 0 } },
      regimePath: licensed.regimePath.map(() => "constructor"),
    };
    const valid = validateScenario(s);
    expect(isModelError(valid)).toBe(false);
    const p = projectScenario(s);
    // every year's access is the constructor regime's 0.5
    expect(isModelError(p) ? p.message : p.series.access).toEqual(licensed.regimePath.map(() => 0.5));
  });

  it("validateScenario(s) rejects a regimePath naming an inherited member", () => {
    for (const name of HOSTILE_NAMES) {
      const s = { ...licensed, regimePath: licensed.regimePath.map(() => name) };
      const result = validateScenario(s);
      expect(isModelError(result) && result.code, name).toBe("invalidInput");
    }
  });
});

describe("nearestIds(query, candidates) bounds its work", () => {
  it("nearestIds(32,767 characters, ids) still finds the id its prefix spells", () => {
    expect(nearestIds(`marketGrowth${"z".repeat(32_755)}`, ["marketBase", "marketGrowth"], 1)).toEqual([
      "marketGrowth",
    ]);
  });
});

describe("parseDecimal(text)", () => {
  it("parseDecimal(text) accepts decimals and exponents only", () => {
    // hand-checked: each text spells the number written beside it
    expect(parseDecimal("1")).toBe(1);
    expect(parseDecimal("-0.5")).toBe(-0.5);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("5.")).toBe(5);
    expect(parseDecimal("1E3")).toBe(1000);
    for (const bad of ["0x10", "1e", "", "e5", ".", "NaN", "Infinity", "1_000", "0o7", "+", "1e+"]) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });
});

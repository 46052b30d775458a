import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { scenarioIssues, validateScenario } from "../../src/model/validate";
import { deepFreeze, smallScenario } from "./fixtures";

function pathsOf(input: unknown): string[] {
  return scenarioIssues(input).map((i) => i.path);
}

describe("scenarioIssues(input)", () => {
  it("scenarioIssues(input) rejects a non-object", () => {
    expect(pathsOf(42)).toEqual([""]);
  });

  it("scenarioIssues(input) names the field, the bound and the value", () => {
    expect(scenarioIssues({ ...smallScenario(), domesticShareCap: 1.4 })).toEqual([
      { path: "domesticShareCap", message: "domesticShareCap must be between 0 and 1, got 1.4" },
    ]);
  });

  it("scenarioIssues(input) checks every scalar bound of §4.1", () => {
    const bad: Array<[string, unknown]> = [
      ["baseYear", 2014],
      ["baseYear", 2025.5],
      ["horizon", 0],
      ["horizon", 31],
      ["marketBase", 0],
      ["marketGrowth", -1],
      ["marketGrowthFade", 1.01],
      ["domesticShareBase", 0],
      ["domesticShareCap", 0],
      ["adoptionSpeed", -0.1],
      ["domesticSupplyBase", -1],
      ["domesticSupplyGrowth", -1],
      ["nvidiaForeignShare", 1.1],
      ["substitutionRate", -0.1],
      ["otherBase", -0.1],
      ["otherGrowth", -1],
      ["discountRate", -1],
      ["retirementRate", 2],
      ["marketBase", Number.NaN],
      ["marketBase", "50"],
    ];
    for (const [id, value] of bad) {
      const s = { ...smallScenario(), [id]: value };
      // horizon changes also break regimePath's length; only assert the scalar is reported
      expect(pathsOf(s), `${id} = ${String(value)}`).toContain(id);
    }
  });

  it("scenarioIssues(input) accepts the bounds' edges", () => {
    const s = {
      ...smallScenario(),
      marketGrowthFade: 1,
      adoptionSpeed: 0,
      domesticSupplyBase: 0,
      retirementRate: 0,
    };
    expect(scenarioIssues(s)).toEqual([]);
  });

  it("scenarioIssues(input) reports a missing input and an unknown key", () => {
    const { marketBase: _drop, ...rest } = smallScenario();
    expect(scenarioIssues({ ...rest, marketBse: 50 })).toEqual([
      { path: "marketBse", message: "marketBse is not a scenario input id" },
      { path: "marketBase", message: "marketBase is missing" },
    ]);
  });

  it("scenarioIssues(input) accepts domesticShareBase above domesticShareCap (declining adoption, §4.5)", () => {
    expect(pathsOf({ ...smallScenario(), domesticShareBase: 0.7 })).toEqual([]);
    expect(pathsOf({ ...smallScenario(), domesticShareBase: 1.01 })).toEqual(["domesticShareBase"]);
  });

  it("scenarioIssues(input) checks regimes by dotted path", () => {
    const s = smallScenario();
    expect(pathsOf({ ...s, regimes: { ...s.regimes, lic: { access: 1.5, remittance: -0.1 } } })).toEqual([
      "regimes.lic.access",
      "regimes.lic.remittance",
    ]);
    expect(pathsOf({ ...s, regimes: {}, regimePath: [] })).toContain("regimes");
  });

  it("scenarioIssues(input) checks regimePath length and names", () => {
    const s = smallScenario();
    expect(pathsOf({ ...s, regimePath: ["open", "lic"] })).toEqual(["regimePath"]);
    expect(pathsOf({ ...s, regimePath: ["open", "lic", "nope"] })).toEqual(["regimePath[2]"]);
    expect(pathsOf({ ...s, regimePath: "open" })).toEqual(["regimePath"]);
  });

  it("scenarioIssues(input) checks marketPath years and values", () => {
    const s = smallScenario();
    expect(pathsOf({ ...s, marketPath: { "2031": -5 } })).toEqual(["marketPath.2031"]);
    expect(pathsOf({ ...s, marketPath: { "2030": 50 } })).toEqual(["marketPath.2030"]);
    expect(pathsOf({ ...s, marketPath: { soon: 50 } })).toEqual(["marketPath.soon"]);
  });

  it("scenarioIssues(input) checks vendors and that weights sum to 1", () => {
    const s = smallScenario();
    expect(pathsOf({ ...s, vendors: { x: { weight: 0.9, aspUsdK: 10, bf16Tflops: 312 } } })).toEqual([
      "vendors",
    ]);
    expect(
      pathsOf({
        ...s,
        vendors: {
          x: { weight: 0.5, aspUsdK: 0, bf16Tflops: 312 },
          y: { weight: 0.5, aspUsdK: 5, bf16Tflops: -1 },
        },
      }),
    ).toEqual(["vendors.x.aspUsdK", "vendors.y.bf16Tflops"]);
    expect(pathsOf({ ...s, vendors: {} })).toEqual(["vendors"]);
  });

  it("scenarioIssues(input) tolerates weights summing to 1 within 1e-9", () => {
    const s = smallScenario();
    const vendors = {
      a: { weight: 0.1, aspUsdK: 1, bf16Tflops: 1 },
      b: { weight: 0.2, aspUsdK: 1, bf16Tflops: 1 },
      c: { weight: 0.7, aspUsdK: 1, bf16Tflops: 1 },
    };
    expect(scenarioIssues({ ...s, vendors })).toEqual([]);
  });
});

describe("validateScenario(input)", () => {
  it("validateScenario(input) returns a plain copy of a valid, frozen scenario", () => {
    const s = deepFreeze(smallScenario());
    const result = validateScenario(s);
    expect(result).toEqual(s);
    expect(result).not.toBe(s);
  });

  it("validateScenario(input) returns invalidInput with the first issues", () => {
    const result = validateScenario({ ...smallScenario(), horizon: 0, marketBase: -1 });
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });
});

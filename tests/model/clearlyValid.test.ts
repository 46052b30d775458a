import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isClearlyValidScenario } from "../../src/model/clearlyValid";
import { PRESETS } from "../../src/model/presets";
import type { Scenario } from "../../src/model/types";
import { fullScenarioIssues, scenarioIssues } from "../../src/model/validate";
import { smallScenario } from "./fixtures";

/** A v1 scenario (no v2 keys) and a v2 one with every optional key and a market path. */
const licensed = PRESETS[0]!.scenario;
const { offshoreBase: _q0, offshoreGrowth: _q, reported: _r, ...licensedV1 } = licensed;
const VALID: readonly Scenario[] = [
  ...PRESETS.map((p) => p.scenario),
  smallScenario(),
  licensedV1,
  { ...licensed, marketPath: { [String(licensed.baseYear + 2)]: 80 } },
];

/** Values that break some bound, type or shape somewhere (and a few valid ones, so both answers occur). */
const VALUES: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Infinity,
  -Infinity,
  "1",
  true,
  [],
  {},
  -1,
  0,
  5e-324,
  0.5,
  1,
  1.5,
  2,
  31,
  2030,
  1e308,
  "",
  "Q1 FY2027",
  "licensed",
  "toString",
  "__proto__",
  "a.b",
  "x".repeat(65),
  [{ period: "Q1 FY2027", value: 1 }],
];

/** Paths to set (`null` value = delete), as key lists into the scenario. */
function pathsOf(s: Scenario): string[][] {
  const paths: string[][] = Object.keys(s).map((k) => [k]);
  for (const table of ["regimes", "vendors", "marketPath"] as const) {
    const record = s[table] as Record<string, unknown> | undefined;
    for (const name of Object.keys(record ?? {})) {
      paths.push([table, name]);
      const entry = record![name];
      if (typeof entry === "object" && entry !== null)
        for (const field of Object.keys(entry)) paths.push([table, name, field]);
    }
  }
  s.regimePath.forEach((_, t) => paths.push(["regimePath", String(t)]));
  (s.reported ?? []).forEach((q, i) => {
    paths.push(["reported", String(i)]);
    for (const field of Object.keys(q)) paths.push(["reported", String(i), field]);
  });
  for (const extra of ["regimes", "vendors", "marketPath", "offshoreBase", "reported"]) paths.push([extra]);
  paths.push(["regimes", "added"], ["regimes", "licensed", "extra"], ["vendors", "added"], ["unknownKey"]);
  return paths;
}

/** A deep copy of `s` with `path` set to `value`, or the key deleted, or defined non-enumerable. */
function mutated(s: Scenario, path: readonly string[], value: unknown, how: Mutation): unknown {
  const copy = structuredClone(s) as unknown as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== "object" || next === null) return copy;
    target = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (how === "delete") delete target[last];
  else if (how === "hidden") Object.defineProperty(target, last, { value, enumerable: false });
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation = "set" | "delete" | "hidden";

describe("isClearlyValidScenario(input), the fast path of scenarioIssues", () => {
  it("isClearlyValidScenario(s) is true for every preset, v1 and v2 (projectScenario's common case)", () => {
    for (const s of VALID) expect(isClearlyValidScenario(s)).toBe(true);
  });

  it("isClearlyValidScenario(input) is false for a non-object and for inherited keys", () => {
    for (const input of [null, undefined, 42, "s", [], [licensed]])
      expect(isClearlyValidScenario(input)).toBe(false);
    // every key inherited: the full check says each one is missing
    expect(isClearlyValidScenario(Object.create(licensed))).toBe(false);
    expect(fullScenarioIssues(Object.create(licensed)).length).toBeGreaterThan(0);
    // inherited regime fields or market years, a hole in regimePath: the fast path declines, the full check decides
    const inherited = Object.create({ access: 1, remittance: 0 }) as unknown;
    const s = smallScenario();
    const inputs = [
      { ...s, regimes: { ...s.regimes, open: inherited } },
      { ...s, regimePath: ["open", , "lic"] },
      { ...s, marketPath: Object.create({ "2031": -1 }) as unknown },
    ];
    for (const input of inputs) {
      expect(isClearlyValidScenario(input)).toBe(false);
      expect(scenarioIssues(input)).toEqual(fullScenarioIssues(input));
    }
  });

  it("isClearlyValidScenario(input) never accepts what the full check rejects (random mutations)", () => {
    const cases = fc.tuple(
      fc.constantFrom(...VALID),
      fc.nat(),
      fc.constantFrom(...VALUES),
      fc.constantFrom<Mutation>("set", "set", "delete", "hidden"),
    );
    let rejected = 0;
    fc.assert(
      fc.property(cases, ([s, pick, value, how]) => {
        const paths = pathsOf(s);
        const input = mutated(s, paths[pick % paths.length]!, value, how);
        const full = fullScenarioIssues(input);
        if (full.length > 0) rejected++;
        if (isClearlyValidScenario(input)) expect(full).toEqual([]);
        expect(scenarioIssues(input)).toEqual(full);
      }),
      { numRuns: 3000, seed: 8 },
    );
    expect(rejected).toBeGreaterThan(1000); // the mutations do reach the full check's issues
  });

  it("isClearlyValidScenario(input) rejects each kind of problem the full check names", () => {
    const s = smallScenario();
    const hostile: unknown[] = [
      { ...s, regimes: {} },
      { ...s, regimes: JSON.parse('{"__proto__":{"access":1,"remittance":0}}') as unknown },
      { ...s, regimes: { ...s.regimes, open: { access: 1 } } },
      { ...s, regimePath: ["open", "toString", "lic"] },
      { ...s, regimePath: ["open", "lic"] },
      { ...s, marketPath: { "2030": 120 } },
      { ...s, marketPath: { "2031": 0 } },
      { ...s, marketPath: { "20x1": 120 } },
      { ...s, vendors: { x: { weight: 0.5, aspUsdK: 10, bf16Tflops: 312 } } },
      { ...s, vendors: { x: { weight: 1, aspUsdK: 10, bf16Tflops: 312, extra: 1 } } },
      {
        ...s,
        reported: [
          { period: "Q1 FY2032", value: 1 },
          { period: "Q1 FY2032", value: 2 },
        ],
      },
      { ...s, reported: [{ period: "Q1 FY2040", value: 1 }] },
      { ...s, reported: [{ period: "Q1 FY2032", value: 1, figureId: "" }] },
      { ...s, reported: Array.from({ length: 125 }, () => ({ period: "Q1 FY2032", value: 1 })) },
    ];
    const hiddenRegime = { ...s.regimes };
    Object.defineProperty(hiddenRegime, "hid", { value: { access: 1, remittance: 0 }, enumerable: false });
    hostile.push({ ...s, regimes: hiddenRegime, regimePath: ["open", "hid", "lic"] });
    for (const input of hostile) {
      expect(isClearlyValidScenario(input), JSON.stringify(input)).toBe(false);
      expect(fullScenarioIssues(input).length, JSON.stringify(input)).toBeGreaterThan(0);
    }
  });
});

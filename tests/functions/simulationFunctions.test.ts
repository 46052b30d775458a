import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultSimulationSpec, simulate as engineSimulate } from "../../src/analysis";
import { findPreset, isModelError } from "../../src/model";
import { distInv, simulate, simulateTable, tornado } from "../../src/functions/functions";
import {
  clearSimulationMemo,
  MAX_CELL_TRIALS,
  SIMULATE_TABLE_HEADER,
  simulationEngine,
  TORNADO_HEADER,
} from "../../src/functions/simulationFunctions";
import { excelCode, installCustomFunctionsStub } from "./stubCustomFunctions";

beforeAll(installCustomFunctionsStub);
beforeEach(clearSimulationMemo);
afterEach(() => vi.restoreAllMocks());

/** Licensed-trade preset, base year 2025: φ = 0.93, access 0.15 (restricted), F_0 = 50 − 16 = 34, offshore + other 4.86 + 10.074 = 14.934. */
const PRESET = [["licensed"]];
/** Default spec: φ ~ triangular(0.83, 0.93, 0.98) (0.93 − 0.10, 0.93 + 0.05); no other input moves T_0. */
const PHI = { a: 0.83, c: 0.93, b: 0.98 };

describe("CHIPS.SIMULATE", () => {
  it("simulate(scenario, trials, …) above the 20,000 cap is #VALUE! naming the cap", async () => {
    const result = await simulate(PRESET, MAX_CELL_TRIALS + 1, 1, "nvidiaChina", 2027);
    expect(excelCode(result)).toBe("#VALUE!");
    expect((result as unknown as { message: string }).message).toContain("20000");
    expect(MAX_CELL_TRIALS).toBe(20_000);
  });

  it("simulate(…) rejects bad trials, seed, year and statistic with #VALUE!", async () => {
    expect(excelCode(await simulate(PRESET, 1, 1, "nvidiaChina", 2027))).toBe("#VALUE!");
    expect(excelCode(await simulate(PRESET, 100.5, 1, "nvidiaChina", 2027))).toBe("#VALUE!");
    expect(excelCode(await simulate(PRESET, 100, -1, "nvidiaChina", 2027))).toBe("#VALUE!");
    expect(excelCode(await simulate(PRESET, 100, 0.5, "nvidiaChina", 2027))).toBe("#VALUE!");
    expect(excelCode(await simulate(PRESET, 100, 1, "nvidiaChina", 2024))).toBe("#VALUE!"); // before base year
    expect(excelCode(await simulate(PRESET, 100, 1, "nvidiaChina", 2031))).toBe("#VALUE!"); // after 2025 + 5
    expect(excelCode(await simulate(PRESET, 100, 1, "nvidiaChina", 2027, "median"))).toBe("#VALUE!");
  });

  it("simulate(…) gives #N/A for an unknown preset or series", async () => {
    expect(excelCode(await simulate([["nope"]], 100, 1, "nvidiaChina", 2027))).toBe("#N/A");
    expect(excelCode(await simulate(PRESET, 100, 1, "nvidiaChinaa", 2027))).toBe("#N/A");
  });

  it("simulate(scenario, 10000, 42, 'nvidiaChina', 2025) matches the base year's closed form", async () => {
    // T_0 = φ·0.15·34 + 14.934 = 5.1·φ + 14.934; only φ is uncertain at t = 0 (growth and regimes act from t = 1).
    // hand-computed: E[φ] = (0.83 + 0.93 + 0.98)/3 = 0.913333 → 5.1 × 0.913333 + 14.934 = 19.592
    expect(await simulate(PRESET, 10_000, 42, "nvidiaChina", 2025)).toBeCloseTo(19.592, 3);
    // hand-computed: triangular median (mode side, F(c) = 2/3 > 0.5): 0.83 + √(0.5·0.15·0.10) = 0.9166025
    //   → 5.1 × 0.9166025 + 14.934 = 19.608673
    expect(await simulate(PRESET, 10_000, 42, "nvidiaChina", 2025, "p50")).toBeCloseTo(19.6087, 3);
    // hand-computed: Var φ = (a² + b² + c² − ab − ac − bc)/18 = 0.0175/18 → sd 0.0311805 × 5.1 = 0.159021
    expect((await simulate(PRESET, 10_000, 42, "nvidiaChina", 2025, "sd")) as number).toBeCloseTo(0.15902, 3);
    // hand-computed: se = sd/√n = 0.159021/100 = 0.00159
    expect((await simulate(PRESET, 10_000, 42, "nvidiaChina", "FY2026", "se")) as number).toBeCloseTo(
      0.00159,
      4,
    );
    expect(PHI.a + PHI.b + PHI.c).toBeCloseTo(2.74, 12); // hand-computed: the triangle used above
  });

  it("simulate(…, 'domesticShare', 2025) is the supply-capped base share 16/50 with no spread", async () => {
    // hand-computed: D1_0 = min(0.41 × 50, 16) = 16, X_0 = min(σB_0, C_0 − D1_0) = 0 → 16/50 = 0.32
    expect(await simulate(PRESET, 500, 3, "domesticShare", 2025, "min")).toBeCloseTo(0.32, 6);
    expect(await simulate(PRESET, 500, 3, "domesticShare", 2025, "max")).toBeCloseTo(0.32, 6);
    expect(await simulate(PRESET, 500, 3, "domesticShare", 2025, "sd")).toBe(0);
  });

  it("simulate(…) equals the engine's own run with the default spec (the CLI's numbers)", async () => {
    const preset = findPreset("licensed");
    if (isModelError(preset)) throw new Error(preset.message);
    const direct = engineSimulate(preset.scenario, defaultSimulationSpec(preset.scenario), {
      trials: 3000,
      seed: 11,
    });
    if (isModelError(direct) || "kind" in direct) throw new Error("engine run failed");
    expect(await simulate(PRESET, 3000, 11, "nvidiaChina", 2028, "p90")).toBe(
      direct.series.nvidiaChina?.[3]?.p90,
    );
    expect(await simulate(PRESET, 3000, 11, "cumulativeNvidiaChina", null, "mean")).toBe(
      direct.metrics.cumulativeNvidiaChina.mean,
    );
  });

  it("simulate(…) is reproducible: the same seed gives identical numbers after the memo is cleared", async () => {
    const first = await simulate(PRESET, 2000, 99, "nvidiaChinaNet", 2029, "p25");
    clearSimulationMemo();
    expect(await simulate(PRESET, 2000, 99, "nvidiaChinaNet", 2029, "p25")).toBe(first);
    expect(await simulate(PRESET, 2000, 100, "nvidiaChinaNet", 2029, "p25")).not.toBe(first);
  });

  it("simulate(…) cells sharing scenario, trials and seed run one simulation; a new seed runs another", async () => {
    const spy = vi.spyOn(simulationEngine, "run");
    await simulate(PRESET, 1000, 5, "nvidiaChina", 2027);
    await simulate(PRESET, 1000, 5, "nvidiaChina", 2030, "p95");
    await simulate([["Licensed trade"]], 1000, 5, "domesticShare", 2026, "sd"); // same preset by name
    await simulate(PRESET, 1000, 5, "npvNvidiaChina", null);
    await simulateTable(PRESET, 1000, 5, "market");
    expect(spy).toHaveBeenCalledTimes(1);
    await simulate(PRESET, 1000, 6, "nvidiaChina", 2027);
    expect(spy).toHaveBeenCalledTimes(2);
    await simulate(PRESET, 1001, 6, "nvidiaChina", 2027);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it("simulate(range scenario, …) memoizes on the inputs, not on the range object", async () => {
    const spy = vi.spyOn(simulationEngine, "run");
    const a = await simulate([["marketBase", 60]], 500, 1, "market", 2025);
    const b = await simulate([["marketBase", 60]], 500, 1, "market", 2025, "max");
    expect(a).toBe(60); // hand-computed: the base-year market is the input marketBase (not uncertain)
    expect(b).toBe(60);
    await simulate([["marketBase", 61]], 500, 1, "market", 2025);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe("CHIPS.SIMULATE.TABLE", () => {
  it("simulateTable(…) with trials above the cap is a 1×1 #VALUE!", async () => {
    expect((await simulateTable(PRESET, 20_001, 1, "nvidiaChina")).map((r) => r.map(excelCode))).toEqual([
      ["#VALUE!"],
    ]);
    expect((await simulateTable(PRESET, 100, 1, "units")).map((r) => r.map(excelCode))).toEqual([["#N/A"]]);
  });

  it("simulateTable(…) has the header and one row per year whose cells equal CHIPS.SIMULATE's", async () => {
    const table = await simulateTable(PRESET, 2000, 8, "nvidiaChina");
    expect(table[0]).toEqual(SIMULATE_TABLE_HEADER);
    expect(SIMULATE_TABLE_HEADER).toEqual([
      "Year",
      "FY",
      "Mean",
      "SD",
      "P5",
      "P10",
      "P25",
      "P50",
      "P75",
      "P90",
      "P95",
    ]);
    expect(table.length).toBe(7); // header + t = 0..5 (horizon 5)
    expect(table[1]!.slice(0, 2)).toEqual([2025, "FY2026"]);
    expect(table[6]!.slice(0, 2)).toEqual([2030, "FY2031"]);
    expect(table[3]![2]).toBe(await simulate(PRESET, 2000, 8, "nvidiaChina", 2027, "mean"));
    expect(table[3]![8]).toBe(await simulate(PRESET, 2000, 8, "nvidiaChina", 2027, "p75"));
    const row = table[5]!.slice(4) as number[];
    expect([...row].sort((x, y) => x - y)).toEqual(row); // percentiles are non-decreasing
  });
});

describe("CHIPS.TORNADO", () => {
  it("tornado(…) rejects an unknown metric with #N/A and a series without a valid year with #VALUE!", () => {
    expect(tornado(PRESET, "revenue").map((r) => r.map(excelCode))).toEqual([["#N/A"]]);
    expect(tornado(PRESET, "nvidiaChina").map((r) => r.map(excelCode))).toEqual([["#VALUE!"]]);
  });

  it("tornado(scenario, 'nvidiaChina', 2025) puts φ first with its hand-computed P10/P90 and swing", () => {
    const table = tornado(PRESET, "nvidiaChina", 2025);
    expect(table[0]).toEqual(TORNADO_HEADER);
    const [input, low, high, outLow, outHigh, swing] = table[1] as [
      string,
      number,
      number,
      number,
      number,
      number,
    ];
    expect(input).toBe("nvidiaForeignShare");
    // hand-computed: triangular(0.83, 0.93, 0.98) P10 = 0.83 + √(0.1·0.15·0.10) = 0.8687298
    expect(low).toBeCloseTo(0.8687298, 6);
    // hand-computed: P90 = 0.98 − √(0.1·0.15·0.05) = 0.9526139
    expect(high).toBeCloseTo(0.9526139, 6);
    // hand-computed: T_0 = 5.1·φ + 14.934 → 19.364522 and 19.792331, swing 0.427809
    expect(outLow).toBeCloseTo(19.364522, 5);
    expect(outHigh).toBeCloseTo(19.792331, 5);
    expect(swing).toBeCloseTo(0.427809, 5);
    // hand-computed: no other input moves T_0 (growth acts from t = 1; σ never enters T)
    for (const row of table.slice(2)) expect(row[5]).toBe(0);
  });

  it("tornado(scenario, 'cumulativeNvidiaChina') is sorted by swing and σ has no swing on revenue", () => {
    const table = tornado(PRESET, "cumulativeNvidiaChina");
    expect(table.length).toBe(9); // header + the default spec's 8 uncertain inputs
    const swings = table.slice(1).map((row) => row[5] as number);
    expect([...swings].sort((x, y) => y - x)).toEqual(swings);
    // hand-derived: substitution changes domestic sales D and unmet demand U, never N = φ·a·F with F = M − D1
    const sigma = table.find((row) => row[0] === "substitutionRate");
    expect(sigma?.[5]).toBe(0);
  });
});

describe("CHIPS.DIST.INV", () => {
  it("distInv(kind, p, …) rejects unknown kinds, p outside its range, bad parameters and a stray c", () => {
    expect(excelCode(distInv("gamma", 0.5, 1, 2))).toBe("#VALUE!");
    expect(excelCode(distInv("uniform", 1.2, 0, 1))).toBe("#VALUE!");
    expect(excelCode(distInv("normal", 0, 0, 1))).toBe("#VALUE!");
    expect(excelCode(distInv("normal", 1, 0, 1))).toBe("#VALUE!");
    expect(excelCode(distInv("normal", 0.5, 0, -1))).toBe("#VALUE!");
    expect(excelCode(distInv("triangular", 0.5, 0, 10, 12))).toBe("#VALUE!"); // mode above max
    expect(excelCode(distInv("triangular", 0.5, 0, 10))).toBe("#VALUE!"); // mode missing
    expect(excelCode(distInv("uniform", 0.5, 0, 10, 3))).toBe("#VALUE!");
    expect(excelCode(distInv("lognormal", 0.5, 10, 5))).toBe("#VALUE!"); // p90 below the median
  });

  it("distInv('uniform', p, a, b) is a + p(b − a)", () => {
    expect(distInv("uniform", 0.25, 10, 20)).toBeCloseTo(12.5, 12); // hand-computed: 10 + 0.25 × 10
    expect(distInv("Uniform", 0, 10, 20)).toBe(10);
    expect(distInv("uniform", 1, 10, 20)).toBe(20);
  });

  it("distInv('triangular', p, min, max, mode) follows the two-branch closed form", () => {
    // hand-computed: F(c) = (4 − 0)/(10 − 0) = 0.4; p = 0.1 < 0.4 → 0 + √(0.1 × 10 × 4) = 2
    expect(distInv("triangular", 0.1, 0, 10, 4)).toBeCloseTo(2, 12);
    // hand-computed: p = 0.4 → the mode 4
    expect(distInv("triangular", 0.4, 0, 10, 4)).toBeCloseTo(4, 12);
    // hand-computed: p = 0.85 → 10 − √(0.15 × 10 × 6) = 10 − 3 = 7
    expect(distInv("triangular", 0.85, 0, 10, 4)).toBeCloseTo(7, 12);
  });

  it("distInv('pert', p, min, max, mode) is symmetric about a central mode and hits its bounds", () => {
    // hand-computed: mode at the centre → α = β = 3 → median = the mode 5
    expect(distInv("pert", 0.5, 0, 10, 5)).toBeCloseTo(5, 8);
    expect(distInv("pert", 0, 0, 10, 5)).toBeCloseTo(0, 10);
    expect(distInv("pert", 1, 0, 10, 5)).toBeCloseTo(10, 10);
    // hand-computed: Beta(3, 3) CDF at 0.2 = 10x³ − 15x⁴ + 6x⁵ = 0.08 − 0.024 + 0.00192 = 0.05792 → x = 2 on [0, 10]
    expect(distInv("pert", 0.05792, 0, 10, 5)).toBeCloseTo(2, 6);
  });

  it("distInv('normal', 0.975, mean, sd) is mean + 1.959964·sd", () => {
    // Excel: =NORM.S.INV(0.975) → 1.95996398454005
    expect(distInv("normal", 0.975, 10, 2)).toBeCloseTo(10 + 1.959964 * 2, 5);
    expect(distInv("normal", 0.5, -3, 7)).toBeCloseTo(-3, 10); // hand-computed: the median is the mean
  });

  it("distInv('lognormal', p, median, p90) returns the median at 0.5 and p90 at 0.9", () => {
    expect(distInv("lognormal", 0.5, 20, 30)).toBeCloseTo(20, 8); // by definition of the parameters
    expect(distInv("lognormal", 0.9, 20, 30)).toBeCloseTo(30, 6);
    // hand-computed: e^(0 + 1 × 1.959964) = e² · e^−0.040036 = 7.389056 × 0.960755 = 7.09907 (μ = 0, σ = 1)
    expect(distInv("lognormalMuSigma", 0.975, 0, 1)).toBeCloseTo(7.09907, 4);
  });
});

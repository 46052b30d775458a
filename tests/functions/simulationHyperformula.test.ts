import { HyperFormula } from "hyperformula";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { registerChipsFunctions } from "../../src/preview/hyperformulaChips";
import { errorType, sheet } from "./hfWorkbook";
import { clearSimulationMemo, simulationEngine } from "../../src/functions/simulationFunctions";

beforeAll(() => registerChipsFunctions(HyperFormula));
beforeEach(clearSimulationMemo);

describe("CHIPS simulation functions in HyperFormula", () => {
  it("registerChipsFunctions(HyperFormula) registers the four new names", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const name of ["CHIPS.SIMULATE", "CHIPS.SIMULATE.TABLE", "CHIPS.TORNADO", "CHIPS.DIST.INV"]) {
      expect(names).toContain(name);
    }
  });

  it("CHIPS.SIMULATE and CHIPS.DIST.INV map bad arguments to #VALUE! and #N/A", () => {
    const [row] = sheet([
      [
        '=CHIPS.SIMULATE("licensed", 20001, 1, "nvidiaChina", 2027)',
        '=CHIPS.SIMULATE("licensed", 100, 1, "nope", 2027)',
        '=CHIPS.DIST.INV("normal", 1, 0, 1)',
        '=CHIPS.SIMULATE.TABLE("licensed", 20001, 1, "nvidiaChina")',
      ],
    ]);
    expect(row!.map(errorType)).toEqual(["VALUE", "NA", "VALUE", "VALUE"]);
  });

  it("CHIPS.SIMULATE computes in a formula and reads its arguments from cells", () => {
    const [row] = sheet([
      [
        '=CHIPS.SIMULATE("licensed", 500, 4, "domesticShare", 2025)',
        "=CHIPS.SIMULATE(F1, G1, H1, I1, J1, K1)",
        '=CHIPS.DIST.INV("triangular", 0.85, 0, 10, 4)',
        '=CHIPS.DIST.INV("uniform", 0.25, 10, 20)',
        null,
        "licensed",
        500,
        4,
        "domesticShare",
        2025,
        "max",
      ],
    ]);
    expect(row![0]).toBeCloseTo(0.32, 6); // hand-computed: min(0.41 × 50, 16)/50
    expect(row![1]).toBeCloseTo(0.32, 6); // hand-computed: no spread at t = 0
    expect(row![2]).toBeCloseTo(7, 10); // hand-computed: 10 − √(0.15 × 10 × 6)
    expect(row![3]).toBeCloseTo(12.5, 10); // hand-computed: 10 + 0.25 × 10
  });

  it("CHIPS.SIMULATE.TABLE spills header + one row per year, 11 columns, sized without simulating", () => {
    const spy = vi.spyOn(simulationEngine, "run");
    const values = sheet([['=CHIPS.SIMULATE.TABLE("licensed", 1000, 2, "domesticShare")']]);
    expect(values.length).toBe(7); // header + t = 0..5
    expect(values[0]!.length).toBe(11);
    expect(values[0]).toEqual(["Year", "FY", "Mean", "SD", "P5", "P10", "P25", "P50", "P75", "P90", "P95"]);
    expect(values[1]!.slice(0, 2)).toEqual([2025, "FY2026"]);
    expect(values[1]![2]).toBeCloseTo(0.32, 6); // hand-computed: 16/50
    expect(values[6]![0]).toBe(2030);
    expect(spy).toHaveBeenCalledTimes(1); // parse-time sizing does not run a simulation
    spy.mockRestore();
  });

  it("CHIPS.SIMULATE.TABLE with trials in a cell is sized from the literal scenario", () => {
    // trials in L1, outside the 7 × 11 spill area A1:K7
    const values = sheet([
      ['=CHIPS.SIMULATE.TABLE("detente", L1, 1, "nvidiaChina")', ...Array(10).fill(null), 300],
    ]);
    expect(values[0]![0]).toBe("Year");
    expect(values[6]![1]).toBe("FY2031");
  });

  it("a sheet of CHIPS.SIMULATE cells with the same scenario, trials and seed runs one simulation", () => {
    const spy = vi.spyOn(simulationEngine, "run");
    sheet([
      [
        '=CHIPS.SIMULATE("licensed", 800, 9, "nvidiaChina", 2026)',
        '=CHIPS.SIMULATE("licensed", 800, 9, "nvidiaChina", 2027, "p5")',
        '=CHIPS.SIMULATE("licensed", 800, 9, "nvidiaChina", 2028, "p95")',
        '=CHIPS.SIMULATE("licensed", 800, 9, "cumulativeNvidiaChina", , "p50")',
      ],
    ]);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it("CHIPS.TORNADO spills header + 8 inputs × 6 columns, widest swing first", () => {
    const values = sheet([['=CHIPS.TORNADO("licensed", "nvidiaChina", 2025)']]);
    expect(values.length).toBe(9); // header + the default spec's 8 uncertain inputs
    expect(values[0]!.length).toBe(6);
    expect(values[1]![0]).toBe("nvidiaForeignShare");
    expect(values[1]![5]).toBeCloseTo(0.427809, 5); // hand-computed: 5.1 × (0.9526139 − 0.8687298)
  });
});

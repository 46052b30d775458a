import { HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { registerChipsFunctions } from "../../src/preview/hyperformulaChips";
import { errorType, sheet } from "./hfWorkbook";
import { CHIPS_FUNCTIONS } from "../../src/functions/catalog";

beforeAll(() => registerChipsFunctions(HyperFormula));

describe("registerChipsFunctions(HyperFormula)", () => {
  it("registerChipsFunctions(HyperFormula) registers every catalog name and is idempotent", () => {
    registerChipsFunctions(HyperFormula);
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const spec of CHIPS_FUNCTIONS) expect(names).toContain(spec.name);
  });

  it("CHIPS.* formulas map engine errors to #VALUE!, #N/A and #NUM!", () => {
    const [row] = sheet([
      [
        '=CHIPS.LOGISTIC("x", 0.41, 0.9, 0.6)',
        '=CHIPS.FIGURE("no_such_figure")',
        "=CHIPS.BASS(1, A2, B2)",
        '=CHIPS.FIGURE("a100_bf16_dense", "colour")',
      ],
      // HyperFormula's parser has no exponent notation: the extreme p, q sit in cells (q/p overflows to ∞)
      [1e-300, 1e300],
    ]);
    expect(row!.map(errorType)).toEqual(["VALUE", "NA", "NUM", "VALUE"]);
  });

  it("CHIPS.FIGURE, CHIPS.LOGISTIC and CHIPS.LOGISTIC.FIT compute in formulas", () => {
    const [row] = sheet([
      [
        '=CHIPS.FIGURE("a100_bf16_dense")',
        "=CHIPS.LOGISTIC(1, 0.45, 0.9, LN(2))",
        "=CHIPS.LOGISTIC.FIT(0, 0.45, 1, 0.6, 0.9)",
      ],
    ]);
    expect(row![0]).toBe(312); // figures.json a100_bf16_dense
    expect(row![1]).toBeCloseTo(0.6, 9); // hand-computed: 0.9 / (1 + 1 × 0.5)
    expect(row![2]).toBeCloseTo(0.693147, 6); // hand-computed: ln 2
  });

  it("CHIPS.LOGISTIC reads its arguments from cells", () => {
    const [row] = sheet([[0, 0.41, 0.9, 0.6, "=CHIPS.LOGISTIC(A1, B1, C1, D1)"]]);
    expect(row![4]).toBeCloseTo(0.41, 9); // hand-computed: s0 at t = 0
  });

  it("CHIPS.COMPUTE spills one row of two cells", () => {
    const [row] = sheet([['=CHIPS.COMPUTE("h100", 1000)']]);
    expect(row![0]).toBeCloseTo(3171.1538, 3); // hand-computed: 1000 × 989.4 / 312
    expect(row![1]).toBeCloseTo(989.4, 6); // hand-computed: 1000 × 989.4 / 1000
  });

  it("CHIPS.PROJECT spills one series for a literal preset", () => {
    const [row] = sheet([['=CHIPS.PROJECT("licensed", "nvidiaChina")']]);
    expect(row!.length).toBe(6); // horizon 5 → t = 0..5
    expect(row![0]).toBeCloseTo(19.677, 6); // hand-computed: 0.93 × 0.15 × 34 + 14.934
  });

  it("CHIPS.PROJECT spills the full table under its formula", () => {
    const values = sheet([['=CHIPS.PROJECT("licensed")']]);
    expect(values.length).toBe(7); // header + 6 years
    expect(values[0]!.slice(0, 3)).toEqual(["Year", "FY", "market"]);
    expect(values[1]!.slice(0, 3)).toEqual([2025, "FY2026", 50]);
  });

  it("CHIPS.PROJECT takes a 2-column range of overrides on the base preset", () => {
    const values = sheet([['=CHIPS.PROJECT(A2:B2, "market")'], ["marketBase", 60]]);
    expect(values[0]![0]).toBe(60);
    expect(values[0]![1]).toBeCloseTo(81.96, 6); // hand-computed: 60 × 1.366
  });

  it("CHIPS.PROJECT with a range that lengthens the horizon is #VALUE!, not a crash", () => {
    const values = sheet([['=CHIPS.PROJECT(A2:B2, "market")'], ["horizon", 8]]);
    expect(errorType(values[0]![0])).toBe("VALUE");
  });

  it("CHIPS.FIGURES and CHIPS.EVENTS spill tables sized from literal arguments", () => {
    const values = sheet([
      ['=CHIPS.FIGURES("capex")', null, null, null, null, null, null, null, "=CHIPS.EVENTS(44835, 44926)"],
    ]);
    expect(values.length).toBe(16); // header + 11 capex figures (figures.json) + 4 (refresh 2026-12)
    expect(values[0]![0]).toBe("id");
    expect(values[1]![8]).toBe("2022-10-07"); // Excel serials 44835..44926 = 2022-10-01..2022-12-31
    expect(values[2]![8]).toBe("2022-11");
  });

  it("CHIPS.FIGURES with its category in a cell cannot be sized: #VALUE!", () => {
    const [row] = sheet([["=CHIPS.FIGURES(B1)", "capex"]]);
    expect(errorType(row![0])).toBe("VALUE");
  });

  it("CHIPS.VERSION and CHIPS.SOURCE return text", () => {
    const [row] = sheet([["=CHIPS.VERSION()", '=CHIPS.SOURCE("nvda_china_rev_fy2020")']]);
    expect(row![0]).toMatch(/^ChipShift 0\.1\.0 · dataset/);
    expect(String(row![1])).toContain("U.S. SEC EDGAR");
  });
});

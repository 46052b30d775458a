import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { formatReadbackIssue, readScenariosFromInputs } from "../../src/workbook/readback";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { named, PRESET_SCENARIOS, TINY, TINY_V2 } from "./fixtures";
import { setCell } from "./hfHelpers";

function inputsWorkbook(scenarios = PRESET_SCENARIOS) {
  const layout = buildWorkbookLayout(scenarios);
  if (isModelError(layout)) throw new Error(layout.message);
  const hf = createHyperFormulaWorkbook(layout);
  const grid = () => hf.getSheetValues(hf.getSheetId("CS Inputs")!);
  const rowOf = (id: string) => grid().findIndex((r) => r[0] === id) + 1;
  return { hf, grid, rowOf };
}

describe("readScenariosFromInputs(grid)", () => {
  it("readScenariosFromInputs(grid) reports a sheet without a Live column", () => {
    const result = readScenariosFromInputs([["x"]]);
    expect(result.scenarios).toEqual([]);
    expect(result.issues[0]).toMatchObject({ sheet: "CS Inputs", address: "A5" });
  });

  it("readScenariosFromInputs(grid) returns every preset unchanged, provenance carried over", () => {
    const { grid } = inputsWorkbook();
    const result = readScenariosFromInputs(grid(), { previous: PRESET_SCENARIOS });
    expect(result.issues).toEqual([]);
    expect(result.scenarios.map((s) => s.name)).toEqual(PRESET_SCENARIOS.map((s) => s.name));
    result.scenarios.forEach((s, i) => {
      expect(s.scenario).toEqual(PRESET_SCENARIOS[i]!.scenario);
      expect(s.provenance).toEqual(PRESET_SCENARIOS[i]!.provenance);
    });
  });

  it("readScenariosFromInputs(grid) picks up a valid edit and labels its provenance as edited in the workbook", () => {
    const { hf, grid, rowOf } = inputsWorkbook();
    const row = rowOf("regimes.licensed.access");
    setCell(hf, "CS Inputs", `E${row}`, 0.4);
    const result = readScenariosFromInputs(grid(), { previous: PRESET_SCENARIOS });
    expect(result.issues).toEqual([]);
    const edited = result.scenarios[1]!;
    expect(edited.scenario.regimes.licensed?.access).toBe(0.4);
    expect(edited.provenance.regimes).toEqual({
      assumption: expect.stringContaining("Edited in the workbook"),
    });
  });

  it("readScenariosFromInputs(grid) reports an out-of-range edit by sheet and cell", () => {
    const { hf, grid, rowOf } = inputsWorkbook();
    const row = rowOf("domesticShareCap");
    setCell(hf, "CS Inputs", `D${row}`, 1.4);
    const result = readScenariosFromInputs(grid());
    expect(result.issues).toHaveLength(1);
    expect(formatReadbackIssue(result.issues[0]!)).toBe(
      `CS Inputs!D${row}: domesticShareCap must be between 0 and 1, got 1.4`,
    );
    expect(result.scenarios.map((s) => s.name)).not.toContain(PRESET_SCENARIOS[0]!.name);
  });

  it("readScenariosFromInputs(grid) reports text typed into a numeric input and an unknown regime name", () => {
    const { hf, grid, rowOf } = inputsWorkbook([named("Tiny", TINY)]);
    setCell(hf, "CS Inputs", `D${rowOf("marketBase")}`, "'lots");
    setCell(hf, "CS Inputs", `D${rowOf("regimePath[1]")}`, "'closed");
    const issues = readScenariosFromInputs(grid()).issues;
    expect(issues.map((i) => i.address)).toEqual([`D${rowOf("marketBase")}`]);
    setCell(hf, "CS Inputs", `D${rowOf("marketBase")}`, 100);
    const second = readScenariosFromInputs(grid()).issues;
    expect(second).toHaveLength(1);
    expect(second[0]!.address).toBe(`D${rowOf("regimePath[1]")}`);
  });

  it("readScenariosFromInputs(grid) reads the v2 inputs back: offshore inputs, offshore access, reported quarters with figure ids", () => {
    const { grid } = inputsWorkbook([named("Tiny v2", TINY_V2), named("Tiny", TINY)]);
    const result = readScenariosFromInputs(grid());
    expect(result.issues).toEqual([]);
    expect(result.scenarios[0]!.scenario).toEqual(TINY_V2);
    // a v1 scenario leaves the v2 rows blank and reads back without the v2 keys
    expect(result.scenarios[1]!.scenario).toEqual(TINY);
  });

  it("readScenariosFromInputs(grid) reads a CS Inputs sheet built before model v2 (no v2 rows) as v1 scenarios", () => {
    const { grid } = inputsWorkbook([named("Tiny", TINY)]);
    const v2Row = /^(offshore|reported\[)|\.offshoreAccess$/;
    const v1Grid = grid().filter((row) => !v2Row.test(String(row[0] ?? "")));
    expect(v1Grid.length).toBeLessThan(grid().length);
    const result = readScenariosFromInputs(v1Grid);
    expect(result.issues).toEqual([]);
    expect(result.scenarios[0]!.scenario).toEqual(TINY);
  });

  it("readScenariosFromInputs(grid) picks up a reported quarter typed into the sheet, in calendar order", () => {
    const { hf, grid, rowOf } = inputsWorkbook([named("Tiny v2", TINY_V2)]);
    setCell(hf, "CS Inputs", `D${rowOf("reported[Q4 FY2026]")}`, 13.5);
    setCell(hf, "CS Inputs", `D${rowOf("reported[Q4 FY2026].figureId")}`, "'my_figure");
    const result = readScenariosFromInputs(grid());
    expect(result.issues).toEqual([]);
    expect(result.scenarios[0]!.scenario.reported).toEqual([
      { period: "Q4 FY2026", value: 13.5, figureId: "my_figure" },
      ...TINY_V2.reported!,
    ]);
  });

  it("readScenariosFromInputs(grid) reports bad v2 cells at the cell, naming the entry", () => {
    const { hf, grid, rowOf } = inputsWorkbook([named("Tiny v2", TINY_V2)]);
    const access = rowOf("regimes.open.offshoreAccess");
    setCell(hf, "CS Inputs", `D${access}`, 1.2);
    const negative = rowOf("reported[Q2 FY2027]");
    setCell(hf, "CS Inputs", `D${negative}`, -1);
    const orphan = rowOf("reported[Q3 FY2027].figureId");
    setCell(hf, "CS Inputs", `D${orphan}`, "'some_figure");
    const issues = readScenariosFromInputs(grid()).issues;
    expect(issues.map((i) => i.address)).toEqual([`D${orphan}`]);
    expect(issues[0]!.message).toMatch(/Q3 FY2027 has a figure id but no value/);
    setCell(hf, "CS Inputs", `D${orphan}`, null);
    const engineIssues = readScenariosFromInputs(grid()).issues;
    expect(new Set(engineIssues.map((i) => i.address))).toEqual(new Set([`D${access}`, `D${negative}`]));
    expect(engineIssues.find((i) => i.address === `D${access}`)!.message).toMatch(/offshoreAccess.*1\.2/);
    expect(engineIssues.find((i) => i.address === `D${negative}`)!.message).toMatch(/Q2 FY2027/);
  });

  it('readScenariosFromInputs(grid) reports a period typed as "Q5 FY2027" in the id column at its cell', () => {
    const { hf, grid, rowOf } = inputsWorkbook([named("Tiny v2", TINY_V2)]);
    const row = rowOf("reported[Q4 FY2027]");
    setCell(hf, "CS Inputs", `A${row}`, "'reported[Q5 FY2027]");
    setCell(hf, "CS Inputs", `D${row}`, 3);
    const issues = readScenariosFromInputs(grid()).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.address).toBe(`D${row}`);
    expect(issues[0]!.message).toMatch(/Q5 FY2027/);
  });

  it("readScenariosFromInputs(grid) keeps hostile ids out of prototypes", () => {
    const { hf, grid, rowOf } = inputsWorkbook([named("Tiny v2", TINY_V2)]);
    setCell(hf, "CS Inputs", `A${rowOf("regimes.open.access")}`, "'regimes.__proto__.access");
    setCell(hf, "CS Inputs", `A${rowOf("vendors.v.weight")}`, "'vendors.constructor.weight");
    setCell(hf, "CS Inputs", `A${rowOf("reported[Q1 FY2027]")}`, "'reported[__proto__]");
    const result = readScenariosFromInputs(grid());
    expect(result.issues.length).toBeGreaterThan(0);
    const probe: Record<string, unknown> = {};
    expect(["access", "weight", "value", "figureId"].filter((k) => k in probe)).toEqual([]);
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

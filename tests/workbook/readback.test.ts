import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { formatReadbackIssue, readScenariosFromInputs } from "../../src/workbook/readback";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { named, PRESET_SCENARIOS, TINY } from "./fixtures";
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
});

import { afterEach, describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/index";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { readScenariosFromInputs } from "../../src/workbook/readback";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { expectPrototypeUntouched, HOSTILE_NAMES } from "../hardening/prototype";
import { PRESET_SCENARIOS } from "./fixtures";

afterEach(expectPrototypeUntouched);

/** The built CS Inputs grid with every id starting `from` renamed to start `to` (as a user could type). */
function renamedGrid(from: string, to: string): unknown[][] {
  const layout = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(layout)) throw new Error(layout.message);
  const hf = createHyperFormulaWorkbook(layout);
  const grid = hf.getSheetValues(hf.getSheetId("CS Inputs")!) as unknown[][];
  hf.destroy();
  return grid.map((row) =>
    typeof row[0] === "string" && row[0].startsWith(from)
      ? [to + row[0].slice(from.length), ...row.slice(1)]
      : row,
  );
}

describe("readScenariosFromInputs(grid) with hostile ids typed into CS Inputs", () => {
  it.each(HOSTILE_NAMES)(
    "readScenariosFromInputs(regimes.%s.* rows) reports issues, prototype untouched",
    (name) => {
      const result = readScenariosFromInputs(renamedGrid("regimes.licensed.", `regimes.${name}.`));
      // the licensed regime is gone (its rows were renamed): scenarios using it no longer validate
      expect(result.issues.length).toBeGreaterThan(0);
      for (const s of result.scenarios) expect(Object.hasOwn(s.scenario.regimes, "licensed")).toBe(false);
    },
  );

  it.each(HOSTILE_NAMES)(
    "readScenariosFromInputs(vendors.%s.* rows) reports issues, prototype untouched",
    (name) => {
      const result = readScenariosFromInputs(renamedGrid("vendors.huawei.", `vendors.${name}.`));
      if (name === "__proto__") expect(result.issues.length).toBeGreaterThan(0);
      for (const s of result.scenarios) {
        // a vendor called e.g. "constructor" is plain data: its own entry, weights still sum to 1
        expect(Object.hasOwn(s.scenario.vendors, name)).toBe(true);
      }
    },
  );

  it("readScenariosFromInputs(grid, { previous }) ignores a hostile provenance key from a saved document", () => {
    const previous = PRESET_SCENARIOS.map((p) => ({
      ...p,
      provenance: JSON.parse(
        `{"__proto__": {"assumption": "x"}, "constructor": {"assumption": "y"}}`,
      ) as Record<string, { assumption: string }>,
    }));
    const result = readScenariosFromInputs(renamedGrid("-", "-"), { previous });
    expect(result.issues).toEqual([]);
    for (const s of result.scenarios) expect(Object.getPrototypeOf(s.provenance)).toBe(Object.prototype);
  });
});

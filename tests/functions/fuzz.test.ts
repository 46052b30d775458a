import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import type { CellResult } from "../../src/functions/cells";
import { CHIPS_FUNCTIONS } from "../../src/functions/catalog";
import { registerChipsFunctions } from "../../src/preview/hyperformulaChips";

/** Values Excel or HyperFormula can hand a custom function, biased towards the interesting ones. */
const scalarArb = fc.oneof(
  fc.double(),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.integer({ min: -5, max: 50_000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 1e308, 5e-324),
  fc.string(),
  fc.constantFrom(
    "licensed",
    "Détente",
    "a100_bf16_dense",
    "nvda_china_rev_fy2020",
    "capex",
    "h100",
    "ascend910c",
    "nvidiaChina",
    "units.huawei",
    "value",
    "quote",
    "2025",
    "2022-10-07",
    "horizon",
    "",
  ),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);
const pairArb = fc.tuple(
  fc.constantFrom(
    "horizon",
    "marketBase",
    "adoptionSpeed",
    "domesticShareCap",
    "regimePath.1",
    "vendors.huawei.weight",
    "x",
  ),
  scalarArb,
);
const rangeArb = fc.oneof(
  fc.array(fc.array(scalarArb, { maxLength: 3 }), { maxLength: 4 }),
  fc.array(pairArb, { minLength: 1, maxLength: 4 }),
);
const argArb = fc.oneof({ weight: 4, arbitrary: scalarArb }, { weight: 1, arbitrary: rangeArb });

function isProperCell(value: CellResult): boolean {
  if (isModelError(value)) return true;
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" || typeof value === "boolean";
}

describe("CHIPS functions under random arguments", () => {
  for (const spec of CHIPS_FUNCTIONS) {
    it(`${spec.name}(…) always returns a value or a proper error, never a throw or NaN`, () => {
      fc.assert(
        fc.property(fc.array(argArb, { minLength: 0, maxLength: spec.params.length + 1 }), (args) => {
          if (spec.shape === "scalar") {
            expect(isProperCell(spec.call(args))).toBe(true);
          } else {
            const result = spec.call(args);
            if (isModelError(result)) return;
            expect(result.length > 0 && result.every((row) => row.every(isProperCell))).toBe(true);
          }
        }),
        { numRuns: 2000, seed: 20251128 },
      );
    });
  }

  it("CHIPS.* formulas in HyperFormula never throw on random literal arguments", () => {
    registerChipsFunctions(HyperFormula);
    const literalArb = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x).replace(/e[+-]?\d+$/, "")),
      fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s.replace(/["\\]/g, ""))),
      fc.constantFrom('"licensed"', '"capex"', '"h100"', '"nvidiaChina"', "TRUE()", "", "A1"),
    );
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheetId = hf.getSheetId(hf.addSheet("fuzz"))!;
    fc.assert(
      fc.property(
        fc.constantFrom(...CHIPS_FUNCTIONS),
        fc.array(literalArb, { maxLength: 5 }),
        (spec, args) => {
          hf.setCellContents({ sheet: sheetId, row: 0, col: 0 }, 1);
          hf.setCellContents({ sheet: sheetId, row: 2, col: 2 }, `=${spec.name}(${args.join(", ")})`);
          const value = hf.getCellValue({ sheet: sheetId, row: 2, col: 2 });
          expect(typeof value === "number" ? Number.isFinite(value) : true).toBe(true);
          hf.setCellContents({ sheet: sheetId, row: 2, col: 2 }, null);
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
    hf.destroy();
  });
});

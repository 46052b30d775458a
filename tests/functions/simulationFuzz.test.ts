import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import type { ModelError } from "../../src/model/errors";
import { isModelError } from "../../src/model/errors";
import type { CellGrid, CellResult } from "../../src/functions/cells";
import {
  distInvCell,
  simulateCell,
  simulateTableGrid,
  simulateTableSize,
  tornadoGrid,
  tornadoSize,
} from "../../src/functions/simulationFunctions";
import { gridSize } from "../../src/functions/catalog";
import { registerChipsFunctions } from "../../src/preview/hyperformulaChips";

/** Arguments near the valid ones (so many tuples really simulate) mixed with junk. */
const scenarioArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>("licensed", "detente", [["marketBase", 60]]) },
  fc.constantFrom("licensed", "decoupling", "detente", "supplyCrunch", "Licensed trade", "nope", "", null),
  fc.constantFrom<unknown>(
    [["marketBase", 60]],
    [["horizon", 3]],
    [["adoptionSpeed", -1]],
    [["domesticShareCap", 0.5]],
    [[1, 2]],
  ),
  fc.double(),
);
const trialsArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 2, max: 60 }) },
  fc.constantFrom<unknown>(0, 1, 1.5, -3, 20_001, 1e9, NaN, Infinity, "40", "x", true, null),
);
const seedArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
  fc.constantFrom<unknown>(-1, 0.5, 2 ** 53, "7", null, NaN),
);
const outputArb = fc.constantFrom<unknown>(
  "nvidiaChina",
  "domesticShare",
  "installedA100eq",
  "remittance",
  "crossoverYear",
  "cagrNvidiaChina",
  "revenueAtRiskTotal",
  "units.huawei",
  "nope",
  "",
  3,
  null,
);
const yearArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 2024, max: 2031 }) },
  fc.constantFrom<unknown>("FY2027", "fy2031", "2026", 2026.5, null, "x", NaN),
);
const statArb = fc.constantFrom<unknown>(
  undefined,
  null,
  "mean",
  "SD",
  "p5",
  "p95",
  "se",
  "min",
  "max",
  "median",
  1,
);
const numArb = fc.oneof(
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom<unknown>(0, 1, -0, NaN, Infinity, 1e308, "0.5", null, "x"),
);

function isProperCell(value: CellResult): boolean {
  if (isModelError(value)) return true;
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" || typeof value === "boolean";
}

function isProperGrid(result: CellGrid | ModelError): boolean {
  if (isModelError(result)) return true;
  return result.length > 0 && result.every((row) => row.every(isProperCell));
}

describe("simulation functions under random arguments", () => {
  it("simulateCell(…) always returns a finite number or a proper error", () => {
    let numbers = 0;
    fc.assert(
      fc.property(scenarioArb, trialsArb, seedArb, outputArb, yearArb, statArb, (s, n, seed, o, y, st) => {
        const value = simulateCell(s, n, seed, o, y, st);
        expect(isProperCell(value)).toBe(true);
        if (typeof value === "number") numbers++;
      }),
      { numRuns: 400, seed: 20251201 },
    );
    expect(numbers).toBeGreaterThan(40); // the arbitraries really reach the simulation
  });

  it("simulateTableGrid(…) is a proper grid of the size simulateTableSize predicts, or an error", () => {
    let tables = 0;
    fc.assert(
      fc.property(scenarioArb, trialsArb, seedArb, outputArb, (s, n, seed, o) => {
        const result = simulateTableGrid(s, n, seed, o);
        if (!isModelError(result)) tables++;
        expect(isProperGrid(result)).toBe(true);
        expect(simulateTableSize([s, n, seed, o], [true, true, true, true])).toEqual(gridSize(result));
      }),
      { numRuns: 300, seed: 20251202 },
    );
    expect(tables).toBeGreaterThan(10);
  });

  it("tornadoGrid(…) is a proper grid of the size tornadoSize predicts, or an error", () => {
    fc.assert(
      fc.property(scenarioArb, outputArb, yearArb, (s, o, y) => {
        const result = tornadoGrid(s, o, y);
        expect(isProperGrid(result)).toBe(true);
        expect(tornadoSize([s, o, y], [true, true, true])).toEqual(gridSize(result));
      }),
      { numRuns: 300, seed: 20251203 },
    );
  });

  it("distInvCell(…) always returns a finite number or a proper error", () => {
    const kindArb = fc.constantFrom<unknown>(
      "uniform",
      "triangular",
      "PERT",
      "normal",
      "lognormal",
      "lognormalMuSigma",
      "gamma",
      "",
      null,
      2,
    );
    const pArb = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), numArb);
    fc.assert(
      fc.property(
        kindArb,
        pArb,
        numArb,
        numArb,
        fc.oneof(numArb, fc.constant(undefined)),
        (k, p, a, b, c) => {
          expect(isProperCell(distInvCell(k, p, a, b, c))).toBe(true);
        },
      ),
      { numRuns: 1000, seed: 20251204 },
    );
  });

  it("distInvCell(kind, p, …) is non-decreasing in p for valid parameters", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("uniform", "triangular", "pert", "normal", "lognormal"),
        fc.double({ min: 0.001, max: 0.998, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.001, noNaN: true }),
        (k, p, dp) => {
          const args: [number, number, number | undefined] =
            k === "normal"
              ? [3, 2, undefined]
              : k === "lognormal"
                ? [5, 9, undefined]
                : [1, 9, k === "uniform" ? undefined : 2];
          const lo = distInvCell(k, p, ...args);
          const hi = distInvCell(k, p + dp, ...args);
          expect(typeof lo === "number" && typeof hi === "number" && hi >= lo).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20251205 },
    );
  });

  it("CHIPS simulation formulas in HyperFormula never throw on random literal arguments", () => {
    registerChipsFunctions(HyperFormula);
    const literalArb = fc.oneof(
      fc.integer({ min: -3, max: 40 }).map(String),
      fc.constantFrom(
        '"licensed"',
        '"nvidiaChina"',
        '"cumulativeNvidiaChina"',
        '"x"',
        '"FY2027"',
        "2027",
        "A1",
        "",
      ),
    );
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheetId = hf.getSheetId(hf.addSheet("fuzz"))!;
    const names = ["CHIPS.SIMULATE", "CHIPS.SIMULATE.TABLE", "CHIPS.TORNADO", "CHIPS.DIST.INV"];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(literalArb, { maxLength: 6 }), (name, args) => {
        hf.setCellContents({ sheet: sheetId, row: 0, col: 0 }, 5);
        hf.setCellContents({ sheet: sheetId, row: 2, col: 2 }, `=${name}(${args.join(", ")})`);
        const value = hf.getCellValue({ sheet: sheetId, row: 2, col: 2 });
        expect(typeof value === "number" ? Number.isFinite(value) : true).toBe(true);
        hf.setCellContents({ sheet: sheetId, row: 2, col: 2 }, null);
      }),
      { numRuns: 300, seed: 11 },
    );
    hf.destroy();
  });
});

/**
 * Seeded, time-bounded property tests for each class of hostile input the hardening issue found: ids that reach
 * inherited members (overrides from cells and `--set`, CS Inputs read-back), saved documents (JSON and the
 * custom XML part, including huge and adversarial ones), extreme but accepted scenarios (finite numbers or a
 * numeric error), and random CLI command lines (exit 0/1/2 with a one-line message, never a stack trace).
 * Seeds are fixed so a failure reproduces; `numRuns` keeps each property to a few seconds.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { isModelError } from "../../src/model/errors";
import { applyOverrides } from "../../src/model/overrides";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Scenario } from "../../src/model/types";
import { documentTextOfXml, parseDocument, serializeDocument } from "../../src/workbook/document";
import { buildWorkbookLayout } from "../../src/workbook/layout/buildWorkbookLayout";
import { readScenariosFromInputs } from "../../src/workbook/readback";
import { createHyperFormulaWorkbook } from "../../src/workbook/writers/hyperformula";
import { fakeIo } from "../cli/fakeIo";
import { PRESET_SCENARIOS } from "../workbook/fixtures";
import { expectPrototypeUntouched, HOSTILE_NAMES } from "./prototype";

afterEach(expectPrototypeUntouched);

const base = PRESETS[0]!.scenario;
const hostile = fc.constantFrom(...HOSTILE_NAMES, "prototype", "__defineGetter__", "isPrototypeOf");
/** A path segment: a hostile name, a real one, or random text. */
const segment = fc.oneof(
  hostile,
  fc.constantFrom("regimes", "vendors", "licensed", "paper", "huawei", "access", "weight", "offshoreAccess"),
  fc.string({ maxLength: 12 }),
);
const idPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("."));
const anyValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, 5e-324, -0),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
);

describe("fuzz: ids that reach inherited members", () => {
  it("applyOverrides(base, random dotted ids and values) returns a valid scenario or a ModelError; nothing is polluted", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idPath, anyValue), { maxLength: 6 }), (pairs) => {
        const result = applyOverrides(base, pairs as [string, unknown][] as never);
        if (!isModelError(result)) {
          const p = projectScenario(result);
          expect(isModelError(p) ? p.code : "ok").toMatch(/^(ok|numeric)$/);
        }
        expectPrototypeUntouched();
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it("readScenariosFromInputs(grid with random ids and cells typed into column A and the scenario columns) never throws", () => {
    const layout = buildWorkbookLayout(PRESET_SCENARIOS);
    if (isModelError(layout)) throw new Error(layout.message);
    const hf = createHyperFormulaWorkbook(layout);
    const grid = hf.getSheetValues(hf.getSheetId("CS Inputs")!) as unknown[][];
    hf.destroy();
    const edit = fc.record({
      row: fc.nat({ max: grid.length - 1 }),
      col: fc.nat({ max: 9 }),
      value: fc.oneof(idPath, anyValue),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const copy = grid.map((r) => [...r]);
        for (const { row, col, value } of edits) copy[row]![col] = value;
        const result = readScenariosFromInputs(copy);
        for (const s of result.scenarios)
          expect(isModelError(projectScenario(s.scenario)) ? 1 : 0).toBeLessThan(2);
        for (const issue of result.issues) expect(issue.message.length).toBeLessThan(2000);
        expectPrototypeUntouched();
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});

describe("fuzz: saved documents", () => {
  const valid = JSON.parse(
    serializeDocument({
      schema: "chipshift/workbook",
      version: 2,
      savedAt: "2026-12-03T00:00:00.000Z",
      scenario: { name: "Fuzzed", presetId: "licensed", scenario: base },
      simulationSpec: { inputs: { marketGrowth: { kind: "uniform", min: 0.2, max: 0.4 } } },
    }),
  ) as Record<string, unknown>;

  /** Replaces the value at a random path of a JSON tree (creating keys such as __proto__ as own data). */
  function mutate(tree: unknown, path: readonly string[], value: unknown): unknown {
    if (path.length === 0) return value;
    const [head, ...rest] = path as [string, ...string[]];
    const node: Record<string, unknown> =
      typeof tree === "object" && tree !== null ? JSON.parse(JSON.stringify(tree)) : {};
    Object.defineProperty(node, head, {
      value: mutate(Object.hasOwn(node, head) ? node[head] : undefined, rest, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return node;
  }

  it("parseDocument(mutated valid documents) returns a document or a ModelError naming a field, never throws", () => {
    const docPath = fc.array(
      fc.oneof(
        hostile,
        fc.constantFrom(
          "scenario",
          "simulationSpec",
          "inputs",
          "regimes",
          "userFigures",
          "evidence",
          "version",
        ),
        fc.string({ maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 4 },
    );
    const jsonValue = fc.oneof(
      anyValue,
      fc.array(anyValue, { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(docPath, jsonValue, (path, value) => {
        const text = JSON.stringify(mutate(valid, path, value));
        const result = parseDocument(text);
        if (isModelError(result)) expect(result.message.length).toBeGreaterThan(0);
        else expect(isModelError(projectScenario(result.scenario.scenario))).toBe(false);
        expectPrototypeUntouched();
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it("parseDocument(random text) and documentTextOfXml(random text) never throw", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const doc = parseDocument(text);
        expect(isModelError(doc)).toBe(true);
        const xml = documentTextOfXml(text);
        expect(typeof xml === "string" || isModelError(xml)).toBe(true);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it("documentTextOfXml(adversarial parts, 200k characters) answers in linear time", () => {
    for (const unit of ["<", "<documentText", "&#", "&#x1;", "<a:documentText>", "]]>", "<!--"]) {
      const xml = unit.repeat(Math.ceil(200_000 / unit.length));
      const started = performance.now();
      const result = documentTextOfXml(xml);
      const elapsed = performance.now() - started;
      expect(typeof result === "string" || isModelError(result)).toBe(true);
      // a quadratic scan of 200k characters takes seconds; linear takes milliseconds (2 s is a wide margin)
      expect(elapsed, unit).toBeLessThan(2000);
    }
  });
});

describe("fuzz: extreme but accepted scenarios", () => {
  it("projectScenario(random scalars within their bounds, incl. extremes) is finite everywhere or a numeric error", () => {
    const extreme = fc.oneof(
      fc.double({ min: 0, max: 1e308, noNaN: true }),
      fc.constantFrom(0, 5e-324, 1e-300, 1e300),
    );
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        extreme,
        extreme,
        fraction,
        fc.double({ min: -0.99, max: 1e6, noNaN: true }),
        (m, q0, s0, g) => {
          const s: Scenario = {
            ...base,
            marketBase: m,
            offshoreBase: q0,
            domesticShareBase: Math.max(s0, 1e-9),
            marketGrowth: g,
            offshoreGrowth: g,
          };
          const p = projectScenario(s);
          if (isModelError(p)) {
            expect(p.code).toMatch(/^(invalidInput|numeric)$/);
            return;
          }
          for (const values of Object.values(p.series))
            for (const v of values) expect(Number.isFinite(v)).toBe(true);
          expect(Number.isFinite(p.summary.cumulativeNvidiaChina)).toBe(true);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("fuzz: the command line", () => {
  it("runCli(random argv) exits 0, 1 or 2 with no stack trace and no 'null'/'NaN' numbers in JSON", async () => {
    const word = fc.oneof(
      fc.constantFrom(
        "project",
        "simulate",
        "evidence",
        "figures",
        "figure",
        "export-xlsx",
        "constructor",
        "__proto__",
      ),
      fc.constantFrom(
        "--preset",
        "--set",
        "--format",
        "--trials",
        "--seed",
        "--horizon",
        "--evidence",
        "--spec",
        "--all-presets",
      ),
      fc.constantFrom(
        "licensed",
        "paper",
        "json",
        "table",
        "csv",
        "0x10",
        "1e3",
        "-1",
        "NaN",
        "regimes.__proto__.access=1",
      ),
      fc.string({ maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
        const io = fakeIo();
        const code = await runCli(argv, io);
        expect([0, 1, 2]).toContain(code);
        const err = io.err.join("");
        expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
        if (code === 0 && argv.includes("json")) expect(io.out.join("")).not.toMatch(/\bNaN\b/);
        expectPrototypeUntouched();
      }),
      { seed: 5, numRuns: 120 },
    );
  });
});

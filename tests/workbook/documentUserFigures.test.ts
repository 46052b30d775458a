import { afterEach, describe, expect, it } from "vitest";
import { FIGURES, findFigure } from "../../src/figures/index";
import { setUserFigures } from "../../src/figures/userFigures";
import { isModelError } from "../../src/model/errors";
import {
  DOCUMENT_VERSION,
  documentTextOfXml,
  documentXml,
  parseDocument,
  serializeDocument,
  type ChipShiftDocument,
} from "../../src/workbook/document";
import { filingFigure, HOSTILE_TEXTS, houseEstimate } from "../figures/userFixtures";
import { expectPrototypeUntouched } from "../hardening/prototype";
import { smallScenario } from "../model/fixtures";

afterEach(() => {
  setUserFigures([]);
  expectPrototypeUntouched();
});

function doc(overrides: Partial<ChipShiftDocument> = {}): ChipShiftDocument {
  return {
    schema: "chipshift/workbook",
    version: DOCUMENT_VERSION,
    savedAt: "2026-12-03T01:00:00.000Z",
    scenario: { name: "Mine", presetId: null, scenario: smallScenario() },
    simulationSpec: { inputs: { marketGrowth: { kind: "uniform", min: 0.1, max: 0.3 } } },
    ...overrides,
  };
}

function parsed(text: string): ChipShiftDocument {
  const result = parseDocument(text);
  if (isModelError(result)) throw new Error(result.message);
  return result;
}

function messageOf(text: string): string {
  const result = parseDocument(text);
  if (!isModelError(result)) throw new Error("expected a ModelError");
  return result.message;
}

describe("the workbook document carries the analyst's own figures (version 2)", () => {
  it("save → reopen (custom XML part and back) keeps every user figure, hostile text included, and CHIPS.FIGURE sees them", () => {
    const hostile = houseEstimate({
      id: "hostile",
      label: HOSTILE_TEXTS[0]!,
      quote: HOSTILE_TEXTS[1]!,
      note: HOSTILE_TEXTS[2]!,
    });
    const original = doc({ userFigures: [houseEstimate(), filingFigure(), hostile] });
    const text = documentTextOfXml(documentXml(serializeDocument(original)));
    if (isModelError(text)) throw new Error(text.message);
    const back = parsed(text);
    expect(back).toEqual(original);
    expect(back.userFigures![2]!.label).toBe(HOSTILE_TEXTS[0]);
    setUserFigures(back.userFigures!);
    const fig = findFigure("my_nvda_q3fy27_china");
    expect(isModelError(fig) ? fig.message : fig.value).toBe(2100);
  });

  it("a version 1 document (before user figures) still opens, as the current version without figures", () => {
    const v1 = { ...JSON.parse(serializeDocument(doc())), version: 1 } as Record<string, unknown>;
    const back = parsed(JSON.stringify(v1));
    expect(back.version).toBe(2);
    expect(back.userFigures).toBeUndefined();
    expect(back.scenario.name).toBe("Mine");
  });

  it("a version 1 document's stray userFigures field is ignored (that version had none)", () => {
    const v1 = { ...JSON.parse(serializeDocument(doc())), version: 1, userFigures: "garbage" };
    expect(parsed(JSON.stringify(v1)).userFigures).toBeUndefined();
  });

  it("an empty list reads back as no figures", () => {
    expect(parsed(serializeDocument(doc({ userFigures: [] }))).userFigures).toBeUndefined();
  });

  it("a stored figure breaking a rule is refused with its field named", () => {
    const bad = (fig: unknown): string =>
      messageOf(
        JSON.stringify({ ...JSON.parse(serializeDocument(doc())), userFigures: [houseEstimate(), fig] }),
      );
    expect(bad(houseEstimate({ id: "__proto__" }))).toMatch(/^userFigures\.1\.id: /);
    expect(bad(houseEstimate({ url: "javascript:alert(1)" }))).toMatch(/^userFigures\.1\.url: URL must be/);
    expect(bad(houseEstimate({ quote: "q".repeat(100_000) }))).toMatch(
      /^userFigures\.1\.quote: quote is too long/,
    );
    expect(bad(houseEstimate())).toMatch(/^userFigures\.1\.id: id "house_china_dc_2027" is used twice/);
    expect(
      messageOf(JSON.stringify({ ...JSON.parse(serializeDocument(doc())), userFigures: { a: 1 } })),
    ).toMatch(/^userFigures: /);
  });

  it("a stored figure smuggling a __proto__ key is refused and pollutes nothing", () => {
    const text = serializeDocument(doc({ userFigures: [houseEstimate()] })).replace(
      '"id":"house_china_dc_2027"',
      '"__proto__":{"polluted":true},"id":"house_china_dc_2027"',
    );
    expect(text).toContain("__proto__");
    expect(messageOf(text)).toMatch(/^userFigures\.0/);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("more than 200 stored figures are refused", () => {
    const many = Array.from({ length: 201 }, (_, i) => houseEstimate({ id: `f${i}` }));
    expect(messageOf(serializeDocument(doc({ userFigures: many })))).toMatch(/^userFigures: at most 200/);
  });

  it("a stored figure whose id a newer dataset has taken still opens, and the dataset figure wins the look-up", () => {
    const taken = FIGURES[0]!;
    const back = parsed(
      serializeDocument(doc({ userFigures: [houseEstimate({ id: taken.id, value: -7 })] })),
    );
    expect(back.userFigures).toHaveLength(1);
    setUserFigures(back.userFigures!);
    const fig = findFigure(taken.id);
    expect(isModelError(fig) ? fig.message : fig.value).toBe(taken.value);
  });
});

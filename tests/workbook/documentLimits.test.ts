import { afterEach, describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { findPreset } from "../../src/model/presets";
import type { Preset } from "../../src/model/types";
import {
  documentTextOfXml,
  documentXml,
  MAX_DOCUMENT_LENGTH,
  parseDocument,
  serializeDocument,
  type ChipShiftDocument,
} from "../../src/workbook/document";
import { expectPrototypeUntouched } from "../hardening/prototype";

const licensed = (findPreset("licensed") as Preset).scenario;

afterEach(expectPrototypeUntouched);

function withInputs(inputs: unknown): string {
  return JSON.stringify({
    schema: "chipshift/workbook",
    version: 2,
    savedAt: "",
    scenario: { name: "Hostile", presetId: null, scenario: licensed },
    simulationSpec: { inputs },
  });
}

function codeOf(text: string): string {
  const result = parseDocument(text);
  return isModelError(result) ? result.code : "ok";
}

describe("parseDocument(text) limits", () => {
  it("parseDocument(a 300k-value discrete distribution) is invalidInput naming the limit, not a stack overflow", () => {
    // short values (≈ 1.8 MB of text) so the document stays under the size limit and reaches validation
    const values = Array.from({ length: 300_000 }, (_, i) => (i % 9) / 10);
    const text = withInputs({ marketGrowth: { kind: "discrete", values, weights: values.map(() => 1) } });
    const result = parseDocument(text);
    expect(isModelError(result) && result.code).toBe("invalidInput");
    expect(isModelError(result) && result.message).toContain("at most 10000 values");
  });

  it("parseDocument(text over the size limit) is invalidInput before parsing", () => {
    const text = `{"pad":"${"x".repeat(MAX_DOCUMENT_LENGTH)}"}`;
    const result = parseDocument(text);
    expect(isModelError(result) && result.message).toContain("too large");
  });

  it("parseDocument(hostile input names and a __proto__ distribution) is an error, prototype untouched", () => {
    expect(codeOf(withInputs(JSON.parse('{"__proto__": {"kind": "fixed", "value": 1}}')))).toBe("ok");
    expect(codeOf(withInputs({ constructor: { kind: "fixed", value: 1 } }))).toBe("invalidInput");
    expect(codeOf(withInputs({ marketGrowth: { kind: "constructor" } }))).toBe("invalidInput");
    expect(codeOf(withInputs({ marketGrowth: { kind: "toString", min: 0 } }))).toBe("invalidInput");
  });

  it("parseDocument(a scenario name of 40,000 characters) is invalidInput", () => {
    const doc = JSON.parse(withInputs({})) as ChipShiftDocument & { scenario: { name: string } };
    doc.scenario.name = "n".repeat(40_000);
    expect(codeOf(serializeDocument(doc))).toBe("invalidInput");
  });
});

describe("documentTextOfXml(xml) in linear time", () => {
  it("documentTextOfXml(200,000 unclosed <chipshift tags) answers 'no chipshift element' (the old regex took minutes)", () => {
    const xml = "<chipshift ".repeat(200_000);
    const result = documentTextOfXml(xml);
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });

  it("documentTextOfXml(opened but never closed element with a long body) is an error", () => {
    const xml = `<chipshift>${"<chipshift>".repeat(100_000)}`;
    expect(isModelError(documentTextOfXml(xml))).toBe(true);
  });

  it("documentTextOfXml(xml) keeps an out-of-range character reference instead of throwing", () => {
    expect(documentTextOfXml("<chipshift>&#99999999;</chipshift>")).toBe("&#99999999;");
  });

  it("documentTextOfXml(documentXml(text)) round-trips with a prefix and a self-closing element", () => {
    expect(documentTextOfXml(documentXml('{"a":"<&>"}'))).toBe('{"a":"<&>"}');
    expect(documentTextOfXml('<x:chipshift xmlns:x="u">1</x:chipshift>')).toBe("1");
    expect(documentTextOfXml("<chipshift/>")).toBe("");
    expect(isModelError(documentTextOfXml("<chipshiftx>1</chipshiftx>"))).toBe(true);
  });
});

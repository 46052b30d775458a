import { describe, expect, it } from "vitest";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import type { SimulationSpec } from "../../src/analysis/simulationSpec";
import { isModelError } from "../../src/model/errors";
import { findPreset } from "../../src/model/presets";
import type { Scenario } from "../../src/model/types";
import {
  documentTextOfXml,
  documentXml,
  parseDocument,
  serializeDocument,
  type ChipShiftDocument,
} from "../../src/workbook/document";
import { deepFreeze, smallScenario } from "../model/fixtures";

function spec(): SimulationSpec {
  return {
    inputs: {
      marketGrowth: { kind: "triangular", min: 0.1, mode: 0.2, max: 0.3 },
      substitutionRate: { kind: "uniform", min: 0.1, max: 0.4 },
    },
    regimeChain: { transition: { open: { open: 0.9, lic: 0.1 }, lic: { open: 0.5, lic: 0.5 } } },
    correlation: {
      inputs: ["marketGrowth", "substitutionRate"],
      matrix: [
        [1, 0.3],
        [0.3, 1],
      ],
    },
    thresholds: [{ output: { metric: "cumulativeNvidiaChina" }, op: "<", value: 50 }],
  };
}

function doc(overrides: Partial<ChipShiftDocument> = {}): ChipShiftDocument {
  return deepFreeze({
    schema: "chipshift/workbook",
    version: 2,
    savedAt: "2026-03-01T12:00:00.000Z",
    scenario: { name: "My case", presetId: null, scenario: smallScenario() },
    simulationSpec: spec(),
    simulationSettings: { trials: 10000, seed: 42, sampling: "lhs" },
    ...overrides,
  });
}

/** The serialized document as a mutable object, to break one field at a time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary nested fields
type Loose = Record<string, any>;

function raw(): Loose {
  return JSON.parse(serializeDocument(doc())) as Loose;
}

function errorOf(text: string): { code: string; message: string } {
  const result = parseDocument(text);
  if (!isModelError(result)) throw new Error("expected a ModelError");
  return { code: result.code, message: result.message };
}

describe("parseDocument(text) rejects", () => {
  it("parseDocument(text) rejects text that is not JSON", () => {
    const e = errorOf("{not json");
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/not valid JSON/);
  });

  it("parseDocument(text) rejects another schema and names the field", () => {
    const e = errorOf(JSON.stringify({ ...raw(), schema: "something/else" }));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^schema:/);
  });

  it("parseDocument(text) names a wrong field's path (scenario.name)", () => {
    const bad = raw();
    bad["scenario"].name = 12;
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^scenario\.name:/);
  });

  it("parseDocument(text) names the scenario input that is out of range", () => {
    const bad = raw();
    bad["scenario"].scenario.domesticShareCap = 1.4;
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/domesticShareCap/);
  });

  it("parseDocument(text) names a distribution of an unknown kind", () => {
    const bad = raw();
    bad["simulationSpec"].inputs.marketGrowth = { kind: "cauchy", x0: 0 };
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^simulationSpec\.inputs\.marketGrowth/);
  });

  it("parseDocument(text) applies the engine's spec checks (triangular mode outside [min, max])", () => {
    const bad = raw();
    bad["simulationSpec"].inputs.marketGrowth = { kind: "triangular", min: 0.1, mode: 0.5, max: 0.3 };
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^simulationSpec: marketGrowth/);
  });

  it("parseDocument(text) rejects a regime chain whose row does not sum to 1", () => {
    const bad = raw();
    // hand-computed: 0.8 + 0.3 = 1.1 ≠ 1
    bad["simulationSpec"].regimeChain = { transition: { open: { open: 0.8, lic: 0.3 }, lic: { lic: 1 } } };
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^simulationSpec\.regimeChain:/);
  });

  it("parseDocument(text) rejects trials outside 2..1,000,000 in the settings", () => {
    const bad = raw();
    bad["simulationSettings"].trials = 1;
    const e = errorOf(JSON.stringify(bad));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^simulationSettings\.trials:/);
  });

  it("parseDocument(text) refuses a future version and asks for an update", () => {
    const e = errorOf(JSON.stringify({ ...raw(), version: 3, somethingNew: true }));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toContain("saved by a newer ChipShift (version 3); update the add-in");
  });
});

describe("parseDocument(text) reads", () => {
  it("parseDocument(serializeDocument(doc)) round-trips every field", () => {
    const original = doc();
    const back = parseDocument(serializeDocument(original));
    expect(isModelError(back)).toBe(false);
    expect(back).toEqual(original);
  });

  it("parseDocument(text) round-trips a preset's default spec (lognormal-free, triangular + chain)", () => {
    const preset = findPreset("licensed");
    if (isModelError(preset)) throw new Error(preset.message);
    const original = doc({
      scenario: { name: preset.name, presetId: preset.id, scenario: preset.scenario },
      simulationSpec: defaultSimulationSpec(preset.scenario),
    });
    expect(parseDocument(serializeDocument(original))).toEqual(original);
  });

  it("parseDocument(text) keeps a document without simulation settings", () => {
    const { simulationSettings: _dropped, ...rest } = raw();
    const back = parseDocument(JSON.stringify(rest));
    if (isModelError(back)) throw new Error(back.message);
    expect(back.simulationSettings).toBeUndefined();
  });

  it("parseDocument(text) migrates version 0 (one named scenario) to the current version with the default spec", () => {
    const scenario: Scenario = smallScenario();
    const v0 = { schema: "chipshift/workbook", version: 0, savedAt: "2025-12-01", name: "Old", scenario };
    const back = parseDocument(JSON.stringify(v0));
    if (isModelError(back)) throw new Error(back.message);
    expect(back.version).toBe(2);
    expect(back.savedAt).toBe("2025-12-01");
    expect(back.scenario).toEqual({ name: "Old", presetId: null, scenario });
    expect(back.simulationSpec).toEqual(defaultSimulationSpec(scenario));
  });

  it("parseDocument(text) names the field of a broken version 0 document", () => {
    const v0 = { schema: "chipshift/workbook", version: 0, name: "Old", scenario: { horizon: 0 } };
    const e = errorOf(JSON.stringify(v0));
    expect(e.code).toBe("invalidInput");
    expect(e.message).toMatch(/^scenario: .*horizon/);
  });
});

describe("documentXml(text) / documentTextOfXml(xml)", () => {
  it("documentXml(text) escapes markup and documentTextOfXml reads it back", () => {
    const text = '{"name":"<a> & \\"b\\""}';
    const xml = documentXml(text);
    expect(xml).toBe(
      '<chipshift xmlns="urn:chipshift:workbook:v1">{"name":"&lt;a&gt; &amp; \\"b\\""}</chipshift>',
    );
    expect(documentTextOfXml(xml)).toBe(text);
  });

  it("documentTextOfXml(xml) accepts an XML declaration, a prefix and character references", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><c:chipshift xmlns:c="urn:chipshift:workbook:v1">&#123;&quot;a&quot;:1&#x7D;</c:chipshift>';
    expect(documentTextOfXml(xml)).toBe('{"a":1}');
  });

  it("documentTextOfXml(xml) is invalidInput for a part without the element", () => {
    const result = documentTextOfXml("<other/>");
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });
});

import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../src/model/presets";
import { presetNamedScenario } from "../../../src/taskpane/build/buildScenarios";
import { parseScenarioFile, scenarioFileText } from "../../../src/taskpane/build/scenarioJson";

const licensed = presetNamedScenario(PRESETS[0]!);

describe("parseScenarioFile", () => {
  it("parseScenarioFile(text, name) reports text that is not JSON", () => {
    const result = parseScenarioFile("{oops", "bad.json");
    expect(result.scenarios).toEqual([]);
    expect(result.errors[0]).toMatch(/^bad\.json is not valid JSON/);
  });

  it("parseScenarioFile rejects an unknown format and an empty list", () => {
    expect(parseScenarioFile('{"format":"other","version":1}', "x.json").errors[0]).toBe(
      'format must be "chipshift.scenarios", got "other"',
    );
    expect(
      parseScenarioFile('{"format":"chipshift.scenarios","version":1,"scenarios":[]}', "x.json").errors,
    ).toEqual(["the file holds no scenarios"]);
  });

  it("parseScenarioFile names the scenario and the field of each invalid input", () => {
    const bad = { ...licensed, scenario: { ...licensed.scenario, domesticShareCap: 1.4 } };
    const text = scenarioFileText([licensed, { ...bad, name: "Bull" }]);
    const result = parseScenarioFile(text, "s.json");
    // the bound comes from DESIGN.md §4.1: domesticShareCap in (0, 1]
    expect(result.errors).toContain('"Bull" (scenario 2): domesticShareCap must be between 0 and 1, got 1.4');
  });

  it("parseScenarioFile rejects a name used twice in the file", () => {
    const text = scenarioFileText([licensed, licensed]);
    expect(parseScenarioFile(text, "s.json").errors).toEqual([
      '"Licensed trade" (scenario 2): name is used twice in the file',
    ]);
  });

  it("parseScenarioFile(scenarioFileText(s)) round-trips name, scenario, provenance and rationale", () => {
    const result = parseScenarioFile(scenarioFileText([licensed]), "s.json");
    expect(result.errors).toEqual([]);
    expect(result.scenarios).toEqual([licensed]);
  });

  it("parseScenarioFile reads a bare §4.1 scenario and names it after the file", () => {
    const result = parseScenarioFile(JSON.stringify(licensed.scenario), "my-case.json");
    expect(result.scenarios[0]?.name).toBe("my-case");
    expect(result.scenarios[0]?.provenance["marketBase"]).toEqual({
      assumption: "Imported from my-case.json",
    });
  });
});

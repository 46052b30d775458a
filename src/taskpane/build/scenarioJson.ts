/**
 * Scenario files: the pane exports `{ format: "chipshift.scenarios", version: 1, scenarios: [{ name, scenario,
 * provenance, rationale }] }` and imports that or a bare §4.1 scenario object (the CLI's `--scenario` file).
 * Every scenario is checked with `scenarioIssues`; problems name the scenario and the field. Pure.
 */
import { copyScenario, scenarioIssues } from "../../model/validate";
import type { Provenance, Scenario } from "../../model/types";
import type { NamedScenario } from "../../workbook/layout/types";

export const SCENARIO_FILE_FORMAT = "chipshift.scenarios";
export const SCENARIO_FILE_NAME = "chipshift-scenarios.json";

export interface ScenarioFileResult {
  /** The scenarios that validated (none when the file itself is malformed). */
  readonly scenarios: NamedScenario[];
  /** One line per problem, e.g. `"Bull" (scenario 2): domesticShareCap must be between 0 and 1, got 1.4`. */
  readonly errors: string[];
}

/** The JSON text of a scenario file holding `scenarios` (2-space indented). */
export function scenarioFileText(scenarios: readonly NamedScenario[]): string {
  return JSON.stringify(
    {
      format: SCENARIO_FILE_FORMAT,
      version: 1,
      scenarios: scenarios.map((s) => ({
        name: s.name,
        scenario: s.scenario,
        provenance: s.provenance,
        ...(s.rationale === undefined ? {} : { rationale: s.rationale }),
      })),
    },
    null,
    2,
  );
}

/**
 * Parses a scenario file. A bare scenario is named after the file (without ".json").
 *
 * @example parseScenarioFile('{"format":"chipshift.scenarios","version":1,"scenarios":[]}', "x.json").errors
 *   // → ["the file holds no scenarios"]
 */
export function parseScenarioFile(text: string, fileName: string): ScenarioFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { scenarios: [], errors: [`${fileName} is not valid JSON (${reason})`] };
  }
  if (!isRecord(json)) return { scenarios: [], errors: [`${fileName} must hold a JSON object`] };
  if (json["format"] === undefined) {
    const name = fileName.replace(/\.json$/i, "") || "Imported";
    return collect([{ name, scenario: json }], fileName);
  }
  if (json["format"] !== SCENARIO_FILE_FORMAT)
    return {
      scenarios: [],
      errors: [`format must be "${SCENARIO_FILE_FORMAT}", got ${JSON.stringify(json["format"])}`],
    };
  if (json["version"] !== 1)
    return { scenarios: [], errors: [`version must be 1, got ${JSON.stringify(json["version"])}`] };
  const list = json["scenarios"];
  if (!Array.isArray(list)) return { scenarios: [], errors: ["scenarios must be a list"] };
  if (list.length === 0) return { scenarios: [], errors: ["the file holds no scenarios"] };
  return collect(list, fileName);
}

function collect(list: readonly unknown[], fileName: string): ScenarioFileResult {
  const scenarios: NamedScenario[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    const where = `scenario ${i + 1}`;
    if (!isRecord(entry)) return void errors.push(`${where} must be an object`);
    const name = typeof entry["name"] === "string" ? entry["name"].trim() : "";
    if (name === "") return void errors.push(`${where}: name must be non-empty text`);
    const label = `"${name}" (${where})`;
    if (seen.has(name.toLowerCase())) return void errors.push(`${label}: name is used twice in the file`);
    seen.add(name.toLowerCase());
    const issues = scenarioIssues(entry["scenario"]);
    if (issues.length > 0) {
      for (const issue of issues) errors.push(`${label}: ${issue.message}`);
      return;
    }
    const scenario = copyScenario(entry["scenario"] as Scenario);
    const rationale = typeof entry["rationale"] === "string" ? entry["rationale"] : undefined;
    scenarios.push({
      name,
      scenario,
      provenance: importedProvenance(scenario, entry["provenance"], fileName),
      ...(rationale === undefined ? {} : { rationale }),
    });
  });
  return { scenarios, errors };
}

/** Well-formed provenance entries are kept; every other input is labelled as imported from the file. */
function importedProvenance(scenario: Scenario, raw: unknown, fileName: string): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (!isRecord(value)) continue;
      if (typeof value["figureId"] === "string") {
        const note = typeof value["note"] === "string" ? { note: value["note"] } : {};
        out[key] = { figureId: value["figureId"], ...note };
      } else if (typeof value["assumption"] === "string") out[key] = { assumption: value["assumption"] };
    }
  }
  for (const key of Object.keys(scenario)) out[key] ??= { assumption: `Imported from ${fileName}` };
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

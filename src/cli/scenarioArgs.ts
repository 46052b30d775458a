/**
 * The scenario options every scenario-taking subcommand shares: `--preset <id|name>` or `--scenario <file.json>`
 * (a §4.1 scenario object, or `{ "scenario": {...} }`), `--horizon <years>` and repeatable `--set <id>=<value>`
 * (ids as in `applyOverrides`: scalars, `regimes.<name>.access`, `regimePath.3`, `regimePath=a,b,c`,
 * `marketPath.2027`, `vendors.<name>.weight`). Errors come back as text for stderr (exit code 2).
 */
import {
  applyOverrides,
  BASE_PRESET_ID,
  findPreset,
  isModelError,
  validateScenario,
  type Scenario,
} from "../model/index";
import type { CliIo } from "./io";

/** parseArgs option declarations for the shared scenario options. */
export const SCENARIO_OPTIONS = {
  preset: { type: "string" },
  scenario: { type: "string" },
  horizon: { type: "string" },
  set: { type: "string", multiple: true },
} as const;

export interface ScenarioArgValues {
  readonly preset?: string | undefined;
  readonly scenario?: string | undefined;
  readonly horizon?: string | undefined;
  readonly set?: readonly string[] | undefined;
}

/**
 * The scenario the options describe, or an error message.
 *
 * @example resolveScenarioArgs({ preset: "detente", set: ["marketGrowth=0.3"] }, io) // → Scenario with g = 0.3
 */
export function resolveScenarioArgs(
  values: ScenarioArgValues,
  io: CliIo,
): Scenario | { readonly error: string } {
  if (values.preset !== undefined && values.scenario !== undefined) {
    return { error: "give either --preset or --scenario, not both" };
  }
  let base: Scenario;
  if (values.scenario !== undefined) {
    const loaded = loadScenarioFile(values.scenario, io);
    if ("error" in loaded) return loaded;
    base = loaded;
  } else {
    const preset = findPreset(values.preset ?? BASE_PRESET_ID);
    if (isModelError(preset)) return { error: preset.message };
    base = preset.scenario;
  }
  const pairs: Array<readonly [string, string]> = [];
  if (values.horizon !== undefined) pairs.push(["horizon", values.horizon]);
  for (const assignment of values.set ?? []) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) return { error: `--set expects <id>=<value>, got "${assignment}"` };
    pairs.push([assignment.slice(0, eq), assignment.slice(eq + 1)]);
  }
  const result = applyOverrides(base, pairs);
  return isModelError(result) ? { error: result.message } : result;
}

export function loadScenarioFile(path: string, io: CliIo): Scenario | { readonly error: string } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return {
      error: `cannot read scenario file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      error: `scenario file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const candidate =
    typeof parsed === "object" && parsed !== null && "scenario" in parsed ? parsed.scenario : parsed;
  const valid = validateScenario(candidate);
  return isModelError(valid) ? { error: `scenario file ${path}: ${valid.message}` } : valid;
}

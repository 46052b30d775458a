/**
 * `chipshift evidence (--scenarios a,b,c | --all-presets) [--evidence FILE] [--priors 1,1,2]
 * [--format json|table]`: which scenario the reported figures support (DESIGN.md §5.1). Scenarios are preset
 * ids/names or scenario files (`*.json`); without `--evidence` the presets' default evidence set is used.
 * JSON: `{ "observations": [{ series, period, value, sd, figureId }], "scenarios": [{ id, name,
 * logLikelihood, prior, posterior }] }`. Bad evidence exits 2 with a message naming the entry.
 */
import { parseArgs } from "node:util";
import { isModelError } from "../model/errors";
import { findPreset, PRESETS } from "../model/presets";
import { defaultEvidence } from "../analysis/defaultEvidence";
import { observationShape, type EvidenceSet, type Observation } from "../analysis/evidence";
import { scenarioWeights, type ScenarioEntry, type ScenarioWeight } from "../analysis/scenarioWeights";
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from "./io";
import { loadScenarioFile } from "./scenarioArgs";
import { alignColumns } from "./table";

const FORMATS = ["table", "json"] as const;

/**
 * Runs `evidence`; returns the exit code.
 *
 * @example run(["--all-presets", "--format", "json"], io) // → 0, { observations, scenarios } on stdout
 */
export function run(argv: readonly string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        scenarios: { type: "string" },
        "all-presets": { type: "boolean" },
        evidence: { type: "string" },
        priors: { type: "string" },
        format: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return EXIT_BAD_INPUT;
  }
  const format = FORMATS.find((f) => f === (values.format ?? "table"));
  if (format === undefined) {
    io.stderr(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
    return EXIT_BAD_INPUT;
  }
  const entries = scenarioEntries(values.scenarios, values["all-presets"] === true, io);
  if ("error" in entries) {
    io.stderr(entries.error);
    return EXIT_BAD_INPUT;
  }
  const evidence = values.evidence === undefined ? defaultEvidence() : readEvidenceFile(values.evidence, io);
  if ("error" in evidence) {
    io.stderr(evidence.error);
    return EXIT_BAD_INPUT;
  }
  let priors: number[] | undefined;
  if (values.priors !== undefined) {
    priors = values.priors.split(",").map((p) => (p.trim() === "" ? NaN : Number(p)));
  }
  const weights = scenarioWeights(entries, evidence.observations, priors);
  if (isModelError(weights)) {
    io.stderr(weights.message);
    return EXIT_BAD_INPUT;
  }
  const observations = observationShape(evidence.observations);
  const scenarios = weights.map(({ id, name, logLikelihood, prior, posterior }) => ({
    id,
    name,
    logLikelihood,
    prior,
    posterior,
  }));
  io.stdout(
    format === "json"
      ? JSON.stringify({ observations, scenarios }, null, 2)
      : formatTable(observations, weights),
  );
  return EXIT_OK;
}

/**
 * Reads an evidence file `{ "observations": [...] }` (the entries are validated against each scenario).
 *
 * @example readEvidenceFile("evidence.json", io).observations.length
 */
export function readEvidenceFile(path: string, io: CliIo): EvidenceSet | { readonly error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(io.readFile(path));
  } catch (error) {
    return {
      error: `cannot read evidence file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !Object.hasOwn(parsed, "observations") ||
    !Array.isArray((parsed as { observations?: unknown }).observations)
  ) {
    return { error: `evidence file ${path} must be { "observations": [ … ] }` };
  }
  return parsed as EvidenceSet;
}

function scenarioEntries(
  list: string | undefined,
  allPresets: boolean,
  io: CliIo,
): ScenarioEntry[] | { readonly error: string } {
  if ((list === undefined) === !allPresets)
    return { error: "give either --scenarios a,b,c or --all-presets" };
  if (allPresets) return PRESETS.map((p) => ({ id: p.id, name: p.name, scenario: p.scenario }));
  const entries: ScenarioEntry[] = [];
  for (const item of (list ?? "").split(",").map((s) => s.trim())) {
    if (item.toLowerCase().endsWith(".json")) {
      const scenario = loadScenarioFile(item, io);
      if ("error" in scenario) return scenario;
      entries.push({ id: item, name: item, scenario });
      continue;
    }
    const preset = findPreset(item);
    if (isModelError(preset)) return { error: preset.message };
    entries.push({ id: preset.id, name: preset.name, scenario: preset.scenario });
  }
  return entries;
}

function formatTable(observations: readonly Observation[], weights: readonly ScenarioWeight[]): string {
  const lines = [`Evidence: ${observations.length} observations (USD bn)`];
  for (const o of observations)
    lines.push(`  ${o.series} ${o.period} = ${o.value} ± ${o.sd}${o.figureId ? ` [${o.figureId}]` : ""}`);
  const rows = [
    ["scenario", "log-likelihood", "prior", "posterior", "worst-fitting observation"],
    ...weights.map((w) => [
      w.name,
      w.logLikelihood.toFixed(3),
      w.prior.toFixed(3),
      w.posterior.toFixed(3),
      w.dominantObservation,
    ]),
  ];
  lines.push("", alignColumns(rows, [0, 4]));
  return lines.join("\n");
}

/**
 * `chipshift simulate (--preset … | --scenario f.json) --trials N --seed S [--sampling lhs|mc]
 * [--spec spec.json] [--evidence evidence.json] [--format table|json]`: Monte Carlo percentiles of the key series per year and the summary
 * metrics. Without `--spec` the default spec of src/analysis/defaultSpec.ts is used (triangular ranges around
 * eight key inputs + the regime chain anchored on the scenario's path; every range an analyst assumption).
 * `--evidence FILE` (`{ "observations": [...] }`, DESIGN §5.1) adds `posterior` (ESS, weighted statistics per
 * series and year, regime posterior) beside the prior statistics.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { isModelError } from "../model/errors";
import { parseDecimal } from "../model/decimalText";
import { echo } from "../model/own";
import type { Scenario } from "../model/types";
import { defaultSimulationSpec } from "../analysis/defaultSpec";
import { simulate } from "../analysis/simulate";
import { validateSimulationSpec, type SimulationSpec } from "../analysis/simulationSpec";
import type { PosteriorResult } from "../analysis/posterior";
import type { SampleStats, SimulationResult } from "../analysis/summarize";
import { readEvidenceFile } from "./evidence";
import { EXIT_BAD_INPUT, EXIT_OK, systemReason, type CliIo } from "./io";
import { alignColumns } from "./table";
import { resolveScenarioArgs, SCENARIO_OPTIONS } from "./scenarioArgs";

const FORMATS = ["table", "json"] as const;
const TABLE_SERIES = ["nvidiaChina", "nvidiaChinaNet", "domesticShare"] as const;

/**
 * Runs `simulate`; returns the exit code.
 *
 * @example run(["--preset", "licensed", "--trials", "10000", "--seed", "42"], io) // → 0, percentile table
 */
export function run(argv: readonly string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        ...SCENARIO_OPTIONS,
        trials: { type: "string" },
        seed: { type: "string" },
        sampling: { type: "string" },
        spec: { type: "string" },
        evidence: { type: "string" },
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
  const trials = integerOption("trials", values.trials ?? "10000");
  const seed = integerOption("seed", values.seed ?? "1");
  if (typeof trials === "string" || typeof seed === "string") {
    io.stderr(typeof trials === "string" ? trials : (seed as string));
    return EXIT_BAD_INPUT;
  }
  const sampling = values.sampling ?? "lhs";
  if (sampling !== "lhs" && sampling !== "mc") {
    io.stderr(`--sampling must be lhs or mc, got "${sampling}"`);
    return EXIT_BAD_INPUT;
  }
  const scenario = resolveScenarioArgs(values, io);
  if ("error" in scenario) {
    io.stderr(scenario.error);
    return EXIT_BAD_INPUT;
  }
  let spec: SimulationSpec = defaultSimulationSpec(scenario);
  if (values.spec !== undefined) {
    const loaded = loadSpecFile(values.spec, scenario, io);
    if (typeof loaded === "string") {
      io.stderr(loaded);
      return EXIT_BAD_INPUT;
    }
    spec = loaded;
  }
  if (values.evidence !== undefined) {
    const evidence = readEvidenceFile(values.evidence, io);
    if ("error" in evidence) {
      io.stderr(evidence.error);
      return EXIT_BAD_INPUT;
    }
    spec = { ...spec, evidence };
  }
  const started = performance.now();
  const result = simulate(scenario, spec, { trials, seed, sampling });
  const elapsedMs = performance.now() - started;
  if (isModelError(result)) {
    io.stderr(result.message);
    return EXIT_BAD_INPUT;
  }
  if ("kind" in result) return EXIT_BAD_INPUT; // no cancel source on the CLI
  io.stdout(
    format === "json"
      ? JSON.stringify({ ...result, elapsedMs }, nonFiniteAsText, 2)
      : formatTable(result, elapsedMs),
  );
  return EXIT_OK;
}

/** The percentile table: one block per key series (years × statistics), then the summary metrics. */
export function formatTable(r: SimulationResult, elapsedMs: number): string {
  const header = ["", "mean", "sd", "P5", "P10", "P25", "P50", "P75", "P90", "P95"];
  const row = (label: string, s: SampleStats): string[] => [
    label,
    ...[s.mean, s.sd, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95].map((v) => fmt(v)),
  ];
  const blocks: string[] = [
    `ChipShift simulation: ${r.trials} trials, seed ${r.seed}, ${r.sampling.toUpperCase()}, ${r.generator}` +
      `, regimes: ${r.regimeUncertainty} (${(elapsedMs / 1000).toFixed(2)} s)`,
  ];
  for (const id of TABLE_SERIES) {
    const stats = r.series[id];
    if (!stats) continue;
    const rows = stats.map((s, t) => row(`${r.years.calendar[t]} ${r.years.fiscal[t]}`, s));
    blocks.push(
      `\n${id}${id === "domesticShare" ? " (fraction)" : " (USD bn)"}\n${alignColumns([header, ...rows])}`,
    );
  }
  const metricRows = Object.entries(r.metrics).map(([id, s]) => row(id, s));
  blocks.push(`\nsummary metrics\n${alignColumns([header, ...metricRows])}`);
  blocks.push(
    `\nP(domestic share reaches 50% by ${r.years.calendar.at(-1)}) = ${fmt(r.crossoverProbability)}`,
  );
  for (const t of r.thresholds) blocks.push(`${t.label} = ${fmt(t.probability)}`);
  blocks.push(
    `\nSpearman ρ with ${r.rankCorrelations.output}: ` +
      r.rankCorrelations.values.map((v) => `${v.input} ${v.rho.toFixed(3)}`).join(", "),
  );
  if (r.posterior !== undefined) blocks.push(posteriorBlock(r, r.posterior));
  return blocks.join("\n");
}

/** The posterior beside the prior: ESS, NVIDIA China revenue per year, regime posterior, thresholds. */
function posteriorBlock(r: SimulationResult, p: PosteriorResult): string {
  const lines = [
    `\nposterior given ${p.observations.length} observations: effective sample size ${p.ess.toFixed(0)} of ${r.trials}`,
  ];
  if (p.warning !== undefined) lines.push(`warning: ${p.warning}`);
  const header = ["", "mean", "sd", "P5", "P10", "P25", "P50", "P75", "P90", "P95"];
  const stats = p.series.nvidiaChina ?? [];
  const rows = stats.map((s, t) => [
    `${r.years.calendar[t]} ${r.years.fiscal[t]}`,
    ...[s.mean, s.sd, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95].map((v) => fmt(v)),
  ]);
  if (rows.length > 0) lines.push(`nvidiaChina | evidence (USD bn)\n${alignColumns([header, ...rows])}`);
  const names = Object.keys(p.regimes[0] ?? {});
  if (names.length > 0) {
    const regimeRows = p.regimes.map((probabilities, t) => [
      `${r.years.calendar[t]} ${r.years.fiscal[t]}`,
      ...names.map((n) => fmt(probabilities[n] ?? NaN)),
    ]);
    lines.push(`\nregime posterior\n${alignColumns([["", ...names], ...regimeRows])}`);
  }
  for (const t of p.thresholds) lines.push(`${t.label} = ${fmt(t.probability)}`);
  return lines.join("\n");
}

/**
 * JSON.stringify turns NaN into `null`, which already means "no CAGR / never crosses" in ChipShift's JSON; a
 * statistic that is not a number (a metric no trial produced) is written as the string "NaN" instead.
 */
function nonFiniteAsText(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

/** The spec file parsed and validated as a whole against the scenario, or a one-line message naming the file. */
function loadSpecFile(path: string, scenario: Scenario, io: CliIo): SimulationSpec | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(io.readFile(path));
  } catch (error) {
    return `cannot read spec file ${path}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : systemReason(error)}`;
  }
  const valid = validateSimulationSpec(scenario, parsed as SimulationSpec);
  return isModelError(valid) ? `spec file ${path}: ${valid.message}` : valid;
}

/** A whole-number option in strict decimal, or a one-line message. */
function integerOption(name: string, text: string): number | string {
  const n = parseDecimal(text);
  return n !== undefined && Number.isInteger(n)
    ? n
    : `--${name} must be a whole number, got ${JSON.stringify(echo(text))}`;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return "—";
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4);
}

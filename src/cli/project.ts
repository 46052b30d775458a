/**
 * `chipshift project`: the deterministic projection of a preset or scenario file, as a table, CSV or JSON
 * (JSON is exactly `JSON.stringify(projectScenario(scenario))`).
 */
import { parseArgs } from "node:util";
import {
  extent,
  isModelError,
  PRESETS,
  projectScenario,
  SERIES_IDS,
  VENDOR_SERIES_IDS,
  type Projection,
} from "../model/index";
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from "./io";
import { resolveScenarioArgs, SCENARIO_OPTIONS } from "./scenarioArgs";

const FORMATS = ["table", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

/**
 * Runs `project` with its arguments; returns the exit code.
 *
 * @example run(["--preset", "licensed", "--format", "json"], io) // → 0, JSON on io.stdout
 */
export function run(argv: readonly string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...SCENARIO_OPTIONS, format: { type: "string" }, "list-presets": { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return EXIT_BAD_INPUT;
  }
  if (values["list-presets"] === true) {
    io.stdout(listPresetsText());
    return EXIT_OK;
  }
  const format = FORMATS.find((f) => f === (values.format ?? "table"));
  if (format === undefined) {
    io.stderr(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
    return EXIT_BAD_INPUT;
  }
  const scenario = resolveScenarioArgs(values, io);
  if ("error" in scenario) {
    io.stderr(scenario.error);
    return EXIT_BAD_INPUT;
  }
  const projection = projectScenario(scenario);
  if (isModelError(projection)) {
    io.stderr(projection.message);
    return EXIT_BAD_INPUT;
  }
  io.stdout(formatProjection(projection, format));
  return EXIT_OK;
}

/** One line per preset: id, name, and the first sentence of its rationale. */
export function listPresetsText(): string {
  const [, width] = extent(PRESETS.map((p) => p.id.length));
  return PRESETS.map(
    (p) => `${p.id.padEnd(width)}  ${p.name} — ${p.rationale.split(/\.\s+(?=[A-Z])/)[0]}`,
  ).join("\n");
}

/**
 * Renders a projection: `json` = JSON.stringify(projection); `csv` = header `series,<years>` then one row per
 * series (vendor series as `units.<vendor>`), full precision; `table` = aligned columns (3 decimals) with both
 * calendar and fiscal year labels, followed by the summary.
 */
export function formatProjection(projection: Projection, format: Format): string {
  if (format === "json") return JSON.stringify(projection);
  const rows = seriesRows(projection);
  const years = projection.years;
  if (format === "csv") {
    const header = ["series", ...years.calendar.map(String)].join(",");
    return [header, ...rows.map(([id, values]) => [id, ...values.map(String)].join(","))].join("\n");
  }
  const cells = [
    ["series", ...years.calendar.map(String)],
    ["", ...years.fiscal],
    ...rows.map(([id, values]) => [id, ...values.map(formatNumber)]),
  ];
  const widths = cells[0]!.map((_, c) => extent(cells.map((row) => row[c]!.length))[1]);
  const table = cells.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
  );
  const s = projection.summary;
  const summary = [
    `cumulativeNvidiaChina (t=1..H, USD bn): ${formatNumber(s.cumulativeNvidiaChina)}`,
    `npvNvidiaChina (USD bn): ${formatNumber(s.npvNvidiaChina)}`,
    `cagrNvidiaChina: ${s.cagrNvidiaChina === null ? "n/a (T_0 ≤ 0)" : formatNumber(s.cagrNvidiaChina)}`,
    `crossoverYear (domestic share ≥ 50%): ${s.crossoverYear ?? "none"}`,
    `revenueAtRiskTotal vs no controls (USD bn): ${formatNumber(s.revenueAtRiskTotal)}`,
  ];
  return [...table, "", ...summary].join("\n");
}

function seriesRows(projection: Projection): Array<readonly [string, readonly number[]]> {
  const rows: Array<readonly [string, readonly number[]]> = SERIES_IDS.map(
    (id) => [id, projection.series[id]] as const,
  );
  for (const [vendor, series] of Object.entries(projection.vendors)) {
    for (const id of VENDOR_SERIES_IDS) rows.push([`${id}.${vendor}`, series[id]]);
  }
  rows.push(["revenueAtRisk", projection.summary.revenueAtRisk]);
  return rows;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en-US") : value.toFixed(3);
}

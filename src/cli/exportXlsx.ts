/**
 * `chipshift export-xlsx (--preset <id|name> … | --scenario file.json … | --all-presets) [--force] out.xlsx`: writes the
 * built model (CS Inputs, CS Model, CS Sources, CS Compare) as a standalone .xlsx with native formulas.
 * The first scenario is the Base. An existing file is replaced only with `--force`. Exit codes: 0 written, 2 bad
 * input or a file that cannot be read or written (one line on stderr).
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { PRESETS, findPreset, isModelError, validateScenario } from "../model/index";
import type { Provenance } from "../model/types";
import { buildWorkbookLayout } from "../workbook/layout/buildWorkbookLayout";
import type { NamedScenario } from "../workbook/layout/types";
import { writeLayoutToXlsx } from "../workbook/writers/xlsx";
import { EXIT_BAD_INPUT, EXIT_OK, systemReason, writeOutputFile, type CliIo } from "./io";

export interface ExportIo extends CliIo {
  readonly writeFile?: (path: string, bytes: Uint8Array) => void;
}

export async function run(argv: readonly string[], io: ExportIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        preset: { type: "string", multiple: true },
        scenario: { type: "string", multiple: true },
        "all-presets": { type: "boolean" },
        force: { type: "boolean" },
      },
    });
  } catch (error) {
    io.stderr(`export-xlsx: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = parsed;
  const out = positionals[0];
  if (out === undefined || positionals.length > 1 || !out.toLowerCase().endsWith(".xlsx")) {
    io.stderr(
      "export-xlsx: give exactly one output file ending in .xlsx, e.g. export-xlsx --all-presets out.xlsx",
    );
    return EXIT_BAD_INPUT;
  }
  const scenarios: NamedScenario[] = [];
  if (values["all-presets"] === true) for (const p of PRESETS) scenarios.push(fromPreset(p));
  for (const id of values.preset ?? []) {
    const preset = findPreset(id);
    if (isModelError(preset)) {
      io.stderr(`export-xlsx: ${preset.message}`);
      return EXIT_BAD_INPUT;
    }
    if (!scenarios.some((s) => s.name === preset.name)) scenarios.push(fromPreset(preset));
  }
  for (const file of values.scenario ?? []) {
    let json: unknown;
    try {
      json = JSON.parse(io.readFile(file));
    } catch (error) {
      io.stderr(
        `export-xlsx: cannot read scenario file ${file}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : systemReason(error)}`,
      );
      return EXIT_BAD_INPUT;
    }
    const scenario = validateScenario(json);
    if (isModelError(scenario)) {
      io.stderr(`export-xlsx: ${file}: ${scenario.message}`);
      return EXIT_BAD_INPUT;
    }
    const provenance: Record<string, Provenance> = {};
    for (const key of Object.keys(scenario))
      provenance[key] = { assumption: `From scenario file ${basename(file)}` };
    scenarios.push({ name: basename(file).replace(/\.json$/i, ""), scenario, provenance });
  }
  if (scenarios.length === 0) {
    io.stderr(
      "export-xlsx: choose scenarios with --preset <id|name>, --scenario <file.json> or --all-presets",
    );
    return EXIT_BAD_INPUT;
  }
  const layout = buildWorkbookLayout(scenarios, { builtAt: new Date().toISOString() });
  if (isModelError(layout)) {
    io.stderr(`export-xlsx: ${layout.message}`);
    return EXIT_BAD_INPUT;
  }
  const bytes = await writeLayoutToXlsx(layout);
  const problem = writeOutputFile(out, bytes, { force: values.force === true, write: io.writeFile });
  if (problem !== undefined) {
    io.stderr(`export-xlsx: ${problem}`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`wrote ${out} (${bytes.length} bytes; scenarios: ${scenarios.map((s) => s.name).join(", ")})`);
  return EXIT_OK;
}

function fromPreset(p: (typeof PRESETS)[number]): NamedScenario {
  return { name: p.name, scenario: p.scenario, provenance: p.provenance, rationale: p.rationale };
}

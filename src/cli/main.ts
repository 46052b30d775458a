/**
 * ChipShift command line: `npm run chipshift -- <command> [options]`.
 *
 * Subcommands are registered in `COMMANDS` with ONE line each; a module is loaded only when its command runs
 * (so `project` does not load ExcelJS). A command module exports `run(argv, io): number | Promise<number>`
 * (see `CommandRun` in ./io). To add one: create src/cli/<name>.ts and add a line such as
 *   simulate: { summary: "Monte Carlo percentiles", load: () => import("./simulate") },
 */
import { pathToFileURL } from "node:url";
import { echo, ownValue } from "../model/own";
import { EXIT_BAD_INPUT, firstLine, processIo, type CliIo, type CommandRun } from "./io";
import { listPresetsText } from "./project";

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ run: CommandRun }>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  project: {
    summary: "deterministic projection of a preset or scenario file",
    load: () => import("./project"),
  },
  simulate: {
    summary: "Monte Carlo percentiles (LHS, Philox; --trials --seed --sampling)",
    load: () => import("./simulate"),
  },
  evidence: {
    summary: "which scenario the reported figures support (--scenarios a,b,c | --all-presets, --evidence)",
    load: () => import("./evidence"),
  },
  "export-xlsx": {
    summary: "write the built model as a standalone .xlsx",
    load: () => import("./exportXlsx"),
  },
};

/**
 * Runs the CLI for `argv` (without node and script) and returns the exit code.
 *
 * @example await runCli(["--list-presets"], io) // → 0, presets listed on io.stdout
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  if (name === "--list-presets") {
    io.stdout(listPresetsText());
    return 0;
  }
  const entry = ownValue(COMMANDS, name);
  if (entry === undefined) {
    io.stderr(`unknown command "${echo(name)}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
    return EXIT_BAD_INPUT;
  }
  try {
    const module = await entry.load();
    return await module.run(rest, io);
  } catch (error) {
    // One line, no stack: a user reads this (set CHIPSHIFT_DEBUG=1 for the stack).
    if (process.env["CHIPSHIFT_DEBUG"] === "1" && error instanceof Error) io.stderr(error.stack ?? "");
    io.stderr(
      `chipshift ${name} failed: ${firstLine(error instanceof Error ? error.message : String(error))}`,
    );
    return EXIT_BAD_INPUT;
  }
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(14)}${entry.summary}`);
  return [
    "usage: chipshift <command> [options]",
    "",
    "commands:",
    ...lines,
    "",
    "  --list-presets  list the preset scenarios",
    "",
    "project options: --preset <id|name> | --scenario <file.json>, --horizon <years>, --set <id>=<value> (repeatable),",
    "                 --format table|csv|json, --list-presets",
    "simulate options: the project options, --trials N, --seed S, --sampling lhs|mc, --spec <spec.json>,",
    "                 --evidence <evidence.json> (adds the posterior), --format table|json",
    "evidence options: --scenarios <id|name|file.json>,... | --all-presets, --evidence <evidence.json>,",
    "                 --priors 1,1,2, --format table|json",
  ].join("\n");
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  void runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}

/**
 * The CLI's view of the outside world, injected so commands run in-process in tests: output streams and
 * file reading. Commands return an exit code: 0 success, 2 bad input (message on stderr), 1 unexpected.
 */
import { readFileSync } from "node:fs";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A subcommand module exports `run` with this signature. */
export type CommandRun = (argv: readonly string[], io: CliIo) => Promise<number> | number;

/** The process-backed io used by `main`. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (path) => readFileSync(path, "utf8"),
};

/**
 * The CLI's view of the outside world, injected so commands run in-process in tests: output streams and
 * file reading. Commands return an exit code: 0 success, 2 any failure (one line on stderr naming the field or
 * file: bad input, unreadable or unwritable files, and unexpected errors alike).
 */
import { readFileSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname } from "node:path";

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

/**
 * Writes an output file, or returns the one-line reason it cannot be written: the folder is missing, the path
 * is a folder, the file exists and `force` is off, or the system refused (permission denied).
 *
 * @example writeOutputFile("out/model.xlsx", bytes, { force: false }) // → "out/model.xlsx exists; add --force to overwrite it"
 */
export function writeOutputFile(
  path: string,
  bytes: Uint8Array,
  options: {
    readonly force: boolean;
    readonly write?: ((path: string, bytes: Uint8Array) => void) | undefined;
  },
): string | undefined {
  const folder = dirname(path);
  const folderStats = statOrUndefined(folder);
  if (folderStats === undefined || !folderStats.isDirectory()) {
    return `cannot write ${path}: folder ${folder} does not exist`;
  }
  const existing = statOrUndefined(path);
  if (existing?.isDirectory() === true) return `cannot write ${path}: it is a folder`;
  if (existing !== undefined && !options.force) return `${path} exists; add --force to overwrite it`;
  try {
    (options.write ?? writeFileSync)(path, bytes);
    return undefined;
  } catch (error) {
    return `cannot write ${path}: ${systemReason(error)}`;
  }
}

/** A short reason for a file-system error ("permission denied", "no space left on device"…). */
export function systemReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOSPC":
      return "no space left on device";
    case "EROFS":
      return "read-only file system";
    default:
      return firstLine(error instanceof Error ? error.message : String(error));
  }
}

/** The first line of a message, at most 200 characters (stderr gets one line, never a stack). */
export function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

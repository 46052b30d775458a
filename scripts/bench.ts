/**
 * `npm run bench`: performance measurements, printed as a table and as a JSON block. Each section lives in
 * scripts/bench/<name>.ts and returns rows; add a section with one line in `SECTIONS`.
 * `npm run bench -- montecarlo pane` runs only the sections whose key is named (projection, montecarlo, pane).
 */
import { projectionSection } from "./bench/projection";
import { montecarloSection } from "./bench/montecarlo";
import { longTasksSection } from "./bench/longtasks";
import { evidenceSection } from "./bench/evidence";

/** One measurement. `ratio` compares with the section's reference (e.g. a hand-written loop), if any. */
export interface BenchRow {
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly ratio: number | null;
  /** The goal as text, e.g. "≥ 100000" or "ratio ≥ 0.3"; "" when informational. */
  readonly goal: string;
  /** Whether the goal is met (null when there is no goal). */
  readonly pass: boolean | null;
}

export type BenchSection = () => BenchRow[] | Promise<BenchRow[]>;

const SECTIONS: readonly (readonly [string, BenchSection])[] = [
  ["projection", projectionSection],
  ["montecarlo", montecarloSection],
  ["evidence", evidenceSection],
  ["pane", longTasksSection],
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [key, section] of SECTIONS)
    if (wanted.length === 0 || wanted.includes(key)) rows.push(...(await section()));
  printTable(rows);
  console.log("\nJSON:");
  console.log(JSON.stringify({ node: process.version, rows }, null, 2));
}

function printTable(rows: readonly BenchRow[]): void {
  const cells = [
    ["section", "name", "value", "unit", "ratio", "goal", "pass"],
    ...rows.map((r) => [
      r.section,
      r.name,
      formatValue(r.value),
      r.unit,
      r.ratio === null ? "" : r.ratio.toFixed(3),
      r.goal,
      r.pass === null ? "" : r.pass ? "yes" : "NO",
    ]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  for (const row of cells) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
}

function formatValue(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(4);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Imports the research files kept in the repository into the dataset the add-in ships.
 *
 *   npx tsx scripts/import-figures.ts
 *
 * Inputs (all inside the repo, under data/research/): figures.json (compiled 2026-11-28),
 * figures-refresh-2026-12.json (the refresh to Q2 FY2027) and provenance.json (the reviewed evidence classes,
 * primary references and cross-reference notes, by row id). Output: src/figures/data/dataset.json. Conversion
 * and validation live in src/figures/convert.ts; a row that cannot be converted stops the import with its id.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProvenanceEntry, RawFigureRow } from "../src/figures/convert";
import { convertFigures } from "../src/figures/convert";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const researchDir = resolve(repoRoot, "data/research");
const outputPath = resolve(repoRoot, "src/figures/data/dataset.json");

function readRows(name: string): RawFigureRow[] {
  const rows = JSON.parse(readFileSync(resolve(researchDir, name), "utf8")) as unknown;
  if (!Array.isArray(rows)) throw new Error(`${name}: expected a JSON array of figure rows`);
  return rows as RawFigureRow[];
}

const original = readRows("figures.json");
const refresh = readRows("figures-refresh-2026-12.json");
const clashes = refresh.filter((row) => original.some((old) => old.id === row.id)).map((row) => row.id);
if (clashes.length > 0) throw new Error(`refresh rows reuse existing ids: ${clashes.join(", ")}`);

const reviewed = JSON.parse(readFileSync(resolve(researchDir, "provenance.json"), "utf8")) as Record<
  string,
  ProvenanceEntry
>;
const dataset = convertFigures([...original, ...refresh], new Map(Object.entries(reviewed)));
writeFileSync(outputPath, `${JSON.stringify(dataset, null, 2)}\n`, "utf8");

const rows = [...dataset.figures, ...dataset.events];
const count = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length;
console.log(
  `${original.length} + ${refresh.length} rows → ${dataset.figures.length} figures + ${dataset.events.length} events, ` +
    `version ${dataset.version}; ${count((row) => row.evidence === "secondary")} rest only on secondary evidence, ` +
    `${count((row) => row.unpublished === true)} unpublished → ${outputPath}`,
);

/**
 * Imports the shared research file into the dataset the add-in ships.
 *
 *   npx tsx scripts/import-figures.ts [path-to-figures.json]
 *
 * Default input: ../shared/data/figures.json (relative to the repo root). Output:
 * src/figures/data/dataset.json. Conversion and validation live in src/figures/convert.ts; a row that cannot be
 * converted stops the import with its id.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RawFigureRow } from "../src/figures/convert";
import { convertFigures } from "../src/figures/convert";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const inputPath = resolve(process.argv[2] ?? resolve(repoRoot, "../shared/data/figures.json"));
const outputPath = resolve(repoRoot, "src/figures/data/dataset.json");

const rows = JSON.parse(readFileSync(inputPath, "utf8")) as RawFigureRow[];
if (!Array.isArray(rows)) throw new Error(`${inputPath}: expected a JSON array of figure rows`);

const dataset = convertFigures(rows);
writeFileSync(outputPath, `${JSON.stringify(dataset, null, 2)}\n`, "utf8");

const withBasis = dataset.figures.filter((fig) => fig.basis !== undefined).length;
console.log(
  `${rows.length} rows → ${dataset.figures.length} figures (${withBasis} with a geography basis) + ` +
    `${dataset.events.length} events, version ${dataset.version} → ${outputPath}`,
);

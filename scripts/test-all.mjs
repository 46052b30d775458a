// `npm test`: the unit suite (vitest.config.ts) then the end-to-end suite (vitest.e2e.config.ts), each with
// vitest's default reporter on screen and its JSON reporter to a temp file; the counts are summed and printed
// as a final plain line `N passed, M failed` (the line CI reads). Exits non-zero when anything failed, when a
// suite crashed without results, or when no test ran at all.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitestBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
  "vitest.mjs",
);
const tmp = mkdtempSync(path.join(os.tmpdir(), "chipshift-test-"));

const suites = [
  { name: "unit", args: [] },
  // The e2e suite may not exist yet in a young checkout: no test files is not a failure of its own.
  { name: "e2e", args: ["--config", "vitest.e2e.config.ts", "--passWithNoTests"] },
];

/** Runs one vitest suite; resolves to its counts from the JSON report. */
function runSuite({ name, args }) {
  const report = path.join(tmp, `${name}.json`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [vitestBin, "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("exit", (code, signal) => resolve(countsOf(name, report, signal ? 1 : (code ?? 1))));
  });
}

/** Reads vitest's JSON report; a suite that exited non-zero without failing tests counts one failure. */
function countsOf(name, report, exitCode) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed = json.numPassedTests ?? 0;
    failed = json.numFailedTests ?? 0;
    skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A test file that fails to load (syntax error, failing import) has no failed tests but a failed suite.
    const brokenFiles = (json.testResults ?? []).filter(
      (file) => file.status === "failed" && (file.assertionResults ?? []).every((t) => t.status !== "failed"),
    ).length;
    failed += brokenFiles;
  }
  if (exitCode !== 0 && failed === 0) {
    console.error(
      `[test-all] ${name} suite exited with code ${exitCode} without a failing test: counted as 1 failed`,
    );
    failed = 1;
  }
  return { name, passed, failed, skipped };
}

const results = [];
for (const suite of suites) results.push(await runSuite(suite));
rmSync(tmp, { recursive: true, force: true });

const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
const passed = total("passed");
const failed = total("failed");
const skipped = total("skipped");
for (const r of results) console.log(`[test-all] ${r.name}: ${r.passed} passed, ${r.failed} failed`);
if (passed + failed === 0) console.error("[test-all] no test ran");
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);

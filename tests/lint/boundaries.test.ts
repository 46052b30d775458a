import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// The repo's own eslint.config.js, minus type-aware linting: the probes are in-memory files that the
// TypeScript project service cannot see, and the boundary rules are core rules that need no types.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The rule ids ESLint reports for `code` as if it lived at `filePath` (relative to the repo root). */
async function rulesReported(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  return messages.map((m) => m.ruleId ?? "");
}

const probes = {
  react: `import React from "react";\nexport const probe = React.version;\n`,
  document: `export const probe = document.title;\n`,
  random: `export const probe = Math.random();\n`,
  adapter: `import { x } from "../taskpane/App";\nexport const probe = x;\n`,
};

describe("eslint boundary rules", { timeout: 120_000 }, () => {
  it('lintText(import React from "react") in src/model is reported by no-restricted-imports', async () => {
    expect(await rulesReported(probes.react, "src/model/__probe__.ts")).toContain("no-restricted-imports");
  });

  it("lintText(document.title) in src/model is reported by no-restricted-globals", async () => {
    expect(await rulesReported(probes.document, "src/model/__probe__.ts")).toContain("no-restricted-globals");
  });

  it("lintText(Math.random()) in src/analysis is reported by no-restricted-properties", async () => {
    expect(await rulesReported(probes.random, "src/analysis/__probe__.ts")).toContain(
      "no-restricted-properties",
    );
  });

  it('lintText(import from "../taskpane/App") in src/figures is reported by no-restricted-imports', async () => {
    expect(await rulesReported(probes.adapter, "src/figures/__probe__.ts")).toContain(
      "no-restricted-imports",
    );
  });

  it("lintText(the same globals) in src/taskpane is not reported", async () => {
    const reported = [
      ...(await rulesReported(probes.document, "src/taskpane/__probe__.ts")),
      ...(await rulesReported(probes.random, "src/taskpane/__probe__.ts")),
      ...(await rulesReported(probes.react, "src/taskpane/__probe__.ts")),
    ];
    expect(reported).not.toContain("no-restricted-globals");
    expect(reported).not.toContain("no-restricted-properties");
    expect(reported).not.toContain("no-restricted-imports");
  });
});

describe("tsconfig.core.json", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chipshift-core-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Compiles one file holding `code` with the options of `configName`; returns the diagnostic codes. */
  function diagnosticCodes(configName: string, code: string): number[] {
    const configPath = path.join(root, configName);
    const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
    const file = path.join(dir, `${configName.replace(/\W/g, "_")}.ts`);
    writeFileSync(file, code);
    const program = ts.createProgram([file], {
      ...parsed.options,
      noEmit: true,
      typeRoots: [path.join(root, "node_modules/@types")],
    });
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => d.code);
  }

  // TS2584: "Cannot find name 'document'. Do you need to change your target library? … include 'dom'"
  const cannotFindDom = 2584;

  it("compiling document.title with tsconfig.core.json fails: no DOM lib", () => {
    expect(diagnosticCodes("tsconfig.core.json", probes.document)).toContain(cannotFindDom);
  });

  it("compiling document.title with tsconfig.json succeeds: the hosts have the DOM", () => {
    expect(diagnosticCodes("tsconfig.json", probes.document)).toEqual([]);
  });

  it("tsconfig.core.json covers exactly the pure folders", () => {
    const read = ts.readConfigFile(path.join(root, "tsconfig.core.json"), (p) => ts.sys.readFile(p));
    expect(read.config.include).toEqual(["src/model", "src/analysis", "src/figures"]);
    expect(read.config.compilerOptions.lib).toEqual(["ES2022"]);
    expect(read.config.compilerOptions.types).toEqual([]);
  });
});

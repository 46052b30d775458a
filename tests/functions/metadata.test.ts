import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHIPS_FUNCTIONS } from "../../src/functions/catalog";

interface MetadataParam {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}
interface MetadataFunction {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly MetadataParam[];
}

function generateMetadata(): readonly MetadataFunction[] {
  const out = join(mkdtempSync(join(tmpdir(), "chips-metadata-")), "functions.json");
  const cli = join(process.cwd(), "node_modules", ".bin", "custom-functions-metadata");
  // The CLI exits 0 even on errors: the missing output file is what reveals them.
  const log = execFileSync(cli, ["generate", "src/functions/functions.ts", out], { encoding: "utf8" });
  expect(existsSync(out), `custom-functions-metadata failed:\n${log}`).toBe(true);
  return (JSON.parse(readFileSync(out, "utf8")) as { functions: MetadataFunction[] }).functions;
}

describe("functions.json", () => {
  const functions = generateMetadata();

  it("custom-functions-metadata lists exactly the catalog's functions, without the CHIPS. namespace", () => {
    const expected = CHIPS_FUNCTIONS.map((spec) => spec.name.slice("CHIPS.".length)).sort();
    expect(functions.map((fn) => fn.id).sort()).toEqual(expected);
    for (const fn of functions) expect(fn.name).toBe(fn.id);
  });

  it("custom-functions-metadata gives every function a description and every parameter help text", () => {
    for (const fn of functions) {
      expect(fn.description ?? "").not.toBe("");
      for (const param of fn.parameters)
        expect(param.description ?? "", `${fn.id}(${param.name})`).not.toBe("");
    }
  });

  it("custom-functions-metadata parameters match the catalog's names and optionality", () => {
    for (const spec of CHIPS_FUNCTIONS) {
      const fn = functions.find((f) => `CHIPS.${f.id}` === spec.name);
      expect(fn?.parameters.map((p) => [p.name, p.optional === true])).toEqual(
        spec.params.map((p) => [p.name, p.optional]),
      );
    }
  });
});

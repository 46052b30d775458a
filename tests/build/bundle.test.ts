import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
const productionOrigin = "https://chipshift.example.com";

/** Runs the production build into outDir with the given ADDIN_ORIGIN; returns exit code and output. */
function buildProduction(outDir: string, origin: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [webpackCli, "--mode", "production", "--output-path", outDir, "--no-color"],
    { cwd: root, env: { ...process.env, ADDIN_ORIGIN: origin }, encoding: "utf8", timeout: 280_000 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under dir, as paths relative to dir. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
    statSync(path.join(dir, f)).isFile(),
  );
}

describe("production build (webpack --mode production)", { timeout: 300_000 }, () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "chipshift-dist-"));
  let build: { status: number | null; output: string };
  beforeAll(() => {
    build = buildProduction(out, productionOrigin);
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("compiles without errors", () => {
    expect(build.output).not.toMatch(/ERROR in/);
    expect(build.status).toBe(0);
  });

  it("emits taskpane.html hosting office.js, the functions and the pane (one shared runtime)", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(existsSync(path.join(out, "functions.js"))).toBe(true);
    expect(existsSync(path.join(out, "taskpane.js"))).toBe(true);
  });

  it("emits functions.json listing every function with a description", () => {
    const metadata = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string; name: string; description?: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) {
      expect(fn.id, JSON.stringify(fn)).toMatch(/^[A-Za-z][A-Za-z0-9._]*$/);
      expect(fn.description?.trim().length ?? 0, `${fn.id} has a description`).toBeGreaterThan(0);
    }
  });

  it("copies manifest.xml rewritten to ADDIN_ORIGIN, and the assets", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${productionOrigin}/taskpane.html`);
    expect(manifest).toContain(`${productionOrigin}/functions.json`);
    for (const icon of ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "logo-128.png"]) {
      expect(existsSync(path.join(out, "assets", icon)), icon).toBe(true);
    }
  });

  it("leaves the development preview and HyperFormula (GPL-3.0) out of the bundle", () => {
    const files = filesUnder(out);
    expect(files).not.toContain("preview.html");
    expect(files.filter((f) => /preview/i.test(f))).toEqual([]);
    const offenders = files.filter((f) => {
      const text = readFileSync(path.join(out, f), "latin1");
      return /hyperformula/i.test(text) || text.includes("gpl-v3");
    });
    expect(offenders).toEqual([]);
  });

  it("records the pane bundle size (raw and gzip)", () => {
    const js = filesUnder(out).filter((f) => f.endsWith(".js"));
    const sizes = js.map((f) => {
      const bytes = readFileSync(path.join(out, f));
      return {
        file: f,
        rawKiB: +(bytes.length / 1024).toFixed(1),
        gzipKiB: +(gzipSync(bytes).length / 1024).toFixed(1),
      };
    });
    console.log("[bundle sizes]", JSON.stringify(sizes));
    const pane = sizes.find((s) => s.file === "taskpane.js");
    expect(pane?.rawKiB).toBeGreaterThan(0);
    expect(pane!.gzipKiB).toBeLessThan(pane!.rawKiB);
  });
});

describe("production build origin switch", { timeout: 120_000 }, () => {
  it("webpack --mode production with an http ADDIN_ORIGIN fails the build", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "chipshift-dist-bad-"));
    try {
      const build = buildProduction(out, "http://chipshift.example.com");
      expect(build.status).not.toBe(0);
      expect(build.output).toContain("ADDIN_ORIGIN must be an https origin");
      expect(existsSync(path.join(out, "manifest.xml"))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

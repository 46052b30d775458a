/**
 * E2E global setup (vitest.e2e.config.ts): builds the add-in once with webpack (development mode, so the preview
 * page is included) into a temporary folder, serves it on a random localhost port and provides the origin to the
 * tests as `inject("baseUrl")`. Teardown stops the server and deletes the folder.
 *
 * While iterating on tests only, CHIPSHIFT_E2E_DIST=<folder of an earlier `npx webpack --mode development
 * --output-path <folder>`> skips the build and serves that folder (left in place).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serveFolder } from "./support/staticServer";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin serving the development build, e.g. "http://127.0.0.1:41234". */
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prebuilt = process.env.CHIPSHIFT_E2E_DIST;
  if (prebuilt !== undefined && prebuilt !== "") {
    const server = await serveFolder(prebuilt);
    project.provide("baseUrl", server.origin);
    return () => server.close();
  }
  const outDir = await mkdtemp(path.join(tmpdir(), "chipshift-e2e-"));
  const started = Date.now();
  execFileSync("npx", ["webpack", "--mode", "development", "--output-path", outDir], {
    cwd: root,
    // The preview with React's production build: timings in the tests reflect what users run.
    env: { ...process.env, CHIPSHIFT_REACT_PRODUCTION: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(
    `e2e: webpack development build in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`,
  );
  const server = await serveFolder(outDir);
  project.provide("baseUrl", server.origin);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}

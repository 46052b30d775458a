import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { run as exportXlsx } from "../../src/cli/exportXlsx";
import type { CliIo } from "../../src/cli/io";
import { fakeIo } from "./fakeIo";
import { runCli } from "../../src/cli/main";
import { findPreset, type Preset } from "../../src/model/index";
import { expectPrototypeUntouched, HOSTILE_NAMES } from "../hardening/prototype";

const licensed = (findPreset("licensed") as Preset).scenario;

/** Runs the CLI and returns its exit code and the stderr text, checking the "one line" rule. */
async function fails(argv: string[], files: Record<string, string> = {}): Promise<string> {
  const io = fakeIo(files);
  expect(await runCli(argv, io), argv.join(" ")).toBe(2);
  const text = io.err.join("\n");
  expect(text.trim().split("\n"), text).toHaveLength(1);
  expect(io.out).toEqual([]);
  return text;
}

afterEach(expectPrototypeUntouched);

describe("chipshift command names and --set ids are own properties only", () => {
  it.each(HOSTILE_NAMES)("chipshift %s is an unknown command (exit 2)", async (name) => {
    expect(await fails([name])).toContain("unknown command");
  });

  it.each(HOSTILE_NAMES)(
    "chipshift project --set regimes.%s.access=0.5 is an unknown id (exit 2)",
    async (name) => {
      for (const id of [`regimes.${name}.access`, `vendors.${name}.weight`, name]) {
        expect(await fails(["project", "--set", `${id}=0.5`])).toContain("not an input id");
      }
    },
  );
});

describe("chipshift parses numbers strictly", () => {
  it.each(["0x10", "1e", "", "Infinity", "1,000"])(
    "chipshift project --set horizon=%j exits 2",
    async (text) => {
      expect(await fails(["project", "--set", `horizon=${text}`])).toContain("horizon");
    },
  );

  it.each(["0x10", "1e", "", "12abc", "1.5"])("chipshift simulate --trials %j exits 2", async (text) => {
    expect(await fails(["simulate", "--trials", text])).toContain("--trials");
  });
});

describe("chipshift never prints a non-finite number", () => {
  it("chipshift project on an overflowing scenario exits 2 naming the problem (no null, no NaN)", async () => {
    const text = await fails([
      "project",
      "--set",
      "marketBase=1e308",
      "--set",
      "marketGrowth=0.5",
      "--format",
      "json",
    ]);
    expect(text).toContain("not finite");
  });
});

describe("chipshift simulate --spec is validated as a whole", () => {
  const spec = (inputs: unknown, extra: object = {}): string => JSON.stringify({ inputs, ...extra });

  it("simulate --spec with a missing, malformed or unreadable file exits 2 naming the file", async () => {
    expect(await fails(["simulate", "--spec", "missing.json"])).toContain("missing.json");
    expect(await fails(["simulate", "--spec", "bad.json"], { "bad.json": "{" })).toContain("bad.json");
    expect(await fails(["simulate", "--spec", "arr.json"], { "arr.json": "[1]" })).toContain("arr.json");
  });

  it("simulate --spec with a distribution missing a parameter exits 2 naming it", async () => {
    const files = { "s.json": spec({ marketGrowth: { kind: "triangular", min: 0.1, max: 0.5 } }) };
    expect(await fails(["simulate", "--spec", "s.json", "--trials", "100"], files)).toContain("mode");
    const normal = { "n.json": spec({ marketGrowth: { kind: "normal", sd: 0.1 } }) };
    expect(await fails(["simulate", "--spec", "n.json", "--trials", "100"], normal)).toContain("mean");
  });

  it("simulate --spec with an unknown field or distribution parameter exits 2 naming it", async () => {
    const field = { "s.json": spec({}, { tresholds: [] }) };
    expect(await fails(["simulate", "--spec", "s.json"], field)).toContain("tresholds");
    const param = { "p.json": spec({ marketGrowth: { kind: "uniform", min: 0, max: 1, mode: 0.5 } }) };
    expect(await fails(["simulate", "--spec", "p.json"], param)).toContain("mode");
  });

  it("simulate --spec honours a fixed distribution (market year 1 = 50 × 1.5)", async () => {
    const files = {
      "s.json": spec({
        marketGrowth: { kind: "fixed", value: 0.5 },
        otherGrowth: { kind: "uniform", min: 0, max: 0.1 },
      }),
    };
    const io = fakeIo(files);
    const code = await runCli(
      ["simulate", "--preset", "licensed", "--spec", "s.json", "--trials", "200", "--format", "json"],
      io,
    );
    expect(code, io.err.join("")).toBe(0);
    const result = JSON.parse(io.out.join("")) as { series: { market: Array<{ p50: number }> } };
    // hand-computed: M_1 = marketBase × (1 + g) = 50 × 1.5 = 75 (licensed has marketBase 50, no market path)
    expect(licensed.marketBase).toBe(50);
    expect(result.series.market[1]!.p50).toBeCloseTo(75, 9);
  });
});

describe("chipshift export-xlsx writes only where it may", () => {
  const dir = mkdtempSync(join(tmpdir(), "chipshift-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function exportTo(path: string, extra: string[] = [], write?: CliIo["readFile"]) {
    const io = { ...fakeIo(), ...(write === undefined ? {} : { writeFile: write }) };
    const code = await exportXlsx(["--preset", "licensed", ...extra, path], io);
    return { code, err: io.err.join("\n") };
  }

  it("export-xlsx into a missing folder exits 2 naming the folder", async () => {
    const result = await exportTo(join(dir, "nope", "out.xlsx"));
    expect(result).toMatchObject({ code: 2 });
    expect(result.err).toContain("does not exist");
  });

  it("export-xlsx onto a folder exits 2", async () => {
    mkdirSync(join(dir, "folder.xlsx"));
    const result = await exportTo(join(dir, "folder.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toContain("is a folder");
  });

  it("export-xlsx onto an existing file needs --force", async () => {
    const path = join(dir, "exists.xlsx");
    writeFileSync(path, "keep me");
    const refused = await exportTo(path);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    expect(readFileSync(path, "utf8")).toBe("keep me");
    const forced = await exportTo(path, ["--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK"); // an .xlsx is a zip
  });

  it("export-xlsx where the system refuses the write exits 2 with 'permission denied'", async () => {
    const denied = (): never => {
      throw Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
    };
    const result = await exportTo(join(dir, "denied.xlsx"), [], denied);
    expect(result.code).toBe(2);
    expect(result.err.split("\n")).toHaveLength(1);
    expect(result.err).toContain("permission denied");
  });
});

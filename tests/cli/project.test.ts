import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { fakeIo } from "./fakeIo";
import {
  applyOverrides,
  findPreset,
  isModelError,
  projectScenario,
  type Preset,
} from "../../src/model/index";
import { smallScenario } from "../model/fixtures";

const licensed = findPreset("licensed") as Preset;

describe("chipshift project (in-process)", () => {
  it("project with an unknown option, preset, format or id exits 2 with a message", async () => {
    for (const argv of [
      ["project", "--bogus"],
      ["project", "--preset", "nope"],
      ["project", "--format", "xml"],
      ["project", "--set", "marketGrowht=0.3"],
      ["project", "--set", "domesticShareCap=1.4"],
      ["project", "--set", "noequals"],
      ["project", "--preset", "licensed", "--scenario", "a.json"],
      ["project", "--scenario", "missing.json"],
      ["frobnicate"],
    ]) {
      const io = fakeIo();
      expect(await runCli(argv, io), argv.join(" ")).toBe(2);
      expect(io.err.join("").length, argv.join(" ")).toBeGreaterThan(0);
    }
  });

  it("project --format json prints exactly JSON.stringify(projectScenario(scenario))", async () => {
    const io = fakeIo();
    const code = await runCli(
      [
        "project",
        "--preset",
        "licensed",
        "--horizon",
        "8",
        "--set",
        "marketGrowth=0.3",
        "--set",
        "regimes.licensed.access=0.4",
        "--format",
        "json",
      ],
      io,
    );
    expect(code).toBe(0);
    const scenario = applyOverrides(licensed.scenario, [
      ["horizon", 8],
      ["marketGrowth", 0.3],
      ["regimes.licensed.access", 0.4],
    ]);
    if (isModelError(scenario)) throw new Error(scenario.message);
    expect(io.out.join("")).toBe(JSON.stringify(projectScenario(scenario)));
  });

  it("project --scenario reads a JSON scenario file", async () => {
    const io = fakeIo({ "s.json": JSON.stringify(smallScenario()) });
    expect(await runCli(["project", "--scenario", "s.json", "--format", "csv"], io)).toBe(0);
    const lines = io.out.join("").split("\n");
    expect(lines[0]).toBe("series,2030,2031,2032");
    // hand-computed in tests/model/project.test.ts: M = 100, 120, 132
    expect(lines[1]).toBe("market,100,120,132");
  });

  it("project --scenario with an invalid file exits 2 naming the field", async () => {
    const io = fakeIo({
      "bad.json": JSON.stringify({ ...smallScenario(), retirementRate: 3 }),
      "broken.json": "{",
    });
    expect(await runCli(["project", "--scenario", "bad.json"], io)).toBe(2);
    expect(io.err.join("")).toContain("retirementRate");
    expect(await runCli(["project", "--scenario", "broken.json"], io)).toBe(2);
  });

  it("project --format table shows calendar and fiscal years and the summary", async () => {
    const io = fakeIo();
    expect(await runCli(["project"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("FY2026");
    expect(text).toContain("nvidiaChina");
    expect(text).toContain("19.677");
    expect(text).toContain("crossoverYear");
  });

  it("--list-presets lists every preset, globally and on project", async () => {
    for (const argv of [["--list-presets"], ["project", "--list-presets"]]) {
      const io = fakeIo();
      expect(await runCli(argv, io)).toBe(0);
      for (const id of ["licensed", "decoupling", "detente", "supplyCrunch"])
        expect(io.out.join("")).toContain(id);
    }
  });
});

describe("chipshift (spawned)", () => {
  it("npx tsx src/cli/main.ts exits 0 on success and 2 on bad input", () => {
    const ok = spawnSync("npx", ["tsx", "src/cli/main.ts", "project", "--format", "json"], {
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { years: { calendar: number[] } }).years.calendar[0]).toBe(2025);
    const bad = spawnSync("npx", ["tsx", "src/cli/main.ts", "project", "--set", "horizon=99"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("horizon");
  });
});

import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { fakeIo } from "./fakeIo";
import { PRESETS } from "../../src/model/presets";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";

const bad = (entry: Record<string, unknown>): string =>
  JSON.stringify({ observations: [defaultEvidence().observations[0], entry] });
const ok = { series: "nvidiaChina", period: "Q1 FY2027", value: 4.55, sd: 1 };

describe("chipshift evidence", () => {
  it("evidence with bad evidence (sd 0, unknown series, period outside the horizon, NaN) exits 2 naming the entry", async () => {
    for (const entry of [
      { ...ok, sd: 0 },
      { ...ok, series: "gaming" },
      { ...ok, period: "Q1 FY2040" },
      { ...ok, value: "NaN" },
    ]) {
      const io = fakeIo({ "e.json": bad(entry) });
      expect(await runCli(["evidence", "--all-presets", "--evidence", "e.json"], io)).toBe(2);
      expect(io.err.join("")).toMatch(/observation 2/);
    }
    const io = fakeIo({ "e.json": "{ not json" });
    expect(await runCli(["evidence", "--all-presets", "--evidence", "e.json"], io)).toBe(2);
  });
  it("evidence without --scenarios or --all-presets, or with an unknown preset, exits 2", async () => {
    expect(await runCli(["evidence"], fakeIo())).toBe(2);
    expect(await runCli(["evidence", "--scenarios", "licensed,nope"], fakeIo())).toBe(2);
    expect(await runCli(["evidence", "--scenarios", "licensed", "--priors", "1,-1"], fakeIo())).toBe(2);
  });
  it("evidence --all-presets --format json prints { observations, scenarios } in the §5.1 shape", async () => {
    const io = fakeIo();
    expect(await runCli(["evidence", "--all-presets", "--format", "json"], io)).toBe(0);
    const json = JSON.parse(io.out.join("")) as {
      observations: Record<string, unknown>[];
      scenarios: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(["observations", "scenarios"]);
    expect(json.observations).toEqual(defaultEvidence().observations);
    for (const o of json.observations)
      expect(Object.keys(o)).toEqual(["series", "period", "value", "sd", "figureId"]);
    expect(json.scenarios.map((s) => s.id)).toEqual(PRESETS.map((p) => p.id));
    for (const s of json.scenarios) {
      expect(Object.keys(s)).toEqual(["id", "name", "logLikelihood", "prior", "posterior"]);
      expect(s.prior).toBeCloseTo(1 / PRESETS.length, 15);
    }
    const total = json.scenarios.reduce((a, s) => a + (s.posterior as number), 0);
    expect(total).toBeCloseTo(1, 12);
  });
  it("evidence --scenarios a,b --priors 1,3 --evidence FILE weighs the two by the hand-computed formula", async () => {
    // one observation: ℓ_s = −½((v − T_t(s))/sd)²; w_a = 1·e^ℓa / (1·e^ℓa + 3·e^ℓb)
    const [a, b] = [PRESETS[0]!, PRESETS[1]!];
    const file = JSON.stringify({
      observations: [{ series: "market", period: "FY2027", value: 60, sd: 20 }],
    });
    const io = fakeIo({ "e.json": file });
    const code = await runCli(
      [
        "evidence",
        "--scenarios",
        `${a.id},${b.id}`,
        "--priors",
        "1,3",
        "--evidence",
        "e.json",
        "--format",
        "json",
      ],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(io.out.join("")) as {
      scenarios: { logLikelihood: number; prior: number; posterior: number }[];
    };
    expect(json.scenarios.map((s) => s.prior)).toEqual([0.25, 0.75]);
    const [la, lb] = json.scenarios.map((s) => s.logLikelihood) as [number, number];
    const wa = Math.exp(la) / (Math.exp(la) + 3 * Math.exp(lb));
    expect(json.scenarios[0]!.posterior).toBeCloseTo(wa, 12);
  });
  it("evidence --format table lists the observations with their figure ids and one row per scenario", async () => {
    const io = fakeIo();
    expect(await runCli(["evidence", "--all-presets"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toMatch(/nvidiaChina Q2 FY2027 = 7\.88 ± 1\.5 \[nvda_china_rev_q2fy27_hq\]/);
    for (const p of PRESETS) expect(text).toContain(p.name);
  });
});

describe("chipshift simulate --evidence", () => {
  it("simulate --evidence FILE --format json adds posterior { ess, series, regimes } beside the prior results", async () => {
    const io = fakeIo({ "e.json": JSON.stringify(defaultEvidence()) });
    const argv = [
      "simulate",
      "--preset",
      "licensed",
      "--trials",
      "2000",
      "--seed",
      "3",
      "--evidence",
      "e.json",
    ];
    expect(await runCli([...argv, "--format", "json"], io)).toBe(0);
    const json = JSON.parse(io.out.join("")) as {
      series: Record<string, unknown[]>;
      posterior: {
        ess: number;
        series: Record<string, Record<string, number>[]>;
        regimes: Record<string, number>[];
      };
    };
    expect(json.series.nvidiaChina).toHaveLength(6);
    expect(json.posterior.ess).toBeGreaterThan(1);
    expect(json.posterior.ess).toBeLessThanOrEqual(2000);
    const first = json.posterior.series.nvidiaChina![1]!;
    for (const k of ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"])
      expect(first).toHaveProperty(k);
    expect(json.posterior.regimes).toHaveLength(6);
    for (const year of json.posterior.regimes) {
      const total = Object.values(year).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    const table = fakeIo({ "e.json": JSON.stringify(defaultEvidence()) });
    expect(await runCli(argv, table)).toBe(0);
    expect(table.out.join("")).toMatch(/effective sample size/);
  });
  it("simulate --evidence with a bad entry exits 2 naming it", async () => {
    const io = fakeIo({ "e.json": bad({ ...ok, sd: 0 }) });
    const argv = ["simulate", "--preset", "licensed", "--trials", "100", "--evidence", "e.json"];
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err.join("")).toMatch(/evidence: observation 2 \(nvidiaChina Q1 FY2027\): sd/);
  });
});

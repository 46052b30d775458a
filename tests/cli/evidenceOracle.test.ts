/**
 * The CLI's posterior against an independent importance-sampling run written here from DESIGN §5.0/§5.1 only:
 * its own random numbers (mulberry32, not Philox), triangular inverse CDFs, the anchored chain, the
 * projection of each sampled scenario, ℓ, normalized weights, weighted mean and the weighted empirical CDF.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Projection, Scenario } from "../../src/model/types";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";

const TRIALS = 6000;
const ORACLE_TRIALS = 6000;

/** mulberry32 (Tommy Ettinger's 32-bit generator) → uniform in (0, 1); deterministic for a seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

interface OracleRun {
  readonly x: number[][]; // per year, per trial: nvidiaChina T_t
  readonly w: number[];
  readonly ess: number;
}

function oracle(scenario: Scenario, seed: number): OracleRun {
  const spec = defaultSimulationSpec(scenario);
  const chain = spec.regimeChain as { anchored: { followPath: number; returnToPath: number } };
  const { followPath: pi, returnToPath: beta } = chain.anchored;
  const names = Object.keys(scenario.regimes);
  const path = scenario.regimePath;
  const u = rng(seed);
  const obs = defaultEvidence().observations.map((o) => {
    const q = /^Q\d FY(\d{4})$/.exec(o.period);
    const fy = Number(q ? q[1] : o.period.slice(2));
    return { ...o, t: fy - 1 - scenario.baseYear, fraction: q ? 0.25 : 1 };
  });
  const x: number[][] = Array.from({ length: scenario.horizon + 1 }, () => []);
  const logL: number[] = [];
  for (let i = 0; i < ORACLE_TRIALS; i++) {
    const sampled: Record<string, unknown> = { ...scenario };
    for (const [id, d] of Object.entries(spec.inputs)) {
      if (d.kind !== "triangular") throw new Error("oracle expects triangular inputs");
      const p = u();
      const { min: a, mode: c, max: b } = d;
      sampled[id] =
        p < (c - a) / (b - a)
          ? a + Math.sqrt(p * (b - a) * (c - a))
          : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    // §5.0: on the path follow it with π, else another regime uniformly; off the path return with β, else stay
    const regimes = [path[0]!];
    for (let t = 1; t <= scenario.horizon; t++) {
      const prev = regimes[t - 1]!;
      const v = u();
      if (prev === path[t - 1]) {
        const others = names.filter((n) => n !== path[t]);
        regimes.push(v < pi || others.length === 0 ? path[t]! : others[Math.floor(u() * others.length)]!);
      } else regimes.push(v < beta ? path[t]! : prev);
    }
    sampled.regimePath = regimes;
    const proj = projectScenario(sampled as unknown as Scenario) as Projection;
    let l = 0;
    for (const o of obs) {
      const series = proj.series as unknown as Record<string, number[]>;
      const z = (o.value - series[o.series]![o.t]! * o.fraction) / o.sd;
      l += -0.5 * z * z;
    }
    logL.push(l);
    proj.series.nvidiaChina.forEach((v, t) => x[t]!.push(v));
  }
  const max = Math.max(...logL);
  const e = logL.map((l) => Math.exp(l - max));
  const sum = e.reduce((a, b) => a + b, 0);
  const w = e.map((v) => v / sum);
  return { x, w, ess: 1 / w.reduce((a, b) => a + b * b, 0) };
}

function weightedMoments(x: number[], w: number[]): { mean: number; sd: number } {
  const mean = x.reduce((a, v, i) => a + w[i]! * v, 0);
  const ss = x.reduce((a, v, i) => a + w[i]! * (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (1 - w.reduce((a, b) => a + b * b, 0))) };
}

/** Σ w [x ≤ q] and Σ w [x < q]: the weighted CDF at q and just below it. */
function weightedCdf(x: number[], w: number[], q: number): { atOrBelow: number; below: number } {
  let atOrBelow = 0;
  let below = 0;
  x.forEach((v, i) => {
    if (v <= q) atOrBelow += w[i]!;
    if (v < q) below += w[i]!;
  });
  return { atOrBelow, below };
}

function fakeIo(files: Record<string, string>): CliIo & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
    readFile: (p) => files[p] ?? "",
  };
}

describe("chipshift simulate --evidence against an independent importance-sampling run", () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    "%s: posterior mean and P10/P50/P90 of nvidiaChina per year agree within Monte Carlo error",
    async (_, preset) => {
      const io = fakeIo({ "e.json": JSON.stringify(defaultEvidence()) });
      const argv = ["simulate", "--preset", preset.id, "--trials", String(TRIALS), "--seed", "17"];
      expect(await runCli([...argv, "--evidence", "e.json", "--format", "json"], io)).toBe(0);
      const cli = JSON.parse(io.out.join("")) as {
        posterior: { ess: number; series: { nvidiaChina: Record<string, number>[] } };
      };
      const ind = oracle(preset.scenario, 5);
      const essCli = cli.posterior.ess;
      expect(essCli).toBeGreaterThan(100);
      expect(ind.ess).toBeGreaterThan(100);
      cli.posterior.series.nvidiaChina.forEach((s, t) => {
        const x = ind.x[t]!;
        const { mean, sd } = weightedMoments(x, ind.w);
        // two independent estimates: se of their difference ≈ sd·sqrt(1/ESS₁ + 1/ESS₂); 4.5 se
        const se = Math.sqrt(1 / essCli + 1 / ind.ess);
        expect(Math.abs(s.mean! - mean)).toBeLessThanOrEqual(4.5 * sd * se + 1e-9);
        for (const [key, p] of [
          ["p10", 0.1],
          ["p50", 0.5],
          ["p90", 0.9],
        ] as const) {
          // the CLI's quantile must sit where the oracle's weighted CDF crosses p, within 4.5 se of a proportion
          const tol = 4.5 * Math.sqrt(p * (1 - p)) * se + 1e-9;
          const f = weightedCdf(x, ind.w, s[key]!);
          expect(f.atOrBelow).toBeGreaterThanOrEqual(p - tol);
          expect(f.below).toBeLessThanOrEqual(p + tol);
        }
      });
    },
    60_000,
  );
});

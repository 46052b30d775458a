/**
 * Monte Carlo throughput (issue 5 item 9), measured in one run:
 * (a) trial-years/s of `simulate()` (8 triangular inputs + regime chain, plain MC, 1,000,000 trials × 10 years,
 *     incl. per-year P5..P95) vs a hand-written flat loop of the same model with the same random numbers;
 * (b) the same model as spreadsheet formulas recalculated by HyperFormula once per trial (as many trials as fit
 *     in ~10 s; a small sheet of the §4.2 rows for T built here) vs the engine's trials/s;
 * (c) wall time of 1,000,000 trials through the simulation worker (node:worker_threads, same host code).
 */
import { performance } from "node:perf_hooks";
import { HyperFormula } from "hyperformula";
import type { BenchRow } from "../bench";
import { applyOverrides, findPreset, isModelError, type Scenario } from "../../src/model/index";
import { SCALAR_INPUT_IDS } from "../../src/model/validate";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import { CounterRng } from "../../src/analysis/philox";
import { STREAM } from "../../src/analysis/sampling";
import { compileRegimeChain, nextRegime } from "../../src/analysis/regimeChain";
import { quantilesR7InPlace } from "../../src/analysis/statistics";
import { createSimulationClient } from "../../src/worker/client";
import { startNodeSimulationWorker } from "../../src/worker/nodeWorkerThread";

const SECTION = "montecarlo";
const TRIALS = 1_000_000;
const YEARS = 10;
const HF_BUDGET_MS = 10_000;
const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

export async function montecarloSection(): Promise<BenchRow[]> {
  const preset = findPreset("licensed");
  if (isModelError(preset)) throw new Error(preset.message);
  const scenario = applyOverrides(preset.scenario, [
    ["horizon", YEARS],
    [
      "regimePath",
      Array(YEARS + 1)
        .fill("licensed")
        .join(","),
    ],
  ]) as Scenario;
  if (isModelError(scenario)) throw new Error(scenario.message);
  const spec = defaultSimulationSpec(scenario);
  const trialYears = TRIALS * YEARS;

  let t0 = performance.now();
  const result = simulate(scenario, spec, { trials: TRIALS, seed: 42, sampling: "mc" }) as SimulationResult;
  const engineMs = performance.now() - t0;
  if (isModelError(result) || "kind" in result) throw new Error("simulation failed");

  t0 = performance.now();
  const flatP50 = flatLoop(scenario, spec, TRIALS, 42);
  const flatMs = performance.now() - t0;
  const engineP50 = result.series.nvidiaChina![YEARS]!.p50;
  if (Math.abs(flatP50 - engineP50) > 1e-9 * Math.abs(engineP50)) {
    throw new Error(`flat loop and engine disagree: P50 ${flatP50} vs ${engineP50}`);
  }
  const engineRate = trialYears / (engineMs / 1000);
  const flatRate = trialYears / (flatMs / 1000);

  const hf = hyperFormulaTrials(scenario, spec);
  const engineTrialsPerS = TRIALS / (engineMs / 1000);

  t0 = performance.now();
  const worker = startNodeSimulationWorker();
  try {
    await createSimulationClient(worker).run(scenario, spec, { trials: TRIALS, seed: 42, sampling: "mc" })
      .promise;
  } finally {
    await worker.terminate();
  }
  const workerMs = performance.now() - t0;

  const ratio = engineRate / flatRate;
  const hfRatio = engineTrialsPerS / hf.trialsPerSecond;
  return [
    row(
      "engine simulate() trial-years/s (1M × 10 y, MC, 8 tri + chain)",
      engineRate,
      "trial-years/s",
      null,
      "",
      null,
    ),
    row(
      "flat loop trial-years/s (same model, same random numbers)",
      flatRate,
      "trial-years/s",
      null,
      "",
      null,
    ),
    row("engine / flat loop", ratio, "×", ratio, "ratio ≥ 0.5", ratio >= 0.5),
    row(
      `HyperFormula recalculation trials/s (${hf.trials} trials)`,
      hf.trialsPerSecond,
      "trials/s",
      null,
      "",
      null,
    ),
    row("engine / HyperFormula", hfRatio, "×", hfRatio, "ratio ≥ 1000", hfRatio >= 1000),
    row("1,000,000 trials through the worker (wall)", workerMs / 1000, "s", null, "", null),
  ];
}

function row(
  name: string,
  value: number,
  unit: string,
  ratio: number | null,
  goal: string,
  pass: boolean | null,
): BenchRow {
  return { section: SECTION, name, value, unit, ratio, goal, pass };
}

/**
 * The same model written flat (no kernel, no engine): the eight triangular inputs drawn exactly as the engine
 * draws them (Philox stream SAMPLE, variable = the input's §4.1 index), the regime chain, the §4.2 rows that T
 * needs, then per-year P5..P95 of T. Returns P50 of T_H for the sanity check.
 */
function flatLoop(
  s: Scenario,
  spec: ReturnType<typeof defaultSimulationSpec>,
  trials: number,
  seed: number,
): number {
  const rng = new CounterRng(seed);
  const ids = SCALAR_INPUT_IDS.filter((id) => spec.inputs[id] !== undefined);
  const tri = ids.map((id) => spec.inputs[id] as { min: number; mode: number; max: number });
  const varIds = ids.map((id) => SCALAR_INPUT_IDS.indexOf(id));
  const chain = compileRegimeChain(s, spec.regimeChain!);
  if (isModelError(chain)) throw new Error(chain.message);
  const n = s.horizon + 1;
  const out = new Float64Array(n * trials);
  const values: Record<string, number> = {};
  for (let i = 0; i < trials; i++) {
    for (let j = 0; j < ids.length; j++) {
      const { min: a, mode: c, max: b } = tri[j]!;
      const p = rng.uniform(i, STREAM.sample, varIds[j]!);
      const fc = (c - a) / (b - a);
      values[ids[j]!] =
        p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    const g0 = values.marketGrowth ?? s.marketGrowth;
    const fade = values.marketGrowthFade ?? s.marketGrowthFade;
    const cap = values.domesticShareCap ?? s.domesticShareCap;
    const k = values.adoptionSpeed ?? s.adoptionSpeed;
    const cg = values.domesticSupplyGrowth ?? s.domesticSupplyGrowth;
    const phi = values.nvidiaForeignShare ?? s.nvidiaForeignShare;
    const og = values.otherGrowth ?? s.otherGrowth;
    let m = s.marketBase;
    let g = g0;
    let c = s.domesticSupplyBase;
    let o = s.otherBase;
    let state = chain.initial;
    for (let t = 0; t < n; t++) {
      if (t > 0) {
        m *= 1 + g;
        g *= 1 - fade;
        c *= 1 + cg;
        o *= 1 + og;
        state = nextRegime(chain, state, rng.uniform(i, STREAM.regime, 0, t - 1));
      }
      const a = t === 0 ? s.regimes[s.regimePath[0]!]!.access : chain.access[state]!;
      const d = cap / (1 + (cap / s.domesticShareBase - 1) * Math.exp(-k * t));
      const d1 = Math.min(d * m, c);
      out[t * trials + i] = phi * a * (m - d1) + o;
    }
  }
  let p50 = NaN;
  for (let t = 0; t < n; t++) {
    const q = quantilesR7InPlace(out.subarray(t * trials, (t + 1) * trials), PS);
    if (t === n - 1) p50 = q[3]!;
  }
  return p50;
}

/** A one-column-per-year sheet of the §4.2 rows T needs; inputs in row 1; one recalculation per trial. */
function hyperFormulaTrials(
  s: Scenario,
  spec: ReturnType<typeof defaultSimulationSpec>,
): { trials: number; trialsPerSecond: number } {
  const n = s.horizon + 1;
  const col = (t: number): string => String.fromCharCode(66 + t); // B.. (n ≤ 24)
  // Row 1 inputs: A1 M0, B1 g, C1 fade, D1 cap, E1 s0, F1 k, G1 C0, H1 c, I1 phi, J1 O0, K1 o
  const inputs = [
    s.marketBase,
    s.marketGrowth,
    s.marketGrowthFade,
    s.domesticShareCap,
    s.domesticShareBase,
    s.adoptionSpeed,
    s.domesticSupplyBase,
    s.domesticSupplyGrowth,
    s.nvidiaForeignShare,
    s.otherBase,
    s.otherGrowth,
  ];
  const access = s.regimePath.map((r) => s.regimes[r]!.access);
  const rows: (number | string)[][] = [
    inputs,
    ["t", ...Array.from({ length: n }, (_, t) => t)],
    ["a", ...access],
  ];
  const r = (name: string, f: (t: number) => string): void =>
    void rows.push([name, ...Array.from({ length: n }, (_, t) => f(t))]);
  r("M", (t) => (t === 0 ? "=$A$1" : `=${col(t - 1)}4*(1+$B$1*(1-$C$1)^(${col(t)}2-1))`));
  r("d", (t) => `=$D$1/(1+($D$1/$E$1-1)*EXP(-$F$1*${col(t)}2))`);
  r("C", (t) => `=$G$1*(1+$H$1)^${col(t)}2`);
  r("D1", (t) => `=MIN(${col(t)}5*${col(t)}4,${col(t)}6)`);
  r("F", (t) => `=${col(t)}4-${col(t)}7`);
  r("O", (t) => `=$J$1*(1+$K$1)^${col(t)}2`);
  r("T", (t) => `=$I$1*${col(t)}3*${col(t)}8+${col(t)}9`);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
  const sheet = 0;
  const inputCols = [1, 2, 3, 5, 7, 8, 10]; // g, fade, cap, k, c, phi, o — the sampled inputs present in row 1
  const rng = new CounterRng(42);
  const chain = compileRegimeChain(s, spec.regimeChain!);
  if (isModelError(chain)) throw new Error(chain.message);
  const started = performance.now();
  let trials = 0;
  let sink = 0;
  while (performance.now() - started < HF_BUDGET_MS) {
    const row1 = [...inputs];
    for (const c of inputCols) row1[c] = (row1[c] as number) * (0.9 + 0.2 * rng.uniform(trials, 1, c));
    let state = chain.initial;
    const a = [access[0]!];
    for (let t = 1; t < n; t++) {
      state = nextRegime(chain, state, rng.uniform(trials, STREAM.regime, 0, t - 1));
      a.push(chain.access[state]!);
    }
    hf.batch(() => {
      hf.setCellContents({ sheet, row: 0, col: 0 }, [row1]);
      hf.setCellContents({ sheet, row: 2, col: 1 }, [a]);
    });
    sink += hf.getCellValue({ sheet, row: 9, col: n }) as number;
    trials++;
  }
  const elapsed = performance.now() - started;
  if (!Number.isFinite(sink)) throw new Error("HyperFormula sheet produced a non-number");
  return { trials, trialsPerSecond: trials / (elapsed / 1000) };
}

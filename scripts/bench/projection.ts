/**
 * Projection throughput: 10-year projections per second through `projectScenario` (validate → kernel →
 * package), through the bare kernel, and through a deliberately independent hand-written flat loop of the
 * same §4.2 + §4.5 equations (the practical limit), all in the same run — for a v1 scenario and for a v2
 * scenario (offshore channel, offshoreAccess per regime, two reported quarters). Sanity: every path gives the
 * same cumulative outlook Σ T*_t.
 */
import type { BenchRow } from "../bench";
import {
  applyOverrides,
  createKernelBuffers,
  findPreset,
  isModelError,
  kernelParamsFromScenario,
  projectKernel,
  projectScenario,
  type Regime,
  type Scenario,
} from "../../src/model/index";

const SECTION = "projection";
const MEASURE_MS = 1500;
const GOAL_PER_SECOND = 100_000;
const GOAL_RATIO = 0.3;

export function projectionSection(): BenchRow[] {
  const preset = findPreset("licensed");
  if (isModelError(preset)) throw new Error(preset.message);
  const scenario = applyOverrides(v1Of(preset.scenario), [["horizon", 10]]);
  if (isModelError(scenario)) throw new Error(scenario.message);
  return [...measureScenario(scenario, ""), ...measureScenario(v2Of(scenario), "v2 ")];
}

/** The scenario without the v2 keys (a v1 scenario, whatever the preset holds). */
function v1Of(s: Scenario): Scenario {
  const { offshoreBase: _q0, offshoreGrowth: _q, reported: _r, ...v1 } = s;
  const regimes: Record<string, Regime> = {};
  for (const [name, r] of Object.entries(s.regimes))
    regimes[name] = { access: r.access, remittance: r.remittance };
  return { ...v1, regimes };
}

/** The v1 scenario with an offshore channel, half of it served under controls, and two reported quarters. */
function v2Of(s: Scenario): Scenario {
  const regimes: Record<string, Regime> = {};
  for (const [name, r] of Object.entries(s.regimes))
    regimes[name] = { ...r, offshoreAccess: r.access < 1 ? 0.5 : 1 };
  return {
    ...s,
    regimes,
    offshoreBase: 12,
    offshoreGrowth: 0.05,
    reported: [
      { period: `Q1 FY${s.baseYear + 2}`, value: 4.55 },
      { period: `Q2 FY${s.baseYear + 2}`, value: 7.88 },
    ],
  };
}

function measureScenario(scenario: Scenario, label: string): BenchRow[] {
  const h = scenario.horizon;
  const engine = measure(() => {
    const p = projectScenario(scenario);
    if (isModelError(p)) throw new Error(p.message);
    return p.summary.cumulativeNvidiaChina;
  });
  const params = kernelParamsFromScenario(scenario);
  const buffers = createKernelBuffers(h, Object.keys(scenario.vendors).length);
  const kernel = measure(() => {
    projectKernel(params, buffers);
    return buffers.cumulativeNvidiaChina;
  });
  const flat = flatLoopFor(scenario);
  const loop = measure(() => flat());

  for (const [name, result] of [
    ["engine", engine.last],
    ["kernel", kernel.last],
  ] as const) {
    if (Math.abs(result - loop.last) > 1e-9 * Math.abs(loop.last)) {
      throw new Error(
        `bench sanity: ${label}${name} Σ T* ${result} differs from the flat loop's ${loop.last}`,
      );
    }
  }
  const ratio = engine.perSecond / loop.perSecond;
  return [
    row(
      `${label}projectScenario, 10-year projections/s`,
      engine.perSecond,
      "1/s",
      ratio,
      `≥ ${GOAL_PER_SECOND}`,
      engine.perSecond >= GOAL_PER_SECOND,
    ),
    row(
      `${label}projectScenario vs flat loop`,
      ratio,
      "ratio",
      ratio,
      `ratio ≥ ${GOAL_RATIO}`,
      ratio >= GOAL_RATIO,
    ),
    row(
      `${label}projectKernel (buffers reused), 10-year runs/s`,
      kernel.perSecond,
      "1/s",
      kernel.perSecond / loop.perSecond,
      "",
      null,
    ),
    row(`${label}hand-written flat loop, 10-year runs/s`, loop.perSecond, "1/s", 1, "", null),
    row(
      `${label}projectScenario latency`,
      1e6 / engine.perSecond,
      "µs",
      null,
      "< 16,000 (one frame)",
      1e6 / engine.perSecond < 16_000,
    ),
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

function measure(work: () => number): { perSecond: number; last: number } {
  let last = work();
  for (let i = 0; i < 2000; i++) last = work(); // warm-up (JIT)
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < 500; i++) last = work();
    count += 500;
    elapsed = performance.now() - start;
  }
  return { perSecond: (count * 1000) / elapsed, last };
}

/**
 * The §4.2 + §4.5 equations for Σ_{t=1..H} T*_t, written independently of src/model/kernel.ts (direct powers
 * instead of running products, scalars only): a lower bound on the cost of computing one projection.
 */
function flatLoopFor(s: Scenario): () => number {
  const h = s.horizon;
  const access = s.regimePath.map((name) => s.regimes[name]!.access);
  const offshoreAccess = s.regimePath.map((name) => s.regimes[name]!.offshoreAccess ?? 1);
  const overrides = Array.from({ length: h + 1 }, (_, t) => s.marketPath?.[String(s.baseYear + t)] ?? -1);
  const quarters = new Array<number>(h + 1).fill(0);
  const reported = new Array<number>(h + 1).fill(0);
  for (const q of s.reported ?? []) {
    const t = Number(q.period.slice(-4)) - 1 - s.baseYear;
    quarters[t]! += 1;
    reported[t]! += q.value;
  }
  const q0 = s.offshoreBase ?? 0;
  const q = s.offshoreGrowth ?? 0;
  return () => {
    let m = s.marketBase;
    let cumulative = 0;
    for (let t = 0; t <= h; t++) {
      if (t > 0) m *= 1 + s.marketGrowth * Math.pow(1 - s.marketGrowthFade, t - 1);
      if (t > 0 && overrides[t]! > 0) m = overrides[t]!;
      const d =
        s.domesticShareCap /
        (1 + (s.domesticShareCap / s.domesticShareBase - 1) * Math.exp(-s.adoptionSpeed * t));
      const c = s.domesticSupplyBase * Math.pow(1 + s.domesticSupplyGrowth, t);
      const d1 = d * m < c ? d * m : c;
      const n = s.nvidiaForeignShare * access[t]! * (m - d1);
      const total =
        n + offshoreAccess[t]! * q0 * Math.pow(1 + q, t) + s.otherBase * Math.pow(1 + s.otherGrowth, t);
      if (t > 0) cumulative += reported[t]! + (total * (4 - quarters[t]!)) / 4;
    }
    return cumulative;
  };
}

import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Projection } from "../../src/model/types";
import { spider, tornado, type Tornado } from "../../src/analysis/sensitivity";
import { inverseCdf } from "../../src/analysis/distributions";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { averageRanks, pearson, spearman } from "../../src/analysis/rankCorrelation";

const scenario = PRESETS[0]!.scenario;
const spec = defaultSimulationSpec(scenario);
const code = (v: unknown): string | undefined => (isModelError(v) ? v.code : undefined);

describe("sensitivity: invalid arguments", () => {
  it("tornado(s, spec, unknown metric) is invalidInput", () => {
    expect(code(tornado(scenario, spec, { metric: "profit" } as never))).toBe("invalidInput");
  });
  it("spider(s, [horizon], …) is invalidInput", () => {
    expect(code(spider(scenario, ["horizon"], { metric: "cumulativeNvidiaChina" }))).toBe("invalidInput");
  });
  it("spearman(x, y) with different lengths is invalidInput", () => {
    expect(code(spearman([1, 2], [1, 2, 3]))).toBe("invalidInput");
  });
  it("pearson of a constant sample is divisionByZero", () => {
    expect(code(pearson([1, 1, 1], [1, 2, 3]))).toBe("divisionByZero");
  });
});

describe("tornado", () => {
  it("tornado(s, spec, output) moves each input from P10 to P90 and sorts by swing", () => {
    const t = tornado(scenario, spec, { metric: "cumulativeNvidiaChina" }) as Tornado;
    expect(t.bars.length).toBe(Object.keys(spec.inputs).length);
    const swings = t.bars.map((b) => b.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    // oracle: the deterministic projection at the base scenario and at marketGrowth = its P10
    const base = projectScenario(scenario) as Projection;
    expect(t.baseOutput).toBeCloseTo(base.summary.cumulativeNvidiaChina, 9);
    const g = t.bars.find((b) => b.input === "marketGrowth")!;
    const low = inverseCdf(spec.inputs.marketGrowth!, 0.1);
    expect(g.lowInput).toBe(low);
    const atLow = projectScenario({ ...scenario, marketGrowth: low }) as Projection;
    expect(g.lowOutput).toBeCloseTo(atLow.summary.cumulativeNvidiaChina, 9);
  });
  it("tornado on a series/year output reads that year", () => {
    const t = tornado(scenario, spec, { series: "nvidiaChina", year: 2025 }) as Tornado;
    const base = projectScenario(scenario) as Projection;
    expect(t.baseOutput).toBeCloseTo(base.series.nvidiaChina[0]!, 12);
  });
});

describe("spider", () => {
  it("spider(s, inputs, output) evaluates base × (1 ± 10/20/30%) with the base in the middle", () => {
    const r = spider(scenario, ["marketGrowth"], { metric: "npvNvidiaChina" });
    if (isModelError(r)) throw new Error(r.message);
    const line = r.lines[0]!;
    const base = projectScenario(scenario) as Projection;
    expect(line.outputs[3]).toBeCloseTo(base.summary.npvNvidiaChina, 9);
    // oracle: projection at marketGrowth × 1.3
    const up = projectScenario({ ...scenario, marketGrowth: scenario.marketGrowth * 1.3 }) as Projection;
    expect(line.outputs[6]).toBeCloseTo(up.summary.npvNvidiaChina, 9);
  });
  it("spider gives NaN where the moved input leaves its valid range", () => {
    // nvidiaForeignShare 0.93 × 1.1 = 1.023 > 1: invalid
    const r = spider(scenario, ["nvidiaForeignShare"], { metric: "npvNvidiaChina" });
    if (isModelError(r)) throw new Error(r.message);
    expect(Number.isNaN(r.lines[0]!.outputs[4])).toBe(true);
  });
});

describe("rank correlation", () => {
  it("averageRanks(x) averages tied ranks like Excel RANK.AVG", () => {
    // Excel: RANK.AVG on {3,-1,3,0,2.5} ascending → {4.5, 1, 4.5, 2, 3}
    expect(Array.from(averageRanks([3, -1, 3, 0, 2.5]))).toEqual([4.5, 1, 4.5, 2, 3]);
  });
  it("spearman(x, y) is 1 for any increasing relation and −1 for decreasing", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 14);
    expect(spearman([1, 2, 3, 4], [9, 5, 2, -7])).toBeCloseTo(-1, 14);
  });
  it("pearson(x, y) matches Excel CORREL", () => {
    // hand-computed: x̄ = 2, ȳ = 13/3; Sxy = 5, Sxx = 2, Syy = 12.667 → 5/√(25.333) = 0.99339927
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.9933992677987828, 12);
  });
});

import { describe, expect, it } from "vitest";
import {
  findPreset,
  isModelError,
  projectScenario,
  type Preset,
  type Projection,
  type Scenario,
} from "../../src/model/index";

const licensed = (findPreset("licensed") as Preset).scenario;

function allNumbers(p: Projection): number[] {
  const { cagrNvidiaChina, crossoverYear, revenueAtRisk, ...totals } = p.summary;
  return [
    ...Object.values(p.series).flat(),
    ...Object.values(p.vendors).flatMap((v) => Object.values(v).flat()),
    ...revenueAtRisk,
    ...Object.values(totals),
    ...(cagrNvidiaChina === null ? [] : [cagrNvidiaChina]),
    ...(crossoverYear === null ? [] : [crossoverYear]),
  ];
}

const EXTREMES: ReadonlyArray<readonly [string, Partial<Scenario>]> = [
  ["marketBase = 1e308 with growth", { marketBase: 1e308, marketGrowth: 0.5 }],
  ["aspUsdK = 5e-324", { vendors: { only: { weight: 1, aspUsdK: 5e-324, bf16Tflops: 1000 } } }],
  [
    "tiny shares with a huge adoption speed",
    { domesticShareBase: 5e-324, domesticShareCap: 1, adoptionSpeed: 1e308 },
  ],
  ["huge supply growth", { domesticSupplyBase: 1e300, domesticSupplyGrowth: 1e300 }],
  ["huge other growth", { otherBase: 1e300, otherGrowth: 1e10 }],
  ["discount rate near −1", { discountRate: -1 + 1e-16 }],
];

describe("projectScenario(s) on valid but extreme inputs", () => {
  it.each(EXTREMES)("projectScenario(%s) is finite everywhere or a numeric error", (_label, patch) => {
    const p = projectScenario({ ...licensed, ...patch });
    if (isModelError(p)) {
      expect(p.code).toBe("numeric");
    } else {
      for (const v of allNumbers(p)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it("projectScenario(marketBase = 1e308, growth 0.5) is a numeric error (the market overflows in year 1)", () => {
    // 1e308 × 1.5 > Number.MAX_VALUE ≈ 1.797e308
    const p = projectScenario({ ...licensed, marketBase: 1e308, marketGrowth: 0.5 });
    expect(isModelError(p) && p.code).toBe("numeric");
  });

  it("projectScenario(aspUsdK = 5e-324) is a numeric error (units = sales / price overflow)", () => {
    const p = projectScenario({
      ...licensed,
      vendors: { only: { weight: 1, aspUsdK: 5e-324, bf16Tflops: 1000 } },
    });
    expect(isModelError(p) && p.code).toBe("numeric");
  });
});

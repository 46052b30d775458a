import { describe, expect, it } from "vitest";
import { CHIP_SPECS, chipCompute, findChip } from "../../src/model/compute";
import { isModelError } from "../../src/model/errors";
import { datasetFigures } from "./fixtures";

describe("chipCompute(chip, units, baseline)", () => {
  it("chipCompute rejects negative or non-finite units", () => {
    const result = chipCompute("h100", -1);
    expect(isModelError(result) && result.code).toBe("invalidInput");
  });

  it("chipCompute('h100', 1000) converts to A100-equivalents and PFLOPS", () => {
    // hand-computed: 1000 × 989.4 / 312 = 3171.1538…; 1000 × 989.4 / 1000 = 989.4 PFLOPS
    const result = chipCompute("h100", 1000);
    if (isModelError(result)) throw new Error(result.message);
    expect(result.a100eq).toBeCloseTo(3171.153846153846, 9);
    expect(result.baselineEq).toBeCloseTo(3171.153846153846, 9);
    expect(result.pflops).toBeCloseTo(989.4, 9);
    expect(result.baseline).toBe("a100");
  });

  it("chipCompute('Ascend 910C', 100, 'h20') uses the baseline and accepts names", () => {
    // hand-computed: 100 × 780 / 148 = 527.027…; a100eq 100 × 780 / 312 = 250
    const result = chipCompute("Ascend 910C", 100, "H20");
    if (isModelError(result)) throw new Error(result.message);
    expect(result.baselineEq).toBeCloseTo(527.027027027027, 9);
    expect(result.a100eq).toBeCloseTo(250, 9);
  });

  it("chipCompute returns notFound naming nearest chips for an unknown chip or baseline", () => {
    const chip = chipCompute("ascend 910x", 1);
    expect(isModelError(chip) && chip.code).toBe("notFound");
    const baseline = chipCompute("h100", 1, "b300");
    expect(isModelError(baseline) && baseline.code).toBe("notFound");
    expect(isModelError(findChip("cambricon-590"))).toBe(false);
  });
});

describe("CHIP_SPECS", () => {
  it("CHIP_SPECS values equal the dataset figures they cite", () => {
    const figures = datasetFigures();
    const a100 = figures.get("a100_bf16_dense")!.value;
    for (const spec of CHIP_SPECS) {
      const figure = figures.get(spec.figureId);
      expect(figure, spec.figureId).toBeDefined();
      let expected = figure!.value;
      if (figure!.unit === "percent_of_A100") expected = (figure!.value / 100) * a100;
      if (figure!.unit === "ratio_to_H20") expected = figure!.value * figures.get("h20_bf16")!.value;
      expect(spec.bf16Tflops, spec.id).toBeCloseTo(expected, 9);
    }
  });
});

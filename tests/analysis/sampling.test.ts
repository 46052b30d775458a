import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { createSamplingPlan, lhsPermutation, STREAM, type SamplingPlan } from "../../src/analysis/sampling";
import { philox4x32, uniformOpen } from "../../src/analysis/philox";
import { permuteIndex } from "../../src/analysis/permutation";
import { InvalidCorrelationError, validateCorrelationMatrix } from "../../src/analysis/imanConover";
import { symmetricEigen } from "../../src/analysis/linearAlgebra";
import { spearman } from "../../src/analysis/rankCorrelation";

function column(plan: SamplingPlan, slot: number): Float64Array {
  return Float64Array.from({ length: plan.trials }, (_, i) => plan.uniform(i, slot));
}

describe("validateCorrelationMatrix: invalid arguments", () => {
  it("validateCorrelationMatrix(non-square) is invalidInput", () => {
    const r = validateCorrelationMatrix([[1, 0], [0]]);
    expect(isModelError(r) && r.code).toBe("invalidInput");
  });
  it("validateCorrelationMatrix(asymmetric) names the problem and offers a nearest matrix", () => {
    const r = validateCorrelationMatrix([
      [1, 0.5],
      [0.2, 1],
    ]);
    expect(r).toBeInstanceOf(InvalidCorrelationError);
    expect((r as InvalidCorrelationError).code).toBe("invalidInput");
    expect((r as InvalidCorrelationError).message).toMatch(/symmetric/);
  });
  it("validateCorrelationMatrix(|ρ| > 1) and a non-unit diagonal are invalidInput", () => {
    expect(
      validateCorrelationMatrix([
        [1, 1.2],
        [1.2, 1],
      ]),
    ).toBeInstanceOf(InvalidCorrelationError);
    expect(
      validateCorrelationMatrix([
        [2, 0],
        [0, 1],
      ]),
    ).toBeInstanceOf(InvalidCorrelationError);
  });
  it("validateCorrelationMatrix(not PSD) offers a valid nearest correlation matrix", () => {
    // hand-checked: [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]] has eigenvalue 1 − 1.8 = −0.8 < 0
    const r = validateCorrelationMatrix([
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ]);
    expect(r).toBeInstanceOf(InvalidCorrelationError);
    const nearest = (r as InvalidCorrelationError).nearest;
    expect(nearest.map((row, i) => row[i])).toEqual([1, 1, 1]);
    expect(Math.min(...symmetricEigen(nearest).values)).toBeGreaterThan(0);
    expect(isModelError(validateCorrelationMatrix(nearest))).toBe(false);
  });
});

describe("createSamplingPlan: Latin hypercube", () => {
  it("createSamplingPlan(lhs) hits each of N strata exactly once per variable", () => {
    const n = 1000;
    const plan = createSamplingPlan(11, n, "lhs", [0, 5, 9]) as SamplingPlan;
    for (let slot = 0; slot < 3; slot++) {
      const strata = new Set(Array.from(column(plan, slot), (u) => Math.floor(u * n)));
      expect(strata.size).toBe(n);
    }
  });
  it("createSamplingPlan is reproducible for a seed and differs across seeds", () => {
    const a = createSamplingPlan(1, 100, "lhs", [3]) as SamplingPlan;
    const b = createSamplingPlan(1, 100, "lhs", [3]) as SamplingPlan;
    const c = createSamplingPlan(2, 100, "lhs", [3]) as SamplingPlan;
    expect(column(a, 0)).toEqual(column(b, 0));
    expect(column(a, 0)).not.toEqual(column(c, 0));
  });
  it("createSamplingPlan(mc) gives uniforms in (0, 1)", () => {
    const u = column(createSamplingPlan(1, 1000, "mc", [0]) as SamplingPlan, 0);
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });
});

describe("createSamplingPlan: Iman–Conover", () => {
  it("achieves the target Spearman matrix within ±0.02 at 10,000 trials and keeps LHS strata", () => {
    const target = [
      [1, 0.6, -0.3],
      [0.6, 1, 0.2],
      [-0.3, 0.2, 1],
    ];
    const n = 10_000;
    const plan = createSamplingPlan(5, n, "lhs", [1, 2, 3], {
      slots: [0, 1, 2],
      matrix: target,
    }) as SamplingPlan;
    const cols = [0, 1, 2].map((s) => column(plan, s));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        expect(Math.abs((spearman(cols[i]!, cols[j]!) as number) - target[i]![j]!)).toBeLessThan(0.02);
      }
      expect(new Set(Array.from(cols[i]!, (u) => Math.floor(u * n))).size).toBe(n);
    }
  });
  it("uncorrelated target leaves rank correlations near 0 under plain MC", () => {
    const plan = createSamplingPlan(5, 10_000, "mc", [1, 2], {
      slots: [0, 1],
      matrix: [
        [1, 0],
        [0, 1],
      ],
    }) as SamplingPlan;
    expect(Math.abs(spearman(column(plan, 0), column(plan, 1)) as number)).toBeLessThan(0.02);
  });
});

describe("createSamplingPlan: counter layout", () => {
  it("createSamplingPlan(mc).uniform(trial, slot) is word (id mod 4) of Philox(trial, SAMPLE, ⌊id / 4⌋, 0)", () => {
    const ids = [1, 2, 4, 5, 7, 8, 9, 11];
    const plan = createSamplingPlan(42, 100, "mc", ids) as SamplingPlan;
    const out = new Float64Array(ids.length);
    for (const trial of [0, 1, 57, 99]) {
      plan.fill(trial, out);
      ids.forEach((id, slot) => {
        // oracle: the block function (Random123 known answers) at counter (trial, SAMPLE << 16, ⌊id/4⌋, 0), key (42, 0)
        const word = philox4x32([trial, STREAM.sample << 16, Math.floor(id / 4), 0], [42, 0])[id % 4]!;
        expect(plan.uniform(trial, slot)).toBe(uniformOpen(word));
        expect(out[slot]).toBe(uniformOpen(word));
      });
    }
  });
  it("lhsPermutation(seed, n, id) takes its round keys from Philox(seed; (id, LHS_PERM << 16, 0, 0))", () => {
    // oracle: the block function (Random123 known answers) at that counter, key (seed lo, seed hi)
    expect([...lhsPermutation(7, 1000, 6).keys]).toEqual(
      philox4x32([6, STREAM.lhsPermutation << 16, 0, 0], [7, 0]),
    );
  });
  it("createSamplingPlan(lhs).uniform(trial, slot) = (π(trial) + the MC jitter) / N", () => {
    const n = 300;
    const ids = [2, 9];
    const plan = createSamplingPlan(42, n, "lhs", ids) as SamplingPlan;
    for (const trial of [0, 1, 150, 299]) {
      ids.forEach((id, slot) => {
        const word = philox4x32([trial, STREAM.sample << 16, Math.floor(id / 4), 0], [42, 0])[id % 4]!;
        const stratum = permuteIndex(lhsPermutation(42, n, id), trial);
        expect(plan.stratum(trial, slot)).toBe(stratum);
        expect(plan.uniform(trial, slot)).toBe((stratum + uniformOpen(word)) / n);
      });
    }
  });
});

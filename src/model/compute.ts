/**
 * Accelerator compute from cited chip specs: units → A100-equivalents (or another baseline chip) and dense
 * PFLOPS. Values are hard-coded here WITH their figure id (the pure model does not load the dataset); a test
 * checks each against data/figures.json. Derived specs (a ratio to another chip) say so in `derivation`.
 */
import { isModelError, modelError, type ModelError } from "./errors";
import { A100_BF16_TFLOPS } from "./kernel";
import { nearestIds } from "./nearest";

export interface ChipSpec {
  readonly id: string;
  readonly name: string;
  /** Dense BF16 (or FP16 where noted) TFLOPS per accelerator. */
  readonly bf16Tflops: number;
  /** The dataset figure the value comes from (directly, or as a ratio to another chip). */
  readonly figureId: string;
  /** How the value follows from the figure, when it is not the figure's value itself. */
  readonly derivation?: string;
}

/** Cited chip specs, by id. */
export const CHIP_SPECS: readonly ChipSpec[] = [
  { id: "a100", name: "NVIDIA A100", bf16Tflops: 312, figureId: "a100_bf16_dense" },
  {
    id: "a800",
    name: "NVIDIA A800",
    bf16Tflops: 0.7 * 312,
    figureId: "a800_vs_a100",
    derivation: "70% of A100",
  },
  { id: "h100", name: "NVIDIA H100 SXM5", bf16Tflops: 989.4, figureId: "h100_bf16_dense" },
  { id: "h20", name: "NVIDIA H20", bf16Tflops: 148, figureId: "h20_bf16" },
  { id: "gb200", name: "NVIDIA GB200 (per GPU)", bf16Tflops: 2500, figureId: "gb200_bf16" },
  { id: "ascend910c", name: "Huawei Ascend 910C", bf16Tflops: 780, figureId: "huawei_910c_bf16" },
  {
    id: "ascend910b",
    name: "Huawei Ascend 910B",
    bf16Tflops: 320,
    figureId: "huawei_910b_fp16_boardor",
    derivation: "FP16 figure used as the BF16 rate (blog figure A; figure B says 256)",
  },
  {
    id: "cambricon590",
    name: "Cambricon Siyuan 590",
    bf16Tflops: 0.8 * 312,
    figureId: "cambricon_590_vs_a100",
    derivation: "80% of A100 (LLM-training efficiency ratio)",
  },
  {
    id: "theadppu",
    name: "Alibaba T-Head PPU (Zhenwu)",
    bf16Tflops: 148,
    figureId: "thead_ppu_vs_h20",
    derivation: "comparable to H20 (ratio 1 × h20_bf16)",
  },
];

const ALIASES: Readonly<Record<string, string>> = {
  "910c": "ascend910c",
  "910b": "ascend910b",
  huawei910c: "ascend910c",
  huawei910b: "ascend910b",
  siyuan590: "cambricon590",
  mlu590: "cambricon590",
  ppu: "theadppu",
  zhenwu: "theadppu",
  h100sxm: "h100",
};

/** Units of compute for a number of accelerators. */
export interface ChipCompute {
  /** Equivalent number of baseline accelerators (A100s by default). */
  readonly baselineEq: number;
  /** The baseline chip id used. */
  readonly baseline: string;
  /** Equivalent number of A100s, whatever the baseline. */
  readonly a100eq: number;
  /** Dense BF16 PFLOPS of the units. */
  readonly pflops: number;
}

/**
 * A chip spec by id, name or alias (case-insensitive; spaces, hyphens and underscores ignored).
 *
 * @param chip e.g. "Ascend 910C", "h20", "Cambricon-590"
 * @returns the spec, or ModelError("notFound") naming the nearest chip ids
 * @example findChip("Ascend 910C").bf16Tflops // → 780
 */
export function findChip(chip: string): ChipSpec | ModelError {
  const key = normalize(chip);
  const id = ALIASES[key] ?? key;
  const spec = CHIP_SPECS.find((s) => s.id === id || normalize(s.name) === key);
  if (spec !== undefined) return spec;
  const near = nearestIds(
    key,
    CHIP_SPECS.map((s) => s.id),
  ).join(", ");
  return modelError("notFound", `chip "${chip}" is not a known chip; nearest: ${near}`);
}

/**
 * Converts accelerator units to baseline-equivalents and dense PFLOPS:
 * `baselineEq = units × TFLOPS_chip / TFLOPS_baseline`, `pflops = units × TFLOPS_chip / 1000`.
 *
 * @param chip chip id/name (see `CHIP_SPECS`)
 * @param units number of accelerators, ≥ 0
 * @param baseline baseline chip id/name (default "a100")
 * @returns the compute, or invalidInput (units) / notFound (chip)
 * @example chipCompute("h100", 1000) // → { baselineEq: 3171.153846…, baseline: "a100", a100eq: 3171.153846…, pflops: 989.4 }
 */
export function chipCompute(chip: string, units: number, baseline = "a100"): ChipCompute | ModelError {
  if (!(Number.isFinite(units) && units >= 0)) {
    return modelError("invalidInput", `units must be at least 0, got ${units}`);
  }
  const spec = findChip(chip);
  if (isModelError(spec)) return spec;
  const base = findChip(baseline);
  if (isModelError(base)) return base;
  const tflops = units * spec.bf16Tflops;
  return {
    baselineEq: tflops / base.bf16Tflops,
    baseline: base.id,
    a100eq: tflops / A100_BF16_TFLOPS,
    pflops: tflops / 1000,
  };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, "");
}

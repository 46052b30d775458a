/**
 * Deterministic sensitivity (DESIGN.md §5): a tornado (each stochastic input from its P10 to its P90, the
 * others at the scenario's base value, sorted by swing) and a spider (output vs each input at ±10/20/30% of its
 * base value). Rank correlations come from the simulation itself (`SimulationResult.rankCorrelations`).
 */
import { isModelError, modelError, type ModelError } from "../model/errors";
import {
  createKernelBuffers,
  kernelParamsFromScenario,
  projectKernel,
  revenueAtRiskTotal,
  type KernelBuffers,
} from "../model/kernel";
import type { ScalarInputId, Scenario } from "../model/types";
import { SCALAR_INPUT_IDS, scalarValue, validateScenario } from "../model/validate";
import { inverseCdf } from "./distributions";
import { outputProblem, type OutputRef, type SimulationSpec } from "./simulationSpec";

export interface TornadoBar {
  readonly input: ScalarInputId;
  /** Input values at its P10 and P90. */
  readonly lowInput: number;
  readonly highInput: number;
  /** Output with the input at P10 / P90. */
  readonly lowOutput: number;
  readonly highOutput: number;
  /** |highOutput − lowOutput|. */
  readonly swing: number;
}

export interface Tornado {
  readonly output: OutputRef;
  readonly baseOutput: number;
  /** Sorted by swing, largest first. */
  readonly bars: readonly TornadoBar[];
}

/**
 * Tornado: for each input with a non-fixed distribution, the output at the input's P10 and P90 with every
 * other input at the scenario's value (regimes on the scenario's fixed path).
 *
 * @example tornado(s, spec, { metric: "cumulativeNvidiaChina" }).bars[0].input // the input with the widest swing
 */
export function tornado(scenario: Scenario, spec: SimulationSpec, output: OutputRef): Tornado | ModelError {
  const evaluate = createEvaluator(scenario, output);
  if (isModelError(evaluate)) return evaluate;
  const bars: TornadoBar[] = [];
  for (const id of SCALAR_INPUT_IDS) {
    const d = spec.inputs[id];
    if (d === undefined || d.kind === "fixed") continue;
    const lowInput = inverseCdf(d, 0.1);
    const highInput = inverseCdf(d, 0.9);
    const lowOutput = evaluate({ [id]: lowInput });
    const highOutput = evaluate({ [id]: highInput });
    bars.push({
      input: id,
      lowInput,
      highInput,
      lowOutput,
      highOutput,
      swing: Math.abs(highOutput - lowOutput),
    });
  }
  bars.sort((a, b) => b.swing - a.swing);
  return { output, baseOutput: evaluate({}), bars };
}

/** The default spider steps: −30% … +30% of the base value. */
export const SPIDER_STEPS = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3] as const;

export interface SpiderLine {
  readonly input: ScalarInputId;
  readonly baseInput: number;
  /** Output at base × (1 + step) for each step; NaN where the moved input leaves its valid range. */
  readonly outputs: readonly number[];
}

/**
 * Spider: the output as each listed input moves by ±10/20/30% of its base value, the others at base.
 *
 * @example spider(s, ["marketGrowth"], { metric: "cumulativeNvidiaChina" }).lines[0].outputs[3] // base output
 */
export function spider(
  scenario: Scenario,
  inputs: readonly ScalarInputId[],
  output: OutputRef,
  steps: readonly number[] = SPIDER_STEPS,
): { readonly steps: readonly number[]; readonly lines: readonly SpiderLine[] } | ModelError {
  const evaluate = createEvaluator(scenario, output);
  if (isModelError(evaluate)) return evaluate;
  const lines: SpiderLine[] = [];
  for (const id of inputs) {
    if (!SCALAR_INPUT_IDS.includes(id) || id === "baseYear" || id === "horizon") {
      return modelError("invalidInput", `${id} is not a numeric model input`);
    }
    const base = scalarValue(scenario, id);
    const outputs = steps.map((step) => {
      const moved = base * (1 + step);
      return isModelError(validateScenario({ ...scenario, [id]: moved })) ? NaN : evaluate({ [id]: moved });
    });
    lines.push({ input: id, baseInput: base, outputs });
  }
  return { steps, lines };
}

/** A validated scenario's output as a function of scalar overrides (one kernel run each). */
function createEvaluator(
  scenario: Scenario,
  output: OutputRef,
): ((overrides: Partial<Record<ScalarInputId, number>>) => number) | ModelError {
  const valid = validateScenario(scenario);
  if (isModelError(valid)) return valid;
  const problem = outputProblem(valid, output);
  if (problem !== undefined) return modelError("invalidInput", problem);
  const out = createKernelBuffers(valid.horizon, Object.keys(valid.vendors).length);
  return (overrides) => {
    const params = kernelParamsFromScenario(valid);
    Object.assign(params, overrides);
    projectKernel(params, out);
    return read(out, params.nvidiaForeignShare, valid.baseYear, output);
  };
}

function read(out: KernelBuffers, phi: number, baseYear: number, o: OutputRef): number {
  if ("series" in o) return out[o.series][o.year - baseYear] as number;
  switch (o.metric) {
    case "cumulativeNvidiaChina":
      return out.cumulativeNvidiaChina;
    case "npvNvidiaChina":
      return out.npvNvidiaChina;
    case "cagrNvidiaChina":
      return out.cagrNvidiaChina;
    case "crossoverYear":
      return out.crossoverIndex < 0 ? NaN : baseYear + out.crossoverIndex;
    case "revenueAtRiskTotal":
      return revenueAtRiskTotal(out, phi);
  }
}

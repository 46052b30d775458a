/**
 * Pure helpers the Evidence tab's result views read: the prior regime probabilities per year (exact, by
 * propagating the run's regime chain — the prior beside the weighted-trial posterior), the prior vs posterior
 * percentiles of NVIDIA China revenue per year, and the effective-sample-size message.
 */
import { LOW_ESS, type PosteriorResult } from "../../analysis/posterior";
import { compileRegimeChain } from "../../analysis/regimeChain";
import type { SimulationSpec } from "../../analysis/simulationSpec";
import type { SimulationResult } from "../../analysis/summarize";
import { isModelError } from "../../model/errors";
import type { Scenario } from "../../model/types";
import { yearLabel } from "../charts/format";
import { observationLabelWords } from "./state";

/**
 * P(regime r in year t) before any evidence: the regime path with a fixed path, else the chain's marginal
 * distribution, π_0 = the base year's regime and π_t = π_{t−1}·P_t (the year-t transition matrix the trials
 * draw from). One record per year t = 0..H, regimes in the scenario's order; undefined when the chain does not
 * compile (the run would have failed first).
 *
 * @example priorRegimes(s, undefined)[1] // { restricted: 0, licensed: 1, … } for regimePath[1] = "licensed"
 */
export function priorRegimes(
  scenario: Scenario,
  chain: SimulationSpec["regimeChain"],
): Record<string, number>[] | undefined {
  const names = Object.keys(scenario.regimes);
  if (chain === undefined)
    return scenario.regimePath.map((r) => Object.fromEntries(names.map((n) => [n, n === r ? 1 : 0])));
  const compiled = compileRegimeChain(scenario, chain);
  if (isModelError(compiled)) return undefined;
  const k = compiled.states.length;
  let dist = new Float64Array(k);
  dist[compiled.initial] = 1;
  const out = [record(compiled.states, dist)];
  for (let t = 1; t <= scenario.horizon; t++) {
    const next = new Float64Array(k);
    for (let from = 0; from < k; from++) {
      const p = dist[from] as number;
      if (p === 0) continue;
      const row = (t - 1) * k * k + from * k;
      for (let to = 0; to < k; to++)
        next[to] = (next[to] as number) + p * (compiled.probability[row + to] as number);
    }
    dist = next;
    out.push(record(compiled.states, dist));
  }
  return out;
}

function record(states: readonly string[], dist: Float64Array): Record<string, number> {
  return Object.fromEntries(states.map((s, i) => [s, dist[i] as number]));
}

/** P10 / P50 / P90 of one year, prior and posterior (USD bn). */
export interface FanYear {
  readonly label: string;
  readonly prior: { readonly p10: number; readonly p50: number; readonly p90: number };
  readonly posterior: { readonly p10: number; readonly p50: number; readonly p90: number };
}

/** NVIDIA China revenue per year, prior beside posterior; empty without a posterior. */
export function fanYears(result: SimulationResult): FanYear[] {
  const prior = result.series.nvidiaChina ?? [];
  const post = result.posterior?.series.nvidiaChina ?? [];
  return result.years.calendar.map((year, t) => {
    const a = prior[t];
    const b = post[t];
    return {
      label: yearLabel(year),
      prior: { p10: a?.p10 ?? NaN, p50: a?.p50 ?? NaN, p90: a?.p90 ?? NaN },
      posterior: { p10: b?.p10 ?? NaN, p50: b?.p50 ?? NaN, p90: b?.p90 ?? NaN },
    };
  });
}

/** The ESS line and, below `LOW_ESS`, the warning naming the observation that dominates the likelihood. */
export function essText(
  posterior: PosteriorResult,
  trials: number,
): { readonly line: string; readonly warning?: string } {
  const ess = posterior.ess;
  const dominant = observationLabelWords(posterior.dominantObservation);
  const share = trials > 0 ? ess / trials : NaN;
  const line = `Effective sample size ${formatCount(ess)} of ${trials.toLocaleString("en-US")} trials${
    Number.isFinite(share) ? ` (${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%)` : ""
  }`;
  if (!(ess >= LOW_ESS)) {
    return {
      line,
      warning:
        ess > 0
          ? `The posterior rests on very few trials (effective sample size ${formatCount(ess)}, below ${LOW_ESS}). “${dominant}” dominates the likelihood: widen its SD if the figure is less certain than that, or run more trials on the Simulate tab.`
          : `No trial can explain the observations (every likelihood underflows). The worst fit is “${dominant}”: check its value and SD.`,
    };
  }
  return { line };
}

function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

/**
 * Evidence (DESIGN §5.1): the effective sample size of 200,000 default-spec trials importance-weighted by the
 * presets' default evidence, per preset (goal ESS ≥ 1000: the posterior percentiles rest on enough trials), and
 * what computing the posterior costs on top of the prior run.
 */
import type { BenchRow } from "../bench";
import { PRESETS } from "../../src/model/presets";
import { isModelError } from "../../src/model/errors";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import { simulate } from "../../src/analysis/simulate";

const SECTION = "evidence";
const TRIALS = 200_000;
const GOAL_ESS = 1000;

export function evidenceSection(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const preset of PRESETS) {
    const spec = defaultSimulationSpec(preset.scenario);
    const started = performance.now();
    const prior = simulate(preset.scenario, spec, { trials: TRIALS, seed: 1 });
    const priorMs = performance.now() - started;
    const again = performance.now();
    const both = simulate(
      preset.scenario,
      { ...spec, evidence: defaultEvidence() },
      { trials: TRIALS, seed: 1 },
    );
    const bothMs = performance.now() - again;
    if (isModelError(prior) || isModelError(both) || "kind" in prior || "kind" in both)
      throw new Error("simulation failed");
    const ess = both.posterior?.ess ?? 0;
    rows.push({
      section: SECTION,
      name: `${preset.id}: ESS of ${TRIALS.toLocaleString("en-US")} trials, default evidence`,
      value: ess,
      unit: "trials",
      ratio: ess / TRIALS,
      goal: `≥ ${GOAL_ESS}`,
      pass: ess >= GOAL_ESS,
    });
    rows.push({
      section: SECTION,
      name: `${preset.id}: run time with the posterior / without`,
      value: bothMs,
      unit: "ms",
      ratio: bothMs / priorMs,
      goal: "",
      pass: null,
    });
  }
  return rows;
}

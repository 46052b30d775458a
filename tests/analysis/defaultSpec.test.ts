import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { DEFAULT_SPEC_RATIONALE, defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { compileRegimeChain } from "../../src/analysis/regimeChain";
import { validateSimulationSpec } from "../../src/analysis/simulationSpec";

describe("defaultSimulationSpec", () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    "defaultSimulationSpec(%s) is valid for its preset",
    (_, preset) => {
      const spec = defaultSimulationSpec(preset.scenario);
      expect(isModelError(validateSimulationSpec(preset.scenario, spec))).toBe(false);
      expect(isModelError(compileRegimeChain(preset.scenario, spec.regimeChain!))).toBe(false);
    },
  );
  it("defaultSimulationSpec puts a triangular with mode = the scenario's value on eight inputs", () => {
    const s = PRESETS[0]!.scenario;
    const spec = defaultSimulationSpec(s);
    expect(Object.keys(spec.inputs)).toHaveLength(8);
    // hand-computed: marketGrowth 0.366 → [0.183, 0.366, 0.549]
    const g = spec.inputs.marketGrowth!;
    expect(g).toEqual({ kind: "triangular", min: 0.366 * 0.5, mode: 0.366, max: 0.366 * 1.5 });
  });
  it("defaultSimulationSpec(s).regimeChain is the anchored chain with π = 0.8, β = 0.3, as its rationale says", () => {
    const spec = defaultSimulationSpec(PRESETS[0]!.scenario);
    expect(spec.regimeChain).toEqual({ anchored: { followPath: 0.8, returnToPath: 0.3 } });
    expect(DEFAULT_SPEC_RATIONALE.regimeChain).toMatch(/probability 0\.8.*probability 0\.3/);
  });
  it("every default range and the chain carry an assumption rationale", () => {
    const spec = defaultSimulationSpec(PRESETS[0]!.scenario);
    for (const id of [
      ...Object.keys(spec.inputs),
      "regimeChain",
      "regimeChain.followPath",
      "regimeChain.returnToPath",
    ]) {
      expect(DEFAULT_SPEC_RATIONALE[id]).toMatch(/^assumption: /);
    }
  });
});

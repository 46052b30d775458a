import { describe, expect, it } from "vitest";
import {
  initialSensitivityState,
  outputChoices,
  rankCorrelationsFor,
  sensitivityReducer,
} from "../../../src/taskpane/sensitivity/state";

describe("sensitivityReducer", () => {
  it("sensitivityReducer(outputChanged) drops results computed for another output", () => {
    const withRank = sensitivityReducer(initialSensitivityState(), {
      type: "rankSucceeded",
      run: {
        scenarioName: "Licensed trade",
        fingerprint: "abc",
        correlations: { output: "cumulativeNvidiaChina", values: [] },
      },
    });
    const next = sensitivityReducer(withRank, {
      type: "outputChanged",
      output: { metric: "npvNvidiaChina" },
    });
    expect(next).toEqual({
      output: { metric: "npvNvidiaChina" },
      rank: { status: "idle" },
      write: { status: "idle" },
    });
  });

  it("sensitivityReducer(analysisFailed) keeps the message and clears an earlier analysis", () => {
    const state = sensitivityReducer(initialSensitivityState(), { type: "analysisFailed", message: "bad" });
    expect(state.problem).toBe("bad");
    expect(state.analysis).toBeUndefined();
  });

  it("outputChoices(2025, 5) offers three metrics and nvidiaChina for 2026..2030", () => {
    const choices = outputChoices(2025, 5);
    // hand-computed: 3 metrics + 5 years (t = 1..5)
    expect(choices).toHaveLength(8);
    expect(choices[3]?.output).toEqual({ series: "nvidiaChina", year: 2026 });
    expect(choices[7]?.label).toBe("NVIDIA China revenue in 2030 (FY2031, USD bn)");
  });

  it("rankCorrelationsFor() uses a simulation's correlations only when they were measured against the output", () => {
    const rc = { output: "nvidiaChina 2028", values: [{ input: "marketGrowth", rho: 0.5 }] };
    expect(rankCorrelationsFor(rc, { series: "nvidiaChina", year: 2028 })).toBe(rc);
    expect(rankCorrelationsFor(rc, { metric: "cumulativeNvidiaChina" })).toBeUndefined();
  });
});

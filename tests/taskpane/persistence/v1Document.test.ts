import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { projectScenario } from "../../../src/model/project";
import type { Projection, Scenario } from "../../../src/model/types";
import { initialScenarioState, scenarioReducer } from "../../../src/taskpane/scenario/state";
import { parseDocument } from "../../../src/workbook/document";
import { deepFreeze } from "../../model/fixtures";

/**
 * A workbook saved before model v2 holds the v1 "Licensed trade" (one residual otherBase 14.934, four regimes,
 * no offshore channel, nothing reported). Model v2 is a strict superset (DESIGN §4.5), so the document needs
 * no data migration — but it must open, project exactly as v1 did, and stay v1 when edited in the pane, even
 * though today's presets have a fifth regime, an offshore channel and reported quarters.
 */
interface PinnedCase {
  readonly id: string;
  readonly scenario: Scenario;
  readonly projection: Projection;
}

const pinned = JSON.parse(
  readFileSync(new URL("../../model/fixtures/v1-projections.json", import.meta.url), "utf8"),
) as PinnedCase[];
const v1Licensed = pinned.find((c) => c.id === "licensed")!;

/** The document text as ChipShift wrote it before model v2 (version 1, a v1 scenario). */
function savedV1DocumentText(): string {
  return JSON.stringify({
    schema: "chipshift/workbook",
    version: 1,
    savedAt: "2026-02-10T09:30:00.000Z",
    scenario: { name: "Board case (2026-02)", presetId: "licensed", scenario: v1Licensed.scenario },
    simulationSpec: { inputs: { marketGrowth: { kind: "triangular", min: 0.2, mode: 0.366, max: 0.5 } } },
    simulationSettings: { trials: 10000, seed: 42, sampling: "lhs" },
  });
}

function project(s: Scenario): Projection {
  const p = projectScenario(s);
  if (isModelError(p)) throw new Error(p.message);
  return p;
}

describe("a workbook document saved by model v1", () => {
  it("parseDocument(v1 text) opens it and its scenario projects exactly as v1 did", () => {
    const doc = parseDocument(savedV1DocumentText());
    if (isModelError(doc)) throw new Error(doc.message);
    expect(v1Licensed.scenario.otherBase).toBe(14.934);
    expect(doc.scenario.scenario).toEqual(v1Licensed.scenario);
    const p = project(doc.scenario.scenario);
    for (const [id, values] of Object.entries(v1Licensed.projection.series)) {
      const actual = p.series[id as keyof Projection["series"]];
      values.forEach((v, t) => expect(Object.is(actual[t], v), `${id}[${t}]`).toBe(true));
    }
    expect(p.summary).toEqual(v1Licensed.projection.summary);
    // v1 documented T_0: 4.743 + 14.934 = 19.677; nothing offshore, nothing reported, outlook = model
    expect(p.series.nvidiaChina[0]).toBeCloseTo(19.677, 9);
    expect(p.series.nvidiaOffshore.every((q) => q === 0)).toBe(true);
    expect(p.series.nvidiaChinaOutlook).toEqual(p.series.nvidiaChina);
  });

  it("restored in the pane, it shows v1 values and an edit keeps its v1 structure (no paper regime, no offshore keys)", () => {
    const doc = parseDocument(savedV1DocumentText());
    if (isModelError(doc)) throw new Error(doc.message);
    const restored = scenarioReducer(deepFreeze(initialScenarioState("licensed")), {
      type: "scenarioRestored",
      scenario: doc.scenario.scenario,
      name: doc.scenario.name,
      presetId: doc.scenario.presetId,
    });
    expect(restored.issues).toEqual([]);
    expect(restored.raw["otherBase"]).toBe("14.934");
    expect(restored.projection.series.nvidiaChina).toEqual(v1Licensed.projection.series.nvidiaChina);

    const edited = scenarioReducer(restored, { type: "inputChanged", path: "marketGrowth", raw: "30" });
    expect(edited.issues).toEqual([]);
    expect(Object.keys(edited.scenario.regimes).sort()).toEqual(["banned", "licensed", "open", "restricted"]);
    expect(edited.scenario.offshoreBase).toBeUndefined();
    expect(edited.scenario.reported).toBeUndefined();
    expect(edited.scenario.regimes["licensed"]!.offshoreAccess).toBeUndefined();
    // the edit is the only change: the same as projecting the v1 scenario with marketGrowth 0.3
    const expected = project({ ...v1Licensed.scenario, marketGrowth: 0.3 });
    expect(edited.projection.series.nvidiaChina).toEqual(expected.series.nvidiaChina);
    expect(edited.projection.summary).toEqual(expected.summary);
  });
});

import { describe, expect, it } from "vitest";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { scenarioWeights, type ScenarioWeight } from "../../src/analysis/scenarioWeights";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import { PRESETS } from "../../src/model/presets";
import { parseAddress } from "../../src/workbook/layout/address";
import { buildEvidenceSheetLayout, EVIDENCE_SHEET } from "../../src/workbook/layout/evidenceLayout";
import { cells, findRow } from "./layoutCells";

const evidence = defaultEvidence();
const scenario = PRESETS[0]!.scenario;
const weights = scenarioWeights(
  PRESETS.map((p) => ({ id: p.id, name: p.name, scenario: p.scenario })),
  evidence.observations,
) as ScenarioWeight[];
const result = simulate(
  scenario,
  { ...defaultSimulationSpec(scenario), evidence },
  { trials: 800, seed: 3 },
) as SimulationResult;

describe("buildEvidenceSheetLayout", () => {
  const { sheet, charts } = buildEvidenceSheetLayout({
    observations: evidence.observations,
    weights,
    simulation: result,
    scenarioName: '=HYPERLINK("x")',
    ranAt: "2026-12-02 17:00",
  });
  const map = cells(sheet);
  const col = (c: number): string => String.fromCharCode(65 + c);

  it("buildEvidenceSheetLayout names the sheet CS Evidence and lists each observation with its figure id and source", () => {
    expect(sheet.name).toBe(EVIDENCE_SHEET);
    evidence.observations.forEach((o, j) => {
      const row = findRow(map, "Series") + 1 + j;
      expect(map.get(`A${row}`)?.value).toBe(o.series);
      expect(map.get(`B${row}`)?.value).toBe(o.period);
      expect(map.get(`C${row}`)?.value).toBe(o.value);
      expect(map.get(`D${row}`)?.value).toBe(o.sd);
      expect(map.get(`E${row}`)?.value).toBe(o.figureId);
      expect(String(map.get(`F${row}`)?.value)).toMatch(/\([a-z_]+\)$/);
    });
  });
  it("buildEvidenceSheetLayout writes one weight row per scenario (posteriors as values, summing to 1)", () => {
    const top = findRow(map, "Scenario");
    const posteriors = weights.map((w, s) => {
      expect(map.get(`A${top + 1 + s}`)?.value).toBe(w.name);
      return map.get(`D${top + 1 + s}`)?.value as number;
    });
    expect(posteriors).toEqual(weights.map((w) => w.posterior));
    expect(posteriors.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it("buildEvidenceSheetLayout puts prior and posterior P50 of NVIDIA China revenue side by side per year", () => {
    const prior = findRow(map, "Prior P50");
    const post = findRow(map, "Posterior P50");
    result.series.nvidiaChina!.forEach((s, t) => expect(map.get(`${col(t + 1)}${prior}`)?.value).toBe(s.p50));
    result.posterior!.series.nvidiaChina!.forEach((s, t) =>
      expect(map.get(`${col(t + 1)}${post}`)?.value).toBe(s.p50),
    );
    expect(map.get(`B${findRow(map, "Effective sample size (1/Σw²)")}`)?.value).toBe(result.posterior!.ess);
  });
  it("buildEvidenceSheetLayout writes the regime posterior (each year's column sums to 1) and the user's text as text", () => {
    const names = Object.keys(result.posterior!.regimes[0]!);
    const rows = names.map((n) => findRow(map, n));
    for (let t = 0; t <= scenario.horizon; t++) {
      const total = rows.reduce((a, r) => a + ((map.get(`${col(t + 1)}${r}`)?.value as number) ?? 0), 0);
      expect(total).toBeCloseTo(1, 12);
    }
    const nameCell = [...map.values()].find((c) => c.value === '=HYPERLINK("x")');
    expect(nameCell?.text).toBe(true);
  });
  it("buildEvidenceSheetLayout charts read the blocks they chart: the fan's first row is the year header", () => {
    expect(charts.map((c) => c.id)).toEqual(["evidenceFan", "evidenceRegimes"]);
    const fan = charts[0]!;
    const start = parseAddress(fan.source.range.split(":")[0]!)!;
    expect(map.get(`A${start.row}`)?.value).toBe("NVIDIA China revenue (USD bn)");
    expect(map.get(`A${start.row + 6}`)?.value).toBe("Posterior P90");
  });
  it("buildEvidenceSheetLayout without a simulation still lists observations and weights, and a weights problem as a note", () => {
    const { sheet: bare, charts: none } = buildEvidenceSheetLayout({
      observations: evidence.observations,
      weights: { problem: "no scenario can explain the evidence" },
    });
    const m = cells(bare);
    expect([...m.values()].some((c) => c.value === "no scenario can explain the evidence")).toBe(true);
    expect(none).toEqual([]);
  });
});

/**
 * "Write CS Evidence" through the Office.js port: the evidence layout written by `writeSheets` against the strict
 * Office double (documented Office.js rules enforced, syncs counted), as the pane does it.
 */
import { describe, expect, it } from "vitest";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { scenarioWeights, type ScenarioWeight } from "../../src/analysis/scenarioWeights";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import { PRESETS } from "../../src/model/presets";
import { buildEvidenceSheetLayout, EVIDENCE_SHEET } from "../../src/workbook/layout/evidenceLayout";
import { createOfficePort } from "../../src/workbook/officePort";
import { createStrictExcel } from "./strictOffice";

const evidence = defaultEvidence();
const scenario = PRESETS[0]!.scenario;
const weights = scenarioWeights(PRESETS, evidence.observations) as ScenarioWeight[];
const result = simulate(
  scenario,
  { ...defaultSimulationSpec(scenario), evidence },
  { trials: 600, seed: 11 },
) as SimulationResult;

function layout(scenarioName: string) {
  return buildEvidenceSheetLayout({
    observations: evidence.observations,
    weights,
    simulation: result,
    scenarioName,
    fingerprint: "0123456789ab",
    ranAt: "2026-12-02T17:00:00.000Z",
  });
}

/** The written sheet's cells as "A1" → value. */
function valuesOf(excel: ReturnType<typeof createStrictExcel>, sheet: string): Map<string, unknown> {
  const found = excel.state.sheets.find((s) => !s.deleted && s.name === sheet);
  if (found === undefined) throw new Error(`no sheet ${sheet}`);
  return new Map([...found.cells].map(([address, cell]) => [address, cell.value]));
}

function rowOf(values: Map<string, unknown>, label: string): number {
  for (const [address, value] of values)
    if (value === label && address.startsWith("A")) return Number(address.slice(1));
  throw new Error(`no row ${label}`);
}

describe("Write CS Evidence through the Office.js port", () => {
  it("writeSheets(CS Evidence) writes the settings, scenario name and fingerprint, ESS and weights in ≤ 2 syncs", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    const { sheet, charts } = layout("Board case");
    const summary = await port.writeSheets!([sheet], charts);
    expect(summary.sheets[EVIDENCE_SHEET]).toBe(EVIDENCE_SHEET);
    expect(excel.state.syncs).toBeLessThanOrEqual(2);
    const values = valuesOf(excel, EVIDENCE_SHEET);
    expect(values.get(`B${rowOf(values, "Trials")}`)).toBe(600);
    expect(values.get(`B${rowOf(values, "Seed")}`)).toBe(11);
    expect(values.get(`B${rowOf(values, "Inputs fingerprint")}`)).toBe("0123456789ab");
    expect(values.get(`B${rowOf(values, "Effective sample size (1/Σw²)")}`)).toBe(result.posterior!.ess);
    // The weights header's first cell is "Scenario"; the run's scenario row comes after it.
    const header = rowOf(values, "Scenario");
    weights.forEach((w, s) => expect(values.get(`D${header + 1 + s}`)).toBe(w.posterior));
    expect([...values.values()]).toContain("Board case");
  });

  it("writing CS Evidence twice rewrites it in place, and a user's own 'CS Evidence' is left alone", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    const first = layout("First");
    await port.writeSheets!([first.sheet], first.charts);
    const second = layout("Second");
    const summary = await port.writeSheets!([second.sheet], second.charts);
    expect(summary.sheets[EVIDENCE_SHEET]).toBe(EVIDENCE_SHEET);
    expect(excel.state.sheets.filter((s) => !s.deleted).map((s) => s.name)).toEqual([
      "Sheet1",
      EVIDENCE_SHEET,
    ]);
    const values = [...valuesOf(excel, EVIDENCE_SHEET).values()];
    expect(values).toContain("Second");
    expect(values).not.toContain("First");

    const user = createStrictExcel({ sheets: [EVIDENCE_SHEET] });
    const own = await createOfficePort(user.host, () => true).writeSheets!([second.sheet], second.charts);
    expect(own.sheets[EVIDENCE_SHEET]).toBe(`${EVIDENCE_SHEET} (2)`);
  });

  it("the scenario name is written as text, never as a formula", async () => {
    const excel = createStrictExcel({ sheets: ["Sheet1"] });
    const port = createOfficePort(excel.host, () => true);
    const { sheet, charts } = layout('=HYPERLINK("http://x","y")');
    await port.writeSheets!([sheet], charts);
    const found = excel.state.sheets.find((s) => s.name === EVIDENCE_SHEET)!;
    const cell = [...found.cells.values()].find((c) => String(c.value).includes("HYPERLINK"));
    // strictOffice.ts: text written with the apostrophe prefix reads back as itself; a formula as "(=…)"
    expect(cell?.value).toBe('=HYPERLINK("http://x","y")');
  });

  it("a subnormal regime probability (8.7e-318 of the weight) is written as 0, never a number Excel cannot hold", () => {
    const posterior = result.posterior!;
    const tiny = {
      ...result,
      posterior: {
        ...posterior,
        regimes: posterior.regimes.map((r) =>
          Object.fromEntries(Object.keys(r).map((k, i) => [k, i === 0 ? 8.66675e-318 : r[k]!])),
        ),
      },
    };
    const { sheet } = buildEvidenceSheetLayout({
      observations: evidence.observations,
      weights,
      simulation: tiny,
    });
    const values = sheet.blocks.flatMap((b) => b.rows.flat()).map((c) => c?.value);
    expect(values).not.toContain(8.66675e-318);
    const names = Object.keys(posterior.regimes[0]!);
    const block = sheet.blocks.find((b) => b.rows.some((row) => row[0]?.value === names[0]))!;
    const row = block.rows.find((r) => r[0]?.value === names[0])!;
    expect(row.slice(1).map((c) => c?.value)).toEqual(posterior.regimes.map(() => 0));
  });
});

import { describe, expect, it, vi } from "vitest";
import { defaultSimulationSpec } from "../../src/analysis/defaultSpec";
import { tornado } from "../../src/analysis/sensitivity";
import { simulate } from "../../src/analysis/simulate";
import type { SimulationResult } from "../../src/analysis/summarize";
import { isModelError } from "../../src/model/errors";
import { BASE_PRESET_ID, findPreset } from "../../src/model/presets";
import {
  buildSensitivitySheetLayout,
  buildSimulationSheetLayout,
  SENSITIVITY_SHEET,
  SIMULATION_SHEET,
} from "../../src/workbook/layout/simulationLayout";
import { cells, findRow } from "./layoutCells";
import { createOfficePort, writeSheetsBatch } from "../../src/workbook/officePort";
import type { ExcelHost } from "../../src/workbook/officePort";

const preset = findPreset(BASE_PRESET_ID);
if (isModelError(preset)) throw new Error("base preset missing");
const scenario = preset.scenario;
const spec = {
  ...defaultSimulationSpec(scenario),
  thresholds: [{ output: { series: "nvidiaChina" as const, year: 2027 }, op: "<" as const, value: 5 }],
};
const run = simulate(scenario, spec, { trials: 500, seed: 7 });
if (isModelError(run) || "kind" in run) throw new Error("simulation failed");
const result: SimulationResult = run;

describe("buildSimulationSheetLayout", () => {
  const { sheet, charts } = buildSimulationSheetLayout(result, {
    scenarioName: '=HYPERLINK("x")',
    runTimeMs: 1234,
  });
  const map = cells(sheet);

  it("buildSimulationSheetLayout(result) names the sheet CS Simulation and writes the settings as values", () => {
    expect(sheet.name).toBe(SIMULATION_SHEET);
    const settingsRow = findRow(map, "Trials");
    expect(map.get(`B${settingsRow}`)?.value).toBe(500);
    expect(map.get(`B${findRow(map, "Seed")}`)?.value).toBe(7);
    expect(map.get(`B${findRow(map, "Generator")}`)?.value).toMatch(/^Philox4x32-10/);
    // hand-computed: 1234 ms = 1.234 s
    expect(map.get(`B${findRow(map, "Run time (s)")}`)?.value).toBe(1.234);
  });

  it("buildSimulationSheetLayout(result) writes the scenario name as text, never a formula", () => {
    const cell = map.get(`B${findRow(map, "Scenario")}`);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.text).toBe(true);
  });

  it("buildSimulationSheetLayout(result) puts nvidiaChina P5…P95 per year under its year labels, as values", () => {
    const header = findRow(map, "NVIDIA China revenue (USD bn)");
    expect(map.get(`B${header}`)?.value).toBe("2025/FY2026");
    expect(map.get(`B${header + 1}`)?.value).toBe(result.series.nvidiaChina?.[0]?.p5);
    expect(map.get(`G${header + 4}`)?.value).toBe(result.series.nvidiaChina?.[5]?.p50);
    expect([...map.values()].some((c) => c.formula !== undefined)).toBe(false);
  });

  it("buildSimulationSheetLayout(result) adds a line fan chart over the header + 7 percentile rows", () => {
    const header = findRow(map, "NVIDIA China revenue (USD bn)");
    const fan = charts.find((c) => c.id === "simFan");
    // hand-computed: 8 rows (header + P5..P95) × 7 columns (label + 6 years 2025..2030) → A{h}:G{h+7}
    expect(fan?.source.range).toBe(`A${header}:G${header + 7}`);
    expect(fan?.kind).toBe("line");
  });

  it("buildSimulationSheetLayout(result) adds a column chart over the histogram's bin and count rows", () => {
    const histogram = charts.find((c) => c.id === "simHistogram");
    const binRow = findRow(map, "Bin");
    expect(histogram?.kind).toBe("column");
    // default 30 bins → label column + 30 = 31 columns (A..AE) — checked by the end row only
    expect(histogram?.source.range.startsWith(`A${binRow}:`)).toBe(true);
    expect(histogram?.source.range.endsWith(`${binRow + 1}`)).toBe(true);
  });

  it("buildSimulationSheetLayout(result) lists the threshold probability", () => {
    const row = findRow(map, "P(nvidiaChina 2027 < 5)");
    expect(map.get(`B${row}`)?.value).toBe(result.thresholds[0]?.probability);
  });

  it("buildSimulationSheetLayout(result) writes '–' where a statistic is undefined (NaN)", () => {
    const { sheet: s } = buildSimulationSheetLayout(result, { scenarioName: "x", runTimeMs: NaN });
    const m = cells(s);
    expect(m.get(`B${findRow(m, "Run time (s)")}`)?.value).toBe("–");
  });
});

describe("buildSensitivitySheetLayout", () => {
  it("buildSensitivitySheetLayout(tornado) writes bars sorted by swing and a bar chart of changes vs base", () => {
    const t = tornado(scenario, spec, { metric: "cumulativeNvidiaChina" });
    if (isModelError(t)) throw new Error(t.message);
    const { sheet, charts } = buildSensitivitySheetLayout(t, result.rankCorrelations);
    const map = cells(sheet);
    expect(sheet.name).toBe(SENSITIVITY_SHEET);
    const first = t.bars[0];
    const row = findRow(map, first?.input ?? "");
    expect(map.get(`F${row}`)?.value).toBe(first?.swing);
    const chartData = findRow(map, "Tornado chart data (change vs base)");
    // hand-computed: (output at P10) − base, for the widest bar
    expect(map.get(`B${chartData + 1}`)?.value).toBeCloseTo((first?.lowOutput ?? 0) - t.baseOutput, 12);
    expect(charts[0]?.kind).toBe("bar");
    expect(charts[0]?.source.range.startsWith(`A${chartData}:`)).toBe(true);
    expect(
      [...map.values()].some((c) => c.value === `Spearman ρ with ${result.rankCorrelations.output}`),
    ).toBe(true);
  });
});

/** A fake Office.js context that records what writeSheetsBatch asks for and counts syncs. */
function createFakeContext(options: { sheets: string[]; markers: Record<string, string> }) {
  const log: string[] = [];
  const loaded = { worksheets: false, names: false };
  const range = (address: string) => {
    const r: Record<string, unknown> = {
      format: { font: {}, fill: {} },
      clear: (what: string) => log.push(`clear ${address} ${what}`),
      set formulas(v: unknown[][]) {
        log.push(`formulas ${address} ${v.length}x${v[0]?.length ?? 0}`);
      },
      set numberFormat(_v: unknown) {},
    };
    return r;
  };
  const chartsOf = (sheet: string) => ({
    load: () => undefined,
    items: [{ name: "CS_simFan", delete: () => log.push(`delete chart ${sheet}`) }],
    add: (type: string) => {
      log.push(`add chart ${sheet} ${type}`);
      return { title: {}, axes: { valueAxis: { title: {} } }, setPosition: () => undefined };
    },
  });
  const worksheet = (name: string) => ({
    name,
    isNullObject: !options.sheets.includes(name),
    load: () => undefined,
    charts: chartsOf(name),
    getRange: (address = "all") => range(address),
    freezePanes: { unfreeze: () => undefined, freezeColumns: () => undefined, freezeRows: () => undefined },
    activate: () => log.push(`activate ${name}`),
    notes: { add: () => undefined },
  });
  const context = {
    workbook: {
      worksheets: {
        load: () => void (loaded.worksheets = true),
        get items() {
          if (!loaded.worksheets) throw new Error("PropertyNotLoaded: worksheets");
          return options.sheets.map(worksheet);
        },
        getItemOrNullObject: worksheet,
        getItem: worksheet,
        add: (name: string) => {
          log.push(`add sheet ${name}`);
          return worksheet(name);
        },
      },
      names: {
        load: () => void (loaded.names = true),
        get items() {
          if (!loaded.names) throw new Error("PropertyNotLoaded: names");
          return Object.entries(options.markers).map(([name, formula]) => ({
            name,
            formula,
            delete: () => log.push(`delete name ${name}`),
          }));
        },
        add: (name: string) => log.push(`add name ${name}`),
      },
      comments: { add: () => undefined },
    },
    sync: vi.fn(() => Promise.resolve()),
  };
  return { context, log };
}

describe("writeSheetsBatch", () => {
  const layout = buildSimulationSheetLayout(result, { scenarioName: "Base", runTimeMs: 10 });

  it("writeSheetsBatch() adds a new sheet, its ownership marker and both charts with 2 syncs", async () => {
    const { context, log } = createFakeContext({
      sheets: ["Sheet1"],
      markers: { CS_MarketBase: "='CS Inputs'!$H$7" },
    });
    const summary = await writeSheetsBatch(
      context as unknown as Excel.RequestContext,
      [layout.sheet],
      layout.charts,
    );
    expect(context.sync).toHaveBeenCalledTimes(2);
    expect(summary).toEqual({ sheets: { [SIMULATION_SHEET]: SIMULATION_SHEET }, charts: 2 });
    expect(log).toContain(`add sheet ${SIMULATION_SHEET}`);
    expect(log).toContain("add name CS_Owned_CS_Simulation");
    expect(log).toContain(`add chart ${SIMULATION_SHEET} Line`);
    expect(log).toContain(`add chart ${SIMULATION_SHEET} ColumnClustered`);
    // the built model's names are never deleted by a results write
    expect(log.some((l) => l.startsWith("delete name"))).toBe(false);
  });

  it("writeSheetsBatch() clears its own sheet in place and deletes the old charts", async () => {
    const { context, log } = createFakeContext({
      sheets: ["Sheet1", SIMULATION_SHEET],
      markers: { CS_Owned_CS_Simulation: `='${SIMULATION_SHEET}'!$A$1` },
    });
    await writeSheetsBatch(context as unknown as Excel.RequestContext, [layout.sheet], layout.charts);
    expect(context.sync).toHaveBeenCalledTimes(2);
    expect(log).toContain("clear all All");
    expect(log).toContain(`delete chart ${SIMULATION_SHEET}`);
    expect(log.some((l) => l.startsWith("add sheet"))).toBe(false);
  });

  it("writeSheetsBatch() leaves a user's sheet of the same name alone and writes '(2)'", async () => {
    const { context, log } = createFakeContext({ sheets: [SIMULATION_SHEET], markers: {} });
    const summary = await writeSheetsBatch(
      context as unknown as Excel.RequestContext,
      [layout.sheet],
      layout.charts,
    );
    expect(summary.sheets[SIMULATION_SHEET]).toBe(`${SIMULATION_SHEET} (2)`);
    expect(log).not.toContain("clear all All");
  });

  it("createOfficePort().writeSheets rejects with writeFailed when Excel rejects", async () => {
    const excel: ExcelHost = { run: () => Promise.reject(new Error("GeneralException")) };
    const port = createOfficePort(excel);
    await expect(port.writeSheets?.([layout.sheet], layout.charts)).rejects.toMatchObject({
      code: "writeFailed",
    });
  });
});

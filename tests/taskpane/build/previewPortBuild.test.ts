import { describe, expect, it, vi } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { projectScenario } from "../../../src/model/project";
import { formattedNumber } from "../../../src/preview/cellDisplay";
import { createPreviewWorkbook } from "../../../src/preview/previewPort";
import type { PreviewWorkbook } from "../../../src/preview/previewPort";
import { buildWorkbookLayout } from "../../../src/workbook/layout/buildWorkbookLayout";
import type { WorkbookLayout } from "../../../src/workbook/layout/types";
import type { WorkbookPortError } from "../../../src/workbook/port";
import { readScenariosFromInputs } from "../../../src/workbook/readback";
import { PRESET_SCENARIOS } from "../../workbook/fixtures";

function layout(): WorkbookLayout {
  const built = buildWorkbookLayout(PRESET_SCENARIOS);
  if (isModelError(built)) throw new Error(built.message);
  return built;
}

/** Column A holds the row ids on CS Model; year t is column D + t. */
function modelValue(workbook: PreviewWorkbook, sheetName: string, rowId: string, t: number): unknown {
  const engine = workbook.engine;
  const sheet = engine.getSheetId(sheetName)!;
  const row = engine.getSheetValues(sheet).findIndex((r) => r[0] === rowId);
  return engine.getCellValue({ sheet, row, col: 3 + t });
}

describe("createPreviewWorkbook().port.buildModel", () => {
  it("buildModel(layout) writes the four sheets, computes T_0 as projectScenario does and re-renders the grid", async () => {
    const workbook = createPreviewWorkbook();
    const listener = vi.fn();
    workbook.subscribe(listener);
    const summary = await workbook.port.buildModel!(layout(), { onConflict: "fail" });
    expect(workbook.sheetNames()).toEqual(["Sheet1", "CS Inputs", "CS Model", "CS Sources", "CS Compare"]);
    expect(summary).toEqual({
      sheets: {
        "CS Inputs": "CS Inputs",
        "CS Model": "CS Model",
        "CS Sources": "CS Sources",
        "CS Compare": "CS Compare",
      },
      renamed: [],
      notes: "skipped",
      syncs: 0,
    });
    expect(listener).toHaveBeenCalled();
    expect(workbook.activeCell()).toEqual({ sheet: "CS Inputs", address: "A1" });
    const projection = projectScenario(PRESET_SCENARIOS[0]!.scenario);
    if (isModelError(projection)) throw new Error(projection.message);
    // oracle: the engine's own projection of the Base scenario (DESIGN.md §4.2 T_t)
    expect(modelValue(workbook, "CS Model", "nvidiaChina", 0)).toBeCloseTo(
      projection.series.nvidiaChina[0]!,
      9,
    );
  });

  it("buildModel rebuilds its own sheets in place on the second run", async () => {
    const workbook = createPreviewWorkbook();
    await workbook.port.buildModel!(layout(), { onConflict: "fail" });
    const again = await workbook.port.buildModel!(layout(), { onConflict: "fail" });
    expect(again.renamed).toEqual([]);
    expect(workbook.sheetNames()).toHaveLength(5);
  });

  it("buildModel(layout, fail) rejects with sheetConflict beside a user's 'CS Inputs' and writes nothing", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.addSheet("CS Inputs");
    const error = await workbook.port.buildModel!(layout(), { onConflict: "fail" }).catch((e: unknown) => e);
    expect((error as WorkbookPortError).code).toBe("sheetConflict");
    expect(workbook.sheetNames()).toEqual(["Sheet1", "CS Inputs"]);
  });

  it("buildModel(layout, rename) builds into 'CS Inputs (2)' and the model's formulas follow it", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.addSheet("CS Inputs");
    const summary = await workbook.port.buildModel!(layout(), { onConflict: "rename" });
    expect(summary.renamed).toEqual(["CS Inputs"]);
    expect(summary.sheets["CS Inputs"]).toBe("CS Inputs (2)");
    const projection = projectScenario(PRESET_SCENARIOS[0]!.scenario);
    if (isModelError(projection)) throw new Error(projection.message);
    expect(modelValue(workbook, "CS Model", "nvidiaChina", 1)).toBeCloseTo(
      projection.series.nvidiaChina[1]!,
      9,
    );
    const sheet = await workbook.port.readInputsSheet!();
    expect(sheet?.sheetName).toBe("CS Inputs (2)");
  });
});

describe("createPreviewWorkbook().port.readInputsSheet", () => {
  it("readInputsSheet() is null before a build", async () => {
    expect(await createPreviewWorkbook().port.readInputsSheet!()).toBeNull();
  });

  it("readInputsSheet() returns a grid readScenariosFromInputs parses back into the four presets", async () => {
    const workbook = createPreviewWorkbook();
    await workbook.port.buildModel!(layout(), { onConflict: "fail" });
    const sheet = await workbook.port.readInputsSheet!();
    const result = readScenariosFromInputs(sheet!.grid, { sheetName: sheet!.sheetName });
    expect(result.issues).toEqual([]);
    expect(result.scenarios.map((s) => s.name)).toEqual(PRESET_SCENARIOS.map((s) => s.name));
  });
});

describe("createPreviewWorkbook().port.makePortable", () => {
  it("makePortable() replaces a CHIPS formula with its value and keeps native formulas", async () => {
    const workbook = createPreviewWorkbook();
    workbook.engine.setCellContents({ sheet: 0, row: 0, col: 0 }, [
      ['=CHIPS.FIGURE("a100_bf16_dense")', "=1+1"],
    ]);
    const summary = await workbook.port.makePortable!();
    expect(summary).toEqual({ replaced: 1, cells: ["Sheet1!A1"] });
    expect(workbook.engine.getCellFormula({ sheet: 0, row: 0, col: 0 })).toBeUndefined();
    // DESIGN.md §4.2: A100 = 312 TFLOPS dense BF16 (figure a100_bf16_dense)
    expect(workbook.engine.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(312);
    expect(workbook.engine.getCellFormula({ sheet: 0, row: 0, col: 1 })).toBe("=1+1");
  });

  it("makePortable() on a workbook without CHIPS formulas replaces nothing", async () => {
    expect(await createPreviewWorkbook().port.makePortable!()).toEqual({ replaced: 0, cells: [] });
  });
});

describe("createPreviewWorkbook().editCell", () => {
  it("editCell(ref, text) enters numbers, formulas and text like typing; '' clears", () => {
    const workbook = createPreviewWorkbook();
    const at = (address: string) => ({ sheet: "Sheet1", address });
    expect(workbook.editCell!(at("A1"), "0.5")).toBeUndefined();
    workbook.editCell!(at("A2"), "=A1*2");
    workbook.editCell!(at("A3"), "Full decoupling");
    expect(workbook.engine.getCellValue({ sheet: 0, row: 1, col: 0 })).toBe(1); // hand-computed: 0.5 × 2
    expect(workbook.engine.getCellValue({ sheet: 0, row: 2, col: 0 })).toBe("Full decoupling");
    workbook.editCell!(at("A1"), "");
    expect(workbook.engine.getCellValue({ sheet: 0, row: 0, col: 0 })).toBeNull();
    expect(workbook.editCell!({ sheet: "Nope", address: "A1" }, "1")?.code).toBe("noSelection");
  });
});

describe("formattedNumber (preview display of the built model's formats)", () => {
  it("formattedNumber(value, format) applies the simple Excel formats and ignores others", () => {
    // Excel: =TEXT(0.366,"0.0%") → 36.6%; =TEXT(2025,"0") → 2025; =TEXT(1234.5,"#,##0.00") → 1,234.50
    expect(formattedNumber(0.366, "0.0%")).toBe("36.6%");
    expect(formattedNumber(2025, "0")).toBe("2025");
    expect(formattedNumber(1234.5, "#,##0.00")).toBe("1,234.50");
    // Excel: =TEXT(1.5,"#,##0.###") → 1.5 (Excel keeps a trailing "."; we drop it)
    expect(formattedNumber(1.5, "#,##0.###")).toBe("1.5");
    expect(formattedNumber(1.5, "General")).toBeUndefined();
    expect(formattedNumber(1.5, undefined)).toBeUndefined();
  });

  it("a built preview remembers the layout's formats per cell", async () => {
    const workbook = createPreviewWorkbook();
    await workbook.port.buildModel!(layout(), { onConflict: "fail" });
    const sheet = workbook.engine.getSheetId("CS Inputs")!;
    const row = workbook.engine.getSheetValues(sheet).findIndex((r) => r[0] === "marketGrowth");
    expect(workbook.numberFormat?.("CS Inputs", row, 3)).toBe("0.0%");
  });
});

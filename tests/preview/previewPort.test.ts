import { describe, expect, it } from "vitest";
import figuresJson from "../../data/research/figures.json";
import { createPreviewWorkbook } from "../../src/preview/previewPort";
import { createPreviewWorkbookWith, previewCellInput } from "../../src/preview/previewWorkbook";

const rows = figuresJson as Array<{ id: string; value: number }>;

function valueAt(workbook: ReturnType<typeof createPreviewWorkbookWith>, sheet: string, address: string) {
  const engine = workbook.engine;
  const cell = engine.simpleCellAddressFromString(address, engine.getSheetId(sheet)!)!;
  return engine.getCellValue(cell);
}

describe("createPreviewWorkbookWith", () => {
  it("selectCell rejects an unknown sheet or a bad address with noSelection and keeps the active cell", () => {
    const workbook = createPreviewWorkbookWith();
    expect(workbook.selectCell({ sheet: "Nope", address: "A1" })?.code).toBe("noSelection");
    expect(workbook.selectCell({ sheet: "Sheet1", address: "B0" })?.code).toBe("noSelection");
    expect(workbook.selectCell({ sheet: "Sheet1", address: "=A1" })?.code).toBe("noSelection");
    expect(workbook.activeCell()).toEqual({ sheet: "Sheet1", address: "A1" });
  });

  it("createPreviewWorkbookWith() starts with one sheet Sheet1 and A1 active", async () => {
    const workbook = createPreviewWorkbookWith();
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    expect(await workbook.port.getActiveCell()).toEqual({ sheet: "Sheet1", address: "A1" });
    expect(workbook.port.host).toBe("preview");
    expect(workbook.functionsRegistered).toBe(false);
  });

  it("insertAtActiveCell writes at the cell chosen with selectCell and returns it", async () => {
    const workbook = createPreviewWorkbookWith();
    expect(workbook.selectCell({ sheet: "Sheet1", address: "b3" })).toBeUndefined();
    const where = await workbook.port.insertAtActiveCell({ kind: "value", value: 19.7 });
    expect(where).toEqual({ sheet: "Sheet1", address: "B3" });
    expect(valueAt(workbook, "Sheet1", "B3")).toBe(19.7);
  });

  it("insertAtActiveCell(formula) is computed by the engine", async () => {
    const workbook = createPreviewWorkbookWith();
    await workbook.port.insertAtActiveCell({ kind: "value", value: 50 });
    workbook.selectCell({ sheet: "Sheet1", address: "A2" });
    await workbook.port.insertAtActiveCell({ kind: "formula", formula: "=A1*1.35" });
    expect(valueAt(workbook, "Sheet1", "A2")).toBeCloseTo(67.5, 12); // hand-computed: 50 × 1.35 = 67.5
  });

  it("insertAtActiveCell(text) stores formula-like and number-like text as text", async () => {
    const workbook = createPreviewWorkbookWith();
    for (const text of ["=1+1", "-2+3", "123", "@SUM(1)"]) {
      await workbook.port.insertAtActiveCell({ kind: "value", value: text });
      expect(valueAt(workbook, "Sheet1", "A1")).toBe(text);
    }
    expect(previewCellInput({ kind: "value", value: "=1" })).toBe("'=1");
  });

  it("subscribe is notified after each selection and write, and revision increases", async () => {
    const workbook = createPreviewWorkbookWith();
    let calls = 0;
    const unsubscribe = workbook.subscribe(() => (calls += 1));
    workbook.selectCell({ sheet: "Sheet1", address: "C1" });
    await workbook.port.insertAtActiveCell({ kind: "value", value: 1 });
    expect(calls).toBe(2);
    expect(workbook.revision()).toBe(2);
    unsubscribe();
    workbook.selectCell({ sheet: "Sheet1", address: "C2" });
    expect(calls).toBe(2);
  });

  it("insertAtActiveCell rejects with writeFailed when the engine refuses the write", async () => {
    const workbook = createPreviewWorkbookWith();
    // HyperFormula's default sheet limit is 40,000 rows (config maxRows): row 50,000 cannot be written.
    workbook.selectCell({ sheet: "Sheet1", address: "A50000" });
    const result = workbook.port.insertAtActiveCell({ kind: "value", value: 5 });
    await expect(result).rejects.toMatchObject({ name: "WorkbookPortError", code: "writeFailed" });
  });
});

describe("createPreviewWorkbook", () => {
  it("createPreviewWorkbook() registers CHIPS so =CHIPS.FIGURE(id) computes the dataset's value", async () => {
    const workbook = createPreviewWorkbook();
    expect(workbook.functionsRegistered).toBe(true);
    await workbook.port.insertAtActiveCell({ kind: "formula", formula: '=CHIPS.FIGURE("h20_bf16")' });
    // oracle: the researched figures.json row for h20_bf16
    expect(valueAt(workbook, "Sheet1", "A1")).toBe(rows.find((row) => row.id === "h20_bf16")?.value);
  });
});

import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { cellDisplay, columnLetters, formulaBarText } from "../../src/preview/cellDisplay";

describe("cellDisplay", () => {
  it("columnLetters follows Excel's column naming", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("cellDisplay formats numbers with separators and keeps the raw value", () => {
    expect(cellDisplay(19677)).toEqual({ text: "19,677", raw: "19677", isNumber: true, isError: false });
    expect(cellDisplay(0.1234567).text).toBe("0.123457");
    expect(cellDisplay(true).text).toBe("TRUE");
    expect(cellDisplay(null).text).toBe("");
  });

  it("cellDisplay shows an engine error by its code, and the formula bar the formula or the text", () => {
    const hf = HyperFormula.buildFromArray([["=1/0", "'=1+1", "=A1"]], { licenseKey: "gpl-v3" });
    const error = cellDisplay(hf.getCellValue({ sheet: 0, row: 0, col: 0 }));
    expect(error).toMatchObject({ text: "#DIV/0!", isError: true }); // Excel: =1/0 → #DIV/0!
    expect(formulaBarText(hf, { sheet: 0, row: 0, col: 2 })).toBe("=A1");
    expect(formulaBarText(hf, { sheet: 0, row: 0, col: 3 })).toBe("");
  });
});

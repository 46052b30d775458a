import { describe, expect, it } from "vitest";
import { cellRefText } from "../../src/taskpane/cellRefText";
import { portErrorMessage } from "../../src/taskpane/portErrorMessage";
import { WorkbookPortError } from "../../src/workbook/port";

describe("portErrorMessage", () => {
  it("portErrorMessage(noSelection / writeFailed) tells the user what to do", () => {
    expect(portErrorMessage(new WorkbookPortError("noSelection", "x"))).toMatch(/Click a cell/);
    expect(portErrorMessage(new WorkbookPortError("writeFailed", "locked"))).toMatch(/Esc.*protected/);
  });

  it("portErrorMessage(hostUnavailable) says to open the add-in in Excel", () => {
    expect(portErrorMessage(new WorkbookPortError("hostUnavailable", ""))).toMatch(/Excel/);
  });

  it("portErrorMessage(other error) keeps its text and suggests a reload", () => {
    expect(portErrorMessage(new Error("boom"))).toMatch(/boom.*reload/);
  });
});

describe("cellRefText", () => {
  it("cellRefText quotes sheet names that need it, as Excel does", () => {
    expect(cellRefText({ sheet: "Sheet1", address: "B3" })).toBe("Sheet1!B3");
    expect(cellRefText({ sheet: "CS Model", address: "A1" })).toBe("'CS Model'!A1");
    expect(cellRefText({ sheet: "Bob's", address: "A1" })).toBe("'Bob''s'!A1");
  });
});

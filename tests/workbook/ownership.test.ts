import { describe, expect, it } from "vitest";
import { WorkbookPortError } from "../../src/workbook/port";
import {
  ownedSheets,
  ownershipMarkerFormula,
  ownershipMarkerName,
  sheetTargets,
} from "../../src/workbook/writers/ownership";

describe("ownershipMarkerName(sheet) / ownershipMarkerFormula(sheet)", () => {
  it("ownershipMarkerName(sheet) replaces every non-alphanumeric character with _", () => {
    // hand-written: "CS Inputs (2)" → space, "(", ")" become "_"
    expect(ownershipMarkerName("CS Inputs (2)")).toBe("CS_Owned_CS_Inputs__2_");
  });

  it("ownershipMarkerFormula(sheet) quotes the sheet and doubles an apostrophe", () => {
    // hand-written: Excel quotes sheet names with ', a ' inside is written ''
    expect(ownershipMarkerFormula("Bob's CS")).toBe("='Bob''s CS'!$A$1");
  });
});

describe("ownedSheets(names, existingSheets)", () => {
  it("ownedSheets(names, existing) keeps CS_Owned_ markers that point at an existing sheet", () => {
    const existing = new Set(["Renamed by user", "Bob's CS", "Sheet1"]);
    const owned = ownedSheets(
      [
        { name: "CS_Owned_CS_Inputs", formula: "='Renamed by user'!$A$1" },
        { name: "CS_Owned_CS_Model", formula: "='Bob''s CS'!$A$1" },
        { name: "CS_Owned_CS_Gone", formula: "=#REF!$A$1" },
        { name: "CS_MarketBase", formula: "='Sheet1'!$A$1" },
        { name: "CS_Owned_Unquoted", formula: "=Sheet1!$A$1" },
      ],
      existing,
    );
    expect([...owned.entries()]).toEqual([
      ["CS_Owned_CS_Inputs", "Renamed by user"],
      ["CS_Owned_CS_Model", "Bob's CS"],
      ["CS_Owned_Unquoted", "Sheet1"],
    ]);
  });
});

describe("sheetTargets(sheetNames, existingSheets, owned, onConflict)", () => {
  it("sheetTargets(...) reuses owned sheets, renames clashing user sheets to (2)/(3) and keeps free names", () => {
    const existing = new Set(["CS Inputs (renamed)", "CS Model", "CS Results", "CS Results (2)"]);
    const owned = new Map([["CS_Owned_CS_Inputs", "CS Inputs (renamed)"]]);
    const targets = sheetTargets(["CS Inputs", "CS Model", "CS Results", "CS New"], existing, owned);
    expect(targets).toEqual({
      mapping: {
        "CS Inputs": "CS Inputs (renamed)",
        "CS Model": "CS Model (2)",
        "CS Results": "CS Results (3)", // "(2)" is taken by a user sheet too
        "CS New": "CS New",
      },
      renamed: ["CS Model", "CS Results"],
      reused: ["CS Inputs (renamed)"],
    });
  });

  it("sheetTargets(...) returns sheetConflict when a user's sheet has the name and onConflict is fail", () => {
    const result = sheetTargets(["CS Model"], new Set(["CS Model"]), new Map(), "fail");
    expect(result).toBeInstanceOf(WorkbookPortError);
    expect((result as WorkbookPortError).code).toBe("sheetConflict");
  });
});

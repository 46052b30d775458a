import { describe, expect, it } from "vitest";
import { WorkbookPortError } from "../../src/workbook/port";
import {
  buildOwnedNames,
  LAYOUT_NAME_COMMENT,
  ownedSheets,
  OWNERSHIP_COMMENT,
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
  it("ownedSheets(names, existing) keeps CS_Owned_ markers that point at an existing sheet, keyed case-insensitively", () => {
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
    // keys are Excel's case-insensitive name keys (upper case)
    expect([...owned.entries()]).toEqual([
      ["CS_OWNED_CS_INPUTS", "Renamed by user"],
      ["CS_OWNED_CS_MODEL", "Bob's CS"],
      ["CS_OWNED_UNQUOTED", "Sheet1"],
    ]);
  });
});

describe("sheetTargets(sheetNames, existingSheets, owned, onConflict)", () => {
  it("sheetTargets(...) reuses owned sheets, renames clashing user sheets to (2)/(3) and keeps free names", () => {
    const existing = new Set(["CS Inputs (renamed)", "CS Model", "CS Results", "CS Results (2)"]);
    const owned = new Map([["CS_OWNED_CS_INPUTS", "CS Inputs (renamed)"]]);
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

describe("sheetTargets and ownedSheets compare names as Excel does (ignoring case)", () => {
  it("sheetTargets(['CS Inputs'], {'cs inputs'}) renames around the user's sheet", () => {
    const targets = sheetTargets(["CS Inputs"], new Set(["cs inputs", "CS INPUTS (2)"]), new Map());
    expect(targets).toMatchObject({ mapping: { "CS Inputs": "CS Inputs (3)" }, renamed: ["CS Inputs"] });
  });

  it("ownedSheets(names, existing) follows a marker whose sheet name differs only in case", () => {
    const owned = ownedSheets(
      [{ name: "cs_owned_cs_inputs", formula: "='cs inputs'!$A$1" }],
      new Set(["CS Inputs"]),
    );
    expect([...owned.entries()]).toEqual([["CS_OWNED_CS_INPUTS", "CS Inputs"]]);
  });
});

describe("buildOwnedNames(names, layoutSheets, definedNames)", () => {
  it("buildOwnedNames(...) picks stale markers, re-added names and earlier Build names, never a user's CS_ name", () => {
    const names = [
      { name: "CS_Budget", formula: "=100", comment: "" },
      { name: "CS_Owned_CS_Simulation", formula: "='CS Simulation'!$A$1", comment: OWNERSHIP_COMMENT },
      { name: "CS_Owned_CS_Sensitivity", formula: "=#REF!$A$1", comment: OWNERSHIP_COMMENT },
      { name: "CS_Owned_CS_Inputs", formula: "='CS Inputs'!$A$1", comment: OWNERSHIP_COMMENT },
      { name: "cs_marketbase", formula: "='CS Inputs'!$H$7", comment: "" },
      { name: "CS_vendor_gone", formula: "='CS Inputs'!$H$30", comment: LAYOUT_NAME_COMMENT },
    ];
    const owned = buildOwnedNames(names, ["CS Inputs"], ["CS_MarketBase"]).map((n) => n.name);
    expect(owned).toEqual([
      "CS_Owned_CS_Sensitivity",
      "CS_Owned_CS_Inputs",
      "cs_marketbase",
      "CS_vendor_gone",
    ]);
  });
});

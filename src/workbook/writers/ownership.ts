/**
 * Sheet ownership, the pure part shared by every Office.js writer: which existing sheets the add-in owns (a
 * workbook-scoped marker name `CS_Owned_<sheet>` pointing at the sheet's A1) and which sheet each layout sheet
 * is written to. An owned sheet is reused in place (even after the user renamed it); a user's sheet with the
 * same name is never touched: the layout sheet goes to "<name> (2)" (or "(3)", …), or, with
 * `onConflict: "fail"`, the resolution is a `sheetConflict` error value.
 */
import { WorkbookPortError } from "../port";

/** A workbook name as Office.js loads it (`items/name,items/formula`). */
export interface WorkbookName {
  readonly name: string;
  readonly formula: unknown;
}

export interface SheetTargets {
  /** Layout sheet name → the sheet actually written. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Layout sheet names written under another name because a user's sheet had that name. */
  readonly renamed: readonly string[];
  /** Existing sheets the add-in owns that are rewritten in place (actual sheet names, layout order). */
  readonly reused: readonly string[];
}

/** Workbook name marking a sheet as the add-in's own. */
export function ownershipMarkerName(sheetName: string): string {
  return `CS_Owned_${sheetName.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** The formula of an ownership marker: the sheet's A1, the name quoted with `'` doubled. */
export function ownershipMarkerFormula(sheetName: string): string {
  return `='${sheetName.replace(/'/g, "''")}'!$A$1`;
}

/** Marker name → the existing sheet it points at; markers pointing at a missing sheet (#REF!) are dropped. */
export function ownedSheets(
  names: readonly WorkbookName[],
  existingSheets: ReadonlySet<string>,
): ReadonlyMap<string, string> {
  const owned = new Map<string, string>();
  for (const item of names) {
    if (!item.name.startsWith("CS_Owned_")) continue;
    const target = /^='?(.*?)'?!\$A\$1$/.exec(String(item.formula))?.[1]?.replace(/''/g, "'");
    if (target !== undefined && existingSheets.has(target)) owned.set(item.name, target);
  }
  return owned;
}

/**
 * The sheet each layout sheet is written to, given the workbook's sheets and the add-in's owned ones.
 * @returns `sheetConflict` when a user's sheet holds a layout name and `onConflict` is "fail".
 */
export function sheetTargets(
  sheetNames: readonly string[],
  existingSheets: ReadonlySet<string>,
  owned: ReadonlyMap<string, string>,
  onConflict: "rename" | "fail" = "rename",
): SheetTargets | WorkbookPortError {
  const mapping: Record<string, string> = {};
  const renamed: string[] = [];
  const reused: string[] = [];
  const taken = new Set(existingSheets);
  for (const name of sheetNames) {
    const ownedSheet = owned.get(ownershipMarkerName(name));
    if (ownedSheet !== undefined) {
      mapping[name] = ownedSheet;
      reused.push(ownedSheet);
      continue;
    }
    let actual = name;
    if (taken.has(name)) {
      if (onConflict === "fail") {
        return new WorkbookPortError(
          "sheetConflict",
          `A sheet named "${name}" already exists and was not created by ChipShift`,
        );
      }
      for (let n = 2; taken.has(actual); n++) actual = `${name} (${n})`;
      renamed.push(name);
    }
    mapping[name] = actual;
    taken.add(actual);
  }
  return { mapping, renamed, reused };
}

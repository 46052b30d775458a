/**
 * Sheet ownership, the pure part shared by every Office.js writer: which existing sheets the add-in owns (a
 * workbook-scoped marker name `CS_Owned_<sheet>` pointing at the sheet's A1) and which sheet each layout sheet
 * is written to. An owned sheet is reused in place (even after the user renamed it); a user's sheet with the
 * same name is never touched: the layout sheet goes to "<name> (2)" (or "(3)", …), or, with
 * `onConflict: "fail"`, the resolution is a `sheetConflict` error value.
 *
 * Excel compares sheet names and workbook names case-insensitively ("cs inputs" blocks "CS Inputs"); so does
 * everything here. A marker whose sheet was deleted reads `=#REF!` and is stale: it must be deleted before the
 * marker is added again (`names.add` rejects an existing name). Names ChipShift did not create are never
 * deleted, whatever they start with.
 */
import { WorkbookPortError } from "../port";

/** A workbook name as Office.js loads it (`items/name,items/formula`). */
export interface WorkbookName {
  readonly name: string;
  readonly formula: unknown;
  /** Loaded when the caller needs to recognise ChipShift's own names by their comment. */
  readonly comment?: unknown;
}

/** The comment of every ownership marker name. */
export const OWNERSHIP_COMMENT = "ChipShift: marks this sheet as the add-in's own";

/** The comment of every defined name a Build adds (so a later Build can remove the ones it no longer needs). */
export const LAYOUT_NAME_COMMENT = "ChipShift: defined by Build model";

/** Case-insensitive key of a sheet or workbook name (Excel's own comparison). */
export function nameKey(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

/** True when a marker's formula no longer points at a sheet (the sheet was deleted). */
export function isStaleFormula(formula: unknown): boolean {
  return String(formula).includes("#REF!");
}

/**
 * The names a Build may delete before writing: ownership markers (stale, or of the sheets it writes), names it
 * is about to define again, and names an earlier Build defined (their comment says so). Nothing else.
 *
 * @param names the workbook's names (`items/name,items/formula,items/comment`)
 * @param layoutSheets the layout's sheet names (their markers are re-added)
 * @param definedNames the names the layout defines
 */
export function buildOwnedNames(
  names: readonly WorkbookName[],
  layoutSheets: readonly string[],
  definedNames: readonly string[],
): WorkbookName[] {
  const readded = new Set([...layoutSheets.map(ownershipMarkerName), ...definedNames].map(nameKey));
  return names.filter(
    (item) =>
      readded.has(nameKey(item.name)) ||
      item.comment === LAYOUT_NAME_COMMENT ||
      (isMarkerName(item.name) && isStaleFormula(item.formula)),
  );
}

/** True for a `CS_Owned_…` marker name (any case). */
export function isMarkerName(name: string): boolean {
  return nameKey(name).startsWith(nameKey("CS_Owned_"));
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

/**
 * Marker name key (`nameKey`) → the existing sheet it points at (its actual name); markers pointing at a
 * missing sheet (#REF!) are dropped.
 */
export function ownedSheets(
  names: readonly WorkbookName[],
  existingSheets: ReadonlySet<string>,
): ReadonlyMap<string, string> {
  const actual = new Map([...existingSheets].map((sheet) => [nameKey(sheet), sheet]));
  const owned = new Map<string, string>();
  for (const item of names) {
    if (!isMarkerName(item.name)) continue;
    const target = /^='?(.*?)'?!\$A\$1$/.exec(String(item.formula))?.[1]?.replace(/''/g, "'");
    const sheet = target === undefined ? undefined : actual.get(nameKey(target));
    if (sheet !== undefined) owned.set(nameKey(item.name), sheet);
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
  const taken = new Set([...existingSheets].map(nameKey));
  for (const name of sheetNames) {
    const ownedSheet = owned.get(nameKey(ownershipMarkerName(name)));
    if (ownedSheet !== undefined) {
      mapping[name] = ownedSheet;
      reused.push(ownedSheet);
      continue;
    }
    let actual = name;
    if (taken.has(nameKey(name))) {
      if (onConflict === "fail") {
        return new WorkbookPortError(
          "sheetConflict",
          `A sheet named "${name}" already exists and was not created by ChipShift`,
        );
      }
      for (let n = 2; taken.has(nameKey(actual)); n++) actual = `${name} (${n})`;
      renamed.push(name);
    }
    mapping[name] = actual;
    taken.add(nameKey(actual));
  }
  return { mapping, renamed, reused };
}

/**
 * Reads the scenarios back from the "CS Inputs" sheet, including edits made directly in the sheet. Invalid
 * edits are reported by sheet and cell ("CS Inputs!D7: domesticShareCap must be between 0 and 1, got 1.4").
 * The grid is the sheet's values from A1 (Office `range.values`, HyperFormula `getSheetValues`): numbers,
 * strings, booleans, blanks ("" or null) and error objects.
 */
import { echo, ownValue, recordOf, scenarioIssues } from "../model/index";
import type { Provenance, Scenario } from "../model/types";
import { cellAddress } from "./layout/address";
import { INPUTS_GEOMETRY } from "./layout/inputsSheet";
import { SCALAR_INPUTS } from "./layout/scalarInputs";
import { SHEET_NAMES, type NamedScenario } from "./layout/types";

export interface ReadbackIssue {
  readonly sheet: string;
  readonly address: string;
  readonly message: string;
}

export interface ReadbackResult {
  /** The scenarios that parsed and validated, in column order. */
  readonly scenarios: NamedScenario[];
  readonly issues: ReadbackIssue[];
}

export interface ReadbackOptions {
  /** The sheet's actual name (default "CS Inputs"), used in issue addresses. */
  readonly sheetName?: string;
  /** The scenarios that were built: provenance and rationale carry over where values are unchanged. */
  readonly previous?: readonly NamedScenario[];
}

type Grid = readonly (readonly unknown[])[];

/** Formats an issue the way the pane shows it: "CS Inputs!D7: message". */
export function formatReadbackIssue(issue: ReadbackIssue): string {
  return `${issue.sheet}!${issue.address}: ${issue.message}`;
}

/**
 * Parses every scenario column of the Inputs sheet.
 *
 * @example readScenariosFromInputs(hf.getSheetValues(inputsId)).scenarios[0].name // → "Licensed trade"
 */
export function readScenariosFromInputs(grid: Grid, options: ReadbackOptions = {}): ReadbackResult {
  const sheet = options.sheetName ?? SHEET_NAMES.inputs;
  const issues: ReadbackIssue[] = [];
  const header = grid[INPUTS_GEOMETRY.headerRow - 1] ?? [];
  const firstCol = INPUTS_GEOMETRY.firstScenarioColumn - 1;
  const liveIndex = header.findIndex((v, i) => i >= firstCol && v === "Live");
  if (liveIndex < 0) {
    issues.push({
      sheet,
      address: cellAddress(INPUTS_GEOMETRY.headerRow, 1),
      message: "the Inputs sheet has no Live column in its header row; rebuild the model",
    });
    return { scenarios: [], issues };
  }
  const columns = Array.from({ length: liveIndex - firstCol }, (_, i) => firstCol + i);
  const scenarios: NamedScenario[] = [];
  for (const col of columns) {
    const parsed = readColumn(grid, col, sheet);
    issues.push(...parsed.issues);
    if (parsed.issues.length > 0 || parsed.scenario === undefined) continue;
    const previous = options.previous?.find((p) => p.name === parsed.name);
    scenarios.push({
      name: parsed.name,
      scenario: parsed.scenario,
      provenance: carryProvenance(parsed.scenario, previous, parsed.keyAddress, sheet),
      ...(previous?.rationale === undefined ? {} : { rationale: previous.rationale }),
    });
  }
  return { scenarios, issues };
}

interface ParsedColumn {
  readonly name: string;
  readonly scenario?: Scenario;
  readonly issues: ReadbackIssue[];
  /** First cell of each top-level input key (for provenance notes). */
  readonly keyAddress: ReadonlyMap<string, string>;
}

function readColumn(grid: Grid, col: number, sheet: string): ParsedColumn {
  const headerRow = INPUTS_GEOMETRY.headerRow;
  const name = cellText(grid[headerRow - 1]?.[col]);
  const issues: ReadbackIssue[] = [];
  // Maps, not objects: ids and names come from the sheet's cells (a "regimes.__proto__.access" row must not
  // reach Object.prototype).
  const addressOf = new Map<string, string>();
  const keyAddress = new Map<string, string>();
  const firstAddress = (key: string, address: string): void => {
    if (!keyAddress.has(key)) keyAddress.set(key, address);
  };
  const headerAddress = cellAddress(headerRow, col + 1);
  const issue = (address: string, message: string): void => void issues.push({ sheet, address, message });
  if (name === "") issue(headerAddress, "scenario name must not be empty");

  const scalars = new Map<string, number>();
  const regimes = new Map<string, { access?: number; remittance?: number }>();
  const vendors = new Map<string, { weight?: number; aspUsdK?: number; bf16Tflops?: number }>();
  const pathCells: { t: number; value: unknown; address: string }[] = [];
  const marketCells: { t: number; value: number; address: string }[] = [];

  for (let r = headerRow; r < grid.length; r++) {
    const id = cellText(grid[r]?.[INPUTS_GEOMETRY.idColumn - 1]);
    const raw = grid[r]?.[col];
    const address = cellAddress(r + 1, col + 1);
    let match: RegExpExecArray | null;
    if (SCALAR_INPUTS.some((m) => m.id === id)) {
      addressOf.set(id, address);
      keyAddress.set(id, address);
      const value = cellNumber(raw);
      if (typeof value === "number") scalars.set(id, value);
      else issue(address, `${id} must be a number, got ${value.got}`);
    } else if ((match = /^regimes\.(.+)\.(access|remittance)$/.exec(id)) !== null) {
      const [, regime, field] = match as unknown as [string, string, "access" | "remittance"];
      firstAddress("regimes", address);
      addressOf.set(`regimes.${regime}.${field}`, address);
      if (!addressOf.has(`regimes.${regime}`)) addressOf.set(`regimes.${regime}`, address);
      const entry = regimes.get(regime) ?? {};
      regimes.set(regime, entry);
      const value = cellNumber(raw);
      if (typeof value === "number") entry[field] = value;
      else if (value.got !== "blank")
        issue(address, `regimes.${echo(regime)}.${field} must be a number, got ${value.got}`);
    } else if ((match = /^vendors\.(.+)\.(weight|aspUsdK|bf16Tflops)$/.exec(id)) !== null) {
      const [, vendor, field] = match as unknown as [string, string, "weight" | "aspUsdK" | "bf16Tflops"];
      firstAddress("vendors", address);
      addressOf.set(`vendors.${vendor}.${field}`, address);
      if (!addressOf.has(`vendors.${vendor}`)) addressOf.set(`vendors.${vendor}`, address);
      const entry = vendors.get(vendor) ?? {};
      vendors.set(vendor, entry);
      const value = cellNumber(raw);
      if (typeof value === "number") entry[field] = value;
      else if (value.got !== "blank")
        issue(address, `vendors.${echo(vendor)}.${field} must be a number, got ${value.got}`);
    } else if ((match = /^regimePath\[(\d+)\]$/.exec(id)) !== null) {
      firstAddress("regimePath", address);
      pathCells.push({ t: Number(match[1]), value: raw, address });
    } else if ((match = /^marketPath\[(\d+)\]$/.exec(id)) !== null) {
      firstAddress("marketPath", address);
      const value = cellNumber(raw);
      if (typeof value === "number") marketCells.push({ t: Number(match[1]), value, address });
      else if (value.got !== "blank")
        issue(address, `marketPath[${match[1]}] must be a number or blank, got ${value.got}`);
    }
  }
  for (const meta of SCALAR_INPUTS) {
    if (!addressOf.has(meta.id))
      issue(headerAddress, `${meta.id} row is missing from the sheet; rebuild the model`);
  }

  const regimeTable: Array<[string, { access: number; remittance: number }]> = [];
  for (const [regime, entry] of regimes) {
    if (entry.access === undefined && entry.remittance === undefined) continue;
    if (entry.access === undefined || entry.remittance === undefined) {
      const field = entry.access === undefined ? "access" : "remittance";
      issue(
        addressOf.get(`regimes.${regime}.${field}`) ?? headerAddress,
        `regimes.${echo(regime)}.${field} must be a number when the regime is used, got blank`,
      );
      continue;
    }
    regimeTable.push([regime, { access: entry.access, remittance: entry.remittance }]);
  }
  const vendorTable: Array<[string, { weight: number; aspUsdK: number; bf16Tflops: number }]> = [];
  for (const [vendor, entry] of vendors) {
    const fields = ["weight", "aspUsdK", "bf16Tflops"] as const;
    if (fields.every((f) => entry[f] === undefined)) continue;
    const blank = fields.find((f) => entry[f] === undefined);
    if (blank !== undefined) {
      issue(
        addressOf.get(`vendors.${vendor}.${blank}`) ?? headerAddress,
        `vendors.${echo(vendor)}.${blank} must be a number when the vendor is used, got blank`,
      );
      continue;
    }
    vendorTable.push([
      vendor,
      { weight: entry.weight!, aspUsdK: entry.aspUsdK!, bf16Tflops: entry.bf16Tflops! },
    ]);
  }
  if (issues.length > 0) return { name, issues, keyAddress };

  const horizon = scalars.get("horizon")!;
  const baseYear = scalars.get("baseYear")!;
  const regimePath: string[] = [];
  for (const cell of pathCells.sort((a, b) => a.t - b.t)) {
    if (cell.t > horizon) continue;
    addressOf.set(`regimePath[${cell.t}]`, cell.address);
    regimePath.push(cellText(cell.value));
  }
  if (Number.isInteger(horizon) && horizon + 1 > pathCells.length) {
    issue(
      keyAddress.get("regimePath") ?? headerAddress,
      `horizon ${horizon} needs ${horizon + 1} regime path rows but the sheet has ${pathCells.length}; rebuild the model with this horizon`,
    );
    return { name, issues, keyAddress };
  }
  const marketPath: Array<[string, number]> = [];
  for (const cell of marketCells) {
    if (cell.t > horizon) continue;
    const year = String(baseYear + cell.t);
    marketPath.push([year, cell.value]);
    addressOf.set(`marketPath.${year}`, cell.address);
  }
  const candidate = {
    ...recordOf(scalars),
    regimes: recordOf(regimeTable),
    regimePath,
    ...(marketPath.length > 0 ? { marketPath: recordOf(marketPath) } : {}),
    vendors: recordOf(vendorTable),
  };
  for (const problem of scenarioIssues(candidate)) {
    issue(addressFor(problem.path, addressOf, keyAddress) ?? headerAddress, problem.message);
  }
  return issues.length > 0
    ? { name, issues, keyAddress }
    : { name, scenario: candidate as unknown as Scenario, issues, keyAddress };
}

function addressFor(
  path: string,
  addressOf: ReadonlyMap<string, string>,
  keyAddress: ReadonlyMap<string, string>,
): string | undefined {
  const top = /^[A-Za-z]+/.exec(path)?.[0] ?? "";
  return addressOf.get(path) ?? keyAddress.get(top);
}

/** Provenance: the previous entry where the value is unchanged, else an "edited in the workbook" assumption. */
function carryProvenance(
  scenario: Scenario,
  previous: NamedScenario | undefined,
  keyAddress: ReadonlyMap<string, string>,
  sheet: string,
): Record<string, Provenance> {
  const out = new Map<string, Provenance>();
  const edited = (key: string): Provenance => ({
    assumption: `Edited in the workbook (${sheet}!${keyAddress.get(key.split(".")[0]!) ?? "?"})`,
  });
  const same = (path: string): boolean =>
    previous !== undefined &&
    JSON.stringify(valueAt(previous.scenario, path)) === JSON.stringify(valueAt(scenario, path));
  // Entries of the previous provenance (top-level ids and dotted paths such as "regimes.licensed.access")
  // survive where the value they describe is unchanged.
  for (const [key, carried] of Object.entries(previous?.provenance ?? {}))
    out.set(key, same(key) ? carried : edited(key));
  for (const key of Object.keys(scenario)) if (!out.has(key) || !same(key)) out.set(key, edited(key));
  return recordOf(out);
}

function valueAt(root: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null
          ? ownValue(node as Record<string, unknown>, part)
          : undefined,
      root,
    );
}

function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function cellNumber(value: unknown): number | { got: string } {
  if (typeof value === "number") return Number.isFinite(value) ? value : { got: String(value) };
  if (value === null || value === undefined || value === "") return { got: "blank" };
  if (typeof value === "string") return { got: `"${value}"` };
  if (typeof value === "boolean") return { got: String(value).toUpperCase() };
  const errorText = (value as { value?: unknown }).value;
  return { got: typeof errorText === "string" ? errorText : "an error" };
}

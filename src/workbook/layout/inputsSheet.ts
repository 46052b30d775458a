/**
 * The "CS Inputs" sheet: one row per input (column A holds the input path, e.g. "marketBase",
 * "regimes.licensed.access", "regimePath[3]", "marketPath[2]", "vendors.huawei.weight"), one column per
 * scenario, a Live column that follows the scenario switch (INDEX/MATCH), provenance and note columns.
 * `readScenariosFromInputs` parses the same shape back.
 */
import { extent } from "../../model/own";
import type { Provenance, Scenario } from "../../model/types";
import { scalarValue } from "../../model/validate";
import { cellAddress, columnLetters, sheetRef } from "./address";
import { formulaCell, numberCell, rectangular, textCell } from "./cells";
import { provenanceLabel, provenanceNote, provenanceSummary } from "./provenanceNote";
import { SCALAR_INPUTS, TABLE_NAMES } from "./scalarInputs";
import type { LayoutCell, ListValidation, NamedRange, NamedScenario, SheetLayout } from "./types";
import { SHEET_NAMES } from "./types";

/** Fixed geometry shared with the read-back. */
export const INPUTS_GEOMETRY = {
  switchAddress: "B2",
  indexAddress: "B3",
  headerRow: 5,
  firstScenarioColumn: 4,
  idColumn: 1,
} as const;

export const A100_BF16_TFLOPS_FIGURE = "a100_bf16_dense";
export const DOCUMENTED_T0_FIGURE = "nvda_china_rev_fy2026_hq";

export interface InputsConstants {
  readonly a100Bf16Tflops: number;
  readonly documentedT0UsdBn: number;
}

export interface InputsSheet {
  readonly sheet: SheetLayout;
  readonly names: NamedRange[];
  readonly validations: ListValidation[];
  /** Largest horizon across scenarios: the number of year columns the Model sheet needs (t = 0..maxHorizon). */
  readonly maxHorizon: number;
  /** Union of vendor names in order of first appearance (the Model sheet's vendor rows). */
  readonly vendorNames: readonly string[];
}

type Row = (LayoutCell | null)[];

export function buildInputsSheet(
  scenarios: readonly NamedScenario[],
  constants: InputsConstants,
): InputsSheet {
  const sheetName = SHEET_NAMES.inputs;
  const k = scenarios.length;
  const firstCol = INPUTS_GEOMETRY.firstScenarioColumn;
  const liveCol = firstCol + k;
  const base = scenarios[0]!;
  const [, maxHorizon] = extent(scenarios.map((s) => s.scenario.horizon));
  const regimeNames = unionKeys(scenarios.map((s) => s.scenario.regimes));
  const vendorNames = unionKeys(scenarios.map((s) => s.scenario.vendors));
  const headerRange = `$${columnLetters(firstCol)}$${INPUTS_GEOMETRY.headerRow}:$${columnLetters(liveCol - 1)}$${INPUTS_GEOMETRY.headerRow}`;

  const rows: Row[] = [];
  const names: NamedRange[] = [];
  const rowNumber = (): number => rows.length + 1;
  const live = (row: number): LayoutCell =>
    formulaCell(
      `=INDEX($${columnLetters(firstCol)}${row}:$${columnLetters(liveCol - 1)}${row},1,${TABLE_NAMES.scenarioIndex})`,
      undefined,
      "output",
    );

  rows.push([textCell("ChipShift — inputs", "title")]);
  rows.push([
    textCell("Scenario", "label"),
    textCell(
      base.name,
      "input",
      "Pick a scenario from the list: the Live column and the CS Model sheet follow it",
    ),
    textCell("← drop-down: the Live column and CS Model follow this scenario", "note"),
  ]);
  rows.push([
    textCell("Scenario #", "label"),
    formulaCell(`=MATCH(${INPUTS_GEOMETRY.switchAddress},${headerRange},0)`, "0", "output"),
  ]);
  rows.push([textCell("Scalar inputs", "header")]);
  rows.push([
    textCell("Input id", "header"),
    textCell("Label", "header"),
    textCell("Unit", "header"),
    ...scenarios.map((s) => ({
      ...textCell(s.name, "header"),
      ...(s.rationale === undefined ? {} : { note: s.rationale }),
    })),
    textCell("Live", "header"),
    textCell("Provenance (Base)", "header"),
    textCell("Note (Base)", "header"),
  ]);
  names.push({ name: TABLE_NAMES.scenario, ref: sheetRef(sheetName, 2, 2) });
  names.push({ name: TABLE_NAMES.scenarioIndex, ref: sheetRef(sheetName, 3, 2) });

  for (const meta of SCALAR_INPUTS) {
    const r = rowNumber();
    rows.push([
      textCell(meta.id),
      textCell(meta.label, "label"),
      textCell(meta.unit),
      ...scenarios.map((s) =>
        numberCell(
          scalarValue(s.scenario, meta.id),
          meta.numberFormat,
          "input",
          provenanceNote(s.provenance[meta.id]),
        ),
      ),
      { ...live(r), numberFormat: meta.numberFormat },
      textCell(provenanceLabel(base.provenance[meta.id]), "note"),
      textCell(provenanceSummary(base.provenance[meta.id]), "note"),
    ]);
    names.push({ name: meta.name, ref: sheetRef(sheetName, r, liveCol) });
  }

  const tableRows = (
    title: string,
    keys: readonly string[],
    provenanceKey: string,
    cellsFor: (key: string) => {
      id: string;
      label: string;
      unit: string;
      format: string;
      values: (s: Scenario) => LayoutCell | null;
    },
  ): { first: number; last: number } => {
    rows.push([]);
    rows.push([textCell(title, "header")]);
    const first = rowNumber();
    keys.forEach((key, i) => {
      const spec = cellsFor(key);
      const r = rowNumber();
      rows.push([
        textCell(spec.id),
        textCell(spec.label, "label"),
        textCell(spec.unit),
        ...scenarios.map((s) => {
          const cell = spec.values(s.scenario) ?? { style: "input" as const };
          return i === 0 ? { ...cell, note: provenanceNote(s.provenance[provenanceKey]) } : cell;
        }),
        { ...live(r), numberFormat: spec.format },
        i === 0 ? textCell(provenanceLabel(base.provenance[provenanceKey]), "note") : null,
        i === 0 ? textCell(provenanceSummary(base.provenance[provenanceKey]), "note") : null,
      ]);
    });
    return { first, last: rowNumber() - 1 };
  };
  const numberOrBlank = (value: number | undefined, format: string): LayoutCell | null =>
    value === undefined ? null : numberCell(value, format, "input");

  const access = tableRows(
    "Regimes: access (share of foreign-chip demand NVIDIA may serve)",
    regimeNames,
    "regimes",
    (name) => ({
      id: `regimes.${name}.access`,
      label: name,
      unit: "fraction",
      format: "0.0%",
      values: (s) => numberOrBlank(s.regimes[name]?.access, "0.0%"),
    }),
  );
  const remittance = tableRows(
    "Regimes: remittance to the U.S. government",
    regimeNames,
    "regimes",
    (name) => ({
      id: `regimes.${name}.remittance`,
      label: name,
      unit: "fraction",
      format: "0.0%",
      values: (s) => numberOrBlank(s.regimes[name]?.remittance, "0.0%"),
    }),
  );
  names.push({ name: TABLE_NAMES.regimeNames, ref: sheetRef(sheetName, access.first, 2, access.last, 2) });
  names.push({
    name: TABLE_NAMES.regimeAccess,
    ref: sheetRef(sheetName, access.first, liveCol, access.last, liveCol),
  });
  names.push({
    name: TABLE_NAMES.regimeRemittance,
    ref: sheetRef(sheetName, remittance.first, liveCol, remittance.last, liveCol),
  });

  const years = Array.from({ length: maxHorizon + 1 }, (_, t) => String(t));
  const path = tableRows(
    "Regime path (regime in force each year; t = 0 is the base year)",
    years,
    "regimePath",
    (key) => {
      const t = Number(key);
      return {
        id: `regimePath[${t}]`,
        label: `t = ${t}`,
        unit: "regime",
        format: "General",
        // Beyond a scenario's horizon the last regime continues, so a longer horizon typed in the sheet still computes.
        values: (s) => textCell(s.regimePath[Math.min(t, s.regimePath.length - 1)] ?? "", "input"),
      };
    },
  );
  names.push({
    name: TABLE_NAMES.regimePath,
    ref: sheetRef(sheetName, path.first, liveCol, path.last, liveCol),
  });

  const marketPath = tableRows(
    "Market path overrides (explicit market size; blank = growth formula)",
    years.slice(1),
    "marketPath",
    (key) => {
      const t = Number(key);
      return {
        id: `marketPath[${t}]`,
        label: `t = ${t}`,
        unit: "USD bn",
        format: "#,##0.00",
        values: (s) => numberOrBlank(s.marketPath?.[String(s.baseYear + t)], "#,##0.00"),
      };
    },
  );
  names.push({
    name: TABLE_NAMES.marketPath,
    ref: sheetRef(sheetName, marketPath.first, liveCol, marketPath.last, liveCol),
  });

  const vendorTable = (
    field: "weight" | "aspUsdK" | "bf16Tflops",
    title: string,
    unit: string,
    format: string,
    name: string,
  ): void => {
    const range = tableRows(title, vendorNames, "vendors", (vendor) => ({
      id: `vendors.${vendor}.${field}`,
      label: vendor,
      unit,
      format,
      values: (s) => numberOrBlank(s.vendors[vendor]?.[field], format),
    }));
    names.push({ name, ref: sheetRef(sheetName, range.first, liveCol, range.last, liveCol) });
  };
  vendorTable(
    "weight",
    "Vendors: share of domestic sales (weights sum to 1)",
    "fraction",
    "0.0%",
    TABLE_NAMES.vendorWeight,
  );
  vendorTable("aspUsdK", "Vendors: average selling price", "USD k / unit", "#,##0.0", TABLE_NAMES.vendorAsp);
  vendorTable(
    "bf16Tflops",
    "Vendors: dense BF16 TFLOPS per accelerator",
    "TFLOPS",
    "#,##0",
    TABLE_NAMES.vendorTflops,
  );

  rows.push([]);
  rows.push([textCell("Constants (cited; not scenario inputs)", "header")]);
  const constantRow = (
    id: string,
    label: string,
    unit: string,
    value: number,
    format: string,
    figureId: string,
    name: string,
  ): void => {
    const r = rowNumber();
    const blanks = scenarios.map(() => null);
    rows.push([
      textCell(id),
      textCell(label, "label"),
      textCell(unit),
      ...blanks,
      numberCell(value, format, "input", provenanceNote({ figureId })),
      textCell(provenanceLabel({ figureId }), "note"),
      textCell(provenanceSummary({ figureId }), "note"),
    ]);
    names.push({ name, ref: sheetRef(sheetName, r, liveCol) });
  };
  constantRow(
    "const.a100Bf16Tflops",
    "A100 dense BF16 TFLOPS (the A100-equivalent unit)",
    "TFLOPS",
    constants.a100Bf16Tflops,
    "#,##0",
    A100_BF16_TFLOPS_FIGURE,
    TABLE_NAMES.a100Tflops,
  );
  constantRow(
    "const.documentedT0",
    "Documented NVIDIA China revenue FY2026 (customer-HQ basis)",
    "USD bn",
    constants.documentedT0UsdBn,
    "#,##0.000",
    DOCUMENTED_T0_FIGURE,
    TABLE_NAMES.documentedT0,
  );

  const validations: ListValidation[] = [
    { sheet: sheetName, address: INPUTS_GEOMETRY.switchAddress, sourceRef: `'${sheetName}'!${headerRange}` },
  ];
  const sheet: SheetLayout = {
    name: sheetName,
    blocks: [{ topLeft: "A1", rows: rectangular(rows) }],
    columnWidths: [
      { column: 1, width: 26 },
      { column: 2, width: 44 },
      { column: 3, width: 12 },
      ...scenarios.map((_, i) => ({ column: firstCol + i, width: 16 })),
      { column: liveCol, width: 14 },
      { column: liveCol + 1, width: 30 },
      { column: liveCol + 2, width: 60 },
    ],
    freeze: { rows: INPUTS_GEOMETRY.headerRow, columns: 3 },
  };
  return { sheet, names, validations, maxHorizon, vendorNames };
}

/** The Live column's address for a row (used by tests and the Model sheet). */
export function liveCellAddress(scenarioCount: number, row: number): string {
  return cellAddress(row, INPUTS_GEOMETRY.firstScenarioColumn + scenarioCount);
}

export function provenanceFor(s: NamedScenario, key: string): Provenance | undefined {
  return s.provenance[key];
}

function unionKeys(tables: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen: string[] = [];
  for (const table of tables) for (const key of Object.keys(table)) if (!seen.includes(key)) seen.push(key);
  return seen;
}

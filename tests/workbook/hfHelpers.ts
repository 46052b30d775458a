/** Reads the computed CS Model sheet out of a HyperFormula workbook. */
import type { HyperFormula } from "hyperformula";
import { SERIES_IDS, VENDOR_SERIES_IDS } from "../../src/model/index";
import type { Projection } from "../../src/model/types";
import { parseAddress } from "../../src/workbook/layout/address";
import { MODEL_GEOMETRY } from "../../src/workbook/layout/modelSheet";

/** Row id (column A) → the values of the year columns t = 0..n-1. */
export function modelRows(hf: HyperFormula, sheetName = "CS Model"): Map<string, unknown[]> {
  const values = hf.getSheetValues(hf.getSheetId(sheetName)!);
  const out = new Map<string, unknown[]>();
  for (const row of values) {
    const id = row[0];
    if (typeof id === "string" && id !== "") out.set(id, row.slice(MODEL_GEOMETRY.firstYearColumn - 1));
  }
  return out;
}

export function setCell(hf: HyperFormula, sheetName: string, address: string, content: unknown): void {
  const at = parseAddress(address)!;
  hf.setCellContents({ sheet: hf.getSheetId(sheetName)!, row: at.row - 1, col: at.column - 1 }, [
    [content as never],
  ]);
}

export function relativeDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-12, Math.abs(a), Math.abs(b));
}

/** Largest relative difference between the CS Model rows (as a spreadsheet engine computed them) and the engine. */
export function maxSheetVsEngine(
  rows: Map<string, unknown[]>,
  p: Projection,
): { worst: number; where: string } {
  let worst = 0;
  let where = "";
  const check = (id: string, expected: readonly number[]): void => {
    const actual = rows.get(id);
    if (actual === undefined) throw new Error(`row ${id} missing`);
    expected.forEach((e, t) => {
      const a = actual[t];
      const diff =
        typeof a === "number" ? (Math.abs(a - e) < 1e-12 ? 0 : relativeDiff(a, e)) : Number.POSITIVE_INFINITY;
      if (diff > worst) [worst, where] = [diff, `${id}[${t}] sheet ${String(a)} engine ${e}`];
    });
  };
  for (const id of SERIES_IDS) check(id, p.series[id]);
  for (const [vendor, series] of Object.entries(p.vendors))
    for (const id of VENDOR_SERIES_IDS) check(`vendors.${vendor}.${id}`, series[id]);
  check("revenueAtRisk", p.summary.revenueAtRisk);
  check("cumulativeNvidiaChina", [p.summary.cumulativeNvidiaChina]);
  check("npvNvidiaChina", [p.summary.npvNvidiaChina]);
  check("revenueAtRiskTotal", [p.summary.revenueAtRiskTotal]);
  if (p.summary.cagrNvidiaChina !== null) check("cagrNvidiaChina", [p.summary.cagrNvidiaChina]);
  // Spreadsheet comparisons tolerate ~1e-15 (HyperFormula's precisionEpsilon, Excel's 15 digits): a share of
  // 0.4999999999999990 may count as ≥ 0.5 in the sheet. Accept any year between the first with share ≥ 0.5 − 1e-9
  // and the engine's exact crossover.
  const crossover = rows.get("crossoverYear")?.[0];
  const share = p.series.domesticShare;
  const first = (threshold: number): number | "none" => {
    const t = share.findIndex((v) => v >= threshold);
    return t < 0 ? "none" : p.years.calendar[t]!;
  };
  const exact = first(0.5);
  const loose = first(0.5 - 1e-9);
  const ok =
    crossover === exact ||
    (typeof crossover === "number" &&
      typeof loose === "number" &&
      crossover >= loose &&
      (exact === "none" || crossover <= exact));
  if (!ok)
    [worst, where] = [
      Number.POSITIVE_INFINITY,
      `crossoverYear sheet ${String(crossover)} engine ${String(exact)}`,
    ];
  if (p.summary.crossoverYear !== (exact === "none" ? null : exact))
    throw new Error("engine crossover disagrees with its own series");
  return { worst, where };
}

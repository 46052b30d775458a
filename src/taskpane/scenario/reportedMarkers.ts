/**
 * Reported quarters of NVIDIA China revenue as chart markers beside the yearly line: each quarter sits at its
 * place in the year (Q1 left of the year's point, Q4 right of it) at its annual rate (quarter × 4), so it is
 * comparable with the yearly totals the line shows.
 */
import type { ChartMarker } from "../charts/chartTypes";
import { formatUsdBn } from "../charts/format";

export interface ReportedQuarterInput {
  readonly period: string;
  readonly value: number;
}

const PERIOD = /^Q([1-4]) FY(\d{4})$/;

/**
 * Markers for the reported quarters that fall within baseYear..baseYear+horizon; anything else is skipped
 * (the engine has already rejected it).
 *
 * @example reportedQuarterMarkers([{ period: "Q2 FY2027", value: 7.88 }], 2025, 5)
 *   // → [{ xIndex: 1, offset: −0.125, value: 31.52, label: "Q2 FY2027 reported $7.88bn (× 4 = $31.5bn a year)" }]
 */
export function reportedQuarterMarkers(
  reported: readonly ReportedQuarterInput[] | undefined,
  baseYear: number,
  horizon: number,
): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const entry of reported ?? []) {
    const match = PERIOD.exec(entry.period);
    if (match === null || !Number.isFinite(entry.value)) continue;
    const quarter = Number(match[1]);
    // NVIDIA FY(y+1) ≈ calendar year y (DESIGN.md §4.5)
    const t = Number(match[2]) - 1 - baseYear;
    if (t < 0 || t > horizon) continue;
    const annual = entry.value * 4;
    markers.push({
      xIndex: t,
      offset: (quarter - 2.5) / 4,
      value: annual,
      label: `${entry.period} reported $${entry.value.toFixed(2)}bn (× 4 = ${formatUsdBn(annual)} a year)`,
    });
  }
  return markers.sort((a, b) => a.xIndex + a.offset - (b.xIndex + b.offset));
}

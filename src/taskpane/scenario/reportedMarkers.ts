/**
 * Reported quarters of NVIDIA China revenue as chart markers beside the yearly line: each quarter sits at its
 * place in the year (Q1 left of the year's point, Q4 right of it) at its annual rate (quarter × 4), so it is
 * comparable with the yearly totals the line shows.
 */
import { parseQuarterPeriod } from "../../model/reported";
import type { ReportedQuarter } from "../../model/types";
import type { ChartMarker } from "../charts/chartTypes";
import { formatUsdBn } from "../charts/format";

/**
 * Markers for the reported quarters that fall within baseYear..baseYear+horizon; anything else is skipped
 * (the engine has already rejected it).
 *
 * @example reportedQuarterMarkers([{ period: "Q2 FY2027", value: 7.88 }], 2025, 5)
 *   // → [{ xIndex: 1, offset: −0.125, value: 31.52, label: "Q2 FY2027 reported $7.88bn (× 4 = $31.5bn a year)" }]
 */
export function reportedQuarterMarkers(
  reported: readonly Pick<ReportedQuarter, "period" | "value">[] | undefined,
  baseYear: number,
  horizon: number,
): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const entry of reported ?? []) {
    const period = parseQuarterPeriod(entry.period);
    if (typeof period === "string" || !Number.isFinite(entry.value)) continue;
    const quarter = period.quarter;
    const t = period.calendarYear - baseYear;
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

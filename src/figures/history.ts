/**
 * NVIDIA's annual China revenue as cited, on both geography bases, never spliced: the caller sees the basis
 * of every row and decides how (or whether) to bridge the Q3 FY2026 break.
 */
import { FIGURES } from "./dataset";
import { valueInUsdBillion } from "./lookup";
import type { Figure, GeographyBasis } from "./schema";

export interface ChinaRevenueYear {
  /** NVIDIA fiscal year label, e.g. "FY2025" (Feb 2024 – Jan 2025). */
  readonly fiscalYear: string;
  readonly valueUsdBn: number;
  readonly basis: GeographyBasis;
  readonly figureId: string;
}

/**
 * Annual (full fiscal year) China revenue figures, sorted by fiscal year, billing basis before customer-HQ
 * within a year. Quarterly, nine-month and product (H20) rows are excluded.
 * @example nvidiaChinaRevenueHistory().filter((r) => r.fiscalYear === "FY2025").map((r) => r.valueUsdBn) → [17, 25.048]
 */
export function nvidiaChinaRevenueHistory(figures: readonly Figure[] = FIGURES): ChinaRevenueYear[] {
  const rows: ChinaRevenueYear[] = [];
  for (const fig of figures) {
    if (fig.category !== "nvidia_china_revenue" || fig.basis === undefined || /\bH20\b/.test(fig.label))
      continue;
    const fiscal = /^FY(\d{4})\b/.exec(fig.asOf);
    const valueUsdBn = valueInUsdBillion(fig);
    if (fiscal === null || typeof valueUsdBn !== "number") continue;
    rows.push({ fiscalYear: `FY${fiscal[1]}`, valueUsdBn, basis: fig.basis, figureId: fig.id });
  }
  const basisOrder: Record<GeographyBasis, number> = { billingLocation: 0, customerHq: 1 };
  return rows.sort(
    (a, b) =>
      (a.fiscalYear < b.fiscalYear ? -1 : a.fiscalYear > b.fiscalYear ? 1 : 0) ||
      basisOrder[a.basis] - basisOrder[b.basis],
  );
}

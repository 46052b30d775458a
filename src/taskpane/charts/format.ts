/**
 * Number formats for chart axes, tables and metric cards. Money is USD billions in the engine.
 */

/**
 * "$12.3bn" style label for a USD-billions value; one decimal below 100, none above.
 * @example formatUsdBn(19.74) → "$19.7bn"
 */
export function formatUsdBn(valueUsdBn: number): string {
  const sign = valueUsdBn < 0 ? "−" : "";
  const magnitude = Math.abs(valueUsdBn);
  const digits = magnitude >= 100 || magnitude === 0 ? 0 : 1;
  return `${sign}$${magnitude.toFixed(digits)}bn`;
}

/**
 * "41%" style label for a fraction 0..1; one decimal when the percentage is not whole to 0.1.
 * @example formatPercent(0.415) → "41.5%"
 */
export function formatPercent(fraction: number): string {
  const percent = Math.round(fraction * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/**
 * Calendar year with NVIDIA's fiscal year beside it (FY(y+1) ≈ calendar y, DESIGN.md §4).
 * @example yearLabel(2025) → "2025/FY26"
 */
export function yearLabel(calendarYear: number): string {
  const fiscal = String((calendarYear + 1) % 100).padStart(2, "0");
  return `${calendarYear}/FY${fiscal}`;
}

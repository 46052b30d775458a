/**
 * Units of the cited figures: readable labels ("USD bn", "% of A100") and conversion between money units of one
 * currency and dimension (USD_million ↔ USD_billion, CNY_million ↔ CNY_billion), so a figure and
 * `CHIPS.PROJECT` (USD bn) can sit in one formula without ×1000 by hand. No exchange rates: USD ↔ CNY is an
 * error, as is any conversion between different kinds of quantity. Pure.
 */
import type { ModelError } from "../model/errors";
import { modelError } from "../model/errors";

/** A money unit: currency, multiplier of one currency unit, and what it is per (none, per year, per unit). */
interface MoneyUnit {
  readonly currency: "USD" | "CNY";
  readonly scale: number;
  readonly per: "" | "year" | "unit";
}

/** Money units by canonical name: the dataset's, plus plain currencies and trillions as conversion targets. */
const MONEY_UNITS: ReadonlyMap<string, MoneyUnit> = new Map<string, MoneyUnit>([
  ["USD", { currency: "USD", scale: 1, per: "" }],
  ["USD_thousand", { currency: "USD", scale: 1e3, per: "" }],
  ["USD_million", { currency: "USD", scale: 1e6, per: "" }],
  ["USD_billion", { currency: "USD", scale: 1e9, per: "" }],
  ["USD_trillion", { currency: "USD", scale: 1e12, per: "" }],
  ["USD_million_per_year", { currency: "USD", scale: 1e6, per: "year" }],
  ["USD_billion_per_year", { currency: "USD", scale: 1e9, per: "year" }],
  ["USD_per_unit", { currency: "USD", scale: 1, per: "unit" }],
  ["CNY", { currency: "CNY", scale: 1, per: "" }],
  ["CNY_thousand", { currency: "CNY", scale: 1e3, per: "" }],
  ["CNY_million", { currency: "CNY", scale: 1e6, per: "" }],
  ["CNY_billion", { currency: "CNY", scale: 1e9, per: "" }],
  ["CNY_trillion", { currency: "CNY", scale: 1e12, per: "" }],
  ["CNY_per_unit", { currency: "CNY", scale: 1, per: "unit" }],
]);

/** Labels shown instead of unit codes; codes not listed read with spaces for underscores. */
const UNIT_LABELS: ReadonlyMap<string, string> = new Map([
  ["USD_billion", "USD bn"],
  ["USD_million", "USD m"],
  ["USD_thousand", "USD k"],
  ["USD_trillion", "USD tn"],
  ["USD_billion_per_year", "USD bn per year"],
  ["USD_million_per_year", "USD m per year"],
  ["USD_per_unit", "USD per unit"],
  ["CNY_billion", "CNY bn"],
  ["CNY_million", "CNY m"],
  ["CNY_thousand", "CNY k"],
  ["CNY_trillion", "CNY tn"],
  ["CNY_per_unit", "CNY per unit"],
  ["percent", "%"],
  ["GB_per_s", "GB/s"],
  ["TB_per_s", "TB/s"],
  ["wafers_per_month", "wafers per month"],
  ["billion_transistors", "bn transistors"],
  ["x_H20", "× H20"],
  ["x_810E", "× 810E"],
  ["x_950", "× Ascend 950"],
  ["x_M890", "× M890"],
]);

/**
 * The unit as words: "USD_million" → "USD m", "percent_of_A100" → "% of A100", other codes with spaces.
 * @example unitLabel("USD_billion") → "USD bn"
 */
export function unitLabel(unit: string): string {
  const known = UNIT_LABELS.get(unit);
  if (known !== undefined) return known;
  if (unit.startsWith("percent_")) return `% ${unit.slice("percent_".length).replace(/_/g, " ")}`;
  return unit.replace(/_/g, " ");
}

/**
 * A unit the user typed, as its canonical code: codes case-insensitively ("usd_billion"), or the labels above
 * ("USD bn", "usd m"). Undefined when it names no known money unit.
 */
function moneyUnitCode(typed: string): string | undefined {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, " ");
  for (const code of MONEY_UNITS.keys()) {
    if (code.toLowerCase() === wanted || unitLabel(code).toLowerCase() === wanted) return code;
  }
  return undefined;
}

/**
 * `value` in unit `from` expressed in unit `to`. A unit converts to itself (any unit); money converts within
 * one currency and dimension by powers of ten. Anything else is ModelError invalidInput naming both units.
 * @example convertValue(19677, "USD_million", "USD_billion") → 19.677
 * @example convertValue(5.996, "CNY_billion", "CNY m") → 5996
 * @example convertValue(1, "USD_billion", "CNY_billion") → ModelError (no exchange rate)
 */
export function convertValue(value: number, from: string, to: string): number | ModelError {
  const typed = to.trim();
  if (typed === "" || typed === from || unitLabel(from).toLowerCase() === typed.toLowerCase()) return value;
  const target = moneyUnitCode(typed) ?? "";
  const source = MONEY_UNITS.get(from);
  const targetUnit = MONEY_UNITS.get(target);
  if (source === undefined || targetUnit === undefined) {
    return modelError(
      "invalidInput",
      `cannot convert ${unitLabel(from)} to "${typed.slice(0, 40)}": only money converts, between ` +
        `${[...MONEY_UNITS.keys()].map(unitLabel).join(", ")} of one currency`,
    );
  }
  if (source.currency !== targetUnit.currency || source.per !== targetUnit.per) {
    return modelError(
      "invalidInput",
      `cannot convert ${unitLabel(from)} to ${unitLabel(target)}: different currency or dimension (no exchange rates)`,
    );
  }
  // Scales are powers of ten: multiply or divide by the exact integer ratio, so 19677 USD m → 19.677 USD bn.
  return source.scale >= targetUnit.scale
    ? value * (source.scale / targetUnit.scale)
    : value / (targetUnit.scale / source.scale);
}

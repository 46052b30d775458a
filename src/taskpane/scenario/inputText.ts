import type { ModelError } from "../../model/errors";
import { modelError } from "../../model/errors";
import type { InputDisplay } from "./inputCatalog";

/**
 * Engine value → the text shown in a box. Percent displays multiply by 100 and show at most two decimals
 * (0.07 × 100 = 7.000000000000001 is shown as "7"; a vendor weight of 0.73912251957 as "73.91"); the exact
 * value is kept while the box is not edited (see `draftScenario`).
 * @example inputText(0.41, "percent") → "41"
 */
export function inputText(value: number, display: InputDisplay): string {
  if (display === "percent") return String(Number((value * 100).toFixed(2)));
  return String(Number(value.toPrecision(12)));
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The text typed in a box → the engine value, or an `invalidInput` error naming the input. Percent displays
 * divide by 100 and accept a trailing "%". Empty text and non-numbers ("abc", "0x10") are errors; range
 * checks are the model's (`scenarioIssues`).
 * @example parseInputText("41", "percent", "domesticShareBase") → 0.41
 */
export function parseInputText(raw: string, display: InputDisplay, path: string): number | ModelError {
  let text = raw.trim();
  if (display === "percent" && text.endsWith("%")) text = text.slice(0, -1).trim();
  if (text === "") return modelError("invalidInput", `${path} is required`);
  if (!NUMBER_PATTERN.test(text))
    return modelError("invalidInput", `${path} must be a number, got "${raw.trim()}"`);
  const value = Number(text);
  if (!Number.isFinite(value))
    return modelError("invalidInput", `${path} must be a finite number, got "${raw.trim()}"`);
  if (display === "integer" && !Number.isInteger(value)) {
    return modelError("invalidInput", `${path} must be a whole number, got ${value}`);
  }
  // toPrecision(15) removes division noise (4.1 / 100 = 0.040999999999999995 → 0.041).
  return display === "percent" ? Number((value / 100).toPrecision(15)) : value;
}

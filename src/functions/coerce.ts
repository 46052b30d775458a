import type { ModelError } from "../model/errors";
import { modelError } from "../model/errors";

/**
 * Argument coercion for the CHIPS functions. Excel passes numbers, strings, booleans, `null` for an omitted
 * optional argument and `""` for an empty cell; HyperFormula passes the same kinds. Every coercion returns the
 * typed value or an `invalidInput` error naming the parameter, never throws.
 */

/** True for an omitted optional argument or an empty cell. */
export function isOmitted(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A finite number from a number, numeric text or a boolean (TRUE = 1, as Excel coerces). */
export function coerceNumber(value: unknown, name: string): number | ModelError {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : modelError("invalidInput", `${name} must be a finite number`);
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    if (Number.isFinite(parsed)) return parsed;
  }
  return modelError("invalidInput", `${name} must be a number, got ${describe(value)}`);
}

/** `coerceNumber`, or `undefined` when the argument is omitted. */
export function coerceOptionalNumber(value: unknown, name: string): number | undefined | ModelError {
  return isOmitted(value) ? undefined : coerceNumber(value, name);
}

/** Trimmed non-empty text; a number is accepted as its decimal text (ids typed into numeric cells). */
export function coerceText(value: unknown, name: string): string | ModelError {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return modelError("invalidInput", `${name} must be text, got ${describe(value)}`);
}

/** `coerceText`, or `undefined` when the argument is omitted. */
export function coerceOptionalText(value: unknown, name: string): string | undefined | ModelError {
  return isOmitted(value) ? undefined : coerceText(value, name);
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Excel's 1900 date system: serial 1 = 1900-01-01; serial 60 is the fictitious 1900-02-29 (Lotus bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31, Excel's last date

/**
 * An ISO date text ("2025-01-01", "2025-01" or "2025") from ISO text or an Excel date serial (1900 date
 * system, serial 45658 = 2025-01-01). Partial dates keep their precision so they compare as prefixes.
 */
export function coerceIsoDate(value: unknown, name: string): string | ModelError {
  if (typeof value === "number") return isoDateFromSerial(value, name);
  if (typeof value === "string") {
    const match = ISO_DATE.exec(value.trim());
    if (match && validParts(match[2], match[3])) return value.trim();
  }
  return modelError(
    "invalidInput",
    `${name} must be an ISO date (YYYY-MM-DD) or an Excel date, got ${describe(value)}`,
  );
}

/** `coerceIsoDate`, or `undefined` when omitted. */
export function coerceOptionalIsoDate(value: unknown, name: string): string | undefined | ModelError {
  return isOmitted(value) ? undefined : coerceIsoDate(value, name);
}

/**
 * (id, value) pairs from a 2-column range: rows with an empty id are skipped, values are numbers or text
 * (text values such as regime names pass through for the engine to validate).
 */
export function coercePairs(
  value: unknown,
  name: string,
): readonly (readonly [string, number | string])[] | ModelError {
  if (!Array.isArray(value) || value.length === 0) {
    return modelError("invalidInput", `${name} must be a range of (input id, value) rows`);
  }
  const pairs: [string, number | string][] = [];
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || row.length < 2) {
      return modelError("invalidInput", `${name} must have 2 columns: input id and value`);
    }
    const [id, cell] = row as unknown[];
    if (isOmitted(id)) continue;
    if (typeof id !== "string")
      return modelError("invalidInput", `${name}: input id must be text, got ${describe(id)}`);
    if (typeof cell === "number" && Number.isFinite(cell)) pairs.push([id.trim(), cell]);
    else if (typeof cell === "string" && cell.trim() !== "") pairs.push([id.trim(), cell.trim()]);
    else
      return modelError(
        "invalidInput",
        `${name}: value for ${id.trim()} must be a number or text, got ${describe(cell)}`,
      );
  }
  if (pairs.length === 0) return modelError("invalidInput", `${name} has no (input id, value) rows`);
  return pairs;
}

function isoDateFromSerial(serial: number, name: string): string | ModelError {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) {
    return modelError(
      "invalidInput",
      `${name} must be an Excel date serial between 1 and ${MAX_SERIAL}, got ${serial}`,
    );
  }
  const day = Math.floor(serial);
  if (day === 60) return "1900-02-29";
  // Serials before the fictitious 1900-02-29 are one day later than the epoch arithmetic gives.
  const ms = EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

function validParts(month: string | undefined, day: string | undefined): boolean {
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= 31;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a range";
  return typeof value;
}

import type { ModelError } from "../model/errors";
import { isModelError, modelError } from "../model/errors";
import type { Projection, Scenario } from "../model/types";
import { SERIES_IDS, VENDOR_SERIES_IDS } from "../model/types";
import { BASE_PRESET_ID, applyOverrides, findPreset, nearestIds, projectScenario } from "../model";
import type { CellGrid } from "./cells";
import { gridOf } from "./cells";
import { coercePairs, coerceOptionalText, coerceText, isOmitted } from "./coerce";

/** Column headers of the CHIPS.PROJECT table before the series ids. */
export const PROJECT_LEAD_HEADER = ["Year", "FY"] as const;

/**
 * CHIPS.PROJECT(scenario, [series], [overrides]). `scenario` is a preset id or name, or a 2-column range of
 * (input id, value) applied on the base preset (BASE_PRESET_ID); `overrides` another such range applied after it. Returns the
 * table (header row, then one row per calendar year with its FY label and every series), or with `series` one
 * row of that series' values per year.
 */
export function projectGrid(scenario: unknown, series?: unknown, overrides?: unknown): CellGrid | ModelError {
  const resolved = resolveScenario(scenario, overrides);
  if (isModelError(resolved)) return resolved;
  const seriesId = coerceOptionalText(series, "series");
  if (isModelError(seriesId)) return seriesId;
  const projection = projectScenario(resolved);
  if (isModelError(projection)) return projection;
  const columns = projectionColumns(projection);
  if (seriesId !== undefined) {
    const values = columns.get(seriesId);
    if (values === undefined) {
      const near = nearestIds(seriesId, [...columns.keys()]).join(", ");
      return modelError("notFound", `series "${seriesId}" is not a projection series; nearest: ${near}`);
    }
    return gridOf([[...values]], seriesId);
  }
  const header = [...PROJECT_LEAD_HEADER, ...columns.keys()];
  const rows = projection.years.calendar.map((year, t) => [
    year,
    projection.years.fiscal[t] ?? "",
    ...[...columns.values()].map((values) => values[t] ?? modelError("numeric", "missing value")),
  ]);
  return gridOf([header, ...rows], "projection");
}

/** The scenario a PROJECT call describes, before projection. */
export function resolveScenario(scenario: unknown, overrides?: unknown): Scenario | ModelError {
  const single = singleCell(scenario);
  const base = Array.isArray(single) ? scenarioFromRange(single) : scenarioFromPreset(single);
  if (isModelError(base) || isOmitted(singleCell(overrides))) return base;
  const pairs = coercePairs(overrides, "overrides");
  return isModelError(pairs) ? pairs : applyOverrides(base, pairs);
}

/** Series id → values per year, in the published order; vendor series as "units.huawei". */
export function projectionColumns(projection: Projection): Map<string, readonly number[]> {
  const columns = new Map<string, readonly number[]>();
  for (const id of SERIES_IDS) columns.set(id, projection.series[id]);
  for (const [vendor, vendorSeries] of Object.entries(projection.vendors)) {
    for (const id of VENDOR_SERIES_IDS) columns.set(`${id}.${vendor}`, vendorSeries[id]);
  }
  return columns;
}

/** Excel passes a matrix parameter typed as a literal ("base") as [["base"]]: unwrap a 1×1 range. */
function singleCell(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1) {
    const row: unknown = value[0];
    if (Array.isArray(row) && row.length === 1) return row[0] as unknown;
  }
  return value;
}

function scenarioFromPreset(value: unknown): Scenario | ModelError {
  const name = coerceText(value, "scenario");
  if (isModelError(name)) return name;
  const preset = findPreset(name);
  return isModelError(preset) ? preset : preset.scenario;
}

function scenarioFromRange(range: unknown[]): Scenario | ModelError {
  const base = findPreset(BASE_PRESET_ID);
  if (isModelError(base)) return base;
  const pairs = coercePairs(range, "scenario");
  return isModelError(pairs) ? pairs : applyOverrides(base.scenario, pairs);
}

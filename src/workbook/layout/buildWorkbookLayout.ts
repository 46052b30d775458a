/**
 * `buildWorkbookLayout`: the whole built model as pure data — sheets "CS Inputs", "CS Model", "CS Sources",
 * "CS Compare", the workbook names, the scenario-switch validation and two chart specs.
 */
import { findFigure, valueInUsdBillion } from "../../figures/index";
import { isModelError, modelError, type ModelError } from "../../model/errors";
import { projectScenario } from "../../model/index";
import type { Projection } from "../../model/types";
import { buildCompareSheet } from "./compareSheet";
import { A100_BF16_TFLOPS_FIGURE, DOCUMENTED_T0_FIGURE, buildInputsSheet } from "./inputsSheet";
import { buildModelSheet } from "./modelSheet";
import { buildSourcesSheet, figureUsage } from "./sourcesSheet";
import type { LayoutOptions, NamedScenario, WorkbookLayout } from "./types";

/** Most scenario columns the Inputs sheet offers (Base + presets + custom). */
export const MAX_SCENARIOS = 12;

/**
 * Lays out the model for `scenarios` (the first is the Base and the switch's initial choice).
 *
 * @param scenarios one or more named scenarios with unique, non-empty names; each must validate
 * @returns the layout, or `invalidInput` naming the scenario and the problem (or `notFound` when a constant
 *   figure is missing from the dataset)
 * @example buildWorkbookLayout([{ name: "Base", scenario, provenance }]).sheets.map((s) => s.name)
 *   // → ["CS Inputs", "CS Model", "CS Sources", "CS Compare"]
 */
export function buildWorkbookLayout(
  scenarios: readonly NamedScenario[],
  options: LayoutOptions = {},
): WorkbookLayout | ModelError {
  if (scenarios.length === 0)
    return modelError("invalidInput", "scenarios must contain at least 1 scenario, got 0");
  if (scenarios.length > MAX_SCENARIOS)
    return modelError(
      "invalidInput",
      `scenarios must contain at most ${MAX_SCENARIOS} scenarios, got ${scenarios.length}`,
    );
  const seen = new Set<string>();
  const projections: Projection[] = [];
  for (const [i, s] of scenarios.entries()) {
    if (s.name.trim() === "")
      return modelError("invalidInput", `scenario ${i + 1} must have a name, got an empty name`);
    const key = s.name.trim().toLowerCase();
    if (seen.has(key))
      return modelError("invalidInput", `scenario names must be unique, got "${s.name}" twice`);
    seen.add(key);
    const projection = projectScenario(s.scenario);
    if (isModelError(projection))
      return modelError(projection.code, `scenario "${s.name}": ${projection.message}`);
    projections.push(projection);
  }

  const a100 = findFigure(A100_BF16_TFLOPS_FIGURE);
  if (isModelError(a100)) return a100;
  const documented = findFigure(DOCUMENTED_T0_FIGURE);
  if (isModelError(documented)) return documented;
  const documentedUsdBn = valueInUsdBillion(documented);
  if (isModelError(documentedUsdBn)) return documentedUsdBn;

  const inputs = buildInputsSheet(scenarios, {
    a100Bf16Tflops: a100.value,
    documentedT0UsdBn: documentedUsdBn,
  });
  const model = buildModelSheet(inputs.maxHorizon, inputs.vendorNames);
  const usage = figureUsage(scenarios, [
    [A100_BF16_TFLOPS_FIGURE, "A100-equivalent unit"],
    [DOCUMENTED_T0_FIGURE, "base-year check"],
  ]);
  const sources = buildSourcesSheet(usage);
  const compare = buildCompareSheet(scenarios, projections, options.builtAt);
  return {
    sheets: [inputs.sheet, model.sheet, sources, compare.sheet],
    names: inputs.names,
    validations: inputs.validations,
    charts: [compare.chart, ...model.charts],
  };
}

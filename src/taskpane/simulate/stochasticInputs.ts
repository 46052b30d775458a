/** Which inputs the Simulate tab offers distributions for, with their labels and display scale. */
import { scalarInputSpec } from "../../model/inputCatalog";
import type { ScalarInputId } from "../../model/types";
import { SCALAR_INPUT_IDS } from "../../model/validate";

/** Every scalar input except the two that shape the arrays (`baseYear`, `horizon`). */
export const STOCHASTIC_INPUT_IDS: readonly ScalarInputId[] = SCALAR_INPUT_IDS.filter(
  (id) => id !== "baseYear" && id !== "horizon",
);

/** 100 for inputs shown in percent (shares, rates), else 1 (the model's input catalog decides). */
export function inputScale(id: ScalarInputId): number {
  return scalarInputSpec(id)?.display === "percent" ? 100 : 1;
}

/** The input's name from the model's catalog ("Market growth, year 1"), without its unit. */
export function inputName(id: ScalarInputId): string {
  return scalarInputSpec(id)?.label ?? id;
}

/** "Market growth, year 1 (%)" style label: the catalog's name and the unit the value is typed in. */
export function inputLabel(id: ScalarInputId): string {
  const spec = scalarInputSpec(id);
  if (spec === undefined) return id;
  return `${spec.label} (${spec.display === "percent" ? "%" : spec.unit})`;
}

/** An input id in words ("Market growth, year 1 (%)"); a string that is not an input id stays as it is. */
export function inputWords(id: string): string {
  const input = STOCHASTIC_INPUT_IDS.find((x) => x === id);
  return input === undefined ? id : inputLabel(input);
}

/** Which inputs the Simulate tab offers distributions for, with their labels and display scale. */
import type { ScalarInputId } from "../../model/types";
import { SCALAR_INPUT_IDS } from "../../model/validate";
import { SCALAR_INPUTS } from "../scenario/inputCatalog";

/** Every scalar input except the two that shape the arrays (`baseYear`, `horizon`). */
export const STOCHASTIC_INPUT_IDS: readonly ScalarInputId[] = SCALAR_INPUT_IDS.filter(
  (id) => id !== "baseYear" && id !== "horizon",
);

/** 100 for inputs the pane shows in percent (shares, rates), else 1. */
export function inputScale(id: ScalarInputId): number {
  return SCALAR_INPUTS.find((s) => s.id === id)?.display === "percent" ? 100 : 1;
}

/** "Market growth, year 1 (%)" style label. */
export function inputLabel(id: ScalarInputId): string {
  const spec = SCALAR_INPUTS.find((s) => s.id === id);
  if (spec === undefined) return id;
  return `${spec.label} (${spec.display === "percent" ? "%" : spec.unit})`;
}

/** An input id in words ("Market growth, year 1 (%)"); a string that is not an input id stays as it is. */
export function inputWords(id: string): string {
  const input = STOCHASTIC_INPUT_IDS.find((x) => x === id);
  return input === undefined ? id : inputLabel(input);
}

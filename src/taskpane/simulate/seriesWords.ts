/** Output series in words for the Simulate tab (threshold picker and results), from the model's catalog. */
import type { Threshold } from "../../analysis/simulationSpec";
import { SERIES_CATALOG } from "../../model/inputCatalog";
import type { SeriesId } from "../../model/types";
import { formatPercent } from "../charts/format";

function specOf(id: string): { readonly label: string; readonly unit: string } | undefined {
  return Object.hasOwn(SERIES_CATALOG, id) ? SERIES_CATALOG[id as SeriesId] : undefined;
}

/** "NVIDIA China revenue" for "nvidiaChina" (the catalog's label; "(model)" is implied in the pane). */
export function seriesWords(id: string): string {
  const label = specOf(id)?.label;
  return label === undefined ? id : label.replace(/ \(model\)$/, "");
}

/** The series' unit ("USD bn", "%"); USD bn when unknown. */
export function seriesUnit(id: string): string {
  return specOf(id)?.unit ?? "USD bn";
}

/** "P(NVIDIA China revenue in 2027 below 33 USD bn)" for a threshold on a series, else the engine's label. */
export function thresholdWords(t: Threshold & { readonly label: string }): string {
  if (!("series" in t.output)) return t.label;
  const unit = seriesUnit(t.output.series);
  const value = unit === "%" ? formatPercent(t.value) : `${t.value} ${unit}`;
  return `P(${seriesWords(t.output.series)} in ${t.output.year} ${t.op === "<" ? "below" : "above"} ${value})`;
}

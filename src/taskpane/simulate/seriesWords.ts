/** Output series in words for the Simulate tab (threshold picker and results). */
import type { Threshold } from "../../analysis/simulationSpec";
import { formatPercent } from "../charts/format";

// Replaced by the model's series catalog once it lands (model/inputCatalog.ts).
const SERIES_WORDS: Readonly<Partial<Record<string, string>>> = {
  nvidiaChina: "NVIDIA China revenue",
  nvidiaChinaNet: "NVIDIA China revenue, net of remittance",
  domesticShare: "Domestic share of the market",
  market: "China AI-accelerator market",
  nvidiaDataCenter: "NVIDIA data center into China",
  domesticSales: "Domestic accelerator sales",
};

export function seriesWords(id: string): string {
  return SERIES_WORDS[id] ?? id;
}

export function seriesUnit(id: string): string {
  return id === "domesticShare" ? "%" : "USD bn";
}

/** "P(NVIDIA China revenue in 2027 below 33 USD bn)" for a threshold on a series, else the engine's label. */
export function thresholdWords(t: Threshold & { readonly label: string }): string {
  if (!("series" in t.output)) return t.label;
  const unit = seriesUnit(t.output.series);
  const value = unit === "%" ? formatPercent(t.value) : `${t.value} ${unit}`;
  return `P(${seriesWords(t.output.series)} in ${t.output.year} ${t.op === "<" ? "below" : "above"} ${value})`;
}

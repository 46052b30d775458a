/**
 * The "CS Evidence" sheet (DESIGN.md §5.1, §7): the observations with their sources, the posterior weight of
 * each scenario, and — after a simulation with evidence — the prior and posterior NVIDIA China revenue side by
 * side, the effective sample size and the regime posterior per year. VALUES with their settings, like CS
 * Simulation: the pane recomputes them. Pure: the pane hands the layout to `WorkbookPort.writeSheets`.
 */
import type { Observation } from "../../analysis/evidence";
import type { ScenarioWeight } from "../../analysis/scenarioWeights";
import type { SimulationResult } from "../../analysis/summarize";
import { citation, findFigure } from "../../figures/lookup";
import { isModelError } from "../../model/errors";
import { blockRange, cellAddress } from "./address";
import { numberCell, textCell } from "./cells";
import { blockStack, valueCell, type SheetWithCharts } from "./simulationLayout";
import type { ChartSpec, LayoutCell } from "./types";

export const EVIDENCE_SHEET = "CS Evidence";

export interface EvidenceSheetInput {
  readonly observations: readonly Observation[];
  /** Posterior weight of each scenario of the set, or the reason there is none. */
  readonly weights: readonly ScenarioWeight[] | { readonly problem: string };
  /** A finished simulation of `scenarioName` with this evidence (`posterior` set), when one ran. */
  readonly simulation?: SimulationResult;
  /** The simulated scenario's name as the pane shows it (user text: written as text). */
  readonly scenarioName?: string;
  /**
   * Fingerprint of what the results came from (the pane's stale check): the scenario, spec, settings and
   * observations of the run, or — without a run — the scenarios weighed and the observations.
   */
  readonly fingerprint?: string;
  /** When the results were computed, as text. */
  readonly ranAt?: string;
}

const USD = "#,##0.00";
const PERCENT = "0.0%";
const LOG = "0.000";

/**
 * The CS Evidence sheet: observations (series, period, value, sd, figure id, source), scenario weights, the
 * prior vs posterior percentiles of NVIDIA China revenue per year with a line chart, and the regime posterior
 * per year with a stacked-area chart.
 */
export function buildEvidenceSheetLayout(input: EvidenceSheetInput): SheetWithCharts {
  const { blocks, add } = blockStack();
  const charts: ChartSpec[] = [];
  add([
    [textCell("ChipShift — Evidence: which scenario do the reported figures support?", "title")],
    [
      textCell(
        "ℓ = −½·Σ((value − model·fraction)/sd)² (a quarter is ¼ of the year's flow; NVIDIA China revenue is the model's, not the outlook). Scenario posterior ∝ prior·e^ℓ; trial weights ∝ e^ℓ. Values, not formulas: recompute in the ChipShift pane",
        "note",
      ),
    ],
  ]);
  add(observationRows(input.observations));
  add(weightRows(input.weights));
  const sim = input.simulation;
  const posterior = sim?.posterior;
  if (sim === undefined || posterior === undefined) {
    const source: (LayoutCell | null)[][] = [];
    if (input.scenarioName !== undefined)
      source.push([textCell("Your scenario", "label"), textCell(input.scenarioName)]);
    if (input.fingerprint !== undefined)
      source.push([textCell("Inputs fingerprint", "label"), textCell(input.fingerprint)]);
    if (input.ranAt !== undefined) source.push([textCell("Computed at", "label"), textCell(input.ranAt)]);
    add([
      ...source,
      [
        textCell(
          "Run a simulation with this evidence in the pane to add the posterior of the trials",
          "note",
        ),
      ],
    ]);
    return layout(blocks, charts);
  }
  const settings: (LayoutCell | null)[][] = [
    [textCell("Simulation", "header"), textCell("", "header")],
    [textCell("Scenario", "label"), textCell(input.scenarioName ?? "")],
    [textCell("Trials", "label"), numberCell(sim.trials, "#,##0")],
    [textCell("Seed", "label"), numberCell(sim.seed, "0")],
    [textCell("Sampling", "label"), textCell(sim.sampling === "lhs" ? "Latin hypercube" : "Monte Carlo")],
    [textCell("Regimes", "label"), textCell(sim.regimeUncertainty)],
    [textCell("Effective sample size (1/Σw²)", "label"), valueCell(posterior.ess, "#,##0")],
    [textCell("Observation that dominates ℓ", "label"), textCell(posterior.dominantObservation)],
  ];
  if (posterior.warning !== undefined)
    settings.push([textCell("Warning", "label"), textCell(posterior.warning)]);
  if (input.fingerprint !== undefined)
    settings.push([textCell("Inputs fingerprint", "label"), textCell(input.fingerprint)]);
  if (input.ranAt !== undefined) settings.push([textCell("Finished at", "label"), textCell(input.ranAt)]);
  const settingsTop = add(settings);
  const years = sim.years.calendar.map((y, t) => `${y}/${sim.years.fiscal[t] ?? ""}`);
  const prior = sim.series.nvidiaChina ?? [];
  const post = posterior.series.nvidiaChina ?? [];
  const fanTop = add([
    [textCell("NVIDIA China revenue (USD bn)", "header"), ...years.map((l) => textCell(l, "header"))],
    ...(["p10", "p50", "p90"] as const).flatMap((k) => [
      [textCell(`Prior ${k.toUpperCase()}`, "label"), ...prior.map((s) => valueCell(s[k], USD))],
      [textCell(`Posterior ${k.toUpperCase()}`, "label"), ...post.map((s) => valueCell(s[k], USD))],
    ]),
    [textCell("Prior mean", "label"), ...prior.map((s) => valueCell(s.mean, USD))],
    [textCell("Posterior mean", "label"), ...post.map((s) => valueCell(s.mean, USD))],
    [textCell("Posterior SD", "label"), ...post.map((s) => valueCell(s.sd, USD))],
  ]);
  charts.push({
    id: "evidenceFan",
    kind: "line",
    title: "NVIDIA China revenue: prior vs posterior P10 / P50 / P90",
    sheet: EVIDENCE_SHEET,
    source: { sheet: EVIDENCE_SHEET, range: blockRange(cellAddress(fanTop, 1), 7, years.length + 1) },
    anchor: { from: cellAddress(settingsTop, 5), to: cellAddress(settingsTop + 14, 12) },
    yAxisTitle: "USD bn",
  });
  const names = Object.keys(posterior.regimes[0] ?? {});
  if (names.length > 0) {
    const regimeTop = add([
      [textCell("Regime posterior (probability)", "header"), ...years.map((l) => textCell(l, "header"))],
      ...names.map((n) => [
        textCell(n, "label"),
        ...posterior.regimes.map((r) =>
          valueCell(probability(Object.hasOwn(r, n) ? r[n] : undefined), PERCENT),
        ),
      ]),
    ]);
    charts.push({
      id: "evidenceRegimes",
      kind: "stackedArea",
      title: "Regime posterior by year",
      sheet: EVIDENCE_SHEET,
      source: {
        sheet: EVIDENCE_SHEET,
        range: blockRange(cellAddress(regimeTop, 1), names.length + 1, years.length + 1),
      },
      anchor: { from: cellAddress(settingsTop + 16, 5), to: cellAddress(settingsTop + 30, 12) },
      yAxisTitle: "Probability",
    });
  }
  if (posterior.thresholds.length > 0) {
    add([
      [textCell("Threshold given the evidence", "header"), textCell("Probability", "header")],
      ...posterior.thresholds.map((t) => [textCell(t.label, "label"), numberCell(t.probability, PERCENT)]),
    ]);
  }
  return layout(blocks, charts);
}

function observationRows(observations: readonly Observation[]): (LayoutCell | null)[][] {
  return [
    ["Series", "Period", "Value (USD bn)", "SD (USD bn)", "Figure id", "Source"].map((h) =>
      textCell(h, "header"),
    ),
    ...observations.map((o) => {
      const fig = o.figureId === undefined ? undefined : findFigure(o.figureId);
      const source = fig === undefined ? "analyst input" : isModelError(fig) ? fig.message : citation(fig);
      return [
        textCell(o.series, "label"),
        textCell(o.period),
        numberCell(o.value, USD),
        numberCell(o.sd, USD),
        textCell(o.figureId ?? ""),
        textCell(source),
      ];
    }),
  ];
}

function weightRows(weights: EvidenceSheetInput["weights"]): (LayoutCell | null)[][] {
  const header = ["Scenario", "Log-likelihood", "Prior", "Posterior", "Worst-fitting observation"].map((h) =>
    textCell(h, "header"),
  );
  if ("problem" in weights) return [header, [textCell(weights.problem, "note")]];
  return [
    header,
    ...weights.map((w) => [
      textCell(w.name, "label"),
      valueCell(w.logLikelihood, LOG),
      numberCell(probability(w.prior), PERCENT),
      numberCell(probability(w.posterior), PERCENT),
      textCell(w.dominantObservation),
    ]),
  ];
}

/**
 * A probability as a cell value: a subnormal (|p| < 2.2e-308, e.g. a regime with 8.7e-318 of the weight) is
 * written as 0 — Excel holds no number that small, and the preview shows it as NaN; undefined is NaN ("–").
 */
function probability(p: number | undefined): number {
  if (p === undefined) return NaN;
  return Math.abs(p) < MIN_NORMAL ? 0 : p;
}

/** The smallest positive normal double (2^−1022), Excel's smallest number. */
const MIN_NORMAL = 2.2250738585072014e-308;

function layout(blocks: SheetWithCharts["sheet"]["blocks"], charts: ChartSpec[]): SheetWithCharts {
  return {
    sheet: {
      name: EVIDENCE_SHEET,
      blocks,
      columnWidths: [
        { column: 1, width: 34 },
        ...Array.from({ length: 12 }, (_, i) => ({ column: i + 2, width: 12 })),
      ],
      freeze: { rows: 0, columns: 1 },
    },
    charts,
  };
}

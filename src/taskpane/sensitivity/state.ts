/**
 * The Sensitivity tab's part of the pane store, as a pure reducer: the chosen output, the tornado + spider
 * computed for it and the inputs' rank correlations from a run of its own (each tagged with the scenario and
 * fingerprint it came from), and the "write results" status.
 */
import type { SpiderLine, Tornado } from "../../analysis/sensitivity";
import type { MetricId, OutputRef } from "../../analysis/simulationSpec";
import { outputLabel } from "../../analysis/simulationSpec";
import { fiscalYearLabel } from "../../model/project";
import { assertNever } from "../../model/errors";
import type { RankCorrelations } from "../../workbook/layout/simulationLayout";
import type { ResultTag } from "../results/resultTag";
import type { WriteStatus } from "../results/sheetWrite";

export interface SensitivityAnalysis extends ResultTag {
  readonly output: OutputRef;
  readonly tornado: Tornado;
  readonly spider: { readonly steps: readonly number[]; readonly lines: readonly SpiderLine[] };
}

export interface RankRun extends ResultTag {
  readonly correlations: RankCorrelations;
}

export interface SensitivityState {
  readonly output: OutputRef;
  readonly analysis?: SensitivityAnalysis;
  readonly problem?: string;
  readonly rank:
    | { readonly status: "idle" }
    | { readonly status: "running" }
    | { readonly status: "done"; readonly run: RankRun }
    | { readonly status: "failed"; readonly message: string };
  readonly write: WriteStatus;
}

export type SensitivityAction =
  | { readonly type: "outputChanged"; readonly output: OutputRef }
  | { readonly type: "analysisSucceeded"; readonly analysis: SensitivityAnalysis }
  | { readonly type: "analysisFailed"; readonly message: string }
  | { readonly type: "rankStarted" }
  | { readonly type: "rankSucceeded"; readonly run: RankRun }
  | { readonly type: "rankFailed"; readonly message: string };

export const DEFAULT_OUTPUT: OutputRef = { metric: "cumulativeNvidiaChina" };

export function initialSensitivityState(output: OutputRef = DEFAULT_OUTPUT): SensitivityState {
  return { output, rank: { status: "idle" }, write: { status: "idle" } };
}

export function sensitivityReducer(state: SensitivityState, action: SensitivityAction): SensitivityState {
  switch (action.type) {
    case "outputChanged":
      // Results for another output would be mislabelled: drop them.
      return initialSensitivityState(action.output);
    case "analysisSucceeded": {
      const { problem: _cleared, ...rest } = state;
      return { ...rest, analysis: action.analysis, write: { status: "idle" } };
    }
    case "analysisFailed": {
      // The failure replaces the last outcome: no "Tornado written" left beside it.
      const { analysis: _dropped, ...rest } = state;
      return { ...rest, problem: action.message, write: { status: "idle" } };
    }
    case "rankStarted":
      return { ...state, rank: { status: "running" } };
    case "rankSucceeded":
      return { ...state, rank: { status: "done", run: action.run } };
    case "rankFailed":
      return { ...state, rank: { status: "failed", message: action.message } };
    default:
      return assertNever(action);
  }
}

/** The outputs the picker offers: three summary metrics and NVIDIA China revenue in each year. */
export function outputChoices(
  baseYear: number,
  horizon: number,
): readonly { readonly key: string; readonly label: string; readonly output: OutputRef }[] {
  const metrics: readonly { id: MetricId; label: string }[] = [
    { id: "cumulativeNvidiaChina", label: "Cumulative NVIDIA China revenue (USD bn)" },
    { id: "npvNvidiaChina", label: "NPV of NVIDIA China revenue (USD bn)" },
    { id: "revenueAtRiskTotal", label: "Revenue at risk vs no controls (USD bn)" },
  ];
  return [
    ...metrics.map((m) => ({ key: m.id, label: m.label, output: { metric: m.id } })),
    ...Array.from({ length: horizon }, (_, i) => {
      const year = baseYear + i + 1;
      return {
        key: `nvidiaChina ${year}`,
        label: `NVIDIA China revenue in ${year} (${fiscalYearLabel(year)}, USD bn)`,
        output: { series: "nvidiaChina" as const, year },
      };
    }),
  ];
}

/** The words for an output ("Cumulative NVIDIA China revenue (USD bn)"), or its id when not a choice. */
export function outputWords(output: OutputRef, baseYear: number, horizon: number): string {
  const id = outputLabel(output);
  return outputChoices(baseYear, horizon).find((c) => outputLabel(c.output) === id)?.label ?? id;
}

/** The rank correlations of a simulation when they were computed against `output`, else undefined. */
export function rankCorrelationsFor(
  correlations: RankCorrelations | undefined,
  output: OutputRef,
): RankCorrelations | undefined {
  return correlations !== undefined && correlations.output === outputLabel(output) ? correlations : undefined;
}

/**
 * The Sensitivity tab's state as a pure reducer: the chosen output, the tornado + spider computed for it, the
 * inputs' rank correlations (from the last simulation or a run of our own) and the "write results" status.
 */
import type { SpiderLine, Tornado } from "../../analysis/sensitivity";
import type { MetricId, OutputRef } from "../../analysis/simulationSpec";
import { outputLabel } from "../../analysis/simulationSpec";
import { assertNever } from "../../model/errors";
import type { RankCorrelations } from "../../workbook/layout/simulationLayout";
import type { WriteAction, WriteStatus } from "../results/sheetWrite";
import { writeStatusAfter } from "../results/sheetWrite";

export interface SensitivityState {
  readonly output: OutputRef;
  readonly analysis?: {
    readonly tornado: Tornado;
    readonly spider: { readonly steps: readonly number[]; readonly lines: readonly SpiderLine[] };
  };
  readonly problem?: string;
  readonly rank:
    | { readonly status: "idle" }
    | { readonly status: "running" }
    | { readonly status: "done"; readonly correlations: RankCorrelations }
    | { readonly status: "failed"; readonly message: string };
  readonly write: WriteStatus;
}

export type SensitivityAction =
  | { readonly type: "outputChanged"; readonly output: OutputRef }
  | { readonly type: "analysisSucceeded"; readonly analysis: NonNullable<SensitivityState["analysis"]> }
  | { readonly type: "analysisFailed"; readonly message: string }
  | { readonly type: "rankStarted" }
  | { readonly type: "rankSucceeded"; readonly correlations: RankCorrelations }
  | { readonly type: "rankFailed"; readonly message: string }
  | WriteAction;

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
      const { analysis: _dropped, ...rest } = state;
      return { ...rest, problem: action.message };
    }
    case "rankStarted":
      return { ...state, rank: { status: "running" } };
    case "rankSucceeded":
      return { ...state, rank: { status: "done", correlations: action.correlations } };
    case "rankFailed":
      return { ...state, rank: { status: "failed", message: action.message } };
    case "writeStarted":
    case "writeSucceeded":
    case "writeFailed":
      return { ...state, write: writeStatusAfter(action) };
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
    { id: "cumulativeNvidiaChina", label: "Cumulative NVIDIA China revenue" },
    { id: "npvNvidiaChina", label: "NPV of NVIDIA China revenue" },
    { id: "revenueAtRiskTotal", label: "Revenue at risk vs no controls" },
  ];
  return [
    ...metrics.map((m) => ({ key: m.id, label: m.label, output: { metric: m.id } })),
    ...Array.from({ length: horizon }, (_, i) => {
      const year = baseYear + i + 1;
      return {
        key: `nvidiaChina ${year}`,
        label: `NVIDIA China revenue in ${year} (FY${year + 1})`,
        output: { series: "nvidiaChina" as const, year },
      };
    }),
  ];
}

/** The rank correlations of a simulation when they were computed against `output`, else undefined. */
export function rankCorrelationsFor(
  correlations: RankCorrelations | undefined,
  output: OutputRef,
): RankCorrelations | undefined {
  return correlations !== undefined && correlations.output === outputLabel(output) ? correlations : undefined;
}

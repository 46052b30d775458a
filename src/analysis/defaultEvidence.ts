/**
 * The presets' default evidence set (DESIGN.md §5.1): reported figures from the dataset as observations, each
 * with its figure id and a stated, reasoned sd (USD bn). The presets share one evidence set because they share
 * the base year 2025 (FY2026) and the facts. Editable in the pane; replaced by `--evidence FILE` on the CLI.
 */
import { observationShape, type EvidenceSet, type Observation } from "./evidence";

/** An observation of the default set: always cited, with why its value and sd are what they are. */
export interface CitedObservation extends Observation {
  readonly figureId: string;
  /** Why this value and sd (one or two sentences). */
  readonly rationale: string;
}

export const DEFAULT_OBSERVATIONS: readonly CitedObservation[] = [
  {
    series: "nvidiaChina",
    period: "FY2026",
    value: 19.677,
    sd: 1,
    figureId: "nvda_china_rev_fy2026_hq",
    rationale:
      "Reported $19,677M (10-K, customer-HQ basis). sd $1B (≈5%): the filing is exact, the gap is definitional — the model's split of the line into channels and its base-year inputs only approximate it.",
  },
  {
    series: "nvidiaChina",
    period: "Q1 FY2027",
    value: 4.55,
    sd: 1.5,
    figureId: "nvda_china_rev_q1fy27",
    rationale:
      "Reported $4,550M (10-Q, customer-HQ basis). The model has no seasonality: a quarter is compared with a quarter of the year's flow. FY2027's two reported quarters differ by $3.3B (4.55 vs 7.88), so sd $1.5B, about half that gap, is one quarter's spread around the year's run-rate.",
  },
  {
    series: "nvidiaChina",
    period: "Q2 FY2027",
    value: 7.88,
    sd: 1.5,
    figureId: "nvda_china_rev_q2fy27_hq",
    rationale:
      "Reported $7,880M (10-Q, customer-HQ basis). sd $1.5B as for Q1: quarter-to-quarter lumpiness, not measurement error.",
  },
  {
    series: "nvidiaDataCenter",
    period: "Q1 FY2027",
    value: 0,
    sd: 0.25,
    figureId: "nvda_hopper_china_ship_q1fy27",
    rationale:
      "10-Q: no Data Center Hopper shipments to China in the quarter, and Blackwell is not licensed for China, so data-center sales into China were about zero. sd $0.25B leaves room for data-center products the sentence does not cover (networking, systems).",
  },
  {
    series: "nvidiaDataCenter",
    period: "Q2 FY2027",
    value: 0.45,
    sd: 0.3,
    figureId: "nvda_hopper_china_ship_share_dc_q2fy27",
    rationale:
      "10-Q: Hopper shipments to China were less than 1% of Data Center revenue ($89.0B), i.e. between 0 and $0.89B — the first licensed H200s. Read as uniform on 0–0.89: mean $0.45B, sd 0.89/√12 ≈ $0.26B, rounded up to $0.3B.",
  },
];

/**
 * The default evidence set of the presets: `DEFAULT_OBSERVATIONS` in the §5.1 shape (without the rationale).
 *
 * @example defaultEvidence().observations[1].period // "Q1 FY2027"
 */
export function defaultEvidence(): EvidenceSet {
  return { observations: observationShape(DEFAULT_OBSERVATIONS) };
}

/**
 * The evidence hook of the Monte Carlo loop (DESIGN.md §5.1): after the kernel has run a trial, its
 * log-likelihood ℓ_i and the index of its largest single term are per-trial values, stored like any output
 * column, so the posterior of a seed does not depend on chunking or worker count.
 */
import type { KernelBuffers } from "../model/kernel";
import { observationTerm, type PlacedObservation } from "./evidence";

/** Observations compiled against one context's kernel buffers. */
export interface TrialEvidence {
  readonly observations: readonly PlacedObservation[];
  /** Per observation: the kernel buffer of its series. */
  readonly sources: readonly Float64Array[];
}

/** Per-trial evidence outputs of a trial range (zero-length arrays when the run has no evidence). */
export interface TrialEvidenceColumns {
  /** ℓ_i per trial. */
  readonly logLikelihood: Float64Array;
  /** Index of the observation with the largest term |−½z²| in each trial. */
  readonly dominant: Uint16Array;
}

/**
 * Compiles observations against kernel buffers; throws on a series the kernel does not compute (a bug:
 * `prepareSimulation` validates the series first).
 */
export function createTrialEvidence(
  observations: readonly PlacedObservation[],
  out: KernelBuffers,
): TrialEvidence {
  const buffers = out as unknown as Readonly<Record<string, Float64Array | undefined>>;
  return {
    observations,
    sources: observations.map((o) => {
      const source = Object.hasOwn(buffers, o.series) ? buffers[o.series] : undefined;
      if (!(source instanceof Float64Array)) throw new Error(`trialEvidence: no kernel series ${o.series}`);
      return source;
    }),
  };
}

/** Allocates the per-trial evidence columns for `count` trials (empty when there is no evidence). */
export function allocateEvidenceColumns(hasEvidence: boolean, count: number): TrialEvidenceColumns {
  const n = hasEvidence ? count : 0;
  return { logLikelihood: new Float64Array(n), dominant: new Uint16Array(n) };
}

/**
 * Stores trial i's ℓ = −½·Σ_j ((v_j − series_t·fraction)/sd_j)², summed in observation order exactly as
 * `logLikelihood` (evidence.ts) does, and its dominant observation (the first with the largest |term|).
 */
export function recordTrialEvidence(e: TrialEvidence, columns: TrialEvidenceColumns, i: number): void {
  const { observations, sources } = e;
  let l = 0;
  let worst = Infinity;
  let dominant = 0;
  for (let j = 0; j < sources.length; j++) {
    const o = observations[j] as PlacedObservation;
    const term = observationTerm(o, (sources[j] as Float64Array)[o.t] as number);
    l += term;
    if (term < worst) {
      worst = term;
      dominant = j;
    }
  }
  columns.logLikelihood[i] = l;
  columns.dominant[i] = dominant;
}

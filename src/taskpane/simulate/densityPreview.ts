/**
 * The small density sketch beside each distribution: the density estimated from the inverse CDF
 * (Δp / Δx between quantiles), so every continuous kind uses the same code path as the sampler itself.
 */
import type { Distribution } from "../../analysis/distributions";
import { inverseCdf } from "../../analysis/distributions";

export type DensityPreview =
  | { readonly kind: "continuous"; readonly points: readonly (readonly [number, number])[] }
  | { readonly kind: "discrete"; readonly bars: readonly (readonly [number, number])[] };

/**
 * Density points of a validated distribution over its central 99% (`steps` intervals), or probability bars
 * for fixed and discrete ones.
 *
 * @example densityPreview({ kind: "uniform", min: 0, max: 4 }).points[0][1] // 0.25
 */
export function densityPreview(d: Distribution, steps = 40): DensityPreview {
  if (d.kind === "fixed") return { kind: "discrete", bars: [[d.value, 1]] };
  if (d.kind === "discrete") {
    const total = d.weights.reduce((s, w) => s + w, 0);
    return { kind: "discrete", bars: d.values.map((v, i) => [v, (d.weights[i] ?? 0) / total] as const) };
  }
  const lo = 0.005;
  const hi = 0.995;
  const xs = Array.from({ length: steps + 1 }, (_, i) => inverseCdf(d, lo + ((hi - lo) * i) / steps));
  const dp = (hi - lo) / steps;
  const points: (readonly [number, number])[] = [];
  for (let i = 0; i < steps; i++) {
    const a = xs[i] as number;
    const b = xs[i + 1] as number;
    const width = b - a;
    points.push([(a + b) / 2, width > 0 ? dp / width : 0]);
  }
  return { kind: "continuous", points };
}

/**
 * The statistics of one per-trial column (10⁶ values) in three linear passes over reused buffers:
 * (1) copy the finite values, sum, min, max; (2) squared deviations (two-pass STDEV.S) fused with bucketing
 * the values into 65,536 equal-width value buckets; (3) gather only the buckets that hold a wanted rank, then
 * quickselect inside them. Every order statistic is exact (bucketing is monotone in the value), so the
 * percentiles equal a full sort's R-7 values (Hyndman & Fan 1996; Excel PERCENTILE.INC).
 */
import { selectInPlace } from "./select";
import type { SampleStats } from "./summarize";

const BUCKETS = 65536;
/** Below this size a plain quickselect on the copy is as fast as bucketing. */
const SMALL = 4096;

/** Buffers reused across columns: allocate one per run, sized for the longest column. */
export class StatsWorkspace {
  values: Float64Array;
  bucketOf: Uint16Array;
  gather: Float64Array;
  readonly counts = new Uint32Array(BUCKETS);
  readonly slotOf = new Int32Array(BUCKETS).fill(-1);

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.bucketOf = new Uint16Array(capacity);
    this.gather = new Float64Array(capacity);
  }

  /** Grows the buffers to hold `n` values. */
  ensure(n: number): void {
    if (this.values.length >= n) return;
    this.values = new Float64Array(n);
    this.bucketOf = new Uint16Array(n);
    this.gather = new Float64Array(n);
  }
}

/**
 * Mean, STDEV.S, min, max, standard error and the R-7 percentiles `ps` (ascending) of the finite values.
 *
 * @param ps probabilities in [0, 1], ascending
 * @returns the statistics; count 0 and NaN everywhere when no value is finite
 * @example columnStats(Float64Array.of(1, 3, 2, 4), new StatsWorkspace(4), [0.5]).percentiles // [2.5]
 */
export function columnStats(
  column: ArrayLike<number>,
  ws: StatsWorkspace,
  ps: readonly number[],
): Omit<SampleStats, "p5" | "p10" | "p25" | "p50" | "p75" | "p90" | "p95"> & { percentiles: number[] } {
  ws.ensure(column.length);
  const a = ws.values;
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (!Number.isFinite(v)) continue;
    a[n++] = v;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) {
    return {
      count: 0,
      mean: NaN,
      sd: NaN,
      min: NaN,
      max: NaN,
      standardError: NaN,
      percentiles: ps.map(() => NaN),
    };
  }
  const mean = sum / n;
  const ranks: number[] = [];
  for (const p of ps) {
    const k = Math.floor((n - 1) * p);
    ranks.push(k, Math.min(k + 1, n - 1));
  }
  let ss: number;
  let order: number[];
  if (n < SMALL || !(max > min)) {
    ss = 0;
    for (let i = 0; i < n; i++) {
      const d = (a[i] as number) - mean;
      ss += d * d;
    }
    order = ranks.map((k) => selectInPlace(a, k, 0, n - 1));
  } else {
    const r = bucketedOrderStatistics(a, n, mean, min, max, ranks, ws);
    ss = r.ss;
    order = r.order;
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const percentiles = ps.map((p, i) => {
    const h = (n - 1) * p;
    const lo = order[2 * i] as number;
    const hi = order[2 * i + 1] as number;
    const frac = h - Math.floor(h);
    return frac === 0 ? lo : lo + frac * (hi - lo);
  });
  return { count: n, mean, sd, min, max, standardError: sd / Math.sqrt(n), percentiles };
}

/** Passes 2 and 3: Σ(v − mean)² fused with bucketing, then selection inside the wanted buckets. */
function bucketedOrderStatistics(
  a: Float64Array,
  n: number,
  mean: number,
  min: number,
  max: number,
  ranks: readonly number[],
  ws: StatsWorkspace,
): { ss: number; order: number[] } {
  const { bucketOf, counts, slotOf, gather } = ws;
  const ss = squaresAndBuckets(a, n, mean, min, BUCKETS / (max - min), bucketOf, counts);
  // Ranks ascend (ps ascend): one walk over the buckets finds each rank's bucket and its first rank.
  const sortedRanks = [...ranks].sort((x, y) => x - y);
  const bucketOfRank = new Map<number, { bucket: number; first: number }>();
  const slotBuckets: number[] = [];
  let bucket = 0;
  let first = 0;
  for (const k of sortedRanks) {
    while (first + (counts[bucket] as number) <= k) {
      first += counts[bucket] as number;
      bucket++;
    }
    bucketOfRank.set(k, { bucket, first });
    if ((slotOf[bucket] as number) < 0) {
      slotOf[bucket] = slotBuckets.length;
      slotBuckets.push(bucket);
    }
  }
  const offsets = new Int32Array(slotBuckets.length + 1);
  slotBuckets.forEach((b, s) => (offsets[s + 1] = (offsets[s] as number) + (counts[b] as number)));
  gatherSlots(a, n, bucketOf, slotOf, offsets.slice(0, slotBuckets.length), gather);
  // Within a bucket, select ascending ranks left to right: each selection leaves larger values to its right.
  const done = new Map<number, number>();
  const lowBound = new Int32Array(slotBuckets.length);
  slotBuckets.forEach((_, s) => (lowBound[s] = offsets[s] as number));
  for (const k of sortedRanks) {
    if (done.has(k)) continue;
    const { bucket: b, first: f } = bucketOfRank.get(k) as { bucket: number; first: number };
    const s = slotOf[b] as number;
    const position = (offsets[s] as number) + (k - f);
    const value = selectInPlace(gather, position, lowBound[s], (offsets[s + 1] as number) - 1);
    lowBound[s] = position;
    done.set(k, value);
  }
  counts.fill(0);
  for (const b of slotBuckets) slotOf[b] = -1;
  return { ss, order: ranks.map((k) => done.get(k) as number) };
}

/**
 * Σ(v − mean)² and each value's bucket (monotone in the value: ⌊(v − min)·scale⌋, the maximum clamped into
 * the last bucket). A separate function so that its loop is optimized on its own type feedback.
 */
function squaresAndBuckets(
  a: Float64Array,
  n: number,
  mean: number,
  min: number,
  scale: number,
  bucketOf: Uint16Array,
  counts: Uint32Array,
): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    const d = v - mean;
    ss += d * d;
    const x = (v - min) * scale;
    const b = x >= BUCKETS ? BUCKETS - 1 : x | 0;
    bucketOf[i] = b;
    counts[b] = (counts[b] as number) + 1;
  }
  return ss;
}

/** Copies the values whose bucket has a slot into that slot's range of `gather` (`fill` = next free index). */
function gatherSlots(
  a: Float64Array,
  n: number,
  bucketOf: Uint16Array,
  slotOf: Int32Array,
  fill: Int32Array,
  gather: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const s = slotOf[bucketOf[i] as number] as number;
    if (s < 0) continue;
    gather[fill[s] as number] = a[i] as number;
    fill[s] = (fill[s] as number) + 1;
  }
}

/**
 * Exact column statistics without keeping the columns (issue 13): a run's per-trial values reach these
 * accumulators one block of BLOCK trials at a time and are then dropped, so 10⁶ trials × 41 columns need tens of
 * megabytes instead of hundreds (and on this kind of machine every fresh megabyte costs milliseconds to touch).
 *
 * - **Mean and STDEV.S:** each block's count, Σ(v − K) and Σ(v − K)² about a fixed shift K per column (near
 *   the pilot's median, so the sums lose nothing to cancellation: the "shifted data" algorithm), added block after
 *   block in trial order. Blocks are fixed by the trial index (block b = trials [b·BLOCK, (b+1)·BLOCK)) and a
 *   worker's range starts on a block boundary, so the additions are the same whatever the number of workers:
 *   results are bit-identical.
 * - **Min and max:** exact, order-free.
 * - **R-7 percentiles (Excel PERCENTILE.INC):** a pilot (the run's first PILOT_TRIALS trials: the first
 *   range's own trials, and the same numbers in every other worker) estimates each percentile from a histogram;
 *   around each estimate a *window* [lo, hi] wide
 *   enough to hold the true order statistic with overwhelming probability (±5.5 binomial standard errors of
 *   the pilot) keeps its values, while values between windows are only counted. Values exactly equal to a
 *   window's lo or hi are counted too (a column with an atom, e.g. revenue 0 under a ban, stores nothing for
 *   it). The wanted order statistics are then selected exactly inside their window. If one ever falls
 *   outside every window (the pilot was unrepresentative), `finalizeColumn` says so and the caller recomputes
 *   that column in full: never an approximate result.
 */
import { minInRange, selectInPlace } from "./select";
import type { SampleStats } from "./summarize";

/** The reported percentiles, in order. */
export const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** Trials per block (mean/variance partials, staging); worker ranges start at multiples of it. */
export const BLOCK = 1024;
/** Values per chunk of a column's kept values (256 KB). */
const KEPT_CHUNK = 32_768;

/** Trials of the pilot that places the percentile windows (the first ones of the run). */
export const PILOT_TRIALS = 65_536;
/** Default half-width of a window, in binomial standard errors of the pilot's quantile estimate. */
export const WINDOW_SIGMAS = 5.5;

/**
 * The windows of one column: disjoint, ascending closed intervals [lo[w], hi[w]] (±∞ allowed), and the shift
 * K about which sums are taken (near the pilot's median: Σ(v − K)² then loses no precision to cancellation).
 */
export interface ColumnWindows {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly shift: number;
  /** The pilot's range [from, to]: the lookup cells that place a value span it (none when from = to). */
  readonly from: number;
  readonly to: number;
}

/** Equal-width cells over the pilot's range; each says which region its values fall in (see `addBlock`). */
export const CELLS = 16384;

/** One window that keeps every finite value: what a run without a pilot (or a recomputed column) uses. */
export const KEEP_ALL: ColumnWindows = {
  lo: Float64Array.of(-Infinity),
  hi: Float64Array.of(Infinity),
  shift: 0,
  from: 0,
  to: 0,
};

/**
 * A column's accumulated state over a contiguous trial range: plain arrays and numbers (posted between workers,
 * the typed arrays transferred).
 */
export interface ColumnPart {
  /** The windows the values were placed by, and the shift K of the sums. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly shift: number;
  /** Per block, in trial order: count, Σ(v − K), Σ(v − K)². */
  readonly blocks: Float64Array;
  readonly min: number;
  readonly max: number;
  /**
   * Finite values per region code: 2g + 2 for gap g (below window 0, between windows g−1 and g, …, above the
   * last window), 2w + 3 for strictly inside window w.
   */
  readonly counts: Float64Array;
  /** Per window: values equal to its lo (all of them, when lo = hi) and values equal to its hi. */
  readonly atLo: Float64Array;
  readonly atHi: Float64Array;
  /** The values strictly inside any window, in trial order, in chunks of at most KEPT_CHUNK. */
  readonly kept: readonly Float64Array[];
}

/** Per-column state while trials run. */
export class ColumnAccumulator {
  private blocks: Float64Array;
  private nBlocks = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly counts: Float64Array;
  private readonly atLo: Float64Array;
  private readonly atHi: Float64Array;
  /** Full chunks of kept values, the chunk being filled, and its fill. */
  private readonly chunks: Float64Array[] = [];
  private kept: Float64Array;
  private size = 0;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly shift: number;
  /** value → cell: ⌊(v − cellBase)·cellScale⌋ clamped; cell → region code, 0 = compare (see `regionTable`). */
  private readonly cellBase: number;
  private readonly cellScale: number;
  private readonly cellLast: number;
  private readonly cells: Int8Array;

  /**
   * @param windows where values are kept
   * @param expected values expected inside the windows (pre-sizes the buffer; it grows if needed)
   * @param blockCount blocks this range will have
   */
  constructor(windows: ColumnWindows, expected: number, blockCount: number) {
    const w = windows.lo.length;
    // Own copies: a part's arrays may be transferred to another worker, and KEEP_ALL is shared.
    this.lo = windows.lo.slice();
    this.hi = windows.hi.slice();
    this.shift = windows.shift;
    const table = regionTable(windows);
    this.cellBase = table.base;
    this.cellScale = table.scale;
    this.cellLast = table.cells.length - 1;
    this.cells = table.cells;
    this.blocks = new Float64Array(3 * Math.max(1, blockCount));
    this.counts = new Float64Array(2 * w + 3);
    this.atLo = new Float64Array(w);
    this.atHi = new Float64Array(w);
    // Chunks, not one buffer sized up front: memory is allocated (and first touched) as values arrive.
    this.kept = new Float64Array(Math.min(KEPT_CHUNK, Math.max(BLOCK, Math.ceil(expected))));
  }

  /**
   * Adds values[from .. from + length) (one block, trial order; non-finite values are skipped) in one pass:
   * the block's count, Σ(v − K) and Σ(v − K)² about the column's shift K, min, max, and each value's region.
   * The region comes from a lookup cell, without comparisons (only values in a cell that holds a window's end
   * are compared); every value is written to `kept` and the write is kept only inside a window, so the loop
   * has no branch that depends on where the value falls. `block` is the block's index in the range (blocks
   * may arrive out of order: their sums are added in index order); by default the next one.
   */
  addBlock(values: Float64Array, from: number, length: number, block: number = this.nBlocks): void {
    if (this.size + length > this.kept.length) {
      this.chunks.push(this.kept.subarray(0, this.size));
      this.kept = new Float64Array(Math.max(KEPT_CHUNK, length));
      this.size = 0;
    }
    const { counts, kept, shift, cells, cellBase, cellScale, cellLast, lo, hi, atLo, atHi } = this;
    const windows = lo.length;
    let size = this.size;
    let n = 0;
    let s1 = 0;
    let s2 = 0;
    let min = this.min;
    let max = this.max;
    const end = from + length;
    for (let i = from; i < end; i++) {
      const v = values[i] as number;
      if (v - v !== 0) continue; // NaN or ±∞
      n++;
      const d = v - shift;
      s1 += d;
      s2 += d * d;
      if (v < min) min = v;
      if (v > max) max = v;
      const x = (v - cellBase) * cellScale;
      const code = cells[x <= 0 ? 0 : x >= cellLast ? cellLast : x | 0] as number;
      if (code === 0) {
        // A cell holding a window's end (or a value outside the pilot's range): compare with the ends.
        let w = 0;
        while (w < windows && v > (hi[w] as number)) w++;
        if (w === windows || v < (lo[w] as number)) counts[2 * w + 2] = (counts[2 * w + 2] as number) + 1;
        else if (v === lo[w]) atLo[w] = (atLo[w] as number) + 1;
        else if (v === hi[w]) atHi[w] = (atHi[w] as number) + 1;
        else {
          counts[2 * w + 3] = (counts[2 * w + 3] as number) + 1;
          kept[size++] = v;
        }
        continue;
      }
      counts[code] = (counts[code] as number) + 1;
      kept[size] = v;
      size += code & 1;
    }
    this.size = size;
    this.min = min;
    this.max = max;
    if (3 * block + 3 > this.blocks.length) this.blocks = grown(this.blocks, 3 * block + 3);
    this.nBlocks = Math.max(this.nBlocks, block + 1);
    const at = 3 * block;
    this.blocks[at] = n;
    this.blocks[at + 1] = s1;
    this.blocks[at + 2] = s2;
  }

  /** The accumulated state (views of the filled chunks; the accumulator must not be used after). */
  part(): ColumnPart {
    return {
      lo: this.lo,
      hi: this.hi,
      shift: this.shift,
      blocks: this.blocks.subarray(0, 3 * this.nBlocks),
      min: this.min,
      max: this.max,
      counts: this.counts,
      atLo: this.atLo,
      atHi: this.atHi,
      kept: [...this.chunks, this.kept.subarray(0, this.size)],
    };
  }
}

/**
 * The lookup of `addBlock`: CELLS equal-width cells over the pilot's range, each coded 2g + 2 for "inside gap
 * g", 2w + 3 for "strictly inside window w", or 0 for "compare": a cell holding a window's lo or hi, its
 * neighbours (so a value rounded into the next cell is still compared), and the two end cells, which also take
 * every value outside the pilot's range. Windows that keep everything need no comparison at all.
 */
function regionTable(windows: ColumnWindows): { base: number; scale: number; cells: Int8Array } {
  const { lo, hi, from, to } = windows;
  if (lo.length === 1 && lo[0] === -Infinity && hi[0] === Infinity) {
    return { base: 0, scale: 0, cells: Int8Array.of(3) };
  }
  if (!(to > from) || lo.length > 60) return { base: 0, scale: 0, cells: Int8Array.of(0) };
  const width = (to - from) / CELLS;
  const cells = new Int8Array(CELLS);
  const cellOf = (v: number): number => Math.min(CELLS - 1, Math.max(0, Math.floor((v - from) / width)));
  // Gap g up to window g's first cell, window g up to its last cell, …, then the last gap.
  let next = 0;
  for (let w = 0; w < lo.length; w++) {
    const first = Number.isFinite(lo[w]) ? cellOf(lo[w] as number) : 0;
    const last = Number.isFinite(hi[w]) ? cellOf(hi[w] as number) : CELLS - 1;
    cells.fill(2 * w + 2, next, first);
    cells.fill(2 * w + 3, Math.max(next, first), last + 1);
    next = Math.max(next, last + 1);
  }
  cells.fill(2 * lo.length + 2, next);
  // Cells holding a window's end compare exactly, and so do their neighbours (a value rounded into one).
  for (const edges of [lo, hi]) {
    for (const e of edges) {
      if (!Number.isFinite(e)) continue;
      const c = cellOf(e);
      cells.fill(0, Math.max(0, c - 1), Math.min(CELLS, c + 2));
    }
  }
  cells[0] = 0;
  cells[CELLS - 1] = 0;
  return { base: from, scale: 1 / width, cells };
}

function grown(a: Float64Array, atLeast: number): Float64Array {
  const b = new Float64Array(Math.max(atLeast, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

/**
 * Windows around the pilot's estimates of the percentiles `ps` (ascending), merged where they overlap, and the
 * sum shift K (the middle of the pilot's median cell), from the pilot's finite values. The estimates come from
 * a histogram of CELLS equal-width cells over the pilot's range (two passes, no sort), and window ends fall on
 * cell edges. With `keepAll` (the pilot is every trial, or a few trials that only place K) or no finite value,
 * one window keeps everything; a constant pilot gives the window [v, v], whose values are counted, not kept.
 *
 * @param sigmas half-width in binomial standard errors of a quantile estimated from the pilot
 * @param below a reusable buffer of CELLS + 1 counts
 * @returns the windows and the share of the pilot inside them (to pre-size buffers)
 */
export function windowsFromPilot(
  pilot: Float64Array,
  ps: readonly number[],
  keepAll: boolean,
  sigmas: number = WINDOW_SIGMAS,
  below: Uint32Array = new Uint32Array(CELLS + 1),
): { windows: ColumnWindows; mass: number } {
  let n = 0;
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < pilot.length; i++) {
    const v = pilot[i] as number;
    if (v - v !== 0) continue; // NaN or ±∞
    n++;
    if (v < from) from = v;
    if (v > to) to = v;
  }
  if (n === 0) return { windows: KEEP_ALL, mass: 1 };
  if (!(to > from)) {
    const at = Float64Array.of(from);
    return {
      windows: keepAll ? { ...KEEP_ALL, shift: from } : { lo: at, hi: at, shift: from, from, to },
      mass: keepAll ? 1 : 0,
    };
  }
  const width = (to - from) / CELLS;
  const scale = CELLS / (to - from);
  below.fill(0); // below[c] = pilot values in cells < c
  for (let i = 0; i < pilot.length; i++) {
    const v = pilot[i] as number;
    if (v - v !== 0) continue;
    const c = Math.min(CELLS - 1, Math.floor((v - from) * scale));
    below[c + 1] = (below[c + 1] as number) + 1;
  }
  for (let c = 0; c < CELLS; c++) below[c + 1] = (below[c + 1] as number) + (below[c] as number);
  /** The cell holding the pilot value of rank ⌊q·(n − 1)⌋. */
  const cellOf = (q: number): number => {
    const rank = Math.floor(q * (n - 1));
    let lo = 0;
    let hi = CELLS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((below[mid + 1] as number) > rank) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const shift = from + (cellOf(0.5) + 0.5) * width;
  if (keepAll) return { windows: { ...KEEP_ALL, shift }, mass: 1 };
  const intervals: [number, number, number, number][] = []; // lo, hi, first cell, last cell
  for (const p of ps) {
    const margin = sigmas * Math.sqrt((p * (1 - p)) / n) + 2 / n;
    const a = p - margin;
    const b = p + margin;
    const first = a <= 0 ? 0 : cellOf(a);
    const last = b >= 1 ? CELLS - 1 : cellOf(b);
    const lo = a <= 0 ? -Infinity : from + first * width;
    const hi = b >= 1 ? Infinity : from + (last + 1) * width;
    const prev = intervals[intervals.length - 1];
    if (prev !== undefined && lo <= prev[1]) {
      prev[1] = Math.max(prev[1], hi);
      prev[3] = Math.max(prev[3], last);
    } else intervals.push([lo, hi, first, last]);
  }
  return {
    windows: {
      lo: Float64Array.from(intervals, (w) => w[0]),
      hi: Float64Array.from(intervals, (w) => w[1]),
      shift,
      from,
      to,
    },
    mass: intervals.reduce((m, w) => m + ((below[w[3] + 1] as number) - (below[w[2]] as number)) / n, 0),
  };
}

/** What `finalizeColumn` returns: the statistics, or that a wanted order statistic fell outside every window. */
export type ColumnOutcome =
  { readonly kind: "stats"; readonly stats: SampleStats } | { readonly kind: "missed" };

/** The statistics of a column without a finite value. */
export const EMPTY_STATS: SampleStats = {
  count: 0,
  mean: NaN,
  sd: NaN,
  min: NaN,
  max: NaN,
  p5: NaN,
  p10: NaN,
  p25: NaN,
  p50: NaN,
  p75: NaN,
  p90: NaN,
  p95: NaN,
  standardError: NaN,
};

/**
 * The statistics of a column from its parts (contiguous ranges in trial order, same windows): count, mean and
 * STDEV.S merged block by block, min, max, and the R-7 percentiles P5…P95 selected exactly in the windows.
 *
 * @param scratch reused buffer for a window's values (grown when needed)
 */
export function finalizeColumn(
  parts: readonly ColumnPart[],
  ps: readonly number[],
  scratch: { buffer: Float64Array },
): ColumnOutcome {
  // Block sums added in trial order: the same operations whatever the split into parts.
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const part of parts) {
    const b = part.blocks;
    for (let at = 0; at < b.length; at += 3) {
      n += b[at] as number;
      s1 += b[at + 1] as number;
      s2 += b[at + 2] as number;
    }
    if (part.min < min) min = part.min;
    if (part.max > max) max = part.max;
  }
  if (n === 0) return { kind: "stats", stats: EMPTY_STATS };
  const shift = (parts[0] as ColumnPart).shift;
  const mean = shift + s1 / n;
  // Σ(v − mean)² = Σ(v − K)² − (Σ(v − K))²/n, ≥ 0 up to rounding.
  const m2 = Math.max(0, s2 - (s1 * s1) / n);
  // Regions in ascending order: gap 0, window 0 (at lo, inner, at hi), gap 1, window 1, …, gap W.
  const first = parts[0] as ColumnPart;
  const windows = first.atLo.length;
  const counts = new Float64Array(2 * windows + 3);
  const atLo = new Float64Array(windows);
  const atHi = new Float64Array(windows);
  for (const part of parts) {
    for (let c = 0; c < counts.length; c++) counts[c] = (counts[c] as number) + (part.counts[c] as number);
    for (let w = 0; w < windows; w++) {
      atLo[w] = (atLo[w] as number) + (part.atLo[w] as number);
      atHi[w] = (atHi[w] as number) + (part.atHi[w] as number);
    }
  }
  const ranks = new Set<number>();
  for (const p of ps) {
    const k = Math.floor((n - 1) * p);
    ranks.add(k);
    ranks.add(Math.min(k + 1, n - 1));
  }
  const sortedRanks = [...ranks].sort((a, b) => a - b);
  const value = new Map<number, number>();
  let offsets: Int32Array | null = null;
  const lowBound = new Float64Array(windows).fill(-1);
  /** Per window: whether the last rank placed there was selected (so the values right of it are ≥ it). */
  const selected = new Uint8Array(windows);
  let before = 0;
  let r = 0;
  for (let w = 0; w <= windows && r < sortedRanks.length; w++) {
    before += counts[2 * w + 2] as number;
    if ((sortedRanks[r] as number) < before) return { kind: "missed" };
    if (w === windows) break;
    const afterLo = before + (atLo[w] as number);
    const inner = counts[2 * w + 3] as number;
    const afterInner = afterLo + inner;
    const end = afterInner + (atHi[w] as number);
    while (r < sortedRanks.length && (sortedRanks[r] as number) < end) {
      const k = sortedRanks[r++] as number;
      if (k < afterLo) value.set(k, first.lo[w] as number);
      else if (k >= afterInner) value.set(k, first.hi[w] as number);
      else {
        offsets ??= sortByWindow(parts, counts, scratch);
        // Ascending ranks in one window: each selection leaves the larger values to its right.
        const start = offsets[w] as number;
        const position = start + (k - afterLo);
        const previous = lowBound[w] as number;
        const last = start + inner - 1;
        if (selected[w] === 1 && position === previous + 1) {
          // Right after a selected rank everything is ≥ it: the next rank is the minimum there (one pass).
          value.set(k, minInRange(scratch.buffer, position, last));
          selected[w] = 0;
        } else {
          value.set(k, selectInPlace(scratch.buffer, position, previous < 0 ? start : previous, last));
          selected[w] = 1;
        }
        lowBound[w] = position;
      }
    }
    before = end;
  }
  if (r < sortedRanks.length) return { kind: "missed" };
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const q = ps.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const a = value.get(k) as number;
    const b = value.get(Math.min(k + 1, n - 1)) as number;
    const frac = h - k;
    return frac === 0 ? a : a + frac * (b - a);
  });
  return {
    kind: "stats",
    stats: {
      count: n,
      mean,
      sd,
      min,
      max,
      p5: q[0] as number,
      p10: q[1] as number,
      p25: q[2] as number,
      p50: q[3] as number,
      p75: q[4] as number,
      p90: q[5] as number,
      p95: q[6] as number,
      standardError: sd / Math.sqrt(n),
    },
  };
}

/**
 * Copies every part's kept values into scratch.buffer grouped by window (window w at offsets[w] ..), and
 * returns the offsets.
 */
function sortByWindow(
  parts: readonly ColumnPart[],
  counts: Float64Array,
  scratch: { buffer: Float64Array },
): Int32Array {
  const windows = (counts.length - 3) / 2;
  const offsets = new Int32Array(windows + 1);
  for (let w = 0; w < windows; w++) offsets[w + 1] = (offsets[w] as number) + (counts[2 * w + 3] as number);
  const total = offsets[windows] as number;
  if (scratch.buffer.length < total) scratch.buffer = new Float64Array(total);
  const buffer = scratch.buffer;
  const fill = offsets.slice(0, windows);
  const hi = (parts[0] as ColumnPart).hi;
  for (const part of parts) {
    for (const kept of part.kept) {
      for (let i = 0; i < kept.length; i++) {
        const v = kept[i] as number;
        let w = 0;
        while (w < windows - 1 && v > (hi[w] as number)) w++;
        buffer[fill[w] as number] = v;
        fill[w] = (fill[w] as number) + 1;
      }
    }
  }
  return offsets;
}

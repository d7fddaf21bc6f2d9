/**
 * Implementations of median and quantile with NumPy's definitions (which
 * pandas uses): for n sorted values and quantile q the virtual index is
 * h = (n − 1)·q, and
 * - linear: x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (NumPy's `_lerp`),
 * - lower: x[⌊h⌋], higher: x[⌈h⌉],
 * - midpoint: (x[⌊h⌋] + x[⌈h⌉]) / 2, or x[h] when h is whole,
 * - nearest: x[round(h)], halves to even (NumPy's `around`).
 * pandas passes q·100 to `np.percentile`, which divides by 100 again; q is
 * rounded the same way here so that boundary cases agree.
 *
 * The valid, non-NaN values are copied once into a Float64Array (int64
 * beyond 2^53 is rounded, as pandas converts to float64), then the order
 * statistics the quantiles read are placed by selection (O(n) for one,
 * each further one only in its part); many quantiles sort the copy once
 * instead.
 * @internal
 */
import type { Column } from "../column.js";
import { f64Blocks } from "./reduce-loops.js";
import { hasNaN } from "./reduce-minmax.js";

export type Interpolation = "linear" | "lower" | "higher" | "midpoint" | "nearest";
export const INTERPOLATIONS: readonly Interpolation[] = ["linear", "lower", "higher", "midpoint", "nearest"];

/** Copy the valid, non-NaN values into a new Float64Array. */
function validValues(col: Column): Float64Array {
  const out = new Float64Array(col.length - col.nullCount);
  let n = 0;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    for (let i = s; i < e; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const x = a[i] as number;
      if (!Number.isNaN(x)) out[n++] = x;
    }
  });
  return n === out.length ? out : out.subarray(0, n);
}

/**
 * Rearrange a[lo..hi] so that a[k] holds the value of rank k there,
 * smaller values before it and larger after. Floyd and Rivest's SELECT
 * (CACM 18(3), 1975): on a large range, first select k within a small
 * sample range around it, so that the pivot a[k] lands close to the final
 * rank and each partition discards most of the range; about n + min(k,
 * n − k) comparisons instead of quickselect's 2–3n. A range that does not
 * shrink fast enough is sorted instead.
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const size = hi - lo + 1;
    if (size > 600) {
      // a sample range of about size^(2/3) elements placed around k
      const rank = k - lo + 1;
      const z = Math.log(size);
      const sample = 0.5 * Math.exp((2 * z) / 3);
      const spread = 0.5 * Math.sqrt((z * sample * (size - sample)) / size) * Math.sign(rank - size / 2);
      const from = Math.max(lo, Math.floor(k - (rank * sample) / size + spread));
      const to = Math.min(hi, Math.floor(k + ((size - rank) * sample) / size + spread));
      select(a, k, from, to);
    }
    // partition a[lo..hi] around t = a[k]
    const t = a[k] as number;
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if ((a[hi] as number) > t) swap(a, hi, lo);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[lo] === t) swap(a, lo, j);
    else {
      j++;
      swap(a, j, hi);
    }
    // a[j] === t is in place: everything left of it <= t, right of it >= t
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

/**
 * Put every rank of `ranks[from..to)` (ascending, distinct, within
 * [lo, hi]) in place: the middle one over [lo, hi] first, then the others
 * only in the part on their side of it, so that k ranks cost about
 * n·log k instead of k·n.
 */
function selectRanks(
  a: Float64Array,
  ranks: number[],
  from: number,
  to: number,
  lo: number,
  hi: number,
): void {
  if (from >= to) return;
  const mid = (from + to) >>> 1;
  const r = ranks[mid] as number;
  select(a, r, lo, hi);
  selectRanks(a, ranks, from, mid, lo, r - 1);
  selectRanks(a, ranks, mid + 1, to, r + 1, hi);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * The (k+1)-th smallest, given that a[k] and every rank in `placed` are in
 * place: the minimum of a[k+1..b], where b is the next placed rank (all
 * values between two placed ranks lie between their values).
 */
function next(a: Float64Array, k: number, placed: readonly number[]): number {
  let b = a.length - 1;
  for (const r of placed) if (r > k && r < b) b = r;
  let m = a[k + 1] as number;
  for (let i = k + 2; i <= b; i++) if ((a[i] as number) < m) m = a[i] as number;
  return m;
}

/** NumPy's `_lerp`: a + (b − a)·t, computed from b when t >= 0.5 for monotonicity. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Round half to even, as NumPy's `around`. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The virtual index h = (n − 1)·q and the rank that `how` reads first. */
function rankOf(n: number, q: number, how: Interpolation): { h: number; rank: number } {
  const h = (n - 1) * ((q * 100) / 100);
  const rank =
    how === "higher" ? Math.min(Math.ceil(h), n - 1) : how === "nearest" ? roundHalfEven(h) : Math.floor(h);
  return { h, rank };
}

/** Quantile q of `a`, whose ranks in `placed` (those of every requested q) are in place; null: `a` is sorted. */
function quantileOf(
  a: Float64Array,
  q: number,
  how: Interpolation,
  placed: readonly number[] | null,
): number {
  const { h, rank } = rankOf(a.length, q, how);
  const x = a[rank] as number;
  if (how !== "linear" && how !== "midpoint") return x;
  const g = h - rank;
  if (g === 0 || rank + 1 >= a.length) return x;
  return lerp(
    x,
    placed === null ? (a[rank + 1] as number) : next(a, rank, placed),
    how === "midpoint" ? 0.5 : g,
  );
}

/**
 * quantile(): one number per q, null when there is no valid value. `qs` are
 * already checked to lie in [0, 1].
 */
export function quantileImpl(col: Column, qs: readonly number[], how: Interpolation): (number | null)[] {
  return quantilesOfValues(validValues(col), qs, how);
}

/** The quantiles of `a` (valid, non-NaN values; rearranged in place). @internal */
export function quantilesOfValues(
  a: Float64Array,
  qs: readonly number[],
  how: Interpolation,
): (number | null)[] {
  const n = a.length;
  if (n === 0) return qs.map(() => null);
  const ranks = [...new Set(qs.map((q) => rankOf(n, q, how).rank))].sort((x, y) => x - y);
  // many quantiles: one sort; a few: selection of just their ranks
  if (ranks.length > 4) {
    a.sort();
    return qs.map((q) => quantileOf(a, q, how, null));
  }
  selectRanks(a, ranks, 0, ranks.length, 0, n - 1);
  return qs.map((q) => quantileOf(a, q, how, ranks));
}

/**
 * median(): as NumPy's median the mean of the two middle values for even
 * counts (`(a + b) / 2`); other interpolations as quantile(0.5).
 */
export function medianImpl(col: Column, skipna: boolean, how: Interpolation): number | null {
  if (!skipna) {
    if (col.nullCount > 0) return null;
    if (hasNaN(col)) return Number.NaN;
  }
  const a = validValues(col);
  const n = a.length;
  if (n === 0) return null;
  if (how !== "linear") {
    const { rank } = rankOf(n, 0.5, how);
    select(a, rank, 0, n - 1);
    return quantileOf(a, 0.5, how, [rank]);
  }
  const mid = n >>> 1;
  select(a, mid, 0, n - 1);
  const x = a[mid] as number;
  if (n % 2 === 1) return x;
  // a[mid] is in place: the largest value before it is the other middle value.
  let y = a[0] as number;
  for (let i = 1; i < mid; i++) if ((a[i] as number) > y) y = a[i] as number;
  return (y + x) / 2;
}

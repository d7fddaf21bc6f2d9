/**
 * `rank`: the rank of every element among the column's values, with the
 * tie methods and null options of pandas' `Series.rank`.
 */

import { maybeBoolean, maybeKeyword } from "../../util/is.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type DType, type Float64, float64 } from "../dtype.js";
import { extractKeys } from "./sort-keys.js";
import { radixSort } from "./sort-radix.js";

/** How `rank` treats ties. */
export type RankMethod = "average" | "min" | "max" | "dense" | "first";

/** Options of `rank`. */
export interface RankOptions {
  /** Tie method (default "average"). */
  method?: RankMethod;
  /** Rank from the largest value (default false). */
  descending?: boolean;
  /**
   * Nulls and NaN: "keep" gives them a null rank (default), "top" the
   * lowest ranks, "bottom" the highest, whatever the direction.
   */
  nullsPosition?: "keep" | "top" | "bottom";
  /** Divide by the number of ranked values (dense: by the largest dense rank). */
  pct?: boolean;
}

const METHODS: readonly RankMethod[] = ["average", "min", "max", "dense", "first"];
const NULL_OPTIONS = ["keep", "top", "bottom"] as const;

/**
 * Rank the elements of a column, 1 for the smallest (pandas' `Series.rank`).
 *
 * Ties: "average" gives each tied element the mean of their ranks, "min"
 * and "max" the lowest and highest, "first" ranks them in order of
 * appearance, "dense" like "min" with ranks rising by 1 between distinct
 * values. NaN counts as missing, as in pandas. Missing elements get a null
 * rank with `nullsPosition: "keep"`, else they form one tied group ranked
 * lowest ("top") or highest ("bottom"). With `pct`, ranks are divided by
 * the number of ranked elements (the non-missing ones for "keep", all for
 * "top"/"bottom"), or for "dense" by the largest dense rank, as pandas.
 * Values compare as in `argsort` (strings by code point, dictionaries by
 * category position, int64 exactly). The result is a new float64 column; a
 * multi-chunk input is combined once. Cost: one radix sort.
 *
 * @param col - the column to rank
 * @param options - `method`, `descending`, `nullsPosition`, `pct`
 * @returns float64 ranks, one per element
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { rank } from "ndframe/compute";
 * const legs = column([4, 2, 4, 8, NaN]);
 * rank(legs).toArray(); // => [2.5, 1, 2.5, 4, null]
 * rank(legs, { method: "max" }).toArray(); // => [3, 1, 3, 4, null]
 * rank(legs, { nullsPosition: "bottom" }).toArray(); // => [2.5, 1, 2.5, 4, 5]
 * rank(legs, { pct: true }).toArray(); // => [0.625, 0.25, 0.625, 1, null]
 * ```
 */
export function rank(col: Column<DType>, options?: RankOptions): Column<Float64> {
  const method = maybeKeyword("method", options?.method, METHODS, "average");
  const desc = maybeBoolean("descending", options?.descending, false);
  const nulls = maybeKeyword("nullsPosition", options?.nullsPosition, NULL_OPTIONS, "keep");
  const pct = maybeBoolean("pct", options?.pct, false);
  const c = col.combine();
  const n = c.length;
  const ex = extractKeys(c, null, desc ? -1 : 0);
  const m = ex.m;
  const sorted = radixSort({ idx: ex.idx.subarray(0, m), lo: ex.lo, hi: ex.hi }, ex.range, true);
  const out = new Float64Array(n);
  const missing = ex.idx.subarray(m);
  const mc = n - m;
  // ranks of the keyed values start after the missing group when it is on top
  const base = nulls === "top" ? mc : 0;
  const denseBase = nulls === "top" && mc > 0 ? 1 : 0;
  const groups = rankSorted(sorted.idx, sorted.lo, sorted.hi, method, base, denseBase, out);
  let validity: Uint8Array | null = null;
  let distinct = groups + denseBase;
  if (mc > 0) {
    if (nulls === "keep") {
      validity = new Uint8Array(((n + 63) >>> 6) << 3).fill(0xff);
      for (let j = 0; j < mc; j++) {
        const p = missing[j] as number;
        validity[p >>> 3] = (validity[p >>> 3] as number) & ~(1 << (p & 7));
        out[p] = 0;
      }
    } else {
      const start = nulls === "top" ? 0 : m;
      const dense = nulls === "top" ? 1 : groups + 1;
      if (nulls === "bottom") distinct++;
      rankGroup(missing, 0, mc, start, method, dense, out);
    }
  }
  if (pct) {
    const d = method === "dense" ? distinct : nulls === "keep" ? m : n;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) / d;
  }
  return Column.fromChunk(makeChunk({ dtype: float64, length: n, values: out, validity }));
}

/**
 * Write the ranks of the sorted keyed rows into `out`; returns the number
 * of distinct values. Ties are runs of equal key words.
 */
function rankSorted(
  idx: Int32Array,
  lo: Uint32Array,
  hi: Uint32Array | null,
  method: RankMethod,
  base: number,
  denseBase: number,
  out: Float64Array,
): number {
  const m = idx.length;
  let groups = 0;
  let a = 0;
  while (a < m) {
    const l = lo[a] as number;
    const h = hi === null ? 0 : (hi[a] as number);
    let b = a + 1;
    while (b < m && lo[b] === l && (hi === null || hi[b] === h)) b++;
    groups++;
    rankGroup(idx, a, b, base + a, method, denseBase + groups, out);
    a = b;
  }
  return groups;
}

/** Rank the tied rows `rows[a..b)`, which occupy 0-based sorted positions `start..`. */
function rankGroup(
  rows: Int32Array,
  a: number,
  b: number,
  start: number,
  method: RankMethod,
  dense: number,
  out: Float64Array,
): void {
  const size = b - a;
  let r: number;
  switch (method) {
    case "first":
      for (let j = a; j < b; j++) out[rows[j] as number] = start + (j - a) + 1;
      return;
    case "average":
      r = start + (size + 1) / 2;
      break;
    case "min":
      r = start + 1;
      break;
    case "max":
      r = start + size;
      break;
    case "dense":
      r = dense;
      break;
  }
  for (let j = a; j < b; j++) out[rows[j] as number] = r;
}

/**
 * unique, nunique, valueCounts and mode: counting over `factorize` codes.
 */

import { maybeBoolean } from "../../util/is.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Dictionary, type DType, type Float64, float64, type Int64, int64 } from "../dtype.js";
import { words } from "../int64.js";
import { categoryCounts, categoryValues, unifyDictionaries } from "./categorical.js";
import { checkColumn, type Factorized, factorizeShared } from "./factorize.js";
import { gatherRows, sortOrder } from "./factorize-support.js";

/**
 * Return the distinct values of a column in order of first appearance, as
 * pandas' `Series.unique`.
 *
 * A null is included once (where it first appears); NaN is one value and
 * -0 equals 0. The result is a new column of the same dtype (a dictionary
 * column stays a dictionary). Cost: one factorize (cached per column).
 *
 * @param col - the values
 * @returns the distinct values
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { unique } from "ndframe/compute";
 * unique(column([2, 1, 3, 3])).toArray(); // => [2, 1, 3]
 * unique(column(["b", null, "a", "b", null])).toArray(); // => ["b", null, "a"]
 * ```
 */
export function unique<T extends DType>(col: Column<T>): Column<T> {
  checkColumn("unique", col);
  return factorizeShared(col, "code", false).uniques as Column<T>;
}

/**
 * Count the distinct values of a column, as pandas' `Series.nunique`.
 *
 * Nulls are not counted unless `dropna` is false (then all nulls count as
 * one value). NaN counts as a value. Cost: one factorize (cached).
 *
 * @param col - the values
 * @param options - `dropna` (default true)
 * @returns the number of distinct values
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { nunique } from "ndframe/compute";
 * nunique(column([4, 5, 4, null])); // => 2
 * nunique(column([4, 5, 4, null]), { dropna: false }); // => 3
 * ```
 */
export function nunique(col: Column, options?: { dropna?: boolean }): number {
  checkColumn("nunique", col);
  const dropna = maybeBoolean("dropna", options?.dropna, true);
  return factorizeShared(col, dropna ? "exclude" : "code", false).uniques.length;
}

/** Options of `valueCounts`. */
export interface ValueCountsOptions {
  /** Order by count (default true); false keeps the order of first appearance. */
  sort?: boolean;
  /** With `sort`, smallest counts first (default false). */
  ascending?: boolean;
  /** Return proportions (float64) instead of counts (default false). */
  normalize?: boolean;
  /** Leave nulls out (default true); false counts them as one value. */
  dropna?: boolean;
}

function bincount(f: Factorized): Float64Array {
  const counts = new Float64Array(f.uniques.length);
  const codes = f.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c >= 0) counts[c]++;
  }
  return counts;
}

/**
 * Count each distinct value, as pandas' `Series.value_counts`.
 *
 * With `sort` (default) the values are ordered by count, descending, and
 * ties keep their order of first appearance (a stable sort, as pandas ≥
 * 3.0); `ascending: true` reverses the count order (ties still by first
 * appearance). `sort: false` keeps the order of first appearance. Counts
 * are int64, or float64 proportions of the counted rows with `normalize`.
 * Nulls are dropped unless `dropna: false`. A categorical (dictionary)
 * column lists every category, unobserved ones with count 0, as pandas:
 * ties and `sort: false` follow category order, a null (with `dropna:
 * false`) comes after the categories, and the values stay a dictionary
 * column over the same categories. Cost: one factorize (cached; for a
 * categorical, one pass over the codes) and a sort of the distinct values.
 *
 * @param col - the values
 * @param options - `sort`, `ascending`, `normalize`, `dropna`
 * @returns `{ values, counts }`, aligned
 * @example
 * ```ts
 * import { categorical, column } from "ndframe";
 * import { valueCounts } from "ndframe/compute";
 * const { values, counts } = valueCounts(column([3, 1, 2, 3, 4, null]));
 * values.toArray(); // => [3, 1, 2, 4]
 * counts.toArray(); // => [2n, 1n, 1n, 1n]
 * const cat = categorical(["a", "b", "c", "c"], { categories: ["c", "a", "b", "d"] });
 * valueCounts(cat).values.toArray(); // => ["c", "a", "b", "d"]
 * valueCounts(cat).counts.toArray(); // => [2n, 1n, 1n, 0n]
 * ```
 */
export function valueCounts<T extends DType>(
  col: Column<T>,
  options?: ValueCountsOptions,
): { values: Column<T>; counts: Column<Int64 | Float64> } {
  checkColumn("valueCounts", col);
  const o = options ?? {};
  const sort = maybeBoolean("sort", o.sort, true);
  const ascending = maybeBoolean("ascending", o.ascending, false);
  const normalize = maybeBoolean("normalize", o.normalize, false);
  const dropna = maybeBoolean("dropna", o.dropna, true);
  let counts: Float64Array;
  let uniques: Column;
  if (col.dtype.kind === "dictionary") {
    // pandas: every category, also unobserved ones (count 0), in category order before sorting
    const u = unifyDictionaries(col as Column<Dictionary>);
    counts = categoryCounts(u, !dropna && u.nullCount > 0);
    uniques = u;
  } else {
    const f = factorizeShared(col, dropna ? "exclude" : "code", false);
    counts = bincount(f);
    uniques = f.uniques;
  }
  const k = counts.length;
  let order = Int32Array.from({ length: k }, (_, j) => j);
  if (sort) {
    // Array.prototype.sort is stable: ties stay in order of first appearance (of category order)
    const idx = Array.from(order);
    idx.sort((a, b) => (ascending ? 1 : -1) * ((counts[a] as number) - (counts[b] as number)));
    order = Int32Array.from(idx);
  }
  const values = (
    col.dtype.kind === "dictionary"
      ? categoryValues(uniques as Column<Dictionary>, order)
      : gatherRows(uniques.combine(), order)
  ) as Column<T>;
  let total = 0;
  for (let j = 0; j < k; j++) total += counts[j] as number;
  if (normalize) {
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) out[j] = (counts[order[j] as number] as number) / total;
    return { values, counts: Column.fromChunk(makeChunk({ dtype: float64, length: k, values: out })) };
  }
  const out = new BigInt64Array(k);
  const w = words(out);
  for (let j = 0; j < k; j++) w[2 * j] = counts[order[j] as number] as number;
  return { values, counts: Column.fromChunk(makeChunk({ dtype: int64, length: k, values: out })) };
}

/**
 * Return the most frequent value(s), as pandas' `Series.mode`.
 *
 * Every value tied for the highest count is returned, sorted ascending
 * (NaN after numbers; a null last when `dropna: false` and the null is among
 * them). An empty (or all-null, with dropna) column gives an empty column.
 * Cost: one factorize (cached) and a sort of the modes.
 *
 * @param col - the values
 * @param options - `dropna` (default true): ignore nulls
 * @returns the modes, same dtype
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { mode } from "ndframe/compute";
 * mode(column([2, 4, 2, 2, 4, null])).toArray(); // => [2]
 * mode(column([2, 4, 8, 2, 4, null])).toArray(); // => [2, 4]
 * ```
 */
export function mode<T extends DType>(col: Column<T>, options?: { dropna?: boolean }): Column<T> {
  checkColumn("mode", col);
  const dropna = maybeBoolean("dropna", options?.dropna, true);
  const f = factorizeShared(col, dropna ? "exclude" : "code", false);
  const counts = bincount(f);
  let best = 0;
  for (let j = 0; j < counts.length; j++) best = Math.max(best, counts[j] as number);
  const picked: number[] = [];
  let nullPicked = false;
  const u = f.uniques.combine();
  for (let j = 0; j < counts.length; j++) {
    if (best === 0 || counts[j] !== best) continue;
    if (u.validity !== null && !f.uniques.isValid(j)) nullPicked = true;
    else picked.push(j);
  }
  const vals = gatherRows(u, Int32Array.from(picked));
  const order = sortOrder(vals.combine());
  const idx = Int32Array.from(order, (j) => picked[j] as number);
  return gatherRows(u, nullPicked ? Int32Array.from([...idx, -1]) : idx) as Column<T>;
}

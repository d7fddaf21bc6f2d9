/**
 * `argsort` and `sortColumn`: stable sorting by one or several keys, with
 * per-key direction and pandas' placement of nulls and NaN.
 */

import { maybeKeyword, show } from "../../util/is.js";
import type { Chunk } from "../chunk.js";
import { Column } from "../column.js";
import type { Dictionary, DType } from "../dtype.js";
import { OptionError, ShapeError } from "../errors.js";
import { unifyDictionaries } from "./categorical.js";
import { bucketedArgsort } from "./sort-buckets.js";
import { type ExtractedKeys, extractKeys } from "./sort-keys.js";
import { radixSort } from "./sort-radix.js";
import { takeChunk } from "./take.js";

/** Where missing values (nulls and NaN) go in a sort. */
export type NullsPosition = "first" | "last";

/** Options of `argsort` and `sortColumn`. */
export interface SortOptions {
  /** Sort descending; one flag for all keys or one per key (default false). */
  descending?: boolean | readonly boolean[];
  /** Put nulls and NaN first or last, whatever the direction (default "last"). */
  nullsPosition?: NullsPosition;
}

const NULLS_POSITIONS: readonly NullsPosition[] = ["first", "last"];

/**
 * Compute the permutation that sorts one or several key columns, stably.
 *
 * Rows are ordered by the first key, ties by the second, and so on; rows
 * equal on every key keep their original order (also when descending).
 * Nulls and NaN are both "missing", as in pandas' `sort_values`: they go
 * first or last per `nullsPosition`, regardless of direction, in their
 * original order. -0 equals +0. Strings (utf8, large_utf8, binary) compare
 * by bytes, which for UTF-8 is code-point order; dictionaries by category
 * position, ordered or not, as pandas sorts a Categorical (chunks with
 * different dictionaries are unified first); timestamps, dates and durations as integers;
 * int64/uint64 exactly; bool false before true. Numeric keys use an LSD
 * radix sort (O(n) per 11-bit digit); strings a comparison sort to dense
 * ranks first. Several keys are sorted least significant first, each pass
 * stable. Multi-chunk keys are combined once (a copy).
 *
 * @param keys - a column or an array of columns of equal length
 * @param options - `descending` (one flag or one per key) and `nullsPosition`
 * @returns the row positions in sorted order (an Int32Array of length n)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { argsort } from "ndframe/compute";
 * Array.from(argsort(column([3, NaN, 1, null, 2]))); // => [2, 4, 0, 1, 3]
 * const a = column(["b", "a", "b", "a"]);
 * const b = column([1, 2, 3, 4], "int32");
 * Array.from(argsort([a, b], { descending: [false, true] })); // => [3, 1, 2, 0]
 * ```
 */
export function argsort(keys: Column | readonly Column[], options?: SortOptions): Int32Array {
  const cols = keys instanceof Column ? [keys] : keys;
  if (!Array.isArray(cols) || cols.length === 0 || !cols.every((c) => c instanceof Column)) {
    throw new OptionError(`invalid keys: ${show(keys)} (expected a Column or a non-empty array of Columns)`);
  }
  const n = (cols[0] as Column).length;
  for (const [i, c] of cols.entries()) {
    if (c.length !== n) {
      throw new ShapeError(`sort key ${i} has length ${c.length} but key 0 has length ${n}`);
    }
  }
  const desc = descendingFlags(options?.descending, cols.length);
  const nullsFirst =
    maybeKeyword("nullsPosition", options?.nullsPosition, NULLS_POSITIONS, "last") === "first";
  return argsortChunks(
    cols.map((c) =>
      (c.dtype.kind === "dictionary" ? unifyDictionaries(c as Column<Dictionary>) : c).combine(),
    ),
    desc,
    nullsFirst,
  );
}

function descendingFlags(d: unknown, k: number): boolean[] {
  if (d === undefined || typeof d === "boolean") return new Array<boolean>(k).fill(d === true);
  if (Array.isArray(d) && d.every((x) => typeof x === "boolean")) {
    if (d.length !== k) {
      throw new OptionError(`invalid descending: ${d.length} flags for ${k} sort keys (expected ${k})`);
    }
    return d as boolean[];
  }
  throw new OptionError(`invalid descending: ${show(d)} (expected true, false or an array of them)`);
}

/**
 * Stable argsort of single-chunk keys (trusted: equal lengths), least
 * significant key first. @internal
 */
export function argsortChunks(
  keys: readonly Chunk[],
  desc: readonly boolean[],
  nullsFirst: boolean,
): Int32Array {
  const flip = (k: number) => (desc[k] === true ? -1 : 0);
  let last = keys.length - 1;
  let order: Int32Array | null = null;
  if (keys.length === 2 && mayBucket(keys[0] as Chunk)) {
    // a first key with few distinct values: buckets, then the second key inside each
    const first = extractKeys(keys[0] as Chunk, null, flip(0));
    const second = extractKeys(keys[1] as Chunk, null, flip(1));
    const bucketed = bucketedArgsort(first, second);
    if (bucketed !== null) return bucketed;
    order = sortStep(second, nullsFirst);
    last = 0;
  }
  // least significant key first; each pass is stable
  for (let k = last; k >= 0; k--) order = sortStep(extractKeys(keys[k] as Chunk, order, flip(k)), nullsFirst);
  return order as Int32Array;
}

/** Whether a first key can give the bucketed sort's 32-bit keys with no missing row (its range is checked after extraction). */
function mayBucket(c: Chunk): boolean {
  const k = c.dtype.kind;
  const wide =
    k === "float64" ||
    k === "int64" ||
    k === "uint64" ||
    k === "timestamp" ||
    k === "duration" ||
    k === "time";
  return !wide && c.validity === null;
}

/** Stably order the rows of `ex` (already in the previous order) by its keys; missing rows first or last. */
function sortStep(ex: ExtractedKeys, nullsFirst: boolean): Int32Array {
  const { idx, m } = ex;
  const sorted = radixSort({ idx: idx.subarray(0, m), lo: ex.lo, hi: ex.hi }, ex.range, false).idx;
  const n = idx.length;
  if (m === n) return sorted;
  const out = new Int32Array(n);
  const missing = idx.subarray(m);
  if (nullsFirst) {
    out.set(missing, 0);
    out.set(sorted, n - m);
  } else {
    out.set(sorted, 0);
    out.set(missing, m);
  }
  return out;
}

/**
 * Sort a column (stable; `argsort` then `take`).
 *
 * Same ordering rules and options as `argsort` with this one key. The
 * result is a new one-chunk column of the same dtype (fresh buffers; a
 * dictionary keeps its dictionary). Cost: argsort plus one gather.
 *
 * @param col - the column to sort
 * @param options - `descending` and `nullsPosition`, as `argsort`
 * @returns the sorted column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sortColumn } from "ndframe/compute";
 * sortColumn(column([2, null, NaN, -1]), { descending: true }).toArray(); // => [2, -1, null, NaN]
 * sortColumn(column(["b", "é", "a"]), { nullsPosition: "first" }).toArray(); // => ["a", "b", "é"]
 * ```
 */
export function sortColumn<T extends DType>(col: Column<T>, options?: SortOptions): Column<T> {
  const perm = argsort(col, options);
  return Column.fromChunk(takeChunk(col.combine(), perm, null));
}

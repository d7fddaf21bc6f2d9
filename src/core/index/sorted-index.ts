/**
 * `SortedIndex`: an index over monotonic increasing labels (numbers,
 * strings, dates, timestamps…), answering label lookups and label slices
 * by binary search.
 */

import { show } from "../../util/is.js";
import type { Chunk } from "../chunk.js";
import type { Column } from "../column.js";
import type { Bool, Dictionary, DType, ValueOf } from "../dtype.js";
import { DTypeError, NDFrameError } from "../errors.js";
import { decode } from "../kernels/factorize.js";
import { HashIndex, missing } from "./hash-index.js";
import { comparerOf, type Index, type Keep, type Label, monotonic } from "./index.js";
import { intersection, union } from "./set-ops.js";

/**
 * An index over labels sorted ascending (repeats allowed, no nulls).
 * `getLoc`, `contains`, `sliceLocs` and `sliceByLabels` use binary search
 * (no hash table); `getIndexer` and `duplicated` use a `HashIndex` over
 * the same column, whose table is built lazily. A multi-chunk column is combined once (a copy) on the first
 * search; a dictionary column is searched through its decoded strings.
 *
 * @example
 * ```ts
 * import { column, SortedIndex } from "ndframe";
 * const idx = new SortedIndex(column(["a", "b", "c", "d"]));
 * idx.sliceLocs("b", "c"); // => [1, 3]
 * idx.sliceByLabels("b", "x").toColumn().toArray(); // => ["b", "c", "d"]
 * ```
 */
export class SortedIndex<T extends DType = DType> implements Index<T> {
  #search: Chunk | null = null;
  // Composition rather than inheritance: HashIndex and the set operations
  // import each other, and a subclass would need its base evaluated first.
  readonly #hash: HashIndex<T>;

  /**
   * Make a sorted index over `col` (no copy). Throws when `col` holds a
   * null or is not monotonic increasing; `trusted` skips that check.
   */
  constructor(col: Column<T>, trusted = false) {
    this.#hash = new HashIndex(col);
    if (!trusted && !monotonic(col).increasing) {
      const why = col.nullCount > 0 ? "holds nulls" : "is not monotonic increasing";
      throw new NDFrameError(`SortedIndex: the ${col.toString()} ${why}; use makeIndex or HashIndex`);
    }
  }

  #chunk(): Chunk {
    if (this.#search === null) {
      const col = this.toColumn();
      this.#search = (col.dtype.kind === "dictionary" ? decode(col as Column<Dictionary>) : col).combine();
    }
    return this.#search;
  }

  /** First position whose label is >= label (`strict`: > label). */
  #bound(label: Label, strict: boolean): number {
    const c = this.#chunk();
    const cmp = comparerOf(c, label);
    if (cmp === null) {
      throw new DTypeError(`label ${show(label)} cannot be compared with a ${this.dtype.kind} index`);
    }
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = cmp(mid);
      if (r < 0 || (strict && r === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get length(): number {
    return this.#hash.length;
  }

  get dtype(): T {
    return this.#hash.dtype;
  }

  get(i: number): ValueOf<T> | null {
    return this.#hash.get(i);
  }

  toColumn(): Column<T> {
    return this.#hash.toColumn();
  }

  get isUnique(): boolean {
    return this.#hash.isUnique;
  }

  get hasDuplicates(): boolean {
    return this.#hash.hasDuplicates;
  }

  get isMonotonicDecreasing(): boolean {
    return this.#hash.isMonotonicDecreasing;
  }

  duplicated(keep: Keep = "first"): Column<Bool> {
    return this.#hash.duplicated(keep);
  }

  getIndexer(labels: Index | Column): Int32Array {
    return this.#hash.getIndexer(labels);
  }

  union(other: Index): Index {
    return union(this, other);
  }

  intersection(other: Index): Index {
    return intersection(this, other);
  }

  contains(label: Label): boolean {
    if (label === null || label === undefined) return false;
    try {
      return this.#bound(label, false) < this.#bound(label, true);
    } catch (e) {
      if (e instanceof DTypeError) return false;
      throw e;
    }
  }

  getLoc(label: Label): number | Int32Array {
    if (label === null || label === undefined) throw missing(label);
    let lo: number;
    let hi: number;
    try {
      lo = this.#bound(label, false);
      hi = this.#bound(label, true);
    } catch (e) {
      if (e instanceof DTypeError) throw missing(label);
      throw e;
    }
    if (lo === hi) throw missing(label);
    return hi - lo === 1 ? lo : Int32Array.from({ length: hi - lo }, (_, j) => lo + j);
  }

  get isMonotonicIncreasing(): boolean {
    return true;
  }

  /**
   * Positions `[start, end)` covering the labels from `start` to `end`,
   * both included, as pandas' `Index.slice_locs`; an omitted (undefined or
   * null) bound means the start or the end of the index. Labels need not
   * be present. Cost: two binary searches.
   */
  sliceLocs(start?: Label, end?: Label): [number, number] {
    const s = start === undefined || start === null ? 0 : this.#bound(start, false);
    const e = end === undefined || end === null ? this.length : this.#bound(end, true);
    return [s, e];
  }

  /** The labels from `start` to `end`, both included (pandas `.loc[start:end]`), as a view. */
  sliceByLabels(start?: Label, end?: Label): SortedIndex<T> {
    const [s, e] = this.sliceLocs(start, end);
    return this.slice(s, Math.max(s, e));
  }

  slice(start?: number, end?: number): SortedIndex<T> {
    return new SortedIndex(this.toColumn().slice(start, end), true);
  }
}

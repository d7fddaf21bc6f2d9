/**
 * `SortedIndex`: an index over monotonic increasing labels (numbers,
 * strings, dates, timestamps…), answering label lookups and label slices
 * by binary search.
 */
import type { Chunk } from "../chunk.js";
import type { Column } from "../column.js";
import type { Dictionary, DType } from "../dtype.js";
import { DTypeError, NDFrameError } from "../errors.js";
import { decode } from "../kernels/factorize.js";
import { show } from "../../util/is.js";
import { HashIndex, missing } from "./hash-index.js";
import { comparerOf, type Label, monotonic } from "./index.js";

/**
 * An index over labels sorted ascending (repeats allowed, no nulls).
 * `getLoc`, `contains`, `sliceLocs` and `sliceByLabels` use binary search
 * (no hash table); `getIndexer` uses the hash table of `HashIndex`, built
 * lazily. A multi-chunk column is combined once (a copy) on the first
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
export class SortedIndex<T extends DType = DType> extends HashIndex<T> {
  #search: Chunk | null = null;

  /**
   * Make a sorted index over `col` (no copy). Throws when `col` holds a
   * null or is not monotonic increasing; `trusted` skips that check.
   */
  constructor(col: Column<T>, trusted = false) {
    super(col);
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

  override getLoc(label: Label): number | Int32Array {
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

  override get isMonotonicIncreasing(): boolean {
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

  override slice(start?: number, end?: number): SortedIndex<T> {
    return new SortedIndex(this.toColumn().slice(start, end), true);
  }

}

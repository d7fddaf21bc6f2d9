/**
 * `TakenRangeIndex`: the labels of a `RangeIndex` at some of its
 * positions, as filtering or sorting a frame with a default index leaves
 * them. It keeps the positions (an Int32Array the gather already made)
 * and builds the int64 labels and their lookup structure only when
 * something asks for them.
 */

import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, type Int64, int64 } from "../dtype.js";
import { IndexError } from "../errors.js";
import { words, writeNumber } from "../int64.js";
import { HashIndex } from "./hash-index.js";
import type { Index, Keep, Label } from "./index.js";
import type { RangeIndex } from "./range-index.js";
import { SortedIndex } from "./sorted-index.js";

/**
 * The labels `base[positions[i]]`: an int64 index whose labels are not
 * written until used. `get(i)` is arithmetic; lookups, set operations and
 * `toColumn` build the labels once (a SortedIndex when the positions
 * increase, a HashIndex otherwise) and reuse them.
 *
 * @example
 * ```ts
 * import { RangeIndex, TakenRangeIndex } from "ndframe";
 * const idx = new TakenRangeIndex(new RangeIndex(0, 10, 2), Int32Array.of(4, 1, 3));
 * idx.get(0);     // => 8n
 * idx.getLoc(2);  // => 1
 * idx.toColumn().toArray(); // => [8n, 2n, 6n]
 * ```
 */
export class TakenRangeIndex implements Index<Int64> {
  readonly dtype: Int64 = int64;
  readonly base: RangeIndex;
  /** Positions in `base` (trusted: each in `[0, base.length)`). */
  readonly positions: Int32Array;
  #labels: Index<Int64> | null = null;

  /** The labels of `base` at `positions`; positions out of range are an `IndexError`. */
  constructor(base: RangeIndex, positions: Int32Array, trusted = false) {
    if (!trusted) {
      const n = base.length;
      for (let i = 0; i < positions.length; i++) {
        const p = positions[i] as number;
        if (p < 0 || p >= n)
          throw new IndexError(`TakenRangeIndex: position ${p} at ${i} is outside [0, ${n})`);
      }
    }
    this.base = base;
    this.positions = positions;
  }

  get length(): number {
    return this.positions.length;
  }

  get(i: number): bigint | null {
    const n = this.length;
    const j = i < 0 ? n + i : i;
    if (!Number.isInteger(j) || j < 0 || j >= n)
      throw new IndexError(`index ${i} out of range for length ${n}`);
    return BigInt(this.base.at(this.positions[j] as number));
  }

  /** The labels with their lookup structure, built on first use. */
  resolve(): Index<Int64> {
    if (this.#labels === null) {
      const { col, increasing } = this.#build();
      this.#labels = increasing ? new SortedIndex(col, true) : new HashIndex(col);
    }
    return this.#labels;
  }

  #build(): { col: Column<Int64>; increasing: boolean } {
    const pos = this.positions;
    const n = pos.length;
    const values = new BigInt64Array(n);
    const w = words(values);
    const { start, step } = this.base;
    const last = this.base.length === 0 ? start : start + (this.base.length - 1) * step;
    let increasing = step > 0;
    let prev = -1;
    if (Math.min(start, last) >= 0 && Math.max(start, last) < 2147483648) {
      // labels in [0, 2^31): the high words stay 0
      for (let i = 0; i < n; i++) {
        const p = pos[i] as number;
        w[2 * i] = start + p * step;
        if (p <= prev) increasing = false;
        prev = p;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const p = pos[i] as number;
        writeNumber(w, i, start + p * step);
        if (p <= prev) increasing = false;
        prev = p;
      }
    }
    return { col: Column.fromChunk(makeChunk({ dtype: int64, length: n, values })), increasing };
  }

  getLoc(label: Label): number | Int32Array {
    return this.resolve().getLoc(label);
  }
  getIndexer(labels: Index | Column): Int32Array {
    return this.resolve().getIndexer(labels);
  }
  contains(label: Label): boolean {
    return this.resolve().contains(label);
  }
  get isUnique(): boolean {
    return this.resolve().isUnique;
  }
  get hasDuplicates(): boolean {
    return this.resolve().hasDuplicates;
  }
  get isMonotonicIncreasing(): boolean {
    return this.resolve().isMonotonicIncreasing;
  }
  get isMonotonicDecreasing(): boolean {
    return this.resolve().isMonotonicDecreasing;
  }
  duplicated(keep: Keep = "first"): Column<Bool> {
    return this.resolve().duplicated(keep);
  }
  union(other: Index): Index {
    return this.resolve().union(other);
  }
  intersection(other: Index): Index {
    return this.resolve().intersection(other);
  }

  /** Positions `[start, end)`: a view of the same positions (no labels built). */
  slice(start = 0, end = this.length): TakenRangeIndex {
    const n = this.length;
    const clamp = (i: number) => Math.min(Math.max(i < 0 ? n + i : i, 0), n);
    const s = clamp(Math.trunc(start));
    const e = Math.max(s, clamp(Math.trunc(end)));
    return new TakenRangeIndex(this.base, this.positions.subarray(s, e), true);
  }

  toColumn(): Column<Int64> {
    return this.resolve().toColumn();
  }
}

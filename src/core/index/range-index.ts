/**
 * `RangeIndex`: the labels start, start + step, … (before stop), with no
 * storage: lookups are arithmetic.
 */

import { show } from "../../util/is.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool, type Int64, int64, isBigIntStorage, isFloat, isInteger } from "../dtype.js";
import { IndexError, OptionError } from "../errors.js";
import { signedIsSafe, signedToNumber, words, writeNumber } from "../int64.js";
import { missing } from "./hash-index.js";
import type { Index, Keep, Label } from "./index.js";
import { intersection, union } from "./set-ops.js";

function checkInt(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) {
    throw new OptionError(`invalid RangeIndex ${name}: ${show(v)} (expected a safe integer)`);
  }
  return v;
}

/**
 * An index of the integers `start, start + step, …` up to `stop`
 * (excluded), as pandas' `RangeIndex` and Python's `range`; the default
 * index of a frame. It holds no labels: `getLoc` and `getIndexer` are
 * arithmetic, and union/intersection of two ranges stay ranges when the
 * result is a range. The dtype is int64, so `get` and `toColumn` give
 * bigints; lookups accept numbers or bigints.
 *
 * @example
 * ```ts
 * import { RangeIndex } from "ndframe";
 * const idx = new RangeIndex(0, 10, 2);
 * idx.length;    // => 5
 * idx.getLoc(6); // => 3
 * idx.get(-1);   // => 8n
 * ```
 */
export class RangeIndex implements Index<Int64> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
  readonly dtype: Int64 = int64;

  /** `new RangeIndex(stop)` counts from 0; `step` may be negative, not 0. */
  constructor(start: number, stop?: number, step = 1) {
    if (stop === undefined) {
      stop = start;
      start = 0;
    }
    this.start = checkInt("start", start);
    this.stop = checkInt("stop", stop);
    this.step = checkInt("step", step);
    if (step === 0) throw new OptionError("invalid RangeIndex step: 0 (expected a non-zero integer)");
    this.length = Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }

  /** The label at position `i` as a number. */
  at(i: number): number {
    return this.start + i * this.step;
  }

  get(i: number): bigint | null {
    const j = i < 0 ? this.length + i : i;
    if (!(Number.isInteger(j) && j >= 0 && j < this.length)) {
      throw new IndexError(`position ${i} is out of bounds for a RangeIndex of length ${this.length}`);
    }
    return BigInt(this.at(j));
  }

  /** Position of an integer label (number or bigint), by arithmetic. */
  #pos(v: number): number {
    const k = (v - this.start) / this.step;
    return Number.isInteger(k) && k >= 0 && k < this.length ? k : -1;
  }

  getLoc(label: Label): number {
    const v = typeof label === "bigint" ? Number(label) : label;
    const k = typeof v === "number" && (typeof label !== "bigint" || BigInt(v) === label) ? this.#pos(v) : -1;
    if (k < 0) throw missing(label);
    return k;
  }

  contains(label: Label): boolean {
    const v = typeof label === "bigint" ? Number(label) : label;
    return typeof v === "number" && this.#pos(v) >= 0;
  }

  getIndexer(labels: Index | Column): Int32Array {
    if (labels instanceof RangeIndex)
      return Int32Array.from({ length: labels.length }, (_, j) => this.#pos(labels.at(j)));
    const col = labels instanceof Column ? labels : labels.toColumn();
    const out = new Int32Array(col.length).fill(-1);
    const d = col.dtype;
    if (!isInteger(d) && !isFloat(d)) return out;
    let at = 0;
    for (const c of col.chunks) {
      const v = c.validity;
      const valid = (i: number) =>
        v === null || (((v[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) === 1;
      if (isBigIntStorage(d)) {
        const w = words(c.values as BigInt64Array);
        const unsigned = d.kind === "uint64";
        for (let i = 0; i < c.length; i++) {
          const lo = w[2 * i] as number;
          const hi = w[2 * i + 1] as number;
          if (valid(i) && (unsigned ? hi >>> 0 < 2097152 : signedIsSafe(lo, hi))) {
            out[at + i] = this.#pos(signedToNumber(lo, unsigned ? hi >>> 0 : hi));
          }
        }
      } else {
        const x = c.values as Float64Array;
        for (let i = 0; i < c.length; i++) if (valid(i)) out[at + i] = this.#pos(x[i] as number);
      }
      at += c.length;
    }
    return out;
  }

  get isUnique(): boolean {
    return true;
  }

  get hasDuplicates(): boolean {
    return false;
  }

  get isMonotonicIncreasing(): boolean {
    return this.step > 0 || this.length <= 1;
  }

  get isMonotonicDecreasing(): boolean {
    return this.step < 0 || this.length <= 1;
  }

  duplicated(_keep: Keep = "first"): Column<Bool> {
    const n = this.length;
    return Column.fromChunk(makeChunk({ dtype: bool, length: n, values: new Uint8Array((n + 7) >>> 3) }));
  }

  union(other: Index): Index {
    return union(this, other);
  }

  intersection(other: Index): Index {
    return intersection(this, other);
  }

  /** Positions `[start, end)` as a range (no storage). */
  slice(start = 0, end = this.length): RangeIndex {
    const n = this.length;
    const clamp = (i: number) => Math.min(Math.max(i < 0 ? n + i : i, 0), n);
    const s = clamp(Math.trunc(start));
    const e = Math.max(s, clamp(Math.trunc(end)));
    return new RangeIndex(this.at(s), this.at(e), this.step);
  }

  /** The labels as an int64 column (allocated on each call). */
  toColumn(): Column<Int64> {
    const n = this.length;
    const values = new BigInt64Array(n);
    const w = words(values);
    for (let i = 0; i < n; i++) writeNumber(w, i, this.start + i * this.step);
    return Column.fromChunk(makeChunk({ dtype: int64, length: n, values }));
  }
}

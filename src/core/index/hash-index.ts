/**
 * `HashIndex`: an index over any column, answering lookups through the
 * column's (cached) factorization, built on the first lookup.
 */

import { show } from "../../util/is.js";
import type { Column } from "../column.js";
import type { Bool, DType, ValueOf } from "../dtype.js";
import { IndexError, KeyError } from "../errors.js";
import { duplicated } from "../kernels/duplicated.js";
import { type BaseFactorization, checkColumn, factorizeBase } from "../kernels/factorize.js";
import { coerceLabels, type Index, type Keep, type Label, labelColumn, monotonic } from "./index.js";
import { intersection, union } from "./set-ops.js";

interface Lookup {
  base: BaseFactorization;
  /** First position of each unique. */
  first: Int32Array;
  counts: Int32Array;
  /** Positions of the null labels. */
  nulls: Int32Array;
}

/** Throw a KeyError naming a label. @internal */
export function missing(label: unknown): KeyError {
  return new KeyError(
    `label ${label instanceof Date ? label.toISOString() : show(label)} is not in the index`,
  );
}

/** Positions of the nulls of a column. @internal */
export function nullPositions(col: Column): Int32Array {
  const out: number[] = [];
  let at = 0;
  for (const c of col.chunks) {
    const v = c.validity;
    if (v !== null) {
      for (let i = 0; i < c.length; i++) {
        if ((((v[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) === 0) out.push(at + i);
      }
    }
    at += c.length;
  }
  return Int32Array.from(out);
}

/**
 * An index over any column: labels → positions through a hash table
 * (the column's factorization, cached, built lazily on the first lookup).
 * Duplicates and nulls are allowed; a null label finds the null positions.
 *
 * @example
 * ```ts
 * import { column, HashIndex } from "ndframe";
 * const idx = new HashIndex(column(["c", "a", "b"]));
 * idx.getLoc("b"); // => 2
 * idx.getIndexer(column(["b", "c", "x"])); // => new Int32Array([2, 0, -1])
 * ```
 */
export class HashIndex<T extends DType = DType> implements Index<T> {
  readonly #col: Column<T>;
  #lookup: Lookup | null = null;
  #order: { increasing: boolean; decreasing: boolean } | null = null;

  /** Make an index over `col` (no copy; nothing is hashed until the first lookup). */
  constructor(col: Column<T>) {
    this.#col = checkColumn("HashIndex", col) as Column<T>;
  }

  get length(): number {
    return this.#col.length;
  }

  get dtype(): T {
    return this.#col.dtype;
  }

  get(i: number): ValueOf<T> | null {
    return this.#col.get(i);
  }

  toColumn(): Column<T> {
    return this.#col;
  }

  /** The factorization and first positions, built once. */
  protected table(): Lookup {
    if (this.#lookup !== null) return this.#lookup;
    const base = factorizeBase(this.#col);
    const k = base.uniques.length;
    const first = new Int32Array(k).fill(-1);
    const counts = new Int32Array(k);
    const codes = base.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c < 0) continue;
      if (counts[c]++ === 0) first[c] = i;
    }
    this.#lookup = { base, first, counts, nulls: nullPositions(this.#col) };
    return this.#lookup;
  }

  get isUnique(): boolean {
    const t = this.table();
    return t.base.uniques.length + Math.min(t.nulls.length, 1) === this.length && t.nulls.length <= 1;
  }

  get hasDuplicates(): boolean {
    return !this.isUnique;
  }

  get isMonotonicIncreasing(): boolean {
    this.#order ??= monotonic(this.#col);
    return this.#order.increasing;
  }

  get isMonotonicDecreasing(): boolean {
    this.#order ??= monotonic(this.#col);
    return this.#order.decreasing;
  }

  getLoc(label: Label): number | Int32Array {
    const t = this.table();
    if (label === null || label === undefined) {
      if (t.nulls.length === 0) throw missing(label);
      return t.nulls.length === 1 ? (t.nulls[0] as number) : t.nulls.slice();
    }
    const lab = labelColumn(label, this.dtype);
    const code = lab === null ? -1 : (t.base.lookup(lab)[0] as number);
    if (code < 0) throw missing(label);
    if (t.counts[code] === 1) return t.first[code] as number;
    const out = new Int32Array(t.counts[code] as number);
    const codes = t.base.codes;
    for (let i = t.first[code] as number, j = 0; j < out.length; i++) if (codes[i] === code) out[j++] = i;
    return out;
  }

  contains(label: Label): boolean {
    try {
      this.getLoc(label);
      return true;
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
  }

  getIndexer(labels: Index | Column): Int32Array {
    if (this.hasDuplicates) throw duplicateError(this);
    const t = this.table();
    const src = "chunks" in labels ? labels : labels.toColumn();
    const { col, bad } = coerceLabels(src, this.dtype);
    const codes = t.base.lookup(col);
    const nullAt = t.nulls.length > 0 ? (t.nulls[0] as number) : -1;
    const nulls = col.nullCount > 0 ? nullPositions(col) : null;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      codes[i] = c < 0 ? -1 : (t.first[c] as number);
    }
    if (nulls !== null) for (const i of nulls) codes[i] = bad?.[i] ? -1 : nullAt;
    return codes;
  }

  duplicated(keep: Keep = "first"): Column<Bool> {
    return duplicated(this.#col, { keep });
  }

  union(other: Index): Index {
    return union(this, other);
  }

  intersection(other: Index): Index {
    return intersection(this, other);
  }

  slice(start?: number, end?: number): Index<T> {
    return new HashIndex(this.#col.slice(start, end));
  }
}

/** The error of a lookup that needs unique labels. @internal */
export function duplicateError(idx: Index): IndexError {
  const d = idx.duplicated("first");
  let at = 0;
  while (at < d.length && d.get(at) !== true) at++;
  const label = at < d.length ? idx.get(at) : undefined;
  return new IndexError(
    `getIndexer needs unique labels, but label ${show(label)} is repeated (at position ${at}); use getLoc for duplicated labels`,
  );
}

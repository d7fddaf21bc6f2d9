/**
 * `Index`: labels → positions, shared by Series, DataFrame and labeled
 * arrays so that alignment has one implementation (DESIGN §3).
 */
import { columnBuilder } from "../builder.js";
import { type Chunk, numberOffsets } from "../chunk.js";
import type { Column } from "../column.js";
import {
  type Bool,
  type Dictionary,
  type DType,
  dtypeEquals,
  dtypeToString,
  isBigIntStorage,
  isString,
  isVarWidth,
  type ValueOf,
} from "../dtype.js";
import { DTypeError } from "../errors.js";
import { words } from "../int64.js";
import { checkColumn, decode } from "../kernels/factorize.js";
import { compareBytes } from "../kernels/factorize-support.js";
import { HashIndex } from "./hash-index.js";
import { SortedIndex } from "./sorted-index.js";

/** A label as JS code writes it. Dates address date and timestamp indexes. */
export type Label = number | bigint | string | boolean | Date | null;

/** Which occurrences of a repeated label `duplicated` leaves unmarked. */
export type Keep = "first" | "last" | false;

/** Labels → positions. Implemented by `RangeIndex`, `HashIndex` and `SortedIndex`. */
export interface Index<T extends DType = DType> {
  readonly length: number;
  readonly dtype: T;
  /** The label at position `i` (negative counts from the end). */
  get(i: number): ValueOf<T> | null;
  /** Position of `label`, or its positions (ascending) when repeated; a `KeyError` when absent. */
  getLoc(label: Label): number | Int32Array;
  /** Position of each label (-1 where missing); an error when this index has duplicates. */
  getIndexer(labels: Index | Column): Int32Array;
  contains(label: Label): boolean;
  readonly isUnique: boolean;
  readonly hasDuplicates: boolean;
  readonly isMonotonicIncreasing: boolean;
  readonly isMonotonicDecreasing: boolean;
  /** Mark repeated labels (see `duplicated`). */
  duplicated(keep?: Keep): Column<Bool>;
  /** Labels of either index, sorted when possible (see `union`). */
  union(other: Index): Index;
  /** Labels of both, in this index's order (see `intersection`). */
  intersection(other: Index): Index;
  /** Positions `[start, end)` as an index of the same kind (negative bounds count from the end). */
  slice(start?: number, end?: number): Index<T>;
  /** The labels as a column. */
  toColumn(): Column<T>;
}

/** True when `x` looks like an `Index`. @internal */
export function isIndex(x: unknown): x is Index {
  return typeof x === "object" && x !== null && typeof (x as Index).getIndexer === "function";
}

const MS_PER: Record<string, bigint> = { ms: 1n, us: 1000n, ns: 1000000n };

/** A label converted toward the scalar type of `d` where exact (Date → bigint/days, safe bigint → number). @internal */
export function labelToward(v: unknown, d: DType): unknown {
  if (v instanceof Date && Number.isInteger(v.getTime())) {
    const ms = v.getTime();
    if (d.kind === "timestamp") {
      if (d.unit !== "s") return BigInt(ms) * (MS_PER[d.unit] as bigint);
      return ms % 1000 === 0 ? BigInt(ms / 1000) : v;
    }
    if (d.kind === "date") return ms / 86400000;
  }
  if (typeof v === "number" && isBigIntStorage(d) && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === "bigint" && !isBigIntStorage(d) && Number.isSafeInteger(Number(v))) return Number(v);
  return v;
}

/**
 * Labels as a column of `d` (dictionary → its string type), keeping
 * positions: `bad[i] = 1` where `d` cannot hold label `i` (it matches
 * nothing). @internal
 */
export function coerceLabels(labels: Column, d: DType): { col: Column; bad: Uint8Array | null } {
  const target = d.kind === "dictionary" ? d.value : d;
  let col = labels.dtype.kind === "dictionary" ? decode(labels as Column<Dictionary>) : labels;
  if (dtypeEquals(col.dtype, target) || (isString(col.dtype) && isString(target))) return { col, bad: null };
  if (
    col.dtype.kind === target.kind &&
    (target.kind === "timestamp" || target.kind === "duration" || target.kind === "time")
  ) {
    throw new DTypeError(
      `cannot look up ${dtypeToString(col.dtype)} labels in a ${dtypeToString(target)} index; cast them first`,
    );
  }
  const b = columnBuilder(target, col.length);
  let bad: Uint8Array | null = null;
  let i = 0;
  for (const v of col) {
    try {
      b.append(labelToward(v, target) as never);
    } catch {
      b.appendNull();
      if (bad === null) bad = new Uint8Array(col.length);
      bad[i] = 1;
    }
    i++;
  }
  col = b.finish();
  return { col, bad };
}

/** One label as a one-element column of `d`, or null when `d` cannot hold it. @internal */
export function labelColumn(label: Label, d: DType): Column | null {
  const target = d.kind === "dictionary" ? d.value : d;
  const b = columnBuilder(target, 1);
  try {
    b.append(labelToward(label, target) as never);
  } catch {
    return null;
  }
  return b.finish();
}

/**
 * The comparison of element `i` of a null-free chunk with one label
 * (negative, zero, positive), or null when the label cannot be compared.
 * @internal
 */
export function comparerOf(c: Chunk, label: Label): ((i: number) => number) | null {
  const d = c.dtype;
  const lab = labelColumn(label, d);
  if (lab === null || !lab.isValid(0)) return null;
  const l = lab.combine();
  // dictionaries are searched through their decoded strings (SortedIndex decodes once)
  if (d.kind === "dictionary") return null;
  if (isVarWidth(d)) {
    const o = numberOffsets(c);
    const lo = numberOffsets(l);
    const ls = lo[0] as number;
    const le = lo[1] as number;
    const v = c.values as Uint8Array;
    const lb = l.values as Uint8Array;
    return (i) => {
      const s = o[i] as number;
      const e = o[i + 1] as number;
      const n = Math.min(e - s, le - ls);
      for (let j = 0; j < n; j++) {
        const x = (v[s + j] as number) - (lb[ls + j] as number);
        if (x !== 0) return x;
      }
      return e - s - (le - ls);
    };
  }
  if (isBigIntStorage(d)) {
    const w = words(c.values as BigInt64Array);
    const lw = words(l.values as BigInt64Array);
    const lhi = lw[1] as number;
    const llo = (lw[0] as number) >>> 0;
    const unsigned = d.kind === "uint64";
    return (i) => {
      const hi = w[2 * i + 1] as number;
      if (hi !== lhi) return unsigned ? (hi >>> 0) - (lhi >>> 0) : hi - lhi;
      return ((w[2 * i] as number) >>> 0) - llo;
    };
  }
  if (d.kind === "bool") {
    const x = Number(lab.get(0));
    const v = c.values as Uint8Array;
    return (i) => (((v[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) - x;
  }
  const v = c.values as Float64Array;
  const x = (l.values as Float64Array)[0] as number;
  return (i) => {
    const y = v[i] as number;
    return y < x ? -1 : y > x ? 1 : y === x ? 0 : Number.isNaN(y) ? (Number.isNaN(x) ? 0 : 1) : -1;
  };
}

/** Whether a column never decreases / never increases (false when it holds a null, as pandas). @internal */
export function monotonic(col: Column): { increasing: boolean; decreasing: boolean } {
  if (col.nullCount > 0) return { increasing: false, decreasing: false };
  const src = col.dtype.kind === "dictionary" ? decode(col as Column<Dictionary>) : col;
  const c = src.combine();
  const n = c.length;
  let inc = true;
  let dec = true;
  const d = c.dtype;
  if (isVarWidth(d)) {
    const o = numberOffsets(c);
    const v = c.values as Uint8Array;
    for (let i = 1; i < n && (inc || dec); i++) {
      const r = compareBytes(v, o[i - 1] as number, o[i] as number, o[i] as number, o[i + 1] as number);
      if (r > 0) inc = false;
      if (r < 0) dec = false;
    }
  } else if (isBigIntStorage(d) || d.kind === "bool") {
    for (let i = 1; i < n && (inc || dec); i++) {
      const a = src.get(i - 1) as bigint | boolean;
      const b = src.get(i) as bigint | boolean;
      if (a > b) inc = false;
      if (a < b) dec = false;
    }
  } else {
    const v = c.values as Float64Array;
    for (let i = 1; i < n && (inc || dec); i++) {
      const a = v[i - 1] as number;
      const b = v[i] as number;
      // NaN compares neither way: it breaks both orders
      if (!(a <= b)) inc = false;
      if (!(a >= b)) dec = false;
    }
  }
  return { increasing: inc, decreasing: dec };
}

/**
 * Make an index over a column: a `SortedIndex` when the column is
 * monotonic increasing without nulls (label slices by binary search), else
 * a `HashIndex` (hash table built on first lookup).
 *
 * No copy of the labels. Cost: one pass to test the order.
 *
 * @param col - the labels
 * @returns a SortedIndex or a HashIndex over `col`
 * @example
 * ```ts
 * import { column, makeIndex } from "ndframe";
 * makeIndex(column([1, 2, 5])).getLoc(5); // => 2
 * makeIndex(column(["b", "a"])).getIndexer(column(["a", "z"])); // => new Int32Array([1, -1])
 * ```
 */
export function makeIndex<T extends DType>(col: Column<T>): Index<T> {
  checkColumn("makeIndex", col);
  return monotonic(col).increasing ? new SortedIndex(col, true) : new HashIndex(col);
}

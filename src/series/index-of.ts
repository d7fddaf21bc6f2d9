/**
 * Normalizing what users pass as an index, and the alignment of two
 * labeled operands (pandas' rules for binary operations between Series).
 * @internal
 */

import { Column } from "../core/column.js";
import type { DType } from "../core/dtype.js";
import { DTypeError, ShapeError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import { type Index, isIndex, makeIndex } from "../core/index/index.js";
import { RangeIndex } from "../core/index/range-index.js";
import { TakenRangeIndex } from "../core/index/taken-index.js";
import { eq } from "../core/kernels/compare.js";
import { all } from "../core/kernels/reduce.js";
import { gatherValues, positionsOrNull, take } from "../core/kernels/take.js";
import { show } from "../util/is.js";

/** What an `index` option accepts: an Index, a Column or Series of labels, or an array of labels. */
export type IndexLike = Index | Column | { readonly column: Column } | ArrayLike<unknown>;

/** A Series seen from below it: an object holding a Column in `column`. */
function isLabeledColumn(x: unknown): x is { readonly column: Column } {
  return typeof x === "object" && x !== null && (x as { column?: unknown }).column instanceof Column;
}

/** An Index from `labels` for `length` rows, or the default RangeIndex when `labels` is undefined. */
export function toIndex(labels: IndexLike | undefined, length: number, owner: string): Index {
  if (labels === undefined) return new RangeIndex(length);
  let idx: Index;
  if (isIndex(labels)) idx = labels;
  else if (labels instanceof Column) idx = makeIndex(labels);
  else if (isLabeledColumn(labels))
    idx = makeIndex(labels.column); // a Series: its values are the labels
  else if (
    typeof labels === "object" &&
    labels !== null &&
    typeof (labels as ArrayLike<unknown>).length === "number"
  )
    idx = makeIndex(column(labels as ArrayLike<unknown>));
  else
    throw new DTypeError(
      `invalid index for ${owner}: ${show(labels)} (expected an Index, a Column or an array)`,
    );
  if (idx.length !== length) {
    throw new ShapeError(`${owner}: the index has ${idx.length} labels for ${length} values`);
  }
  return idx;
}

/** True for a RangeIndex 0, 1, …, length − 1: labels that are just positions. */
export function isDefaultIndex(idx: Index): boolean {
  return idx instanceof RangeIndex && idx.start === 0 && idx.step === 1;
}

/** True when both indexes hold the same labels in the same order (nulls equal to nulls). */
export function sameLabels(a: Index, b: Index): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  if (a instanceof RangeIndex && b instanceof RangeIndex) {
    return a.start === b.start && (a.length === 1 || a.step === b.step);
  }
  if (
    a instanceof TakenRangeIndex &&
    b instanceof TakenRangeIndex &&
    a.positions === b.positions &&
    a.base.start === b.base.start &&
    a.base.step === b.base.step
  ) {
    return true;
  }
  const ca = a.toColumn();
  const cb = b.toColumn();
  let same: Column;
  try {
    same = eq(ca, cb);
  } catch {
    return false; // labels of incomparable dtypes (strings and numbers)
  }
  if (same.nullCount > 0) {
    if (ca.nullCount !== cb.nullCount) return false;
    for (let i = 0; i < ca.length; i++) if (ca.isValid(i) !== cb.isValid(i)) return false;
  }
  return same.nullCount === same.length || all(same) === true;
}

/** `col` gathered at `positions`, a null where a position is −1. */
export function takeOrNull<T extends DType>(col: Column<T>, positions: Int32Array): Column<T> {
  return positions.some((p) => p < 0) ? take(col, positionsOrNull(positions.slice())) : take(col, positions);
}

/** Two operands lined up row by row, and the index of the result. */
export interface Aligned<A extends DType, B extends DType> {
  readonly left: Column<A>;
  readonly right: Column<B>;
  readonly index: Index;
}

/**
 * Line up two labeled columns for an element-wise operation, as pandas
 * does: equal indexes pair by position; when both indexes carry labels
 * (neither is the default 0..n−1) and differ, the result is indexed by
 * their union and each side has nulls where it lacks a label; otherwise
 * (one side or both unlabeled) rows pair by position, which needs equal
 * lengths, and the result keeps the labeled side's index.
 */
export function align<A extends DType, B extends DType>(
  left: Column<A>,
  li: Index,
  right: Column<B>,
  ri: Index,
  what: string,
): Aligned<A, B> {
  if (sameLabels(li, ri)) return { left, right, index: li };
  const ld = isDefaultIndex(li);
  const rd = isDefaultIndex(ri);
  if (ld || rd) {
    if (left.length !== right.length) {
      throw new ShapeError(`${what}: operands have different lengths, ${left.length} and ${right.length}`);
    }
    return { left, right, index: ld ? ri : li };
  }
  const index = li.union(ri);
  return {
    left: takeOrNull(left, li.getIndexer(index)),
    right: takeOrNull(right, ri.getIndexer(index)),
    index,
  };
}

/**
 * The labels of the rows at `positions`: a RangeIndex maps them by
 * arithmetic (no label column is materialized), other indexes gather.
 * @internal
 */
export function indexAt(index: Index, positions: Int32Array): Index {
  if (index instanceof RangeIndex) return new TakenRangeIndex(index, positions, true);
  if (index instanceof TakenRangeIndex) {
    // labels of labels: compose the positions (no labels written)
    return new TakenRangeIndex(index.base, gatherValues(index.positions, positions) as Int32Array, true);
  }
  return makeIndex(take(index.toColumn(), positions));
}

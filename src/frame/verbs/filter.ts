/** `filter`: the rows where a condition holds. */
import { Column } from "../../core/column.js";
import { type Bool, dtypeToString } from "../../core/dtype.js";
import { DTypeError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { type Index, makeIndex } from "../../core/index/index.js";
import { RangeIndex } from "../../core/index/range-index.js";
import { SortedIndex } from "../../core/index/sorted-index.js";
import { words } from "../../core/int64.js";
import { take } from "../../core/kernels/take.js";
import { isDefaultIndex, sameLabels } from "../../series/index-of.js";
import { Series } from "../../series/series.js";
import { show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

/** A row condition: a bool Series or Column, or a function of the frame giving one. */
export type RowMask<S extends Schema> = Series | Column | ((df: DataFrame<S>) => Series | Column);

/**
 * Keep the rows where the mask is true; a null in the mask drops the row,
 * as SQL's WHERE (pandas raises instead). A Series mask with labels must
 * have the frame's labels; a plain mask must have one value per row.
 * Every column is gathered once (a copy of the kept rows).
 *
 * @param df - the frame
 * @param mask - a bool Series/Column, or a function of the frame returning one
 * @returns the kept rows, with their labels
 * @example
 * ```ts
 * import { DataFrame, filter } from "ndframe";
 * const df = new DataFrame({ a: [1, 5, 3], b: ["x", "y", "z"] });
 * filter(df, (f) => f.get("a").gt(2)).get("b").toArray(); // => ["y", "z"]
 * ```
 */
export function filter<S extends Schema>(df: DataFrame<S>, mask: RowMask<S>): DataFrame<S> {
  const m = typeof mask === "function" ? mask(df) : mask;
  let bits: Column;
  if (m instanceof Series) {
    if (!sameLabels(m.index, df.index) && !isDefaultIndex(m.index)) {
      throw new ShapeError("filter: the mask's labels differ from the frame's; reindex the mask first");
    }
    bits = m.column;
  } else if (m instanceof Column) bits = m;
  else
    throw new DTypeError(`filter expects a bool Series or Column (or a function giving one), got ${show(m)}`);
  if (bits.dtype.kind !== "bool")
    throw new DTypeError(`filter: the mask must be bool, got ${dtypeToString(bits.dtype)}`);
  if (bits.length !== df.length) {
    throw new ShapeError(`filter: the mask has ${bits.length} values, the frame has ${df.length} rows`);
  }
  return takeRows(df, truePositions(bits as Column<Bool>));
}

/** Positions of the rows where a bool column is true (null counts as false). @internal */
export function truePositions(mask: Column<Bool>): Int32Array {
  let n = 0;
  for (const c of mask.chunks) n += c.length;
  // one slot of slack: the branch-free loop writes every row and advances on true
  const out = new Int32Array(n + 1);
  let k = 0;
  let base = 0;
  for (const c of mask.chunks) {
    const v = c.values;
    const vb = c.validity;
    const off = c.offset;
    if (vb === null) {
      for (let i = 0; i < c.length; i++) {
        const j = off + i;
        out[k] = base + i;
        k += ((v[j >>> 3] as number) >>> (j & 7)) & 1;
      }
    } else {
      for (let i = 0; i < c.length; i++) {
        const j = off + i;
        out[k] = base + i;
        k += ((v[j >>> 3] as number) >>> (j & 7)) & ((vb[j >>> 3] as number) >>> (j & 7)) & 1;
      }
    }
    base += c.length;
  }
  return out.subarray(0, k);
}

/**
 * The labels of the rows at `positions`: a RangeIndex maps them by
 * arithmetic (no label column is materialized), other indexes gather.
 */
function indexAt(index: Index, positions: Int32Array): Index {
  if (!(index instanceof RangeIndex)) return makeIndex(take(index.toColumn(), positions));
  const n = positions.length;
  const labels = new BigInt64Array(n);
  const w = words(labels);
  let increasing = true;
  const { start, step } = index;
  const last = start + (index.length - 1) * step;
  if (start >= 0 && last >= 0 && start < 2147483648 && last < 2147483648) {
    // labels in [0, 2^31): the high words stay 0
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const p = positions[i] as number;
      w[2 * i] = start + p * step;
      if (p <= prev) increasing = false;
      prev = p;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = start + (positions[i] as number) * step;
      w[2 * i] = v | 0;
      w[2 * i + 1] = Math.floor(v / 4294967296);
      if (i > 0 && (positions[i] as number) <= (positions[i - 1] as number)) increasing = false;
    }
  }
  const col = column(labels);
  return increasing && index.step > 0 ? new SortedIndex(col, true) : makeIndex(col);
}

/** The rows at `positions` (labels included). @internal */
export function takeRows<S extends Schema>(df: DataFrame<S>, positions: Int32Array): DataFrame<S> {
  const cols = new Map<string, Column>();
  // positions come from this frame's rows: no bounds check needed
  for (const [n, c] of df.toColumns()) cols.set(n, take(c, positions, { boundsCheck: false }));
  const index = indexAt(df.index, positions);
  return new DataFrame(cols, { index }) as unknown as DataFrame<S>;
}

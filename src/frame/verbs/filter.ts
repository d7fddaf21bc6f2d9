/** `filter`: the rows where a condition holds. */
import { Column } from "../../core/column.js";
import { type Bool, dtypeToString } from "../../core/dtype.js";
import { DTypeError, ShapeError } from "../../core/errors.js";
import { truePositions } from "../../core/kernels/filter.js";
import { take } from "../../core/kernels/take.js";
import { indexAt, isDefaultIndex, sameLabels } from "../../series/index-of.js";
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

/** The rows at `positions` (labels included). @internal */
export function takeRows<S extends Schema>(df: DataFrame<S>, positions: Int32Array): DataFrame<S> {
  const cols = new Map<string, Column>();
  // positions come from this frame's rows: no bounds check needed
  for (const [n, c] of df.toColumns()) cols.set(n, take(c, positions, { boundsCheck: false }));
  const index = indexAt(df.index, positions);
  return new DataFrame(cols, { index }) as unknown as DataFrame<S>;
}

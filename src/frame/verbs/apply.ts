/** `apply` along rows: a JS callback per row (the slow path). */
import type { DType } from "../../core/dtype.js";
import { OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { Series } from "../../series/series.js";
import { show } from "../../util/is.js";
import type { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

/**
 * Call `fn(row, position)` on every row and collect the results in a
 * Series (dtype inferred, or `dtype`), indexed as the frame. `row` is a
 * plain object of the row's values (own data properties, so any column
 * name is safe). The slow path: one object and one JS call per row, tens
 * of times slower than the column methods; prefer `assign` with
 * expressions or Series arithmetic where they can say the same.
 *
 * @example
 * ```ts
 * import { DataFrame, apply } from "ndframe";
 * const df = new DataFrame({ a: [1, 2], b: [10, 20] });
 * apply(df, (r) => (r.a as number) + (r.b as number)).toArray(); // => [11, 22]
 * ```
 */
export function apply<S extends Schema>(
  df: DataFrame<S>,
  fn: (row: Record<string, unknown>, position: number) => unknown,
  options?: { dtype?: DType | string },
): Series {
  if (typeof fn !== "function") throw new OptionError(`apply expects a function, got ${show(fn)}`);
  const rows = df.toRecords();
  const out = rows.map((r, i) => fn(r, i));
  return new Series(options?.dtype === undefined ? column(out) : column(out, options.dtype), {
    index: df.index,
  });
}

/** `nlargest` and `nsmallest` for frames: the top rows by some columns. */
import type { Column } from "../../core/column.js";
import { OptionError } from "../../core/errors.js";
import { truePositions } from "../../core/kernels/filter.js";
import { and, not } from "../../core/kernels/logical.js";
import { isNaNColumn, notNull } from "../../core/kernels/missing.js";
import { argsort } from "../../core/kernels/sort.js";
import { take } from "../../core/kernels/take.js";
import { keyword, nonNegativeInt, show } from "../../util/is.js";
import type { DataFrame } from "../frame.js";
import type { ColumnName, Schema } from "../schema.js";
import { takeRows } from "./filter.js";

function topRows<S extends Schema>(
  df: DataFrame<S>,
  n: unknown,
  by: ColumnName<S> | readonly ColumnName<S>[],
  keep: unknown,
  largest: boolean,
): DataFrame<S> {
  const fn = largest ? "nlargest" : "nsmallest";
  const count = nonNegativeInt("n", n);
  const names = (typeof by === "string" ? [by] : by) as readonly ColumnName<S>[];
  if (!Array.isArray(names) || names.length === 0) {
    throw new OptionError(`${fn} needs a column name or a non-empty array of names, got ${show(by)}`);
  }
  const k = keep === undefined ? "first" : keyword("keep", keep, ["first", "last", "all"] as const);
  const keys: Column[] = names.map((name) => df.column(name));
  // rows with a value (not null, not NaN) in the first key, as pandas;
  // missing values in later keys only sort last among ties
  const valid = and(notNull(keys[0] as Column), not(isNaNColumn(keys[0] as Column)));
  let rows = truePositions(valid);
  if (k === "last") rows = rows.slice().reverse();
  const sub = keys.map((key) => take(key, rows));
  const order = argsort(sub, { descending: largest });
  let m = Math.min(count, order.length);
  if (k === "all" && m > 0) {
    const edge = order[m - 1] as number;
    const same = (j: number) => sub.every((c) => c.get(j) === c.get(edge));
    while (m < order.length && same(order[m] as number)) m++;
  }
  const out = new Int32Array(m);
  for (let j = 0; j < m; j++) out[j] = rows[order[j] as number] as number;
  return takeRows(df, out);
}

/**
 * The `n` rows with the largest values of `by` (several columns: by the
 * first, ties by the next), largest first, as pandas' `nlargest`. Rows
 * with a null or NaN in the first key never count; a null or NaN in a
 * later key puts the row after the others tied with it (pandas' order
 * too); among rows tied with the n-th,
 * `keep` picks the first rows, the last ones, or all of them.
 *
 * @example
 * ```ts
 * import { DataFrame, nlargest } from "ndframe";
 * const df = new DataFrame({ p: [59, 65, 434, 434, 11], c: ["IT", "FR", "MT", "MV", "NR"] });
 * nlargest(df, 2, "p").get("c").toArray(); // => ["MT", "MV"]
 * nlargest(df, 1, "p", "all").get("c").toArray(); // => ["MT", "MV"]
 * ```
 */
export function nlargest<S extends Schema>(
  df: DataFrame<S>,
  n: number,
  by: ColumnName<S> | readonly ColumnName<S>[],
  keep: "first" | "last" | "all" = "first",
): DataFrame<S> {
  return topRows(df, n, by, keep, true);
}

/**
 * The `n` rows with the smallest values of `by`, smallest first, as
 * pandas' `nsmallest` (see `nlargest` for ties and missing values).
 *
 * @example
 * ```ts
 * import { DataFrame, nsmallest } from "ndframe";
 * const df = new DataFrame({ p: [59, 65, 434, 11] });
 * nsmallest(df, 2, "p").get("p").toArray(); // => [11, 59]
 * ```
 */
export function nsmallest<S extends Schema>(
  df: DataFrame<S>,
  n: number,
  by: ColumnName<S> | readonly ColumnName<S>[],
  keep: "first" | "last" | "all" = "first",
): DataFrame<S> {
  return topRows(df, n, by, keep, false);
}

/** `sortValues` and `sortIndex`: rows in the order of keys. */
import { OptionError } from "../../core/errors.js";
import { argsort } from "../../core/kernels/sort.js";
import { isObject, keyword, show } from "../../util/is.js";
import type { DataFrame } from "../frame.js";
import type { ColumnName, Schema } from "../schema.js";
import { takeRows } from "./filter.js";

/** Options of `sortValues`. */
export interface FrameSortOptions {
  /** Ascending (default true): one flag for all keys or one per key, as pandas' `ascending`. */
  ascending?: boolean | readonly boolean[];
  /** Where nulls and NaN go, whatever the direction (default "last"), as pandas' `na_position`. */
  naPosition?: "first" | "last";
}

function sortOptions(options: FrameSortOptions | undefined, keys: number, fn: string) {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for ${fn}: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "ascending" && k !== "naPosition") {
      throw new OptionError(`unknown option for ${fn}: "${k}" (expected ascending, naPosition)`);
    }
  }
  const asc = o.ascending ?? true;
  let descending: boolean | boolean[];
  if (typeof asc === "boolean") descending = !asc;
  else if (Array.isArray(asc) && asc.every((a) => typeof a === "boolean")) {
    if (asc.length !== keys) {
      throw new OptionError(
        `invalid ascending: ${asc.length} flags for ${keys} sort keys (expected ${keys})`,
      );
    }
    descending = asc.map((a) => !a);
  } else
    throw new OptionError(`invalid ascending: ${show(asc)} (expected a boolean or an array of booleans)`);
  const nullsPosition =
    o.naPosition === undefined ? "last" : keyword("naPosition", o.naPosition, ["first", "last"] as const);
  return { descending, nullsPosition };
}

/**
 * Sort the rows by one or several columns, stably: ties keep their order;
 * nulls and NaN go last (or first) whatever the direction, as pandas'
 * `sort_values`. Every column is gathered once.
 *
 * @param df - the frame
 * @param by - a column name or names, the first the most significant
 * @param options - `ascending` (per key or for all), `naPosition`
 * @returns the sorted frame, labels included
 * @example
 * ```ts
 * import { DataFrame, sortValues } from "ndframe";
 * const df = new DataFrame({ k: ["b", "a", "b", "a"], v: [1, 2, 3, 4] });
 * sortValues(df, ["k", "v"], { ascending: [true, false] }).get("v").toArray(); // => [4, 2, 3, 1]
 * ```
 */
export function sortValues<S extends Schema>(
  df: DataFrame<S>,
  by: ColumnName<S> | readonly ColumnName<S>[],
  options?: FrameSortOptions,
): DataFrame<S> {
  const keys = (typeof by === "string" ? [by] : by) as readonly ColumnName<S>[];
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new OptionError(`sortValues needs a column name or a non-empty array of names, got ${show(by)}`);
  }
  const cols = keys.map((k) => df.column(k));
  return takeRows(df, argsort(cols, sortOptions(options, keys.length, "sortValues")));
}

/**
 * Sort the rows by their index labels, stably, as pandas' `sort_index`.
 *
 * @example
 * ```ts
 * import { DataFrame, sortIndex } from "ndframe";
 * const df = new DataFrame({ v: [1, 2, 3] }, { index: ["c", "a", "b"] });
 * sortIndex(df).get("v").toArray(); // => [2, 3, 1]
 * ```
 */
export function sortIndex<S extends Schema>(df: DataFrame<S>, options?: FrameSortOptions): DataFrame<S> {
  return takeRows(df, argsort(df.index.toColumn(), sortOptions(options, 1, "sortIndex")));
}

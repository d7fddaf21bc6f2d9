/** `duplicated` and `dropDuplicates` for frames: repeated rows. */
import { OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { duplicated as duplicatedColumns } from "../../core/kernels/duplicated.js";
import { truePositions } from "../../core/kernels/filter.js";
import { not } from "../../core/kernels/logical.js";
import { Series } from "../../series/series.js";
import { isObject, show } from "../../util/is.js";
import type { DataFrame } from "../frame.js";
import type { ColumnName, Schema } from "../schema.js";
import { takeRows } from "./filter.js";

/** Options of `duplicated` and `dropDuplicates`. */
export interface DuplicatesOptions<S extends Schema> {
  /** Compare only these columns (default: all). */
  subset?: readonly ColumnName<S>[];
  /** Which of the equal rows is not a duplicate: "first" (default), "last", or false (none). */
  keep?: "first" | "last" | false;
}

function options<S extends Schema>(df: DataFrame<S>, o: DuplicatesOptions<S> | undefined, fn: string) {
  const opts = (o ?? {}) as Record<string, unknown>;
  if (!isObject(opts)) throw new OptionError(`invalid options for ${fn}: ${show(o)}`);
  for (const k of Object.keys(opts)) {
    if (k !== "subset" && k !== "keep")
      throw new OptionError(`unknown option for ${fn}: "${k}" (expected subset, keep)`);
  }
  const names = (opts.subset ?? df.columns) as readonly ColumnName<S>[];
  if (!Array.isArray(names) || names.length === 0) {
    throw new OptionError(
      `invalid subset: ${show(opts.subset)} (expected a non-empty array of column names)`,
    );
  }
  const keep = opts.keep === undefined ? "first" : opts.keep;
  if (keep !== "first" && keep !== "last" && keep !== false) {
    throw new OptionError(`invalid keep: ${show(keep)} (expected one of "first", "last", false)`);
  }
  return { cols: names.map((n) => df.column(n)), keep: keep as "first" | "last" | false };
}

/**
 * Mark each row equal (on all columns, or `subset`) to a row kept before
 * it, as pandas' `DataFrame.duplicated`. Nulls equal nulls.
 *
 * @example
 * ```ts
 * import { DataFrame, duplicated } from "ndframe";
 * const df = new DataFrame({ a: [1, 1, 2], b: ["x", "x", "x"] });
 * duplicated(df).toArray(); // => [false, true, false]
 * duplicated(df, { subset: ["b"], keep: "last" }).toArray(); // => [true, true, false]
 * ```
 */
export function duplicated<S extends Schema>(df: DataFrame<S>, opts?: DuplicatesOptions<S>): Series {
  const { cols, keep } = options(df, opts, "duplicated");
  if (df.length === 0) return new Series(column([], "bool"), { index: df.index });
  return new Series(duplicatedColumns(cols, { keep }), { index: df.index });
}

/**
 * The rows without duplicates (see `duplicated`), labels included, as
 * pandas' `drop_duplicates`.
 *
 * @example
 * ```ts
 * import { DataFrame, dropDuplicates } from "ndframe";
 * const df = new DataFrame({ a: [1, 1, 2], b: ["x", "x", "y"] });
 * dropDuplicates(df).get("a").toArray(); // => [1, 2]
 * ```
 */
export function dropDuplicates<S extends Schema>(
  df: DataFrame<S>,
  opts?: DuplicatesOptions<S>,
): DataFrame<S> {
  const { cols, keep } = options(df, opts, "dropDuplicates");
  if (df.length === 0) return df;
  const keepRows = not(duplicatedColumns(cols, { keep }));
  const rows = truePositions(keepRows);
  return rows.length === df.length ? df : takeRows(df, rows);
}

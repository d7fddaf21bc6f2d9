/** `describe`: summary statistics of every column, in pandas' layout. */
import type { Column } from "../../core/column.js";
import { float64, isNumeric, utf8 } from "../../core/dtype.js";
import { OptionError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { describeColumn, percentilesOf } from "../../series/ops/describe.js";
import { isObject, keyword, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

/** Options of the frame's `describe`. */
export interface FrameDescribeOptions {
  /** Percentiles to report, in [0, 1] (default [0.25, 0.5, 0.75]; the median is always added). */
  percentiles?: readonly number[];
  /** "all" describes every column; by default only numeric ones (all columns when none is numeric). */
  include?: "all";
}

/**
 * Summarize each column, as pandas' `DataFrame.describe`: a frame with one
 * column per described column and one row per statistic.
 *
 * Numeric columns (integers and floats; bool is not numeric here, as in
 * pandas) give count, mean, std, min, the percentiles and max, as float64
 * (int64 beyond 2^53 rounds, as pandas). Other columns (strings,
 * dictionaries, bool, temporal) give count, unique, top (the most frequent
 * value; the first seen on ties, where pandas picks any) and freq; since
 * one column holds one dtype these are written as text in a utf8 column
 * (`"3"`, `"a"`). By default only the numeric columns are described —
 * all columns when none is numeric; `include: "all"` describes every
 * column, and the rows are the union of both layouts in pandas' order
 * (count, unique, top, freq, mean, std, min, percentiles, max) with nulls
 * where a statistic does not apply. Nulls and NaN are left out of every
 * statistic. Unlike pandas 2, timestamps and dates are described as
 * categories, not with mean and percentiles. A frame without columns
 * raises a `ShapeError`, as pandas. Cost: one quantile selection per
 * numeric column, one value count per other column.
 *
 * @param df - the frame
 * @param options - `percentiles`, `include`
 * @returns a frame indexed by statistic name
 * @example
 * ```ts
 * import { DataFrame, describe } from "ndframe";
 * // pandas' DataFrame.describe example
 * const df = new DataFrame({ numeric: [1, 2, 3], object: ["a", "b", "c"] });
 * const d = describe(df);
 * d.columns; // => ["numeric"]
 * d.get("numeric").toArray(); // => [3, 2, 1, 1, 1.5, 2, 2.5, 3]
 * const all = describe(df, { include: "all" });
 * all.index.toColumn().toArray(); // => ["count", "unique", "top", "freq", "mean", "std", "min", "25%", "50%", "75%", "max"]
 * all.get("object").toArray().slice(0, 5); // => ["3", "3", "a", "1", null]
 * ```
 */
export function describe<S extends Schema>(df: DataFrame<S>, options?: FrameDescribeOptions): DataFrame {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for describe: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "percentiles" && k !== "include")
      throw new OptionError(`unknown option for describe: "${k}" (expected percentiles, include)`);
  }
  const all = o.include !== undefined && keyword("include", o.include, ["all"] as const) === "all";
  const percentiles = percentilesOf(
    o.percentiles === undefined ? undefined : { percentiles: o.percentiles as number[] },
  );
  const cols = df.toColumns() as Map<string, Column>;
  if (cols.size === 0) throw new ShapeError("describe: the frame has no columns");
  let chosen = [...cols];
  if (!all) {
    const numeric = chosen.filter(([, c]) => isNumeric(c.dtype));
    if (numeric.length > 0) chosen = numeric;
  }
  const described = chosen.map(([name, c]) => ({ name, ...describeColumn(c, { percentiles }) }));
  // pandas' row order: the layouts' labels, shortest layout first (the
  // category one), each label once
  const rows: string[] = [];
  for (const d of [...described].sort((a, b) => a.labels.length - b.labels.length)) {
    for (const l of d.labels) if (!rows.includes(l)) rows.push(l);
  }
  const out = new Map<string, Column>();
  for (const d of described) {
    const at = new Map(d.labels.map((l, i) => [l, i]));
    const values = rows.map((r) => {
      const i = at.get(r);
      return i === undefined ? null : d.values.get(i);
    });
    out.set(d.name, column(values, d.values.dtype.kind === "float64" ? float64 : utf8));
  }
  return new DataFrame(out, { index: column(rows, utf8) });
}

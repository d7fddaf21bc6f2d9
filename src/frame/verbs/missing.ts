/** `dropNull` and `fillNull` for frames. */
import type { Column } from "../../core/column.js";
import type { Bool } from "../../core/dtype.js";
import { OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { truePositions } from "../../core/kernels/filter.js";
import { fillNull as fillColumn } from "../../core/kernels/missing.js";
import { isObject, keyword, nonNegativeInt, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { ColumnName, Schema } from "../schema.js";
import { takeRows } from "./filter.js";

/** Options of `dropNull`. */
export interface DropNullOptions<S extends Schema> {
  /** Drop a row when "any" (default) or "all" of the checked values are null, as pandas' `how`. */
  how?: "any" | "all";
  /** Keep rows with at least this many non-null values instead (pandas' `thresh`). */
  thresh?: number;
  /** Check only these columns (default: all). */
  subset?: readonly ColumnName<S>[];
}

/**
 * Drop the rows with nulls, as pandas' `dropna` (NaN is a value here, not
 * a null).
 *
 * @param df - the frame
 * @param options - `how` ("any" or "all"), `thresh`, `subset`
 * @returns the kept rows, labels included
 * @example
 * ```ts
 * import { DataFrame, dropNull } from "ndframe";
 * const df = new DataFrame({ a: [1, null, null], b: ["x", "y", null] });
 * dropNull(df).length; // => 1
 * dropNull(df, { how: "all" }).length; // => 2
 * dropNull(df, { subset: ["b"] }).length; // => 2
 * ```
 */
export function dropNull<S extends Schema>(df: DataFrame<S>, options?: DropNullOptions<S>): DataFrame<S> {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for dropNull: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (!["how", "thresh", "subset"].includes(k)) {
      throw new OptionError(`unknown option for dropNull: "${k}" (expected how, thresh, subset)`);
    }
  }
  if (o.how !== undefined && o.thresh !== undefined)
    throw new OptionError("dropNull takes how or thresh, not both");
  const how = o.how === undefined ? "any" : keyword("how", o.how, ["any", "all"] as const);
  const names = (o.subset ?? df.columns) as readonly ColumnName<S>[];
  if (!Array.isArray(names))
    throw new OptionError(`invalid subset: ${show(o.subset)} (expected an array of names)`);
  const cols: Column[] = names.map((n) => df.column(n));
  const need = o.thresh !== undefined ? nonNegativeInt("thresh", o.thresh) : how === "any" ? cols.length : 1;
  const counts = new Int32Array(df.length);
  for (const c of cols) {
    let i = 0;
    for (const ch of c.chunks) {
      const v = ch.validity;
      for (let j = 0; j < ch.length; j++, i++) {
        if (v === null || (((v[(ch.offset + j) >>> 3] as number) >>> ((ch.offset + j) & 7)) & 1) === 1) {
          counts[i] = (counts[i] as number) + 1;
        }
      }
    }
  }
  const keep = new Array<boolean>(df.length);
  let all = true;
  for (let i = 0; i < df.length; i++) {
    keep[i] = (counts[i] as number) >= need;
    if (!keep[i]) all = false;
  }
  if (all) return df;
  return takeRows(df, truePositions(column(keep, "bool") as Column<Bool>));
}

/** What `fillNull` fills a frame with. */
export type FrameFill<S extends Schema> =
  | number
  | bigint
  | string
  | boolean
  | { readonly [K in ColumnName<S>]?: unknown }
  | { method: "forward" | "backward"; limit?: number };

/**
 * Fill the nulls of every column with a scalar, of some columns with a
 * value each (`{ col: value }`), or forward/backward (`{ method }`), as
 * pandas' `fillna`, `ffill` and `bfill`. A scalar is applied to the
 * columns whose dtype it fits and leaves the others alone (as pandas);
 * a per-column value must fit its column. Untouched columns are shared.
 *
 * @example
 * ```ts
 * import { DataFrame, fillNull } from "ndframe";
 * const df = new DataFrame({ a: [1, null], b: ["x", null] });
 * fillNull(df, 0).toRecords(); // => [{ a: 1, b: "x" }, { a: 0, b: null }]
 * fillNull(df, { b: "?" }).get("b").toArray(); // => ["x", "?"]
 * fillNull(df, { method: "forward" }).get("b").toArray(); // => ["x", "x"]
 * ```
 */
export function fillNull<S extends Schema>(
  df: DataFrame<S>,
  fill: FrameFill<S>,
  options?: { limit?: number },
): DataFrame<S> {
  const cols = df.toColumns() as Map<string, Column>;
  const out = new Map<string, Column>();
  const isMethod = isObject(fill) && Object.hasOwn(fill, "method");
  if (isMethod) {
    const f = fill as { method: "forward" | "backward"; limit?: number };
    for (const [n, c] of cols) out.set(n, fillColumn(c, f));
  } else if (isObject(fill)) {
    for (const k of Object.keys(fill)) df.column(k as ColumnName<S>);
    for (const [n, c] of cols) {
      out.set(n, Object.hasOwn(fill, n) ? fillColumn(c, (fill as Record<string, unknown>)[n], options) : c);
    }
  } else {
    for (const [n, c] of cols) {
      let filled = c;
      if (c.nullCount > 0) {
        try {
          filled = fillColumn(c, fill, options);
        } catch {
          filled = c; // the scalar does not fit this column's dtype: left as is, as pandas
        }
      }
      out.set(n, filled);
    }
  }
  return new DataFrame(out, { index: df.index }) as unknown as DataFrame<S>;
}

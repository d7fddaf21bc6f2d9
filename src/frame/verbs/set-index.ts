/** `setIndex` and `resetIndex`: moving a column into the index and back. */
import type { Column } from "../../core/column.js";
import { KeyError } from "../../core/errors.js";
import { makeIndex } from "../../core/index/index.js";
import { RangeIndex } from "../../core/index/range-index.js";
import { DataFrame } from "../frame.js";
import type { ColumnName, Schema } from "../schema.js";

/**
 * Use a column as the row labels, removing it from the columns (no copy
 * of the values; the index is built over the column), as pandas'
 * `set_index`. With `drop: false` the column also stays.
 *
 * @example
 * ```ts
 * import { DataFrame, setIndex } from "ndframe";
 * const df = setIndex(new DataFrame({ id: ["a", "b"], v: [1, 2] }), "id");
 * df.columns; // => ["v"]
 * df.get("v").at("b"); // => 2
 * ```
 */
export function setIndex<S extends Schema, K extends ColumnName<S>>(
  df: DataFrame<S>,
  name: K,
  options?: { drop?: boolean },
): DataFrame<{ readonly [P in Exclude<keyof S & string, K>]: S[P] }> {
  const col = df.column(name);
  const cols = df.toColumns() as Map<string, Column>;
  if (options?.drop !== false) cols.delete(name);
  return new DataFrame(cols, { index: makeIndex(col) }) as never;
}

/**
 * Move the row labels into a first column named `name` (default "index")
 * and number the rows 0, 1, … again, as pandas' `reset_index`; with
 * `drop: true` the labels are discarded instead.
 *
 * @example
 * ```ts
 * import { DataFrame, resetIndex } from "ndframe";
 * const df = resetIndex(new DataFrame({ v: [1, 2] }, { index: ["a", "b"] }));
 * df.columns; // => ["index", "v"]
 * df.get("index").toArray(); // => ["a", "b"]
 * ```
 */
export function resetIndex<S extends Schema>(
  df: DataFrame<S>,
  options?: { name?: string; drop?: boolean },
): DataFrame {
  const cols = df.toColumns() as Map<string, Column>;
  const out = new Map<string, Column>();
  if (options?.drop !== true) {
    const name = options?.name ?? "index";
    if (cols.has(name))
      throw new KeyError(`resetIndex: a column is already named ${JSON.stringify(name)}; pass another name`);
    out.set(name, df.index.toColumn());
  }
  for (const [n, c] of cols) out.set(n, c);
  return new DataFrame(out, { index: new RangeIndex(df.length) });
}

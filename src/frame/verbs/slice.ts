/** `head`, `tail`, `slice`: rows by position, as views (no copy). */
import type { Column } from "../../core/column.js";
import { OptionError } from "../../core/errors.js";
import { show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

function int(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new OptionError(`invalid ${name}: ${show(v)} (expected an integer)`);
  return v;
}

/**
 * Rows `[start, end)` by position (negative counts from the end; out of
 * range clamps, as `Array.prototype.slice`). A view: no values are copied.
 *
 * @example
 * ```ts
 * import { DataFrame, slice } from "ndframe";
 * slice(new DataFrame({ a: [1, 2, 3, 4] }), 1, -1).get("a").toArray(); // => [2, 3]
 * ```
 */
export function slice<S extends Schema>(df: DataFrame<S>, start = 0, end: number = df.length): DataFrame<S> {
  const n = df.length;
  const norm = (v: number) => (v < 0 ? Math.max(0, n + v) : Math.min(n, v));
  const s = norm(int("start", start));
  const e = Math.max(s, norm(int("end", end)));
  const cols = new Map<string, Column>();
  for (const [name, c] of df.toColumns()) cols.set(name, c.slice(s, e));
  return new DataFrame(cols, { index: df.index.slice(s, e) }) as unknown as DataFrame<S>;
}

/**
 * The first `n` rows (default 5; negative: all but the last −n), as pandas' `head`.
 *
 * @example
 * ```ts
 * import { DataFrame, head } from "ndframe";
 * head(new DataFrame({ a: [1, 2, 3] }), 2).length; // => 2
 * ```
 */
export function head<S extends Schema>(df: DataFrame<S>, n = 5): DataFrame<S> {
  return int("n", n) >= 0 ? slice(df, 0, n) : slice(df, 0, df.length + n);
}

/**
 * The last `n` rows (default 5; negative: all but the first −n), as pandas' `tail`.
 *
 * @example
 * ```ts
 * import { DataFrame, tail } from "ndframe";
 * tail(new DataFrame({ a: [1, 2, 3] }), 1).get("a").toArray(); // => [3]
 * ```
 */
export function tail<S extends Schema>(df: DataFrame<S>, n = 5): DataFrame<S> {
  return int("n", n) >= 0 ? slice(df, Math.max(0, df.length - n)) : slice(df, Math.min(df.length, -n));
}

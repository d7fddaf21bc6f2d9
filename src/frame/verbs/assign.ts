/** `assign`: add or replace columns, evaluated in order. */
import { Column } from "../../core/column.js";
import type { Bool, DType, Float64, Int64, Utf8 } from "../../core/dtype.js";
import { DTypeError } from "../../core/errors.js";
import { evaluate } from "../../core/expr/evaluate.js";
import { Expr } from "../../core/expr/expr.js";
import { column } from "../../core/from-values.js";
import { isDefaultIndex, sameLabels, takeOrNull } from "../../series/index-of.js";
import { Series } from "../../series/series.js";
import { isObject, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { AnySchema, ColumnInput, DTypeOfInput, Schema, Simplify } from "../schema.js";

/** A value `assign` accepts for one column. */
export type AssignValue<S extends Schema> =
  | ColumnInput
  | Expr
  | number
  | bigint
  | string
  | boolean
  // the frame so far: it may hold columns assigned just before, which the
  // type of `S` cannot know, so any name is accepted (checked at run time)
  | ((df: DataFrame<S & AnySchema>) => ColumnInput | Expr | number | bigint | string | boolean);

/** The dtype a value of `assign` gives. */
export type DTypeOfAssign<V> = V extends (df: never) => infer R
  ? DTypeOfAssign<R>
  : V extends Expr
    ? DType
    : V extends number
      ? Float64
      : V extends bigint
        ? Int64
        : V extends string
          ? Utf8
          : V extends boolean
            ? Bool
            : DTypeOfInput<V>;

/** The schema after `assign`: the old columns (replaced ones in place) and the new ones. */
export type Assigned<S extends Schema, A> = Simplify<
  { readonly [K in keyof S as K extends keyof A ? never : K]: S[K] } & {
    readonly [K in keyof A & string]: DTypeOfAssign<A[K]>;
  }
>;

/** A Series lined up with the frame's rows: by label when both carry labels, else by position. */
function lineUp(df: DataFrame<Schema>, name: string, s: Series): Column {
  if (sameLabels(s.index, df.index)) return s.column;
  if (isDefaultIndex(s.index) || isDefaultIndex(df.index)) {
    if (s.length !== df.length) {
      throw new DTypeError(
        `assign: column "${name}" has ${s.length} values, the frame has ${df.length} rows`,
      );
    }
    return s.column;
  }
  return takeOrNull(s.column, s.index.getIndexer(df.index));
}

/**
 * Add columns, or replace them in place, evaluated one after the other so
 * that later values see earlier ones, as pandas' `assign`.
 *
 * A value is an array, TypedArray, Column or Series (a Series with labels
 * is aligned to the frame's index, nulls where it lacks a label), an
 * expression (`col("a").mul(col("b"))`, computed in one fused pass), a
 * scalar (repeated on every row), or a function of the frame so far
 * returning any of those.
 *
 * @param df - the frame
 * @param values - new column name → value
 * @returns a frame with the columns added or replaced (the others shared)
 * @example
 * ```ts
 * import { DataFrame, assign } from "ndframe";
 * import { col } from "ndframe/compute";
 * const df = new DataFrame({ a: [1, 2], b: [10, 20] });
 * const r = assign(df, { c: col("a").mul(col("b")), d: (f) => f.get("c").add(1), k: "x" });
 * r.columns; // => ["a", "b", "c", "d", "k"]
 * r.get("d").toArray(); // => [11, 41]
 * r.get("k").toArray(); // => ["x", "x"]
 * ```
 */
export function assign<S extends Schema, const A extends { readonly [name: string]: AssignValue<S> }>(
  df: DataFrame<S>,
  values: A,
): DataFrame<Assigned<S, A>> {
  if (!isObject(values)) throw new DTypeError(`assign expects a record of new columns, got ${show(values)}`);
  let cur = df as unknown as DataFrame<Schema>;
  for (const name of Object.keys(values)) {
    let v: unknown = (values as Record<string, unknown>)[name];
    if (typeof v === "function") v = (v as (d: DataFrame<Schema>) => unknown)(cur);
    let c: Column;
    if (v instanceof Expr) c = evaluate(v, cur.toColumns() as Map<string, Column>);
    else if (v instanceof Series) c = lineUp(cur, name, v);
    else if (v instanceof Column || ArrayBuffer.isView(v) || Array.isArray(v)) {
      c = v instanceof Column ? v : column(v as ArrayLike<unknown>);
      if (c.length !== cur.length) {
        throw new DTypeError(
          `assign: column "${name}" has ${c.length} values, the frame has ${cur.length} rows`,
        );
      }
    } else if (v === null || ["number", "bigint", "string", "boolean"].includes(typeof v)) {
      if (v === null)
        throw new DTypeError(`assign: column "${name}" is null; give a typed column of nulls instead`);
      c = column(new Array(cur.length).fill(v));
    } else throw new DTypeError(`assign: column "${name}": unsupported value ${show(v)}`);
    const cols = cur.toColumns() as Map<string, Column>;
    cols.set(name, c);
    cur = new DataFrame(cols, { index: cur.index });
  }
  return cur as unknown as DataFrame<Assigned<S, A>>;
}

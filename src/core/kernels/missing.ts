/**
 * Missing data: which rows are null, filling them (with a value, or the
 * previous or next valid value, as pandas' `fillna`, `ffill` and `bfill`),
 * dropping them, and the NaN-only counterparts for float columns. A null is
 * a missing value (a validity bit); NaN is a float value and is left alone
 * by the null functions, as in pandas' nullable dtypes.
 */
import { isObject, keyword, nonNegativeInt, show } from "../../util/is.js";
import { bitmapBytes } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool, type DType, dtypeToString, isFloat } from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { column } from "../from-values.js";
import { concat } from "./concat.js";
import { filter } from "./filter.js";
import { positionsOrNull, take } from "./take.js";

function checkColumn(fn: string, col: unknown): asserts col is Column {
  if (!(col instanceof Column)) throw new DTypeError(`${fn} expects a Column, got ${show(col)}`);
}

/** A bool column from a per-chunk bit writer: `set(chunk, out, at)` sets bit `at + i` for row i. */
function boolColumn(col: Column, set: (c: Chunk, out: Uint8Array, at: number) => void): Column<Bool> {
  const n = col.length;
  const out = new Uint8Array(bitmapBytes(n));
  let at = 0;
  for (const c of col.chunks) {
    set(c, out, at);
    at += c.length;
  }
  return Column.fromChunk(makeChunk({ dtype: bool, length: n, values: out }));
}

const bitOf = (v: Uint8Array, i: number): number => ((v[i >>> 3] as number) >>> (i & 7)) & 1;

/**
 * Mark the null rows (pandas' `isna` for nullable dtypes; NaN is not null).
 *
 * @param col - any column
 * @returns a bool column without nulls: true where `col` is null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { isNull } from "ndframe/compute";
 * isNull(column([1, null, Number.NaN])).toArray(); // => [false, true, false]
 * ```
 */
export function isNull(col: Column): Column<Bool> {
  checkColumn("isNull", col);
  return boolColumn(col, (c, out, at) => {
    const v = c.validity;
    if (v === null) return;
    for (let i = 0; i < c.length; i++) {
      if (bitOf(v, c.offset + i) === 0)
        out[(at + i) >>> 3] = (out[(at + i) >>> 3] as number) | (1 << ((at + i) & 7));
    }
  });
}

/**
 * Mark the rows that are not null (pandas' `notna`).
 *
 * @param col - any column
 * @returns a bool column without nulls: true where `col` has a value
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { notNull } from "ndframe/compute";
 * notNull(column(["a", null])).toArray(); // => [true, false]
 * ```
 */
export function notNull(col: Column): Column<Bool> {
  checkColumn("notNull", col);
  return boolColumn(col, (c, out, at) => {
    const v = c.validity;
    for (let i = 0; i < c.length; i++) {
      if (v === null || bitOf(v, c.offset + i) === 1) {
        out[(at + i) >>> 3] = (out[(at + i) >>> 3] as number) | (1 << ((at + i) & 7));
      }
    }
  });
}

/**
 * Mark the NaN values of a float column (NumPy's `isnan`). Exported from
 * `ndframe/compute` as `isNaN`.
 *
 * Nulls stay null (a missing value is neither NaN nor a number). Integer,
 * bool and other columns hold no NaN: all false where valid.
 *
 * @param col - any column
 * @returns a bool column, null where `col` is null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { isNaN } from "ndframe/compute";
 * isNaN(column([1, Number.NaN, null])).toArray(); // => [false, true, null]
 * ```
 */
export function isNaNColumn(col: Column): Column<Bool> {
  checkColumn("isNaN", col);
  const float = isFloat(col.dtype);
  const marks = boolColumn(col, (c, out, at) => {
    if (!float) return;
    const a = c.values as Float64Array | Float32Array;
    for (let i = 0; i < c.length; i++) {
      const x = a[i] as number;
      if (Number.isNaN(x)) out[(at + i) >>> 3] = (out[(at + i) >>> 3] as number) | (1 << ((at + i) & 7));
    }
  });
  if (col.nullCount === 0) return marks;
  const validity = notNull(col).chunks[0]?.values as Uint8Array;
  const m = marks.chunks[0] as Chunk<Bool>;
  return Column.fromChunk(makeChunk({ dtype: bool, length: col.length, values: m.values, validity }));
}

/** Options of `fillNull`. */
export interface FillNullOptions {
  /** Fill from the previous ("forward", pandas' ffill) or next ("backward", bfill) valid value. */
  method?: "forward" | "backward";
  /** Fill at most this many consecutive nulls in each gap (pandas' `limit`). */
  limit?: number;
}

const METHODS = ["forward", "backward"] as const;

/**
 * Replace nulls with a value, or with the nearest valid value before or
 * after them.
 *
 * With a value: it must fit the column's dtype (a `CastError` names it
 * otherwise; nothing is converted silently), and the dtype is unchanged.
 * With `{ method: "forward" }` each null takes the last valid value above
 * it, with `"backward"` the next one below; nulls with no such value stay
 * null. `limit`, as in pandas: with a method, how many nulls of each run
 * are filled, counted from the side the value comes from; with a value,
 * how many nulls are filled in all, from the top. NaN is a value, not a
 * null: use `fillNaN` for it. Always a copy.
 *
 * @param col - any column
 * @param fill - the value for the nulls, or the options with a `method`
 * @param options - `limit` when filling with a value
 * @returns a new column of the same dtype
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { fillNull } from "ndframe/compute";
 * const x = column([null, 1, null, null, 4], "int32");
 * fillNull(x, 0).toArray(); // => [0, 1, 0, 0, 4]
 * fillNull(x, { method: "forward" }).toArray(); // => [null, 1, 1, 1, 4]
 * fillNull(x, { method: "backward", limit: 1 }).toArray(); // => [1, 1, null, 4, 4]
 * ```
 */
export function fillNull<T extends DType>(
  col: Column<T>,
  fill: unknown,
  options?: Pick<FillNullOptions, "limit">,
): Column<T> {
  checkColumn("fillNull", col);
  const byMethod = isObject(fill) && !(fill instanceof Date) && !(fill instanceof Uint8Array);
  const opts = (byMethod ? fill : (options ?? {})) as Record<string, unknown>;
  for (const k of Object.keys(opts)) {
    if (k !== "limit" && !(byMethod && k === "method")) {
      throw new OptionError(
        `unknown option for fillNull: "${k}" (expected ${byMethod ? "method, limit" : "limit"})`,
      );
    }
  }
  const limit = opts.limit === undefined ? Number.POSITIVE_INFINITY : nonNegativeInt("limit", opts.limit);
  if (byMethod) {
    if (opts.method === undefined)
      throw new OptionError("fillNull options need a method: forward or backward");
    return fillFrom(col, keyword("method", opts.method, METHODS), limit);
  }
  if (fill === null || fill === undefined) {
    throw new OptionError("fillNull needs a value or { method }; null would leave the nulls in place");
  }
  if (col.nullCount === 0) return col;
  let one: Column;
  try {
    one = column([fill], col.dtype);
  } catch (e) {
    throw new CastError(
      `fillNull: ${show(fill)} does not fit the column's dtype ${dtypeToString(col.dtype)} (${(e as Error).message})`,
    );
  }
  const n = col.length;
  const both = concat([col, one]) as Column<T>;
  const idx = new Int32Array(n);
  let filled = 0;
  let at = 0;
  for (const c of col.chunks) {
    const v = c.validity;
    for (let i = 0; i < c.length; i++, at++) {
      const isValid = v === null || bitOf(v, c.offset + i) === 1;
      idx[at] = isValid || filled++ >= limit ? at : n;
    }
  }
  return take(both, idx);
}

/** Forward or backward fill through a take with a null position where no value reaches. */
function fillFrom<T extends DType>(col: Column<T>, method: "forward" | "backward", limit: number): Column<T> {
  const n = col.length;
  if (col.nullCount === 0) return col;
  const valid = notNull(col).chunks[0]?.values as Uint8Array;
  const idx = new Int32Array(n);
  const forward = method === "forward";
  let last = -1;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const i = forward ? k : n - 1 - k;
    if (bitOf(valid, i) === 1) {
      last = i;
      run = 0;
      idx[i] = i;
    } else {
      run++;
      idx[i] = last >= 0 && run <= limit ? last : -1;
    }
  }
  return take(col, positionsOrNull(idx));
}

/**
 * Drop the null rows.
 *
 * @param col - any column
 * @returns the valid values, in order (the column itself when it has no nulls)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { dropNull } from "ndframe/compute";
 * dropNull(column([1, null, 3])).toArray(); // => [1, 3]
 * ```
 */
export function dropNull<T extends DType>(col: Column<T>): Column<T> {
  checkColumn("dropNull", col);
  return col.nullCount === 0 ? col : filter(col, notNull(col));
}

/**
 * Replace the NaN values of a float column with a number.
 *
 * Nulls stay null (`fillNull` fills those). Columns of other dtypes hold
 * no NaN and come back unchanged.
 *
 * @param col - any column
 * @param value - the replacement, a number
 * @returns a new float column, or `col` itself when there is nothing to replace
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { fillNaN } from "ndframe/compute";
 * fillNaN(column([1, Number.NaN, null]), 0).toArray(); // => [1, 0, null]
 * ```
 */
export function fillNaN<T extends DType>(col: Column<T>, value: number): Column<T> {
  checkColumn("fillNaN", col);
  if (typeof value !== "number")
    throw new OptionError(`invalid fillNaN value: ${show(value)} (expected a number)`);
  if (!isFloat(col.dtype)) return col;
  const c = col.combine();
  const Ctor = (c.values as Float64Array).constructor as Float64ArrayConstructor;
  const src = c.values as Float64Array;
  const out = new Ctor(c.length);
  let changed = false;
  for (let i = 0; i < c.length; i++) {
    const x = src[i] as number;
    if (Number.isNaN(x)) {
      out[i] = value;
      changed = true;
    } else out[i] = x;
  }
  if (!changed) return col;
  const validity = c.validity === null ? null : (notNull(col).chunks[0]?.values as Uint8Array);
  return Column.fromChunk(makeChunk({ dtype: col.dtype, length: c.length, values: out as never, validity }));
}

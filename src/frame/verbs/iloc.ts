/** `iloc`: rows and columns by position, as pandas' `DataFrame.iloc`. */
import { Column } from "../../core/column.js";
import { type Bool, dtypeToString, isInteger } from "../../core/dtype.js";
import { DTypeError, IndexError, KeyError, OptionError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { RangeIndex } from "../../core/index/range-index.js";
import { truePositions } from "../../core/kernels/filter.js";
import { take } from "../../core/kernels/take.js";
import { isDefaultIndex, sameLabels } from "../../series/index-of.js";
import { Series } from "../../series/series.js";
import { isObject, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { AnySchema, ColumnName, Schema } from "../schema.js";
import { takeRows } from "./filter.js";

/**
 * A slice of positions, as Python's `start:stop:step`: `start` included,
 * `stop` excluded, negative values count from the end, out-of-range values
 * clamp; `step` (default 1) may be negative, not 0. `{}` is every position.
 */
export interface PositionSlice {
  readonly start?: number | null;
  readonly stop?: number | null;
  readonly step?: number | null;
}

/** A bool mask over rows: one value per row (a null counts as false); dtypes are checked at run time. */
export type RowMaskLike = readonly boolean[] | Series | Column;

/**
 * Rows by position: one position, several (negative from the end; an array,
 * Int32Array or integer Column), a slice, a bool mask, or null (all).
 */
export type RowPositions = number | readonly number[] | Int32Array | PositionSlice | RowMaskLike | null;

/** Columns by position or name: one, several, a slice of positions, a bool mask, or null (all). */
export type ColumnPositions<S extends Schema = AnySchema> =
  | number
  | ColumnName<S>
  | readonly (number | ColumnName<S>)[]
  | readonly boolean[]
  | PositionSlice
  | null;

/** Which rows a selection keeps: all, a contiguous range (a view), or gathered positions. @internal */
export type RowSelection =
  | { readonly kind: "all" }
  | { readonly kind: "range"; readonly start: number; readonly stop: number }
  | { readonly kind: "take"; readonly positions: Int32Array; readonly step?: number };

const SLICE_KEYS = ["start", "stop", "step"];

/** True for a plain `{ start, stop, step }`-like object (not an array, Date, Series, Column or Index). @internal */
export function isSliceObject(x: unknown): x is Record<string, unknown> {
  if (!isObject(x) || Array.isArray(x) || ArrayBuffer.isView(x) || x instanceof Date) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function sliceBound(fn: string, key: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isSafeInteger(v)) {
    throw new OptionError(`${fn}: invalid slice ${key}: ${show(v)} (expected an integer or null)`);
  }
  return v;
}

/** A position slice over `n` positions, as Python's `slice.indices(n)`. @internal */
export function positionSlice(fn: string, s: Record<string, unknown>, n: number): RowSelection {
  for (const k of Object.keys(s)) {
    if (!SLICE_KEYS.includes(k)) {
      throw new OptionError(`${fn}: unknown slice key "${k}" (expected start, stop, step)`);
    }
  }
  const step = sliceBound(fn, "step", s.step) ?? 1;
  if (step === 0) throw new OptionError(`${fn}: invalid slice step: 0 (expected a non-zero integer)`);
  let start = sliceBound(fn, "start", s.start);
  let stop = sliceBound(fn, "stop", s.stop);
  const lo = step > 0 ? 0 : -1;
  const hi = step > 0 ? n : n - 1;
  const norm = (v: number) => Math.min(Math.max(v < 0 ? v + n : v, lo), hi);
  start = start === null ? (step > 0 ? 0 : n - 1) : norm(start);
  stop = stop === null ? (step > 0 ? n : -1) : norm(stop);
  if (step === 1)
    return start === 0 && stop >= n ? { kind: "all" } : { kind: "range", start, stop: Math.max(start, stop) };
  return stepped(start, stop, step);
}

/** Positions start, start + step, … before stop. @internal */
export function stepped(start: number, stop: number, step: number): RowSelection {
  const count = Math.max(0, Math.ceil((stop - start) / step));
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[i] = start + i * step;
  return { kind: "take", positions, step };
}

/** A bool mask (array, Column or Series) as a bool Column of `n` values, checked. @internal */
export function maskColumn(fn: string, mask: unknown, n: number, what: string): Column<Bool> {
  let bits: Column;
  if (mask instanceof Series) bits = mask.column;
  else if (mask instanceof Column) bits = mask;
  else {
    const arr = mask as readonly unknown[];
    arr.forEach((v, i) => {
      if (typeof v !== "boolean") {
        throw new DTypeError(`${fn}: the mask holds ${show(v)} at position ${i} (expected only booleans)`);
      }
    });
    bits = column(arr, "bool");
  }
  if (bits.dtype.kind !== "bool") {
    throw new DTypeError(
      `${fn}: a mask must be bool, got ${dtypeToString(bits.dtype)}${fn === "iloc" ? " (positions are numbers or an integer Column)" : ""}`,
    );
  }
  if (bits.length !== n) {
    throw new ShapeError(`${fn}: the mask has ${bits.length} values, the frame has ${n} ${what}`);
  }
  return bits as Column<Bool>;
}

/** True for an array whose first element is a boolean (a mask, not positions or labels). @internal */
export function isBoolArray(x: unknown): x is readonly boolean[] {
  return Array.isArray(x) && x.length > 0 && typeof x[0] === "boolean";
}

/** One position checked against `n` (negative counts from the end). */
function position(fn: string, v: unknown, n: number, what: string): number {
  if (typeof v === "bigint" && Number.isSafeInteger(Number(v))) v = Number(v);
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new IndexError(`${fn}: ${what} position ${show(v)} is not an integer`);
  }
  const p = v < 0 ? v + n : v;
  if (!(p >= 0 && p < n)) {
    throw new IndexError(`${fn}: ${what} position ${v} is out of bounds for ${n} ${what}s`);
  }
  return p;
}

function rowSelection(df: DataFrame<Schema>, rows: unknown): RowSelection {
  const n = df.length;
  if (rows === null || rows === undefined) return { kind: "all" };
  if (typeof rows === "number") {
    const p = position("iloc", rows, n, "row");
    return { kind: "range", start: p, stop: p + 1 };
  }
  if (rows instanceof Series) {
    if (!sameLabels(rows.index, df.index) && !isDefaultIndex(rows.index)) {
      throw new ShapeError(
        "iloc: the mask's labels differ from the frame's; iloc is positional, use loc to align a mask on labels",
      );
    }
  }
  if (rows instanceof Column && isInteger(rows.dtype)) {
    // an integer column of positions (a null has no position: an error, as NumPy)
    return { kind: "take", positions: Int32Array.from(rows, (v) => position("iloc", v, n, "row")) };
  }
  if (rows instanceof Series || rows instanceof Column || isBoolArray(rows)) {
    return { kind: "take", positions: truePositions(maskColumn("iloc", rows, n, "rows")) };
  }
  if (Array.isArray(rows) || rows instanceof Int32Array) {
    const src = rows as ArrayLike<unknown>;
    const positions = new Int32Array(src.length);
    for (let i = 0; i < src.length; i++) positions[i] = position("iloc", src[i], n, "row");
    return { kind: "take", positions };
  }
  if (isSliceObject(rows)) return positionSlice("iloc", rows, n);
  throw new DTypeError(
    `iloc: invalid rows ${show(rows)} (expected a position, an array of positions, a { start, stop, step } slice, a bool mask or null)`,
  );
}

/** The names of the selected columns, checked (no name twice). @internal */
export function checkedNames(fn: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new KeyError(`${fn}: column ${JSON.stringify(n)} is selected twice`);
    seen.add(n);
  }
  return names as string[];
}

function columnNames(df: DataFrame<Schema>, columns: unknown): string[] {
  const all = df.columns;
  const m = all.length;
  if (columns === null || columns === undefined) return all;
  const one = (v: unknown): string => {
    if (typeof v === "string") {
      df.column(v);
      return v;
    }
    return all[position("iloc", v, m, "column")] as string;
  };
  if (typeof columns === "number" || typeof columns === "string") return [one(columns)];
  if (isBoolArray(columns)) {
    const keep = maskColumn("iloc", columns, m, "columns");
    return all.filter((_, j) => keep.get(j) === true);
  }
  if (Array.isArray(columns)) return checkedNames("iloc", columns.map(one));
  if (isSliceObject(columns)) {
    const sel = positionSlice("iloc", columns, m);
    if (sel.kind === "all") return all;
    if (sel.kind === "range") return all.slice(sel.start, sel.stop);
    return Array.from(sel.positions, (p) => all[p] as string);
  }
  throw new DTypeError(
    `iloc: invalid columns ${show(columns)} (expected a position, a name, an array of them, a bool mask, a slice or null)`,
  );
}

/** The frame with columns `names` and the rows of `rows` (a view for ranges, a gather otherwise). @internal */
export function selectFrame(df: DataFrame<Schema>, names: readonly string[], rows: RowSelection): DataFrame {
  const cols = new Map<string, Column>();
  if (rows.kind === "range") {
    for (const n of names) cols.set(n, df.column(n).slice(rows.start, rows.stop));
    return new DataFrame(cols, { index: df.index.slice(rows.start, rows.stop) });
  }
  const idx = df.index;
  if (rows.kind === "take" && rows.step !== undefined && idx instanceof RangeIndex) {
    // every step-th row of a range index is a range again: no labels to gather
    const p = rows.positions;
    const first = p.length > 0 ? idx.at(p[0] as number) : idx.start;
    const step = idx.step * rows.step;
    for (const n of names) cols.set(n, take(df.column(n), p));
    return new DataFrame(cols, { index: new RangeIndex(first, first + p.length * step, step) });
  }
  for (const n of names) cols.set(n, df.column(n));
  const picked = new DataFrame(cols, { index: idx });
  return rows.kind === "all" ? picked : takeRows(picked, rows.positions);
}

/**
 * Select rows and columns by position, as pandas' `DataFrame.iloc`.
 *
 * Rows: a position (negative counts from the end), an array, Int32Array or
 * integer Column of positions (repeats allowed; an `IndexError` names the first position
 * out of range and the row count), a `{ start, stop, step }` slice
 * (Python's rules: stop excluded, bounds clamp), a bool mask (array,
 * Column, or Series with the frame's labels or the default index; a null
 * counts as false; a `ShapeError` when its length is not the row count), or
 * null for every row. Columns: a position, a name, an array of positions
 * and/or names (in that order; a name twice is a `KeyError`), a bool mask
 * over the columns, a slice, or null (all).
 *
 * Unlike pandas, the result is always a frame: one position gives a frame
 * of one row, not a Series (`iloc(df, i).toRecords()[0]` is that row as a
 * record; `df.get(name).get(i)` is one value). A slice with step 1 (or a
 * single position) is a view — no values are copied; positions, masks and
 * other steps gather the selected columns once (a copy). Row labels follow
 * their rows.
 *
 * @param df - the frame
 * @param rows - the rows to keep (null: all)
 * @param columns - the columns to keep (omitted or null: all)
 * @returns a frame of the selected rows and columns
 * @example
 * ```ts
 * import { DataFrame, iloc } from "ndframe";
 * // pandas docs: pd.DataFrame(mydict) with rows a..d = 1.., 100.., 1000..
 * const df = new DataFrame({ a: [1, 100, 1000], b: [2, 200, 2000], c: [3, 300, 3000], d: [4, 400, 4000] });
 * iloc(df, 0).toRecords(); // => [{ a: 1, b: 2, c: 3, d: 4 }]
 * iloc(df, [0, 2], [1, 3]).toRecords(); // => [{ b: 2, d: 4 }, { b: 2000, d: 4000 }]
 * iloc(df, { start: 1, stop: 3 }, { stop: 3 }).get("c").toArray(); // => [300, 3000]
 * iloc(df, [true, false, true]).get("a").toArray(); // => [1, 1000]
 * iloc(df, { step: -1 }, "a").get("a").toArray(); // => [1000, 100, 1]
 * ```
 */
export function iloc<S extends Schema>(df: DataFrame<S>, rows: RowPositions): DataFrame<S>;
export function iloc<S extends Schema, K extends ColumnName<S>>(
  df: DataFrame<S>,
  rows: RowPositions,
  columns: K | readonly K[],
): DataFrame<{ readonly [P in K]: S[P] }>;
export function iloc<S extends Schema>(
  df: DataFrame<S>,
  rows: RowPositions,
  columns?: ColumnPositions<S>,
): DataFrame<AnySchema>;
export function iloc<S extends Schema>(
  df: DataFrame<S>,
  rows: RowPositions,
  columns?: ColumnPositions<S>,
): DataFrame<AnySchema> {
  const f = df as unknown as DataFrame<Schema>;
  const names = columnNames(f, columns);
  return selectFrame(f, names, rowSelection(f, rows));
}

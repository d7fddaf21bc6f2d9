/**
 * Kernels that pair each row with the row `periods` before it: shift,
 * diff and pctChange. They need random access across the whole column, so
 * a multi-chunk input is combined once (one copy) before the loop; output
 * buffers are always fresh.
 */

import { isObject, show } from "../../util/is.js";
import { bitmapBytes, copyBits, getBit, setBit } from "../bitmap.js";
import { VarWidthBuilder } from "../builder.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import {
  arrayType,
  type Binary,
  type DType,
  dtypeToString,
  duration,
  float64,
  int64,
  isBigIntStorage,
  isFloat,
  isInteger,
  isVarWidth,
  type StringType,
  type TypedArray,
} from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { column } from "../from-values.js";
import { checkColumn } from "./reduce.js";
import { uwords } from "./reduce-loops.js";
import { positionsOrNull, take } from "./take.js";

/** Options of `shift`. */
export interface ShiftOptions {
  /** Value for the rows shifted in (default: null). Must fit the column's dtype. */
  fillValue?: unknown;
}

function checkPeriods(fn: string, periods: unknown): number {
  if (typeof periods !== "number" || !Number.isSafeInteger(periods)) {
    throw new OptionError(`invalid periods for ${fn}: ${show(periods)} (expected an integer)`);
  }
  return periods;
}

/** Rows `[lo, hi)` of the output that take input row `i - periods`. */
function moved(n: number, p: number): [number, number] {
  return p >= 0 ? [Math.min(p, n), n] : [0, Math.max(n + p, 0)];
}

/**
 * Shift values down by `periods` rows (up when negative), as pandas'
 * `Series.shift`: the rows shifted in are null, or `fillValue`. Works for
 * every dtype; the dtype is kept.
 *
 * @param col - a column of any dtype
 * @param periods - rows to shift by (default 1)
 * @param options - `fillValue`
 * @returns a new column of the same length and dtype
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { shift } from "ndframe/compute";
 * // pandas' DataFrame.shift example, column "Col1"
 * shift(column([10, 20, 15, 30, 45], "int32")).toArray(); // => [null, 10, 20, 15, 30]
 * shift(column([10, 20, 15, 30, 45], "int32"), 1, { fillValue: 0 }).toArray(); // => [0, 10, 20, 15, 30]
 * shift(column(["a", "b", "c"]), -1).toArray(); // => ["b", "c", null]
 * ```
 */
export function shift(col: Column, periods = 1, options?: ShiftOptions): Column {
  checkColumn(col, "shift");
  const p = checkPeriods("shift", periods);
  if (options !== undefined && !isObject(options))
    throw new OptionError(`invalid options for shift: ${show(options)}`);
  for (const k of Object.keys(options ?? {})) {
    if (k !== "fillValue") throw new OptionError(`unknown option for shift: "${k}" (expected fillValue)`);
  }
  const fill = options?.fillValue;
  const hasFill = fill !== undefined && fill !== null;
  const n = col.length;
  const c = col.combine();
  const [lo, hi] = moved(n, p);
  const d = col.dtype;
  if (isVarWidth(d)) return shiftVarWidth(c, p, lo, hi, hasFill ? fill : null);
  if (d.kind === "list") {
    // lists move by a gather: row i takes row i − p, the rows shifted in are null
    if (hasFill) throw new OptionError("shift: a list column takes no fillValue");
    const pos = new Int32Array(n);
    for (let i = 0; i < n; i++) pos[i] = i >= lo && i < hi ? i - p : -1;
    return take(col, positionsOrNull(pos));
  }
  // Encode the fill value through a one-element column: checks it fits the dtype.
  let fillChunk: Chunk | null = null;
  if (hasFill) {
    fillChunk = d.kind === "dictionary" ? dictionaryFill(c, fill) : (column([fill], d).chunks[0] as Chunk);
  }
  const validity = new Uint8Array(bitmapBytes(n));
  if (c.validity === null) {
    for (let i = lo; i < hi; i++) setBit(validity, i);
  } else copyBits(validity, lo, c.validity, c.offset + lo - p, hi - lo);
  const fillRange: [number, number] = p >= 0 ? [0, lo] : [hi, n];
  if (fillChunk !== null) for (let i = fillRange[0]; i < fillRange[1]; i++) setBit(validity, i);
  let values: TypedArray;
  if (d.kind === "bool") {
    values = new Uint8Array(bitmapBytes(n));
    copyBits(values, lo, c.values as Uint8Array, c.offset + lo - p, hi - lo);
    if (fillChunk !== null && getBit(fillChunk.values as Uint8Array, fillChunk.offset)) {
      for (let i = fillRange[0]; i < fillRange[1]; i++) setBit(values, i);
    }
  } else {
    const Ctor = arrayType(d);
    values = new Ctor(n);
    (values as Float64Array).set((c.values as Float64Array).subarray(lo - p, hi - p), lo);
    if (fillChunk !== null) {
      (values as Float64Array).fill(
        (fillChunk.values as Float64Array)[0] as number,
        fillRange[0],
        fillRange[1],
      );
    }
  }
  return Column.fromChunk(
    makeChunk({
      dtype: d,
      length: n,
      values: values as StorageOf<DType>,
      validity,
      dictionary: c.dictionary,
    }),
  );
}

function dictionaryFill(c: Chunk, fill: unknown): Chunk {
  const code = (c.dictionary as Column).toArray().indexOf(fill as string);
  if (code < 0) {
    throw new OptionError(`invalid fillValue: ${show(fill)} (not among the dictionary's categories)`);
  }
  const index = (c.dtype as DType & { index: DType }).index;
  return column([isBigIntStorage(index) ? BigInt(code) : code], index).chunks[0] as Chunk;
}

function shiftVarWidth(c: Chunk, p: number, lo: number, hi: number, fill: unknown): Column {
  const n = c.length;
  const b = new VarWidthBuilder(c.dtype as StringType | Binary);
  const o = numberOffsets(c);
  const bytes = c.values as Uint8Array;
  const put = (): void => (fill === null ? b.appendNull() : b.append(fill as string));
  if (p >= 0) for (let i = 0; i < lo; i++) put();
  for (let i = lo; i < hi; i++) {
    const k = i - p;
    if (c.validity !== null && !getBit(c.validity, c.offset + k)) b.appendNull();
    else b.appendBytes(bytes, o[k] as number, o[k + 1] as number);
  }
  if (p < 0) for (let i = hi; i < n; i++) put();
  return b.finish();
}

/** The values of a numeric chunk as doubles (copy unless float64; 64-bit rounded beyond 2^53). */
function toF64(c: Chunk): Float64Array {
  const v = c.values;
  if (v instanceof Float64Array) return v;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
    const u = uwords(v);
    const out = new Float64Array(c.length);
    const signed = v instanceof BigInt64Array;
    for (let i = 0; i < c.length; i++) {
      const h = u[2 * i + 1] as number;
      out[i] = (signed ? h | 0 : h) * 4294967296 + (u[2 * i] as number);
    }
    return out;
  }
  return new Float64Array(v as Int32Array);
}

/** Validity of `x[i] op x[i - p]`: both valid and in range. */
function pairValidity(c: Chunk, p: number): Uint8Array {
  const n = c.length;
  const [lo, hi] = moved(n, p);
  const out = new Uint8Array(bitmapBytes(n));
  const vb = c.validity;
  for (let i = lo; i < hi; i++) {
    if (vb === null || (getBit(vb, c.offset + i) && getBit(vb, c.offset + i - p))) setBit(out, i);
  }
  return out;
}

function checkNumeric(fn: string, col: Column): void {
  const d = col.dtype;
  if (!(isInteger(d) || isFloat(d) || d.kind === "timestamp" || d.kind === "duration")) {
    throw new DTypeError(
      `${fn} does not support dtype ${dtypeToString(d)} (expected a numeric, timestamp or duration column${d.kind === "bool" ? "; cast bool to int8 first" : ""})`,
    );
  }
}

/**
 * Subtract from each value the value `periods` rows before it, as pandas'
 * `Series.diff`. The first `periods` rows (last, when negative) are null
 * where pandas puts NaN. Floats keep their dtype; integers give an exact
 * int64 (pandas gives float64; an int64 difference that overflows throws a
 * CastError); timestamps and durations give a duration. bool raises a
 * DTypeError (pandas returns object dtype).
 *
 * @param col - a numeric, timestamp or duration column
 * @param periods - rows back to subtract (default 1; negative looks ahead)
 * @returns a new column of the same length
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { diff } from "ndframe/compute";
 * // pandas' Series.diff examples
 * diff(column([1, 1, 2, 3, 5, 8])).toArray(); // => [null, 0, 1, 1, 2, 3]
 * diff(column([1, 1, 2, 3, 5, 8]), 3).toArray(); // => [null, null, null, 2, 4, 6]
 * diff(column([1, 1, 2, 3, 5, 8], "int32"), -1).toArray(); // => [0n, -1n, -1n, -2n, -3n, null]
 * ```
 */
export function diff(col: Column, periods = 1): Column {
  checkColumn(col, "diff");
  checkNumeric("diff", col);
  const p = checkPeriods("diff", periods);
  const d = col.dtype;
  const c = col.combine();
  const n = c.length;
  const [lo, hi] = moved(n, p);
  const validity = pairValidity(c, p);
  if (isFloat(d)) {
    const a = toF64(c);
    const out = new Float64Array(n);
    for (let i = lo; i < hi; i++) out[i] = (a[i] as number) - (a[i - p] as number);
    const values = d.kind === "float64" ? out : new Float32Array(out);
    return Column.fromChunk(makeChunk({ dtype: d, length: n, values: values as StorageOf<DType>, validity }));
  }
  const dtype = d.kind === "timestamp" || d.kind === "duration" ? duration(d.unit) : int64;
  const out = new BigInt64Array(n);
  const w = uwords(out);
  if (isBigIntStorage(d)) {
    const u = uwords(c.values as BigInt64Array);
    const signed = d.kind !== "uint64";
    for (let i = lo; i < hi; i++) {
      if (!getBit(validity, i)) continue;
      const k = i - p;
      let l = (u[2 * i] as number) - (u[2 * k] as number);
      let borrow = 0;
      if (l < 0) {
        l += 4294967296;
        borrow = 1;
      }
      const h1 = u[2 * i + 1] as number;
      const h2 = u[2 * k + 1] as number;
      const h = (signed ? h1 | 0 : h1) - (signed ? h2 | 0 : h2) - borrow;
      if (h < -2147483648 || h > 2147483647) {
        throw new CastError(`diff at row ${i} overflows int64 (${col.get(i)} - ${col.get(k)})`);
      }
      w[2 * i] = l;
      w[2 * i + 1] = h >>> 0;
    }
  } else {
    const a = toF64(c);
    for (let i = lo; i < hi; i++) {
      const v = (a[i] as number) - (a[i - p] as number);
      w[2 * i] = v >>> 0;
      w[2 * i + 1] = Math.floor(v / 4294967296) >>> 0;
    }
  }
  return Column.fromChunk(makeChunk({ dtype, length: n, values: out as StorageOf<DType>, validity }));
}

/**
 * Compute the fractional change x[i] / x[i − periods] − 1 as float64, as
 * pandas' `pct_change(fill_method=None)`: no implicit forward fill (pandas
 * 2.1 deprecated it), so a null on either side gives null; the first
 * `periods` rows are null; division by zero gives ±Infinity (or NaN for 0/0).
 *
 * @param col - a numeric column
 * @param periods - rows back to compare with (default 1)
 * @returns a new float64 column of the same length
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { pctChange } from "ndframe/compute";
 * pctChange(column([4, 5, 0, 2])).toArray(); // => [null, 0.25, -1, Infinity]
 * ```
 */
export function pctChange(col: Column, periods = 1): Column {
  checkColumn(col, "pctChange");
  if (!(isInteger(col.dtype) || isFloat(col.dtype))) {
    throw new DTypeError(
      `pctChange does not support dtype ${dtypeToString(col.dtype)} (expected a numeric column)`,
    );
  }
  const p = checkPeriods("pctChange", periods);
  const c = col.combine();
  const n = c.length;
  const [lo, hi] = moved(n, p);
  const a = toF64(c);
  const out = new Float64Array(n);
  for (let i = lo; i < hi; i++) out[i] = (a[i] as number) / (a[i - p] as number) - 1;
  return Column.fromChunk(
    makeChunk({ dtype: float64, length: n, values: out, validity: pairValidity(c, p) }),
  );
}

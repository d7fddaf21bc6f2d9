/**
 * Cumulative kernels: cumsum, cumprod, cummin, cummax, with pandas'
 * semantics: a null stays null in the output and is skipped; with
 * `skipna: false` everything from the first null on is null. In float
 * columns NaN is a value: under skipna its position gives NaN and is
 * skipped (pandas), otherwise it propagates to every later position.
 */

import { isObject, maybeBoolean, show } from "../../util/is.js";
import { bitmapBytes, copyBits, filledBits } from "../bitmap.js";
import { makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import {
  arrayType,
  type DType,
  type DTypeKind,
  dtypeToString,
  int64,
  isFloat,
  isUnsignedInteger,
  type TypedArray,
  uint64,
} from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import {
  cumextremeF64,
  cumextremeWords,
  cumprodF64,
  cumsumF64,
  cumsumIntToWords,
  cumsumWords,
} from "./cumulative-loops.js";
import { checkColumn } from "./reduce.js";
import { f64Blocks, inRuns, uwords } from "./reduce-loops.js";

/** Options of the cumulative kernels. */
export interface CumulativeOptions {
  /** Skip nulls (and NaN) instead of propagating them (default true). */
  skipna?: boolean;
}

type CumName = "cumsum" | "cumprod" | "cummin" | "cummax";

const INTS: DTypeKind[] = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];
const NUM: DTypeKind[] = [...INTS, "float32", "float64", "bool"];

/** Sums and products widen integers to 64 bits (as NumPy's cumsum); floats keep their width. */
const widen = (d: DType): DType =>
  isFloat(d) || d.kind === "duration" ? d : isUnsignedInteger(d) ? uint64 : int64;

/** The cumulative op table: accepted dtype kinds and result dtype. */
const CUMULATIVE: Readonly<
  Record<CumName, { accepts: ReadonlySet<DTypeKind>; result: (d: DType) => DType }>
> = {
  cumsum: { accepts: new Set([...NUM, "duration"]), result: widen },
  cumprod: { accepts: new Set(NUM), result: widen },
  cummin: {
    accepts: new Set([...INTS, "float32", "float64", "date", "timestamp", "duration", "time"]),
    result: (d) => d,
  },
  cummax: {
    accepts: new Set([...INTS, "float32", "float64", "date", "timestamp", "duration", "time"]),
    result: (d) => d,
  },
};

const is64 = (k: DTypeKind): boolean =>
  k === "int64" || k === "uint64" || k === "timestamp" || k === "duration" || k === "time";

/** Position of the first null, or -1. */
function firstNull(col: Column): number {
  let base = 0;
  for (const c of col.chunks) {
    const vb = c.validity;
    if (vb !== null) {
      for (let i = 0; i < c.length; i++) {
        const j = c.offset + i;
        if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) return base + i;
      }
    }
    base += c.length;
  }
  return -1;
}

/** A fresh offset-0 bitmap of the column's validity. */
function validityOf(col: Column): Uint8Array {
  const out = new Uint8Array(bitmapBytes(col.length));
  let at = 0;
  for (const c of col.chunks) {
    if (c.validity === null) copyBits(out, at, filledBits(c.length, true), 0, c.length);
    else copyBits(out, at, c.validity, c.offset, c.length);
    at += c.length;
  }
  return out;
}

function cumulate(name: CumName, col: Column, options: unknown): Column {
  checkColumn(col, name);
  const spec = CUMULATIVE[name];
  if (!spec.accepts.has(col.dtype.kind)) {
    throw new DTypeError(
      `${name} does not support dtype ${dtypeToString(col.dtype)} (expected one of ${[...spec.accepts].join(", ")})`,
    );
  }
  if (options !== undefined) {
    if (!isObject(options)) throw new OptionError(`invalid options for ${name}: ${show(options)}`);
    for (const k of Object.keys(options)) {
      if (k !== "skipna") throw new OptionError(`unknown option for ${name}: "${k}" (expected skipna)`);
    }
  }
  const skipna = maybeBoolean("skipna", (options as CumulativeOptions | undefined)?.skipna, true);
  const n = col.length;
  const dtype = spec.result(col.dtype);
  let validity: Uint8Array | null = null;
  let input = col;
  if (col.nullCount > 0) {
    if (skipna) validity = validityOf(col);
    else {
      const stop = firstNull(col);
      validity = new Uint8Array(bitmapBytes(n));
      copyBits(validity, 0, filledBits(stop, true), 0, stop);
      input = col.slice(0, stop);
    }
  }
  const values = compute(name, input, dtype, skipna, n);
  return Column.fromChunk(makeChunk({ dtype, length: n, values: values as StorageOf<DType>, validity }));
}

function compute(name: CumName, col: Column, dtype: DType, skipNaN: boolean, n: number): TypedArray {
  const st = new Float64Array(3);
  const max = name === "cummax";
  const outKind = dtype.kind;
  if (is64(outKind)) {
    const out = outKind === "uint64" ? new BigUint64Array(n) : new BigInt64Array(n);
    const w = uwords(out);
    const signed = outKind !== "uint64";
    if (is64(col.dtype.kind) && name !== "cumprod") {
      const flip = col.dtype.kind === "uint64" ? -2147483648 : 0;
      let at = 0;
      for (const c of col.chunks) {
        const u = uwords(c.values as BigInt64Array);
        const base = at;
        // Runs address the chunk's own words; output position = base + run start.
        inRuns(c.length, (s, e) => {
          if (name === "cumsum") cumsumWords(u, s, e, c.validity, c.offset, signed, st, w, base + s);
          else cumextremeWords(u, s, e, c.validity, c.offset, flip, max, st, w, base + s);
        });
        at += c.length;
      }
      return out;
    }
    let at = 0;
    if (name === "cumsum") {
      f64Blocks(col.chunks, (a, s, e, vb, voff) => {
        cumsumIntToWords(a, s, e, vb, voff, signed, st, w, at);
        at += e - s;
      });
      return out;
    }
    // cumprod of integers: exact while the product is a safe integer
    const f = new Float64Array(n);
    st[0] = 1;
    f64Blocks(col.chunks, (a, s, e, vb, voff) => {
      cumprodF64(a, s, e, vb, voff, false, true, st, f, at);
      at += e - s;
    });
    for (let i = 0; i < n; i++) {
      const v = f[i] as number;
      w[2 * i] = v >>> 0;
      w[2 * i + 1] = Math.floor(v / 4294967296) >>> 0;
    }
    return out;
  }
  const f = new Float64Array(n);
  let at = 0;
  if (name === "cumprod") st[0] = 1;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    if (name === "cumsum") cumsumF64(a, s, e, vb, voff, skipNaN, st, f, at);
    else if (name === "cumprod") cumprodF64(a, s, e, vb, voff, skipNaN, false, st, f, at);
    else cumextremeF64(a, s, e, vb, voff, skipNaN, max, st, f, at);
    at += e - s;
  });
  // float64 keeps the buffer; other widths convert natively (exact for integers)
  return outKind === "float64" ? f : new (arrayType(dtype) as Float32ArrayConstructor)(f);
}

/**
 * Compute the running sum. Floats use a running Neumaier sum, so the last
 * value equals `sum(col)` (NumPy's cumsum adds naively); float32 is summed
 * in float64 and rounded per value. Integers and bools give an exact int64
 * (unsigned: uint64), as NumPy widens; overflow throws a CastError naming
 * the row. Durations keep their dtype.
 *
 * @param col - a numeric, bool or duration column
 * @param options - `skipna` (default true)
 * @returns a new column of the same length
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cumsum } from "ndframe/compute";
 * // pandas' Series.cumsum example
 * cumsum(column([2, Number.NaN, 5, -1, 0])).toArray(); // => [2, Number.NaN, 7, 6, 6]
 * cumsum(column([2, null, 5], "int32")).toArray(); // => [2n, null, 7n]
 * cumsum(column([2, null, 5]), { skipna: false }).toArray(); // => [2, null, null]
 * ```
 */
export function cumsum(col: Column, options?: CumulativeOptions): Column {
  return cumulate("cumsum", col, options);
}

/**
 * Compute the running product. Floats multiply in their dtype's precision
 * as pandas; integers give int64 (unsigned: uint64), exact while the
 * product stays within 2^53, else a CastError names the row (exact 64-bit
 * products beyond 2^53 are not supported; cast to float64).
 *
 * @param col - a numeric or bool column
 * @param options - `skipna` (default true)
 * @returns a new column of the same length
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cumprod } from "ndframe/compute";
 * cumprod(column([2, Number.NaN, 5, -1, 0])).toArray(); // => [2, Number.NaN, 10, -10, -0]
 * ```
 */
export function cumprod(col: Column, options?: CumulativeOptions): Column {
  return cumulate("cumprod", col, options);
}

/**
 * Compute the running minimum, keeping the dtype (numbers, date, timestamp,
 * duration; int64 compared exactly).
 *
 * @param col - a numeric or temporal column
 * @param options - `skipna` (default true)
 * @returns a new column of the same length and dtype
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cummin } from "ndframe/compute";
 * cummin(column([2, Number.NaN, 5, -1, 0])).toArray(); // => [2, Number.NaN, 2, -1, -1]
 * ```
 */
export function cummin(col: Column, options?: CumulativeOptions): Column {
  return cumulate("cummin", col, options);
}

/**
 * Compute the running maximum, keeping the dtype (see `cummin`).
 *
 * @param col - a numeric or temporal column
 * @param options - `skipna` (default true)
 * @returns a new column of the same length and dtype
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cummax } from "ndframe/compute";
 * cummax(column([2, Number.NaN, 5, -1, 0])).toArray(); // => [2, Number.NaN, 5, 5, 5]
 * cummax(column([2, Number.NaN, 5]), { skipna: false }).toArray(); // => [2, Number.NaN, Number.NaN]
 * ```
 */
export function cummax(col: Column, options?: CumulativeOptions): Column {
  return cumulate("cummax", col, options);
}

/**
 * Making NDArrays: from TypedArrays or nested JS arrays, filled arrays,
 * ranges, and to/from columns (zero-copy where the layout allows).
 */

import { maybeKeyword, show } from "../../util/is.js";
import { packBits, unpackBits } from "../bitmap.js";
import { makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { bool, type DType, dtypeToString, float64, int64, isFloat, type NumberArray } from "../dtype.js";
import { DTypeError, ShapeError } from "../errors.js";
import { dtypeOfTypedArray } from "../from-values.js";
import { words } from "../int64.js";
import { astype, checkNDType } from "./cast.js";
import { NDArray, type NDType } from "./ndarray.js";
import { checkShape, contiguousStrides, formatShape, sizeOf } from "./shape.js";
import { allocate, isBig } from "./strided.js";

/** Options of `ndarray()`. */
export interface NDArrayOptions<D extends NDType = NDType> {
  /** Shape of the result (default: the nesting of the input, or its length). */
  shape?: readonly number[];
  /** Element dtype or its name (default: from the TypedArray, or inferred from the values). */
  dtype?: D | string;
}

type Nested = number | bigint | boolean | readonly Nested[];
type TypedInput = NumberArray | BigInt64Array | BigUint64Array;

/**
 * Make an NDArray from a TypedArray or from nested JS arrays.
 *
 * A TypedArray is wrapped WITHOUT a copy when its element type is the
 * dtype's storage (so later writes to it show through; do not mutate it);
 * otherwise values are converted with checks (see `astype`). Nested arrays
 * must be rectangular; their dtype is inferred as `column()` does (numbers
 * → float64, bigints → int64, booleans → bool) unless given. Bool arrays
 * store one byte (0 or 1) per element.
 *
 * @param data - a TypedArray, nested arrays of numbers/bigints/booleans, or one scalar (0-d)
 * @param options - `shape` (default the nesting or the length) and `dtype`
 * @returns a row-major NDArray
 * @example
 * ```ts
 * import { ndarray } from "ndframe";
 * const a = ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), { shape: [2, 3] });
 * a.get(1, 0);                              // => 4
 * ndarray([[1, 2], [3, 4]]).dtype.kind;    // => "float64"
 * ndarray([1, 2, 3], { dtype: "int8" }).toArray(); // => [1, 2, 3]
 * ```
 */
export function ndarray<D extends NDType = NDType>(
  data: TypedInput | Nested,
  options: NDArrayOptions<D> = {},
): NDArray<D> {
  const dtype = options.dtype === undefined ? undefined : (checkNDType(options.dtype) as D);
  const typed = dtypeOfTypedArray(data) as NDType | undefined;
  let arr: NDArray;
  if (typed !== undefined) {
    const t = data as TypedInput;
    arr = new NDArray(typed, t as StorageOf<NDType>, [t.length], [1], 0);
    if (dtype !== undefined && dtype.kind === "bool" && t instanceof Uint8Array) {
      if (t.some((v) => v > 1)) arr = astype(arr, bool);
      else arr = new NDArray(bool, t, [t.length], [1], 0);
    }
  } else {
    const shape: number[] = [];
    const flat: unknown[] = [];
    nestedShape(data, shape);
    flatten(data, shape, 0, flat, []);
    arr = fromValues(flat, shape, dtype ?? inferNested(flat));
  }
  if (dtype !== undefined) arr = astype(arr, dtype);
  if (options.shape !== undefined) {
    const shape = checkShape(options.shape);
    if (sizeOf(shape) !== arr.size) {
      throw new ShapeError(
        `cannot reshape ${arr.size} values of shape ${formatShape(arr.shape)} into shape ${formatShape(shape)}`,
      );
    }
    arr = arr.reshape(shape);
  }
  return arr as NDArray<D>;
}

function nestedShape(x: unknown, shape: number[]): void {
  while (Array.isArray(x)) {
    shape.push(x.length);
    x = x[0];
  }
}

function flatten(x: unknown, shape: number[], depth: number, out: unknown[], at: number[]): void {
  if (depth === shape.length) {
    if (Array.isArray(x)) throw ragged(at, shape);
    out.push(x);
    return;
  }
  if (!Array.isArray(x) || x.length !== shape[depth]) throw ragged(at, shape);
  for (let i = 0; i < x.length; i++) flatten(x[i], shape, depth + 1, out, [...at, i]);
}

function ragged(at: number[], shape: number[]): ShapeError {
  return new ShapeError(
    `nested arrays are not rectangular: the entry at [${at.join(", ")}] does not fit shape ${formatShape(shape)}`,
  );
}

function inferNested(flat: unknown[]): NDType {
  let found: NDType | undefined;
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    const d =
      typeof v === "number" ? float64 : typeof v === "bigint" ? int64 : typeof v === "boolean" ? bool : null;
    if (d === null) throw new DTypeError(`cannot store ${show(v)} (position ${i}) in an NDArray`);
    if (found !== undefined && found !== d) {
      throw new DTypeError(
        `mixed values: ${found.kind} and ${show(v)} (position ${i}); pass a dtype to convert`,
      );
    }
    found = d;
  }
  return found ?? float64;
}

/** Fill storage of `dtype` from JS values (numbers, bigints, booleans), checked by `astype`. */
function fromValues(flat: unknown[], shape: number[], dtype: NDType): NDArray {
  const strides = contiguousStrides(shape);
  const kinds = new Set(flat.map((v) => typeof v));
  if (kinds.size > 1)
    throw new DTypeError(`mixed value types ${[...kinds].join(", ")}; use one kind per array`);
  if (kinds.has("bigint")) {
    const big =
      dtype.kind === "uint64" ? BigUint64Array.from(flat as bigint[]) : BigInt64Array.from(flat as bigint[]);
    const d = dtype.kind === "uint64" ? dtype : int64;
    return astype(new NDArray(d, big as StorageOf<NDType>, shape, strides, 0), dtype);
  }
  const values = Float64Array.from(flat as number[], (v) =>
    typeof v === "boolean" ? (v ? 1 : 0) : Number(v),
  );
  const src = new NDArray(
    kinds.has("boolean") ? bool : float64,
    values as StorageOf<NDType>,
    shape,
    strides,
    0,
  );
  if (kinds.has("boolean")) {
    return astype(new NDArray(bool, Uint8Array.from(values), shape, strides, 0), dtype);
  }
  return astype(src, dtype);
}

/**
 * Make an array of `shape` filled with `value`. The dtype defaults to the
 * value's kind (number → float64, bigint → int64, boolean → bool).
 *
 * @param shape - the dimensions
 * @param value - the fill value (checked against the dtype)
 * @param dtype - element dtype or its name
 * @example
 * ```ts
 * import { full } from "ndframe";
 * full([2, 2], 7, "int32").toArray(); // => [[7, 7], [7, 7]]
 * ```
 */
export function full<D extends NDType = NDType>(
  shape: readonly number[] | number,
  value: number | bigint | boolean,
  dtype?: D | string,
): NDArray<D> {
  const sh = checkShape(shape);
  const d = dtype === undefined ? undefined : checkNDType(dtype);
  const one = ndarray([value] as Nested, d === undefined ? {} : { dtype: d });
  const data = allocate(one.dtype, sizeOf(sh));
  if (isBig(data)) {
    const w = words(data);
    const src = words(one.data as BigInt64Array);
    for (let i = 0; i < data.length; i++) {
      w[2 * i] = src[0] as number;
      w[2 * i + 1] = src[1] as number;
    }
  } else (data as NumberArray).fill(one.data[0] as number);
  return new NDArray(one.dtype, data, sh, contiguousStrides(sh), 0) as NDArray<D>;
}

/**
 * Make an array of `shape` filled with zeros (false for bool).
 *
 * @param shape - the dimensions
 * @param dtype - element dtype or its name (default float64)
 * @example
 * ```ts
 * import { zeros } from "ndframe";
 * zeros([2, 3], "int32").toArray(); // => [[0, 0, 0], [0, 0, 0]]
 * ```
 */
export function zeros<D extends NDType = NDType>(
  shape: readonly number[] | number,
  dtype: D | string = float64 as D,
): NDArray<D> {
  const sh = checkShape(shape);
  const d = checkNDType(dtype) as D;
  return new NDArray(d, allocate(d, sizeOf(sh)), sh, contiguousStrides(sh), 0);
}

/**
 * Make an array of `shape` filled with ones (true for bool).
 *
 * @param shape - the dimensions
 * @param dtype - element dtype or its name (default float64)
 * @example
 * ```ts
 * import { ones } from "ndframe";
 * ones(3, "uint8").toArray(); // => [1, 1, 1]
 * ```
 */
export function ones<D extends NDType = NDType>(
  shape: readonly number[] | number,
  dtype: D | string = float64 as D,
): NDArray<D> {
  return full(shape, 1, dtype);
}

/**
 * Make evenly spaced values in `[start, stop)`, as NumPy's `arange`
 * (`arange(stop)` starts at 0). The dtype defaults to float64 (a JS
 * number); pass an integer dtype for integers.
 *
 * @param start - first value (or `stop` when called with one argument)
 * @param stop - end, excluded
 * @param step - spacing (non-zero, may be negative)
 * @param dtype - element dtype or its name
 * @example
 * ```ts
 * import { arange } from "ndframe";
 * arange(5).toArray();                 // => [0, 1, 2, 3, 4]
 * arange(1, 2, 0.25).toArray();        // => [1, 1.25, 1.5, 1.75]
 * arange(10, 0, -3, "int32").toArray(); // => [10, 7, 4, 1]
 * ```
 */
export function arange<D extends NDType = NDType>(
  start: number,
  stop?: number,
  step = 1,
  dtype: D | string = float64 as D,
): NDArray<D> {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  for (const [name, v] of [
    ["start", start],
    ["stop", stop],
    ["step", step],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new ShapeError(`invalid arange ${name}: ${show(v)}`);
  }
  if (step === 0) throw new ShapeError("invalid arange step: 0 (expected a non-zero number)");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return astype(new NDArray(float64, values, [n], [1], 0), dtype) as NDArray<D>;
}

/** Options of `fromColumn`. */
export interface FromColumnOptions {
  /** What to do with nulls: "raise" (default) or "nan" (float columns only; copies). */
  nulls?: "raise" | "nan";
}

/**
 * View a numeric column as a 1-d NDArray.
 *
 * A column without nulls in one chunk gives an array over THE SAME buffer
 * (no copy); several chunks are combined first (one copy). A bool column
 * is copied to one byte per element. A column with nulls throws a
 * `DTypeError` naming its null count (fill them with `fillNull` first), or,
 * for floats with `{ nulls: "nan" }`, is copied with NaN for nulls.
 *
 * @param col - a numeric or bool column
 * @param options - `nulls`: "raise" (default) or "nan"
 * @returns a 1-d NDArray of the column's dtype
 * @example
 * ```ts
 * import { column, fromColumn } from "ndframe";
 * const c = column(new Float64Array([1, 2, 3]));
 * const a = fromColumn(c);
 * a.data.buffer === c.chunks[0].values.buffer; // => true
 * fromColumn(column([1, null], "float64"), { nulls: "nan" }).toArray(); // => [1, NaN]
 * ```
 */
export function fromColumn<T extends NDType>(col: Column<T>, options?: FromColumnOptions): NDArray<T>;
export function fromColumn(col: Column, options?: FromColumnOptions): NDArray;
export function fromColumn<T extends NDType>(col: Column<T>, options: FromColumnOptions = {}): NDArray<T> {
  if (!(col instanceof Column)) throw new DTypeError(`fromColumn() expects a Column, got ${show(col)}`);
  const d = col.dtype as DType;
  checkColumnDType(d);
  const nulls = maybeKeyword("nulls", options.nulls, ["raise", "nan"], "raise");
  if (col.nullCount > 0 && (nulls === "raise" || !isFloat(d))) {
    throw new DTypeError(
      `cannot make an NDArray from a ${dtypeToString(d)} column with ${col.nullCount} null${col.nullCount === 1 ? "" : "s"}: fill them with fillNull() first${isFloat(d) ? ', or pass { nulls: "nan" }' : ""}`,
    );
  }
  const chunk = col.combine();
  const n = col.length;
  if (d.kind === "bool") {
    return new NDArray(
      col.dtype,
      unpackBits(chunk.values as Uint8Array, chunk.offset, n) as StorageOf<T>,
      [n],
      [1],
      0,
    );
  }
  let values = chunk.values as StorageOf<T>;
  if (chunk.validity !== null) {
    const v = (values as NumberArray).slice(0, n);
    const bits = unpackBits(chunk.validity, chunk.offset, n);
    for (let i = 0; i < n; i++) if (bits[i] === 0) v[i] = Number.NaN;
    values = v as StorageOf<T>;
  }
  return new NDArray(col.dtype, values, [n], [1], 0);
}

function checkColumnDType(d: DType): void {
  try {
    checkNDType(d);
  } catch {
    throw new DTypeError(
      `cannot make an NDArray from a ${dtypeToString(d)} column (expected a numeric or bool column)`,
    );
  }
}

/**
 * Make a column from a 1-d NDArray. A contiguous array (stride 1) shares
 * its buffer with the column (no copy); a strided one is copied; bool
 * arrays are packed to bits (a copy). Other ranks throw a `ShapeError`.
 *
 * @param arr - a 1-d NDArray
 * @returns a one-chunk column without nulls
 * @example
 * ```ts
 * import { arange, toColumn } from "ndframe";
 * const a = arange(4, undefined, 1, "int32");
 * toColumn(a).toArray();                          // => [0, 1, 2, 3]
 * toColumn(a).chunks[0].values.buffer === a.data.buffer; // => true
 * ```
 */
export function toColumn<T extends NDType>(arr: NDArray<T>): Column<T> {
  if (!(arr instanceof NDArray)) throw new DTypeError(`toColumn() expects an NDArray, got ${show(arr)}`);
  if (arr.ndim !== 1) {
    throw new ShapeError(
      `toColumn() needs a 1-d array, got shape ${formatShape(arr.shape)}; reshape or ravel it first`,
    );
  }
  const n = arr.size;
  const a = arr.isContiguous ? arr : arr.copy();
  const values = a.data.subarray(a.offset, a.offset + n);
  if (arr.dtype.kind === "bool") {
    return Column.fromChunk(
      makeChunk({ dtype: arr.dtype, length: n, values: packBits(values as Uint8Array, n) as StorageOf<T> }),
    );
  }
  return Column.fromChunk(makeChunk({ dtype: arr.dtype, length: n, values: values as StorageOf<T> }));
}

/**
 * `NDArray`: a strided N-d view over one TypedArray.
 */
import type { StorageOf } from "../chunk.js";
import type { Bool, NumericType, ValueOf } from "../dtype.js";
import { IndexError } from "../errors.js";
import { type AstypeOptions, astype } from "./cast.js";
import { type BinaryOp, binary, type Operand, type UnaryOp, unary } from "./elementwise.js";
import { formatArray, nestedValues } from "./format.js";
import {
  type ArgReduceOptions,
  argReduce,
  type ReduceOptions,
  reduce,
  type VarOptions,
  variance,
} from "./reduce-axis.js";
import { formatShape, isCContiguous, type Shape, sizeOf } from "./shape.js";
import { takeAlong } from "./take-axis.js";
import {
  broadcastTo,
  copy,
  expandDims,
  type IselSpec,
  isel,
  ravel,
  reshape,
  squeeze,
  transpose,
} from "./views.js";

/** Dtypes an NDArray may hold: every integer and float width, and bool. */
export type NDType = NumericType | Bool;

/**
 * An immutable N-d array: `dtype`, `data` (a TypedArray), `shape`,
 * `strides` (in elements, may be zero or negative) and `offset` (position of
 * element `[0, 0, …]` in `data`), as NumPy's ndarray.
 *
 * Storage is the dtype's Arrow storage (int64/uint64 in BigInt64Array /
 * BigUint64Array, read exactly), except bool, which an NDArray stores as
 * ONE BYTE per element (0 or 1) in a Uint8Array so that it can be strided;
 * converting from a bit-packed bool column copies.
 *
 * Transpose, `isel` slices, `reshape` of contiguous data, `squeeze`,
 * `expandDims` and `broadcastTo` return views over the same `data`;
 * element-wise operations, reductions and `take` return new contiguous
 * arrays. An NDArray has no nulls: NaN is a float value and propagates.
 *
 * @example
 * ```ts
 * import { ndarray } from "ndframe";
 * const a = ndarray([[1, 2, 3], [4, 5, 6]], { dtype: "int32" });
 * a.shape;                // => [2, 3]
 * a.transpose().toArray(); // => [[1, 4], [2, 5], [3, 6]]
 * a.get(1, -1);           // => 6
 * ```
 */
export class NDArray<T extends NDType = NDType> {
  readonly dtype: T;
  /** The TypedArray holding the elements (shared by views). */
  readonly data: StorageOf<T>;
  readonly shape: readonly number[];
  /** Step between neighbours along each axis, in elements. */
  readonly strides: readonly number[];
  /** Position of the first element in `data`. */
  readonly offset: number;

  /**
   * Wrap a TypedArray without copying or checking. Prefer `ndarray()`,
   * which validates. @internal
   */
  constructor(dtype: T, data: StorageOf<T>, shape: Shape, strides: Shape, offset = 0) {
    this.dtype = dtype;
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(strides.slice());
    this.offset = offset;
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** True when the elements are row-major (C order) and gap-free in `data`. */
  get isContiguous(): boolean {
    return isCContiguous(this.shape, this.strides);
  }

  /** The reversed-axes view, as NumPy's `a.T`. */
  get T(): NDArray<T> {
    return transpose(this);
  }

  /**
   * Read one element; negative positions count from the end of their axis.
   * Bool reads as boolean, int64/uint64 as bigint.
   */
  get(...index: number[]): ValueOf<T> {
    const nd = this.shape.length;
    if (index.length !== nd) {
      throw new IndexError(
        `get() takes ${nd} indices for shape ${formatShape(this.shape)}, got ${index.length}`,
      );
    }
    let p = this.offset;
    for (let i = 0; i < nd; i++) {
      const n = this.shape[i] as number;
      let k = index[i] as number;
      if (!Number.isInteger(k) || k < -n || k >= n) {
        throw new IndexError(`index ${k} is out of bounds for axis ${i} with size ${n}`);
      }
      if (k < 0) k += n;
      p += k * (this.strides[i] as number);
    }
    const v = this.data[p] as number | bigint;
    return (this.dtype.kind === "bool" ? v !== 0 : v) as ValueOf<T>;
  }

  /** The elements as nested JS arrays (a 0-d array gives its scalar). */
  toArray(): unknown {
    return nestedValues(this);
  }

  /** NumPy-like text: dtype, shape, and the values (long axes elided). */
  toString(): string {
    return formatArray(this);
  }

  /** A contiguous copy (new buffer). */
  copy(): NDArray<T> {
    return copy(this);
  }

  /**
   * Convert to another dtype (a copy; the same array when the dtype is
   * equal). Values that do not fit throw a `CastError` unless `{ unsafe: true }`.
   */
  astype<D extends NDType>(dtype: D | string, options?: AstypeOptions): NDArray<D> {
    return astype(this, dtype, options);
  }

  // ---- views ----

  /** Permute the axes (default: reverse them). A view. */
  transpose(axes?: readonly number[]): NDArray<T> {
    return transpose(this, axes);
  }

  /**
   * Select by position along each axis, as xarray's `isel` and NumPy's
   * basic slicing: an integer drops the axis; `{start, stop, step}` keeps it
   * (negative steps walk backwards); null or a missing entry keeps the axis
   * whole. A view.
   */
  isel(spec: readonly IselSpec[]): NDArray<T> {
    return isel(this, spec);
  }

  /** Give a new shape (-1 infers one dimension): a view when contiguous, else a copy. */
  reshape(shape: readonly number[]): NDArray<T> {
    return reshape(this, shape);
  }

  /** The elements as a 1-d array: a view when contiguous, else a copy. */
  ravel(): NDArray<T> {
    return ravel(this);
  }

  /** Remove axes of length 1 (all of them by default). A view. */
  squeeze(axis?: number | readonly number[]): NDArray<T> {
    return squeeze(this, axis);
  }

  /** Insert an axis of length 1 at `axis`. A view. */
  expandDims(axis: number): NDArray<T> {
    return expandDims(this, axis);
  }

  /** View with a broadcast shape (stretched axes get stride 0). */
  broadcastTo(shape: readonly number[]): NDArray<T> {
    return broadcastTo(this, shape);
  }

  // ---- element-wise (new arrays; operands broadcast) ----

  add(other: Operand): NDArray {
    return binary("add", this, other);
  }
  sub(other: Operand): NDArray {
    return binary("sub", this, other);
  }
  mul(other: Operand): NDArray {
    return binary("mul", this, other);
  }
  /** True division: integer operands give float64. */
  div(other: Operand): NDArray {
    return binary("div", this, other);
  }
  /** Floor division (Python's `//`). Integer division by zero gives 0, as NumPy. */
  floorDiv(other: Operand): NDArray {
    return binary("floorDiv", this, other);
  }
  /** Remainder with the sign of the divisor (Python's `%`). Integer `x % 0` gives 0, as NumPy. */
  mod(other: Operand): NDArray {
    return binary("mod", this, other);
  }
  pow(other: Operand): NDArray {
    return binary("pow", this, other);
  }
  eq(other: Operand): NDArray<Bool> {
    return binary("eq", this, other) as NDArray<Bool>;
  }
  ne(other: Operand): NDArray<Bool> {
    return binary("ne", this, other) as NDArray<Bool>;
  }
  lt(other: Operand): NDArray<Bool> {
    return binary("lt", this, other) as NDArray<Bool>;
  }
  le(other: Operand): NDArray<Bool> {
    return binary("le", this, other) as NDArray<Bool>;
  }
  gt(other: Operand): NDArray<Bool> {
    return binary("gt", this, other) as NDArray<Bool>;
  }
  ge(other: Operand): NDArray<Bool> {
    return binary("ge", this, other) as NDArray<Bool>;
  }
  /** Apply a unary function (neg, abs, sign, sqrt, exp, log, sin, floor, round…). */
  map(op: UnaryOp): NDArray {
    return unary(op, this);
  }
  neg(): NDArray<T> {
    return unary("neg", this) as NDArray<T>;
  }
  abs(): NDArray<T> {
    return unary("abs", this) as NDArray<T>;
  }
  sqrt(): NDArray {
    return unary("sqrt", this);
  }
  exp(): NDArray {
    return unary("exp", this);
  }
  log(): NDArray {
    return unary("log", this);
  }

  // ---- reductions (new arrays) ----

  sum(options?: ReduceOptions): NDArray {
    return reduce("sum", this, options);
  }
  prod(options?: ReduceOptions): NDArray {
    return reduce("prod", this, options);
  }
  mean(options?: ReduceOptions): NDArray {
    return reduce("mean", this, options);
  }
  min(options?: ReduceOptions): NDArray<T> {
    return reduce("min", this, options) as NDArray<T>;
  }
  max(options?: ReduceOptions): NDArray<T> {
    return reduce("max", this, options) as NDArray<T>;
  }
  any(options?: ReduceOptions): NDArray<Bool> {
    return reduce("any", this, options) as NDArray<Bool>;
  }
  all(options?: ReduceOptions): NDArray<Bool> {
    return reduce("all", this, options) as NDArray<Bool>;
  }
  var(options?: VarOptions): NDArray {
    return variance(this, options, false);
  }
  std(options?: VarOptions): NDArray {
    return variance(this, options, true);
  }
  argmin(options?: ArgReduceOptions): NDArray {
    return argReduce("argmin", this, options);
  }
  argmax(options?: ArgReduceOptions): NDArray {
    return argReduce("argmax", this, options);
  }

  /** Gather positions along an axis (a copy); see `take`. */
  take(indices: ArrayLike<number> | NDArray, axis?: number): NDArray<T> {
    return takeAlong(this, indices, axis);
  }

  /** Node's `util.inspect` and `console.log` print `toString()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatArray(this);
  }
}

export type { BinaryOp, Operand, UnaryOp };

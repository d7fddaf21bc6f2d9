/**
 * The element-wise and reduction methods of `Series`: arithmetic,
 * comparison and Kleene logic, reductions, missing data.
 */
import type { Column } from "../core/column.js";
import type { Bool, DType, Float64, ValueOf } from "../core/dtype.js";
import * as A from "../core/kernels/arithmetic.js";
import * as C from "../core/kernels/compare.js";
import type { DateOffset } from "../core/kernels/dt-offset.js";
import * as L from "../core/kernels/logical.js";
import * as M from "../core/kernels/missing.js";
import * as R from "../core/kernels/reduce.js";
import type { Series } from "./series.js";
import { type Scalar, SeriesBase } from "./series-base.js";

/** Arithmetic, comparison, logic, reductions and missing data (see series.ts for the whole class). */
export class SeriesOps<T extends DType = DType> extends SeriesBase<T> {
  // ----------------------------------------------------------- arithmetic

  /**
   * Add, aligned on labels (see the class docs). A `DateOffset` moves
   * timestamps and dates on the calendar (months, business days…; a day
   * keeps the wall-clock time across a DST change), as pandas' offsets.
   */
  add(other: Series | Scalar | DateOffset): Series {
    return this.binaryOp(other as Series | Scalar, A.add as (a: Column, b: Column | Scalar) => Column, "add");
  }
  /** Subtract (a `DateOffset` moves timestamps and dates back on the calendar). */
  sub(other: Series | Scalar | DateOffset): Series {
    // a DateOffset is no labeled operand: binaryOp hands it to the kernel as it is
    return this.binaryOp(other as Series | Scalar, A.sub as (a: Column, b: Column | Scalar) => Column, "sub");
  }
  /** Multiply. */
  mul(other: Series | Scalar): Series {
    return this.binaryOp(other, A.mul, "mul");
  }
  /** True division (integers give float64). */
  div(other: Series | Scalar): Series<Float64> {
    return this.binaryOp(other, A.div, "div") as Series<Float64>;
  }
  /** Floor division, Python's `//`. */
  floorDiv(other: Series | Scalar): Series {
    return this.binaryOp(other, A.floorDiv, "floorDiv");
  }
  /** Remainder with the divisor's sign, Python's `%`. */
  mod(other: Series | Scalar): Series {
    return this.binaryOp(other, A.mod, "mod");
  }
  /** Power. */
  pow(other: Series | Scalar): Series {
    return this.binaryOp(other, A.pow, "pow");
  }
  /** Negation. */
  neg(): Series<T> {
    return this.unaryOp(A.neg(this.column) as Column<T>);
  }
  /** Absolute value. */
  abs(): Series<T> {
    return this.unaryOp(A.abs(this.column) as Column<T>);
  }

  // ----------------------------------------------------------- comparison and logic

  /** Equal, element-wise (a null on either side gives null). */
  eq(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.eq, "eq") as Series<Bool>;
  }
  /** Not equal. */
  ne(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.ne, "ne") as Series<Bool>;
  }
  /** Less than. */
  lt(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.lt, "lt") as Series<Bool>;
  }
  /** Less than or equal. */
  le(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.le, "le") as Series<Bool>;
  }
  /** Greater than. */
  gt(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.gt, "gt") as Series<Bool>;
  }
  /** Greater than or equal. */
  ge(other: Series | Scalar): Series<Bool> {
    return this.binaryOp(other, C.ge, "ge") as Series<Bool>;
  }
  /** Logical and, Kleene: false and null is false. */
  and(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.binaryOp(other, L.and as never, "and") as Series<Bool>;
  }
  /** Logical or, Kleene: true or null is true. */
  or(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.binaryOp(other, L.or as never, "or") as Series<Bool>;
  }
  /** Logical exclusive or. */
  xor(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.binaryOp(other, L.xor as never, "xor") as Series<Bool>;
  }
  /** Logical not. */
  not(): Series<Bool> {
    return this.unaryOp(L.not(this.column as Column<Bool>));
  }

  // ----------------------------------------------------------- reductions

  /** Sum of the values (nulls and NaN skipped). See `sum` in ndframe/compute. */
  sum(options?: R.SumOptions): number | bigint | null {
    return R.sum(this.column, options);
  }
  /** Product. */
  prod(options?: R.SumOptions): number | bigint | null {
    return R.prod(this.column, options);
  }
  /** Mean. */
  mean(options?: R.SkipNaOptions): number | null {
    return R.mean(this.column, options);
  }
  /** Variance with `ddof` (default 1). */
  var(options?: R.VarOptions): number | null {
    return R.variance(this.column, options);
  }
  /** Standard deviation with `ddof` (default 1). */
  std(options?: R.VarOptions): number | null {
    return R.std(this.column, options);
  }
  /** Smallest value. */
  min(options?: R.SkipNaOptions): ValueOf<T> | null {
    return R.min(this.column, options);
  }
  /** Largest value. */
  max(options?: R.SkipNaOptions): ValueOf<T> | null {
    return R.max(this.column, options);
  }
  /** Median. */
  median(options?: R.MedianOptions): number | null {
    return R.median(this.column, options);
  }
  /** Quantile(s) at `q` in [0, 1]. */
  quantile(q: number, options?: R.QuantileOptions): number | null {
    return R.quantile(this.column, q, options);
  }
  /** Number of non-null values. */
  count(): number {
    return R.count(this.column);
  }
  /** True when any value is true (or non-zero). */
  any(options?: R.SkipNaOptions): boolean | null {
    return R.any(this.column, options);
  }
  /** True when every value is true (or non-zero). */
  all(options?: R.SkipNaOptions): boolean | null {
    return R.all(this.column, options);
  }
  /** Skewness (pandas' `skew`). */
  skew(options?: R.SkipNaOptions): number | null {
    return R.skew(this.column, options);
  }
  /** Excess kurtosis (pandas' `kurt`). */
  kurt(options?: R.SkipNaOptions): number | null {
    return R.kurt(this.column, options);
  }
  /** Position of the first smallest value. */
  argmin(options?: R.SkipNaOptions): number | null {
    return R.argmin(this.column, options);
  }
  /** Position of the first largest value. */
  argmax(options?: R.SkipNaOptions): number | null {
    return R.argmax(this.column, options);
  }
  /**
   * Label of the first smallest value (pandas' `idxmin`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([3, 1, 2], { index: ["a", "b", "c"] }).idxmin(); // => "b"
   * ```
   */
  idxmin(options?: R.SkipNaOptions): unknown {
    const k = R.argmin(this.column, options);
    return k === null ? null : this.index.get(k);
  }
  /** Label of the first largest value (pandas' `idxmax`). */
  idxmax(options?: R.SkipNaOptions): unknown {
    const k = R.argmax(this.column, options);
    return k === null ? null : this.index.get(k);
  }

  // ----------------------------------------------------------- missing data

  /** True where the value is null (NaN is a value). */
  isNull(): Series<Bool> {
    return this.unaryOp(M.isNull(this.column));
  }
  /** True where the value is not null. */
  notNull(): Series<Bool> {
    return this.unaryOp(M.notNull(this.column));
  }
  /** True where a float value is NaN; null stays null. */
  isNaN(): Series<Bool> {
    return this.unaryOp(M.isNaNColumn(this.column));
  }
  /**
   * Fill nulls with a value, or forward/backward (see `fillNull` in ndframe/compute).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, null, 3]).fillNull({ method: "forward" }).toArray(); // => [1, 1, 3]
   * ```
   */
  fillNull(fill: unknown, options?: Pick<M.FillNullOptions, "limit">): Series<T> {
    return this.unaryOp(M.fillNull(this.column, fill, options));
  }
  /** Replace NaN with `value`; nulls stay null. */
  fillNaN(value: number): Series<T> {
    return this.unaryOp(M.fillNaN(this.column, value));
  }
  /** The rows that are not null, with their labels. */
  dropNull(): Series<T> {
    return this.column.nullCount === 0 ? (this as unknown as Series<T>) : this.filter(M.notNull(this.column));
  }
}

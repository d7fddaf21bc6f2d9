/**
 * `Series`: one column with a name and an index. The class is a facade:
 * each method validates its arguments and hands the column to a kernel of
 * `ndframe/compute`, then wraps the result with the right index and name.
 */
import { Column } from "../core/column.js";
import {
  type Bool,
  type DType,
  type Float64,
  parseDType,
  type TypedArray,
  type ValueOf,
} from "../core/dtype.js";
import { DTypeError, KeyError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import type { Index, Label } from "../core/index/index.js";
import * as A from "../core/kernels/arithmetic.js";
import { cast } from "../core/kernels/cast.js";
import * as C from "../core/kernels/compare.js";
import * as Cum from "../core/kernels/cumulative.js";
import * as D from "../core/kernels/duplicated.js";
import { filter } from "../core/kernels/filter.js";
import { interpolate } from "../core/kernels/interpolate.js";
import { isin } from "../core/kernels/isin.js";
import * as L from "../core/kernels/logical.js";
import * as Mth from "../core/kernels/math.js";
import * as M from "../core/kernels/missing.js";
import * as Rk from "../core/kernels/rank.js";
import * as R from "../core/kernels/reduce.js";
import * as Sh from "../core/kernels/shift.js";
import { take } from "../core/kernels/take.js";
import * as U from "../core/kernels/unique.js";
import { JUPYTER_DISPLAY, type MimeBundle, mimeBundle } from "../util/display.js";
import { keyword, show } from "../util/is.js";
import { binaryLabeled, type Labeled } from "./binary.js";
import { formatSeries } from "./format.js";
import { seriesToHTML } from "./html.js";
import { align, type IndexLike, toIndex } from "./index-of.js";
import { applyColumn, betweenColumn, choose, type Inclusive, mapColumn } from "./ops/conditional.js";
import { type DescribeOptions, describeColumn } from "./ops/describe.js";
import {
  extremePositions,
  type KeepTies,
  type SampleOptions,
  type SortValuesOptions,
  samplePositions,
  sortPositions,
} from "./ops/order.js";

/** A scalar operand of a Series operation. */
export type Scalar = A.Scalar;

/** Options of the Series constructor. */
export interface SeriesOptions<T extends DType = DType> {
  /** The dtype (a DType or its name, e.g. `"int32"`); inferred from the values when omitted. */
  dtype?: T | string;
  /** The Series' name (pandas' `name`), null by default. */
  name?: string | null;
  /** Row labels: an Index, a Column or an array of labels; 0, 1, … by default. */
  index?: IndexLike;
}

const isSeries = (x: unknown): x is Labeled => x instanceof Series;

/**
 * A column of values with a name and an index of row labels, as pandas'
 * `Series`. Immutable: every method returns a new Series that shares the
 * buffers it does not change.
 *
 * @example
 * ```ts
 * import { Series } from "ndframe";
 * const s = new Series([1, 3, 5, null, 6, 8], { name: "x" });
 * s.length; // => 6
 * s.dtype; // => { kind: "float64" }
 * s.mean(); // => 4.6
 * s.add(1).toArray(); // => [2, 4, 6, null, 7, 9]
 * ```
 */
export class Series<T extends DType = DType> implements Labeled {
  /** The values, in Arrow layout. */
  readonly column: Column<T>;
  /** The row labels. */
  readonly index: Index;
  /** The name, or null. */
  readonly name: string | null;

  /**
   * Build a Series from JS values, a TypedArray (no copy) or a Column (no copy).
   *
   * @param values - the values
   * @param options - `dtype`, `name`, `index`
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series([0.5, 2], { index: ["a", "b"], name: "w" });
   * s.at("b"); // => 2
   * new Series(new Int32Array([1, 2])).dtype; // => { kind: "int32" }
   * ```
   */
  constructor(values: Column<T> | TypedArray | ArrayLike<unknown>, options?: SeriesOptions<T>) {
    const o = options ?? {};
    if (typeof o !== "object" || o === null) throw new DTypeError(`invalid Series options: ${show(o)}`);
    for (const k of Object.keys(o)) {
      if (k !== "dtype" && k !== "name" && k !== "index") {
        throw new DTypeError(`unknown option for Series: "${k}" (expected dtype, name, index)`);
      }
    }
    let col: Column<T>;
    if (values instanceof Column)
      col = o.dtype === undefined ? values : (cast(values, parseDType(o.dtype)) as Column<T>);
    else if (typeof values === "object" && values !== null && typeof values.length === "number")
      col = column(values as ArrayLike<unknown>, o.dtype) as Column<T>;
    else throw new DTypeError(`Series expects an array, a TypedArray or a Column, got ${show(values)}`);
    const name = o.name ?? null;
    if (name !== null && typeof name !== "string") {
      throw new DTypeError(`invalid Series name: ${show(name)} (expected a string or null)`);
    }
    this.column = col;
    this.name = name;
    this.index = toIndex(o.index, col.length, "Series");
    Object.freeze(this);
  }

  /** The number of rows. */
  get length(): number {
    return this.column.length;
  }

  /** The dtype of the values. */
  get dtype(): T {
    return this.column.dtype;
  }

  /** The number of nulls. */
  get nullCount(): number {
    return this.column.nullCount;
  }

  /**
   * The value at position `i` (negative counts from the end), null for a null.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([10, 20, 30]).get(-1); // => 30
   * ```
   */
  get(i: number): ValueOf<T> | null {
    return this.column.get(i);
  }

  /**
   * The value at index label `label` (pandas' `at`); a `KeyError` when the
   * label is absent or repeated.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, 2], { index: ["x", "y"] }).at("y"); // => 2
   * ```
   */
  at(label: Label): ValueOf<T> | null {
    const loc = this.index.getLoc(label);
    if (typeof loc !== "number") {
      throw new KeyError(`label ${show(label)} is repeated ${loc.length} times; at() needs a unique label`);
    }
    return this.column.get(loc);
  }

  /** The values in order, nulls as null. */
  [Symbol.iterator](): Iterator<ValueOf<T> | null> {
    return this.column[Symbol.iterator]();
  }

  /**
   * The values as a JS array: numbers, strings, booleans, bigints for
   * 64-bit integers and timestamps, null for nulls.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, null], { dtype: "int64" }).toArray(); // => [1n, null]
   * ```
   */
  toArray(): (ValueOf<T> | null)[] {
    return this.column.toArray();
  }

  /**
   * The values' TypedArray, without copying when the column is one chunk.
   *
   * Only for numeric and temporal dtypes without nulls (a null has no
   * value to show, as in pandas' `to_numpy()` on nullable integers):
   * `fillNull` or `dropNull` first. A column in several chunks is
   * combined once (a copy).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(new Float64Array([1, 2])).values; // => new Float64Array([1, 2])
   * ```
   */
  get values(): TypedArray {
    const d = this.column.dtype as DType;
    if (
      d.kind === "utf8" ||
      d.kind === "large_utf8" ||
      d.kind === "binary" ||
      d.kind === "dictionary" ||
      d.kind === "bool"
    ) {
      throw new DTypeError(`values: a ${d.kind} Series has no single typed array; use toArray()`);
    }
    if (this.column.nullCount > 0) {
      throw new DTypeError(
        `values: the Series has ${this.column.nullCount} null(s), which a typed array cannot hold; use fillNull() or dropNull() first`,
      );
    }
    return this.column.combine().values as TypedArray;
  }

  /** A Series with another name (no copy). */
  rename(name: string | null): Series<T> {
    return new Series(this.column, { index: this.index, name });
  }

  /** The same Series with fresh buffers (a deep copy). */
  copy(): Series<T> {
    return new Series(
      take(
        this.column,
        Int32Array.from({ length: this.length }, (_, i) => i),
      ),
      {
        index: this.index,
        name: this.name,
      },
    );
  }

  // ----------------------------------------------------------- selection

  /** The first `n` rows (default 5; negative: all but the last −n). */
  head(n = 5): Series<T> {
    const end = n >= 0 ? Math.min(n, this.length) : Math.max(0, this.length + n);
    return this.#slice(0, end);
  }

  /** The last `n` rows (default 5; negative: all but the first −n). */
  tail(n = 5): Series<T> {
    const start = n >= 0 ? Math.max(0, this.length - n) : Math.min(this.length, -n);
    return this.#slice(start, this.length);
  }

  #slice(start: number, end: number): Series<T> {
    return new Series(this.column.slice(start, end), {
      index: this.index.slice(start, end),
      name: this.name,
    });
  }

  /** The rows where `mask` is true (nulls in the mask drop the row), with their labels. */
  filter(mask: Series<Bool> | Column<Bool>): Series<T> {
    const m = mask instanceof Series ? mask.column : mask;
    const rows = column(Int32Array.from({ length: this.length }, (_, i) => i));
    return this.#take(filter(rows, m).combine().values as Int32Array);
  }

  #take(positions: Int32Array): Series<T> {
    const idx = this.index.toColumn();
    return new Series(take(this.column, positions), { index: take(idx, positions), name: this.name });
  }

  // ----------------------------------------------------------- arithmetic

  #binary(other: Series | Scalar, kernel: (a: Column, b: Column | Scalar) => Column, what: string): Series {
    const r = binaryLabeled(this, other as Labeled | Scalar, isSeries, kernel, what);
    return new Series(r.column, { index: r.index, name: r.name });
  }

  /** Add, aligned on labels (see the class docs). */
  add(other: Series | Scalar): Series {
    return this.#binary(other, A.add, "add");
  }
  /** Subtract. */
  sub(other: Series | Scalar): Series {
    return this.#binary(other, A.sub, "sub");
  }
  /** Multiply. */
  mul(other: Series | Scalar): Series {
    return this.#binary(other, A.mul, "mul");
  }
  /** True division (integers give float64). */
  div(other: Series | Scalar): Series<Float64> {
    return this.#binary(other, A.div, "div") as Series<Float64>;
  }
  /** Floor division, Python's `//`. */
  floorDiv(other: Series | Scalar): Series {
    return this.#binary(other, A.floorDiv, "floorDiv");
  }
  /** Remainder with the divisor's sign, Python's `%`. */
  mod(other: Series | Scalar): Series {
    return this.#binary(other, A.mod, "mod");
  }
  /** Power. */
  pow(other: Series | Scalar): Series {
    return this.#binary(other, A.pow, "pow");
  }
  /** Negation. */
  neg(): Series<T> {
    return this.#unary(A.neg(this.column) as Column<T>);
  }
  /** Absolute value. */
  abs(): Series<T> {
    return this.#unary(A.abs(this.column) as Column<T>);
  }

  #unary<U extends DType>(col: Column<U>): Series<U> {
    return new Series(col, { index: this.index, name: this.name });
  }

  // ----------------------------------------------------------- comparison and logic

  /** Equal, element-wise (a null on either side gives null). */
  eq(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.eq, "eq") as Series<Bool>;
  }
  /** Not equal. */
  ne(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.ne, "ne") as Series<Bool>;
  }
  /** Less than. */
  lt(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.lt, "lt") as Series<Bool>;
  }
  /** Less than or equal. */
  le(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.le, "le") as Series<Bool>;
  }
  /** Greater than. */
  gt(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.gt, "gt") as Series<Bool>;
  }
  /** Greater than or equal. */
  ge(other: Series | Scalar): Series<Bool> {
    return this.#binary(other, C.ge, "ge") as Series<Bool>;
  }
  /** Logical and, Kleene: false and null is false. */
  and(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.#binary(other, L.and as never, "and") as Series<Bool>;
  }
  /** Logical or, Kleene: true or null is true. */
  or(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.#binary(other, L.or as never, "or") as Series<Bool>;
  }
  /** Logical exclusive or. */
  xor(other: Series<Bool> | boolean | null): Series<Bool> {
    return this.#binary(other, L.xor as never, "xor") as Series<Bool>;
  }
  /** Logical not. */
  not(): Series<Bool> {
    return this.#unary(L.not(this.column as Column<Bool>));
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
    return this.#unary(M.isNull(this.column));
  }
  /** True where the value is not null. */
  notNull(): Series<Bool> {
    return this.#unary(M.notNull(this.column));
  }
  /** True where a float value is NaN; null stays null. */
  isNaN(): Series<Bool> {
    return this.#unary(M.isNaNColumn(this.column));
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
    return this.#unary(M.fillNull(this.column, fill, options));
  }
  /** Replace NaN with `value`; nulls stay null. */
  fillNaN(value: number): Series<T> {
    return this.#unary(M.fillNaN(this.column, value));
  }
  /** The rows that are not null, with their labels. */
  dropNull(): Series<T> {
    return this.column.nullCount === 0 ? this : this.filter(M.notNull(this.column));
  }

  // ----------------------------------------------------------- math, running, rank

  /** Square root (float64 for integers). */
  sqrt(): Series {
    return this.#unary(Mth.sqrt(this.column));
  }
  /** e to the power of each value. */
  exp(): Series {
    return this.#unary(Mth.exp(this.column));
  }
  /** exp(x) − 1, accurate near 0. */
  expm1(): Series {
    return this.#unary(Mth.expm1(this.column));
  }
  /** Natural logarithm. */
  log(): Series {
    return this.#unary(Mth.log(this.column));
  }
  /** log(1 + x), accurate near 0. */
  log1p(): Series {
    return this.#unary(Mth.log1p(this.column));
  }
  /** Base-2 logarithm. */
  log2(): Series {
    return this.#unary(Mth.log2(this.column));
  }
  /** Base-10 logarithm. */
  log10(): Series {
    return this.#unary(Mth.log10(this.column));
  }
  /** Sine (radians). */
  sin(): Series {
    return this.#unary(Mth.sin(this.column));
  }
  /** Cosine (radians). */
  cos(): Series {
    return this.#unary(Mth.cos(this.column));
  }
  /** Tangent (radians). */
  tan(): Series {
    return this.#unary(Mth.tan(this.column));
  }
  /** Inverse sine. */
  asin(): Series {
    return this.#unary(Mth.asin(this.column));
  }
  /** Inverse cosine. */
  acos(): Series {
    return this.#unary(Mth.acos(this.column));
  }
  /** Inverse tangent. */
  atan(): Series {
    return this.#unary(Mth.atan(this.column));
  }
  /** Round half to even, to `decimals` places (negative: tens, hundreds…), as pandas. */
  round(decimals = 0): Series<T> {
    return this.#unary(Mth.round(this.column, decimals) as Column<T>);
  }
  /** Round down. */
  floor(): Series<T> {
    return this.#unary(Mth.floor(this.column) as Column<T>);
  }
  /** Round up. */
  ceil(): Series<T> {
    return this.#unary(Mth.ceil(this.column) as Column<T>);
  }
  /** Round toward zero. */
  trunc(): Series<T> {
    return this.#unary(Mth.trunc(this.column) as Column<T>);
  }
  /** −1, 0 or 1 by sign. */
  sign(): Series<T> {
    return this.#unary(Mth.sign(this.column) as Column<T>);
  }
  /**
   * Limit the values to `[lower, upper]` (either may be null for no bound).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, 5, 9]).clip(2, 6).toArray(); // => [2, 5, 6]
   * ```
   */
  clip(lower?: number | bigint | null, upper?: number | bigint | null): Series<T> {
    return this.#unary(Mth.clip(this.column, lower, upper) as Column<T>);
  }

  /** Running sum; nulls skipped (they stay null) unless `skipna: false`. */
  cumsum(options?: Cum.CumulativeOptions): Series {
    return this.#unary(Cum.cumsum(this.column, options));
  }
  /** Running product. */
  cumprod(options?: Cum.CumulativeOptions): Series {
    return this.#unary(Cum.cumprod(this.column, options));
  }
  /** Running minimum. */
  cummin(options?: Cum.CumulativeOptions): Series<T> {
    return this.#unary(Cum.cummin(this.column, options) as Column<T>);
  }
  /** Running maximum. */
  cummax(options?: Cum.CumulativeOptions): Series<T> {
    return this.#unary(Cum.cummax(this.column, options) as Column<T>);
  }
  /**
   * Move the values down by `periods` rows (up when negative); the labels stay.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, 2, 3]).shift(1).toArray(); // => [null, 1, 2]
   * ```
   */
  shift(periods = 1, options?: Sh.ShiftOptions): Series<T> {
    return this.#unary(Sh.shift(this.column, periods, options) as Column<T>);
  }
  /** The difference with the value `periods` rows before. */
  diff(periods = 1): Series {
    return this.#unary(Sh.diff(this.column, periods));
  }
  /** The relative change from the value `periods` rows before. */
  pctChange(periods = 1): Series<Float64> {
    return this.#unary(Sh.pctChange(this.column, periods) as Column<Float64>);
  }
  /**
   * Rank the values (1 = smallest; ties per `method`, default "average").
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([30, 10, 30]).rank().toArray(); // => [2.5, 1, 2.5]
   * ```
   */
  rank(options?: Rk.RankOptions): Series<Float64> {
    return this.#unary(Rk.rank(this.column, options));
  }

  // ----------------------------------------------------------- sorting and selection

  /**
   * Sort by value, stably; nulls and NaN last unless `naPosition: "first"`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series([3, null, 1], { index: ["a", "b", "c"] }).sortValues();
   * s.toArray(); // => [1, 3, null]
   * s.index.toColumn().toArray(); // => ["c", "a", "b"]
   * ```
   */
  sortValues(options?: SortValuesOptions): Series<T> {
    return this.#take(sortPositions(this.column, options, "sortValues"));
  }
  /** Sort by index label, stably. */
  sortIndex(options?: SortValuesOptions): Series<T> {
    return this.#take(sortPositions(this.index.toColumn(), options, "sortIndex"));
  }
  /**
   * The `n` largest values, largest first (pandas' `nlargest`; `keep`: "first", "last" or "all" ties).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([5, 1, 9, 5]).nlargest(2).toArray(); // => [9, 5]
   * ```
   */
  nlargest(n = 5, keep: KeepTies = "first"): Series<T> {
    return this.#take(extremePositions(this.column, n, true, keep));
  }
  /** The `n` smallest values, smallest first. */
  nsmallest(n = 5, keep: KeepTies = "first"): Series<T> {
    return this.#take(extremePositions(this.column, n, false, keep));
  }
  /**
   * A seeded random sample of rows (`n` or `frac`, `replace`, `weights`, `seed`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series([1, 2, 3, 4, 5]);
   * s.sample({ n: 3, seed: 7 }).length; // => 3
   * ```
   */
  sample(options?: SampleOptions): Series<T> {
    return this.#take(samplePositions(this.length, options));
  }

  // ----------------------------------------------------------- distinct values

  /** The distinct values in order of first appearance (a null counts once), on a default index. */
  unique(): Series<T> {
    return new Series(U.unique(this.column), { name: this.name });
  }
  /** The number of distinct values (nulls left out unless `dropna: false`). */
  nunique(options?: { dropna?: boolean }): number {
    return U.nunique(this.column, options);
  }
  /**
   * Count each distinct value: a Series of counts indexed by the values,
   * most frequent first (pandas' `value_counts`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const vc = new Series(["a", "b", "a", null]).valueCounts();
   * vc.toArray(); // => [2n, 1n]
   * vc.index.toColumn().toArray(); // => ["a", "b"]
   * vc.name; // => "count"
   * ```
   */
  valueCounts(options?: U.ValueCountsOptions): Series {
    const { values, counts } = U.valueCounts(this.column, options);
    return new Series(counts as Column, {
      index: values,
      name: options?.normalize === true ? "proportion" : "count",
    });
  }
  /** The most frequent value(s), sorted. */
  mode(options?: { dropna?: boolean }): Series<T> {
    return new Series(U.mode(this.column, options), { name: this.name });
  }
  /** True for each value already seen above it (`keep: "last"`: below it; `false`: any repeat). */
  duplicated(keep: "first" | "last" | false = "first"): Series<Bool> {
    return this.#unary(D.duplicated(this.column, { keep }));
  }
  /** The rows without repeated values (`keep` as `duplicated`), with their labels. */
  dropDuplicates(keep: "first" | "last" | false = "first"): Series<T> {
    return this.filter(L.not(D.duplicated(this.column, { keep })));
  }
  /** True where the value is one of `values`. */
  isin(values: Column | readonly unknown[]): Series<Bool> {
    return this.#unary(isin(this.column, values));
  }
  /**
   * True where `left <= value <= right` (`inclusive`: "both", "neither", "left", "right").
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, 5, 10]).between(1, 5, "right").toArray(); // => [false, true, false]
   * ```
   */
  between(left: Scalar, right: Scalar, inclusive: Inclusive = "both"): Series<Bool> {
    return this.#unary(betweenColumn(this.column, left, right, inclusive));
  }

  // ----------------------------------------------------------- conditional values

  #condition(cond: Series<Bool> | Column<Bool>, fn: string): Column<Bool> {
    if (cond instanceof Series) return align(this.column, this.index, cond.column, cond.index, fn).right;
    return cond;
  }
  #other(other: unknown, fn: string): unknown {
    if (other instanceof Series) return align(this.column, this.index, other.column, other.index, fn).right;
    return other;
  }

  /**
   * Keep the values where `cond` is true and take `other` elsewhere (null by
   * default; a null condition counts as false), as pandas' `where`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series([1, 2, 3], { dtype: "int32" });
   * s.where(s.gt(1)).toArray(); // => [null, 2, 3]
   * s.where(s.gt(1), 0).toArray(); // => [0, 2, 3]
   * ```
   */
  where(cond: Series<Bool> | Column<Bool>, other: Series | Scalar = null): Series {
    return this.#unary(
      choose(this.column, this.#condition(cond, "where"), this.#other(other, "where"), true, "where"),
    );
  }
  /** Replace the values where `cond` is true with `other` (null by default), as pandas' `mask`. */
  mask(cond: Series<Bool> | Column<Bool>, other: Series | Scalar = null): Series {
    return this.#unary(
      choose(this.column, this.#condition(cond, "mask"), this.#other(other, "mask"), false, "mask"),
    );
  }
  /**
   * Replace each value by its entry in a Map or object (null where missing).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["cat", "dog", "cow"]).map({ cat: "kitten", dog: "puppy" }).toArray(); // => ["kitten", "puppy", null]
   * ```
   */
  map(mapping: ReadonlyMap<unknown, unknown> | Readonly<Record<string, unknown>>): Series {
    return this.#unary(mapColumn(this.column, mapping));
  }
  /**
   * Call `fn(value, position)` on every value (the slow path: one JS call per row; prefer the vectorized methods).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["a", "bb"]).apply((v) => (v as string).length).toArray(); // => [1, 2]
   * ```
   */
  apply(
    fn: (value: ValueOf<T> | null, position: number) => unknown,
    options?: { dtype?: DType | string },
  ): Series {
    return this.#unary(applyColumn(this.column, fn, options?.dtype));
  }
  /**
   * Fill nulls on straight lines between neighbours (pandas' `interpolate`):
   * by position, or with `method: "index"` by the index labels as x.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, null, 3, null]).interpolate().toArray(); // => [1, 2, 3, 3]
   * ```
   */
  interpolate(options?: { method?: "linear" | "index" }): Series<Float64> {
    const method =
      options?.method === undefined
        ? "linear"
        : keyword("method", options.method, ["linear", "index"] as const);
    return this.#unary(
      interpolate(this.column, method === "index" ? { x: this.index.toColumn() } : undefined),
    );
  }

  /**
   * Summary statistics in pandas' layout (count, mean, std, min, 25%, 50%, 75%, max for numbers).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const d = new Series([1, 2, 3, 4]).describe();
   * d.index.toColumn().toArray(); // => ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
   * d.toArray(); // => [4, 2.5, 1.2909944487358056, 1, 1.75, 2.5, 3.25, 4]
   * ```
   */
  describe(options?: DescribeOptions): Series {
    const { labels, values } = describeColumn(this.column, options);
    return new Series(values, { index: labels, name: this.name });
  }

  // ----------------------------------------------------------- conversion and display

  /**
   * Cast to another dtype (checked: a value that does not fit raises; see `cast`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1.0, 2.0]).astype("int32").dtype; // => { kind: "int32" }
   * ```
   */
  astype<U extends DType>(dtype: U | string): Series<U> {
    return this.#unary(cast(this.column, dtype) as Column<U>);
  }

  /**
   * The Series as pandas prints it: labels, right-aligned values (the head
   * and tail of a long one), name and dtype.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1.5, null, 3], { name: "x" }).toString(); // => "0     1.5\n1    <NA>\n2     3.0\nName: x, dtype: float64"
   * ```
   */
  toString(): string {
    return formatSeries(this.column, this.index, this.name);
  }

  /**
   * The Series as an HTML table for notebooks (labels, values, name and
   * dtype; the head and tail of a long one; every text escaped).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([1, 2], { name: "x" }).toHTML().includes("<table"); // => true
   * ```
   */
  toHTML(): string {
    return seriesToHTML(this.column, this.index, this.name);
  }

  /** The MIME bundle (`text/plain` and `text/html`) a Jupyter kernel displays (Deno's `Symbol.for("Jupyter.display")`). */
  [JUPYTER_DISPLAY](): MimeBundle {
    return mimeBundle(this.toString(), this.toHTML());
  }

  /** Node's `util.inspect` and `console.log` print `toString()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

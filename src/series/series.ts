/**
 * `Series`: one column with a name and an index. The class is a facade:
 * each method validates its arguments and hands the column to a kernel of
 * `ndframe/compute`, then wraps the result with the right index and name.
 * It is built in three files by method group: series-base.ts (data,
 * access, display), series-ops.ts (arithmetic, logic, reductions, missing
 * data) and this one (math, running values, order, distinct values,
 * conditional values, summaries).
 */
import type { Column } from "../core/column.js";
import type { Bool, DType, Float64, ValueOf } from "../core/dtype.js";
import * as Cum from "../core/kernels/cumulative.js";
import * as D from "../core/kernels/duplicated.js";
import { interpolate } from "../core/kernels/interpolate.js";
import { isin } from "../core/kernels/isin.js";
import * as L from "../core/kernels/logical.js";
import * as Mth from "../core/kernels/math.js";
import * as Rk from "../core/kernels/rank.js";
import * as Sh from "../core/kernels/shift.js";
import * as U from "../core/kernels/unique.js";
import { keyword } from "../util/is.js";
import { CategoricalMethods } from "./cat.js";
import { DatetimeMethods } from "./dt.js";
import { align } from "./index-of.js";
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
import type { Scalar } from "./series-base.js";
import { SeriesOps } from "./series-ops.js";
import { StringMethods } from "./str.js";

export type { Scalar, SeriesOptions } from "./series-base.js";

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
export class Series<T extends DType = DType> extends SeriesOps<T> {
  // ----------------------------------------------------------- namespaces

  /**
   * String methods (pandas' `.str`), for utf8, large_utf8 and categorical
   * Series; a `DTypeError` for any other dtype.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["Ab", null, "cD"]).str.lower().toArray(); // => ["ab", null, "cd"]
   * ```
   */
  get str(): StringMethods {
    StringMethods.check(this.dtype);
    return new StringMethods(this, (c) => this.unaryOp(c));
  }

  /**
   * Datetime methods (pandas' `.dt`), for timestamp and date Series; a
   * `DTypeError` for any other dtype.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2024-02-29"]).astype("timestamp[s]").dt.year.toArray(); // => [2024]
   * ```
   */
  get dt(): DatetimeMethods {
    DatetimeMethods.check(this.dtype);
    return new DatetimeMethods(this, (c) => this.unaryOp(c));
  }

  /**
   * Categorical methods (pandas' `.cat`), for dictionary Series; a
   * `DTypeError` for any other dtype.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["b", "a", "b"]).astype("category").cat.categories.toArray(); // => ["a", "b"]
   * ```
   */
  get cat(): CategoricalMethods {
    CategoricalMethods.check(this.dtype);
    return new CategoricalMethods(this, (c) => this.unaryOp(c));
  }

  // ----------------------------------------------------------- math, running, rank

  /** Square root (float64 for integers). */
  sqrt(): Series {
    return this.unaryOp(Mth.sqrt(this.column));
  }
  /** e to the power of each value. */
  exp(): Series {
    return this.unaryOp(Mth.exp(this.column));
  }
  /** exp(x) − 1, accurate near 0. */
  expm1(): Series {
    return this.unaryOp(Mth.expm1(this.column));
  }
  /** Natural logarithm. */
  log(): Series {
    return this.unaryOp(Mth.log(this.column));
  }
  /** log(1 + x), accurate near 0. */
  log1p(): Series {
    return this.unaryOp(Mth.log1p(this.column));
  }
  /** Base-2 logarithm. */
  log2(): Series {
    return this.unaryOp(Mth.log2(this.column));
  }
  /** Base-10 logarithm. */
  log10(): Series {
    return this.unaryOp(Mth.log10(this.column));
  }
  /** Sine (radians). */
  sin(): Series {
    return this.unaryOp(Mth.sin(this.column));
  }
  /** Cosine (radians). */
  cos(): Series {
    return this.unaryOp(Mth.cos(this.column));
  }
  /** Tangent (radians). */
  tan(): Series {
    return this.unaryOp(Mth.tan(this.column));
  }
  /** Inverse sine. */
  asin(): Series {
    return this.unaryOp(Mth.asin(this.column));
  }
  /** Inverse cosine. */
  acos(): Series {
    return this.unaryOp(Mth.acos(this.column));
  }
  /** Inverse tangent. */
  atan(): Series {
    return this.unaryOp(Mth.atan(this.column));
  }
  /** Round half to even, to `decimals` places (negative: tens, hundreds…), as pandas. */
  round(decimals = 0): Series<T> {
    return this.unaryOp(Mth.round(this.column, decimals) as Column<T>);
  }
  /** Round down. */
  floor(): Series<T> {
    return this.unaryOp(Mth.floor(this.column) as Column<T>);
  }
  /** Round up. */
  ceil(): Series<T> {
    return this.unaryOp(Mth.ceil(this.column) as Column<T>);
  }
  /** Round toward zero. */
  trunc(): Series<T> {
    return this.unaryOp(Mth.trunc(this.column) as Column<T>);
  }
  /** −1, 0 or 1 by sign. */
  sign(): Series<T> {
    return this.unaryOp(Mth.sign(this.column) as Column<T>);
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
    return this.unaryOp(Mth.clip(this.column, lower, upper) as Column<T>);
  }

  /** Running sum; nulls skipped (they stay null) unless `skipna: false`. */
  cumsum(options?: Cum.CumulativeOptions): Series {
    return this.unaryOp(Cum.cumsum(this.column, options));
  }
  /** Running product. */
  cumprod(options?: Cum.CumulativeOptions): Series {
    return this.unaryOp(Cum.cumprod(this.column, options));
  }
  /** Running minimum. */
  cummin(options?: Cum.CumulativeOptions): Series<T> {
    return this.unaryOp(Cum.cummin(this.column, options) as Column<T>);
  }
  /** Running maximum. */
  cummax(options?: Cum.CumulativeOptions): Series<T> {
    return this.unaryOp(Cum.cummax(this.column, options) as Column<T>);
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
    return this.unaryOp(Sh.shift(this.column, periods, options) as Column<T>);
  }
  /** The difference with the value `periods` rows before. */
  diff(periods = 1): Series {
    return this.unaryOp(Sh.diff(this.column, periods));
  }
  /** The relative change from the value `periods` rows before. */
  pctChange(periods = 1): Series<Float64> {
    return this.unaryOp(Sh.pctChange(this.column, periods) as Column<Float64>);
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
    return this.unaryOp(Rk.rank(this.column, options));
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
    return this.takeRows(sortPositions(this.column, options, "sortValues"));
  }
  /** Sort by index label, stably. */
  sortIndex(options?: SortValuesOptions): Series<T> {
    return this.takeRows(sortPositions(this.index.toColumn(), options, "sortIndex"));
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
    return this.takeRows(extremePositions(this.column, n, true, keep));
  }
  /** The `n` smallest values, smallest first. */
  nsmallest(n = 5, keep: KeepTies = "first"): Series<T> {
    return this.takeRows(extremePositions(this.column, n, false, keep));
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
    return this.takeRows(samplePositions(this.length, options));
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
    return this.unaryOp(D.duplicated(this.column, { keep }));
  }
  /** The rows without repeated values (`keep` as `duplicated`), with their labels. */
  dropDuplicates(keep: "first" | "last" | false = "first"): Series<T> {
    return this.filter(L.not(D.duplicated(this.column, { keep })));
  }
  /** True where the value is one of `values`. */
  isin(values: Column | readonly unknown[]): Series<Bool> {
    return this.unaryOp(isin(this.column, values));
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
    return this.unaryOp(betweenColumn(this.column, left, right, inclusive));
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
    return this.unaryOp(
      choose(this.column, this.#condition(cond, "where"), this.#other(other, "where"), true, "where"),
    );
  }
  /** Replace the values where `cond` is true with `other` (null by default), as pandas' `mask`. */
  mask(cond: Series<Bool> | Column<Bool>, other: Series | Scalar = null): Series {
    return this.unaryOp(
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
    return this.unaryOp(mapColumn(this.column, mapping));
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
    return this.unaryOp(applyColumn(this.column, fn, options?.dtype));
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
    return this.unaryOp(
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
}

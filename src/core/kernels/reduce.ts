/**
 * Whole-column reductions: the public functions. Each validates its column
 * and options, then runs the implementation named by its entry in the
 * reducer registry (reducers.ts). Common rules:
 *
 * - `skipna` (default true): nulls, and NaN in float columns, are skipped,
 *   as pandas. With `skipna: false` a null gives null and a NaN gives NaN.
 * - A reduction with too few values (empty, all null, fewer than `ddof + 1`
 *   for var) gives null, where pandas gives NaN for float64 and <NA> for
 *   its nullable dtypes. NaN means a NaN was in the data.
 * - Chunked and sliced columns are reduced in place, chunk by chunk,
 *   combining per-chunk states; nothing is copied except by median and
 *   quantile (one Float64Array of the valid values).
 */

import { isObject, maybeBoolean, maybeKeyword, nonNegativeInt, show } from "../../util/is.js";
import { Column } from "../column.js";
import type { DType, ValueOf } from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { INTERPOLATIONS, type Interpolation, quantileImpl } from "./reduce-quantile.js";
import { checkAccepts, DEFAULTS, type Normalized, REDUCERS, type ReducerName } from "./reducers.js";

/** The `skipna` option shared by every reduction. */
export interface SkipNaOptions {
  /** Skip nulls and NaN (default true); false makes a null give null and a NaN give NaN. */
  skipna?: boolean;
}

/** Options of sum and prod. */
export interface SumOptions extends SkipNaOptions {
  /** Fewer valid values than this give null (pandas' `min_count`, default 0). */
  minCount?: number;
}

/** Options of var and std. */
export interface VarOptions extends SkipNaOptions {
  /** Delta degrees of freedom: the divisor is n − ddof (default 1, as pandas). */
  ddof?: number;
}

/** Options of median. */
export interface MedianOptions extends SkipNaOptions {
  /** How to pick between the two middle values (default "linear"). */
  interpolation?: Interpolation;
}

/** Options of quantile. */
export interface QuantileOptions {
  /** NumPy's interpolation between neighbouring order statistics (default "linear"). */
  interpolation?: Interpolation;
}

export type { Interpolation };

/** Check that `col` is a Column. @internal */
export function checkColumn(col: unknown, fn: string): asserts col is Column {
  if (!(col instanceof Column)) throw new DTypeError(`${fn} expects a Column, got ${show(col)}`);
}

function normalize(name: string, allowed: readonly string[], options: unknown): Normalized {
  if (options === undefined) return DEFAULTS;
  if (!isObject(options))
    throw new OptionError(`invalid options for ${name}: ${show(options)} (expected an object)`);
  for (const k of Object.keys(options)) {
    if (!allowed.includes(k)) {
      throw new OptionError(
        `unknown option for ${name}: "${k}" (expected ${allowed.join(", ") || "no options"})`,
      );
    }
  }
  const o = options as Record<string, unknown>;
  return {
    skipna: maybeBoolean("skipna", o.skipna, true),
    ddof: o.ddof === undefined ? 1 : nonNegativeInt("ddof", o.ddof),
    minCount: o.minCount === undefined ? 0 : nonNegativeInt("minCount", o.minCount),
    interpolation: maybeKeyword("interpolation", o.interpolation, INTERPOLATIONS, "linear"),
  };
}

function run(name: ReducerName, col: Column, options: unknown): unknown {
  checkColumn(col, name);
  const spec = REDUCERS[name];
  checkAccepts(name, spec, col);
  return spec.reduce(col, normalize(name, spec.options, options));
}

/**
 * Sum the values.
 *
 * Floats are summed in float64 with Neumaier compensation: within an ulp or
 * two of the exact sum, independent of chunking (NumPy's pairwise sum gives
 * 0 for [1e100, 1, −1e100]; this gives 1). Integers and bools sum exactly:
 * a number when the total is a safe integer, else a bigint; int64, uint64
 * and duration always give a bigint, and a total that does not fit the
 * dtype throws a CastError (pandas wraps around). Empty input gives 0.
 *
 * @param col - a numeric, bool or duration column
 * @param options - `skipna`, `minCount`
 * @returns the sum, or null with fewer than `minCount` values (or a null under skipna false)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sum } from "ndframe/compute";
 * sum(column([1, 2, null, 4], "int32")); // => 7
 * sum(column([0.1, 0.2, 0.3])); // => 0.6
 * sum(column([2n ** 62n, 2n ** 62n - 1n, -5n])); // => 9223372036854775802n
 * sum(column([null], "float64"), { minCount: 1 }); // => null
 * ```
 */
export function sum(col: Column, options?: SumOptions): number | bigint | null {
  return run("sum", col, options) as number | bigint | null;
}

/**
 * Multiply the values.
 *
 * Floats multiply in float64. Integers give an exact product (number when
 * safe, bigint beyond 2^53, always bigint for int64/uint64); a product that
 * does not fit int64 (uint64 for unsigned input) throws a CastError where
 * pandas wraps around. Empty input gives 1.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`, `minCount`
 * @returns the product, or null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { prod } from "ndframe/compute";
 * prod(column([2, 3, null, 4], "int8")); // => 24
 * prod(column([2n ** 31n, 2n ** 31n])); // => 4611686018427387904n
 * ```
 */
export function prod(col: Column, options?: SumOptions): number | bigint | null {
  return run("prod", col, options) as number | bigint | null;
}

/**
 * Average the values: the compensated (floats) or exact (integers) sum over
 * the count, as a float64 number.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`
 * @returns the mean, or null when there is no valid value
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { mean } from "ndframe/compute";
 * mean(column([1, 2, null, 4])); // => 7 / 3
 * mean(column([1, Number.NaN]), { skipna: false }); // => Number.NaN
 * ```
 */
export function mean(col: Column, options?: SkipNaOptions): number | null {
  return run("mean", col, options) as number | null;
}

/**
 * Compute the variance Σ(x − mean)² / (n − ddof), in two passes (mean,
 * then corrected sum of squared deviations), as pandas.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`, `ddof` (default 1)
 * @returns a float64 number, or null when n <= ddof
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { variance } from "ndframe/compute";
 * // pandas' DataFrame.var example, column "age"
 * variance(column([21, 25, 62, 43])); // => 1058.75 / 3
 * variance(column([21, 25, 62, 43]), { ddof: 0 }); // => 264.6875
 * ```
 */
export function variance(col: Column, options?: VarOptions): number | null {
  return run("var", col, options) as number | null;
}

/**
 * Compute the standard deviation: the square root of `variance`.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`, `ddof` (default 1)
 * @returns a float64 number, or null when n <= ddof
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { std } from "ndframe/compute";
 * std(column([2, 4, 4, 4, 5, 5, 7, 9]), { ddof: 0 }); // => 2
 * ```
 */
export function std(col: Column, options?: VarOptions): number | null {
  return run("std", col, options) as number | null;
}

/**
 * Compute pandas' unbiased sample skewness G1 = n·√(n−1)/(n−2) · m3/m2^1.5,
 * where m_k = Σ(x − mean)^k; 0 when every value is equal.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`
 * @returns a float64 number, or null with fewer than 3 values
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { skew } from "ndframe/compute";
 * skew(column([1, 2, 3])); // => 0
 * ```
 */
export function skew(col: Column, options?: SkipNaOptions): number | null {
  return run("skew", col, options) as number | null;
}

/**
 * Compute pandas' unbiased sample excess kurtosis (Fisher's G2):
 * n(n+1)(n−1)·m4 / ((n−2)(n−3)·m2²) − 3(n−1)²/((n−2)(n−3)).
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`
 * @returns a float64 number, or null with fewer than 4 values
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { kurt } from "ndframe/compute";
 * kurt(column([1, 2, 2, 3])); // => 1.5
 * ```
 */
export function kurt(col: Column, options?: SkipNaOptions): number | null {
  return run("kurt", col, options) as number | null;
}

/**
 * Find the smallest value, in the column's own type: a bigint for
 * int64/timestamp, a string for utf8 and dictionaries (compared by value in
 * Unicode code point order; ordered dictionaries by category order), a
 * boolean for bool. NaN is skipped under skipna and returned otherwise.
 *
 * @param col - a numeric, bool, temporal, string or dictionary column
 * @param options - `skipna`
 * @returns the minimum, or null when there is no valid value
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { min } from "ndframe/compute";
 * min(column([3, null, 1, Number.NaN])); // => 1
 * min(column(["pear", "apple", null])); // => "apple"
 * ```
 */
export function min<T extends DType>(col: Column<T>, options?: SkipNaOptions): ValueOf<T> | null {
  return run("min", col, options) as ValueOf<T> | null;
}

/**
 * Find the largest value, in the column's own type (see `min`).
 *
 * @param col - a numeric, bool, temporal, string or dictionary column
 * @param options - `skipna`
 * @returns the maximum, or null when there is no valid value
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { max } from "ndframe/compute";
 * max(column([2n ** 60n, -1n, null])); // => 2n ** 60n
 * ```
 */
export function max<T extends DType>(col: Column<T>, options?: SkipNaOptions): ValueOf<T> | null {
  return run("max", col, options) as ValueOf<T> | null;
}

/**
 * Find the position of the first smallest value. Where pandas returns −1
 * (with a FutureWarning that it will raise) for an all-NA column, or for a
 * NA under skipna false, this returns null.
 *
 * @param col - a column of an ordered dtype (see `min`)
 * @param options - `skipna`
 * @returns a position in [0, length), or null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { argmin } from "ndframe/compute";
 * argmin(column([3, 1, null, 1])); // => 1
 * ```
 */
export function argmin(col: Column, options?: SkipNaOptions): number | null {
  return run("argmin", col, options) as number | null;
}

/**
 * Find the position of the first largest value (see `argmin`).
 *
 * @param col - a column of an ordered dtype (see `min`)
 * @param options - `skipna`
 * @returns a position in [0, length), or null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { argmax } from "ndframe/compute";
 * argmax(column(["b", "c", "c", "a"])); // => 1
 * ```
 */
export function argmax(col: Column, options?: SkipNaOptions): number | null {
  return run("argmax", col, options) as number | null;
}

/**
 * Find the median: the middle value, or the mean of the two middle values
 * (`(a + b) / 2`, as NumPy). Copies the valid values once and selects in
 * O(n); int64 beyond 2^53 is rounded to float64, as pandas.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`, `interpolation` (as `quantile`)
 * @returns a float64 number, or null when there is no valid value
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { median } from "ndframe/compute";
 * median(column([5, 1, null, 4, 2])); // => 3
 * median(column([1, 2, 3, 4]), { interpolation: "lower" }); // => 2
 * ```
 */
export function median(col: Column, options?: MedianOptions): number | null {
  return run("median", col, options) as number | null;
}

/**
 * Compute the q-th quantile(s) with NumPy's definitions, as pandas'
 * `Series.quantile`: virtual index h = (n − 1)·q between the sorted valid
 * values, with `interpolation` "linear" (default), "lower", "higher",
 * "midpoint" or "nearest" (halves to even). Nulls and NaN are always skipped.
 *
 * @param col - a numeric or bool column
 * @param q - a quantile in [0, 1] or a list of them
 * @param options - `interpolation`
 * @returns a float64 number per q (null when there is no valid value)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { quantile } from "ndframe/compute";
 * // pandas' Series.quantile example
 * quantile(column([1, 2, 3, 4]), 0.5); // => 2.5
 * quantile(column([1, 2, 3, 4]), [0.25, 0.5, 0.75]); // => [1.75, 2.5, 3.25]
 * ```
 */
export function quantile(col: Column, q: number, options?: QuantileOptions): number | null;
export function quantile(col: Column, q: readonly number[], options?: QuantileOptions): (number | null)[];
export function quantile(
  col: Column,
  q: number | readonly number[],
  options?: QuantileOptions,
): number | null | (number | null)[] {
  checkColumn(col, "quantile");
  checkAccepts("quantile", REDUCERS.median, col);
  const o = normalize("quantile", ["interpolation"], options);
  const qs = typeof q === "number" ? [q] : Array.isArray(q) ? (q as readonly unknown[]) : null;
  if (qs === null)
    throw new OptionError(`invalid q: ${show(q)} (expected a number in [0, 1] or an array of them)`);
  for (const x of qs) {
    if (typeof x !== "number" || !(x >= 0 && x <= 1)) {
      throw new OptionError(`invalid q: ${show(x)} (expected a number in [0, 1])`);
    }
  }
  const out = quantileImpl(col, qs as number[], o.interpolation);
  return typeof q === "number" ? (out[0] as number | null) : out;
}

/**
 * Count the valid values: not null, and not NaN (as pandas' count).
 *
 * @param col - a column of any dtype
 * @returns the count
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { count } from "ndframe/compute";
 * count(column([1, null, Number.NaN, 4])); // => 2
 * ```
 */
export function count(col: Column): number {
  return run("count", col, undefined) as number;
}

/**
 * Tell whether any valid value is true (non-zero). Empty gives false. With
 * skipna false, nulls follow Kleene logic (false and null → null) and NaN
 * counts as true, as NumPy.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`
 * @returns a boolean, or null (skipna false only)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { any } from "ndframe/compute";
 * any(column([false, null, true])); // => true
 * any(column([false, null]), { skipna: false }); // => null
 * ```
 */
export function any(col: Column, options?: SkipNaOptions): boolean | null {
  return run("any", col, options) as boolean | null;
}

/**
 * Tell whether every valid value is true (non-zero). Empty gives true.
 * Kleene nulls under skipna false, as `any`.
 *
 * @param col - a numeric or bool column
 * @param options - `skipna`
 * @returns a boolean, or null (skipna false only)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { all } from "ndframe/compute";
 * all(column([1, 2, null], "int32")); // => true
 * all(column([true, null]), { skipna: false }); // => null
 * ```
 */
export function all(col: Column, options?: SkipNaOptions): boolean | null {
  return run("all", col, options) as boolean | null;
}

/**
 * Take the first valid value (not null, not NaN), as pandas'
 * `first_valid_index`; with skipna false, the first element, null or not.
 *
 * @param col - a column of any dtype
 * @param options - `skipna`
 * @returns the value in the column's own JS type, or null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { first } from "ndframe/compute";
 * first(column([null, Number.NaN, 3, 4])); // => 3
 * first(column([null, "b"]), { skipna: false }); // => null
 * ```
 */
export function first<T extends DType>(col: Column<T>, options?: SkipNaOptions): ValueOf<T> | null {
  return run("first", col, options) as ValueOf<T> | null;
}

/**
 * Take the last valid value (see `first`).
 *
 * @param col - a column of any dtype
 * @param options - `skipna`
 * @returns the value in the column's own JS type, or null
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { last } from "ndframe/compute";
 * last(column([1n, 2n, null])); // => 2n
 * ```
 */
export function last<T extends DType>(col: Column<T>, options?: SkipNaOptions): ValueOf<T> | null {
  return run("last", col, options) as ValueOf<T> | null;
}

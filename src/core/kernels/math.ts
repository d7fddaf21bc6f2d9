/**
 * Element-wise math: sqrt, exp, expm1, log, log1p, log2, log10, sin, cos,
 * tan, asin, acos, atan, round, floor, ceil, trunc, sign, clip.
 *
 * Shared semantics:
 * - **dtype**: the float functions keep float32 as float32 and compute every
 *   other numeric dtype (and bool) in float64 — a deliberate difference from
 *   NumPy, which gives float16 for int8/uint8/bool and float32 for
 *   int16/uint16. int64 beyond 2^53 rounds to the nearest double first.
 *   round, floor, ceil and trunc keep integer dtypes (integers are already
 *   whole); sign and clip keep every numeric dtype. Non-numeric dtypes throw a
 *   `DTypeError` naming the dtype.
 * - **nulls** stay null; NaN stays NaN (and domain errors such as
 *   `sqrt(-1)`, `log(-1)` give NaN, `log(0)` gives −Infinity, as NumPy).
 * - **chunks**: applied chunk by chunk with no copy of the input; the output
 *   is one fresh chunk. One pass, O(n).
 */
import type { Column } from "../column.js";
import { floatFn } from "./math-engine.js";

/**
 * Take the square root element-wise.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. Negative values give NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sqrt } from "ndframe/compute";
 * sqrt(column([4, null, 2.25])).toArray(); // => [2, null, 1.5]
 * sqrt(column([9], "int32")).dtype.kind;  // => "float64"
 * ```
 */
export function sqrt(col: Column): Column {
  return floatFn("sqrt", col);
}

/**
 * Compute e raised to each element.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. Overflows to Infinity past ~709.78.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { exp } from "ndframe/compute";
 * exp(column([0, null])).toArray(); // => [1, null]
 * ```
 */
export function exp(col: Column): Column {
  return floatFn("exp", col);
}

/**
 * Compute e^x − 1 element-wise, accurate for x near 0.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { expm1 } from "ndframe/compute";
 * expm1(column([0])).toArray(); // => [0]
 * ```
 */
export function expm1(col: Column): Column {
  return floatFn("expm1", col);
}

/**
 * Take the natural logarithm element-wise.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. 0 gives −Infinity, negative values NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { log } from "ndframe/compute";
 * log(column([1, 0, -1])).toArray(); // => [0, -Infinity, NaN]
 * ```
 */
export function log(col: Column): Column {
  return floatFn("log", col);
}

/**
 * Compute ln(1 + x) element-wise, accurate for x near 0.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. −1 gives −Infinity.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { log1p } from "ndframe/compute";
 * log1p(column([0])).toArray(); // => [0]
 * ```
 */
export function log1p(col: Column): Column {
  return floatFn("log1p", col);
}

/**
 * Take the base-2 logarithm element-wise.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { log2 } from "ndframe/compute";
 * log2(column([8, 1], "int32")).toArray(); // => [3, 0]
 * ```
 */
export function log2(col: Column): Column {
  return floatFn("log2", col);
}

/**
 * Take the base-10 logarithm element-wise.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { log10 } from "ndframe/compute";
 * log10(column([1000, 0.01])).toArray(); // => [3, -2]
 * ```
 */
export function log10(col: Column): Column {
  return floatFn("log10", col);
}

/**
 * Compute the sine element-wise (radians).
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sin } from "ndframe/compute";
 * sin(column([0])).toArray(); // => [0]
 * ```
 */
export function sin(col: Column): Column {
  return floatFn("sin", col);
}

/**
 * Compute the cosine element-wise (radians).
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cos } from "ndframe/compute";
 * cos(column([0])).toArray(); // => [1]
 * ```
 */
export function cos(col: Column): Column {
  return floatFn("cos", col);
}

/**
 * Compute the tangent element-wise (radians).
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { tan } from "ndframe/compute";
 * tan(column([0])).toArray(); // => [0]
 * ```
 */
export function tan(col: Column): Column {
  return floatFn("tan", col);
}

/**
 * Compute the arc sine element-wise, in radians.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. Values outside [−1, 1] give NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { asin } from "ndframe/compute";
 * asin(column([0, 2])).toArray(); // => [0, NaN]
 * ```
 */
export function asin(col: Column): Column {
  return floatFn("asin", col);
}

/**
 * Compute the arc cosine element-wise, in radians.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN. Values outside [−1, 1] give NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { acos } from "ndframe/compute";
 * acos(column([1])).toArray(); // => [0]
 * ```
 */
export function acos(col: Column): Column {
  return floatFn("acos", col);
}

/**
 * Compute the arc tangent element-wise, in radians.
 *
 * float32 stays float32; every other numeric dtype (and bool) gives float64. Nulls stay null, NaN
 * stays NaN.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { atan } from "ndframe/compute";
 * atan(column([0])).toArray(); // => [0]
 * ```
 */
export function atan(col: Column): Column {
  return floatFn("atan", col);
}

export { ceil, clip, floor, round, sign, trunc } from "./math-round.js";

/**
 * ndframe/compute: the column kernels, as free functions over `Column`s and
 * scalars (in the manner of pyarrow.compute). Series and DataFrame methods
 * call these; import them directly to work on columns.
 *
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { add, sum } from "ndframe/compute";
 * sum(add(column([1, 2, 3], "int32"), 1)); // => 9
 * ```
 * @packageDocumentation
 */

export type { ColumnsByName, EvaluateOptions } from "./core/expr/evaluate.js";
export { evaluate } from "./core/expr/evaluate.js";
export type { ExprInput, ExprNode, UnaryOp } from "./core/expr/expr.js";
export { col, Expr, lit } from "./core/expr/expr.js";
export type { ArithmeticOptions, Scalar } from "./core/kernels/arithmetic.js";
export { abs, add, div, floorDiv, mod, mul, neg, pow, sub } from "./core/kernels/arithmetic.js";
export type { CastOptions } from "./core/kernels/cast.js";
export { canCast, cast } from "./core/kernels/cast.js";
export { eq, ge, gt, le, lt, ne } from "./core/kernels/compare.js";
export { concat } from "./core/kernels/concat.js";
export type { CumulativeOptions } from "./core/kernels/cumulative.js";
export { cummax, cummin, cumprod, cumsum } from "./core/kernels/cumulative.js";
// --- helper: time frequencies ---
export { addOffset } from "./core/kernels/dt-offset.js";
export { dateRangeColumn } from "./core/kernels/dt-range.js";
export { ceilTime, floorTime, roundTime } from "./core/kernels/dt-round.js";
export { tzConvert, tzLocalize } from "./core/kernels/dt-zone.js";
export { duplicated } from "./core/kernels/duplicated.js";
export type { Factorized, FactorizeOptions } from "./core/kernels/factorize.js";
export { factorize } from "./core/kernels/factorize.js";
export { factorizeMany } from "./core/kernels/factorize-many.js";
export type { FilterMask } from "./core/kernels/filter.js";
export { filter } from "./core/kernels/filter.js";
export type { InterpolateOptions } from "./core/kernels/interpolate.js";
export { interpolate } from "./core/kernels/interpolate.js";
export { isin } from "./core/kernels/isin.js";
export { and, not, or, xor } from "./core/kernels/logical.js";
export {
  acos,
  asin,
  atan,
  ceil,
  clip,
  cos,
  exp,
  expm1,
  floor,
  log,
  log1p,
  log2,
  log10,
  round,
  sign,
  sin,
  sqrt,
  tan,
  trunc,
} from "./core/kernels/math.js";
export type { FillNullOptions } from "./core/kernels/missing.js";
export {
  dropNull,
  fillNaN,
  fillNull,
  isNaNColumn as isNaN,
  isNull,
  notNull,
} from "./core/kernels/missing.js";
export type { RankMethod, RankOptions } from "./core/kernels/rank.js";
export { rank } from "./core/kernels/rank.js";
export type {
  Interpolation,
  MedianOptions,
  QuantileOptions,
  SkipNaOptions,
  SumOptions,
  VarOptions,
} from "./core/kernels/reduce.js";
export {
  all,
  any,
  argmax,
  argmin,
  count,
  first,
  kurt,
  last,
  max,
  mean,
  median,
  min,
  prod,
  quantile,
  skew,
  std,
  sum,
  variance,
} from "./core/kernels/reduce.js";
export type { ShiftOptions } from "./core/kernels/shift.js";
export { diff, pctChange, shift } from "./core/kernels/shift.js";
export type { NullsPosition, SortOptions } from "./core/kernels/sort.js";
export { argsort, sortColumn } from "./core/kernels/sort.js";
export type { TakeIndices, TakeOptions } from "./core/kernels/take.js";
export { take } from "./core/kernels/take.js";
export type { ValueCountsOptions } from "./core/kernels/unique.js";
export { mode, nunique, unique, valueCounts } from "./core/kernels/unique.js";
// --- end helper: time frequencies ---

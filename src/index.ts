/**
 * ndframe: labeled, columnar data on Apache Arrow memory.
 *
 * This file is the public API and nothing else.
 * @packageDocumentation
 */

// dtypes
export type {
  BigIntArray,
  Binary,
  Bool,
  DateDay,
  Dictionary,
  DType,
  DTypeKind,
  Duration,
  Float32,
  Float64,
  FloatType,
  Int8,
  Int16,
  Int32,
  Int64,
  IntegerType,
  LargeUtf8,
  NumberArray,
  NumericType,
  SignedIntegerType,
  StringType,
  TemporalType,
  Timestamp,
  TimeUnit,
  TypedArray,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  UnsignedIntegerType,
  Utf8,
  ValueOf,
} from "./core/dtype.js";
export {
  arrayType,
  binary,
  bool,
  byteWidth,
  date,
  dictionary,
  dtypeEquals,
  dtypeToString,
  duration,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  isFloat,
  isInteger,
  isNumeric,
  isSignedInteger,
  isString,
  isTemporal,
  isUnsignedInteger,
  largeUtf8,
  parseDType,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "./core/dtype.js";

export { NUMERIC_KINDS, promote, promoteAll, promotionTable } from "./core/promotion.js";

// errors
export {
  CastError,
  DTypeError,
  IndexError,
  KeyError,
  NDFrameError,
  OptionError,
  ShapeError,
} from "./core/errors.js";

// columns
export type { Chunk } from "./core/chunk.js";
export { Column } from "./core/column.js";
export { column, inferDType } from "./core/from-values.js";
export type { ColumnBuilder } from "./core/builder.js";
export { columnBuilder } from "./core/builder.js";
export { columnFromArrow, columnToArrow, dtypeFromArrow, dtypeToArrow } from "./core/arrow.js";

// ---- kernels: arithmetic, math (helper "arith") ----
export type { ArithmeticOptions, Scalar } from "./core/kernels/arithmetic.js";
export { abs, add, div, floorDiv, mod, mul, neg, pow, sub } from "./core/kernels/arithmetic.js";
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

// ---- kernels: compare, logical, cast (helper "cast") ----
export type { CastOptions } from "./core/kernels/cast.js";
export { canCast, cast } from "./core/kernels/cast.js";
export { eq, ge, gt, le, lt, ne } from "./core/kernels/compare.js";
export { and, not, or, xor } from "./core/kernels/logical.js";

// ---- kernels: take, filter, concat, sort, rank (helper "sort") ----
export { concat } from "./core/kernels/concat.js";
export type { FilterMask } from "./core/kernels/filter.js";
export { filter } from "./core/kernels/filter.js";
export type { RankMethod, RankOptions } from "./core/kernels/rank.js";
export { rank } from "./core/kernels/rank.js";
export type { NullsPosition, SortOptions } from "./core/kernels/sort.js";
export { argsort, sortColumn } from "./core/kernels/sort.js";
export type { TakeIndices, TakeOptions } from "./core/kernels/take.js";
export { take } from "./core/kernels/take.js";

// ---- kernels: hash, factorize, unique, valueCounts, isin, duplicated; Index (helper "hash") ----
export { HashIndex } from "./core/index/hash-index.js";
export type { Index, Keep, Label } from "./core/index/index.js";
export { makeIndex } from "./core/index/index.js";
export { RangeIndex } from "./core/index/range-index.js";
export { intersection, union } from "./core/index/set-ops.js";
export { SortedIndex } from "./core/index/sorted-index.js";
export { duplicated } from "./core/kernels/duplicated.js";
export type { Factorized, FactorizeOptions } from "./core/kernels/factorize.js";
export { factorize } from "./core/kernels/factorize.js";
export { factorizeMany } from "./core/kernels/factorize-many.js";
export { isin } from "./core/kernels/isin.js";
export type { ValueCountsOptions } from "./core/kernels/unique.js";
export { mode, nunique, unique, valueCounts } from "./core/kernels/unique.js";

// ---- kernels: reductions, cumulative, shift/diff/pctChange (helper "reduce") ----
export type { CumulativeOptions } from "./core/kernels/cumulative.js";
export { cummax, cummin, cumprod, cumsum } from "./core/kernels/cumulative.js";
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

// ---- NDArray (helper "ndarray") ----
export type { AstypeOptions } from "./core/ndarray/cast.js";
export type { FromColumnOptions, NDArrayOptions } from "./core/ndarray/create.js";
export { arange, fromColumn, full, ndarray, ones, toColumn, zeros } from "./core/ndarray/create.js";
export type {
  BinaryOp as NDBinaryOp,
  Operand as NDOperand,
  UnaryOp as NDUnaryOp,
} from "./core/ndarray/elementwise.js";
export type { NDType } from "./core/ndarray/ndarray.js";
export { NDArray } from "./core/ndarray/ndarray.js";
export type {
  ArgReduceOptions as NDArgReduceOptions,
  ReduceOptions as NDReduceOptions,
  VarOptions as NDVarOptions,
} from "./core/ndarray/reduce-axis.js";
export { broadcastShapes } from "./core/ndarray/shape.js";
export type { IselSpec } from "./core/ndarray/views.js";

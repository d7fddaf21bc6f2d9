/**
 * ndframe: labeled, columnar data on Apache Arrow memory.
 *
 * This file is the public API and nothing else.
 * @packageDocumentation
 */

export { columnFromArrow, columnToArrow, dtypeFromArrow, dtypeToArrow } from "./core/arrow.js";
export type { ColumnBuilder } from "./core/builder.js";
export { columnBuilder } from "./core/builder.js";
export type { Chunk } from "./core/chunk.js";
export { Column } from "./core/column.js";
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
  List,
  NumberArray,
  NumericType,
  SignedIntegerType,
  StringType,
  TemporalType,
  Time,
  TimeOfDayUnit,
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
  isList,
  isNumeric,
  isSignedInteger,
  isString,
  isTemporal,
  isUnsignedInteger,
  largeUtf8,
  list,
  parseDType,
  time,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "./core/dtype.js";
export {
  CastError,
  DTypeError,
  IndexError,
  IOError,
  KeyError,
  NDFrameError,
  OptionError,
  ParseError,
  ShapeError,
} from "./core/errors.js";
export { column, inferDType } from "./core/from-values.js";
export { HashIndex } from "./core/index/hash-index.js";
export type { Index, Keep, Label } from "./core/index/index.js";
export { makeIndex } from "./core/index/index.js";
export { RangeIndex } from "./core/index/range-index.js";
export { intersection, union } from "./core/index/set-ops.js";
export { SortedIndex } from "./core/index/sorted-index.js";
export { TakenRangeIndex } from "./core/index/taken-index.js";
export type { CategoricalOptions } from "./core/kernels/categorical.js";
export { categorical } from "./core/kernels/categorical.js";
export type { DateOffsetFields } from "./core/kernels/dt-offset.js";
export { DateOffset, dateOffset, offset } from "./core/kernels/dt-offset.js";
export type { DateRangeOptions, TimeInput } from "./core/kernels/dt-range.js";
export type { Ambiguous, LocalizeOptions, Nonexistent } from "./core/kernels/dt-zone.js";
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
export { NUMERIC_KINDS, promote, promoteAll, promotionTable } from "./core/promotion.js";
export type { DataFrameConstructor, FrameOptions, FromRecordsOptions } from "./frame/frame.js";
export { DataFrame } from "./frame/frame.js";
export type { AnySchema, ColumnInput, ColumnName, Schema, SchemaOf } from "./frame/schema.js";
export { apply } from "./frame/verbs/apply.js";
export type { ArithOperand, ArithOptions, FrameOp } from "./frame/verbs/arithmetic.js";
export { arith } from "./frame/verbs/arithmetic.js";
export type { Assigned, AssignValue, DTypeOfAssign } from "./frame/verbs/assign.js";
export { assign } from "./frame/verbs/assign.js";
export type { CorrOptions, CovOptions } from "./frame/verbs/corr.js";
export { corr, cov } from "./frame/verbs/corr.js";
export type { FrameDescribeOptions } from "./frame/verbs/describe.js";
export { describe } from "./frame/verbs/describe.js";
export type { DuplicatesOptions } from "./frame/verbs/duplicates.js";
export { dropDuplicates, duplicated } from "./frame/verbs/duplicates.js";
export type { RowMask } from "./frame/verbs/filter.js";
export { filter } from "./frame/verbs/filter.js";
export type { ColumnPositions, PositionSlice, RowMaskLike, RowPositions } from "./frame/verbs/iloc.js";
export { iloc } from "./frame/verbs/iloc.js";
export { info } from "./frame/verbs/info.js";
export type { ColumnLabels, LabelSlice, RowLabels } from "./frame/verbs/loc.js";
export { loc } from "./frame/verbs/loc.js";
export type { DropNullOptions, FrameFill } from "./frame/verbs/missing.js";
export { dropNull, fillNull } from "./frame/verbs/missing.js";
export { nlargest, nsmallest } from "./frame/verbs/nlargest.js";
export type { AggregateHow, AggregateOptions } from "./frame/verbs/reduce.js";
export { aggregate } from "./frame/verbs/reduce.js";
export { rename } from "./frame/verbs/rename.js";
export { sample } from "./frame/verbs/sample.js";
export { resetIndex, setIndex } from "./frame/verbs/set-index.js";
export { head, slice, tail } from "./frame/verbs/slice.js";
export type { FrameSortOptions } from "./frame/verbs/sort.js";
export { sortIndex, sortValues } from "./frame/verbs/sort.js";
// --- io ---
export type { ToArrowIPCOptions } from "./io/arrow/arrow-ipc.js";
export { parseArrow, readArrow, toArrowIPC } from "./io/arrow/arrow-ipc.js";
export type { BadLine } from "./io/csv/fast-rows.js";
export type { ReadCSVOptions } from "./io/csv/options.js";
export { parseCSV, readCSV } from "./io/csv/read-csv.js";
export type { ScanCSVOptions, ScanProgress } from "./io/csv/scan-csv.js";
export { scanCSV } from "./io/csv/scan-csv.js";
export type { ToCSVOptions } from "./io/csv/write-csv.js";
export { toCSV, toCSVBytes, writeCSV } from "./io/csv/write-csv.js";
export type { ReadJSONOptions } from "./io/json/read-json.js";
export { parseJSON, readJSON } from "./io/json/read-json.js";
export type { ToJSONOptions } from "./io/json/write-json.js";
export { toJSON } from "./io/json/write-json.js";
export type { ReadParquetOptions } from "./io/parquet/read-parquet.js";
export { readParquet } from "./io/parquet/read-parquet.js";
export type { ParquetProgress, ScanParquetOptions } from "./io/parquet/scan-parquet.js";
export { scanParquet } from "./io/parquet/scan-parquet.js";
export type { WasmSource } from "./io/parquet/wasm.js";
export { initParquet } from "./io/parquet/wasm.js";
export type { FrameSource, ToParquetOptions } from "./io/parquet/write-parquet.js";
export { toParquet, writeParquet } from "./io/parquet/write-parquet.js";
export type { ByteSource } from "./io/source.js";
export type { CategoricalMethods, CategoryRenamer } from "./series/cat.js";
export type { DateRangeSeriesOptions } from "./series/date-range.js";
export { dateRange } from "./series/date-range.js";
export type { DatetimeMethods, IsoCalendarSchema } from "./series/dt.js";
export type { DatetimeFields } from "./series/dt-fields.js";
export type { SampleOptions } from "./series/ops/order.js";
export type { SeriesOptions } from "./series/series.js";
export { Series } from "./series/series.js";
export type {
  CatOthers,
  NormalForm,
  PadOptions,
  Replacement,
  ReplaceOptions,
  SeriesSplitOptions,
  SplitOptions,
  StringMethods,
} from "./series/str.js";
export type {
  ContainsOptions,
  MatchOptions,
  Pattern,
  RegexOptions,
  StringMethodsBase,
} from "./series/str-base.js";
export type { InputUnit, ToDatetimeOptions } from "./series/to-datetime.js";
export { toDatetime } from "./series/to-datetime.js";
export type { MimeBundle } from "./util/display.js";
export { JUPYTER_DISPLAY } from "./util/display.js";

/**
 * `DataFrame`: named columns of equal length sharing one index. The class
 * is a thin documented facade: the data, access and display live in
 * frame-base.ts, and each verb in its own file under `verbs/` as a free
 * function that these methods call.
 */
import type * as arrow from "apache-arrow";
import type { DType } from "../core/dtype.js";
import { registerFrameFactory } from "../series/frame-factory.js";
import type { SampleOptions } from "../series/ops/order.js";
import type { Series } from "../series/series.js";
import { fromArrow, fromRecords } from "./construct.js";
import { FrameBase, type FrameOptions, type FromRecordsOptions } from "./frame-base.js";
import type { AnySchema, ColumnInput, ColumnName, Renamed, Schema, SchemaOf } from "./schema.js";
import { apply } from "./verbs/apply.js";
import { type ArithOperand, type ArithOptions, arith } from "./verbs/arithmetic.js";
import { type Assigned, type AssignValue, assign } from "./verbs/assign.js";
import { type CorrOptions, type CovOptions, corr, cov } from "./verbs/corr.js";
import { describe, type FrameDescribeOptions } from "./verbs/describe.js";
import { type DuplicatesOptions, dropDuplicates, duplicated } from "./verbs/duplicates.js";
import { filter, type RowMask } from "./verbs/filter.js";
import { type ColumnPositions, iloc, type RowPositions } from "./verbs/iloc.js";
import { info } from "./verbs/info.js";
import { type ColumnLabels, loc, type RowLabels } from "./verbs/loc.js";
import { type DropNullOptions, dropNull, type FrameFill, fillNull } from "./verbs/missing.js";
import { nlargest, nsmallest } from "./verbs/nlargest.js";
import { type AggregateHow, type AggregateOptions, aggregate } from "./verbs/reduce.js";
import { rename } from "./verbs/rename.js";
import { sample } from "./verbs/sample.js";
import { resetIndex, setIndex } from "./verbs/set-index.js";
import { head, slice, tail } from "./verbs/slice.js";
import { type FrameSortOptions, sortIndex, sortValues } from "./verbs/sort.js";

export type { FrameOptions, FromRecordsOptions } from "./frame-base.js";

/**
 * Named columns of equal length with one index of row labels, as pandas'
 * `DataFrame`. Immutable: verbs return new frames that share the columns
 * they do not change, so adding, dropping, renaming or reordering columns
 * copies no data.
 *
 * `DataFrame<S>` carries its schema (column names → dtypes) in the type
 * system when it is known, so that `get`, `select`, `drop`, `rename` and
 * `assign` are checked by the compiler; frames read from files have
 * `DataFrame<AnySchema>` and accept any name (checked at run time).
 */
export class DataFrameImpl<S extends Schema = AnySchema> extends FrameBase<S> {
  /**
   * Rename columns by old name → new name (no copy). See `rename`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * new DataFrame({ a: [1] }).rename({ a: "b" }).columns; // => ["b"]
   * ```
   */
  rename<const M extends { readonly [K in keyof S]?: string }>(mapping: M): DataFrame<Renamed<S, M>> {
    return rename(this as DataFrame<S>, mapping);
  }

  /**
   * Add or replace columns, in order (values, expressions, scalars or functions of the frame). See `assign`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * import { col } from "ndframe/compute";
   * new DataFrame({ a: [1, 2] }).assign({ b: col("a").mul(10) }).get("b").toArray(); // => [10, 20]
   * ```
   */
  assign<const A extends { readonly [name: string]: AssignValue<S> }>(values: A): DataFrame<Assigned<S, A>> {
    return assign(this as DataFrame<S>, values);
  }

  /**
   * The rows where `mask` is true (nulls drop the row). See `filter`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ a: [1, 5, 3] });
   * df.filter(df.get("a").gt(2)).get("a").toArray(); // => [5, 3]
   * ```
   */
  filter(mask: RowMask<S>): DataFrame<S> {
    return filter(this as DataFrame<S>, mask);
  }

  /** The first `n` rows (default 5). See `head`. */
  head(n = 5): DataFrame<S> {
    return head(this as DataFrame<S>, n);
  }

  /** The last `n` rows (default 5). See `tail`. */
  tail(n = 5): DataFrame<S> {
    return tail(this as DataFrame<S>, n);
  }

  /** Rows `[start, end)` by position, as a view. See `slice`. */
  slice(start?: number, end?: number): DataFrame<S> {
    return slice(this as DataFrame<S>, start, end);
  }

  /**
   * Sort rows by one or several columns, stably. See `sortValues`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * new DataFrame({ a: [3, 1, 2] }).sortValues("a").get("a").toArray(); // => [1, 2, 3]
   * ```
   */
  sortValues(by: ColumnName<S> | readonly ColumnName<S>[], options?: FrameSortOptions): DataFrame<S> {
    return sortValues(this as DataFrame<S>, by, options);
  }

  /** Sort rows by index label, stably. See `sortIndex`. */
  sortIndex(options?: FrameSortOptions): DataFrame<S> {
    return sortIndex(this as DataFrame<S>, options);
  }

  /** Drop rows with nulls (`how`, `thresh`, `subset`). See `dropNull`. */
  dropNull(options?: DropNullOptions<S>): DataFrame<S> {
    return dropNull(this as DataFrame<S>, options);
  }

  /** Fill nulls with a scalar, per-column values, or forward/backward. See `fillNull`. */
  fillNull(fill: FrameFill<S>, options?: { limit?: number }): DataFrame<S> {
    return fillNull(this as DataFrame<S>, fill, options);
  }

  /** Mark rows equal to an earlier kept row (`subset`, `keep`). See `duplicated`. */
  duplicated(options?: DuplicatesOptions<S>): Series {
    return duplicated(this as DataFrame<S>, options);
  }

  /** The rows without duplicates. See `dropDuplicates`. */
  dropDuplicates(options?: DuplicatesOptions<S>): DataFrame<S> {
    return dropDuplicates(this as DataFrame<S>, options);
  }

  /** Use a column as the index. See `setIndex`. */
  setIndex<K extends ColumnName<S>>(
    name: K,
    options?: { drop?: boolean },
  ): DataFrame<{ readonly [P in Exclude<keyof S & string, K>]: S[P] }> {
    return setIndex(this as DataFrame<S>, name, options);
  }

  /** Move the index into a column and number the rows again. See `resetIndex`. */
  resetIndex(options?: { name?: string; drop?: boolean }): DataFrame {
    return resetIndex(this as DataFrame<S>, options);
  }

  /** The `n` rows with the largest values of `by`. See `nlargest`. */
  nlargest(
    n: number,
    by: ColumnName<S> | readonly ColumnName<S>[],
    keep: "first" | "last" | "all" = "first",
  ): DataFrame<S> {
    return nlargest(this as DataFrame<S>, n, by, keep);
  }

  /** The `n` rows with the smallest values of `by`. See `nsmallest`. */
  nsmallest(
    n: number,
    by: ColumnName<S> | readonly ColumnName<S>[],
    keep: "first" | "last" | "all" = "first",
  ): DataFrame<S> {
    return nsmallest(this as DataFrame<S>, n, by, keep);
  }

  /** A seeded random sample of rows. See `sample`. */
  sample(options?: SampleOptions): DataFrame<S> {
    return sample(this as DataFrame<S>, options);
  }

  /** Call `fn` on every row (the slow path). See `apply`. */
  apply(
    fn: (row: Record<string, unknown>, position: number) => unknown,
    options?: { dtype?: DType | string },
  ): Series {
    return apply(this as DataFrame<S>, fn, options);
  }

  /**
   * Reduce every column to one value: a Series indexed by column name
   * (pandas' `df.sum()`, `df.mean()`…). See `aggregate` for which columns
   * each reduction takes and the dtype of the result.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ a: [1, 2], b: [10, null] });
   * df.aggregate("sum").toArray(); // => [3, 10]
   * df.mean().toArray(); // => [1.5, 10]
   * df.count().toArray(); // => [2n, 1n]
   * ```
   */
  aggregate(how: AggregateHow, options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, how, options);
  }

  /** Sum of each column, as a Series indexed by column name. See `aggregate`. */
  sum(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "sum", options);
  }

  /** Product of each column, as a Series indexed by column name. See `aggregate`. */
  prod(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "prod", options);
  }

  /** Mean of each column, as a Series indexed by column name. See `aggregate`. */
  mean(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "mean", options);
  }

  /** Median of each column, as a Series indexed by column name. See `aggregate`. */
  median(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "median", options);
  }

  /** Smallest value of each column, as a Series indexed by column name. See `aggregate`. */
  min(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "min", options);
  }

  /** Largest value of each column, as a Series indexed by column name. See `aggregate`. */
  max(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "max", options);
  }

  /** Standard deviation of each column (ddof 1 by default), as a Series indexed by column name. See `aggregate`. */
  std(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "std", options);
  }

  /** Variance of each column (ddof 1 by default), as a Series indexed by column name. See `aggregate`. */
  var(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "var", options);
  }

  /** Non-null values in each column, as a Series indexed by column name. See `aggregate`. */
  count(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "count", options);
  }

  /** Distinct values in each column, as a Series indexed by column name. See `aggregate`. */
  nunique(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "nunique", options);
  }

  /** Whether any value of each column is true, as a Series indexed by column name. See `aggregate`. */
  any(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "any", options);
  }

  /** Whether every value of each column is true, as a Series indexed by column name. See `aggregate`. */
  all(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "all", options);
  }

  /** Skewness of each column, as a Series indexed by column name. See `aggregate`. */
  skew(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "skew", options);
  }

  /** Excess kurtosis of each column, as a Series indexed by column name. See `aggregate`. */
  kurt(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "kurt", options);
  }

  /** First non-null value of each column, as a Series indexed by column name. See `aggregate`. */
  first(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "first", options);
  }

  /** Last non-null value of each column, as a Series indexed by column name. See `aggregate`. */
  last(options?: AggregateOptions): Series {
    return aggregate(this as DataFrame<S>, "last", options);
  }

  /** Summary statistics per column in pandas' layout. See `describe`. */
  describe(options?: FrameDescribeOptions): DataFrame {
    return describe(this as DataFrame<S>, options);
  }

  /** A text summary: dtypes, non-null counts, memory (pandas' `info`). See `info`. */
  info(): string {
    return info(this as DataFrame<S>);
  }

  /** Pairwise correlation of the numeric columns (pearson or spearman). See `corr`. */
  corr(options?: CorrOptions): DataFrame {
    return corr(this as DataFrame<S>, options);
  }

  /** Pairwise covariance of the numeric columns. See `cov`. */
  cov(options?: CovOptions): DataFrame {
    return cov(this as DataFrame<S>, options);
  }

  /**
   * Rows (and columns) by position: a position, positions, a `{ start, stop, step }` slice or a
   * bool mask; columns by position or name. Always a frame. See `iloc`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ a: [1, 2, 3], b: ["x", "y", "z"] });
   * df.iloc({ start: 1 }, ["b"]).get("b").toArray(); // => ["y", "z"]
   * ```
   */
  iloc(rows: RowPositions): DataFrame<S>;
  iloc<K extends ColumnName<S>>(
    rows: RowPositions,
    columns: K | readonly K[],
  ): DataFrame<{ readonly [P in K]: S[P] }>;
  iloc(rows: RowPositions, columns?: ColumnPositions<S>): DataFrame<AnySchema>;
  iloc(rows: RowPositions, columns?: ColumnPositions<S>): DataFrame<S> | DataFrame<AnySchema> {
    return iloc(this as DataFrame<S>, rows, columns);
  }

  /**
   * Rows (and columns) by label: a label, labels, an inclusive `{ start, stop }` label slice or a
   * bool mask; columns by name. Always a frame. See `loc`.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ v: [1, 2, 3] }, { index: ["a", "b", "c"] });
   * df.loc({ start: "b", stop: "c" }).get("v").toArray(); // => [2, 3]
   * ```
   */
  loc(rows: RowLabels): DataFrame<S>;
  loc<K extends ColumnName<S>>(
    rows: RowLabels,
    columns: K | readonly K[],
  ): DataFrame<{ readonly [P in K]: S[P] }>;
  loc(rows: RowLabels, columns?: ColumnLabels<S>): DataFrame<AnySchema>;
  loc(rows: RowLabels, columns?: ColumnLabels<S>): DataFrame<S> | DataFrame<AnySchema> {
    return loc(this as DataFrame<S>, rows, columns);
  }

  /** Add a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  add(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("add", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Subtract a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  sub(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("sub", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Multiply by a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  mul(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("mul", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Divide (true division) by a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  div(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("div", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Floor-divide by a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  floorDiv(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("floorDiv", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Take the remainder (Python's sign rule) by a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  mod(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("mod", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Raise to the power of a scalar, a Series (matched to column names, or rows with `axis: "index"`) or a frame (aligned on names and labels). See `arith`. */
  pow(other: ArithOperand, options?: ArithOptions): DataFrame {
    return arith("pow", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Equal to, element-wise, aligned as the arithmetic methods; a bool frame. */
  eq(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("eq", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Not equal to, element-wise, aligned as the arithmetic methods; a bool frame. */
  ne(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("ne", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Less than, element-wise, aligned as the arithmetic methods; a bool frame. */
  lt(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("lt", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Less than or equal to, element-wise, aligned as the arithmetic methods; a bool frame. */
  le(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("le", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Greater than, element-wise, aligned as the arithmetic methods; a bool frame. */
  gt(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("gt", this as unknown as DataFrame<Schema>, other, options);
  }

  /** Greater than or equal to, element-wise, aligned as the arithmetic methods; a bool frame. */
  ge(other: ArithOperand, options?: { axis?: "columns" | "index" }): DataFrame {
    return arith("ge", this as unknown as DataFrame<Schema>, other, options);
  }
}

/** The DataFrame type: a frame with schema `S`. */
export type DataFrame<S extends Schema = AnySchema> = DataFrameImpl<S>;

/** The DataFrame constructor: infers the schema of a literal record of columns. */
export interface DataFrameConstructor {
  /**
   * Build a frame from a record (or Map) of columns: arrays, TypedArrays
   * (no copy), Columns (no copy) or Series (their columns, no copy).
   */
  new <const R extends Readonly<Record<string, ColumnInput>>>(
    data: R,
    options?: FrameOptions,
  ): DataFrame<SchemaOf<R>>;
  new (data?: ReadonlyMap<string, ColumnInput>, options?: FrameOptions): DataFrame<AnySchema>;
  readonly prototype: DataFrameImpl<Schema>;
  /** Build a frame from row objects; `schema` fixes names and dtypes. */
  fromRecords(records: readonly Readonly<Record<string, unknown>>[], options?: FromRecordsOptions): DataFrame;
  /** Build a frame over an apache-arrow Table's columns (no copy). */
  fromArrow(table: arrow.Table, options?: FrameOptions): DataFrame;
}

/**
 * Named columns sharing one index, as pandas' `DataFrame`.
 *
 * @example
 * ```ts
 * import { DataFrame } from "ndframe";
 * const df = new DataFrame({ name: ["Adelie", "Gentoo"], mass: [3700, 5076] });
 * df.shape; // => [2, 2]
 * df.get("mass").mean(); // => 4388
 * ```
 */
export const DataFrame: DataFrameConstructor = Object.assign(DataFrameImpl, {
  fromRecords,
  fromArrow,
}) as unknown as DataFrameConstructor;

registerFrameFactory((columns, index) => new DataFrameImpl(columns, { index }));

/**
 * `DataFrame`: named columns of equal length sharing one index. The class
 * holds the data and a thin documented facade; each verb lives in its own
 * file under `verbs/` as a free function.
 */
import * as arrow from "apache-arrow";
import { columnToArrow } from "../core/arrow.js";
import { Column } from "../core/column.js";
import type { DType } from "../core/dtype.js";
import { DTypeError, KeyError, ShapeError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import type { Index } from "../core/index/index.js";
import { RangeIndex } from "../core/index/range-index.js";
import { type IndexLike, toIndex } from "../series/index-of.js";
import type { SampleOptions } from "../series/ops/order.js";
import { Series } from "../series/series.js";
import { JUPYTER_DISPLAY, type MimeBundle, mimeBundle } from "../util/display.js";
import { isObject, show } from "../util/is.js";
import { unknownColumn } from "../util/names.js";
import { fromArrow, fromRecords } from "./construct.js";
import { formatFrame } from "./format.js";
import { frameToHTML } from "./html.js";
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

/** Options of the DataFrame constructor. */
export interface FrameOptions {
  /** Row labels: an Index, a Column or an array; 0, 1, … by default. */
  index?: IndexLike;
}

/** Options of `DataFrame.fromRecords`. */
export interface FromRecordsOptions extends FrameOptions {
  /** Column names to dtypes (names or DTypes); missing keys are null. Without it, names come from the records in order of first appearance and dtypes are inferred. */
  schema?: Readonly<Record<string, DType | string>>;
}

/** A column input made a Column of `length` rows (checked), or the column of a Series. */
function toColumn(name: string, v: unknown, length: number | null): Column {
  let col: Column;
  if (v instanceof Column) col = v;
  else if (v instanceof Series) col = v.column;
  else if (ArrayBuffer.isView(v) || Array.isArray(v)) col = column(v as ArrayLike<unknown>);
  else
    throw new DTypeError(
      `column "${name}": expected an array, a TypedArray, a Column or a Series, got ${show(v)}`,
    );
  if (length !== null && col.length !== length) {
    throw new ShapeError(`column "${name}" has ${col.length} values, the frame has ${length} rows`);
  }
  return col;
}

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
export class DataFrameImpl<S extends Schema = AnySchema> {
  readonly #names: readonly string[];
  readonly #columns: ReadonlyMap<string, Column>;
  /** The row labels. */
  readonly index: Index;

  /** @internal Use `new DataFrame(...)` or the static constructors. */
  constructor(data?: unknown, options?: FrameOptions) {
    const o = options ?? {};
    if (!isObject(o)) throw new DTypeError(`invalid DataFrame options: ${show(options)}`);
    for (const k of Object.keys(o)) {
      if (k !== "index") throw new DTypeError(`unknown option for DataFrame: "${k}" (expected index)`);
    }
    const names: string[] = [];
    const cols = new Map<string, Column>();
    let length: number | null = null;
    const add = (name: string, v: unknown) => {
      if (cols.has(name)) throw new KeyError(`duplicate column name ${JSON.stringify(name)}`);
      const c = toColumn(name, v, length);
      length ??= c.length;
      names.push(name);
      cols.set(name, c);
    };
    if (data instanceof Map) for (const [k, v] of data) add(checkName(k), v);
    else if (data !== undefined && data !== null) {
      if (!isObject(data) || Array.isArray(data)) {
        throw new DTypeError(
          `DataFrame expects a record of columns or a Map, got ${show(data)}; for rows use DataFrame.fromRecords`,
        );
      }
      // own enumerable keys only, so "__proto__" or "constructor" are plain names
      for (const k of Object.keys(data)) add(k, (data as Record<string, unknown>)[k]);
    }
    let index: Index;
    const labels = (o as FrameOptions).index;
    if (labels !== undefined) {
      const n = length ?? isIndexLength(labels) ?? 0;
      index = toIndex(labels, n, "DataFrame");
    } else index = new RangeIndex(length ?? 0);
    if (length !== null && index.length !== length) {
      throw new ShapeError(`DataFrame: the index has ${index.length} labels for ${length} rows`);
    }
    this.#names = names;
    this.#columns = cols;
    this.index = index;
    Object.freeze(this);
  }

  static #make<S extends Schema>(
    names: readonly string[],
    columns: ReadonlyMap<string, Column>,
    index: Index,
  ): DataFrame<S> {
    const m = new Map<string, Column>();
    for (const n of names) m.set(n, columns.get(n) as Column);
    const df = new DataFrameImpl<S>(m, { index });
    return df as DataFrame<S>;
  }

  /** The number of rows. */
  get length(): number {
    return this.index.length;
  }

  /** [rows, columns], as pandas' `shape`. */
  get shape(): [number, number] {
    return [this.index.length, this.#names.length];
  }

  /** The column names, in order. */
  get columns(): ColumnName<S>[] {
    return [...this.#names] as ColumnName<S>[];
  }

  /** Each column's dtype, by name. */
  get dtypes(): { [K in keyof S]: S[K] } {
    const out: Record<string, DType> = {};
    for (const n of this.#names)
      Object.defineProperty(out, n, { value: (this.#columns.get(n) as Column).dtype, enumerable: true });
    return out as { [K in keyof S]: S[K] };
  }

  /** True when the frame has a column `name`. */
  has(name: string): boolean {
    return this.#columns.has(name);
  }

  /** @internal The column `name`; a KeyError naming the closest columns when absent. */
  column<K extends ColumnName<S>>(name: K): Column<S[K]> {
    const c = this.#columns.get(name);
    if (c === undefined) throw new KeyError(unknownColumn(name, this.#names, "DataFrame"));
    return c as Column<S[K]>;
  }

  /**
   * The column `name` as a Series with the frame's index (no copy).
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ a: [1, 2], b: ["x", "y"] });
   * df.get("b").toArray(); // => ["x", "y"]
   * ```
   */
  get<K extends ColumnName<S>>(name: K): Series<S[K]> {
    return new Series(this.column(name), { index: this.index, name });
  }

  /**
   * A frame of some of the columns (no copy): named, in the order given,
   * or chosen by a predicate on each column's name and dtype, in frame
   * order (pandas' `select_dtypes` and `filter(like=…)` in one).
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const df = new DataFrame({ a: [1], b: ["x"], c: [3] });
   * df.select("c", "a").columns; // => ["c", "a"]
   * df.select((name, dtype) => dtype.kind === "float64").columns; // => ["a", "c"]
   * ```
   */
  select<K extends ColumnName<S>>(...names: K[]): DataFrame<{ readonly [P in K]: S[P] }>;
  select(predicate: (name: ColumnName<S>, dtype: DType) => boolean): DataFrame<AnySchema>;
  select(...args: unknown[]): DataFrame<AnySchema> {
    if (args.length === 1 && typeof args[0] === "function") {
      const keep = args[0] as (name: string, dtype: DType) => unknown;
      const names = this.#names.filter((n) => keep(n, (this.#columns.get(n) as Column).dtype) === true);
      return DataFrameImpl.#make(names, this.#columns, this.index);
    }
    const names = args as ColumnName<S>[];
    const seen = new Set<string>();
    for (const n of names) {
      if (typeof n !== "string")
        throw new KeyError(`select: expected column names or one predicate, got ${show(n)}`);
      this.column(n);
      if (seen.has(n)) throw new KeyError(`select: column ${JSON.stringify(n)} named twice`);
      seen.add(n);
    }
    return DataFrameImpl.#make(names, this.#columns, this.index);
  }

  /**
   * The frame without some columns (no copy).
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * new DataFrame({ a: [1], b: [2] }).drop("a").columns; // => ["b"]
   * ```
   */
  drop<K extends ColumnName<S>>(
    ...names: K[]
  ): DataFrame<{ readonly [P in Exclude<keyof S & string, K>]: S[P] }> {
    for (const n of names) this.column(n);
    const gone = new Set<string>(names);
    return DataFrameImpl.#make(
      this.#names.filter((n) => !gone.has(n)),
      this.#columns,
      this.index,
    );
  }

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

  /** The columns as a Map of name → Column (no copy). */
  toColumns(): Map<ColumnName<S>, Column> {
    return new Map(this.#names.map((n) => [n as ColumnName<S>, this.#columns.get(n) as Column]));
  }

  /**
   * The rows as plain objects (JS values; null for nulls). The slow path:
   * one object per row. Keys are set as own data properties, so a column
   * named "__proto__" is an ordinary key.
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * new DataFrame({ a: [1, 2], b: ["x", null] }).toRecords(); // => [{ a: 1, b: "x" }, { a: 2, b: null }]
   * ```
   */
  toRecords(): Record<string, unknown>[] {
    const cols = this.#names.map((n) => (this.#columns.get(n) as Column).toArray());
    const out: Record<string, unknown>[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const row: Record<string, unknown> = {};
      for (let j = 0; j < cols.length; j++) {
        Object.defineProperty(row, this.#names[j] as string, {
          value: (cols[j] as unknown[])[i],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      out[i] = row;
    }
    return out;
  }

  /**
   * The frame as an apache-arrow Table, sharing the buffers (no copy). The
   * index is not included (reset it into a column first to keep it).
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * const t = new DataFrame({ a: new Int32Array([1, 2]) }).toArrow();
   * t.numRows; // => 2
   * t.getChild("a")?.toArray(); // => new Int32Array([1, 2])
   * ```
   */
  toArrow(): arrow.Table {
    const vectors: Record<string, arrow.Vector> = {};
    for (const n of this.#names) {
      Object.defineProperty(vectors, n, {
        value: columnToArrow(this.#columns.get(n) as Column),
        enumerable: true,
      });
    }
    return new arrow.Table(vectors);
  }

  /**
   * The frame as pandas prints it: the head and tail rows, right-aligned
   * values, nulls as `<NA>`, and the shape when rows are cut.
   */
  toString(): string {
    return formatFrame(this.#names, this.#columns, this.index);
  }

  /**
   * The frame as an HTML table for notebooks (column names and dtypes, the
   * head and tail of long frames, every text escaped).
   *
   * @example
   * ```ts
   * import { DataFrame } from "ndframe";
   * new DataFrame({ a: [1] }).toHTML().includes("<table"); // => true
   * ```
   */
  toHTML(): string {
    return frameToHTML(this.#names, this.#columns, this.index);
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

function checkName(k: unknown): string {
  if (typeof k !== "string") throw new DTypeError(`column names must be strings, got ${show(k)}`);
  return k;
}

function isIndexLength(x: unknown): number | undefined {
  return typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number"
    ? ((x as { length: number }).length as number)
    : undefined;
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

/**
 * The core of `Series`: construction, access, selection, conversion and
 * display, and the protected helpers through which the method groups
 * (series-ops.ts, series.ts) build their results.
 */
import { Column } from "../core/column.js";
import { type Bool, type DType, parseDType, type TypedArray, type ValueOf } from "../core/dtype.js";
import { DTypeError, KeyError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import type { Index, Label } from "../core/index/index.js";
import type * as A from "../core/kernels/arithmetic.js";
import { cast } from "../core/kernels/cast.js";
import { truePositions } from "../core/kernels/filter.js";
import { take } from "../core/kernels/take.js";
import { JUPYTER_DISPLAY, type MimeBundle, mimeBundle } from "../util/display.js";
import { show } from "../util/is.js";
import { binaryLabeled, type Labeled } from "./binary.js";
import { formatSeries } from "./format.js";
import { seriesToHTML } from "./html.js";
import { type IndexLike, indexAt, toIndex } from "./index-of.js";
import type { Series } from "./series.js";

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
const isSeries = (x: unknown): x is Labeled => x instanceof SeriesBase;

/** 0, 1, …, n − 1. */
function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** The data, access and display half of `Series` (see series.ts for the whole class). */
export class SeriesBase<T extends DType = DType> implements Labeled {
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
    return this.make(this.column, this.index, name);
  }

  /** The same Series with fresh buffers (a deep copy). */
  copy(): Series<T> {
    return this.make(take(this.column, identity(this.length)), this.index, this.name);
  }

  // ----------------------------------------------------------- selection

  /** The first `n` rows (default 5; negative: all but the last −n). */
  head(n = 5): Series<T> {
    const end = n >= 0 ? Math.min(n, this.length) : Math.max(0, this.length + n);
    return this.sliceRows(0, end);
  }

  /** The last `n` rows (default 5; negative: all but the first −n). */
  tail(n = 5): Series<T> {
    const start = n >= 0 ? Math.max(0, this.length - n) : Math.min(this.length, -n);
    return this.sliceRows(start, this.length);
  }

  /** @internal Rows `[start, end)` with their labels (a view). */
  protected sliceRows(start: number, end: number): Series<T> {
    return this.make(this.column.slice(start, end), this.index.slice(start, end), this.name);
  }

  /** The rows where `mask` is true (nulls in the mask drop the row), with their labels. */
  filter(mask: Series<Bool> | Column<Bool>): Series<T> {
    return this.takeRows(truePositions(mask instanceof SeriesBase ? mask.column : mask));
  }

  /** @internal The rows at `positions`, labels included. */
  protected takeRows(positions: Int32Array): Series<T> {
    return this.make(
      take(this.column, positions, { boundsCheck: false }),
      indexAt(this.index, positions),
      this.name,
    );
  }

  /** @internal A Series of the same class over `column`, with `index` and `name`. */
  protected make<U extends DType>(column: Column<U>, index: Index, name: string | null): Series<U> {
    const Ctor = this.constructor as new (c: Column<U>, o: SeriesOptions<U>) => Series<U>;
    return new Ctor(column, { index, name });
  }

  /** @internal `column` with this Series' labels and name. */
  protected unaryOp<U extends DType>(column: Column<U>): Series<U> {
    return this.make(column, this.index, this.name);
  }

  /** @internal A binary kernel with pandas' alignment and naming rules. */
  protected binaryOp(
    other: Series | Scalar,
    kernel: (a: Column, b: Column | Scalar) => Column,
    what: string,
  ): Series {
    const r = binaryLabeled(this, other as Labeled | Scalar, isSeries, kernel, what);
    return this.make(r.column, r.index, r.name);
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
    return this.unaryOp(cast(this.column, dtype) as Column<U>);
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

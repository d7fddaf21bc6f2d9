/**
 * The core of `DataFrame`: the columns and index, construction, column
 * access and selection (no copy), conversion and display. The verb methods
 * are added by the facade in frame.ts.
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
import { Series } from "../series/series.js";
import { JUPYTER_DISPLAY, type MimeBundle, mimeBundle } from "../util/display.js";
import { isObject, show } from "../util/is.js";
import { unknownColumn } from "../util/names.js";
import { formatFrame } from "./format.js";
import type { DataFrame } from "./frame.js";
import { frameToHTML } from "./html.js";
import type { AnySchema, ColumnName, Schema } from "./schema.js";

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

function checkName(k: unknown): string {
  if (typeof k !== "string") throw new DTypeError(`column names must be strings, got ${show(k)}`);
  return k;
}

function isIndexLength(x: unknown): number | undefined {
  return typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number"
    ? ((x as { length: number }).length as number)
    : undefined;
}

/** The data, access, conversion and display half of `DataFrame` (see frame.ts for the whole class). */
export class FrameBase<S extends Schema = AnySchema> {
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

  /** @internal A frame of the same class over some of `columns`, in the order of `names`. */
  protected make<T extends Schema>(
    names: readonly string[],
    columns: ReadonlyMap<string, Column>,
    index: Index,
  ): DataFrame<T> {
    const m = new Map<string, Column>();
    for (const n of names) m.set(n, columns.get(n) as Column);
    const Ctor = this.constructor as new (data: Map<string, Column>, o: FrameOptions) => DataFrame<T>;
    return new Ctor(m, { index });
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
      return this.make(names, this.#columns, this.index);
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
    return this.make(names, this.#columns, this.index);
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
    return this.make(
      this.#names.filter((n) => !gone.has(n)),
      this.#columns,
      this.index,
    );
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

/** `arith`: element-wise arithmetic and comparison of a frame with a scalar, a list, a Series or a frame. */
import { andValidity } from "../../core/bitmap.js";
import { columnBuilder } from "../../core/builder.js";
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { type DType, dtypeToString, int32, isString } from "../../core/dtype.js";
import { DTypeError, KeyError, NDFrameError, OptionError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import type { Index } from "../../core/index/index.js";
import * as A from "../../core/kernels/arithmetic.js";
import * as C from "../../core/kernels/compare.js";
import { or } from "../../core/kernels/logical.js";
import { fillNull, notNull } from "../../core/kernels/missing.js";
import { take } from "../../core/kernels/take.js";
import { align, isDefaultIndex, sameLabels } from "../../series/index-of.js";
import { Series } from "../../series/series.js";
import { isObject, keyword, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

type Scalar = A.Scalar;
type Kernel = (a: Column, b: Column | Scalar) => Column;

/** The element-wise kernels by name: arithmetic, then comparisons. */
const OPS = {
  add: A.add,
  sub: A.sub,
  mul: A.mul,
  div: A.div,
  floorDiv: A.floorDiv,
  mod: A.mod,
  pow: A.pow,
  eq: C.eq,
  ne: C.ne,
  lt: C.lt,
  le: C.le,
  gt: C.gt,
  ge: C.ge,
} as const satisfies Record<string, Kernel>;

/** An operation of `arith`: `add`, `sub`, `mul`, `div`, `floorDiv`, `mod`, `pow`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`. */
export type FrameOp = keyof typeof OPS;

const OP_NAMES = Object.keys(OPS) as FrameOp[];
const COMPARISONS: readonly string[] = ["eq", "ne", "lt", "le", "gt", "ge"];

/** Options of `arith`. */
export interface ArithOptions {
  /**
   * What a Series, list or record lines up with (pandas' `axis`):
   * "columns" (default) — its labels (or, unlabeled, its positions) are
   * column names; "index" — its labels are row labels.
   */
  axis?: "columns" | "index";
  /**
   * Arithmetic only (pandas' `fill_value`): replaces a null on ONE side of
   * a pair (an existing null, or a row or column missing on that side)
   * before computing; a pair null on both sides stays null. It must fit
   * the dtype of the column it fills.
   */
  fillValue?: Scalar;
}

/** The right operand of `arith`. */
export type ArithOperand =
  | Scalar
  | DataFrame<Schema>
  | Series
  | readonly Scalar[]
  | ArrayLike<number>
  | { readonly [name: string]: Scalar };

/** A column of `n` nulls of dtype `d`. */
function nulls(d: DType, n: number): Column {
  const b = columnBuilder(d, n);
  for (let i = 0; i < n; i++) b.appendNull();
  return b.finish();
}

/** The dtype a scalar would have as a column (for a column that one side lacks). */
function scalarDType(v: Scalar): DType {
  return v === null ? int32 : column([v]).dtype;
}

/** `kernel(l, r)`, filling one-sided nulls with `fill` first (pandas' fill_value). */
function pair(kernel: Kernel, l: Column, r: Column | Scalar, fill: Scalar): Column {
  if (fill === null) return kernel(l, r);
  const rCol = r instanceof Column;
  const lNull = l.nullCount > 0;
  const rNull = rCol ? r.nullCount > 0 : r === null;
  const lf = lNull ? fillNull(l, fill) : l;
  const rf = rCol ? (rNull ? fillNull(r, fill) : r) : r === null ? fill : r;
  const res = kernel(lf, rf);
  if (!lNull || !rNull) return res;
  // null on both sides stays null: keep a value only where either side had one
  const either = (rCol ? or(notNull(l), notNull(r)) : notNull(l)).combine();
  const c = res.combine();
  const validity = andValidity(c.validity, c.offset, either.values as Uint8Array, either.offset, c.length);
  return Column.fromChunk(makeChunk({ ...c, validity, nullCount: undefined }));
}

/** Rows of `c` at aligned positions (an int32 column with nulls where a row is missing), or `c` itself. */
function rowsAt(c: Column, positions: Column | null): Column {
  return positions === null ? c : take(c, positions);
}

const arange = (n: number) => column(Int32Array.from({ length: n }, (_, i) => i));

interface RowAlignment {
  readonly index: Index;
  /** Positions into the left / right rows (null: unchanged). */
  readonly left: Column | null;
  readonly right: Column | null;
}

/** Line up the rows of two labeled operands (pandas' rules, see `align`). */
function alignRows(li: Index, ln: number, ri: Index, rn: number, what: string): RowAlignment {
  if (sameLabels(li, ri)) return { index: li, left: null, right: null };
  const pl = arange(ln);
  const pr = arange(rn);
  const a = align(pl, li, pr, ri, what);
  return { index: a.index, left: a.left === pl ? null : a.left, right: a.right === pr ? null : a.right };
}

/**
 * The right operand of each column: a Map from column name to a Column of
 * the frame's (aligned) rows or a scalar, plus the result's index. Names
 * the frame lacks are appended in the operand's order.
 */
interface Plan {
  readonly index: Index;
  readonly leftRows: Column | null;
  readonly right: Map<string, Column | Scalar>;
}

/** Right operands by column for a Series (or record) on the columns axis. */
function byColumnLabels(df: DataFrame<Schema>, s: Series, what: string): Map<string, Column | Scalar> {
  const names = df.columns;
  const n = df.length;
  const right = new Map<string, Column | Scalar>();
  const broadcast = (p: number) => take(s.column, new Int32Array(n).fill(p));
  if (isDefaultIndex(s.index)) {
    // unlabeled: one value per column, by position
    if (s.length !== names.length) {
      throw new ShapeError(`${what}: the Series has ${s.length} values for ${names.length} columns`);
    }
    names.forEach((name, j) => {
      right.set(name, broadcast(j));
    });
    return right;
  }
  const d =
    s.index.dtype.kind === "dictionary" ? (s.index.dtype as DType & { value: DType }).value : s.index.dtype;
  if (!isString(d)) {
    throw new DTypeError(
      `${what}: on the columns axis the Series' labels are column names, got ${dtypeToString(s.index.dtype)} labels; pass { axis: "index" } to align on row labels`,
    );
  }
  const labels = s.index.toColumn().toArray() as (string | null)[];
  labels.forEach((label, p) => {
    if (label === null) throw new KeyError(`${what}: the Series has a null label at position ${p}`);
    if (right.has(label))
      throw new KeyError(`${what}: the Series' label ${JSON.stringify(label)} is repeated`);
    right.set(label, broadcast(p));
  });
  return right;
}

function plan(df: DataFrame<Schema>, other: unknown, axis: "columns" | "index", what: string): Plan {
  const names = df.columns;
  const n = df.length;
  const right = new Map<string, Column | Scalar>();
  if (other instanceof DataFrame) {
    const o = other as DataFrame<Schema>;
    const rows = alignRows(df.index, n, o.index, o.length, what);
    for (const name of o.columns) right.set(name, rowsAt(o.column(name), rows.right));
    return { index: rows.index, leftRows: rows.left, right };
  }
  const list = Array.isArray(other) || (ArrayBuffer.isView(other) && !(other instanceof DataView));
  const record = !list && isObject(other) && !(other instanceof Series) && !(other instanceof Date);
  if (axis === "index") {
    let s: Series;
    if (other instanceof Series) s = other;
    else if (list) s = new Series(other as ArrayLike<unknown>);
    else if (record) {
      const keys = Object.keys(other);
      s = new Series(
        keys.map((k) => (other as Record<string, unknown>)[k]),
        { index: keys },
      );
    } else
      throw new DTypeError(`${what}: axis "index" needs a Series, a list or a record, got ${show(other)}`);
    const rows = alignRows(df.index, n, s.index, s.length, what);
    const r = rowsAt(s.column, rows.right);
    for (const name of names) right.set(name, r);
    return { index: rows.index, leftRows: rows.left, right };
  }
  if (other instanceof Series)
    return { index: df.index, leftRows: null, right: byColumnLabels(df, other, what) };
  if (list) {
    const values = other as ArrayLike<unknown>;
    if (values.length !== names.length) {
      throw new ShapeError(`${what}: the list has ${values.length} values for ${names.length} columns`);
    }
    names.forEach((name, j) => {
      right.set(name, values[j] as Scalar);
    });
  } else if (record) {
    for (const k of Object.keys(other)) right.set(k, (other as Record<string, Scalar>)[k] as Scalar);
  } else if (other === null || ["number", "bigint", "string", "boolean"].includes(typeof other)) {
    for (const name of names) right.set(name, other as Scalar);
  } else {
    throw new DTypeError(
      `${what}: invalid operand ${show(other)} (expected a scalar, a list, a record, a Series or a DataFrame)`,
    );
  }
  return { index: df.index, leftRows: null, right };
}

/** Run the kernel on one column, naming the column in any error. */
function run(what: string, name: string, f: () => Column): Column {
  try {
    return f();
  } catch (e) {
    if (e instanceof NDFrameError) {
      const Ctor = e.constructor as new (m: string) => NDFrameError;
      throw new Ctor(`${what}: column ${JSON.stringify(name)}: ${e.message}`);
    }
    throw e;
  }
}

/**
 * Combine a frame element-wise with another operand, as pandas'
 * `DataFrame.add`, `sub`, `mul`, `div` (`truediv`), `floordiv`, `mod`,
 * `pow`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`.
 *
 * `other` is:
 * - a scalar: applied to every column (weak, as the column kernels: an
 *   int32 column plus 1 stays int32);
 * - a list (array or TypedArray): one scalar per column, in column order
 *   (`axis: "index"`: one value per row, a ShapeError when the length is
 *   not the row count);
 * - a record `{ name: scalar }`: the scalar of each named column
 *   (`axis: "index"`: keys are row labels);
 * - a Series: with `axis: "columns"` (default) its labels are column names
 *   (each value broadcast down its column, keeping the Series' dtype); an
 *   unlabeled Series pairs with the columns by position. With
 *   `axis: "index"` it is aligned on the row labels as Series arithmetic
 *   is (`align`: union of labels, nulls where one side lacks a row;
 *   unlabeled sides pair by position);
 * - a DataFrame: columns matched by name and rows aligned on the index.
 *
 * Columns on one side only (names of the other operand that the frame
 * lacks, or the reverse) come out all null, as pandas' NaN; their names
 * follow the frame's, in the other operand's order (pandas sorts the
 * union of names; we keep the frame's order). Nulls propagate; NaN is a
 * value. Comparisons give bool columns and a null where either side is
 * null or missing (pandas gives False there). `fillValue` (arithmetic
 * only) fills one-sided nulls first, as pandas' `fill_value`. Dtypes
 * follow the column kernels (`add`, `eq`… of `ndframe/compute`); an error
 * names the column at fault. Every result column is a fresh column; the
 * index is the frame's, or the union when rows were aligned on labels.
 *
 * @param op - the operation
 * @param df - the frame (left operand)
 * @param other - the right operand
 * @param options - `axis`, `fillValue`
 * @returns a new frame
 * @example
 * ```ts
 * import { DataFrame, Series, arith } from "ndframe";
 * // pandas docs: df = pd.DataFrame({'angles': [0, 3, 4], 'degrees': [360, 180, 360]}, index=[...])
 * const df = new DataFrame(
 *   { angles: [0, 3, 4], degrees: [360, 180, 360] },
 *   { index: ["circle", "triangle", "rectangle"] },
 * );
 * arith("add", df, 1).get("degrees").toArray(); // => [361, 181, 361]
 * arith("sub", df, [1, 2]).get("degrees").toArray(); // => [358, 178, 358]
 * arith("mul", df, { angles: 0, degrees: 2 }).get("degrees").toArray(); // => [720, 360, 720]
 * const s = new Series([1, 1, 1], { index: ["circle", "triangle", "rectangle"] });
 * arith("sub", df, s, { axis: "index" }).get("angles").toArray(); // => [-1, 2, 3]
 * const other = new DataFrame({ angles: [0, 3, 4] }, { index: ["circle", "triangle", "rectangle"] });
 * arith("mul", df, other).get("degrees").toArray(); // => [null, null, null]
 * arith("mul", df, other, { fillValue: 0 }).get("degrees").toArray(); // => [0, 0, 0]
 * arith("eq", df, 360).get("degrees").toArray(); // => [true, false, true]
 * ```
 */
export function arith(
  op: FrameOp,
  df: DataFrame<Schema>,
  other: ArithOperand,
  options?: ArithOptions,
): DataFrame {
  const kernel = OPS[keyword("op", op, OP_NAMES)] as Kernel;
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for ${op}: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "axis" && k !== "fillValue") {
      throw new OptionError(`unknown option for ${op}: "${k}" (expected axis, fillValue)`);
    }
  }
  const axis = o.axis === undefined ? "columns" : keyword("axis", o.axis, ["columns", "index"] as const);
  const fill = (o.fillValue ?? null) as Scalar;
  if (fill !== null && COMPARISONS.includes(op)) {
    throw new OptionError(`invalid fillValue for ${op}: comparisons take no fillValue (as pandas)`);
  }
  if (fill !== null && !["number", "bigint", "boolean", "string"].includes(typeof fill)) {
    throw new OptionError(`invalid fillValue: ${show(fill)} (expected a scalar)`);
  }
  const p = plan(df, other, axis, op);
  const n = p.index.length;
  const out = new Map<string, Column>();
  const names = [...df.columns];
  for (const name of p.right.keys()) if (!df.has(name)) names.push(name);
  for (const name of names) {
    const r = p.right.has(name) ? (p.right.get(name) as Column | Scalar) : null;
    out.set(
      name,
      run(op, name, () => {
        const l = df.has(name)
          ? rowsAt(df.column(name), p.leftRows)
          : nulls(r instanceof Column ? r.dtype : scalarDType(r), n);
        return pair(kernel, l, r, fill);
      }),
    );
  }
  return new DataFrame(out, { index: p.index });
}

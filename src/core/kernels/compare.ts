/**
 * Comparison kernels: eq, ne, lt, le, gt, ge between columns and scalars,
 * giving bit-packed bool columns.
 */
import { andValidity } from "../bitmap.js";
import { type Chunk, makeChunk, numberOffsets } from "../chunk.js";
import { Column } from "../column.js";
import {
  type Bool,
  bool,
  type Dictionary,
  type DType,
  dtypeEquals,
  dtypeToString,
  int64,
  isBigIntStorage,
  isString,
  type NumberArray,
  uint64,
  utf8,
} from "../dtype.js";
import { DTypeError, ShapeError } from "../errors.js";
import { column } from "../from-values.js";
import { words } from "../int64.js";
import { promote } from "../promotion.js";
import { castColumn } from "./cast.js";
import { dictionaryOf, unifyDictionaries } from "./categorical.js";
import {
  alignBits,
  type CompareOp,
  compareWordsScalar,
  packThreeWay,
  threeWayBytes,
  threeWayWords,
  threeWayWordsFloat,
} from "./compare-exact.js";
import { COLUMN_LOOPS, SCALAR_LOOPS } from "./compare-loops.js";

/** A JS scalar operand. */
type Scalar = number | bigint | boolean | string | null;

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };
const FLIP: Record<CompareOp, CompareOp> = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" };
const SCALAR_INDEX: Record<CompareOp, number> = { lt: 0, le: 1, gt: 2, ge: 3, eq: 4, ne: 4 };
/** Kinds whose columns compare in the finer unit of the two (int64 counts of a unit). */
const TIMES: ReadonlySet<string> = new Set(["timestamp", "duration", "time"]);

/** An operand normalized for the loops: numbers, 64-bit words, bytes or bits. */
type Key =
  | { k: "n"; v: NumberArray }
  | { k: "w"; v: Int32Array; signed: boolean }
  | { k: "s"; v: Uint8Array; o: Int32Array | Float64Array }
  | { k: "b"; v: Uint8Array };

function keyOf(c: Chunk): Key {
  const d = c.dtype;
  if (d.kind === "bool") return { k: "b", v: alignBits(c.values as Uint8Array, c.offset, c.length) };
  if (isBigIntStorage(d)) return { k: "w", v: words(c.values as BigInt64Array), signed: d.kind !== "uint64" };
  if (isString(d) || d.kind === "binary") return { k: "s", v: c.values as Uint8Array, o: numberOffsets(c) };
  return { k: "n", v: c.values as NumberArray };
}

/** The bits of a bool key as numbers 0/1 (for bool against numbers). */
function asNumbers(key: Key, n: number): Key {
  if (key.k !== "b") return key;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = ((key.v[i >>> 3] as number) >>> (i & 7)) & 1;
  return { k: "n", v: out };
}

const toF64 = (v: NumberArray): Float64Array => (v instanceof Float64Array ? v : new Float64Array(v));

/**
 * Compare `n` elements of two keys into `out` (bits). `bs` is 0 when `b`
 * is a broadcast scalar (one element).
 */
function compareKeys(op: CompareOp, a: Key, b: Key, bs: number, out: Uint8Array, n: number): void {
  if (a.k === "b" && b.k === "b") return compareBits(op, a.v, b.v, bs, out, n);
  if (a.k === "b" || b.k === "b")
    return compareKeys(op, asNumbers(a, n), asNumbers(b, bs === 0 ? 1 : n), bs, out, n);
  if (a.k === "n" && b.k === "n") {
    if (bs === 0) {
      const loop = SCALAR_LOOPS.get(a.v.constructor)![SCALAR_INDEX[op]]!;
      loop(a.v, b.v[0] as number, out, n);
    } else {
      let [x, y] = [a.v, b.v];
      if (x.constructor !== y.constructor) [x, y] = [toF64(x), toF64(y)];
      const loops = COLUMN_LOOPS.get(x.constructor)!;
      if (op === "gt" || op === "ge") loops[op === "gt" ? 0 : 1]!(y, x, out, n);
      else loops[op === "lt" ? 0 : op === "le" ? 1 : 2]!(x, y, out, n);
    }
    if (op === "ne") invert(out, n);
    return;
  }
  if (a.k === "w" && bs === 0) {
    // one scalar against 64-bit words: straight to bits when the scalar has the column's signedness
    const plan = wordsScalarPlan(op, a.signed, b);
    if (plan !== null) return compareWordsScalar(plan[0], a.v, a.signed, plan[1], plan[2], out, n);
  }
  const cmp = new Int8Array(n);
  if (a.k === "w" && b.k === "w") threeWayWords(a.v, 1, a.signed, b.v, bs, b.signed, cmp, n);
  else if (a.k === "w" && b.k === "n") threeWayWordsFloat(a.v, 1, a.signed, toF64(b.v), bs, cmp, n);
  else if (a.k === "n" && b.k === "w") {
    // swap the operands so the words come first, then flip the operator
    const f = toF64(a.v);
    threeWayWordsFloat(b.v, bs, b.signed, f, 1, cmp, n);
    op = FLIP[op];
  } else if (a.k === "s" && b.k === "s") threeWayBytes(a.v, a.o, 1, b.v, b.o, bs, cmp, n);
  else throw new DTypeError("internal: incomparable keys");
  packThreeWay(cmp, op, out, n);
}

/**
 * How to compare a 64-bit column of the given signedness with a scalar key
 * on words alone: the scalar's words and the operator to use, or null when
 * only the three-way loops can decide (NaN, infinities, a 64-bit scalar of
 * the other signedness, doubles beyond 2^53). A fractional double s is
 * replaced by floor(s), since for an integer x, x < s ⟺ x <= floor(s) and
 * x > s ⟺ x > floor(s).
 */
function wordsScalarPlan(op: CompareOp, signed: boolean, b: Key): [CompareOp, number, number] | null {
  if (b.k === "w") return b.signed === signed ? [op, b.v[0] as number, b.v[1] as number] : null;
  if (b.k !== "n") return null;
  let x = b.v[0] as number;
  if (!(Math.abs(x) < 2 ** 53)) return null;
  if (!Number.isInteger(x)) {
    if (op === "eq" || op === "ne") return null;
    x = Math.floor(x);
    op = op === "lt" || op === "le" ? "le" : "gt";
  }
  if (!signed && x < 0) return null;
  return [op, x >>> 0, Math.floor(x / 4294967296) | 0];
}

function invert(out: Uint8Array, n: number): void {
  const nb = (n + 7) >>> 3;
  for (let j = 0; j < nb; j++) out[j] = ~(out[j] as number);
  if (n & 7) out[nb - 1] = (out[nb - 1] as number) & ((1 << (n & 7)) - 1);
}

/** Bool against bool, a byte at a time (false < true, as NumPy). */
function compareBits(
  op: CompareOp,
  a: Uint8Array,
  b: Uint8Array,
  bs: number,
  out: Uint8Array,
  n: number,
): void {
  const nb = (n + 7) >>> 3;
  const s = bs === 0 ? ((b[0] as number) & 1 ? 0xff : 0) : -1;
  for (let j = 0; j < nb; j++) {
    const x = a[j] as number;
    const y = s >= 0 ? s : (b[j] as number);
    out[j] =
      op === "eq"
        ? ~(x ^ y)
        : op === "ne"
          ? x ^ y
          : op === "lt"
            ? ~x & y
            : op === "le"
              ? ~x | y
              : op === "gt"
                ? x & ~y
                : x | ~y;
  }
  if (n & 7) out[nb - 1] = (out[nb - 1] as number) & ((1 << (n & 7)) - 1);
}

/** Compare two chunks of equal length (or a chunk with a one-element scalar chunk). */
function compareChunks(op: CompareOp, a: Chunk, b: Chunk, scalar: boolean): Chunk<Bool> {
  const n = a.length;
  const out = new Uint8Array(((n + 63) >>> 6) << 3);
  compareKeys(op, keyOf(a), keyOf(b), scalar ? 0 : 1, out, n);
  const validity = scalar
    ? andValidity(a.validity, a.offset, null, 0, n)
    : andValidity(a.validity, a.offset, b.validity, b.offset, n);
  return makeChunk({ dtype: bool, length: n, values: out, validity });
}

/** A column of `n` nulls, chunked like `like`. */
function allNull(like: Column): Column<Bool> {
  const chunks = like.chunks.map((c) => {
    const n = c.length;
    return makeChunk({
      dtype: bool,
      length: n,
      values: new Uint8Array(((n + 63) >>> 6) << 3),
      validity: new Uint8Array(((n + 63) >>> 6) << 3),
      nullCount: n,
    });
  });
  return new Column(bool, chunks);
}

/** Bring two columns to dtypes the loops can compare directly. */
function comparable(a: Column, b: Column): [Column, Column] {
  const da = a.dtype;
  const db = b.dtype;
  let common: DType;
  try {
    common = promote(da, db);
  } catch {
    throw new DTypeError(`cannot compare ${dtypeToString(da)} with ${dtypeToString(db)}`);
  }
  // Dictionaries and mixed string widths compare as their strings; times in the finer unit.
  const text = common.kind === "dictionary" ? common.value : common;
  const fix = (c: Column): Column => {
    const d = c.dtype;
    if (d.kind === "dictionary" || (isString(d) && isString(text) && !dtypeEquals(d, text)))
      return castColumn(c, text, SAFE);
    if (TIMES.has(d.kind) || (d.kind === "date" && common.kind === "timestamp"))
      return castColumn(c, common, SAFE);
    return c;
  };
  return [fix(a), fix(b)];
}

/** The one-element column a scalar compares as, against a column of dtype `d`. */
function scalarColumn(s: Exclude<Scalar, null>, d: DType): Column {
  if (typeof s === "string") {
    if (d.kind === "timestamp" || d.kind === "date" || d.kind === "time")
      return castColumn(column([s], utf8), d, SAFE);
    return column([s], utf8);
  }
  if (typeof s === "boolean") return column([s], bool);
  if (typeof s === "number") return column(new Float64Array([s]));
  if (s >= -(2n ** 53n) && s <= 2n ** 53n && !isBigIntStorage(d))
    return column(new Float64Array([Number(s)]));
  if (TIMES.has(d.kind)) return column([s], d);
  if (s >= -(2n ** 63n) && s < 2n ** 63n) return column([s], int64);
  if (s >= 0n && s < 2n ** 64n) return column([s], uint64);
  return column(new Float64Array([Number(s)]));
}

function compareImpl(op: CompareOp, a: Column | Scalar, b: Column | Scalar): Column<Bool> {
  if (!(a instanceof Column)) {
    if (!(b instanceof Column)) throw new DTypeError(`${op} expects at least one Column, got two scalars`);
    return compareImpl(FLIP[op], b, a);
  }
  if (
    op !== "eq" &&
    op !== "ne" &&
    (a.dtype.kind === "dictionary" || (b instanceof Column && b.dtype.kind === "dictionary"))
  )
    return compareCategories(op, a, b);
  if (b instanceof Column) {
    if (a.length !== b.length) throw new ShapeError(`${op}: lengths differ (${a.length} and ${b.length})`);
    let [x, y] = comparable(a, b);
    // Per chunk when the chunkings agree; otherwise both sides are combined into one chunk.
    const same =
      x.chunks.length === y.chunks.length && x.chunks.every((c, i) => c.length === y.chunks[i]?.length);
    if (!same) [x, y] = [x.rechunk(), y.rechunk()];
    return new Column(
      bool,
      x.chunks.map((c, i) => compareChunks(op, c, y.chunks[i] as Chunk, false)),
    );
  }
  if (b === null) return allNull(a);
  if (!["number", "bigint", "boolean", "string"].includes(typeof b)) {
    throw new DTypeError(`cannot compare ${dtypeToString(a.dtype)} with ${String(b)}`);
  }
  const s = scalarColumn(b, a.dtype);
  if (a.dtype.kind === "dictionary" && typeof b === "string") return compareDictionary(op, a, s.combine());
  const [x, y] = comparable(a, s);
  const sc = y.combine();
  return new Column(
    bool,
    x.chunks.map((c) => compareChunks(op, c, sc, true)),
  );
}

const unorderedError = (op: CompareOp): DTypeError =>
  new DTypeError(
    `${op}: unordered categoricals can only compare equality or not; use asOrdered() (s.cat.asOrdered()) to order the categories`,
  );

/** A dictionary column's codes as a column of its index dtype (a view). */
function codesColumn(col: Column<Dictionary>): Column {
  const d = col.dtype.index;
  return new Column(
    d,
    col.chunks.map((c) => makeChunk({ ...c, dtype: d, values: c.values as never, dictionary: null })),
  );
}

/**
 * lt/le/gt/ge with a categorical operand, as pandas: only ordered
 * categoricals, by category position, against one of their categories or a
 * categorical with the same categories in the same order.
 */
function compareCategories(op: CompareOp, a: Column, b: Column | Scalar): Column<Bool> {
  const da = a.dtype;
  if (b instanceof Column) {
    if (a.length !== b.length) throw new ShapeError(`${op}: lengths differ (${a.length} and ${b.length})`);
    const db = b.dtype;
    if (da.kind !== "dictionary" || db.kind !== "dictionary") {
      const cat = (da.kind === "dictionary" ? da : db) as Dictionary;
      if (!cat.ordered) throw unorderedError(op);
      throw new DTypeError(
        `${op}: an ordered categorical compares only with one of its categories or a categorical with the same categories, not ${dtypeToString(da.kind === "dictionary" ? db : da)}; cast it to text to compare the values`,
      );
    }
    if (!da.ordered || !db.ordered) throw unorderedError(op);
    const x = unifyDictionaries(a as Column<Dictionary>);
    const y = unifyDictionaries(b as Column<Dictionary>);
    const cx = dictionaryOf(x).toArray();
    const cy = dictionaryOf(y).toArray();
    if (cx.length !== cy.length || cx.some((v, i) => v !== cy[i])) {
      throw new DTypeError(
        `${op}: categoricals compare only when their categories are the same, in the same order`,
      );
    }
    return compareImpl(op, codesColumn(x), codesColumn(y));
  }
  const d = da as Dictionary;
  if (!d.ordered) throw unorderedError(op);
  if (b === null) return allNull(a);
  if (typeof b !== "string") throw new DTypeError(`cannot compare ${dtypeToString(da)} with ${String(b)}`);
  const u = unifyDictionaries(a as Column<Dictionary>);
  const pos = dictionaryOf(u).toArray().indexOf(b);
  if (pos < 0) {
    throw new DTypeError(
      `${op}: ${JSON.stringify(b)} is not among the categories of the ordered categorical (an ordering comparison needs one of them)`,
    );
  }
  return compareImpl(op, codesColumn(u), pos);
}

/**
 * A dictionary against a string: compare each dictionary entry with the
 * scalar once (for eq/ne this finds the scalar's code), then map codes.
 */
function compareDictionary(op: CompareOp, col: Column, s: Chunk): Column<Bool> {
  const cache = new Map<Column, Uint8Array>();
  const chunks = col.chunks.map((c) => {
    const dict = c.dictionary as Column;
    let hit = cache.get(dict);
    if (hit === undefined) {
      const dc = castColumn(dict, s.dtype, SAFE).combine();
      const bits = compareChunks(op, dc, s, true).values as Uint8Array;
      hit = new Uint8Array(dc.length);
      for (let k = 0; k < dc.length; k++) hit[k] = ((bits[k >>> 3] as number) >>> (k & 7)) & 1;
      cache.set(dict, hit);
    }
    const n = c.length;
    const codes = keyOf({ ...c, dtype: (c.dtype as DType & { index: DType }).index } as Chunk);
    const out = new Uint8Array(((n + 63) >>> 6) << 3);
    const step = codes.k === "w" ? 2 : 1;
    const cv = codes.v as ArrayLike<number>;
    for (let i = 0; i < n; i++) if (hit[cv[i * step] as number]) out[i >>> 3] |= 1 << (i & 7);
    return makeChunk({
      dtype: bool,
      length: n,
      values: out,
      validity: andValidity(c.validity, c.offset, null, 0, n),
    });
  });
  return new Column(bool, chunks);
}

/** A column or a scalar operand. */
type Operand = Column | Scalar;

/**
 * Compare element-wise for equality.
 *
 * Works for every pair of dtypes `promote` accepts: numbers of any width
 * (int64/uint64 exactly, also against floats), strings by code point
 * (UTF-8 bytes, not decoded), dictionaries through their values (against
 * a string the scalar is looked up once), dates, timestamps (ISO text
 * scalars are parsed in the column's unit and zone), durations, times of
 * day (against each other in the finer unit; a `"HH:MM:SS[.fffffffff]"`
 * scalar is parsed in the column's unit), bools.
 * A scalar broadcasts; a null scalar gives all nulls. Nulls give null;
 * NaN compares false (except `ne`, true), as NumPy. Columns with the same
 * chunk lengths are compared chunk by chunk, otherwise both are combined
 * into one chunk first. Lengths must match (`ShapeError`); incomparable
 * dtypes throw a `DTypeError` naming both.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar (one of `a`, `b` must be a column)
 * @returns a bool column (bit-packed, fresh buffers)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { eq } from "ndframe/compute";
 * eq(column([1, Number.NaN, null]), Number.NaN).toArray(); // => [false, false, null]
 * eq(column(["a", "b"]), column(["a", "c"])).toArray(); // => [true, false]
 * ```
 */
export function eq(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("eq", a, b);
}

/**
 * Compare element-wise for inequality (the complement of `eq` on valid rows).
 *
 * Semantics as `eq`; NaN ≠ anything is true, as NumPy.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { ne } from "ndframe/compute";
 * ne(column([1, Number.NaN]), Number.NaN).toArray(); // => [true, true]
 * ```
 */
export function ne(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("ne", a, b);
}

/**
 * Test element-wise whether `a < b`.
 *
 * Semantics as `eq`; strings order by code point, false < true. A
 * categorical (dictionary) orders by category position, as pandas: it
 * must be ordered and compare with one of its categories or with a
 * categorical of the same categories in the same order; anything else
 * (an unordered categorical, a string outside the categories, a plain
 * column) throws a `DTypeError`. The same holds for `le`, `gt` and `ge`.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @returns a bool column
 * @example
 * ```ts
 * import { categorical, column } from "ndframe";
 * import { lt } from "ndframe/compute";
 * lt(column([1n, 2n ** 60n], "int64"), 2 ** 60).toArray(); // => [true, false]
 * const size = categorical(["S", "L", "M"], { categories: ["S", "M", "L"], ordered: true });
 * lt(size, "L").toArray(); // => [true, false, true]
 * ```
 */
export function lt(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("lt", a, b);
}

/**
 * Test element-wise whether `a <= b`.
 *
 * Semantics as `eq`.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { le } from "ndframe/compute";
 * le(column(["b", "ab", null]), "b").toArray(); // => [true, true, null]
 * ```
 */
export function le(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("le", a, b);
}

/**
 * Test element-wise whether `a > b`.
 *
 * Semantics as `eq`.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { gt } from "ndframe/compute";
 * gt(column([0.5, 2, Number.NaN]), 1).toArray(); // => [false, true, false]
 * gt(3, column([1, 5], "int32")).toArray(); // => [true, false]
 * ```
 */
export function gt(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("gt", a, b);
}

/**
 * Test element-wise whether `a >= b`.
 *
 * Semantics as `eq`.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { ge } from "ndframe/compute";
 * ge(column([0n, 86400n], "timestamp[s]"), "1970-01-02").toArray(); // => [false, true]
 * ```
 */
export function ge(a: Operand, b: Operand): Column<Bool> {
  return compareImpl("ge", a, b);
}

/**
 * Logical kernels on bool columns with Kleene three-valued logic: and, or,
 * xor, not. They work on the bit-packed words, 32 rows per operation.
 */

import { show } from "../../util/is.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool, dtypeToString } from "../dtype.js";
import { DTypeError, ShapeError } from "../errors.js";
import { alignBits } from "./compare-exact.js";

/** A bool column or a scalar operand. */
type Operand = Column<Bool> | boolean | null;
type Op = "and" | "or" | "xor";

/** Value and validity words of one operand, at offset 0 (validity null = all valid). */
interface Words {
  v: Int32Array;
  m: Int32Array | null;
}

function wordsOf(c: Chunk): Words {
  const n = c.length;
  const v = alignBits(c.values as Uint8Array, c.offset, n);
  const m = c.validity === null ? null : alignBits(c.validity, c.offset, n);
  // alignBits returns 8-byte multiples at offset 0: safe to view as 32-bit words.
  return {
    v: new Int32Array(v.buffer, 0, v.length >> 2),
    m: m === null ? null : new Int32Array(m.buffer, 0, m.length >> 2),
  };
}

function scalarWords(s: boolean | null, nw: number): Words {
  return { v: new Int32Array(nw).fill(s === true ? -1 : 0), m: s === null ? new Int32Array(nw) : null };
}

/**
 * Kleene logic on words: and — a known false wins; or — a known true wins;
 * xor — null if either side is null. Value bits of null rows are cleared.
 */
function kleene(op: Op, a: Words, b: Words, n: number): Chunk<Bool> {
  const nw = ((((n + 63) >>> 6) << 3) >> 2) as number;
  const v = new Int32Array(nw);
  const { v: av, m: am } = a;
  const { v: bv, m: bm } = b;
  let m: Int32Array | null = null;
  if (am === null && bm === null) {
    if (op === "and") for (let j = 0; j < nw; j++) v[j] = (av[j] as number) & (bv[j] as number);
    else if (op === "or") for (let j = 0; j < nw; j++) v[j] = (av[j] as number) | (bv[j] as number);
    else for (let j = 0; j < nw; j++) v[j] = (av[j] as number) ^ (bv[j] as number);
  } else {
    m = new Int32Array(nw);
    for (let j = 0; j < nw; j++) {
      const x = av[j] as number;
      const y = bv[j] as number;
      const mx = am === null ? -1 : (am[j] as number);
      const my = bm === null ? -1 : (bm[j] as number);
      let valid: number;
      let val: number;
      if (op === "and") {
        valid = (mx & my) | (mx & ~x) | (my & ~y);
        val = x & y;
      } else if (op === "or") {
        valid = (mx & my) | (mx & x) | (my & y);
        val = (x & mx) | (y & my);
      } else {
        valid = mx & my;
        val = x ^ y;
      }
      m[j] = valid;
      v[j] = val & valid;
    }
  }
  return finish(v, m, n);
}

function finish(v: Int32Array, m: Int32Array | null, n: number): Chunk<Bool> {
  const bytes = new Uint8Array(v.buffer);
  const mask = m === null ? null : new Uint8Array(m.buffer);
  // clear the bits past the end
  const nb = (n + 7) >>> 3;
  bytes.fill(0, nb);
  if (n & 7) bytes[nb - 1] = (bytes[nb - 1] as number) & ((1 << (n & 7)) - 1);
  if (mask !== null) {
    mask.fill(0, nb);
    if (n & 7) mask[nb - 1] = (mask[nb - 1] as number) & ((1 << (n & 7)) - 1);
  }
  return makeChunk({ dtype: bool, length: n, values: bytes, validity: mask });
}

function checkBool(x: unknown, fn: string): void {
  if (x instanceof Column) {
    if (x.dtype.kind !== "bool")
      throw new DTypeError(`${fn} expects bool columns, got ${dtypeToString(x.dtype)}`);
  } else if (x !== null && typeof x !== "boolean") {
    throw new DTypeError(`${fn} expects a bool column, true, false or null, got ${show(x)}`);
  }
}

function binary(op: Op, a: Operand, b: Operand): Column<Bool> {
  checkBool(a, op);
  checkBool(b, op);
  if (!(a instanceof Column)) {
    if (!(b instanceof Column)) throw new DTypeError(`${op} expects at least one Column, got two scalars`);
    return binary(op, b, a);
  }
  if (b instanceof Column) {
    if (a.length !== b.length) throw new ShapeError(`${op}: lengths differ (${a.length} and ${b.length})`);
    let [x, y] = [a, b];
    // Per chunk when the chunkings agree; otherwise both sides are combined into one chunk.
    const same =
      x.chunks.length === y.chunks.length && x.chunks.every((c, i) => c.length === y.chunks[i]?.length);
    if (!same) [x, y] = [x.rechunk(), y.rechunk()];
    return new Column(
      bool,
      x.chunks.map((c, i) => kleene(op, wordsOf(c), wordsOf(y.chunks[i] as Chunk), c.length)),
    );
  }
  return new Column(
    bool,
    a.chunks.map((c) =>
      kleene(op, wordsOf(c), scalarWords(b, (((c.length + 63) >>> 6) << 3) >> 2), c.length),
    ),
  );
}

/**
 * Combine element-wise with Kleene AND.
 *
 * Three-valued, as Arrow's `and_kleene` and pandas' nullable booleans:
 * false AND null is false, true AND null is null. A scalar broadcasts.
 * Runs on 32-bit words of the bitmaps; chunkings that differ are combined
 * first. Lengths must match (`ShapeError`); non-bool input throws a
 * `DTypeError`.
 *
 * @param a - a bool column, true, false or null
 * @param b - a bool column, true, false or null (one side must be a column)
 * @returns a bool column (fresh buffers)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { and } from "ndframe/compute";
 * and(column([true, false, null]), null).toArray(); // => [null, false, null]
 * ```
 */
export function and(a: Operand, b: Operand): Column<Bool> {
  return binary("and", a, b);
}

/**
 * Combine element-wise with Kleene OR.
 *
 * true OR null is true, false OR null is null (as `or_kleene`). Otherwise
 * as `and`.
 *
 * @param a - a bool column, true, false or null
 * @param b - a bool column, true, false or null
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { or } from "ndframe/compute";
 * or(column([true, false, null]), null).toArray(); // => [true, null, null]
 * ```
 */
export function or(a: Operand, b: Operand): Column<Bool> {
  return binary("or", a, b);
}

/**
 * Combine element-wise with exclusive OR.
 *
 * Null when either side is null. Otherwise as `and`.
 *
 * @param a - a bool column, true, false or null
 * @param b - a bool column, true, false or null
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { xor } from "ndframe/compute";
 * xor(column([true, false, null]), true).toArray(); // => [false, true, null]
 * ```
 */
export function xor(a: Operand, b: Operand): Column<Bool> {
  return binary("xor", a, b);
}

/**
 * Negate element-wise.
 *
 * not(null) is null. Maps chunk by chunk, 32 rows per operation.
 *
 * @param a - a bool column
 * @returns a bool column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { not } from "ndframe/compute";
 * not(column([true, false, null])).toArray(); // => [false, true, null]
 * ```
 */
export function not(a: Column<Bool>): Column<Bool> {
  if (!(a instanceof Column)) throw new DTypeError(`not expects a bool column, got ${show(a)}`);
  checkBool(a, "not");
  return new Column(
    bool,
    a.chunks.map((c) => {
      const { v, m } = wordsOf(c);
      for (let j = 0; j < v.length; j++)
        v[j] = m === null ? ~(v[j] as number) : ~(v[j] as number) & (m[j] as number);
      return finish(v, m, c.length);
    }),
  );
}

/**
 * Arithmetic kernels: add, sub, mul, div, floorDiv, mod, pow between
 * columns and JS scalars, and neg, abs.
 *
 * Shared semantics (each function's TSDoc adds its own):
 * - **dtype**: two columns compute in `promote(a, b)` (bool counts as int8
 *   when both sides are bool). A scalar is *weak*, as NumPy 2's NEP 50
 *   Python scalars: a JS number that is an integer fitting the column's
 *   integer dtype keeps that dtype (`int8 column + 1` is int8), any other
 *   number makes an integer column compute in float64, and a float column
 *   keeps its dtype (a float32 column rounds the scalar to float32 first).
 *   A bigint scalar is int64-like but weak too: it keeps the column's
 *   integer dtype when it fits, else promotes with int64 (uint64 beyond
 *   2^63). `true`/`false` are 1/0. A string operand, or a string, binary or
 *   dictionary column, throws a `DTypeError` naming the dtype.
 * - **nulls** propagate (validity AND); a null scalar gives all nulls. NaN
 *   is a value and stays NaN.
 * - **overflow**: integers wrap around modulo 2^bits as in NumPy and pandas;
 *   `{ checked: true }` throws a `CastError` naming the first overflowing row.
 * - **int64/uint64** are exact at any magnitude: loops run on 32-bit words,
 *   never through a double and never with a BigInt per element.
 * - **temporal**: see `arithmetic-temporal.ts` (timestamp − timestamp →
 *   duration, timestamp ± duration → timestamp, duration ± duration,
 *   duration × integer, duration / duration → float64).
 * - **chunks**: the output is one fresh chunk. Operands chunked differently
 *   are aligned at the union of their chunk boundaries by zero-copy slices
 *   (no rechunk); mixed dtypes convert each chunk once to the compute dtype.
 * - **cost**: one pass, O(n); no-null inputs skip all bitmap work.
 */

import { maybeBoolean, show } from "../../util/is.js";
import { Column } from "../column.js";
import {
  type DType,
  dtypeToString,
  float64,
  int8,
  int64,
  isFloat,
  isInteger,
  isNumeric,
  isTemporal,
  uint64,
} from "../dtype.js";
import { CastError, DTypeError, ShapeError } from "../errors.js";
import { bigintWords } from "../int64.js";
import { promote } from "../promotion.js";
import {
  allNull,
  type BinaryPlan,
  isWordKey,
  LOOPS,
  type Operand,
  operandArray,
  runBinary,
  runUnary,
  type StorageKey,
  storageKey,
  type UnaryRunner,
} from "./arithmetic-engine.js";
import type { BinaryOp, ScalarArg } from "./arithmetic-support.js";
import { temporalBinary, temporalUnary } from "./arithmetic-temporal.js";
import { addOffset, DateOffset } from "./dt-offset.js";

/** A JS scalar operand of an arithmetic kernel. */
export type Scalar = number | bigint | boolean | string | null;

/** Options of the arithmetic kernels. */
export interface ArithmeticOptions {
  /**
   * Throw a `CastError` naming the row when an integer result overflows,
   * instead of wrapping around (default false, as NumPy and pandas).
   */
  checked?: boolean;
}

const RANGE: Partial<Record<string, [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

/** True when the integer `s` (a number that is an integer, or a bigint) fits integer dtype `d`. */
export function fitsInteger(s: number | bigint, d: DType): boolean {
  switch (d.kind) {
    case "int64": // 2^63 and 2^64 are exact doubles, hence the half-open bounds
      return typeof s === "bigint" ? s >= -(2n ** 63n) && s < 2n ** 63n : s >= -(2 ** 63) && s < 2 ** 63;
    case "uint64":
      return typeof s === "bigint" ? s >= 0n && s < 2n ** 64n : s >= 0 && s < 2 ** 64;
    default: {
      const r = RANGE[d.kind];
      return r !== undefined && s >= r[0] && s <= r[1];
    }
  }
}

/** The dtype a column of dtype `col` computes in with a weak scalar `s` (see the module comment). */
function weakDType(col: DType, s: number | bigint | boolean | null): DType {
  const base = col.kind === "bool" ? int8 : col;
  if (s === null || typeof s === "boolean" || isFloat(base)) return base;
  if (typeof s === "number") return Number.isInteger(s) && fitsInteger(s, base) ? base : float64;
  if (fitsInteger(s, base)) return base;
  if (fitsInteger(s, int64)) return promote(base, int64);
  if (fitsInteger(s, uint64)) return promote(base, uint64);
  throw new CastError(`scalar ${s}n does not fit a 64-bit integer`);
}

/** A scalar in the form the loops of `key` take. @internal */
export function scalarArg(s: number | bigint | boolean, key: StorageKey, name: string, d: DType): ScalarArg {
  const v = typeof s === "boolean" ? (s ? 1 : 0) : s;
  if (!isWordKey(key)) return key === "f32" ? Math.fround(Number(v)) : Number(v);
  if (!fitsInteger(v, d))
    throw new CastError(`scalar ${show(v)} does not fit ${dtypeToString(d)} in ${name}`);
  return bigintWords(BigInt(v));
}

function checkScalar(name: string, s: unknown): asserts s is number | bigint | boolean | null {
  if (s === null || typeof s === "number" || typeof s === "bigint" || typeof s === "boolean") return;
  throw new DTypeError(
    `${name} does not support ${typeof s === "string" ? "string" : "the"} operand ${show(s)}`,
  );
}

function checkDType(name: string, d: DType): void {
  if (!isNumeric(d) && d.kind !== "bool") {
    throw new DTypeError(`${name} does not support dtype ${dtypeToString(d)}`);
  }
}

/** Validate the operands of a binary kernel; returns the `checked` flag. */
function validate(name: string, a: unknown, b: unknown, options: ArithmeticOptions | undefined): boolean {
  const checked = maybeBoolean("checked", options?.checked, false);
  const ca = a instanceof Column;
  const cb = b instanceof Column;
  if (!ca && !cb) throw new DTypeError(`${name} needs at least one Column, got ${show(a)} and ${show(b)}`);
  if (ca && cb && a.length !== b.length) {
    throw new ShapeError(`${name}: operands have different lengths, ${a.length} and ${b.length}`);
  }
  return checked;
}

/**
 * Plan a binary operation on non-temporal operands: `da`/`db` are the
 * operands' dtypes, or null for the scalar `a`/`b`. Throws the kernels'
 * errors for unsupported dtypes and scalars. @internal
 */
export function planBinary(
  op: BinaryOp,
  da: DType | null,
  a: Scalar | Column,
  db: DType | null,
  b: Scalar | Column,
  checked: boolean,
): { plan: BinaryPlan; compute: DType } {
  if (da !== null) checkDType(op, da);
  else checkScalar(op, a);
  if (db !== null) checkDType(op, db);
  else checkScalar(op, b);
  let compute: DType;
  if (da !== null && db !== null) compute = promote(da, db);
  else if (da !== null) compute = weakDType(da, b as number | bigint | boolean | null);
  else compute = weakDType(db as DType, a as number | bigint | boolean | null);
  if (compute.kind === "bool") compute = int8;
  let key = storageKey(compute);
  let outDtype = compute;
  if (op === "div" && isInteger(compute)) {
    outDtype = float64;
    // 64-bit integers divide as float64 (8/16/32-bit have int → float64 loops)
    if (isWordKey(key)) key = "f64";
  }
  return { plan: { name: op, op, key, outDtype, checked }, compute };
}

/** The shared body of the binary kernels. @internal */
function binary(op: BinaryOp, a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  const checked = validate(op, a, b, options);
  const colA = a instanceof Column ? a : null;
  const colB = b instanceof Column ? b : null;
  if ((colA !== null && isTemporal(colA.dtype)) || (colB !== null && isTemporal(colB.dtype))) {
    return temporalBinary(op, a as Column | Scalar, b as Column | Scalar, checked);
  }
  const { plan, compute } = planBinary(op, colA?.dtype ?? null, a, colB?.dtype ?? null, b, checked);
  const n = (colA ?? (colB as Column)).length;
  if (a === null || b === null) return allNull(plan.outDtype, n);
  const operand = (x: Column | Scalar): Operand =>
    x instanceof Column
      ? { col: x, prep: (c, row0) => operandArray(c, plan.key, row0) }
      : { col: null, scalar: scalarArg(x as number | bigint | boolean, plan.key, op, compute) };
  return runBinary(plan, operand(a), operand(b));
}

/**
 * Add element-wise (`a + b`).
 *
 * Nulls propagate; the result dtype is `promote(a, b)` with weak scalars
 * (see the module comment); integers wrap on overflow unless
 * `{ checked: true }`. Returns a fresh column in one pass.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar (at least one side is a column, of equal lengths), or a
 *   `DateOffset` to move timestamps or dates on the calendar (see `addOffset`)
 * @param options - `checked: true` throws a `CastError` naming the overflowing row
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { add } from "ndframe/compute";
 * add(column([1, 2, null], "int32"), 10).toArray(); // => [11, 12, null]
 * add(column([1, 2], "int8"), 1).dtype.kind;        // => "int8"
 * add(column([127], "int8"), 1).toArray();          // => [-128]
 * add(column([2n ** 62n], "int64"), 1n).toArray();  // => [4611686018427387905n]
 * ```
 */
export function add(
  a: Column | Scalar | DateOffset,
  b: Column | Scalar | DateOffset,
  options?: ArithmeticOptions,
): Column {
  if (a instanceof DateOffset || b instanceof DateOffset) return withOffset("add", a, b);
  return binary("add", a, b, options);
}

/** `col ± offset` (and `offset + col`): a calendar offset through `addOffset` (see dt-offset.ts). */
function withOffset(
  op: "add" | "sub",
  a: Column | Scalar | DateOffset,
  b: Column | Scalar | DateOffset,
): Column {
  const [col, off] = a instanceof DateOffset ? [b, a] : [a, b as DateOffset];
  if (!(col instanceof Column) || (op === "sub" && a instanceof DateOffset)) {
    throw new DTypeError(
      `${op} does not support ${show(a)} and ${show(b)} (a DateOffset ${op === "sub" ? "is subtracted from" : "adds to"} a timestamp or date column)`,
    );
  }
  if (col.dtype.kind !== "timestamp" && col.dtype.kind !== "date") {
    throw new DTypeError(
      `${op} does not support ${dtypeToString(col.dtype)} and a DateOffset (timestamps or dates only)`,
    );
  }
  return addOffset(col as Column<never>, op === "sub" ? off.negate() : off);
}

/**
 * Subtract element-wise (`a - b`).
 *
 * Same rules as `add`; timestamp − timestamp gives a duration.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sub } from "ndframe/compute";
 * sub(10, column([1, 2.5])).toArray(); // => [9, 7.5]
 * sub(column([0], "uint8"), 1).toArray(); // => [255]
 * ```
 */
export function sub(
  a: Column | Scalar | DateOffset,
  b: Column | Scalar | DateOffset,
  options?: ArithmeticOptions,
): Column {
  if (a instanceof DateOffset || b instanceof DateOffset) return withOffset("sub", a, b);
  return binary("sub", a, b, options);
}

/**
 * Multiply element-wise (`a * b`).
 *
 * Same rules as `add`; a duration times an integer is a duration.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { mul } from "ndframe/compute";
 * mul(column([1, 2, 3], "int16"), 3).toArray(); // => [3, 6, 9]
 * mul(column([2n ** 32n], "int64"), 2n ** 32n).toArray(); // => [0n]
 * ```
 */
export function mul(a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  return binary("mul", a, b, options);
}

/**
 * Divide element-wise (true division, `a / b`).
 *
 * Integers divide as float64 (int64 beyond 2^53 rounds, as NumPy); float32
 * with float32 stays float32. Division by zero gives ±Infinity or NaN as
 * IEEE 754 (and pandas). Nulls propagate. A duration divided by a duration
 * is a float64 ratio.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @param options - accepted for symmetry; division never overflows
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { div } from "ndframe/compute";
 * div(column([1, 2, -1], "int32"), 0).toArray(); // => [Infinity, Infinity, -Infinity]
 * div(column([3], "int32"), 2).dtype.kind;       // => "float64"
 * ```
 */
export function div(a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  return binary("div", a, b, options);
}

/**
 * Floor-divide element-wise (Python's `a // b`): the quotient rounds toward
 * −Infinity, so `7 // -2` is −4 and `-7 // 2` is −4.
 *
 * Result dtype as `add` (integers stay integers). Integer division by zero
 * gives **null** and keeps the integer dtype: NumPy returns 0 and pandas
 * switches the whole column to float64 with ±inf/NaN; a null says "no
 * value" without changing the dtype. Floats follow NumPy (`x // 0` is ±inf
 * or NaN; `1 // 0.1` is 9, as Python). int64 min // −1 wraps (throws when
 * checked).
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { floorDiv } from "ndframe/compute";
 * floorDiv(column([7, -7, 7, 1], "int32"), column([-2, 2, 0, 3], "int32")).toArray(); // => [-4, -4, null, 0]
 * floorDiv(column([1]), 0.1).toArray(); // => [9]
 * ```
 */
export function floorDiv(a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  return binary("floorDiv", a, b, options);
}

/**
 * Take the modulo element-wise with Python's and pandas' sign rule: the
 * result has the sign of the divisor, so `-7 % 3` is 2 and `7 % -3` is −2
 * (`a == floorDiv(a, b) * b + mod(a, b)`).
 *
 * Result dtype as `add`. Integer modulo by zero gives null (see
 * `floorDiv`); float modulo by zero gives NaN. Nulls propagate.
 *
 * @param a - a column or a scalar
 * @param b - a column or a scalar
 * @param options - accepted for symmetry; modulo never overflows
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { mod } from "ndframe/compute";
 * mod(column([-7, 7, 5], "int32"), column([3, -3, 0], "int32")).toArray(); // => [2, -2, null]
 * mod(column([-7.5]), 2).toArray(); // => [0.5]
 * ```
 */
export function mod(a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  return binary("mod", a, b, options);
}

/**
 * Raise to a power element-wise (`a ** b`).
 *
 * Integers stay integers and wrap on overflow (as NumPy); a negative integer
 * exponent throws a `CastError` naming the row (NumPy raises too: the
 * result is not an integer). Floats follow `Math.pow`, which differs from C
 * and NumPy in two corners: `1 ** NaN` and `(-1) ** ±Infinity` are NaN, not 1.
 *
 * @param a - a column or a scalar (the base)
 * @param b - a column or a scalar (the exponent)
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { pow } from "ndframe/compute";
 * pow(column([2, 3, null], "int64"), 2).toArray(); // => [4n, 9n, null]
 * pow(column([4]), 0.5).toArray(); // => [2]
 * ```
 */
export function pow(a: Column | Scalar, b: Column | Scalar, options?: ArithmeticOptions): Column {
  return binary("pow", a, b, options);
}

function unary(name: "neg" | "abs", col: Column, options?: ArithmeticOptions): Column {
  const checked = maybeBoolean("checked", options?.checked, false);
  if (!(col instanceof Column)) throw new DTypeError(`${name} expects a Column, got ${show(col)}`);
  if (isTemporal(col.dtype)) return temporalUnary(name, col, checked);
  checkDType(name, col.dtype);
  return runUnary(unaryRunner(name, col.dtype, checked), col);
}

/** The runner of neg or abs on a numeric or bool dtype. @internal */
export function unaryRunner(name: "neg" | "abs", dtype: DType, checked: boolean): UnaryRunner {
  const d = dtype.kind === "bool" ? int8 : dtype;
  const key = storageKey(d);
  const set = LOOPS[key];
  const check = checked ? (name === "neg" ? set.negChecked : set.absChecked) : null;
  return { name, key, outDtype: d, loop: name === "neg" ? set.neg : set.abs, checked: check };
}

/**
 * Negate element-wise (`-a`).
 *
 * Keeps the dtype (bool becomes int8). Integers wrap as NumPy: −(−128) is
 * −128 in int8 and unsigned values wrap to `2^bits − x`; `{ checked: true }`
 * throws instead. Floats negate zero to −0. Durations negate. Nulls stay null.
 *
 * @param col - a numeric or duration column
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { neg } from "ndframe/compute";
 * neg(column([1, -2, null], "int32")).toArray(); // => [-1, 2, null]
 * neg(column([1], "uint8")).toArray(); // => [255]
 * ```
 */
export function neg(col: Column, options?: ArithmeticOptions): Column {
  return unary("neg", col, options);
}

/**
 * Take the absolute value element-wise.
 *
 * Keeps the dtype (bool becomes int8). The most negative integer wraps to
 * itself as in NumPy (`abs(int8 −128)` is −128) unless `{ checked: true }`.
 * Durations work too. Nulls stay null.
 *
 * @param col - a numeric or duration column
 * @param options - `checked: true` throws on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { abs } from "ndframe/compute";
 * abs(column([-1.5, 2, null])).toArray(); // => [1.5, 2, null]
 * abs(column([-(2n ** 63n) + 1n], "int64")).toArray(); // => [2n ** 63n - 1n]
 * ```
 */
export function abs(col: Column, options?: ArithmeticOptions): Column {
  return unary("abs", col, options);
}

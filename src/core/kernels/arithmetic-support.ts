/**
 * Shared pieces of the arithmetic kernels: the shapes of the generated
 * per-storage loop tables, and the scalar helpers those loops call (small
 * enough for V8 to inline).
 * @internal
 */
import type { NumberArray } from "../dtype.js";

/**
 * A scalar operand as a loop takes it: a number for 8/16/32-bit and float
 * storage, the two 32-bit words of a 64-bit integer otherwise.
 */
export type ScalarArg = number | Int32Array;

// Method syntax makes the parameters bivariant, so that each generated loop
// can name its concrete TypedArray (which keeps it monomorphic).
/** A binary loop in its three operand shapes: column-column, column-scalar, scalar-column. */
export interface BinaryLoop {
  vv(out: NumberArray, a: NumberArray, b: NumberArray, n: number): void;
  vs(out: NumberArray, a: NumberArray, s: ScalarArg, n: number): void;
  sv(out: NumberArray, s: ScalarArg, b: NumberArray, n: number): void;
}

/** A checked binary loop: runs from `start`, returns the first row that overflows or -1. */
export interface CheckedLoop {
  vv(out: NumberArray, a: NumberArray, b: NumberArray, start: number, n: number): number;
  vs(out: NumberArray, a: NumberArray, s: ScalarArg, start: number, n: number): number;
  sv(out: NumberArray, s: ScalarArg, b: NumberArray, start: number, n: number): number;
}

/**
 * A fused multiply-add loop, `out = x * y + z`, in its shapes: y and z
 * each a column or a scalar (`vss`: `x * s + t`).
 */
export interface MulAddLoop {
  vvv(out: NumberArray, x: NumberArray, y: NumberArray, z: NumberArray, n: number): void;
  vvs(out: NumberArray, x: NumberArray, y: NumberArray, s: number, n: number): void;
  vsv(out: NumberArray, x: NumberArray, s: number, z: NumberArray, n: number): void;
  vss(out: NumberArray, x: NumberArray, s: number, t: number, n: number): void;
}

export interface UnaryLoop {
  run(out: NumberArray, a: NumberArray, n: number): void;
}

export interface CheckedUnaryLoop {
  run(out: NumberArray, a: NumberArray, start: number, n: number): number;
}

export type BinaryOp = "add" | "sub" | "mul" | "div" | "floorDiv" | "mod" | "pow";

/**
 * The loops of one storage type. Integer loops wrap on overflow as NumPy
 * does; their `checked` twins report the first overflowing row. `div` of
 * 8/16/32-bit integers writes a Float64Array; 64-bit integers have no `div`
 * (they divide as float64).
 */
export interface LoopSet {
  readonly binary: Readonly<Partial<Record<BinaryOp, BinaryLoop>>>;
  readonly checked: Readonly<Partial<Record<BinaryOp, CheckedLoop>>>;
  readonly neg: UnaryLoop;
  readonly abs: UnaryLoop;
  readonly negChecked: CheckedUnaryLoop | null;
  readonly absChecked: CheckedUnaryLoop | null;
}

/** `x ** e` modulo 2^32 by repeated squaring (`e` read as unsigned). */
export function ipow(x: number, e: number): number {
  let r = 1;
  while (e !== 0) {
    if (e & 1) r = Math.imul(r, x);
    e >>>= 1;
    if (e !== 0) x = Math.imul(x, x);
  }
  return r;
}

/**
 * `x ** e` exactly, or NaN when a step leaves `[min, max]`. A square out of
 * range means the power is too (the remaining exponent is non-zero).
 */
export function ipowChecked(x: number, e: number, min: number, max: number): number {
  let r = 1;
  while (e !== 0) {
    if (e & 1) {
      r *= x;
      if (r < min || r > max) return Number.NaN;
    }
    e >>>= 1;
    if (e !== 0) {
      x *= x;
      if (x > max) return Number.NaN;
    }
  }
  return r;
}

/** Signed integer modulo with the divisor's sign (Python's `%`); NaN for 0. */
export function modInt(x: number, y: number): number {
  const r = x % y;
  return r !== 0 && (r ^ y) < 0 ? r + y : r;
}

/**
 * Python's float floor division: `x // y` is `(x - x % y) / y`, stepped
 * down when the remainder's sign differs from the divisor's, then snapped to
 * the nearest integer (the method of CPython's `float_divmod`, which NumPy
 * follows). Division by zero gives `x / y` (±inf or NaN) as NumPy does.
 */
export function floorDivFloat(x: number, y: number): number {
  if (y === 0) return x / y;
  const m = x % y;
  let d = (x - m) / y;
  if (m !== 0 && m < 0 !== y < 0) d -= 1;
  if (d === 0) return x / y < 0 ? -0 : 0;
  const f = Math.floor(d);
  return d - f > 0.5 ? f + 1 : f;
}

/** Python's float modulo: the result takes the divisor's sign; NaN for 0. */
export function modFloat(x: number, y: number): number {
  const m = x % y;
  if (m === 0) return y < 0 ? -0 : 0;
  return m < 0 !== y < 0 ? m + y : m;
}

/** Round to the nearest integer, ties to even (C's `rint`, NumPy's `np.rint`). */
export function rint(x: number): number {
  const r = Math.round(x); // ties toward +inf
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Round an integer `x` to a multiple of `f` (a power of ten), ties to the
 * even multiple, exactly (|x| < 2^32 so the quotient floors exactly).
 */
export function roundToMultiple(x: number, f: number): number {
  let q = Math.floor(x / f);
  const r2 = 2 * (x - q * f);
  if (r2 > f || (r2 === f && q % 2 !== 0)) q += 1;
  return q * f;
}

/**
 * Scalar helpers shared by the generated NDArray loops: the NumPy/Python
 * semantics of floor division, remainder and power, and rounding half to
 * even. Small enough for V8 to inline into the loops.
 * @internal
 */
import { DTypeError } from "../errors.js";

/** Python's float `a // b` (NumPy's npy_floor_divide): floor of the exact quotient. */
export function floorDivF(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 ? -0 : 0;
  const fl = Math.floor(div);
  return div - fl > 0.5 ? fl + 1 : fl;
}

/** Python's float `a % b`: sign of the divisor; `x % 0` is NaN (NumPy's npy_remainder). */
export function modF(a: number, b: number): number {
  if (b === 0) return Number.NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

/** C's `pow`: unlike JS, `1 ** NaN` and `(-1) ** ±Infinity` are 1. */
export function powF(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY)) return 1;
  return a ** b;
}

/** Integer `a % b` with the sign of the divisor; `x % 0` is 0, as NumPy. */
export function modI(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** Integer `a // b`; `x // 0` is 0, as NumPy. Exact for 32-bit operands. */
export function floorDivI(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

/**
 * Integer power modulo 2^32 (callers store into a TypedArray of the
 * dtype, which wraps as NumPy does). Negative exponents throw, as NumPy.
 */
export function powI(a: number, b: number): number {
  if (b < 0) throw new DTypeError(`integers to negative integer powers are not allowed (exponent ${b})`);
  let r = 1;
  let base = a | 0;
  let e = b;
  while (e > 0) {
    if (e % 2 === 1) r = Math.imul(r, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return r;
}

/** Round half to even (banker's rounding), as NumPy's `np.round`. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; move ties that landed on an odd number down
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** -1, 0 or 1 (NaN stays NaN, signed zeros stay). */
export function signF(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x;
}

/**
 * Helpers for exact 64-bit integers without a BigInt per element: a
 * BigInt64Array/BigUint64Array is read through an Int32Array view of the
 * same buffer, element `i` being the words `lo = w[2i]` (unsigned 32 bits)
 * and `hi = w[2i + 1]` (signed 32 bits; unsigned for uint64), little-endian
 * as on every platform JS engines run on.
 * @internal
 */

const TWO32 = 4294967296;

/** The 32-bit word view of a 64-bit integer array (no copy). */
export function words(a: BigInt64Array | BigUint64Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.length * 2);
}

/** The value of a signed pair as a double (rounded beyond 2^53). */
export function signedToNumber(lo: number, hi: number): number {
  return hi * TWO32 + (lo >>> 0);
}

/** The value of an unsigned pair as a double (rounded beyond 2^53). */
export function unsignedToNumber(lo: number, hi: number): number {
  return (hi >>> 0) * TWO32 + (lo >>> 0);
}

/** True when a signed pair is within ±(2^53 − 1), so a double holds it exactly. */
export function signedIsSafe(lo: number, hi: number): boolean {
  // |v| <= 2^53 - 1  <=>  hi in [-2^21, 2^21 - 1], excluding -2^53 itself (hi = -2^21, lo = 0)
  return hi >= -2097152 && hi < 2097152 && !(hi === -2097152 && lo === 0);
}

/** True when an unsigned pair is at most 2^53 − 1. */
export function unsignedIsSafe(hi: number): boolean {
  return hi >>> 0 < 2097152;
}

/** Write a safe integer into words `2i`, `2i + 1` of `w`. */
export function writeNumber(w: Int32Array, i: number, v: number): void {
  w[2 * i] = v >>> 0;
  w[2 * i + 1] = Math.floor(v / TWO32) | 0;
}

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

// ---------------------------------------------------------------------------
// Word arithmetic for the arithmetic kernels. Each helper reads its operands
// as (lo, hi) pairs and writes results into words `2k`, `2k + 1` of an
// Int32Array, so loops over BigInt64Array/BigUint64Array never make a BigInt.

const TWO63 = 2 ** 63;
const TWO64 = 2 ** 64;
// Product rounding error of two rounded 64-bit values is below 2^12 near
// 2^63 (three roundings of 2^-53 each); 2^16 leaves a wide margin.
const MARGIN = 65536;

/**
 * Write the low 64 bits of `a * b` (two's complement, so the same for signed
 * and unsigned) into words `2k`, `2k + 1` of `o`. The low word is
 * `Math.imul`; the high word of the unsigned 32×32 product of the low words
 * comes from 16-bit limbs (every partial sum stays below 2^32, exact in a
 * double, no division); the cross terms only matter modulo 2^32.
 */
export function mulWords(o: Int32Array, k: number, alo: number, ahi: number, blo: number, bhi: number): void {
  const a0 = alo & 0xffff;
  const a1 = alo >>> 16;
  const b0 = blo & 0xffff;
  const b1 = blo >>> 16;
  const m1 = a1 * b0 + ((a0 * b0) >>> 16);
  const m2 = a0 * b1 + (m1 & 0xffff);
  const hi = a1 * b1 + (m1 >>> 16) + (m2 >>> 16);
  o[2 * k] = Math.imul(alo, blo);
  o[2 * k + 1] = (hi + Math.imul(ahi, blo) + Math.imul(alo, bhi)) | 0;
}

/**
 * True when the signed product of `a` and `b` does not fit in int64, given
 * the high word `rhi` of the wrapped product. The product is estimated in
 * doubles; near ±2^63, where the estimate cannot decide, the wrapped result
 * has the wrong sign exactly when it overflowed.
 */
export function mulOverflowsSigned(alo: number, ahi: number, blo: number, bhi: number, rhi: number): boolean {
  const p = signedToNumber(alo, ahi) * signedToNumber(blo, bhi);
  const m = Math.abs(p);
  if (m < TWO63 - MARGIN) return false;
  if (m > TWO63 + MARGIN) return true;
  return rhi < 0 !== p < 0;
}

/** True when the unsigned product of `a` and `b` does not fit in uint64 (see `mulOverflowsSigned`). */
export function mulOverflowsUnsigned(
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  rhi: number,
): boolean {
  const p = unsignedToNumber(alo, ahi) * unsignedToNumber(blo, bhi);
  if (p < TWO64 - MARGIN) return false;
  if (p > TWO64 + MARGIN) return true;
  // near 2^64: a product that fits is just below it (top bit set)
  return rhi >= 0;
}

/**
 * Unsigned 64-bit division `n / d` (d ≠ 0): quotient into words `2k`, `2k+1`
 * of `q` and remainder into those of `r` (either may be null). Small
 * divisors (< 2^21) divide in two exact double steps; others fall back to
 * shift-and-subtract long division on 32-bit words. The quotient goes to
 * words `2qk`, `2qk + 1` of `q`, the remainder to words `2rk`, `2rk + 1` of `r`.
 */
export function udivmodWords(
  q: Int32Array | null,
  qk: number,
  r: Int32Array | null,
  rk: number,
  nlo: number,
  nhi: number,
  dlo: number,
  dhi: number,
): void {
  nlo >>>= 0;
  nhi >>>= 0;
  dlo >>>= 0;
  dhi >>>= 0;
  let qlo = 0;
  let qhi = 0;
  let rlo = 0;
  let rhi = 0;
  if (dhi === 0 && dlo < 2097152) {
    qhi = Math.floor(nhi / dlo);
    const rest = (nhi - qhi * dlo) * TWO32 + nlo; // < 2^53
    qlo = Math.floor(rest / dlo);
    rlo = rest - qlo * dlo;
  } else {
    for (let bit = 63; bit >= 0; bit--) {
      const top = rhi >>> 31;
      const nb = bit >= 32 ? (nhi >>> (bit - 32)) & 1 : (nlo >>> bit) & 1;
      rhi = ((rhi << 1) | (rlo >>> 31)) >>> 0;
      rlo = ((rlo << 1) | nb) >>> 0;
      if (top === 1 || rhi > dhi || (rhi === dhi && rlo >= dlo)) {
        const lo = rlo - dlo;
        rlo = lo >>> 0;
        rhi = (rhi - dhi - (lo < 0 ? 1 : 0)) >>> 0;
        if (bit >= 32) qhi |= 1 << (bit - 32);
        else qlo |= 1 << bit;
      }
    }
  }
  if (q !== null) {
    q[2 * qk] = qlo | 0;
    q[2 * qk + 1] = qhi | 0;
  }
  if (r !== null) {
    r[2 * rk] = rlo | 0;
    r[2 * rk + 1] = rhi | 0;
  }
}

/**
 * Floor division and modulo with Python's sign rules (the quotient rounds
 * toward −∞, the remainder takes the divisor's sign) on int64 or uint64
 * words. Writes 0 for a zero divisor (callers mask those rows). Returns
 * true when the quotient overflows (only int64 min // −1, which wraps).
 * Values within ±2^53 take an exact double path.
 */
export function floorDivModWords(
  q: Int32Array | null,
  r: Int32Array | null,
  k: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  signed: boolean,
): boolean {
  if (blo === 0 && bhi === 0) {
    if (q !== null) q[2 * k] = q[2 * k + 1] = 0;
    if (r !== null) r[2 * k] = r[2 * k + 1] = 0;
    return false;
  }
  if (!signed) {
    if (unsignedIsSafe(ahi) && unsignedIsSafe(bhi)) {
      const x = unsignedToNumber(alo, ahi);
      const y = unsignedToNumber(blo, bhi);
      const m = x % y;
      if (q !== null) writeNumber(q, k, (x - m) / y);
      if (r !== null) writeNumber(r, k, m);
    } else udivmodWords(q, k, r, k, alo, ahi, blo, bhi);
    return false;
  }
  if (signedIsSafe(alo, ahi) && signedIsSafe(blo, bhi)) {
    const x = signedToNumber(alo, ahi);
    const y = signedToNumber(blo, bhi);
    // `%` is exact on doubles; x - m is exact as |x - m| <= |x|.
    const m = x % y;
    const fix = m !== 0 && m < 0 !== y < 0;
    if (q !== null) writeNumber(q, k, (x - m) / y - (fix ? 1 : 0));
    if (r !== null) writeNumber(r, k, fix ? m + y : m);
    return false;
  }
  // General case: divide magnitudes, then fix signs.
  const aneg = ahi < 0;
  const bneg = bhi < 0;
  const t = new Int32Array(4);
  // |a| and |b| as unsigned words (|int64 min| = 2^63 fits)
  const alo2 = aneg ? -alo | 0 : alo;
  const ahi2 = aneg ? (~ahi + (alo === 0 ? 1 : 0)) | 0 : ahi;
  const blo2 = bneg ? -blo | 0 : blo;
  const bhi2 = bneg ? (~bhi + (blo === 0 ? 1 : 0)) | 0 : bhi;
  udivmodWords(t, 0, t, 1, alo2, ahi2, blo2, bhi2); // quotient in t[0..1], remainder in t[2..3]
  let qlo = t[0] as number;
  let qhi = t[1] as number;
  let rlo = t[2] as number;
  let rhi = t[3] as number;
  let overflow = false;
  if (aneg !== bneg) {
    if (rlo !== 0 || rhi !== 0) {
      // q = -(q0 + 1), r = |b| - r0
      const lo = (qlo >>> 0) + 1;
      qlo = lo | 0;
      qhi = (qhi + (lo > 0xffffffff ? 1 : 0)) | 0;
      const d = (blo2 >>> 0) - (rlo >>> 0);
      rlo = d | 0;
      rhi = (bhi2 - rhi - (d < 0 ? 1 : 0)) | 0;
    }
    const nlo = -qlo | 0;
    qhi = (~qhi + (qlo === 0 ? 1 : 0)) | 0;
    qlo = nlo;
  } else overflow = qhi < 0; // 2^63 as a positive quotient
  if (bneg) {
    const nlo = -rlo | 0;
    rhi = (~rhi + (rlo === 0 ? 1 : 0)) | 0;
    rlo = nlo;
  }
  if (q !== null) {
    q[2 * k] = qlo;
    q[2 * k + 1] = qhi;
  }
  if (r !== null) {
    r[2 * k] = rlo;
    r[2 * k + 1] = rhi;
  }
  return overflow;
}

/**
 * `a ** e` modulo 2^64 by repeated squaring, written into words `2k`,
 * `2k + 1` of `o` (e read as an unsigned count; callers reject negative
 * exponents). `t` is a caller-owned scratch of 4 words. Returns true when
 * `check` is set and the exact power does not fit the signed or unsigned
 * 64-bit range.
 */
export function powWords(
  o: Int32Array,
  k: number,
  alo: number,
  ahi: number,
  elo: number,
  ehi: number,
  signed: boolean,
  check: boolean,
  t: Int32Array,
): boolean {
  let rlo = 1;
  let rhi = 0;
  let blo = alo;
  let bhi = ahi;
  let overflow = false;
  while (elo !== 0 || ehi !== 0) {
    if (elo & 1) {
      mulWords(t, 0, rlo, rhi, blo, bhi);
      if (check && !overflow) {
        overflow = signed
          ? mulOverflowsSigned(rlo, rhi, blo, bhi, t[1] as number)
          : mulOverflowsUnsigned(rlo, rhi, blo, bhi, t[1] as number);
      }
      rlo = t[0] as number;
      rhi = t[1] as number;
    }
    elo = (elo >>> 1) | (ehi << 31);
    ehi >>>= 1;
    if (elo !== 0 || ehi !== 0) {
      mulWords(t, 1, blo, bhi, blo, bhi);
      // a square that overflows makes the final power overflow (|base| >= 2)
      if (check && !overflow) {
        overflow = signed
          ? mulOverflowsSigned(blo, bhi, blo, bhi, t[3] as number)
          : mulOverflowsUnsigned(blo, bhi, blo, bhi, t[3] as number);
      }
      blo = t[2] as number;
      bhi = t[3] as number;
    }
  }
  o[2 * k] = rlo;
  o[2 * k + 1] = rhi;
  return overflow;
}

/** Compare two signed (or unsigned) word pairs: negative, zero or positive. */
export function compareWords(alo: number, ahi: number, blo: number, bhi: number, signed: boolean): number {
  if (ahi !== bhi) return signed ? ahi - bhi : (ahi >>> 0) - (bhi >>> 0);
  return (alo >>> 0) - (blo >>> 0);
}

/** The words of a bigint wrapped to 64 bits (one BigInt per call, not per element). */
export function bigintWords(v: bigint): Int32Array {
  return words(BigInt64Array.of(BigInt.asIntN(64, v)));
}

/** The 64-bit value of a word pair as a bigint (for messages and tests). */
export function wordsToBigInt(lo: number, hi: number, signed: boolean): bigint {
  const v = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  return signed ? BigInt.asIntN(64, v) : v;
}

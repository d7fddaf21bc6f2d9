/**
 * Exact int64/uint64 loops for NDArrays, on the 32-bit word view of the
 * storage (`lo = w[2i]`, `hi = w[2i + 1]`): no BigInt per element, results
 * wrap modulo 2^64 as NumPy's do. Positions and strides are in elements.
 * @internal
 */
import { CastError, DTypeError } from "../errors.js";
import { signedIsSafe, signedToNumber, unsignedIsSafe, unsignedToNumber } from "../int64.js";

const TWO32 = 4294967296;

/** Words of the 64-bit product of two (lo, hi) pairs modulo 2^64, into `out[q]`, `out[q + 1]`. */
export function mulWords(
  out: Int32Array,
  q: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  // 32x32 → 64-bit unsigned product of the low words from 16-bit halves (exact in doubles)
  const a0 = alo & 0xffff;
  const a1 = alo >>> 16;
  const b0 = blo & 0xffff;
  const b1 = blo >>> 16;
  const mid = a0 * b1 + a1 * b0;
  const low = a0 * b0 + (mid % 65536) * 65536;
  const hi = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / TWO32);
  out[q] = low >>> 0;
  out[q + 1] = (hi + Math.imul(alo, bhi) + Math.imul(ahi, blo)) | 0;
}

/** Arithmetic ops on words, codes as ARITH_OPS (div is done in float64 by the caller). */
export function arith64(
  op: number,
  signed: boolean,
  out: Int32Array,
  o: number,
  a: Int32Array,
  ia: number,
  sa: number,
  b: Int32Array,
  ib: number,
  sb: number,
  n: number,
): void {
  let p = 2 * ia;
  let q = 2 * ib;
  const dp = 2 * sa;
  const dq = 2 * sb;
  let r = 2 * o;
  switch (op) {
    case 0:
      for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
        const lo = ((a[p] as number) >>> 0) + ((b[q] as number) >>> 0);
        out[r] = lo | 0;
        out[r + 1] = ((a[p + 1] as number) + (b[q + 1] as number) + (lo >= TWO32 ? 1 : 0)) | 0;
      }
      return;
    case 1:
      for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
        const lo = ((a[p] as number) >>> 0) - ((b[q] as number) >>> 0);
        out[r] = lo | 0;
        out[r + 1] = ((a[p + 1] as number) - (b[q + 1] as number) - (lo < 0 ? 1 : 0)) | 0;
      }
      return;
    case 2:
      for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
        mulWords(out, r, a[p] as number, a[p + 1] as number, b[q] as number, b[q + 1] as number);
      }
      return;
    case 4:
    case 5:
      for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
        divModWords(
          op === 4,
          signed,
          out,
          r,
          a[p] as number,
          a[p + 1] as number,
          b[q] as number,
          b[q + 1] as number,
        );
      }
      return;
    case 6:
      for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
        powWords(signed, out, r, a[p] as number, a[p + 1] as number, b[q] as number, b[q + 1] as number);
      }
      return;
  }
  throw new DTypeError(`op ${op} has no 64-bit integer loop`);
}

function toNumber(signed: boolean, lo: number, hi: number): number {
  if (signed ? !signedIsSafe(lo, hi) : !unsignedIsSafe(hi)) {
    const v = (BigInt(signed ? hi : hi >>> 0) << 32n) | BigInt(lo >>> 0);
    throw new CastError(
      `floorDiv/mod of ${signed ? "int64" : "uint64"} value ${v} beyond 2^53 is not supported on NDArrays; use the column kernels`,
    );
  }
  return signed ? signedToNumber(lo, hi) : unsignedToNumber(lo, hi);
}

// Floor division / modulo of safe integers: `x % y` is exact in doubles, and
// `x - r` is an exact multiple of y, so the quotient is exact too.
function divModWords(
  div: boolean,
  signed: boolean,
  out: Int32Array,
  q: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  const x = toNumber(signed, alo, ahi);
  const y = toNumber(signed, blo, bhi);
  let v = 0;
  if (y !== 0) {
    let r = x % y;
    let d = (x - r) / y;
    if (r !== 0 && r < 0 !== y < 0) {
      d -= 1;
      r += y;
    }
    v = div ? d : r;
  }
  out[q] = v >>> 0;
  out[q + 1] = Math.floor(v / TWO32) | 0;
}

function powWords(
  signed: boolean,
  out: Int32Array,
  q: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  if (signed && bhi < 0) {
    throw new DTypeError(
      `integers to negative integer powers are not allowed (exponent ${signedToNumber(blo, bhi)})`,
    );
  }
  let e = unsignedToNumber(blo, bhi);
  const t = new Int32Array(2);
  let rlo = 1;
  let rhi = 0;
  let xlo = alo;
  let xhi = ahi;
  while (e > 0) {
    if (e % 2 === 1) {
      mulWords(t, 0, rlo, rhi, xlo, xhi);
      rlo = t[0] as number;
      rhi = t[1] as number;
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      mulWords(t, 0, xlo, xhi, xlo, xhi);
      xlo = t[0] as number;
      xhi = t[1] as number;
    }
  }
  out[q] = rlo;
  out[q + 1] = rhi;
}

/** Three-way compare of two word pairs: -1, 0 or 1. */
export function cmpWords(signed: boolean, alo: number, ahi: number, blo: number, bhi: number): number {
  if (ahi !== bhi) {
    if (signed) return ahi < bhi ? -1 : 1;
    return ahi >>> 0 < bhi >>> 0 ? -1 : 1;
  }
  if (alo === blo) return 0;
  return alo >>> 0 < blo >>> 0 ? -1 : 1;
}

/** Comparison ops on words, codes as COMPARE_OPS. */
export function compare64(
  op: number,
  signed: boolean,
  out: Uint8Array,
  o: number,
  a: Int32Array,
  ia: number,
  sa: number,
  b: Int32Array,
  ib: number,
  sb: number,
  n: number,
): void {
  let p = 2 * ia;
  let q = 2 * ib;
  const dp = 2 * sa;
  const dq = 2 * sb;
  for (let k = 0; k < n; k++, p += dp, q += dq) {
    const c = cmpWords(signed, a[p] as number, a[p + 1] as number, b[q] as number, b[q + 1] as number);
    let v: boolean;
    switch (op) {
      case 0:
        v = c === 0;
        break;
      case 1:
        v = c !== 0;
        break;
      case 2:
        v = c < 0;
        break;
      case 3:
        v = c <= 0;
        break;
      case 4:
        v = c > 0;
        break;
      default:
        v = c >= 0;
    }
    out[o + k] = v ? 1 : 0;
  }
}

/** neg (1), abs (2), sign (3) on words, codes as UNARY_OPS; 0 copies. */
export function unary64(
  op: number,
  signed: boolean,
  out: Int32Array,
  o: number,
  a: Int32Array,
  ia: number,
  sa: number,
  n: number,
): void {
  let p = 2 * ia;
  const dp = 2 * sa;
  for (let k = 0, r = 2 * o; k < n; k++, p += dp, r += 2) {
    const lo = a[p] as number;
    const hi = a[p + 1] as number;
    const negate = op === 1 || (op === 2 && signed && hi < 0);
    if (op === 3) {
      const pos = signed ? hi > 0 || (hi === 0 && lo !== 0) : (hi | lo) !== 0;
      const neg = signed && hi < 0;
      out[r] = neg ? -1 : pos ? 1 : 0;
      out[r + 1] = neg ? -1 : 0;
    } else if (negate) {
      // two's complement: invert and add one
      const nlo = ((~lo >>> 0) + 1) % TWO32;
      out[r] = nlo | 0;
      out[r + 1] = (~hi + (nlo === 0 ? 1 : 0)) | 0;
    } else {
      out[r] = lo;
      out[r + 1] = hi;
    }
  }
}

/**
 * Exact int64/uint64 loops for NDArrays, on the 32-bit word view of the
 * storage (`lo = w[2i]`, `hi = w[2i + 1]`): no BigInt per element, results
 * wrap modulo 2^64 as NumPy's do. Positions and strides are in elements.
 * @internal
 */
import { DTypeError } from "../errors.js";
import { compareWords, floorDivModWords, mulWords, powWords, signedToNumber } from "../int64.js";

const TWO32 = 4294967296;

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
        mulWords(out, r >>> 1, a[p] as number, a[p + 1] as number, b[q] as number, b[q + 1] as number);
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
      {
        const t = new Int32Array(4); // powWords keeps the running square in t[2..3]
        for (let k = 0; k < n; k++, p += dp, q += dq, r += 2) {
          powLoopWords(
            signed,
            out,
            r,
            a[p] as number,
            a[p + 1] as number,
            b[q] as number,
            b[q + 1] as number,
            t,
          );
        }
      }
      return;
  }
  throw new DTypeError(`op ${op} has no 64-bit integer loop`);
}

// Floor division / modulo on words with Python's sign rules; a zero divisor
// gives 0, as NumPy's integer loops do. `q` is a word position (even).
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
  floorDivModWords(div ? out : null, div ? null : out, q >>> 1, alo, ahi, blo, bhi, signed);
}

// Integer power on words; wraps modulo 2^64 as NumPy. `q` is a word position (even).
function powLoopWords(
  signed: boolean,
  out: Int32Array,
  q: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  t: Int32Array,
): void {
  if (signed && bhi < 0) {
    throw new DTypeError(
      `integers to negative integer powers are not allowed (exponent ${signedToNumber(blo, bhi)})`,
    );
  }
  powWords(out, q >>> 1, alo, ahi, blo, bhi, signed, false, t);
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
    const c = compareWords(a[p] as number, a[p + 1] as number, b[q] as number, b[q + 1] as number, signed);
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

/**
 * Numbers read straight from UTF-8 bytes, without making a string: the
 * common cases (integers of at most 15 digits, decimals whose digits and
 * exponent fit Clinger's fast path) are exact here; anything longer is
 * handed to `Number()` on the decoded text, which rounds correctly.
 * @internal
 */

const ZERO = 48;
const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;

/** Exact powers of ten as doubles (10^22 is the largest exactly representable). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Result codes of `parseIntBytes`. */
export const NOT_INT = 0;
export const INT_OK = 1;
/** Integer syntax with more than 15 digits: read it with `parseInt64Words`. */
export const INT_LONG = 2;

/** Skip ASCII spaces and tabs from `s` forward. */
function skipStart(buf: Uint8Array, s: number, e: number): number {
  while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
  return s;
}

/** Skip ASCII spaces and tabs from `e` backward. */
function skipEnd(buf: Uint8Array, s: number, e: number): number {
  while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  return e;
}

/**
 * Read an integer `[+-]digits` (spaces around allowed; `thousands`, when
 * not -1, may separate digits) from buf[s, e) into out[0]. Returns
 * NOT_INT, INT_OK, or INT_LONG when there are more than 15 digits.
 */
export function parseIntBytes(
  buf: Uint8Array,
  s: number,
  e: number,
  thousands: number,
  out: Float64Array,
): number {
  s = skipStart(buf, s, e);
  e = skipEnd(buf, s, e);
  if (s >= e) return NOT_INT;
  let neg = false;
  const c0 = buf[s] as number;
  if (c0 === MINUS || c0 === PLUS) {
    neg = c0 === MINUS;
    s++;
    if (s >= e) return NOT_INT;
  }
  let v = 0;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const d = (buf[i] as number) - ZERO;
    if (d >= 0 && d <= 9) {
      v = v * 10 + d;
      digits++;
    } else if (buf[i] === thousands && digits > 0 && i + 1 < e) {
      // a separator between digits
    } else return NOT_INT;
  }
  if (digits === 0) return NOT_INT;
  if (digits > 15) return INT_LONG;
  out[0] = neg ? -v : v;
  return INT_OK;
}

const TWO32 = 4294967296;

/**
 * Read an integer of any length exactly into the int64 words w[2k] (low),
 * w[2k + 1] (high). Returns false when it is not an integer or does not fit
 * in int64. The digits are accumulated in base 2^32 limbs (no BigInt).
 */
export function parseInt64Words(
  buf: Uint8Array,
  s: number,
  e: number,
  thousands: number,
  w: Int32Array,
  k: number,
): boolean {
  s = skipStart(buf, s, e);
  e = skipEnd(buf, s, e);
  let neg = false;
  const c0 = buf[s] as number;
  if (c0 === MINUS || c0 === PLUS) {
    neg = c0 === MINUS;
    s++;
  }
  let hi = 0;
  let lo = 0;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const d = (buf[i] as number) - ZERO;
    if (d < 0 || d > 9) {
      if (buf[i] === thousands && digits > 0 && i + 1 < e) continue;
      return false;
    }
    digits++;
    // (hi·2^32 + lo)·10 + d, exact: lo·10 + d < 2^36, hi·10 + carry < 2^36
    const l = lo * 10 + d;
    const carry = Math.floor(l / TWO32);
    lo = l - carry * TWO32;
    hi = hi * 10 + carry;
    if (hi >= 2147483648 && !(neg && hi === 2147483648 && lo === 0)) return false;
  }
  if (digits === 0) return false;
  if (neg && (hi !== 0 || lo !== 0)) {
    // two's complement of the 64-bit magnitude
    lo = TWO32 - lo;
    hi = lo === TWO32 ? -hi : ~hi;
    if (lo === TWO32) lo = 0;
  }
  w[2 * k] = lo | 0;
  w[2 * k + 1] = hi | 0;
  return true;
}

/**
 * Read a decimal number from buf[s, e) into out[0]: `[+-]digits[.digits]
 * [(e|E)[+-]digits]`, inf/infinity (any case, signed) or nan (any case). `decimal` is the
 * decimal mark's byte, `thousands` a digit separator (-1: none). Returns
 * false when the text is not a number. `decode` turns bytes into text for
 * the slow path (more than 15 significant digits or a large exponent).
 */
export function parseFloatBytes(
  buf: Uint8Array,
  s: number,
  e: number,
  decimal: number,
  thousands: number,
  out: Float64Array,
  decode: (s: number, e: number) => string,
): boolean {
  s = skipStart(buf, s, e);
  e = skipEnd(buf, s, e);
  if (s >= e) return false;
  const start = s;
  let neg = false;
  const c0 = buf[s] as number;
  if (c0 === MINUS || c0 === PLUS) {
    neg = c0 === MINUS;
    s++;
    if (s >= e) return false;
  }
  const c1 = buf[s] as number;
  if (c1 === 105 || c1 === 73) return infinity(buf, s, e, neg, out);
  // "nan" in any case (a null marker by default; a float NaN when removed from them)
  if (
    (c1 | 32) === 110 &&
    e - s === 3 &&
    ((buf[s + 1] as number) | 32) === 97 &&
    ((buf[s + 2] as number) | 32) === 110
  ) {
    out[0] = Number.NaN;
    return true;
  }
  let w = 0;
  let digits = 0;
  let sig = 0;
  let scale = 0;
  let i = s;
  for (; i < e; i++) {
    const d = (buf[i] as number) - ZERO;
    if (d >= 0 && d <= 9) {
      digits++;
      if (sig > 0 || d > 0) sig++;
      w = w * 10 + d;
    } else if (buf[i] === thousands && digits > 0 && i + 1 < e) {
      // separator
    } else break;
  }
  if (i < e && buf[i] === decimal) {
    i++;
    for (; i < e; i++) {
      const d = (buf[i] as number) - ZERO;
      if (d < 0 || d > 9) break;
      digits++;
      if (sig > 0 || d > 0) sig++;
      w = w * 10 + d;
      scale--;
    }
  }
  if (digits === 0) return false;
  let exp = 0;
  if (i < e && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (buf[i] === MINUS || buf[i] === PLUS)) {
      eneg = buf[i] === MINUS;
      i++;
    }
    let ed = 0;
    for (; i < e; i++) {
      const d = (buf[i] as number) - ZERO;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      ed++;
    }
    if (ed === 0) return false;
    if (eneg) exp = -exp;
  }
  if (i !== e) return false;
  const p = scale + exp;
  if (sig <= 15 && p >= -22 && p <= 22) {
    // Clinger's fast path: w is exact and so is 10^|p|, so one correctly
    // rounded multiplication or division gives the correctly rounded result
    const v = p >= 0 ? w * (POW10[p] as number) : w / (POW10[-p] as number);
    out[0] = neg ? -v : v;
    return true;
  }
  let text = decode(start, e);
  if (decimal !== 46 || thousands !== -1) text = normalize(text, decimal, thousands);
  out[0] = Number(text);
  return true;
}

/** Text with the thousands separator removed and the decimal mark as ".". */
function normalize(text: string, decimal: number, thousands: number): string {
  let out = "";
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === thousands) continue;
    out += c === decimal ? "." : text[k];
  }
  return out;
}

const INF = "infinity";

/** inf or infinity, any case. */
function infinity(buf: Uint8Array, s: number, e: number, neg: boolean, out: Float64Array): boolean {
  const n = e - s;
  if (n !== 3 && n !== 8) return false;
  for (let k = 0; k < n; k++) if (((buf[s + k] as number) | 32) !== INF.charCodeAt(k)) return false;
  out[0] = neg ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return true;
}

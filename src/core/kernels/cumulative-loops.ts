/**
 * Loops of the cumulative kernels. Inputs arrive as Float64Array runs (see
 * `f64Blocks`) or, for 64-bit integers, as 32-bit word views; outputs are a
 * Float64Array (converted natively to the result's TypedArray afterwards)
 * or 32-bit words of an int64/uint64 result. `st` carries the running state
 * across runs and chunks. Null positions are left 0 (their validity bit is
 * clear); NaN positions give NaN and leave the state alone under skipNaN.
 * @internal
 */
import { CastError } from "../errors.js";

const TWO32 = 4294967296;
const SAFE = 9007199254740991;

/** Running Neumaier sum; st = [s, c]. */
export function cumsumF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  st: Float64Array,
  out: Float64Array,
  at: number,
): void {
  let s = st[0] as number;
  let c = st[1] as number;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (skipNaN && Number.isNaN(x)) {
      out[at + i - start] = x;
      continue;
    }
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
    out[at + i - start] = Number.isFinite(s) ? s + c : s;
  }
  st[0] = s;
  st[1] = c;
}

/** Running product; st = [p]. With `safe`, |p| beyond 2^53 throws (integer results). */
export function cumprodF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  safe: boolean,
  st: Float64Array,
  out: Float64Array,
  at: number,
): void {
  let p = st[0] as number;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (skipNaN && Number.isNaN(x)) {
      out[at + i - start] = x;
      continue;
    }
    p *= x;
    if (safe && Math.abs(p) > SAFE) {
      throw new CastError(
        `cumprod exceeds 2^53 at row ${at + i - start}; exact integer products beyond 2^53 are not supported (cast to float64)`,
      );
    }
    out[at + i - start] = p;
  }
  st[0] = p;
}

/** Running min (max with `max`); st = [m, seen]. Without skipNaN a NaN sticks. */
export function cumextremeF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  max: boolean,
  st: Float64Array,
  out: Float64Array,
  at: number,
): void {
  let m = st[0] as number;
  let seen = st[1] === 1;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (Number.isNaN(x)) {
      out[at + i - start] = x;
      if (!skipNaN) {
        m = x;
        seen = true;
      }
      continue;
    }
    if (!seen) {
      m = x;
      seen = true;
    } else if (max ? x > m : x < m) m = x;
    out[at + i - start] = m;
  }
  st[0] = m;
  st[1] = seen ? 1 : 0;
}

/**
 * Running exact integer sum of doubles holding integers (|x| < 2^32) into
 * 64-bit words. st = [r, hiCarry]: the total is hiCarry·2^32 + r, with r
 * kept below 2^52 so that every step is exact. `signed` bounds the result
 * to int64, else uint64; overflow throws a CastError naming the row.
 */
export function cumsumIntToWords(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  signed: boolean,
  st: Float64Array,
  out: Uint32Array,
  at: number,
): void {
  let r = st[0] as number;
  let carry = st[1] as number;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    r += a[i] as number;
    if (r > 4503599627370496 || r < -4503599627370496) {
      const q = Math.floor(r / TWO32);
      r -= q * TWO32;
      carry += q;
    }
    const hi = Math.floor(r / TWO32) + carry;
    if (signed ? hi < -2147483648 || hi > 2147483647 : hi < 0 || hi > 4294967295)
      overflow(at + i - start, signed);
    const k = at + i - start;
    out[2 * k] = r >>> 0;
    out[2 * k + 1] = hi >>> 0;
  }
  st[0] = r;
  st[1] = carry;
}

/** Running exact sum of 64-bit words into 64-bit words; st = [lo, hi] with lo in [0, 2^32). */
export function cumsumWords(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  signed: boolean,
  st: Float64Array,
  out: Uint32Array,
  at: number,
): void {
  let lo = st[0] as number;
  let hi = st[1] as number;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    lo += u[2 * i] as number;
    hi += signed ? (u[2 * i + 1] as number) | 0 : (u[2 * i + 1] as number);
    if (lo >= TWO32) {
      lo -= TWO32;
      hi += 1;
    }
    if (signed ? hi < -2147483648 || hi > 2147483647 : hi > 4294967295) overflow(at + i - start, signed);
    const k = at + i - start;
    out[2 * k] = lo;
    out[2 * k + 1] = hi >>> 0;
  }
  st[0] = lo;
  st[1] = hi;
}

/** Running min/max of 64-bit words; st = [lo, hi ^ flip, seen]. */
export function cumextremeWords(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  flip: number,
  max: boolean,
  st: Float64Array,
  out: Uint32Array,
  at: number,
): void {
  let ml = st[0] as number;
  let mh = st[1] as number;
  let seen = st[2] === 1;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = (u[2 * i + 1] as number) ^ flip;
    const l = u[2 * i] as number;
    if (!seen || (max ? h > mh || (h === mh && l > ml) : h < mh || (h === mh && l < ml))) {
      mh = h;
      ml = l;
      seen = true;
    }
    const k = at + i - start;
    out[2 * k] = ml;
    out[2 * k + 1] = (mh ^ flip) >>> 0;
  }
  st[0] = ml;
  st[1] = mh;
  st[2] = seen ? 1 : 0;
}

function overflow(row: number, signed: boolean): never {
  throw new CastError(`cumsum overflows ${signed ? "int64" : "uint64"} at row ${row}`);
}

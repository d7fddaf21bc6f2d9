/**
 * The hot loops of the reductions, one function per storage type so that
 * V8 keeps each monomorphic (a loop that sees both a Float64Array and an
 * Int32Array slows down for every caller). Only three storage types get
 * their own loops: Float64Array, Int32Array (int32, date) and the 32-bit
 * word view of 64-bit integers. Every other numeric storage (int8/16,
 * uint8/16/32, float32, bool) is converted block by block into a
 * Float64Array scratch by `TypedArray.prototype.set`, which converts in
 * native code, and runs the Float64Array loops (`f64Blocks`).
 *
 * Loops take `[start, end)` element positions of a values array, the
 * chunk's validity bitmap (or null) and its bit offset, so element `i`'s
 * validity is bit `voff + i`.
 * @internal
 */
import type { Chunk } from "../chunk.js";

const TWO32 = 4294967296;
/** Elements per exact integer block: 2^20 values below 2^32 sum below 2^52. */
export const INT_BLOCK = 1 << 20;
/** Elements per scratch conversion block (fits in L2 cache as float64). */
const SCRATCH = 1 << 14;

// ---------------------------------------------------------------------------
// Compensated float sums (Neumaier's variant of Kahan summation, as CPython's
// math.fsum predecessor and Julia's sum_kbn): s carries the running sum, c
// the running rounding error, the result is s + c.

/**
 * Float sum state: [Neumaier sum s, compensation c, count of summed values].
 * A Float64Array rather than an object: storing doubles into fresh object
 * literals changes their field representation and made V8 deopt sumF64's
 * optimized code on every call.
 */
export type FloatSum = Float64Array;

export const newFloatSum = (): FloatSum => new Float64Array(3);

/** Add `a[start, end)` to `st` (no nulls). Returns false when a NaN or ±Inf made `s` NaN. */
export function sumF64(a: Float64Array, start: number, end: number, st: FloatSum): boolean {
  let s = st[0] as number;
  let c = st[1] as number;
  for (let i = start; i < end; i++) {
    const x = a[i] as number;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  if (Number.isNaN(s)) return false;
  st[0] = s;
  st[1] = c;
  st[2] = (st[2] as number) + (end - start);
  return true;
}

/** Add the valid, non-NaN (when `skipNaN`) values of `a[start, end)` to `st`. */
export function sumF64Skip(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  st: FloatSum,
): void {
  let s = st[0] as number;
  let c = st[1] as number;
  let n = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (skipNaN && Number.isNaN(x)) continue;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
    n++;
  }
  st[0] = s;
  st[1] = c;
  st[2] = (st[2] as number) + n;
}

/** The value of a float sum state: s + c, or s itself once it is ±Inf/NaN. */
export function floatSumValue(st: FloatSum): number {
  const s = st[0] as number;
  return Number.isFinite(s) ? s + (st[1] as number) : s;
}

// ---------------------------------------------------------------------------
// Exact integer sums: blocks of at most INT_BLOCK values are summed in one
// double (exact below 2^53), then folded into hi (units of 2^32) and lo in
// [0, 2^32). hi moves into a BigInt only when it nears 2^50 (once per block
// at most, never per element).

/** Exact integer sum state. The value is (big + hi) * 2^32 + lo. */
export interface IntSum {
  hi: number;
  lo: number;
  big: bigint;
  n: number;
}

export const newIntSum = (): IntSum => ({ hi: 0, lo: 0, big: 0n, n: 0 });

/** Fold an exact block sum `hiPart * 2^32 + loPart` into `st`. */
export function foldInt(st: IntSum, hiPart: number, loPart: number): void {
  let lo = st.lo + loPart;
  const q = Math.floor(lo / TWO32);
  lo -= q * TWO32;
  let hi = st.hi + hiPart + q;
  if (Math.abs(hi) > 1125899906842624) {
    st.big += BigInt(hi);
    hi = 0;
  }
  st.hi = hi;
  st.lo = lo;
}

/** The exact value of an integer sum: a number when safe, else a bigint. */
export function intSumValue(st: IntSum): number | bigint {
  if (st.big === 0n && Math.abs(st.hi) < 2097151) return st.hi * TWO32 + st.lo;
  return (st.big + BigInt(st.hi)) * 4294967296n + BigInt(st.lo);
}

/** The exact value of an integer sum as a bigint. */
export function intSumBigInt(st: IntSum): bigint {
  return (st.big + BigInt(st.hi)) * 4294967296n + BigInt(st.lo);
}

/** Add the valid values of an Int32Array range to an exact sum. */
export function sumI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  st: IntSum,
): void {
  for (let b = start; b < end; b += INT_BLOCK) {
    const e = Math.min(end, b + INT_BLOCK);
    let s = 0;
    if (vb === null) {
      for (let i = b; i < e; i++) s += a[i] as number;
      st.n += e - b;
    } else {
      let n = 0;
      for (let i = b; i < e; i++) {
        const j = voff + i;
        if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
        s += a[i] as number;
        n++;
      }
      st.n += n;
    }
    foldInt(st, 0, s);
  }
}

/** Add the valid values of a Float64Array holding integers below 2^32 in magnitude. */
export function sumIntF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  st: IntSum,
): void {
  for (let b = start; b < end; b += INT_BLOCK) {
    const e = Math.min(end, b + INT_BLOCK);
    let s = 0;
    let n = 0;
    if (vb === null) {
      for (let i = b; i < e; i++) s += a[i] as number;
      n = e - b;
    } else {
      for (let i = b; i < e; i++) {
        const j = voff + i;
        if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
        s += a[i] as number;
        n++;
      }
    }
    st.n += n;
    foldInt(st, 0, s);
  }
}

/**
 * Add the valid values of a 64-bit integer range (word view `u`, element
 * `i` = words `2i`, `2i + 1`) to an exact sum. `signed` reads the high
 * word as int32 (int64) or uint32 (uint64).
 */
export function sumW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  signed: boolean,
  st: IntSum,
): void {
  const flip = signed ? 0 : 1;
  for (let b = start; b < end; b += INT_BLOCK) {
    const e = Math.min(end, b + INT_BLOCK);
    let sl = 0;
    let sh = 0;
    let n = 0;
    if (vb === null && flip === 0) {
      for (let i = b; i < e; i++) {
        sl += u[2 * i] as number;
        sh += (u[2 * i + 1] as number) | 0;
      }
      st.n += e - b;
      foldInt(st, sh, sl);
      continue;
    }
    if (vb === null) {
      for (let i = b; i < e; i++) {
        sl += u[2 * i] as number;
        sh += u[2 * i + 1] as number;
      }
      st.n += e - b;
      foldInt(st, sh, sl);
      continue;
    }
    for (let i = b; i < e; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      sl += u[2 * i] as number;
      // uint64: hi word is unsigned; int64: reinterpret as int32
      sh += flip ? (u[2 * i + 1] as number) : (u[2 * i + 1] as number) | 0;
      n++;
    }
    st.n += n;
    foldInt(st, sh, sl);
  }
}

// ---------------------------------------------------------------------------
// argmin / argmax: position of the first smallest (largest) valid value, or
// -1. NaN never compares smaller, so float loops skip NaN for free once the
// first non-NaN value is found.

export function argminF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (!Number.isNaN(x)) {
      k = i;
      m = x;
      start = i + 1;
      break;
    }
  }
  if (k < 0) return -1;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x < m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x < m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argmaxF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (!Number.isNaN(x)) {
      k = i;
      m = x;
      start = i + 1;
      break;
    }
  }
  if (k < 0) return -1;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x > m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x > m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argminI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 2147483648;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x < m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x < m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argmaxI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = -2147483649;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x > m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x > m) {
      m = x;
      k = i;
    }
  }
  return k;
}

/**
 * argmin over 64-bit words. `flip` is 0 for int64; for uint64 it is
 * 0x80000000, which maps unsigned high words onto the signed order.
 */
export function argminW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  flip: number,
): number {
  let k = -1;
  let mh = 2147483648;
  let ml = 0;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const h = (u[2 * i + 1] as number) ^ flip;
      if (h < mh || (h === mh && (u[2 * i] as number) < ml)) {
        mh = h;
        ml = u[2 * i] as number;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = (u[2 * i + 1] as number) ^ flip;
    if (h < mh || (h === mh && (u[2 * i] as number) < ml)) {
      mh = h;
      ml = u[2 * i] as number;
      k = i;
    }
  }
  return k;
}

export function argmaxW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  flip: number,
): number {
  let k = -1;
  let mh = -2147483649;
  let ml = 0;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const h = (u[2 * i + 1] as number) ^ flip;
      if (h > mh || (h === mh && (u[2 * i] as number) > ml)) {
        mh = h;
        ml = u[2 * i] as number;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = (u[2 * i + 1] as number) ^ flip;
    if (h > mh || (h === mh && (u[2 * i] as number) > ml)) {
      mh = h;
      ml = u[2 * i] as number;
      k = i;
    }
  }
  return k;
}

// ---------------------------------------------------------------------------
// Central moments, second pass: with the mean m from the first pass,
// accumulate d = x - m. Σd is kept for the corrected two-pass variance
// (Chan, Golub & LeVeque 1983: M2 = Σd² - (Σd)²/n), which cancels most of
// the error of m itself.

/** Σd and Σd² over valid (and non-NaN when `skipNaN`) values. */
export function devF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  m: number,
  st: Float64Array,
): void {
  let s1 = 0;
  let s2 = 0;
  if (vb === null && !skipNaN) {
    for (let i = start; i < end; i++) {
      const d = (a[i] as number) - m;
      s1 += d;
      s2 += d * d;
    }
  } else {
    for (let i = start; i < end; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const x = a[i] as number;
      if (skipNaN && Number.isNaN(x)) continue;
      const d = x - m;
      s1 += d;
      s2 += d * d;
    }
  }
  st[0] = (st[0] as number) + s1;
  st[1] = (st[1] as number) + s2;
}

/** Σd and Σd² over the valid values of an Int32Array. */
export function devI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  m: number,
  st: Float64Array,
): void {
  let s1 = 0;
  let s2 = 0;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const d = (a[i] as number) - m;
      s1 += d;
      s2 += d * d;
    }
  } else {
    for (let i = start; i < end; i++) {
      const j = voff + i;
      if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const d = (a[i] as number) - m;
      s1 += d;
      s2 += d * d;
    }
  }
  st[0] = (st[0] as number) + s1;
  st[1] = (st[1] as number) + s2;
}

/** Σd², Σd³, Σd⁴ over valid (and non-NaN when `skipNaN`) values, for skew and kurt. */
export function dev4F64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  skipNaN: boolean,
  m: number,
  st: Float64Array,
): void {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (skipNaN && Number.isNaN(x)) continue;
    const d = x - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  st[0] = (st[0] as number) + s2;
  st[1] = (st[1] as number) + s3;
  st[2] = (st[2] as number) + s4;
}

/** Count the NaN among the valid values of `a[start, end)`. */
export function countNaN(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const x = a[i] as number;
    if (Number.isNaN(x)) {
      const j = voff + i;
      if (vb === null || (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 1) n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// Runs. V8 optimizes a long loop on-stack (OSR) while its first call is
// still inside it; the code after the loop has then no type feedback (V8
// allocates feedback lazily, after several calls), and the cached OSR code
// deopts there on every later call: sumF64 over one 1e7 chunk ran 3x slower
// than the same loop inlined. Driving each loop over runs of RUN elements
// instead makes it an ordinary hot function, optimized with full feedback,
// for the cost of one call per run.

/** Elements per loop call. */
export const RUN = 1 << 16;

/** Call `run(start, end)` over `[0, n)` in runs of at most RUN elements. */
export function inRuns(n: number, run: (start: number, end: number) => void): void {
  for (let s = 0; s < n; s += RUN) run(s, Math.min(n, s + RUN));
}

// ---------------------------------------------------------------------------
// Block reader: any numeric chunk as Float64Array runs.

/** Receives one run of values as doubles; validity bit of `a[i]` is `voff + i`. */
export type F64Visitor = (
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
) => void;

/** The 32-bit word view of a 64-bit array, unsigned (no copy). */
export function uwords(a: BigInt64Array | BigUint64Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
}

/** Convert 64-bit words `[start, end)` to doubles (rounded beyond 2^53). */
function wordsToF64(u: Uint32Array, start: number, end: number, signed: boolean, out: Float64Array): void {
  if (signed) {
    for (let i = start; i < end; i++)
      out[i - start] = ((u[2 * i + 1] as number) | 0) * TWO32 + (u[2 * i] as number);
  } else {
    for (let i = start; i < end; i++)
      out[i - start] = (u[2 * i + 1] as number) * TWO32 + (u[2 * i] as number);
  }
}

/** Unpack bits `[offset + start, offset + end)` to 0/1 doubles. */
function bitsToF64(bits: Uint8Array, offset: number, start: number, end: number, out: Float64Array): void {
  for (let i = start; i < end; i++) {
    const j = offset + i;
    out[i - start] = ((bits[j >>> 3] as number) >>> (j & 7)) & 1;
  }
}

/**
 * Visit every chunk of a numeric, temporal or bool column as Float64Array
 * runs: float64 chunks are visited in place; other storage is converted
 * into a scratch block (native `set` for number arrays, a word loop for
 * 64-bit, bit unpacking for bool). 64-bit values beyond 2^53 are rounded.
 */
export function f64Blocks(chunks: readonly Chunk[], visit: F64Visitor): void {
  let scratch: Float64Array | null = null;
  for (const c of chunks) {
    const v = c.values;
    if (v instanceof Float64Array) {
      for (let s = 0; s < c.length; s += RUN) visit(v, s, Math.min(c.length, s + RUN), c.validity, c.offset);
      continue;
    }
    if (scratch === null) scratch = new Float64Array(SCRATCH);
    const kind = c.dtype.kind;
    const big = v instanceof BigInt64Array || v instanceof BigUint64Array;
    const u = big ? uwords(v as BigInt64Array) : null;
    for (let b = 0; b < c.length; b += SCRATCH) {
      const e = Math.min(c.length, b + SCRATCH);
      if (kind === "bool") bitsToF64(v as Uint8Array, c.offset, b, e, scratch);
      else if (u !== null) wordsToF64(u, b, e, v instanceof BigInt64Array, scratch);
      else scratch.set((v as Int32Array).subarray(b, e));
      visit(scratch, 0, e - b, c.validity, c.offset + b);
    }
  }
}

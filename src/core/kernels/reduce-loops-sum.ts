/**
 * Sum loops of the reductions (see reduce-loops.ts for the storage-type
 * rules): compensated float sums and exact integer sums.
 * @internal
 */

const TWO32 = 4294967296;
/** Elements per exact integer block: 2^20 values below 2^32 sum below 2^52. */
export const INT_BLOCK = 1 << 20;

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

/**
 * Elements per inner block of the fast loops. The state is written back
 * after each block, inside the outer loop: that code then runs (and gets
 * V8 type feedback) long before the loop is optimized on-stack. Code placed
 * after a long loop gets none, and the cached on-stack code bails out there
 * on every call ("insufficient type feedback", a soft deopt that does not
 * discard the code): that made sum() 3x slower than a plain loop.
 */
export const FLUSH = 512;

/**
 * Add `a[start, end)` to `st` (no nulls). Returns false when a NaN (or
 * +Inf with −Inf) made the sum NaN; `st` is then partly updated and the
 * caller restores it before summing again with `sumF64Skip`.
 */
export function sumF64(a: Float64Array, start: number, end: number, st: FloatSum): boolean {
  let s = st[0] as number;
  let c = st[1] as number;
  for (let b = start; b < end; b += FLUSH) {
    const e = Math.min(end, b + FLUSH);
    for (let i = b; i < e; i++) {
      const x = a[i] as number;
      const t = s + x;
      if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
      else c += x - t + s;
      s = t;
    }
    st[0] = s;
    st[1] = c;
    st[2] = (st[2] as number) + (e - b);
    if (Number.isNaN(s)) return false;
  }
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
 * Add a 64-bit integer range without nulls (word view `u`, element `i` =
 * words `2i`, `2i + 1`; at most INT_BLOCK elements) to an exact sum; the
 * high word as int32 (int64). A function of its own, apart from the
 * general loop: sharing one function with the other cases cost 1.8x here.
 * The word index steps by 2 rather than computing 2·i, which spares V8's
 * overflow check of the multiplication.
 */
export function sumW64Dense(u: Uint32Array, start: number, end: number, st: IntSum): void {
  let sl = 0;
  let sh = 0;
  const e2 = 2 * end;
  for (let k = 2 * start; k < e2; k += 2) {
    sl += u[k] as number;
    sh += (u[k + 1] as number) | 0;
  }
  st.n += end - start;
  foldInt(st, sh, sl);
}

/** `sumW64Dense` for uint64: the high word unsigned. */
export function sumU64Dense(u: Uint32Array, start: number, end: number, st: IntSum): void {
  let sl = 0;
  let sh = 0;
  const e2 = 2 * end;
  for (let k = 2 * start; k < e2; k += 2) {
    sl += u[k] as number;
    sh += u[k + 1] as number;
  }
  st.n += end - start;
  foldInt(st, sh, sl);
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

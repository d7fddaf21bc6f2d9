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
 *
 * Sums live in reduce-loops-sum.ts, argmin/argmax in reduce-loops-arg.ts;
 * this file has the moment loops and the run/block drivers.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import { FLUSH } from "./reduce-loops-sum.js";

const TWO32 = 4294967296;
/** Elements per scratch conversion block (fits in L2 cache as float64). */
const SCRATCH = 1 << 14;

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
    // blocks with the state written inside the outer loop: see FLUSH
    for (let b = start; b < end; b += FLUSH) {
      const e = Math.min(end, b + FLUSH);
      for (let i = b; i < e; i++) {
        const d = (a[i] as number) - m;
        s1 += d;
        s2 += d * d;
      }
      st[0] = (st[0] as number) + s1;
      st[1] = (st[1] as number) + s2;
      s1 = 0;
      s2 = 0;
    }
    return;
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
    for (let b = start; b < end; b += FLUSH) {
      const e = Math.min(end, b + FLUSH);
      for (let i = b; i < e; i++) {
        const d = (a[i] as number) - m;
        s1 += d;
        s2 += d * d;
      }
      st[0] = (st[0] as number) + s1;
      st[1] = (st[1] as number) + s2;
      s1 = 0;
      s2 = 0;
    }
    return;
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

/**
 * Σd and Σd² over the valid values of 64-bit words `u` (element `i` =
 * words `2i`, `2i + 1`), each value read as a double (rounded beyond
 * 2^53) in the loop itself rather than through a scratch block.
 */
export function devW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  signed: boolean,
  m: number,
  st: Float64Array,
): void {
  let s1 = 0;
  let s2 = 0;
  if (vb === null && signed) {
    for (let b = start; b < end; b += FLUSH) {
      const e = Math.min(end, b + FLUSH);
      for (let i = b; i < e; i++) {
        const d = ((u[2 * i + 1] as number) | 0) * TWO32 + (u[2 * i] as number) - m;
        s1 += d;
        s2 += d * d;
      }
      st[0] = (st[0] as number) + s1;
      st[1] = (st[1] as number) + s2;
      s1 = 0;
      s2 = 0;
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = signed ? (u[2 * i + 1] as number) | 0 : (u[2 * i + 1] as number);
    const d = h * TWO32 + (u[2 * i] as number) - m;
    s1 += d;
    s2 += d * d;
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

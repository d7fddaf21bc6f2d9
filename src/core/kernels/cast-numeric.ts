/**
 * Casts between bool and the numeric dtypes, with checked overflow and
 * precision. 64-bit integers are read and written as 32-bit words (no
 * BigInt per element).
 * @internal
 */
import { getBit, unpackBits } from "../bitmap.js";
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import {
  arrayType,
  bool,
  type DType,
  dtypeToString,
  isBigIntStorage,
  isFloat,
  isInteger,
  type NumberArray,
} from "../dtype.js";
import { CastError } from "../errors.js";
import { words } from "../int64.js";
import { FRACTION, INEXACT_F32, OUTSIDE, TO_WORDS } from "./cast-loops.js";
import { SCALAR_LOOPS } from "./compare-loops.js";

const TWO32 = 4294967296;

/** Normalized cast options (see `CastOptions` in cast.ts). @internal */
export interface Allow {
  intOverflow: boolean;
  floatTruncate: boolean;
  timeTruncate: boolean;
}

// Largest doubles below 2^63 and 2^64: the inclusive bounds of float → 64-bit casts.
const MAX_I64_DOUBLE = 2 ** 63 - 1024;
const MAX_U64_DOUBLE = 2 ** 64 - 2048;

const RANGE: Record<string, readonly [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  int64: [-(2 ** 63), MAX_I64_DOUBLE],
  uint64: [0, MAX_U64_DOUBLE],
};

/** The chunk's validity realigned to offset 0 (shared when already at 0). */
export function validityAt0(c: Chunk): Uint8Array | null {
  if (c.validity === null) return null;
  if (c.offset === 0) return c.validity;
  const n = c.length;
  const out = new Uint8Array(((n + 63) >>> 6) << 3);
  for (let i = 0; i < n; i++) if (getBit(c.validity, c.offset + i)) out[i >>> 3] |= 1 << (i & 7);
  return out;
}

/** A chunk of `to` with fresh `values` and the input's nulls. */
export function withValues(c: Chunk, to: DType, values: unknown): Chunk {
  return makeChunk({
    dtype: to,
    length: c.length,
    values: values as StorageOf<DType>,
    validity: validityAt0(c),
    nullCount: c.nullCount,
  });
}

/** Describe a failing row: `cannot cast 300 at row 4 from int32 to int8: <why>`. */
export function castError(value: string, row: number, from: DType, to: DType, why: string): CastError {
  return new CastError(
    `cannot cast ${value} at row ${row} from ${dtypeToString(from)} to ${dtypeToString(to)}: ${why}`,
  );
}

/** The first valid row that `find` reports, or -1. */
function firstValid(c: Chunk, find: (from: number) => number): number {
  let i = find(0);
  while (i >= 0 && c.validity !== null && !getBit(c.validity, c.offset + i)) i = find(i + 1);
  return i;
}

/** A 64-bit word pair as text (error messages only; one BigInt per message). */
export function wordsText(w: Int32Array, i: number, signed: boolean): string {
  const hi = BigInt(signed ? (w[2 * i + 1] as number) : (w[2 * i + 1] as number) >>> 0);
  return String((hi << 32n) + BigInt((w[2 * i] as number) >>> 0));
}

/** 64-bit words as doubles (rounded beyond 2^53). */
export function wordsToFloat(w: Int32Array, signed: boolean, n: number): Float64Array {
  const out = new Float64Array(n);
  if (signed)
    for (let i = 0; i < n; i++) out[i] = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
  else
    for (let i = 0; i < n; i++)
      out[i] = ((w[2 * i + 1] as number) >>> 0) * TWO32 + ((w[2 * i] as number) >>> 0);
  return out;
}

/** First row at or after `from` whose double `f[i]` differs from the exact words. */
function inexact64(w: Int32Array, signed: boolean, f: Float64Array, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const h = w[2 * i + 1] as number;
    const top = signed ? h : h >>> 0;
    if (top >= -2097152 && top < 2097152) continue;
    const d = f[i] as number;
    const dt = Math.floor(d / TWO32);
    if (dt !== top || d - dt * TWO32 !== (w[2 * i] as number) >>> 0) return i;
  }
  return -1;
}

/** Cast a chunk between bool and numeric dtypes (caller checked the kinds). */
export function castNumeric(c: Chunk, to: DType, allow: Allow, row0: number): Chunk {
  const from = c.dtype;
  const n = c.length;
  if (from.kind === "bool") return fromBool(c, to);
  if (to.kind === "bool") return toBool(c);
  const fromBig = isBigIntStorage(from);
  const toBig = isBigIntStorage(to);
  const err = (i: number, why: string, v: string) => castError(v, row0 + i, from, to, why);
  if (fromBig) {
    const w = words(c.values as BigInt64Array);
    const signed = from.kind === "int64";
    if (toBig) {
      // int64 ↔ uint64: the same words; only values with the top bit set differ.
      if (!allow.intOverflow) {
        const i = firstValid(c, (s) => {
          for (let k = s; k < n; k++) if ((w[2 * k + 1] as number) < 0) return k;
          return -1;
        });
        if (i >= 0) throw err(i, "out of range", wordsText(w, i, signed));
      }
      const V = to.kind === "int64" ? BigInt64Array : BigUint64Array;
      const src = c.values as BigInt64Array;
      return withValues(c, to, new V(src.buffer as ArrayBuffer, src.byteOffset, n));
    }
    const f = wordsToFloat(w, signed, n);
    if (isFloat(to)) {
      if (!allow.floatTruncate) {
        let i = firstValid(c, (s) => inexact64(w, signed, f, s, n));
        if (i < 0 && to.kind === "float32") i = firstValid(c, (s) => INEXACT_F32.get(Float64Array)!(f, s, n));
        if (i >= 0) throw err(i, `${dtypeToString(to)} cannot hold it exactly`, wordsText(w, i, signed));
      }
      return withValues(c, to, to.kind === "float64" ? f : new Float32Array(f));
    }
    const [lo, hi] = RANGE[to.kind] as [number, number];
    if (!allow.intOverflow) {
      const outside = OUTSIDE.get(Float64Array)!;
      const i = firstValid(c, (s) => outside(f, lo, hi, s, n));
      if (i >= 0) throw err(i, "out of range", wordsText(w, i, signed));
    }
    // Keep the low word: narrowing a two's complement value wraps exactly.
    const low = new Int32Array(n);
    for (let i = 0; i < n; i++) low[i] = w[2 * i] as number;
    const out = new (arrayType(to) as Int32ArrayConstructor)(n);
    out.set(low);
    return withValues(c, to, out);
  }
  const src = (c.values as NumberArray).subarray(0, n);
  const Src = src.constructor;
  const show = (i: number) => String(src[i]);
  if (isInteger(to)) {
    const [lo, hi] = RANGE[to.kind] as [number, number];
    if (isFloat(from) && !allow.floatTruncate) {
      const fraction = FRACTION.get(Src)!;
      const i = firstValid(c, (s) => fraction(src, s, n));
      if (i >= 0) throw err(i, "the fraction would be lost (allowFloatTruncate drops it)", show(i));
    }
    if (!allow.intOverflow) {
      const outside = OUTSIDE.get(Src)!;
      // With truncation, values in (lo - 1, lo) and (hi, hi + 1) still fit: re-check them exactly.
      const i = firstValid(c, (s) => {
        let k = outside(src, lo, hi, s, n);
        while (k >= 0) {
          const t = Math.trunc(src[k] as number);
          if (!(t >= lo && t <= hi)) return k;
          k = outside(src, lo, hi, k + 1, n);
        }
        return -1;
      });
      if (i >= 0) {
        const v = src[i] as number;
        throw err(i, !Number.isFinite(v) ? "not a finite number" : "out of range", show(i));
      }
    }
    if (toBig) {
      const out = new (to.kind === "int64" ? BigInt64Array : BigUint64Array)(n);
      TO_WORDS.get(Src)!(src, words(out), n);
      return withValues(c, to, out);
    }
  } else if (to.kind === "float32" && !allow.floatTruncate && (Src === Int32Array || Src === Uint32Array)) {
    const inexact = INEXACT_F32.get(Src)!;
    const i = firstValid(c, (s) => inexact(src, s, n));
    if (i >= 0) throw err(i, "float32 cannot hold it exactly", show(i));
  }
  // TypedArray.set converts natively: truncation toward zero, wrapping modulo 2^bits, NaN → 0.
  const out = new (arrayType(to) as Float64ArrayConstructor)(n);
  out.set(src);
  return withValues(c, to, out);
}

function fromBool(c: Chunk, to: DType): Chunk {
  const n = c.length;
  const bits = unpackBits(c.values as Uint8Array, c.offset, n);
  if (isBigIntStorage(to)) {
    const out = new (to.kind === "uint64" ? BigUint64Array : BigInt64Array)(n);
    const w = words(out);
    for (let i = 0; i < n; i++) w[2 * i] = bits[i] as number;
    return withValues(c, to, out);
  }
  const out = new (arrayType(to) as Uint8ArrayConstructor)(n);
  out.set(bits);
  return withValues(c, to, out);
}

/** Non-zero → true; NaN → true (as NumPy's `astype(bool)`). */
function toBool(c: Chunk): Chunk {
  const n = c.length;
  const out = new Uint8Array(((n + 63) >>> 6) << 3);
  if (isBigIntStorage(c.dtype)) {
    const w = words(c.values as BigInt64Array);
    for (let i = 0; i < n; i++)
      if ((w[2 * i] as number) !== 0 || (w[2 * i + 1] as number) !== 0) out[i >>> 3] |= 1 << (i & 7);
  } else {
    const src = c.values as NumberArray;
    SCALAR_LOOPS.get(src.constructor)![4]!(src, 0, out, n); // eq 0, then inverted
    const nb = (n + 7) >>> 3;
    for (let j = 0; j < nb; j++) out[j] = ~(out[j] as number);
    if (n & 7) out[nb - 1] = (out[nb - 1] as number) & ((1 << (n & 7)) - 1);
  }
  return withValues(c, bool, out);
}

/**
 * Numbers → timestamps for `toDatetime` with `unit` and `origin`, as pandas:
 * integers scale exactly (int64 beyond 2^53 included, on 32-bit words, no
 * BigInt per element); floats keep their fraction to the nanosecond the way
 * pandas' `cast_from_unit` does (integer part scaled exactly, fraction
 * rounded to the unit's decimal digits, then truncated to ticks); NaN and
 * nulls become null; results outside int64 call `onBad` with
 * `OUT_OF_BOUNDS`.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import { words } from "../int64.js";
import { floorDivWords, mulAddWords } from "./cast-time-math.js";
import { type OnBad, OUT_OF_BOUNDS, type Sink } from "./dt-parse.js";

const TWO32 = 4294967296;

/** How input numbers become ticks of the result unit. */
export interface NumberScale {
  /** Multiply by these factors in turn (each < 2^31): ticks per input unit, factored. */
  readonly factors: readonly number[];
  /** Then floor-divide by this (1 when the result unit is not coarser than the input unit). */
  readonly div: number;
  /** Decimal digits pandas rounds a float's fraction to (log10 of ticks per unit). */
  readonly digits: number;
  /** The origin in result ticks, as words: hi (signed), lo (unsigned). */
  readonly originHi: number;
  readonly originLo: number;
}

/** Scale words `2i`, `2i + 1` of `w` by the factors, divide, add the origin; false on overflow. */
function scaleWords(w: Int32Array, i: number, s: NumberScale, fracTicks: number): boolean {
  const f = s.factors;
  for (let k = 0; k < f.length; k++) {
    if (mulAddWords(w, i, w[2 * i + 1] as number, (w[2 * i] as number) >>> 0, f[k] as number, 0))
      return false;
  }
  if (s.div !== 1) floorDivWords(w, i, w[2 * i + 1] as number, (w[2 * i] as number) >>> 0, s.div);
  return addWords(w, i, s.originHi, s.originLo + fracTicks);
}

/** Add `hi * 2^32 + lo` (lo any safe integer) to words `2i`, `2i + 1`; false on int64 overflow. */
function addWords(w: Int32Array, i: number, hi: number, lo: number): boolean {
  if (hi === 0 && lo === 0) return true;
  const sum = ((w[2 * i] as number) >>> 0) + lo;
  const carry = Math.floor(sum / TWO32);
  const h = (w[2 * i + 1] as number) + hi + carry;
  w[2 * i] = sum - carry * TWO32;
  w[2 * i + 1] = h;
  return h >= -2147483648 && h <= 2147483647;
}

/** Store `v` (a safe integer) in words `2i`, `2i + 1`. */
function setWords(w: Int32Array, i: number, v: number): void {
  const hi = Math.floor(v / TWO32);
  w[2 * i] = v - hi * TWO32;
  w[2 * i + 1] = hi;
}

function isNull(c: Chunk, i: number): boolean {
  const v = c.validity;
  if (v === null) return false;
  const j = c.offset + i;
  return ((v[j >>> 3] as number) & (1 << (j & 7))) === 0;
}

/** Float64 values (other number storages are widened first) into rows `at…` of the sink. */
export function floatsToTicks(
  c: Chunk,
  v: Float64Array,
  s: NumberScale,
  sink: Sink,
  at: number,
  row0: number,
  onBad: OnBad,
): void {
  const w = sink.w;
  const p = s.digits === 0 ? 0 : 10 ** s.digits;
  let ticksPerUnit = 1;
  for (const f of s.factors) ticksPerUnit *= f;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (Number.isNaN(x) || isNull(c, i)) {
      sink.setNull(at + i);
      continue;
    }
    // pandas' cast_from_unit: base = int(x); frac = round(x - base, p); base * m + int(frac * m)
    const base = Math.trunc(x);
    let ok = Math.abs(base) <= Number.MAX_SAFE_INTEGER;
    if (ok) {
      setWords(w, at + i, base);
      const frac = p === 0 ? 0 : Math.round((x - base) * p) / p;
      const fracTicks = Math.trunc(frac * ticksPerUnit);
      ok = s.div === 1 ? scaleWords(w, at + i, s, fracTicks) : scaleFloat(w, at + i, s, x);
    }
    if (!ok) {
      sink.setNull(at + i);
      onBad(row0 + i, String(x), OUT_OF_BOUNDS);
    }
  }
}

/** A float whose unit is finer than the result unit: floor(x · factors / div), in doubles (exact enough below 2^53). */
function scaleFloat(w: Int32Array, i: number, s: NumberScale, x: number): boolean {
  let t = x;
  for (const f of s.factors) t *= f;
  t = Math.floor(t / s.div);
  if (!(Math.abs(t) <= Number.MAX_SAFE_INTEGER)) return false;
  setWords(w, i, t);
  return addWords(w, i, s.originHi, s.originLo);
}

/** int64 / uint64 values (read as words, exact) into rows `at…` of the sink. */
export function int64sToTicks(
  c: Chunk,
  s: NumberScale,
  sink: Sink,
  at: number,
  row0: number,
  onBad: OnBad,
): void {
  const src = c.values as BigInt64Array | BigUint64Array;
  const unsigned = src instanceof BigUint64Array;
  const iw = words(src);
  const w = sink.w;
  for (let i = 0; i < c.length; i++) {
    if (isNull(c, i)) {
      sink.setNull(at + i);
      continue;
    }
    const hi = iw[2 * i + 1] as number;
    w[2 * (at + i)] = iw[2 * i] as number;
    w[2 * (at + i) + 1] = hi;
    if ((unsigned && hi < 0) || !scaleWords(w, at + i, s, 0)) {
      sink.setNull(at + i);
      onBad(row0 + i, String(src[i]), OUT_OF_BOUNDS);
    }
  }
}

/**
 * Implementations of sum, prod and mean (the public wrappers are in
 * reduce.ts). They trust their input: dtype and options are checked there.
 *
 * Result types, as pandas but exact:
 * - float32/float64: a number, summed in float64 with Neumaier compensation
 *   (see `sumF64`). NumPy sums pairwise; both are within a few ulps of the
 *   exact sum for ordinary data, but compensation is exact where pairwise
 *   summation cancels: [1e100, 1, -1e100] sums to 1 here and to 0 in NumPy.
 *   It also makes the result independent of chunking.
 * - int8/16/32, uint8/16/32, bool: an exact integer: a number when it is a
 *   safe integer (|s| < 2^53), else a bigint (possible only past ~4 million
 *   rows of extreme values).
 * - int64/uint64/duration: an exact bigint. pandas wraps around silently on
 *   overflow; here a result that does not fit the dtype throws a CastError.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import type { Column } from "../column.js";
import { dtypeToString } from "../dtype.js";
import { CastError } from "../errors.js";
import { f64Blocks, inRuns, RUN, uwords } from "./reduce-loops.js";
import {
  type FloatSum,
  floatSumValue,
  type IntSum,
  intSumBigInt,
  intSumValue,
  newFloatSum,
  newIntSum,
  sumF64,
  sumF64Skip,
  sumI32,
  sumIntF64,
  sumU64Dense,
  sumW64,
  sumW64Dense,
} from "./reduce-loops-sum.js";

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;

export type NumericGroup = "float" | "int" | "int64" | "uint64" | "bool";

/** How a dtype is summed. Temporal dtypes that reach here are durations. */
export function numericGroup(kind: string): NumericGroup {
  switch (kind) {
    case "float32":
    case "float64":
      return "float";
    case "int64":
    case "duration":
    case "timestamp":
      return "int64";
    case "uint64":
      return "uint64";
    case "bool":
      return "bool";
    default:
      return "int";
  }
}

/** Compensated sum of the valid values, skipping NaN when `skipNaN`. */
export function floatSum(chunks: readonly Chunk[], skipNaN: boolean): FloatSum {
  const st = newFloatSum();
  f64Blocks(chunks, (a, start, end, vb, voff) => {
    // Fast path: no nulls and no NaN. On a NaN sumF64 stops; restore the
    // state and sum the run again, skipping (or keeping) NaN.
    const s0 = st[0] as number;
    const c0 = st[1] as number;
    const n0 = st[2] as number;
    if (vb === null && sumF64(a, start, end, st)) return;
    st[0] = s0;
    st[1] = c0;
    st[2] = n0;
    sumF64Skip(a, start, end, vb, voff, skipNaN, st);
  });
  return st;
}

/** Exact sum of an integer or bool column. */
export function intSum(chunks: readonly Chunk[], group: NumericGroup): IntSum {
  const st = newIntSum();
  for (const c of chunks) {
    const v = c.values;
    if (group === "int64" || group === "uint64") {
      const u = uwords(v as BigInt64Array);
      // runs of RUN (< INT_BLOCK) elements: sumW64Dense sums one run in one block
      if (c.validity === null) {
        // called from this loop rather than through inRuns' callback: the
        // callback form ran the same loop 2x slower (1e7 values, 33 vs 16 ms)
        // (one direct call site per function: a call through a chosen function measured slower)
        if (group === "int64") {
          for (let s = 0; s < c.length; s += RUN) sumW64Dense(u, s, Math.min(c.length, s + RUN), st);
        } else for (let s = 0; s < c.length; s += RUN) sumU64Dense(u, s, Math.min(c.length, s + RUN), st);
      } else inRuns(c.length, (s, e) => sumW64(u, s, e, c.validity, c.offset, group === "int64", st));
    } else if (v instanceof Int32Array) {
      inRuns(c.length, (s, e) => sumI32(v, s, e, c.validity, c.offset, st));
    } else {
      f64Blocks([c], (a, start, end, vb, voff) => sumIntF64(a, start, end, vb, voff, st));
    }
  }
  return st;
}

/** Check that an exact 64-bit total fits its dtype. */
export function checked64(total: bigint, group: NumericGroup, kind: string, what: string): bigint {
  const ok =
    group === "uint64" ? total >= 0n && total <= UINT64_MAX : total >= INT64_MIN && total <= INT64_MAX;
  if (!ok) {
    throw new CastError(
      `${what} of the ${kind} column is ${total}, which does not fit ${kind}; cast to float64 first`,
    );
  }
  return total;
}

/** sum(): see the module comment for result types. null when fewer than `minCount` values. */
export function sumImpl(col: Column, skipna: boolean, minCount: number): number | bigint | null {
  if (!skipna && col.nullCount > 0) return null;
  const group = numericGroup(col.dtype.kind);
  if (group === "float") {
    const st = floatSum(col.chunks, skipna);
    return (st[2] as number) < minCount ? null : floatSumValue(st);
  }
  const st = intSum(col.chunks, group);
  if (st.n < minCount) return null;
  if (group === "int64" || group === "uint64") {
    return checked64(intSumBigInt(st), group, dtypeToString(col.dtype), "the sum");
  }
  return intSumValue(st);
}

/** mean(): float64 of the exact (ints) or compensated (floats) sum over the count. */
export function meanImpl(col: Column, skipna: boolean): number | null {
  if (!skipna && col.nullCount > 0) return null;
  const group = numericGroup(col.dtype.kind);
  if (group === "float") {
    const st = floatSum(col.chunks, skipna);
    const n = st[2] as number;
    return n === 0 ? null : floatSumValue(st) / n;
  }
  const st = intSum(col.chunks, group);
  if (st.n === 0) return null;
  const total = intSumValue(st);
  return typeof total === "number" ? total / st.n : Number(total) / st.n;
}

const SAFE = 9007199254740991;

/**
 * prod(): floats multiply in float64 (as NumPy). Integers multiply in
 * float64 while the product stays a safe integer; past 2^53 an exact BigInt
 * product takes over (it multiplies only factors other than 0 and ±1, so at
 * most ~64 BigInt operations happen before the result leaves int64/uint64,
 * the result dtype, which throws a CastError). Empty input gives 1.
 */
export function prodImpl(col: Column, skipna: boolean, minCount: number): number | bigint | null {
  if (!skipna && col.nullCount > 0) return null;
  const group = numericGroup(col.dtype.kind);
  let p = 1;
  let n = 0;
  let zero = false;
  let exact = true;
  f64Blocks(col.chunks, (a, start, end, vb, voff) => {
    for (let i = start; i < end; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const x = a[i] as number;
      if (skipna && Number.isNaN(x)) continue;
      p *= x;
      n++;
      if (x === 0) zero = true;
      else if (Math.abs(p) > SAFE || Math.abs(x) > SAFE) exact = false;
    }
  });
  if (n < minCount) return null;
  if (group === "float") return p;
  const big = group === "int64" || group === "uint64";
  if (zero) return big ? 0n : 0;
  if (exact) return big ? BigInt(p) : p;
  // The result dtype is int64 (uint64 for unsigned input): products past it throw.
  const range = group === "uint64" || col.dtype.kind.startsWith("uint") ? "uint64" : "int64";
  const total = checked64(exactIntProd(col.chunks), range, dtypeToString(col.dtype), "the product");
  if (!big && total >= -BigInt(SAFE) && total <= BigInt(SAFE)) return Number(total);
  return total;
}

/** Exact product of a non-zero integer column whose float product left the safe range. */
function exactIntProd(chunks: readonly Chunk[]): bigint {
  let p = 1n;
  let negate = false;
  for (const c of chunks) {
    const v = c.values;
    const u = v instanceof BigInt64Array || v instanceof BigUint64Array ? uwords(v) : null;
    const vb = c.validity;
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      let x: bigint;
      if (u !== null) {
        const lo = u[2 * i] as number;
        const hi = u[2 * i + 1] as number;
        if (hi === 0 && lo === 1) continue;
        if (hi === 0xffffffff && lo === 0xffffffff && v instanceof BigInt64Array) {
          negate = !negate;
          continue;
        }
        x = (v as BigInt64Array)[i] as bigint;
      } else {
        const f = (v as Int32Array)[i] as number;
        if (f === 1) continue;
        if (f === -1) {
          negate = !negate;
          continue;
        }
        x = BigInt(f);
      }
      p *= x;
      // Past 2^64 no later factor (all |x| >= 2) can bring it back.
      if (p > UINT64_MAX || p < -UINT64_MAX) return negate ? -p : p;
    }
  }
  return negate ? -p : p;
}

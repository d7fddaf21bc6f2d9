/**
 * Implementations of var, std, skew and kurt: two passes, as pandas' nanops
 * (the mean first, then sums of powers of deviations from it). The variance
 * uses the corrected two-pass formula M2 = Σd² − (Σd)²/n (Chan, Golub &
 * LeVeque), which also cancels the rounding error of the mean. Every result
 * is a float64 number; null when there are too few values.
 * @internal
 */
import type { Column } from "../column.js";
import { dev4F64, devF64, devI32, devW64, f64Blocks, inRuns, uwords } from "./reduce-loops.js";
import { floatSumValue, intSumValue } from "./reduce-loops-sum.js";
import { floatSum, intSum, numericGroup } from "./reduce-sum.js";

/** Mean and count of the valid values, and whether NaN had to be skipped. */
interface Center {
  mean: number;
  n: number;
  skipNaN: boolean;
}

function center(col: Column, skipna: boolean): Center {
  const group = numericGroup(col.dtype.kind);
  if (group === "float") {
    const st = floatSum(col.chunks, skipna);
    // NaN were skipped when fewer values were summed than are valid.
    const n = st[2] as number;
    return { mean: floatSumValue(st) / n, n, skipNaN: n !== col.length - col.nullCount };
  }
  const st = intSum(col.chunks, group);
  const total = intSumValue(st);
  return { mean: Number(total) / st.n, n: st.n, skipNaN: false };
}

/** Σd and Σd² around `m`, per chunk with the chunk's own loop. */
function deviations(col: Column, m: number, skipNaN: boolean): Float64Array {
  const st = new Float64Array(2);
  for (const c of col.chunks) {
    const v = c.values;
    if (v instanceof Int32Array) inRuns(c.length, (s, e) => devI32(v, s, e, c.validity, c.offset, m, st));
    else if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
      const u = uwords(v);
      const signed = v instanceof BigInt64Array;
      inRuns(c.length, (s, e) => devW64(u, s, e, c.validity, c.offset, signed, m, st));
    } else f64Blocks([c], (a, s, e, vb, voff) => devF64(a, s, e, vb, voff, skipNaN, m, st));
  }
  return st;
}

/** var(): Σ(x − mean)² / (n − ddof); null when n <= ddof or skipna is false and a null exists. */
export function varImpl(col: Column, skipna: boolean, ddof: number): number | null {
  if (!skipna && col.nullCount > 0) return null;
  const { mean, n, skipNaN } = center(col, skipna);
  if (n <= ddof) return null;
  if (Number.isNaN(mean)) return Number.NaN;
  const st = deviations(col, mean, skipNaN);
  const s1 = st[0] as number;
  const m2 = (st[1] as number) - (s1 * s1) / n;
  return Math.max(m2, 0) / (n - ddof);
}

/** std(): the square root of var(). */
export function stdImpl(col: Column, skipna: boolean, ddof: number): number | null {
  const v = varImpl(col, skipna, ddof);
  return v === null ? null : Math.sqrt(v);
}

// pandas' _zero_out_fperr: moment sums below 1e-14 are rounding noise.
const fperr = (x: number): number => (Math.abs(x) < 1e-14 ? 0 : x);

function powerSums(
  col: Column,
  skipna: boolean,
  min: number,
): { n: number; st: Float64Array } | number | null {
  if (!skipna && col.nullCount > 0) return null;
  const { mean, n, skipNaN } = center(col, skipna);
  if (n < min) return null;
  if (Number.isNaN(mean)) return Number.NaN;
  const st = new Float64Array(3);
  f64Blocks(col.chunks, (a, s, e, vb, voff) => dev4F64(a, s, e, vb, voff, skipNaN, mean, st));
  return { n, st };
}

/**
 * skew(): the adjusted Fisher–Pearson sample skewness G1 as pandas
 * (`nanskew`): n·√(n−1)/(n−2) · m3/m2^1.5 with m_k = Σ(x − mean)^k.
 * 0 when all values are equal; null for fewer than 3 values.
 */
export function skewImpl(col: Column, skipna: boolean): number | null {
  const r = powerSums(col, skipna, 3);
  if (r === null || typeof r === "number") return r;
  const { n, st } = r;
  const m2 = fperr(st[0] as number);
  const m3 = fperr(st[1] as number);
  if (m2 === 0) return 0;
  return ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
}

/**
 * kurt(): the sample excess kurtosis G2 as pandas (`nankurt`):
 * n(n+1)(n−1)·m4 / ((n−2)(n−3)·m2²) − 3(n−1)²/((n−2)(n−3)).
 * 0 when all values are equal; null for fewer than 4 values.
 */
export function kurtImpl(col: Column, skipna: boolean): number | null {
  const r = powerSums(col, skipna, 4);
  if (r === null || typeof r === "number") return r;
  const { n, st } = r;
  const m2 = st[0] as number;
  const m4 = st[2] as number;
  const adj = (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  const num = fperr(n * (n + 1) * (n - 1) * m4);
  const den = fperr((n - 2) * (n - 3) * m2 * m2);
  if (den === 0) return 0;
  return num / den - adj;
}

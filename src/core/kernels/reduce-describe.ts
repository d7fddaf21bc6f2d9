/**
 * The numeric statistics of `describe` in two passes instead of seven:
 * one pass copies the valid, non-NaN values (the quantiles select in that
 * copy) while it counts them, sums them (the same compensated sum as
 * `mean`) and tracks the extremes; a second pass over the copy gives the
 * deviations of `std`. Results equal the separate kernels' exactly: where
 * the copy could not reproduce their order of operations (int64 means are
 * exact sums of values the copy rounds; a column with nulls, NaN or several
 * chunks; float32 blocks), those kernels are called instead.
 * @internal
 */
import type { Column } from "../column.js";
import { devF64, f64Blocks, inRuns } from "./reduce-loops.js";
import { floatSumValue, newFloatSum } from "./reduce-loops-sum.js";
import { stdImpl } from "./reduce-moments.js";
import { quantilesOfValues } from "./reduce-quantile.js";
import { meanImpl } from "./reduce-sum.js";

/** count, mean, std (ddof 1), min, max and the linear quantiles of a numeric column; nulls when empty. */
export interface NumericSummary {
  count: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  quantiles: (number | null)[];
}

/** Summarize a numeric (or bool) column as pandas' describe does; null and NaN are skipped. */
export function describeNumeric(col: Column, qs: readonly number[]): NumericSummary {
  const copy = new Float64Array(col.length - col.nullCount);
  const sum = newFloatSum();
  // [count, min, max]
  const acc = Float64Array.of(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  f64Blocks(col.chunks, (a, s, e, vb, voff) => collect(a, s, e, vb, voff, copy, sum, acc));
  const n = acc[0] as number;
  const values = copy.subarray(0, n);
  if (n === 0)
    return { count: 0, mean: null, std: null, min: null, max: null, quantiles: qs.map(() => null) };
  const kind = col.dtype.kind;
  // int64 values may round in the float copy; every narrower number is exact there
  const wide = kind === "int64" || kind === "uint64" || kind === "timestamp" || kind === "duration";
  // Neumaier's error terms of integers are integers, so t + c is the exact
  // sum rounded once: the same number as the exact integer sum of `mean`.
  const mean = wide ? (meanImpl(col, true) as number) : floatSumValue(sum) / n;
  // the copy's runs match the column's only for one chunk without gaps
  const dense = n === col.length && col.chunks.length === 1 && kind !== "float32" && !wide;
  const std = dense ? stdOfCopy(values, mean) : stdImpl(col, true, 1);
  return {
    count: n,
    mean,
    std,
    min: acc[1] as number,
    max: acc[2] as number,
    quantiles: quantilesOfValues(values, qs, "linear"),
  };
}

/**
 * Append the valid, non-NaN values of a[s, e) to `out` and fold them into
 * the compensated sum (Neumaier, as sumF64) and [count, min, max].
 */
function collect(
  a: Float64Array,
  s: number,
  e: number,
  vb: Uint8Array | null,
  voff: number,
  out: Float64Array,
  sum: Float64Array,
  acc: Float64Array,
): void {
  let n = acc[0] as number;
  let lo = acc[1] as number;
  let hi = acc[2] as number;
  let t = sum[0] as number;
  let c = sum[1] as number;
  for (let i = s; i < e; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (Number.isNaN(x)) continue;
    out[n++] = x;
    const u = t + x;
    if (Math.abs(t) >= Math.abs(x)) c += t - u + x;
    else c += x - u + t;
    t = u;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  sum[0] = t;
  sum[1] = c;
  sum[2] = n;
  acc[0] = n;
  acc[1] = lo;
  acc[2] = hi;
}

/** std (ddof 1) of a float64 column without nulls or NaN, from its copy: varImpl's corrected two-pass formula over the same runs. */
function stdOfCopy(values: Float64Array, mean: number): number | null {
  const n = values.length;
  if (n <= 1) return null;
  if (Number.isNaN(mean)) return Number.NaN;
  const st = new Float64Array(2);
  inRuns(n, (s, e) => devF64(values, s, e, null, 0, false, mean, st));
  const s1 = st[0] as number;
  const m2 = (st[1] as number) - (s1 * s1) / n;
  return Math.sqrt(Math.max(m2, 0) / (n - 1));
}

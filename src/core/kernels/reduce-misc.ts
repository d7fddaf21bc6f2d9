/**
 * Implementations of count, any, all, first and last.
 * @internal
 */
import type { Column } from "../column.js";
import { isFloat } from "../dtype.js";
import { countNaN, f64Blocks } from "./reduce-loops.js";

/** count(): valid values that are not NaN (pandas' count excludes NaN). */
export function countImpl(col: Column): number {
  let n = col.length - col.nullCount;
  if (isFloat(col.dtype)) {
    f64Blocks(col.chunks, (a, s, e, vb, voff) => {
      n -= countNaN(a, s, e, vb, voff);
    });
  }
  return n;
}

/** Count truthy and falsy valid values; NaN is skipped (skipna) or truthy (as NumPy). */
function truthCounts(col: Column, skipna: boolean): [number, number] {
  let yes = 0;
  let no = 0;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    for (let i = s; i < e; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const x = a[i] as number;
      if (x === 0) no++;
      else if (!Number.isNaN(x) || !skipna) yes++;
    }
  });
  return [yes, no];
}

/**
 * any(): true when some valid value is true (non-zero). With skipna false,
 * nulls follow Kleene logic as pandas' nullable booleans: false with a null
 * gives null.
 */
export function anyImpl(col: Column, skipna: boolean): boolean | null {
  const [yes] = truthCounts(col, skipna);
  if (yes > 0) return true;
  return !skipna && col.nullCount > 0 ? null : false;
}

/** all(): true when no valid value is false (zero); Kleene nulls with skipna false. */
export function allImpl(col: Column, skipna: boolean): boolean | null {
  const [, no] = truthCounts(col, skipna);
  if (no > 0) return false;
  return !skipna && col.nullCount > 0 ? null : true;
}

/** Position of the first (or last) valid, non-NaN value, or -1. */
function firstValid(col: Column, last: boolean): number {
  const chunks = col.chunks;
  const float = isFloat(col.dtype);
  let base = last ? col.length : 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[last ? chunks.length - 1 - k : k] as (typeof chunks)[number];
    if (last) base -= c.length;
    const vb = c.validity;
    const v = c.values as Float64Array;
    for (let t = 0; t < c.length; t++) {
      const i = last ? c.length - 1 - t : t;
      const j = c.offset + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      if (float && Number.isNaN(v[i] as number)) continue;
      return base + i;
    }
    if (!last) base += c.length;
  }
  return -1;
}

/**
 * first()/last(): the first (last) valid non-NaN value as pandas'
 * `first_valid_index`; with skipna false, the first (last) element itself,
 * null or not. null for an empty column.
 */
export function firstImpl(col: Column, skipna: boolean, last: boolean): unknown {
  if (col.length === 0) return null;
  if (!skipna) return col.get(last ? col.length - 1 : 0);
  const k = firstValid(col, last);
  return k < 0 ? null : col.get(k);
}

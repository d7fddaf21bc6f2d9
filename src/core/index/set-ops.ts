/**
 * Union and intersection of indexes, with pandas' semantics: `union` sorts
 * its result and keeps each label as many times as the side holding it
 * most; `intersection` keeps the left order and gives unique labels. Two
 * RangeIndexes give a RangeIndex whenever the result is a range.
 */

import { getBit } from "../bitmap.js";
import { columnBuilder } from "../builder.js";
import { Column } from "../column.js";
import { type DType, dtypeEquals } from "../dtype.js";
import { factorizeShared } from "../kernels/factorize.js";
import { gatherRows } from "../kernels/factorize-support.js";
import { isin } from "../kernels/isin.js";
import { promote } from "../promotion.js";
import { type Index, labelToward, makeIndex } from "./index.js";
import { RangeIndex } from "./range-index.js";

/** Both indexes' labels as columns of one dtype (promoted, values converted through JS when they differ). */
function common(a: Index, b: Index): [Column, Column] {
  const ca = a.toColumn();
  const cb = b.toColumn();
  if (dtypeEquals(ca.dtype, cb.dtype)) return [ca, cb];
  const d = promote(ca.dtype, cb.dtype);
  return [convert(ca, d), convert(cb, d)];
}

function convert(col: Column, d: DType): Column {
  if (dtypeEquals(col.dtype, d)) return col;
  const b = columnBuilder(d, col.length);
  for (const v of col) b.append(labelToward(v, d) as never);
  return b.finish();
}

/** Increasing form of a range: [first, last, step > 0]. */
function up(r: RangeIndex): [number, number, number] {
  const last = r.at(r.length - 1);
  return r.step > 0 ? [r.start, last, r.step] : [last, r.start, -r.step];
}

function rangeUnion(a: RangeIndex, b: RangeIndex): RangeIndex | null {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  let [s1, e1, t1] = up(a);
  let [s2, e2, t2] = up(b);
  if (a.length === 1) t1 = t2;
  if (b.length === 1) t2 = t1;
  if (a.length === 1 && b.length === 1) t1 = t2 = Math.abs(s2 - s1) || 1;
  if (t1 !== t2 || (s2 - s1) % t1 !== 0) return null;
  if (s2 < s1) [s1, e1, s2, e2] = [s2, e2, s1, e1];
  if (s2 > e1 + t1) return null;
  return new RangeIndex(s1, Math.max(e1, e2) + t1, t1);
}

function gcdExt(a: number, b: number): [number, number] {
  // returns [g, x] with a*x ≡ g (mod b)
  let [r0, r1, x0, x1] = [a, b, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return [r0, x0];
}

function rangeIntersection(a: RangeIndex, b: RangeIndex): RangeIndex {
  if (a.length === 0 || b.length === 0) return new RangeIndex(0, 0, 1);
  const [s1, e1, t1] = up(a);
  const [s2, e2, t2] = up(b);
  // x ≡ s1 (mod t1) and x ≡ s2 (mod t2), by the Chinese remainder theorem
  const [g, inv] = gcdExt(t1, t2);
  const diff = s2 - s1;
  if (diff % g !== 0) return new RangeIndex(0, 0, 1);
  const m = t2 / g;
  const t = (((((diff / g) % m) * (inv % m)) % m) + m) % m;
  const step = (t1 / g) * t2;
  const x0 = s1 + t1 * t;
  const lo = Math.max(s1, s2);
  const hi = Math.min(e1, e2);
  const first = x0 + Math.ceil((lo - x0) / step) * step;
  if (first > hi) return new RangeIndex(0, 0, 1);
  const last = first + Math.floor((hi - first) / step) * step;
  // keep the left side's direction
  return a.step > 0 ? new RangeIndex(first, last + step, step) : new RangeIndex(last, first - step, -step);
}

/** True when both columns hold the same labels in the same order. */
function same(codes: Int32Array, n: number, m: number): boolean {
  if (n !== m) return false;
  for (let i = 0; i < n; i++) if (codes[i] !== codes[n + i]) return false;
  return true;
}

/**
 * The labels of either index, as pandas' `Index.union` with `sort=None`:
 * sorted ascending (nulls last), a label repeated as often as in the side
 * that repeats it most. When both hold the same labels in the same order,
 * or one is empty, the other is returned unsorted, as pandas does. Two
 * ranges give a range when the union is one. Mixed dtypes are promoted.
 *
 * @example
 * ```ts
 * import { column, makeIndex } from "ndframe";
 * const u = makeIndex(column([1, 2, 3, 4])).union(makeIndex(column([3, 4, 5, 6])));
 * u.toColumn().toArray(); // => [1, 2, 3, 4, 5, 6]
 * ```
 */
export function union(a: Index, b: Index): Index {
  if (a instanceof RangeIndex && b instanceof RangeIndex) {
    const r = rangeUnion(a, b);
    if (r !== null) return r;
  }
  if (b.length === 0 && dtypeEquals(a.dtype, b.dtype)) return a;
  if (a.length === 0 && dtypeEquals(a.dtype, b.dtype)) return b;
  const [ca, cb] = common(a, b);
  const both = new Column(ca.dtype, [...ca.chunks, ...cb.chunks]);
  const f = factorizeShared(both, "code", true);
  const n = ca.length;
  if (same(f.codes, n, cb.length)) return a;
  const k = f.uniques.length;
  const left = new Int32Array(k);
  const right = new Int32Array(k);
  for (let i = 0; i < f.codes.length; i++) (i < n ? left : right)[f.codes[i] as number]++;
  const idx: number[] = [];
  for (let c = 0; c < k; c++)
    for (let r = Math.max(left[c] as number, right[c] as number); r > 0; r--) idx.push(c);
  return makeIndex(gatherRows(f.uniques.combine(), Int32Array.from(idx)));
}

/**
 * The labels in both indexes, as pandas' `Index.intersection`: unique
 * labels in the order of the left index. Two ranges give a range (in the
 * left range's direction). Mixed dtypes are promoted.
 *
 * @example
 * ```ts
 * import { column, makeIndex } from "ndframe";
 * const i = makeIndex(column([1, 2, 3, 4])).intersection(makeIndex(column([3, 4, 5, 6])));
 * i.toColumn().toArray(); // => [3, 4]
 * ```
 */
export function intersection(a: Index, b: Index): Index {
  if (a instanceof RangeIndex && b instanceof RangeIndex) return rangeIntersection(a, b);
  const [ca, cb] = common(a, b);
  const u = factorizeShared(ca, "code", false).uniques;
  const inB = isin(u, cb).combine().values as Uint8Array;
  const keep: number[] = [];
  for (let j = 0; j < u.length; j++) if (getBit(inB, j)) keep.push(j);
  return makeIndex(gatherRows(u.combine(), Int32Array.from(keep)));
}

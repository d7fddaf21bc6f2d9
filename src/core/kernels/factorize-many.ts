/**
 * `factorizeMany`: several key columns → one dense code per distinct key
 * tuple, the grouping step of multi-key group-by.
 */

import { show } from "../../util/is.js";
import type { Column } from "../column.js";
import { ShapeError } from "../errors.js";
import {
  checkColumn,
  type Factorized,
  type FactorizeOptions,
  factorizeShared,
  normalizeOptions,
} from "./factorize.js";
import { gatherRows } from "./factorize-support.js";
import { DirectTable, Int32Table, Word64Table } from "./hash.js";

const INT32_DIRECT_LIMIT = 1 << 22;

/** Combine codes of several keys into dense group codes (shared, not cached). @internal */
export function factorizeManyShared(
  cols: readonly Column[],
  nulls: "exclude" | "code",
  sort: boolean,
): { codes: Int32Array; uniques: Column[]; first: Int32Array } {
  const n = cols[0]?.length ?? 0;
  const parts = cols.map((c) => factorizeShared(c, nulls, sort));
  let acc = (parts[0] as Factorized).codes;
  let k = (parts[0] as Factorized).uniques.length;
  for (let j = 1; j < parts.length; j++) {
    const p = parts[j] as Factorized;
    const kj = p.uniques.length;
    const next = new Int32Array(n);
    if (k * kj < 2 ** 31) {
      // one int32 per row: a * kj + b, then densify
      const comb = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const a = acc[i] as number;
        const b = p.codes[i] as number;
        comb[i] = a < 0 || b < 0 ? -1 : a * kj + b;
      }
      k = densifyInt32(comb, k * kj, next);
    } else {
      const pairs = new Int32Array(2 * n);
      const valid = new Uint8Array((n + 7) >>> 3).fill(0xff);
      for (let i = 0; i < n; i++) {
        pairs[2 * i] = acc[i] as number;
        pairs[2 * i + 1] = p.codes[i] as number;
        if ((acc[i] as number) < 0 || (p.codes[i] as number) < 0) valid[i >>> 3] &= ~(1 << (i & 7));
      }
      const t = new Word64Table();
      t.run(pairs, valid, 0, n, next, 0, true);
      k = t.size;
    }
    acc = next;
  }
  if (parts.length === 1) acc = acc.slice();
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = acc[i] as number;
    if (c >= 0 && first[c] === -1) first[c] = i;
  }
  let order: Int32Array | null = null;
  if (sort && parts.length > 1) {
    const o = Array.from({ length: k }, (_, g) => g);
    o.sort((x, y) => {
      for (const p of parts) {
        const d = (p.codes[first[x] as number] as number) - (p.codes[first[y] as number] as number);
        if (d !== 0) return d;
      }
      return 0;
    });
    order = Int32Array.from(o);
    const rank = new Int32Array(k);
    for (let g = 0; g < k; g++) rank[order[g] as number] = g;
    for (let i = 0; i < n; i++) if ((acc[i] as number) >= 0) acc[i] = rank[acc[i] as number] as number;
    const f2 = new Int32Array(k);
    for (let g = 0; g < k; g++) f2[g] = first[order[g] as number] as number;
    first.set(f2);
  }
  const uniques = parts.map((p) => {
    const idx = new Int32Array(k);
    for (let g = 0; g < k; g++) idx[g] = p.codes[first[g] as number] as number;
    return parts.length === 1 ? p.uniques : gatherRows(p.uniques.combine(), idx);
  });
  return { codes: acc, uniques, first };
}

/** Renumber non-negative ints below `bound` densely in order of appearance; returns the count. */
function densifyInt32(v: Int32Array, bound: number, out: Int32Array): number {
  const n = v.length;
  // -1 (a row with an excluded null) is coded like a value, then put back to -1
  let keys: Int32Array;
  let size: number;
  if (bound <= Math.max(2 * n, 65536) && bound <= INT32_DIRECT_LIMIT) {
    const t = new DirectTable(-1, bound + 1);
    t.run(v, null, 0, n, out, 0);
    keys = t.keys;
    size = t.size;
  } else {
    const t = new Int32Table();
    t.run(v, null, 0, n, out, 0, true);
    keys = t.keys;
    size = t.size;
  }
  let neg = -1;
  for (let c = 0; c < size; c++) if (keys[c] === -1) neg = c;
  if (neg < 0) return size;
  for (let i = 0; i < n; i++) {
    const c = out[i] as number;
    out[i] = c === neg ? -1 : c > neg ? c - 1 : c;
  }
  return size - 1;
}

/**
 * Encode several key columns together as dense group codes, as group-by
 * needs: each column is factorized (cached), the per-column codes are
 * combined and renumbered densely.
 *
 * Codes follow the order of first appearance of each key tuple, or the
 * lexicographic order of the tuples with `sort: true`. With `nulls:
 * "exclude"` (default) a row with a null in any key gets code -1; with
 * `"code"` nulls are keys like any other. `uniques[j]` holds key column
 * `j`'s value for each group. Cost: one factorize per column plus one pass
 * per extra column.
 *
 * @param cols - key columns of equal length (at least one)
 * @param options - `nulls` ("exclude" | "code"), `sort` (default false)
 * @returns `{ codes, uniques }`, one uniques column per key
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { factorizeMany } from "ndframe/compute";
 * const { codes, uniques } = factorizeMany([column(["a", "b", "a", "a"]), column([1, 2, 1, 3], "int32")]);
 * Array.from(codes);    // => [0, 1, 0, 2]
 * uniques[0].toArray(); // => ["a", "b", "a"]
 * uniques[1].toArray(); // => [1, 2, 3]
 * ```
 */
export function factorizeMany(
  cols: readonly Column[],
  options?: FactorizeOptions,
): { codes: Int32Array; uniques: Column[] } {
  if (!Array.isArray(cols) || cols.length === 0) {
    throw new ShapeError(`factorizeMany: cols must be a non-empty array of Columns, got ${show(cols)}`);
  }
  for (const [j, c] of cols.entries()) checkColumn("factorizeMany", c, `cols[${j}]`);
  const n = (cols[0] as Column).length;
  cols.forEach((c, j) => {
    if (c.length !== n) {
      throw new ShapeError(`factorizeMany: cols[${j}] has length ${c.length} but cols[0] has length ${n}`);
    }
  });
  const [nulls, sort] = normalizeOptions(options);
  const r = factorizeManyShared(cols, nulls, sort);
  return { codes: r.codes, uniques: r.uniques };
}

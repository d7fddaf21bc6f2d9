/**
 * A two-key sort whose first key takes few distinct values (a category,
 * a year, a small integer code): counting sort on the first key, then a
 * radix sort of each bucket on the second key while the bucket is in
 * cache. The second key's words are extracted in row order and scattered
 * together with the row numbers, so no pass gathers a key at random
 * positions (on 1e7 rows a random gather costs about as much as the
 * whole bucketed sort).
 * @internal
 */
import type { ExtractedKeys } from "./sort-keys.js";
import { radixSort } from "./sort-radix.js";

/** The largest number of distinct first-key words sorted by counting. */
const MAX_SPAN = 1 << 16;

/**
 * The stable order of rows by (first, second), or null when this method
 * does not apply: both keys extracted over all rows in row order (no
 * missing values, so `idx` is the identity), the first key a 32-bit key
 * with at most 65536 distinct words between its smallest and largest.
 */
export function bucketedArgsort(first: ExtractedKeys, second: ExtractedKeys): Int32Array | null {
  const n = first.idx.length;
  if (first.hi !== null || first.m !== n || second.m !== n) return null;
  const min = first.range[0] as number;
  const span = n === 0 ? 0 : (first.range[1] as number) - min + 1;
  if (span > MAX_SPAN) return null;
  const key = first.lo;
  const next = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) next[(key[i] as number) - min + 1]++;
  for (let d = 0; d < span; d++) next[d + 1] = (next[d + 1] as number) + (next[d] as number);
  const bounds = next.slice();
  const idx = new Int32Array(n);
  const lo = new Uint32Array(n);
  const lo2 = second.lo;
  let hi: Uint32Array | null = null;
  if (second.hi === null) {
    for (let i = 0; i < n; i++) {
      const to = next[(key[i] as number) - min]++ as number;
      idx[to] = i;
      lo[to] = lo2[i] as number;
    }
  } else {
    hi = new Uint32Array(n);
    const hi2 = second.hi;
    for (let i = 0; i < n; i++) {
      const to = next[(key[i] as number) - min]++ as number;
      idx[to] = i;
      lo[to] = lo2[i] as number;
      hi[to] = hi2[i] as number;
    }
  }
  for (let d = 0; d < span; d++) {
    const s = bounds[d] as number;
    const e = bounds[d + 1] as number;
    if (e - s < 2) continue;
    const part = idx.subarray(s, e);
    const sorted = radixSort(
      { idx: part, lo: lo.subarray(s, e), hi: hi === null ? null : hi.subarray(s, e) },
      second.range,
      false,
    ).idx;
    if (sorted !== part) part.set(sorted);
  }
  return idx;
}

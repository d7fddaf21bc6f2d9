/**
 * Gathering list elements: each taken list's items are gathered from the
 * child column in one `take`, and the offsets rebuilt.
 * @internal
 */
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import type { Column } from "../column.js";
import type { DType } from "../dtype.js";
import { NDFrameError } from "../errors.js";
import { take } from "./take.js";

/** Gather positions `idx` of a list chunk; `validity` (offset 0) marks the null results. */
export function takeListChunk<T extends DType>(
  c: Chunk<T>,
  idx: Int32Array,
  validity: Uint8Array | null,
): Chunk<T> {
  const o = c.valueOffsets as Int32Array;
  const n = idx.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const valid = validity === null || ((validity[i >>> 3] as number) & (1 << (i & 7))) !== 0;
    const j = idx[i] as number;
    if (valid) total += (o[j + 1] as number) - (o[j] as number);
    offsets[i + 1] = total;
  }
  if (total > 0x7fffffff)
    throw new NDFrameError(`the gathered lists hold ${total} items, over the 2^31 a list can address`);
  const items = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if ((offsets[i + 1] as number) === (offsets[i] as number)) continue;
    const j = idx[i] as number;
    const end = o[j + 1] as number;
    for (let p = o[j] as number; p < end; p++) items[k++] = p;
  }
  const child = take(c.child as Column, items, { boundsCheck: false });
  return makeChunk({
    dtype: c.dtype,
    length: n,
    values: new Uint8Array(0) as StorageOf<T>,
    validity,
    valueOffsets: offsets,
    child,
  });
}

/**
 * `filter`: keep the rows of a column where a boolean mask is true.
 */

import { show } from "../../util/is.js";
import { andValidity, countBits, packBits } from "../bitmap.js";
import type { Chunk } from "../chunk.js";
import { Column, emptyChunk } from "../column.js";
import { type Bool, type DType, dtypeToString } from "../dtype.js";
import { DTypeError, ShapeError } from "../errors.js";
import { takeChunk } from "./take.js";

/** Masks accepted by `filter`. */
export type FilterMask = Column<Bool> | Uint8Array | readonly boolean[];

/**
 * Keep the elements of a column where a mask is true.
 *
 * The mask is a bool Column (a null in it drops the row, as SQL's WHERE and
 * Arrow's default `null_selection_behavior: "drop"`), a Uint8Array with one
 * byte per row (non-zero keeps the row), or an array of booleans. Its length
 * must equal the column's, else a `ShapeError` names both lengths. The
 * result has the same dtype and chunking as `col` (each chunk filtered on
 * its own, no combine) with fresh buffers; when every row is kept, `col`
 * itself is returned (columns are immutable, so nothing can tell). Cost:
 * one pass over the mask bits to count and list the kept rows (all-zero
 * mask bytes are skipped whole), then one copy of the kept elements.
 *
 * @param col - the column to filter
 * @param mask - which rows to keep
 * @returns a column with the kept rows, in their order
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { filter } from "ndframe/compute";
 * const c = column([1, 2, 3, 4], "int32");
 * filter(c, [true, false, true, false]).toArray(); // => [1, 3]
 * filter(c, column([true, null, false, true])).toArray(); // => [1, 4]
 * ```
 */
export function filter<T extends DType>(col: Column<T>, mask: FilterMask): Column<T> {
  const n = col.length;
  const { bits, offset } = maskBits(mask, n);
  const kept = countBits(bits, offset, n);
  if (kept === n) return col;
  if (kept === 0) return new Column(col.dtype, [emptyChunk(col.dtype)]);
  const out: Chunk<T>[] = [];
  let start = 0;
  for (const c of col.chunks) {
    const k = c.length === n ? kept : countBits(bits, offset + start, c.length);
    if (k === c.length) out.push(c);
    else if (k > 0) out.push(takeChunk(c, maskToIndices(bits, offset + start, c.length, k), null));
    start += c.length;
  }
  return new Column(col.dtype, out);
}

/** The "keep" bits of a mask: value AND valid, as a bitmap plus bit offset. */
function maskBits(mask: FilterMask, n: number): { bits: Uint8Array; offset: number } {
  if (mask instanceof Column) {
    if (mask.dtype.kind !== "bool") {
      throw new DTypeError(`invalid mask dtype: ${dtypeToString(mask.dtype)} (expected bool)`);
    }
    checkLength(mask.length, n);
    const c = mask.combine();
    if (c.validity === null) return { bits: c.values as Uint8Array, offset: c.offset };
    const bits = andValidity(c.values as Uint8Array, c.offset, c.validity, c.offset, n) as Uint8Array;
    return { bits, offset: 0 };
  }
  if (mask instanceof Uint8Array) {
    checkLength(mask.length, n);
    return { bits: packBits(mask, n), offset: 0 };
  }
  if (Array.isArray(mask)) {
    checkLength(mask.length, n);
    for (let i = 0; i < n; i++) {
      if (typeof mask[i] !== "boolean") {
        throw new DTypeError(`invalid mask value ${show(mask[i])} at position ${i} (expected true or false)`);
      }
    }
    return { bits: packBits(mask as unknown as ArrayLike<number>, n), offset: 0 };
  }
  throw new DTypeError(`invalid mask: ${show(mask)} (expected a bool Column, Uint8Array or boolean array)`);
}

function checkLength(m: number, n: number): void {
  if (m !== n) throw new ShapeError(`mask of length ${m} does not match column of length ${n}`);
}

/**
 * Positions `i` in `[0, n)` where bit `offset + i` is set, given their
 * count `k`. Reads the bitmap a byte at a time (two bytes shifted when the
 * offset is not byte-aligned), skipping zero bytes and copying full ones.
 * @internal
 */
export function maskToIndices(bits: Uint8Array, offset: number, n: number, k: number): Int32Array {
  const out = new Int32Array(k);
  let w = 0;
  const sh = offset & 7;
  const base = offset >>> 3;
  const whole = n >>> 3;
  for (let q = 0; q < whole; q++) {
    const b0 = bits[base + q] as number;
    let b = sh === 0 ? b0 : ((b0 | ((bits[base + q + 1] as number) << 8)) >>> sh) & 255;
    if (b === 0) continue;
    const i = q << 3;
    if (b === 255) {
      out[w] = i;
      out[w + 1] = i + 1;
      out[w + 2] = i + 2;
      out[w + 3] = i + 3;
      out[w + 4] = i + 4;
      out[w + 5] = i + 5;
      out[w + 6] = i + 6;
      out[w + 7] = i + 7;
      w += 8;
      continue;
    }
    while (b !== 0) {
      out[w++] = i + 31 - Math.clz32(b & -b);
      b &= b - 1;
    }
  }
  for (let i = whole << 3; i < n; i++) {
    const j = offset + i;
    if (((bits[j >>> 3] as number) >>> (j & 7)) & 1) out[w++] = i;
  }
  return out;
}

/** Positions of the rows where a bool column is true (null counts as false). Used by the frame and Series verbs to gather rows. @internal */
export function truePositions(mask: Column<Bool>): Int32Array {
  let n = 0;
  for (const c of mask.chunks) n += c.length;
  // eight slots of slack: the branch-free loops write every row and advance on true
  const out = new Int32Array(n + 8);
  let k = 0;
  let base = 0;
  for (const c of mask.chunks) {
    k = chunkPositions(c.values as Uint8Array, c.validity, c.offset, c.length, base, out, k);
    base += c.length;
  }
  return out.subarray(0, k);
}

/** Append the true (and valid) positions of one chunk, `base` + row, to `out` from `k`; the new count. */
function chunkPositions(
  v: Uint8Array,
  vb: Uint8Array | null,
  off: number,
  len: number,
  base: number,
  out: Int32Array,
  k: number,
): number {
  let i = 0;
  // head rows up to a byte boundary, then whole bytes, then the tail
  const head = Math.min(len, (8 - (off & 7)) & 7);
  for (; i < head; i++) k = pushIf(v, vb, off + i, base + i, out, k);
  const bytes = (len - i) >>> 3;
  const b0 = (off + i) >>> 3;
  for (let j = 0; j < bytes; j++, i += 8) {
    // a conditional per row mispredicts on mixed masks; shifts and adds do not
    const b = vb === null ? (v[b0 + j] as number) : (v[b0 + j] as number) & (vb[b0 + j] as number);
    const p = base + i;
    out[k] = p;
    k += b & 1;
    out[k] = p + 1;
    k += (b >>> 1) & 1;
    out[k] = p + 2;
    k += (b >>> 2) & 1;
    out[k] = p + 3;
    k += (b >>> 3) & 1;
    out[k] = p + 4;
    k += (b >>> 4) & 1;
    out[k] = p + 5;
    k += (b >>> 5) & 1;
    out[k] = p + 6;
    k += (b >>> 6) & 1;
    out[k] = p + 7;
    k += b >>> 7;
  }
  for (; i < len; i++) k = pushIf(v, vb, off + i, base + i, out, k);
  return k;
}

function pushIf(
  v: Uint8Array,
  vb: Uint8Array | null,
  j: number,
  p: number,
  out: Int32Array,
  k: number,
): number {
  out[k] = p;
  const bit = ((v[j >>> 3] as number) >>> (j & 7)) & 1;
  return k + (vb === null ? bit : bit & ((vb[j >>> 3] as number) >>> (j & 7)));
}

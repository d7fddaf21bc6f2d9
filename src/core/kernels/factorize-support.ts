/**
 * Small helpers of the hash kernels over (usually small) unique sets: a
 * gather by positions with -1 for null, and the ascending order of a chunk's
 * values. Neither is a hot loop over the input rows.
 * @internal
 */
import { bitmapBytes, getBit, setBit } from "../bitmap.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { arrayType, type DType, isBigIntStorage, isVarWidth, type TypedArray } from "../dtype.js";
import { words } from "../int64.js";

/**
 * Gather `idx` positions of one chunk into a new one-chunk column; -1 gives
 * a null. Dictionary results keep the source dictionary.
 */
export function gatherRows<T extends DType>(c: Chunk<T>, idx: Int32Array): Column<T> {
  const k = idx.length;
  const d = c.dtype as DType;
  let validity: Uint8Array | null = null;
  let nulls = 0;
  for (let j = 0; j < k; j++) {
    const i = idx[j] as number;
    if (i < 0 || (c.validity !== null && !getBit(c.validity, c.offset + i))) {
      if (validity === null) {
        validity = new Uint8Array(bitmapBytes(k)).fill(0xff);
      }
      validity[j >>> 3] = (validity[j >>> 3] as number) & ~(1 << (j & 7));
      nulls++;
    }
  }
  let values: TypedArray;
  let valueOffsets: Int32Array | BigInt64Array | null = null;
  if (d.kind === "bool") {
    const bits = new Uint8Array(bitmapBytes(k));
    for (let j = 0; j < k; j++) {
      const i = idx[j] as number;
      if (i >= 0 && getBit(c.values as Uint8Array, c.offset + i)) setBit(bits, j);
    }
    values = bits;
  } else if (isVarWidth(d)) {
    const offs = numberOffsets(c);
    const src = c.values as Uint8Array;
    const ends = new Float64Array(k + 1);
    for (let j = 0; j < k; j++) {
      const i = idx[j] as number;
      ends[j + 1] = (ends[j] as number) + (i < 0 ? 0 : (offs[i + 1] as number) - (offs[i] as number));
    }
    const bytes = new Uint8Array(ends[k] as number);
    for (let j = 0; j < k; j++) {
      const i = idx[j] as number;
      if (i >= 0) bytes.set(src.subarray(offs[i] as number, offs[i + 1] as number), ends[j] as number);
    }
    values = bytes;
    valueOffsets = offsetsFrom(ends, d.kind === "large_utf8");
  } else if (isBigIntStorage(d) || (d.kind === "dictionary" && isBigIntStorage(d.index))) {
    const src = words(c.values as BigInt64Array);
    const out = new (arrayType(d) as BigInt64ArrayConstructor)(k);
    const w = words(out);
    for (let j = 0; j < k; j++) {
      const i = idx[j] as number;
      if (i >= 0) {
        w[2 * j] = src[2 * i] as number;
        w[2 * j + 1] = src[2 * i + 1] as number;
      }
    }
    values = out;
  } else {
    const src = c.values as Float64Array;
    const out = new (arrayType(d) as Float64ArrayConstructor)(k);
    for (let j = 0; j < k; j++) {
      const i = idx[j] as number;
      if (i >= 0) out[j] = src[i] as number;
    }
    values = out;
  }
  return Column.fromChunk(
    makeChunk({
      dtype: c.dtype,
      length: k,
      values: values as StorageOf<T>,
      validity,
      nullCount: nulls,
      valueOffsets,
      dictionary: c.dictionary,
    }),
  );
}

/** Var-width offsets from cumulative byte ends (BigInt64Array written through words for large). */
export function offsetsFrom(ends: Float64Array | Int32Array, large: boolean): Int32Array | BigInt64Array {
  if (!large) return Int32Array.from(ends);
  const out = new BigInt64Array(ends.length);
  const w = words(out);
  for (let i = 0; i < ends.length; i++) {
    const o = ends[i] as number;
    w[2 * i] = o >>> 0;
    w[2 * i + 1] = Math.floor(o / 4294967296);
  }
  return out;
}

/** Compare two byte ranges (UTF-8 byte order is code point order, as Python sorts strings). */
export function compareBytes(b: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
  const n = Math.min(e1 - s1, e2 - s2);
  for (let j = 0; j < n; j++) {
    const x = b[s1 + j] as number;
    const y = b[s2 + j] as number;
    if (x !== y) return x - y;
  }
  return e1 - s1 - (e2 - s2);
}

/**
 * Positions of a null-free chunk in ascending value order (stable): numbers
 * with NaN last, int64 exact through words, strings by UTF-8 bytes, false
 * before true, dictionaries by category position.
 */
export function sortOrder(c: Chunk): Int32Array {
  const n = c.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const d = c.dtype;
  let cmp: (a: number, b: number) => number;
  if (d.kind === "bool") {
    const v = c.values as Uint8Array;
    cmp = (a, b) => Number(getBit(v, c.offset + a)) - Number(getBit(v, c.offset + b));
  } else if (isVarWidth(d)) {
    const offs = numberOffsets(c);
    const v = c.values as Uint8Array;
    cmp = (a, b) =>
      compareBytes(v, offs[a] as number, offs[a + 1] as number, offs[b] as number, offs[b + 1] as number);
  } else if (d.kind === "dictionary") {
    // category order, ordered or not, as pandas orders a Categorical
    const codes = Array.from(c.values as ArrayLike<number | bigint>, Number);
    cmp = (a, b) => (codes[a] as number) - (codes[b] as number);
  } else if (isBigIntStorage(d)) {
    const w = words(c.values as BigInt64Array);
    const unsigned = d.kind === "uint64";
    cmp = (a, b) => {
      const ha = w[2 * a + 1] as number;
      const hb = w[2 * b + 1] as number;
      if (ha !== hb) return unsigned ? (ha >>> 0) - (hb >>> 0) : ha - hb;
      return ((w[2 * a] as number) >>> 0) - ((w[2 * b] as number) >>> 0);
    };
  } else {
    const v = c.values as Float64Array;
    cmp = (a, b) => {
      const x = v[a] as number;
      const y = v[b] as number;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x === y) return 0;
      return (Number.isNaN(x) ? 1 : 0) - (Number.isNaN(y) ? 1 : 0);
    };
  }
  idx.sort(cmp);
  return Int32Array.from(idx);
}

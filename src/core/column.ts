/**
 * `Column`: an immutable sequence of values of one dtype in Arrow layout,
 * possibly split in several chunks as it was read.
 */
import { bitmapBytes, copyBits, filledBits } from "./bitmap.js";
import {
  type Chunk,
  chunkBytes,
  chunkIsValid,
  chunkValue,
  makeChunk,
  numberOffsets,
  type StorageOf,
  sliceChunk,
} from "./chunk.js";
import {
  arrayType,
  type DType,
  dtypeEquals,
  dtypeToString,
  isVarWidth,
  type StringType,
  type ValueOf,
} from "./dtype.js";
import { DTypeError, IndexError } from "./errors.js";

/**
 * An immutable column of values of one dtype: Arrow-layout chunks (values,
 * validity bitmap, offsets, dictionary). Element-wise kernels run per
 * chunk; operations that need random access call `combine()`, which copies
 * only when there is more than one chunk.
 *
 * @example
 * ```ts
 * import { column, float64 } from "ndframe";
 * const c = column([1.5, null, 3], float64);
 * c.length;    // => 3
 * c.nullCount; // => 1
 * c.get(2);    // => 3
 * ```
 */
export class Column<T extends DType = DType> {
  readonly dtype: T;
  readonly length: number;
  readonly nullCount: number;
  readonly chunks: readonly Chunk<T>[];
  /** Start position of each chunk, plus the total length at the end. */
  readonly #starts: Int32Array | Float64Array;

  /**
   * Make a column from chunks of one dtype. Empty chunks are dropped; a
   * column always has at least one chunk (possibly empty).
   */
  constructor(dtype: T, chunks: readonly Chunk<T>[]) {
    for (const [i, c] of chunks.entries()) {
      if (!dtypeEquals(c.dtype, dtype)) {
        throw new DTypeError(
          `chunk ${i} has dtype ${dtypeToString(c.dtype)} but the column has ${dtypeToString(dtype)}`,
        );
      }
    }
    let kept = chunks.filter((c) => c.length > 0);
    if (kept.length === 0) kept = chunks.length > 0 ? [chunks[0] as Chunk<T>] : [emptyChunk(dtype)];
    const starts = new Float64Array(kept.length + 1);
    let n = 0;
    let nulls = 0;
    kept.forEach((c, i) => {
      starts[i] = n;
      n += c.length;
      nulls += c.nullCount;
    });
    starts[kept.length] = n;
    this.dtype = dtype;
    this.chunks = Object.freeze(kept);
    this.length = n;
    this.nullCount = nulls;
    this.#starts = starts;
  }

  /** A one-chunk column. */
  static fromChunk<T extends DType>(chunk: Chunk<T>): Column<T> {
    return new Column(chunk.dtype, [chunk]);
  }

  /** The chunk holding element `i` and `i`'s position inside it. */
  locate(i: number): [Chunk<T>, number] {
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) {
      throw new IndexError(`position ${i} is out of bounds for a column of length ${this.length}`);
    }
    const chunks = this.chunks;
    if (chunks.length === 1) return [chunks[0] as Chunk<T>, i];
    const s = this.#starts;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((s[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return [chunks[lo] as Chunk<T>, i - (s[lo] as number)];
  }

  /** Element `i` as its JS scalar, or null. Negative positions count from the end. */
  get(i: number): ValueOf<T> | null {
    // Below -length, locate(i) reports the position as the caller gave it.
    const [c, j] = this.locate(i < 0 && i >= -this.length ? this.length + i : i);
    return chunkIsValid(c, j) ? chunkValue(c, j) : null;
  }

  /** True when element `i` is not null. */
  isValid(i: number): boolean {
    const [c, j] = this.locate(i);
    return chunkIsValid(c, j);
  }

  /** True when the column is stored in exactly one chunk. */
  get isContiguous(): boolean {
    return this.chunks.length === 1;
  }

  /** Bytes held by the column's buffers (dictionaries counted once). */
  get nbytes(): number {
    let n = 0;
    for (const c of this.chunks) n += chunkBytes(c);
    const dict = this.chunks[0]?.dictionary;
    return dict ? n + dict.nbytes : n;
  }

  /**
   * A zero-copy view of elements `[start, end)`; negative bounds count from
   * the end, and out-of-range bounds clamp, as `Array.prototype.slice`.
   */
  slice(start = 0, end = this.length): Column<T> {
    const n = this.length;
    const s = clamp(start, n);
    const e = Math.max(s, clamp(end, n));
    if (s === 0 && e === n) return this;
    const out: Chunk<T>[] = [];
    const starts = this.#starts;
    this.chunks.forEach((c, k) => {
      const c0 = starts[k] as number;
      const lo = Math.max(s, c0);
      const hi = Math.min(e, c0 + c.length);
      if (hi > lo) out.push(sliceChunk(c, lo - c0, hi - lo));
    });
    return new Column(this.dtype, out);
  }

  /**
   * The column as one chunk. Free for a one-chunk column; otherwise copies
   * every buffer once (dictionary chunks must share one dictionary).
   */
  combine(): Chunk<T> {
    if (this.chunks.length === 1) return this.chunks[0] as Chunk<T>;
    return concatChunks(this.dtype, this.chunks);
  }

  /** The same values in one chunk (see `combine`). */
  rechunk(): Column<T> {
    return this.chunks.length === 1 ? this : Column.fromChunk(this.combine());
  }

  /** The values as a JS array, with null for nulls. */
  toArray(): (ValueOf<T> | null)[] {
    const out: (ValueOf<T> | null)[] = new Array(this.length);
    let k = 0;
    for (const c of this.chunks) {
      for (let i = 0; i < c.length; i++) out[k++] = chunkIsValid(c, i) ? chunkValue(c, i) : null;
    }
    return out;
  }

  *[Symbol.iterator](): IterableIterator<ValueOf<T> | null> {
    for (const c of this.chunks) {
      for (let i = 0; i < c.length; i++) yield chunkIsValid(c, i) ? chunkValue(c, i) : null;
    }
  }

  /** A short description, e.g. `Column<float64>[3, 1 null]`. */
  toString(): string {
    const nulls = this.nullCount ? `, ${this.nullCount} null` : "";
    return `Column<${dtypeToString(this.dtype)}>[${this.length}${nulls}]`;
  }
}

/** A slice bound as Array.prototype.slice reads it: truncate, count negatives from n, clamp. */
function clamp(i: number, n: number): number {
  const t = Math.trunc(i) || 0;
  return t < 0 ? Math.max(n + t, 0) : Math.min(t, n);
}

/** A chunk of length 0 of any dtype. */
export function emptyChunk<T extends DType>(dtype: T): Chunk<T> {
  const Ctor = arrayType(dtype);
  return makeChunk({
    dtype,
    length: 0,
    values: new Ctor(0) as StorageOf<T>,
    valueOffsets: isVarWidth(dtype)
      ? dtype.kind === "large_utf8"
        ? new BigInt64Array(1)
        : new Int32Array(1)
      : null,
    dictionary: dtype.kind === "dictionary" ? new Column(dtype.value, []) : null,
    ...(dtype.kind === "list" ? { valueOffsets: new Int32Array(1), child: new Column(dtype.value, []) } : {}),
  });
}

/**
 * Concatenate chunks of one dtype into one new chunk (always a copy).
 * Dictionary chunks must share one dictionary object; unifying different
 * dictionaries is the job of the concat kernel.
 */
export function concatChunks<T extends DType>(dtype: T, chunks: readonly Chunk<T>[]): Chunk<T> {
  let length = 0;
  let nulls = 0;
  for (const c of chunks) {
    length += c.length;
    nulls += c.nullCount;
  }
  let validity: Uint8Array | null = null;
  if (nulls > 0) {
    validity = new Uint8Array(bitmapBytes(length));
    let at = 0;
    for (const c of chunks) {
      if (c.validity === null) copyBits(validity, at, filledBits(c.length, true), 0, c.length);
      else copyBits(validity, at, c.validity, c.offset, c.length);
      at += c.length;
    }
  }
  const kind = dtype.kind;
  if (kind === "bool") {
    const values = new Uint8Array(bitmapBytes(length));
    let at = 0;
    for (const c of chunks) {
      copyBits(values, at, c.values as Uint8Array, c.offset, c.length);
      at += c.length;
    }
    return makeChunk({ dtype, length, values: values as StorageOf<T>, validity, nullCount: nulls });
  }
  if (isVarWidth(dtype)) {
    let bytes = 0;
    const offs = chunks.map((c) => numberOffsets(c));
    for (const o of offs) bytes += (o[o.length - 1] as number) - (o[0] as number);
    const large = kind === "large_utf8";
    const valueOffsets = large ? new BigInt64Array(length + 1) : new Int32Array(length + 1);
    if (!large && bytes > 0x7fffffff) {
      throw new DTypeError(`utf8 column of ${bytes} bytes exceeds 2 GiB; cast to large_utf8 first`);
    }
    const values = new Uint8Array(bytes);
    let at = 0;
    let pos = 0;
    chunks.forEach((c, k) => {
      const o = offs[k] as Int32Array | Float64Array;
      const base = o[0] as number;
      const end = o[c.length] as number;
      values.set((c.values as Uint8Array).subarray(base, end), pos);
      if (large) {
        const vo = valueOffsets as BigInt64Array;
        for (let i = 0; i < c.length; i++) vo[at + i] = BigInt((o[i] as number) - base + pos);
      } else {
        const vo = valueOffsets as Int32Array;
        for (let i = 0; i < c.length; i++) vo[at + i] = (o[i] as number) - base + pos;
      }
      at += c.length;
      pos += end - base;
    });
    if (large) (valueOffsets as BigInt64Array)[length] = BigInt(pos);
    else (valueOffsets as Int32Array)[length] = pos;
    return makeChunk({
      dtype,
      length,
      values: values as StorageOf<T>,
      validity,
      nullCount: nulls,
      valueOffsets,
    });
  }
  if (kind === "list") return concatLists(dtype, chunks, length, validity, nulls);
  let dictionary: Column<StringType> | null = null;
  if (kind === "dictionary") {
    dictionary = (chunks[0] as Chunk<T>).dictionary;
    if (chunks.some((c) => c.dictionary !== dictionary)) {
      throw new DTypeError(
        "cannot combine dictionary chunks with different dictionaries; use concat() to unify them",
      );
    }
  }
  const Ctor = arrayType(dtype);
  const values = new Ctor(length) as StorageOf<T>;
  let at = 0;
  for (const c of chunks) {
    // Arrow pads buffers (vectorFromArray gives 64-byte values for 4 elements): copy only c.length.
    (values as Float64Array).set((c.values as Float64Array).subarray(0, c.length), at);
    at += c.length;
  }
  return makeChunk({ dtype, length, values, validity, nullCount: nulls, dictionary });
}

/** Concatenate list chunks: offsets rebased, children joined (each child combined once). */
function concatLists<T extends DType>(
  dtype: T,
  chunks: readonly Chunk<T>[],
  length: number,
  validity: Uint8Array | null,
  nulls: number,
): Chunk<T> {
  const valueOffsets = new Int32Array(length + 1);
  const children: Chunk[] = [];
  let at = 0;
  let items = 0;
  for (const c of chunks) {
    const o = c.valueOffsets as Int32Array;
    const base = o[0] as number;
    for (let i = 1; i <= c.length; i++) valueOffsets[at + i] = (o[i] as number) - base + items;
    const child = (c.child as Column).slice(base, o[c.length] as number);
    children.push(...child.chunks);
    items += child.length;
    at += c.length;
  }
  const value = (dtype as DType & { value: DType }).value;
  const child =
    children.length === 0 ? new Column(value, []) : Column.fromChunk(concatChunks(value, children));
  return makeChunk({
    dtype,
    length,
    values: new Uint8Array(0) as StorageOf<T>,
    validity,
    nullCount: nulls,
    valueOffsets,
    child,
  });
}

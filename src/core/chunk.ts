/**
 * A chunk is one contiguous run of a column in Arrow layout. It follows
 * apache-arrow's `Data` conventions exactly so that conversion both ways is
 * zero-copy:
 *
 * - `values[0]` is element 0 for fixed-width dtypes and dictionary codes;
 * - bool values are bit-packed and element `i` is bit `offset + i`;
 * - validity bit `offset + i` is 1 when element `i` is valid (null bitmap
 *   means all valid; chunks with no nulls never carry one);
 * - var-width (utf8, large_utf8, binary) element `i` spans bytes
 *   `valueOffsets[i] .. valueOffsets[i + 1]` of `values`;
 * - dictionary codes index `dictionary`;
 * - list element `i` is items `valueOffsets[i] .. valueOffsets[i + 1]` of
 *   the `child` column (int32 offsets; `values` is an empty placeholder).
 * @internal
 */
import { bitmapBytes, countBits, getBit } from "./bitmap.js";
import type { Column } from "./column.js";
import type {
  Binary,
  Bool,
  DateDay,
  Dictionary,
  DType,
  Duration,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  StringType,
  Time,
  Timestamp,
  TypedArray,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  ValueOf,
} from "./dtype.js";

/** The TypedArray a dtype's `values` buffer has. */
export type StorageOf<T extends DType> = T extends Bool
  ? Uint8Array
  : T extends Int8
    ? Int8Array
    : T extends Int16
      ? Int16Array
      : T extends Int32 | DateDay
        ? Int32Array
        : T extends Int64 | Timestamp | Duration | Time
          ? BigInt64Array
          : T extends UInt8 | StringType | Binary
            ? Uint8Array
            : T extends UInt16
              ? Uint16Array
              : T extends UInt32
                ? Uint32Array
                : T extends UInt64
                  ? BigUint64Array
                  : T extends Float32
                    ? Float32Array
                    : T extends Float64
                      ? Float64Array
                      : TypedArray;

export interface Chunk<T extends DType = DType> {
  readonly dtype: T;
  readonly length: number;
  /** Bit offset of element 0 in `validity` (and in `values` for bool). */
  readonly offset: number;
  readonly nullCount: number;
  /** Validity bitmap, or null when every element is valid. */
  readonly validity: Uint8Array | null;
  readonly values: StorageOf<T>;
  /** Var-width only: `length + 1` offsets into `values`, first at index 0. */
  readonly valueOffsets: Int32Array | BigInt64Array | null;
  /** Dictionary only: the category values. */
  readonly dictionary: Column<StringType> | null;
  /** List only: the items every list's offsets point into. */
  readonly child: Column | null;
}

/** Arguments of `makeChunk`; omitted fields default to offset 0, all valid. */
export interface ChunkInit<T extends DType> {
  dtype: T;
  length: number;
  values: StorageOf<T>;
  offset?: number;
  validity?: Uint8Array | null;
  nullCount?: number;
  valueOffsets?: Int32Array | BigInt64Array | null;
  dictionary?: Column<StringType> | null;
  child?: Column | null;
}

/**
 * Make a chunk, counting nulls when not given and dropping a validity
 * bitmap that marks nothing null (so `validity === null` is the no-null
 * fast path for every kernel).
 */
export function makeChunk<T extends DType>(init: ChunkInit<T>): Chunk<T> {
  const offset = init.offset ?? 0;
  let validity = init.validity ?? null;
  let nullCount = 0;
  if (validity !== null) {
    nullCount = init.nullCount ?? init.length - countBits(validity, offset, init.length);
    if (nullCount === 0) validity = null;
  }
  return Object.freeze({
    dtype: init.dtype,
    length: init.length,
    offset,
    nullCount,
    validity,
    values: init.values,
    valueOffsets: init.valueOffsets ?? null,
    dictionary: init.dictionary ?? null,
    child: init.child ?? null,
  });
}

/** Zero-copy view of elements `[start, start + length)` of a chunk. */
export function sliceChunk<T extends DType>(c: Chunk<T>, start: number, length: number): Chunk<T> {
  if (start === 0 && length === c.length) return c;
  const kind = c.dtype.kind;
  let values = c.values;
  let valueOffsets = c.valueOffsets;
  if (valueOffsets !== null) valueOffsets = valueOffsets.subarray(start, start + length + 1);
  else if (kind !== "bool") values = c.values.subarray(start, start + length) as StorageOf<T>;
  const offset = c.offset + start;
  return makeChunk({
    dtype: c.dtype,
    length,
    offset,
    values,
    validity: c.validity,
    nullCount: c.validity === null ? 0 : length - countBits(c.validity, offset, length),
    valueOffsets,
    dictionary: c.dictionary,
    child: c.child,
  });
}

/** True when element `i` of the chunk is valid. */
export function chunkIsValid(c: Chunk, i: number): boolean {
  return c.validity === null || getBit(c.validity, c.offset + i);
}

// ignoreBOM: a value starting with U+FEFF keeps it (a BOM is data inside a column)
const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Decode UTF-8 bytes `[start, end)` to a JS string. Short ASCII runs skip
 * TextDecoder, which costs more than the loop for a few bytes.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * The `length + 1` offsets of a var-width chunk as JS numbers. utf8/binary
 * return a view of their Int32Array; large_utf8 returns a Float64Array copy read through a
 * 32-bit view (no BigInt per element). Kernels call this once per chunk.
 */
export function numberOffsets(c: Chunk): Int32Array | Float64Array {
  const o = c.valueOffsets;
  if (o === null) throw new TypeError(`dtype ${c.dtype.kind} has no offsets`);
  // Arrow pads buffers: only the first length + 1 offsets belong to the chunk.
  const n = c.length + 1;
  if (o instanceof Int32Array) return o.length === n ? o : o.subarray(0, n);
  const words = new Uint32Array(o.buffer, o.byteOffset, n * 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (words[2 * i + 1] as number) * 4294967296 + (words[2 * i] as number);
  return out;
}

/** Read element `i` (assumed valid) of a chunk as its JS scalar. */
export function chunkValue<T extends DType>(c: Chunk<T>, i: number): ValueOf<T> {
  const d = c.dtype as DType;
  switch (d.kind) {
    case "bool":
      return getBit(c.values as Uint8Array, c.offset + i) as ValueOf<T>;
    case "utf8":
    case "large_utf8":
    case "binary": {
      const o = c.valueOffsets as Int32Array | BigInt64Array;
      const start = Number(o[i]);
      const end = Number(o[i + 1]);
      const bytes = c.values as Uint8Array;
      return (d.kind === "binary" ? bytes.subarray(start, end) : decodeUtf8(bytes, start, end)) as ValueOf<T>;
    }
    case "dictionary": {
      const code = Number(c.values[i]);
      return (c.dictionary as Column<StringType>).get(code) as ValueOf<T>;
    }
    case "list": {
      const o = c.valueOffsets as Int32Array;
      return (c.child as Column).slice(o[i], o[i + 1]).toArray() as ValueOf<T>;
    }
    default:
      return c.values[i] as ValueOf<T>;
  }
}

/** Bytes a chunk's buffers hold for its own elements (not shared dictionaries). */
export function chunkBytes(c: Chunk): number {
  let n = c.validity === null ? 0 : bitmapBytes(c.length);
  // Count from the length, not the buffers' byteLength: Arrow pads buffers past the last element.
  if (c.child !== null) {
    const o = c.valueOffsets as Int32Array;
    n += (c.length + 1) * 4 + c.child.slice(o[0], o[c.length]).nbytes;
  } else if (c.valueOffsets !== null) {
    const o = c.valueOffsets;
    n += (c.length + 1) * o.BYTES_PER_ELEMENT + (Number(o[c.length]) - Number(o[0]));
  } else if (c.dtype.kind === "bool") n += bitmapBytes(c.length);
  else n += c.length * c.values.BYTES_PER_ELEMENT;
  return n;
}

/** Narrowing helper for kernels: the dtype kind of a chunk's dictionary. */
export type DictionaryChunk = Chunk<Dictionary>;

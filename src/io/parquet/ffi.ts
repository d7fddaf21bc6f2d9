/**
 * Arrow data out of parquet-wasm's linear memory through the Arrow C data
 * interface (wasm32: pointers are 4 bytes, int64 fields 8-byte aligned).
 *
 * Each buffer is copied once, with one bulk `ArrayBuffer.slice`, into
 * memory of its own. The copy cannot be avoided: a WebAssembly memory that
 * grows detaches every view of its old buffer, so a frame that viewed wasm
 * memory would break on the next read. The copies are transferable, which
 * is how worker threads hand their row groups to the caller.
 * Runs in workers too.
 * @internal
 */
import {
  arrayType,
  binary,
  bool,
  type DType,
  date,
  dictionary,
  duration,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  isInteger,
  isString,
  isVarWidth,
  largeUtf8,
  type TimeUnit,
  time,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "../../core/dtype.js";
import { DTypeError } from "../../core/errors.js";

/** A field of the exported schema: its name and C data interface format string. */
export interface RawField {
  readonly name: string;
  readonly format: string;
  /** The value field of a dictionary-encoded field (`format` is then its index type). */
  readonly dictionary: RawField | null;
  readonly ordered: boolean;
}

/**
 * One exported array, with buffers copied out: fixed-width values start at
 * element 0; bitmaps keep a bit offset below 8; var-width offsets start at
 * element 0 and index `values` from 0.
 */
export interface RawChunk {
  readonly length: number;
  readonly offset: number;
  /** -1 when the producer did not count. */
  readonly nullCount: number;
  readonly validity: ArrayBuffer | null;
  readonly values: ArrayBuffer;
  readonly valueOffsets: ArrayBuffer | null;
  readonly dictionary: RawChunk | null;
}

const SIMPLE: Record<string, DType> = {
  b: bool,
  c: int8,
  C: uint8,
  s: int16,
  S: uint16,
  i: int32,
  I: uint32,
  l: int64,
  L: uint64,
  f: float32,
  g: float64,
  u: utf8,
  U: largeUtf8,
  z: binary,
  tdD: date,
};
const UNITS: Record<string, TimeUnit> = { s: "s", m: "ms", u: "us", n: "ns" };

const UNSUPPORTED: Record<string, string> = {
  n: "null",
  e: "float16",
  Z: "large binary",
  vu: "utf8 view",
  vz: "binary view",
  tdm: "date64",
  "+s": "struct",
  "+l": "list",
  "+L": "large list",
  "+m": "map",
};

/** The dtype of format `f` without a dictionary, or null. */
function plainDType(f: string): DType | null {
  const simple = SIMPLE[f];
  if (simple !== undefined) return simple;
  const unit = UNITS[f[2] as string];
  if (unit === undefined) return null;
  // "tsu:UTC" is a timestamp in microseconds with a zone; "tsu:" has none
  if (f.startsWith("ts") && f[3] === ":") return timestamp(unit, f.slice(4) || null);
  if (f.startsWith("tD") && f.length === 3) return duration(unit);
  // Time64: "ttu" / "ttn" (Time32 "tts" / "ttm" stores int32: not held)
  if (f.startsWith("tt") && f.length === 3 && (unit === "us" || unit === "ns")) return time(unit);
  return null;
}

/** What to call format `f` in an error. */
function describe(f: string): string {
  if (f.startsWith("d:")) return `decimal(${f.slice(2)})`;
  if (/^tt[sm]$/.test(f)) return `Time32 time of day (int32 ${f === "tts" ? "seconds" : "milliseconds"})`;
  return UNSUPPORTED[f] ?? (f.startsWith("+") ? "nested" : `Arrow format ${JSON.stringify(f)}`);
}

/** The dtype of an exported field; a DTypeError naming the column when ndframe cannot hold it. */
export function dtypeOfField(field: RawField): DType {
  const own = plainDType(field.format);
  let what: string | null = own === null ? describe(field.format) : null;
  if (field.dictionary !== null) {
    const value = plainDType(field.dictionary.format);
    if (own !== null && isInteger(own) && value !== null && isString(value))
      return dictionary(own, value, field.ordered);
    what = `dictionary with values of Arrow format ${JSON.stringify(field.dictionary.format)}`;
  }
  if (own !== null && what === null) return own;
  throw new DTypeError(
    `column ${JSON.stringify(field.name)}: ndframe cannot hold the Parquet/Arrow type ${what}` +
      " (leave the column out with the columns option)",
  );
}

/** Reads C structs at addresses of one wasm memory. */
export class FFIReader {
  readonly #view: DataView;
  readonly #buf: ArrayBuffer;
  readonly #bytes: Uint8Array;
  readonly #text = new TextDecoder();

  constructor(memory: ArrayBuffer) {
    this.#buf = memory;
    this.#view = new DataView(memory);
    this.#bytes = new Uint8Array(memory);
  }

  #ptr(p: number): number {
    return this.#view.getUint32(p, true);
  }

  /** An int64 field that fits a double (lengths, counts). */
  #i64(p: number): number {
    return this.#view.getUint32(p, true) + this.#view.getInt32(p + 4, true) * 2 ** 32;
  }

  #cString(p: number): string {
    if (p === 0) return "";
    let end = p;
    while (this.#bytes[end] !== 0) end++;
    return this.#text.decode(this.#bytes.subarray(p, end));
  }

  /** The fields of an exported struct schema (a record batch's schema). */
  fields(schemaAddr: number): RawField[] {
    const n = this.#i64(schemaAddr + 24);
    const children = this.#ptr(schemaAddr + 32);
    const out: RawField[] = [];
    for (let i = 0; i < n; i++) out.push(this.field(this.#ptr(children + 4 * i)));
    return out;
  }

  // ArrowSchema: format 0, name 4, metadata 8, flags 16, n_children 24, children 32, dictionary 36
  field(addr: number): RawField {
    const dict = this.#ptr(addr + 36);
    const flags = this.#view.getUint32(addr + 16, true);
    return {
      name: this.#cString(this.#ptr(addr + 4)),
      format: this.#cString(this.#ptr(addr)),
      dictionary: dict === 0 ? null : this.field(dict),
      ordered: (flags & 1) !== 0,
    };
  }

  /** The column arrays at positions `at` of an exported struct array (one record batch), copied out. */
  columns(arrayAddr: number, fields: readonly RawField[], at: readonly number[]): RawChunk[] {
    const n = this.#i64(arrayAddr + 32);
    if (n !== fields.length)
      throw new DTypeError(`Arrow batch has ${n} columns, its schema ${fields.length}`);
    const children = this.#ptr(arrayAddr + 44);
    return at.map((i) => this.chunk(this.#ptr(children + 4 * i), fields[i] as RawField));
  }

  // ArrowArray: length 0, null_count 8, offset 16, n_buffers 24, n_children 32, buffers 40, children 44, dictionary 48
  chunk(addr: number, field: RawField): RawChunk {
    const length = this.#i64(addr);
    const nullCount = this.#i64(addr + 8);
    const offset = this.#i64(addr + 16);
    const buffers = this.#ptr(addr + 40);
    const validityPtr = this.#ptr(buffers);
    const bitStart = offset >>> 3;
    const bit = offset & 7;
    const bitBytes = (bit + length + 7) >>> 3;
    const validity =
      validityPtr === 0 || nullCount === 0 ? null : this.#copy(validityPtr + bitStart, bitBytes);
    const dtype = dtypeOfField(field);
    const storage = dtype.kind === "dictionary" ? dtype.index : dtype;
    let values: ArrayBuffer;
    let valueOffsets: ArrayBuffer | null = null;
    let chunkOffset = validity === null ? 0 : bit;
    if (storage.kind === "bool") {
      values = this.#copy(this.#ptr(buffers + 4) + bitStart, bitBytes);
      chunkOffset = bit;
    } else if (isVarWidth(storage)) {
      [valueOffsets, values] = this.#varWidth(buffers, offset, length, storage.kind === "large_utf8" ? 8 : 4);
    } else {
      const width = arrayType(storage).BYTES_PER_ELEMENT;
      values = this.#copy(this.#ptr(buffers + 4) + offset * width, length * width);
    }
    const dictAddr = this.#ptr(addr + 48);
    const dictionary =
      field.dictionary === null || dictAddr === 0 ? null : this.chunk(dictAddr, field.dictionary);
    return { length, offset: chunkOffset, nullCount, validity, values, valueOffsets, dictionary };
  }

  /** Offsets rebased to start at 0, and the value bytes they span. */
  #varWidth(buffers: number, offset: number, length: number, w: 4 | 8): [ArrayBuffer, ArrayBuffer] {
    const offsets = this.#copy(this.#ptr(buffers + 4) + offset * w, (length + 1) * w);
    const data = this.#ptr(buffers + 8);
    if (w === 4) {
      const o = new Int32Array(offsets);
      const first = o[0] as number;
      const values = this.#copy(data + first, (o[length] as number) - first);
      if (first !== 0) for (let i = 0; i <= length; i++) o[i] = (o[i] as number) - first;
      return [offsets, values];
    }
    const o = new BigInt64Array(offsets);
    const first = o[0] as bigint;
    const values = this.#copy(data + Number(first), Number((o[length] as bigint) - first));
    if (first !== 0n) for (let i = 0; i <= length; i++) o[i] = (o[i] as bigint) - first;
    return [offsets, values];
  }

  #copy(ptr: number, nbytes: number): ArrayBuffer {
    return this.#buf.slice(ptr, ptr + nbytes);
  }
}

/** The ArrayBuffers of raw chunks, for a transfer list. */
export function buffersOf(chunks: readonly RawChunk[], out: ArrayBuffer[] = []): ArrayBuffer[] {
  for (const c of chunks) {
    out.push(c.values);
    if (c.validity !== null) out.push(c.validity);
    if (c.valueOffsets !== null) out.push(c.valueOffsets);
    if (c.dictionary !== null) buffersOf([c.dictionary], out);
  }
  return out;
}

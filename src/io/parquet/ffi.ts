/**
 * Arrow data out of parquet-wasm's linear memory through the Arrow C data
 * interface (wasm32: pointers are 4 bytes, int64 fields 8-byte aligned).
 *
 * Each buffer is copied once, with one bulk `ArrayBuffer.slice`, into
 * memory of its own. The copy cannot be avoided: a WebAssembly memory that
 * grows detaches every view of its old buffer, so a frame that viewed wasm
 * memory would break on the next read. The copies are transferable, which
 * is how worker threads hand their row groups to the caller.
 * Runs in workers too: it imports nothing but the errors.
 * @internal
 */
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

/** Layout of a format string: how its buffers are copied. */
type Layout =
  | { kind: "bits" }
  | { kind: "fixed"; width: number }
  | { kind: "var"; offsetWidth: 4 | 8 }
  | { kind: "unsupported"; what: string };

const FIXED: Record<string, number> = { c: 1, C: 1, s: 2, S: 2, i: 4, I: 4, f: 4, l: 8, L: 8, g: 8, tdD: 4 };

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

/** How the buffers of an array with format `f` are laid out. */
export function layoutOf(f: string): Layout {
  if (f === "b") return { kind: "bits" };
  const w = FIXED[f];
  if (w !== undefined) return { kind: "fixed", width: w };
  if (f === "u" || f === "z") return { kind: "var", offsetWidth: 4 };
  if (f === "U") return { kind: "var", offsetWidth: 8 };
  if (/^ts[smun]:/.test(f) || /^tD[smun]$/.test(f)) return { kind: "fixed", width: 8 };
  if (f.startsWith("d:")) return { kind: "unsupported", what: `decimal(${f.slice(2)})` };
  if (/^tt[smun]$/.test(f)) return { kind: "unsupported", what: "time of day" };
  if (f.startsWith("+")) return { kind: "unsupported", what: UNSUPPORTED[f] ?? "nested" };
  return { kind: "unsupported", what: UNSUPPORTED[f] ?? `Arrow format ${JSON.stringify(f)}` };
}

/** Throw a DTypeError naming the column when ndframe cannot hold its type. */
export function checkField(field: RawField): void {
  const layout = layoutOf(field.format);
  let what = layout.kind === "unsupported" ? layout.what : null;
  if (field.dictionary !== null) {
    const v = field.dictionary.format;
    if (v !== "u" && v !== "U") what = `dictionary with values of Arrow format ${JSON.stringify(v)}`;
  }
  if (what !== null) {
    throw new DTypeError(
      `column ${JSON.stringify(field.name)}: ndframe cannot hold the Parquet/Arrow type ${what}` +
        " (leave the column out with the columns option)",
    );
  }
}

/** Reads C structs at addresses of one wasm memory. */
export class FFIReader {
  readonly #view: DataView;
  readonly #buf: ArrayBuffer;
  readonly #bytes: Uint8Array;

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
    return new TextDecoder().decode(this.#bytes.subarray(p, end));
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
    const layout = layoutOf(field.format);
    let values: ArrayBuffer;
    let valueOffsets: ArrayBuffer | null = null;
    let chunkOffset = 0;
    if (layout.kind === "bits") {
      values = this.#copy(this.#ptr(buffers + 4) + bitStart, bitBytes);
      chunkOffset = bit;
    } else if (layout.kind === "fixed") {
      values = this.#copy(this.#ptr(buffers + 4) + offset * layout.width, length * layout.width);
      if (validity !== null) chunkOffset = bit;
    } else if (layout.kind === "var") {
      [valueOffsets, values] = this.#varWidth(buffers, offset, length, layout.offsetWidth);
      if (validity !== null) chunkOffset = bit;
    } else {
      throw new DTypeError(`column ${JSON.stringify(field.name)}: unsupported type ${layout.what}`);
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

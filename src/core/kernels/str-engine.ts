/**
 * The machinery every string kernel shares: which dtypes are text, how a
 * kernel runs chunk by chunk (and once per category on a dictionary), the
 * views of a chunk's offsets and bytes, the output builders, and the one
 * decode of a whole chunk that the regex and Unicode paths use.
 *
 * Positions and lengths are counted in Unicode code points, as Python's
 * `str` (and so pandas) counts them, not in UTF-16 units.
 * @internal
 */
import { show } from "../../util/is.js";
import { bitmapBytes, sliceBits } from "../bitmap.js";
import { columnBuilder } from "../builder.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { bool, type DType, dtypeToString, int32, isString, type StringType, utf8 } from "../dtype.js";
import { DTypeError, NDFrameError, OptionError } from "../errors.js";
import { takeChunk } from "./take.js";

/** A string chunk's element `i` spans bytes `offs[i] .. offs[i + 1]` of `bytes`. */
export interface StrView {
  readonly chunk: Chunk<StringType>;
  readonly n: number;
  readonly bytes: Uint8Array;
  readonly offs: Int32Array | Float64Array;
}

/** The view of a utf8 or large_utf8 chunk. */
export function strView(c: Chunk<StringType>): StrView {
  return { chunk: c, n: c.length, bytes: c.values as Uint8Array, offs: numberOffsets(c) };
}

/** Throw unless `col` holds text: utf8, large_utf8 or a dictionary of them. */
export function checkText(col: Column, what: string): void {
  const d = col.dtype;
  if (!isString(d) && d.kind !== "dictionary") {
    throw new DTypeError(
      `${what} needs strings (utf8, large_utf8 or a categorical), got ${dtypeToString(d)}`,
    );
  }
}

/** The string dtype a text column's values have (a dictionary's value type). */
export function textType(col: Column): StringType {
  const d = col.dtype as DType;
  return d.kind === "dictionary" ? d.value : (d as StringType);
}

/**
 * Run `kernel` on every chunk of a text column. A dictionary chunk runs it
 * once on its dictionary (each distinct value once) and gathers the result
 * by the codes, so the cost follows the number of categories, not rows.
 */
export function mapText<R extends DType>(
  col: Column,
  what: string,
  resultType: R,
  kernel: (v: StrView) => Chunk<R>,
): Column<R> {
  checkText(col, what);
  const out: Chunk<R>[] = [];
  for (const c of col.chunks) {
    if (c.dtype.kind !== "dictionary") {
      out.push(kernel(strView(c as Chunk<StringType>)));
      continue;
    }
    const dict = (c.dictionary as Column<StringType>).combine();
    out.push(gatherByCodes(kernel(strView(dict)), c));
  }
  return new Column(resultType, out);
}

/**
 * Spread a per-category result to the rows of dictionary chunk `c` (a null
 * code gives a null). @internal
 */
export function gatherByCodes<R extends DType>(perValue: Chunk<R>, c: Chunk): Chunk<R> {
  if (perValue.length === 0) {
    // no categories: every row is null; gather from a one-null chunk
    const b = columnBuilder(perValue.dtype);
    b.appendNull();
    return takeChunk(b.finish().combine(), new Int32Array(c.length), null);
  }
  return takeChunk(perValue, codesOf(c), validityAt0(c));
}

/** A dictionary chunk's codes as int32 positions (nulls' codes read as 0). */
function codesOf(c: Chunk): Int32Array {
  const v = c.values;
  if (v instanceof Int32Array && c.validity === null) return v;
  const n = c.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = Number(v[i]);
  if (c.validity !== null) {
    const bits = c.validity;
    for (let i = 0; i < n; i++) {
      const j = c.offset + i;
      if (((bits[j >>> 3] as number) & (1 << (j & 7))) === 0) idx[i] = 0;
    }
  }
  return idx;
}

/** The chunk's validity as a bitmap at offset 0 (shared when already there), or null. */
export function validityAt0(c: Chunk): Uint8Array | null {
  if (c.validity === null) return null;
  return c.offset === 0 ? c.validity : sliceBits(c.validity, c.offset, c.length);
}

/** True when element `i` of the view is valid. */
export function isValidAt(v: StrView, i: number): boolean {
  const bits = v.chunk.validity;
  if (bits === null) return true;
  const j = v.chunk.offset + i;
  return ((bits[j >>> 3] as number) & (1 << (j & 7))) !== 0;
}

/** True when bytes `[a, b)` are all ASCII. */
export function isAscii(bytes: Uint8Array, a: number, b: number): boolean {
  let or = 0;
  if (b - a < 64) {
    for (let i = a; i < b; i++) or |= bytes[i] as number;
    return or < 0x80;
  }
  // four bytes at a time over the aligned middle (SWAR: any high bit is a non-ASCII byte)
  let i = a;
  for (; ((bytes.byteOffset + i) & 3) !== 0; i++) or |= bytes[i] as number;
  const words = (b - i) >>> 2;
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
  let wor = 0;
  for (let k = 0; k < words; k++) wor |= w[k] as number;
  for (i += words * 4; i < b; i++) or |= bytes[i] as number;
  return (or & 0x80) === 0 && (wor & 0x80808080) === 0;
}

// ---------------------------------------------------------------------------
// Outputs

/** A bool chunk from a packed bitmap of results, with the input's nulls. */
export function boolChunk(v: StrView, bits: Uint8Array, validity: Uint8Array | null = validityAt0(v.chunk)) {
  return makeChunk({ dtype: bool, length: v.n, values: bits, validity });
}

/** A fresh bitmap for `n` results. */
export function newBits(n: number): Uint8Array {
  return new Uint8Array(bitmapBytes(n));
}

/** An int32 chunk of results, with the input's nulls. */
export function int32Chunk(v: StrView, values: Int32Array) {
  return makeChunk({ dtype: int32, length: v.n, values, validity: validityAt0(v.chunk) });
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** Builds the bytes and offsets of a string result, row by row. */
export class StrOut {
  bytes: Uint8Array;
  used = 0;
  offsets: Float64Array;
  #row = 0;

  /** `n`: the expected number of rows (more may be added); `byteCapacity`: a first guess of the bytes. */
  constructor(n: number, byteCapacity: number) {
    this.bytes = new Uint8Array(Math.max(16, byteCapacity));
    this.offsets = new Float64Array(n + 1);
  }

  /** Make room for `k` more bytes. */
  reserve(k: number): void {
    if (this.used + k <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + k));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }

  /** Append bytes `[a, b)` of `src` to the current row. */
  bytesFrom(src: Uint8Array, a: number, b: number): void {
    this.reserve(b - a);
    const out = this.bytes;
    let u = this.used;
    if (b - a <= 16) for (let i = a; i < b; i++) out[u++] = src[i] as number;
    else {
      out.set(src.subarray(a, b), u);
      u += b - a;
    }
    this.used = u;
  }

  /** Append a JS string (UTF-8 encoded) to the current row. */
  text(s: string): void {
    this.reserve(s.length * 3);
    this.used += encoder.encodeInto(s, this.bytes.subarray(this.used)).written;
  }

  /** Close the current row. */
  end(): void {
    if (this.#row + 1 >= this.offsets.length) {
      const next = new Float64Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.offsets[++this.#row] = this.used;
  }

  /** The finished chunk of `dtype` with `validity` (bitmap at offset 0). */
  finish(dtype: StringType, validity: Uint8Array | null): Chunk<StringType> {
    return stringChunk(dtype, this.#row, this.bytes.subarray(0, this.used), this.offsets, validity);
  }
}

/** A utf8 or large_utf8 chunk from bytes and number offsets. */
export function stringChunk(
  dtype: StringType,
  n: number,
  bytes: Uint8Array,
  offsets: ArrayLike<number>,
  validity: Uint8Array | null,
): Chunk<StringType> {
  let valueOffsets: Int32Array | BigInt64Array;
  if (dtype.kind === "large_utf8") {
    valueOffsets = new BigInt64Array(n + 1);
    const w = new Int32Array(valueOffsets.buffer);
    for (let i = 0; i <= n; i++) {
      const o = offsets[i] as number;
      w[2 * i] = o >>> 0;
      w[2 * i + 1] = Math.floor(o / 4294967296);
    }
  } else {
    if ((offsets[n] as number) > 0x7fffffff) {
      throw new NDFrameError(`the result holds ${offsets[n]} bytes, over utf8's 2 GiB: use large_utf8`);
    }
    valueOffsets = offsets instanceof Int32Array ? offsets : Int32Array.from(offsets);
  }
  return makeChunk({ dtype, length: n, values: bytes as StorageOf<StringType>, validity, valueOffsets });
}

// ---------------------------------------------------------------------------
// Decoding a whole chunk once

// ignoreBOM: a U+FEFF that starts the bytes is data; stripping it would shift every later row
const strict = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true });

/** A chunk decoded once: row `i` is `text.slice(starts[i], starts[i + 1])`. */
export interface Decoded {
  readonly text: string;
  readonly starts: Int32Array | Float64Array;
  /** Row `i` as a JS string. */
  row(i: number): string;
}

/**
 * Decode a chunk's bytes in one `TextDecoder` call and map each row's
 * byte offsets to UTF-16 positions (identical for ASCII). Invalid UTF-8
 * falls back to one decode per row, so a bad byte cannot shift the rows
 * after it.
 */
export function decodeRows(v: StrView): Decoded {
  const { bytes, offs, n } = v;
  const a = offs[0] as number;
  const b = offs[n] as number;
  if (isAscii(bytes, a, b)) {
    const text = lenient.decode(bytes.subarray(a, b));
    const starts = a === 0 ? offs : offs.map((o) => o - a);
    return { text, starts, row: (i) => text.slice(starts[i] as number, starts[i + 1] as number) };
  }
  let text: string;
  try {
    text = strict.decode(bytes.subarray(a, b));
  } catch {
    return {
      text: "",
      starts: new Int32Array(n + 1),
      row: (i) => lenient.decode(bytes.subarray(offs[i] as number, offs[i + 1] as number)),
    };
  }
  const starts = new Float64Array(n + 1);
  let u = 0;
  let p = a;
  for (let i = 0; i < n; i++) {
    const end = offs[i + 1] as number;
    for (; p < end; p++) {
      const x = bytes[p] as number;
      // a lead byte starts a code point; 4-byte sequences are two UTF-16 units
      if ((x & 0xc0) !== 0x80) u += x >= 0xf0 ? 2 : 1;
    }
    starts[i + 1] = u;
  }
  return { text, starts, row: (i) => text.slice(starts[i] as number, starts[i + 1] as number) };
}

/** Python's whitespace (str.isspace, str.split()) as regex class text: bidi classes WS, B, S and category Zs. */
export const PY_SPACE =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** A string operand: a JS string, or an error naming the option. */
export function stringOption(what: string, option: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new OptionError(`${what}: invalid ${option}: ${show(value)} (expected a string)`);
  }
  return value;
}

/** UTF-8 bytes of a JS string. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The utf8 dtype (kernels producing text from non-text use it). */
export const UTF8 = utf8;

/**
 * Map every valid row of a chunk through a JS function (the general path:
 * one decode per chunk, one encode per row). `fn` returning null gives a
 * null; `base` is added to the row number `fn` receives.
 */
export function mapRowsChunk(
  v: StrView,
  type: StringType,
  fn: (s: string, row: number) => string | null,
  base = 0,
): Chunk<StringType> {
  const { offs, n } = v;
  const out = new StrOut(n, (offs[n] as number) - (offs[0] as number));
  const rows = decodeRows(v);
  let validity = validityAt0(v.chunk);
  let copied = false;
  for (let i = 0; i < n; i++) {
    if (isValidAt(v, i)) {
      const r = fn(rows.row(i), base + i);
      if (r !== null) out.text(r);
      else {
        if (!copied) {
          validity = validity === null ? new Uint8Array(bitmapBytes(n)).fill(255) : validity.slice();
          copied = true;
        }
        (validity as Uint8Array)[i >>> 3] &= ~(1 << (i & 7));
      }
    }
    out.end();
  }
  return out.finish(type, validity);
}

/**
 * `mapRowsChunk` over a whole text column. `fn` receives the row number in
 * the column; on a dictionary it runs once per category instead, so a
 * function of the row number needs the column decoded first.
 */
export function mapRows(
  col: Column,
  what: string,
  fn: (s: string, row: number) => string | null,
): Column<StringType> {
  const type = textType(col);
  let base = 0;
  return mapText(col, what, type, (v) => {
    const c = mapRowsChunk(v, type, fn, base);
    base += v.n;
    return c;
  });
}

/**
 * One CSV column being read: its values go straight from the field bytes
 * into typed storage. Without a requested dtype the column infers one,
 * widening as values demand: nothing seen yet → bool | int32 → int64 →
 * float64 → utf8. Widening between numbers converts what is stored; a
 * change to utf8 (or away from bool) needs the original text, so the
 * reader parses the column again from the start ("restart").
 * @internal
 */
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { bool, type DType, float64, int32, int64, utf8 } from "../../core/dtype.js";
import type { NullMarkers } from "./null-markers.js";
import { INT_LONG, INT_OK, parseFloatBytes, parseInt64Words, parseIntBytes } from "./parse-number.js";
import type { Fields } from "./tokenize.js";

/** What a CSV column holds so far. "null": only nulls yet. */
export type CsvKind = "null" | "bool" | "int32" | "int64" | "float64" | "utf8";

/** The text context a parser needs: the bytes, number format and null markers. */
export interface ParseContext {
  readonly buf: Uint8Array;
  readonly nulls: NullMarkers;
  readonly decimal: number;
  readonly thousands: number;
  readonly quote: number;
  readonly escape: number;
  readonly decode: (s: number, e: number) => string;
}

/** A value that does not fit a requested dtype, at batch row `row`. */
export class ValueError extends Error {
  constructor(
    readonly row: number,
    readonly text: string,
    readonly expected: CsvKind,
  ) {
    super(`cannot read ${JSON.stringify(text)} as ${expected}`);
  }
}

const TRUE_TEXT = ["True", "TRUE", "true"].map((t) => new TextEncoder().encode(t));
const FALSE_TEXT = ["False", "FALSE", "false"].map((t) => new TextEncoder().encode(t));

function matchAny(buf: Uint8Array, s: number, e: number, texts: Uint8Array[]): boolean {
  for (const t of texts) {
    if (t.length !== e - s) continue;
    let k = 0;
    while (k < t.length && t[k] === buf[s + k]) k++;
    if (k === t.length) return true;
  }
  return false;
}

/** true, false, or null when the field is not a pandas boolean text. */
function boolOf(buf: Uint8Array, s: number, e: number): boolean | null {
  if (matchAny(buf, s, e, TRUE_TEXT)) return true;
  if (matchAny(buf, s, e, FALSE_TEXT)) return false;
  return null;
}

/** A column being read. */
export class ColumnParser {
  kind: CsvKind;
  /** The kind was requested: values that do not fit are errors, not widening. */
  readonly fixed: boolean;
  length = 0;
  #valid: Uint8Array | null = null;
  #nulls = 0;
  #i32 = new Int32Array(0);
  #f64 = new Float64Array(0);
  /** int64 as words (low, high); also bools as one byte each. */
  #w64 = new Int32Array(0);
  #bytes = new Uint8Array(0);
  #nBytes = 0;
  #offsets = new Int32Array(1);
  readonly #num = new Float64Array(1);

  constructor(kind: CsvKind | null) {
    this.kind = kind ?? "null";
    this.fixed = kind !== null;
  }

  /** Drop everything read, to read again from the first row as `kind`. */
  restartAs(kind: CsvKind): void {
    this.kind = kind;
    this.length = 0;
    this.#valid = null;
    this.#nulls = 0;
    this.#nBytes = 0;
    this.#offsets = new Int32Array(64);
  }

  /**
   * Read field `col` of `m` rows (`first[r]` is row r's first field).
   * Returns false when the column must be read again from its first row
   * (its kind changed to one that needs the original text).
   */
  parse(ctx: ParseContext, fields: Fields, first: Int32Array, m: number, col: number): boolean {
    this.#reserve(m);
    let r = 0;
    while (r < m) {
      const k = this.kind;
      if (k === "int32") r = this.#ints(ctx, fields, first, r, m, col);
      else if (k === "float64") r = this.#floats(ctx, fields, first, r, m, col);
      else if (k === "utf8") r = this.#strings(ctx, fields, first, r, m, col);
      else r = this.#other(ctx, fields, first, r, col);
      if (r < 0) return false;
    }
    return true;
  }

  #reserve(m: number): void {
    const need = this.length + m;
    if (this.#valid !== null && this.#valid.length * 8 < need)
      this.#valid = growValidity(this.#valid, (need >>> 3) + 1);
  }

  #setNull(): void {
    const i = this.length;
    if (this.#valid === null) {
      this.#valid = new Uint8Array(Math.max(64, (this.#capacity() >>> 3) + 1)).fill(255);
    } else if (i >>> 3 >= this.#valid.length) this.#valid = growValidity(this.#valid, (i >>> 2) + 8);
    this.#valid[i >>> 3] = (this.#valid[i >>> 3] as number) & ~(1 << (i & 7));
    this.#nulls++;
  }

  #capacity(): number {
    return Math.max(
      this.#i32.length,
      this.#f64.length,
      this.#w64.length >>> 1,
      this.#offsets.length,
      this.length + 1,
    );
  }

  /** int32 rows from r; returns where the kind changed, or m. */
  #ints(ctx: ParseContext, fields: Fields, first: Int32Array, r: number, m: number, col: number): number {
    const { buf, nulls, thousands } = ctx;
    if (this.#i32.length < this.length + (m - r)) this.#i32 = growI32(this.#i32, this.length + (m - r));
    const out = this.#i32;
    const num = this.#num;
    for (; r < m; r++) {
      const f = (first[r] as number) + col;
      const s = fields.starts[f] as number;
      const e = fields.ends[f] as number;
      const code = parseIntBytes(buf, s, e, thousands, num);
      if (code === INT_OK && (num[0] as number) >= -2147483648 && (num[0] as number) <= 2147483647) {
        out[this.length++] = num[0] as number;
        continue;
      }
      if (code !== INT_OK && code !== INT_LONG && nulls.isNull(buf, s, e)) {
        this.#setNull();
        out[this.length++] = 0;
        continue;
      }
      // a wider integer, a float or text: widen (or fail when fixed)
      if (this.fixed) throw new ValueError(r, ctx.decode(s, e), "int32");
      this.#widenInts();
      return r;
    }
    return m;
  }

  /** int32 → int64 (exact); the row that asked is read again by the int64 loop. */
  #widenInts(): void {
    const n = this.length;
    const w = new Int32Array(2 * Math.max(n * 2, 64));
    for (let i = 0; i < n; i++) {
      const v = this.#i32[i] as number;
      w[2 * i] = v;
      w[2 * i + 1] = v < 0 ? -1 : 0;
    }
    this.#w64 = w;
    this.#i32 = new Int32Array(0);
    this.kind = "int64";
  }

  /** int64 (exact) → float64. */
  #widenToFloat(): void {
    const n = this.length;
    const f = new Float64Array(Math.max(n * 2, 64));
    if (this.kind === "int64") {
      const w = this.#w64;
      for (let i = 0; i < n; i++) f[i] = (w[2 * i + 1] as number) * 4294967296 + ((w[2 * i] as number) >>> 0);
    } else for (let i = 0; i < n; i++) f[i] = this.#i32[i] as number;
    this.#f64 = f;
    this.#w64 = new Int32Array(0);
    this.#i32 = new Int32Array(0);
    this.kind = "float64";
  }

  #floats(ctx: ParseContext, fields: Fields, first: Int32Array, r: number, m: number, col: number): number {
    const { buf, nulls, decimal, thousands, decode } = ctx;
    if (this.#f64.length < this.length + (m - r)) this.#f64 = growF64(this.#f64, this.length + (m - r));
    const out = this.#f64;
    const num = this.#num;
    for (; r < m; r++) {
      const f = (first[r] as number) + col;
      const s = fields.starts[f] as number;
      const e = fields.ends[f] as number;
      if (nulls.isNull(buf, s, e)) {
        this.#setNull();
        out[this.length++] = 0;
        continue;
      }
      if (parseFloatBytes(buf, s, e, decimal, thousands, num, decode)) {
        out[this.length++] = num[0] as number;
        continue;
      }
      if (this.fixed) throw new ValueError(r, decode(s, e), "float64");
      this.restartAs("utf8");
      return -1;
    }
    return m;
  }

  #strings(ctx: ParseContext, fields: Fields, first: Int32Array, r: number, m: number, col: number): number {
    const { buf, nulls } = ctx;
    if (this.#offsets.length < this.length + (m - r) + 1)
      this.#offsets = growI32(this.#offsets, this.length + (m - r) + 1);
    for (; r < m; r++) {
      const f = (first[r] as number) + col;
      const s = fields.starts[f] as number;
      const e = fields.ends[f] as number;
      if (nulls.isNull(buf, s, e)) {
        this.#setNull();
        this.#offsets[++this.length] = this.#nBytes;
        continue;
      }
      if (this.#bytes.length < this.#nBytes + (e - s)) {
        this.#bytes = growU8(this.#bytes, Math.max(this.#nBytes + (e - s), this.#bytes.length * 2, 1024));
      }
      if (fields.escaped[f] === 1)
        this.#nBytes = copyUnescaped(buf, s, e, ctx.quote, ctx.escape, this.#bytes, this.#nBytes);
      else {
        // a byte loop: a subarray per field (for set) made most of the garbage
        const out = this.#bytes;
        let at = this.#nBytes;
        for (let k = s; k < e; k++) out[at++] = buf[k] as number;
        this.#nBytes = at;
      }
      this.#offsets[++this.length] = this.#nBytes;
    }
    return m;
  }

  /** The kinds whose loops are not hot: nothing seen yet, bool, int64. */
  #other(ctx: ParseContext, fields: Fields, first: Int32Array, r: number, col: number): number {
    const { buf, nulls, thousands } = ctx;
    const f = (first[r] as number) + col;
    const s = fields.starts[f] as number;
    const e = fields.ends[f] as number;
    const isNull = nulls.isNull(buf, s, e);
    if (this.kind === "null") {
      if (isNull) {
        this.#setNull();
        this.length++;
        return r + 1;
      }
      // the first value decides where to start
      const code = parseIntBytes(buf, s, e, thousands, this.#num);
      const kind: CsvKind =
        boolOf(buf, s, e) !== null
          ? "bool"
          : code === INT_OK || code === INT_LONG
            ? "int32"
            : parseFloatBytes(buf, s, e, ctx.decimal, thousands, this.#num, ctx.decode)
              ? "float64"
              : "utf8";
      this.#become(kind);
      return r;
    }
    if (this.kind === "bool") {
      const b = isNull ? null : boolOf(buf, s, e);
      if (b === null && !isNull) {
        if (this.fixed) throw new ValueError(r, ctx.decode(s, e), "bool");
        this.restartAs("utf8");
        return -1;
      }
      if (this.#w64.length <= this.length) this.#w64 = growI32(this.#w64, Math.max(this.length * 2, 64));
      if (b === null) this.#setNull();
      this.#w64[this.length++] = b === true ? 1 : 0;
      return r + 1;
    }
    // int64
    if (this.#w64.length < 2 * (this.length + 1))
      this.#w64 = growI32(this.#w64, Math.max(4 * this.length, 128));
    if (isNull) {
      this.#setNull();
      this.#w64[2 * this.length] = 0;
      this.#w64[2 * this.length + 1] = 0;
      this.length++;
      return r + 1;
    }
    if (parseInt64Words(buf, s, e, thousands, this.#w64, this.length)) {
      this.length++;
      return r + 1;
    }
    if (this.fixed) throw new ValueError(r, ctx.decode(s, e), "int64");
    if (
      parseFloatBytes(buf, s, e, ctx.decimal, thousands, this.#num, ctx.decode) &&
      parseIntBytes(buf, s, e, thousands, this.#num) === 0
    ) {
      this.#widenToFloat();
      return r;
    }
    // an integer beyond int64, or text: strings keep it exactly
    this.restartAs("utf8");
    return -1;
  }

  /** Leave "null" for `kind`; the nulls read so far stay nulls. */
  #become(kind: CsvKind): void {
    const n = this.length;
    this.kind = kind;
    // zeros under the nulls so far (offsets all 0: empty strings)
    if (kind === "int32") this.#i32 = new Int32Array(Math.max(n * 2, 64));
    else if (kind === "float64") this.#f64 = new Float64Array(Math.max(n * 2, 64));
    else if (kind === "bool") this.#w64 = new Int32Array(Math.max(n * 2, 64));
    else if (kind === "utf8") this.#offsets = new Int32Array(n + 64);
  }

  /** The column read (the parser is spent afterwards). */
  finish(): Column {
    const n = this.length;
    const validity = this.#valid === null ? null : this.#valid.slice(0, (n + 7) >>> 3);
    let dtype: DType;
    let values: ArrayBufferView;
    let valueOffsets: Int32Array | undefined;
    switch (this.kind) {
      case "null":
        // pandas reads an all-missing column as float64
        dtype = float64;
        values = new Float64Array(n);
        break;
      case "int32":
        dtype = int32;
        values = this.#i32.slice(0, n);
        break;
      case "int64":
        dtype = int64;
        values = new BigInt64Array(this.#w64.buffer.slice(0, 8 * n));
        break;
      case "float64":
        dtype = float64;
        values = this.#f64.slice(0, n);
        break;
      case "bool": {
        dtype = bool;
        const bits = new Uint8Array((n + 7) >>> 3);
        for (let i = 0; i < n; i++)
          if (this.#w64[i] === 1) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
        values = bits;
        break;
      }
      case "utf8":
        dtype = utf8;
        values = this.#bytes.slice(0, this.#nBytes);
        valueOffsets = this.#offsets.slice(0, n + 1);
        break;
    }
    return Column.fromChunk(makeChunk({ dtype, length: n, values, validity, valueOffsets } as never));
  }
}

/** Copy a quoted field's content, undoing doubled quotes or escapes; the new byte count. */
function copyUnescaped(
  buf: Uint8Array,
  s: number,
  e: number,
  quote: number,
  esc: number,
  out: Uint8Array,
  at: number,
): number {
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if ((esc === -1 && c === quote) || c === esc) i++;
    out[at++] = buf[i] as number;
  }
  return at;
}

function growI32(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(need, a.length * 2, 64));
  out.set(a);
  return out;
}

function growF64(a: Float64Array, need: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(Math.max(need, a.length * 2, 64));
  out.set(a);
  return out;
}

function growU8(a: Uint8Array, need: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.max(need, a.length * 2, 64));
  out.set(a);
  return out;
}

/** Grow validity bits; the new bits are valid until a null clears one. */
function growValidity(a: Uint8Array, need: number): Uint8Array<ArrayBuffer> {
  const out = growU8(a, need);
  out.fill(255, a.length);
  return out;
}

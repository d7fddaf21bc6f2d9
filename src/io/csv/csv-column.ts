/**
 * One CSV column being read by the fast engine. Values go from the field
 * bytes straight into typed storage, in blocks of BLOCK rows that every
 * column seals together. Without a requested dtype the column infers one,
 * widening as values demand: nothing seen yet → bool | int32 | timestamp →
 * int64 → float64 → utf8. Number widening is lossless and happens block by
 * block at the end; a change that needs the original text (to utf8, or away
 * from bool or timestamp) "restarts" the column: its earlier rows are read
 * again as text by the driver (see `needsPrefix`).
 * @internal
 */
import { type Chunk, makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { bool, type DType, float64, int32, int64, timestamp, utf8 } from "../../core/dtype.js";
import type { NullMarkers } from "./null-markers.js";
import { INT_LONG, INT_OK, parseFloatBytes, parseInt64Words, parseIntBytes } from "./parse-number.js";
import { parseIsoBytes, TS_NAIVE, TS_NONE } from "./parse-time.js";

/** Column kinds, ordered so that number widening only goes up. */
export const SKIP = 0;
export const NULL = 1;
export const BOOL = 2;
export const TS = 3;
export const I32 = 4;
export const I64 = 5;
export const F64 = 6;
export const UTF8 = 7;

export const KIND_NAMES = ["skip", "null", "bool", "timestamp", "int32", "int64", "float64", "utf8"] as const;
export type CsvKind = (typeof KIND_NAMES)[number];

/** Rows per block: every column seals its block at the same row. */
export const BLOCK = 1 << 16;

/** `push` results. */
export const OK = 0;
/** The column became utf8 and its earlier rows must be read again as text. */
export const RESTART = 1;
/** The value does not fit the requested dtype. */
export const MISFIT = 2;
/** The row has the wrong number of fields: nothing was changed for it. */
export const BADROW = 3;

/** How field text becomes values: number format and null markers. */
export interface TextRules {
  readonly nulls: NullMarkers;
  readonly decimal: number;
  readonly thousands: number;
  readonly quote: number;
  readonly escape: number;
  readonly decode: (buf: Uint8Array, s: number, e: number) => string;
}

interface Block {
  kind: number;
  length: number;
  values: Int32Array | Float64Array | Uint8Array | null;
  validity: Uint8Array | null;
  bytes: Uint8Array | null;
  offsets: Int32Array | null;
  tz: number;
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

/** 1 for a pandas true text, 0 for false, -1 otherwise. */
function boolOf(buf: Uint8Array, s: number, e: number): number {
  if (matchAny(buf, s, e, TRUE_TEXT)) return 1;
  return matchAny(buf, s, e, FALSE_TEXT) ? 0 : -1;
}

/** A column being read. The fast loop writes `i32`, `f64`, `bytes` and `offs` directly. */
export class CsvColumn {
  kind: number;
  /** The kind was requested: values that do not fit are errors, not widening. */
  readonly fixed: boolean;
  i32 = new Int32Array(0);
  f64 = new Float64Array(0);
  /** int64 and timestamps as word pairs (low, high); bools one byte each in `u8`. */
  w64 = new Int32Array(0);
  u8 = new Uint8Array(0);
  bytes = new Uint8Array(0);
  nBytes = 0;
  offs = new Int32Array(0);
  /** Validity of the current block, made at its first null. */
  valid: Uint8Array | null = null;
  /** Timestamps: TS_NONE until the first value, then naive or UTC. */
  tz = TS_NONE;
  /** Rows the current block holds (BLOCK, or more once `grow` sized it for the whole input). */
  cap = BLOCK;
  readonly #blocks: Block[] = [];
  readonly #num = new Float64Array(1);
  /** Restarted: rows before `prefixRows` are read again as text into `prefix`. */
  prefixRows = -1;
  prefix: Column | null = null;
  /** Placeholder rows at the start of the first block after a restart. */
  #skip = 0;
  /**
   * Whether the row being read has the right number of fields. Asked
   * before a value changes the column's kind or fails it, so that a row
   * that is left out cannot change a column.
   */
  rowIsGood: () => boolean = () => true;

  /** @param dates - infer ISO 8601 text as timestamps */
  constructor(
    kind: number,
    fixed: boolean,
    readonly dates = true,
  ) {
    this.kind = kind;
    this.fixed = fixed;
    this.#open(0);
  }

  /** A fresh column that must read this one's dtype (later batches of a scan keep the first's dtypes). */
  fixedLike(): CsvColumn {
    const c = new CsvColumn(this.kind === NULL ? F64 : this.kind, true, this.dates);
    c.tz = this.tz;
    return c;
  }

  /** Whether the driver must read rows [0, prefixRows) of this column again as text. */
  get needsPrefix(): boolean {
    return this.prefixRows >= 0 && this.prefix === null;
  }

  /** Fresh storage for the current kind; `keepBytes` sizes the next string block. */
  #open(keepBytes: number): void {
    this.valid = null;
    const k = this.kind;
    const cap = this.cap;
    if (k === I32) this.i32 = new Int32Array(cap);
    else if (k === F64) this.f64 = new Float64Array(cap);
    else if (k === I64 || k === TS) this.w64 = new Int32Array(2 * cap);
    else if (k === BOOL) this.u8 = new Uint8Array(cap);
    else if (k === UTF8) {
      this.offs = new Int32Array(cap + 1);
      this.bytes = new Uint8Array(Math.max(1024, keepBytes + (keepBytes >>> 3)));
      this.nBytes = 0;
    }
  }

  /** Seal the current block of `length` rows and open the next, of BLOCK rows. */
  seal(length: number): void {
    if (this.kind === SKIP) return;
    this.#blocks.push(this.#current(length));
    this.cap = BLOCK;
    this.#open(this.nBytes);
  }

  /**
   * Let the current block, holding `at` rows, hold `cap` rows: its storage
   * is copied into larger buffers (string bytes sized at the same bytes
   * per row, and more), so that a read whose size is known fills one block
   * instead of joining many at the end.
   */
  grow(at: number, cap: number): void {
    this.cap = cap;
    const k = this.kind;
    if (k === SKIP) return;
    if (this.valid !== null) {
      const v = new Uint8Array((cap + 7) >>> 3).fill(255);
      v.set(this.valid.subarray(0, (at + 7) >>> 3));
      this.valid = v;
    }
    if (k === I32) this.i32 = copied(new Int32Array(cap), this.i32, at);
    else if (k === F64) this.f64 = copied(new Float64Array(cap), this.f64, at);
    else if (k === I64 || k === TS) this.w64 = copied(new Int32Array(2 * cap), this.w64, 2 * at);
    else if (k === BOOL) this.u8 = copied(new Uint8Array(cap), this.u8, at);
    else if (k === UTF8) {
      this.offs = copied(new Int32Array(cap + 1), this.offs, at + 1);
      const want = at === 0 ? 1024 : Math.ceil((this.nBytes / at) * cap * 1.05) + 1024;
      this.bytes = copied(new Uint8Array(Math.max(want, this.nBytes)), this.bytes, this.nBytes);
    }
  }

  #current(length: number): Block {
    const k = this.kind;
    return {
      kind: k,
      length,
      values:
        k === I32
          ? this.i32
          : k === F64
            ? this.f64
            : k === I64 || k === TS
              ? this.w64
              : k === BOOL
                ? this.u8
                : null,
      validity: this.valid,
      bytes: k === UTF8 ? this.bytes : null,
      offsets: k === UTF8 ? this.offs : null,
      tz: this.tz,
    };
  }

  /** Mark row `at` of the block null (its value slot holds 0 / an empty string). */
  setNull(at: number): void {
    if (this.valid === null) this.valid = new Uint8Array((this.cap + 7) >>> 3).fill(255);
    this.valid[at >>> 3] = (this.valid[at >>> 3] as number) & ~(1 << (at & 7));
  }

  /** Undo row `at` (the last written): a row left out, or cut by the end of the bytes. */
  unset(at: number): void {
    if (this.valid !== null) this.valid[at >>> 3] = (this.valid[at >>> 3] as number) | (1 << (at & 7));
    if (this.kind === UTF8) this.nBytes = this.offs[at] as number;
  }

  /** Room for `more` further string bytes. */
  growBytes(more: number): void {
    const out = new Uint8Array(Math.max(this.nBytes + more, this.bytes.length * 2));
    out.set(this.bytes.subarray(0, this.nBytes));
    this.bytes = out;
  }

  /**
   * Read one field's text buf[s, e) into row `at` of the block (`row`: the
   * row's index in the whole column). `escaped`: the field holds doubled
   * quotes or escapes to undo. Returns OK, RESTART or MISFIT.
   */
  push(
    buf: Uint8Array,
    s: number,
    e: number,
    escaped: boolean,
    at: number,
    row: number,
    t: TextRules,
  ): number {
    const k = this.kind;
    if (k === SKIP) return OK;
    if (t.nulls.isNull(buf, s, e)) {
      this.#writeNull(at);
      return OK;
    }
    if (k === UTF8) {
      this.#text(buf, s, e, escaped, at, t);
      return OK;
    }
    if (escaped) return this.#misfit(row, at);
    const num = this.#num;
    if (k === I32) {
      const code = parseIntBytes(buf, s, e, t.thousands, num);
      const v = num[0] as number;
      if (code === INT_OK && v >= -2147483648 && v <= 2147483647) {
        this.i32[at] = v;
        return OK;
      }
      if (!this.rowIsGood()) return BADROW;
      if (this.fixed) return MISFIT;
      this.#widen(code === INT_OK || code === INT_LONG ? I64 : F64, at);
      return this.push(buf, s, e, escaped, at, row, t);
    }
    if (k === I64) {
      if (parseInt64Words(buf, s, e, t.thousands, this.w64, at)) return OK;
      if (!this.rowIsGood()) return BADROW;
      if (this.fixed) return MISFIT;
      // an integer beyond int64 stays exact as text; a decimal widens
      if (parseIntBytes(buf, s, e, t.thousands, num) !== 0) return this.#misfit(row, at);
      this.#widen(F64, at);
      return this.push(buf, s, e, escaped, at, row, t);
    }
    if (k === F64) {
      if (parseFloatBytes(buf, s, e, t.decimal, t.thousands, num, (a, b) => t.decode(buf, a, b))) {
        this.f64[at] = num[0] as number;
        return OK;
      }
      return this.#misfit(row, at);
    }
    if (k === BOOL) {
      const b = boolOf(buf, s, e);
      if (b < 0) return this.#misfit(row, at);
      this.u8[at] = b;
      return OK;
    }
    if (k === TS) {
      const z = parseIsoBytes(buf, s, e, this.w64, at);
      if (z !== TS_NONE && (this.tz === TS_NONE || this.tz === z)) {
        this.tz = z;
        return OK;
      }
      return this.#misfit(row, at);
    }
    // NULL: the first value decides where to start
    if (!this.rowIsGood()) return BADROW;
    this.kind = this.#firstKind(buf, s, e, t);
    this.#become();
    return this.push(buf, s, e, escaped, at, row, t);
  }

  #firstKind(buf: Uint8Array, s: number, e: number, t: TextRules): number {
    if (boolOf(buf, s, e) >= 0) return BOOL;
    const code = parseIntBytes(buf, s, e, t.thousands, this.#num);
    if (code === INT_OK || code === INT_LONG) return I32;
    if (parseFloatBytes(buf, s, e, t.decimal, t.thousands, this.#num, (a, b) => t.decode(buf, a, b)))
      return F64;
    if (this.dates && e - s >= 10 && parseIsoBytes(buf, s, e, new Int32Array(2), 0) !== TS_NONE) return TS;
    return UTF8;
  }

  #writeNull(at: number): void {
    this.setNull(at);
    const k = this.kind;
    if (k === I32) this.i32[at] = 0;
    else if (k === F64) this.f64[at] = 0;
    else if (k === I64 || k === TS) {
      this.w64[2 * at] = 0;
      this.w64[2 * at + 1] = 0;
    } else if (k === BOOL) this.u8[at] = 0;
    else if (k === UTF8) this.offs[at + 1] = this.nBytes;
  }

  #text(buf: Uint8Array, s: number, e: number, escaped: boolean, at: number, t: TextRules): void {
    if (this.bytes.length - this.nBytes < e - s) this.growBytes(e - s);
    const out = this.bytes;
    let n = this.nBytes;
    if (escaped) {
      const esc = t.escape;
      for (let i = s; i < e; i++) {
        const c = buf[i] as number;
        // a doubled quote (RFC 4180) or the escape byte: keep the next byte
        if ((esc === -1 && c === t.quote) || c === esc) i++;
        out[n++] = buf[i] as number;
      }
    } else for (let i = s; i < e; i++) out[n++] = buf[i] as number;
    this.nBytes = n;
    this.offs[at + 1] = n;
  }

  /** A value the kind cannot hold: restart as utf8, or MISFIT when the kind was requested. */
  #misfit(row: number, at: number): number {
    if (!this.rowIsGood()) return BADROW;
    if (this.fixed) return MISFIT;
    this.restartAsText(row, at);
    return RESTART;
  }

  /**
   * Become utf8 from row `row` on (row `at` of the current block): the
   * blocks so far are dropped, and the current block's earlier rows are
   * placeholders until the prefix is read again.
   */
  restartAsText(row: number, at: number): void {
    this.#blocks.length = 0;
    this.kind = UTF8;
    this.#open(0);
    // placeholders: empty strings
    for (let i = 0; i <= at; i++) this.offs[i] = 0;
    this.prefixRows = row;
    this.#skip = at;
  }

  /** Leave NULL for the current kind: zeros (empty strings) under the nulls so far. */
  #become(): void {
    const valid = this.valid;
    this.#open(0);
    this.valid = valid;
  }

  /** Widen the current block's rows [0, at) to `to`; sealed blocks widen at the end. */
  #widen(to: number, at: number): void {
    const from = this.kind;
    if (to === I64) {
      const w = new Int32Array(2 * this.cap);
      for (let i = 0; i < at; i++) {
        const v = this.i32[i] as number;
        w[2 * i] = v;
        w[2 * i + 1] = v < 0 ? -1 : 0;
      }
      this.w64 = w;
    } else {
      const f = new Float64Array(this.cap);
      if (from === I32) for (let i = 0; i < at; i++) f[i] = this.i32[i] as number;
      else
        for (let i = 0; i < at; i++)
          f[i] = (this.w64[2 * i + 1] as number) * 4294967296 + ((this.w64[2 * i] as number) >>> 0);
      this.f64 = f;
    }
    this.kind = to;
  }

  /** The column read: blocks joined into one chunk (rows after `length` in the current block ignored). */
  finish(length: number): Column {
    const blocks = this.#blocks;
    blocks.push(this.#current(length));
    // pandas: a column of nulls is float64; a column without rows, text
    const rows = blocks.reduce((n, b) => n + b.length, 0) + (this.prefix?.length ?? 0);
    const kind = this.kind !== NULL ? this.kind : rows === 0 ? UTF8 : F64;
    const tz = blocks.reduce((z, b) => (b.tz !== TS_NONE ? b.tz : z), TS_NONE);
    const dtype = dtypeOf(kind, tz);
    const chunks: Chunk[] = [];
    if (this.prefix !== null) chunks.push(...this.prefix.chunks);
    blocks.forEach((b, i) => {
      if (b.length === 0) return;
      const c = blockChunk(b, kind === UTF8 || b.kind === NULL ? dtype : dtypeOf(b.kind, tz));
      const skip = i === 0 ? this.#skip : 0;
      chunks.push(skip === 0 ? c : sliceOf(c, skip));
    });
    this.#blocks.length = 0;
    if (chunks.length === 0) return Column.fromChunk(blockChunk({ ...emptyBlock(), kind }, dtype));
    return widenAll(chunks, dtype).rechunk();
  }
}

/** `out` with the first `n` elements of `from`. */
function copied<T extends Int32Array | Float64Array | Uint8Array>(out: T, from: T, n: number): T {
  out.set(from.subarray(0, n) as never);
  return out;
}

function emptyBlock(): Block {
  return {
    kind: F64,
    length: 0,
    values: new Float64Array(0),
    validity: null,
    bytes: new Uint8Array(0),
    offsets: new Int32Array(1),
    tz: TS_NONE,
  };
}

/** The dtype a column of `kind` (and timestamp zone `tz`) reads into. */
export function dtypeOf(kind: number, tz: number): DType {
  switch (kind) {
    case BOOL:
      return bool;
    case I32:
      return int32;
    case I64:
      return int64;
    case TS:
      return tz === TS_NAIVE || tz === TS_NONE ? timestamp("ns") : timestamp("ns", "UTC");
    case UTF8:
      return utf8;
    default:
      return float64;
  }
}

/** A block as a chunk of `dtype` (its own kind's, or the column's when the block held only nulls). */
function blockChunk(b: Block, dtype: DType): Chunk {
  const n = b.length;
  let values: ArrayBufferView;
  let valueOffsets: Int32Array | null = null;
  if (b.kind === NULL) return nullChunk(dtype, n, b.validity);
  if (b.kind === UTF8) {
    valueOffsets = (b.offsets as Int32Array).subarray(0, n + 1);
    values = (b.bytes as Uint8Array).subarray(0, valueOffsets[n] as number);
  } else if (b.kind === BOOL) {
    const bits = new Uint8Array((n + 7) >>> 3);
    const u = b.values as Uint8Array;
    for (let i = 0; i < n; i++) if (u[i] === 1) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
    values = bits;
  } else if (b.kind === I64 || b.kind === TS) {
    const w = b.values as Int32Array;
    values = new BigInt64Array(w.buffer, w.byteOffset, n);
  } else values = (b.values as Int32Array | Float64Array).subarray(0, n);
  return makeChunk({ dtype, length: n, values, validity: b.validity, valueOffsets } as never);
}

/**
 * `n` nulls of a dtype the reader makes: zeros (empty strings) under a
 * validity of all nulls, or under `validity` when given.
 */
export function nullChunk(dtype: DType, n: number, validity: Uint8Array | null = null): Chunk {
  const k = dtype.kind;
  let values: ArrayBufferView;
  let valueOffsets: Int32Array | null = null;
  if (k === "utf8") {
    values = new Uint8Array(0);
    valueOffsets = new Int32Array(n + 1);
  } else if (k === "bool") values = new Uint8Array((n + 7) >>> 3);
  else if (k === "int32") values = new Int32Array(n);
  else if (k === "int64" || k === "timestamp") values = new BigInt64Array(n);
  else values = new Float64Array(n);
  const valid = validity ?? new Uint8Array((n + 7) >>> 3);
  return makeChunk({ dtype, length: n, values, validity: valid, valueOffsets } as never);
}

function sliceOf(c: Chunk, skip: number): Chunk {
  return Column.fromChunk(c).slice(skip, c.length).chunks[0] as Chunk;
}

/** Join chunks of possibly narrower number dtypes into a column of `dtype`. */
function widenAll(chunks: Chunk[], dtype: DType): Column {
  const out: Chunk[] = chunks.map((c) => {
    if (c.dtype.kind === dtype.kind) return c;
    const n = c.length;
    const v = c.values as Int32Array | BigInt64Array;
    if (dtype.kind === "int64") {
      const w = new BigInt64Array(n);
      const u = new Int32Array(w.buffer);
      for (let i = 0; i < n; i++) {
        u[2 * i] = v[i] as number;
        u[2 * i + 1] = (v[i] as number) < 0 ? -1 : 0;
      }
      return makeChunk({ dtype, length: n, values: w, validity: c.validity, offset: c.offset } as never);
    }
    const f = new Float64Array(n);
    if (v instanceof BigInt64Array) {
      const u = new Int32Array(v.buffer, v.byteOffset, 2 * n);
      for (let i = 0; i < n; i++) f[i] = (u[2 * i + 1] as number) * 4294967296 + ((u[2 * i] as number) >>> 0);
    } else for (let i = 0; i < n; i++) f[i] = v[i] as number;
    return makeChunk({ dtype, length: n, values: f, validity: c.validity, offset: c.offset } as never);
  });
  return new Column(dtype, out);
}

/**
 * The "limit" for the IO questions: a hand-written reader and writer for
 * exactly the h2o G1 schema (bench/h2o.ts), byte loops over fs buffers
 * and nothing else. The reader reads the file in 4 MiB chunks (as
 * ndframe's reader does) into Arrow-layout columns: utf8 bytes + Int32
 * offsets for id1..id3, Int32Array for id4..v2, Float64Array for v3
 * (digits accumulated as an integer m, then m / 10^k: exact, as the
 * decimals here have at most 15 digits). It knows the column order and
 * that no field is quoted, negative, null or in exponent form; it does not
 * know N (arrays are sized from the file size and grown if needed). The
 * writer formats ints with a digit loop and floats as their shortest
 * round-trip decimal (`String(v)`), with a digit-loop fast path for
 * values with at most 6 decimals (see putFloat; correct for any double).
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import type { Check } from "../config.js";
import { H2O_COLUMNS, h2oCheck } from "../h2o.js";

/** A utf8 column: row i is bytes[offsets[i], offsets[i + 1]). */
export interface Utf8 {
  offsets: Int32Array;
  bytes: Uint8Array;
}

export interface H2oTable {
  length: number;
  id1: Utf8;
  id2: Utf8;
  id3: Utf8;
  id4: Int32Array;
  id5: Int32Array;
  id6: Int32Array;
  v1: Int32Array;
  v2: Int32Array;
  v3: Float64Array;
}

const CHUNK = 1 << 22;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
// the shortest possible row: 3 one-byte ids of 5, 5 and 12 bytes, five one-digit ints, "0", 8 commas, "\n"
const MIN_ROW = 5 + 5 + 12 + 5 + 1 + 9;

/** The growable state of the reader: the column buffers and how much of each is filled. */
class Builder {
  rows = 0;
  cap: number;
  o1: Int32Array;
  o2: Int32Array;
  o3: Int32Array;
  b1: Uint8Array;
  b2: Uint8Array;
  b3: Uint8Array;
  n1 = 0;
  n2 = 0;
  n3 = 0;
  id4: Int32Array;
  id5: Int32Array;
  id6: Int32Array;
  v1: Int32Array;
  v2: Int32Array;
  v3: Float64Array;

  constructor(cap: number) {
    this.cap = cap;
    this.o1 = new Int32Array(cap + 1);
    this.o2 = new Int32Array(cap + 1);
    this.o3 = new Int32Array(cap + 1);
    this.b1 = new Uint8Array(cap * 5 + 64);
    this.b2 = new Uint8Array(cap * 5 + 64);
    this.b3 = new Uint8Array(cap * 12 + 64);
    this.id4 = new Int32Array(cap);
    this.id5 = new Int32Array(cap);
    this.id6 = new Int32Array(cap);
    this.v1 = new Int32Array(cap);
    this.v2 = new Int32Array(cap);
    this.v3 = new Float64Array(cap);
  }

  /** Room for `rows` more rows. */
  growRows(rows: number): void {
    if (this.rows + rows <= this.cap) return;
    const cap = Math.max(this.cap * 2, this.rows + rows);
    const i32 = (a: Int32Array, len: number) => {
      const b = new Int32Array(len);
      b.set(a);
      return b;
    };
    this.o1 = i32(this.o1, cap + 1);
    this.o2 = i32(this.o2, cap + 1);
    this.o3 = i32(this.o3, cap + 1);
    this.id4 = i32(this.id4, cap);
    this.id5 = i32(this.id5, cap);
    this.id6 = i32(this.id6, cap);
    this.v1 = i32(this.v1, cap);
    this.v2 = i32(this.v2, cap);
    const v3 = new Float64Array(cap);
    v3.set(this.v3);
    this.v3 = v3;
    this.cap = cap;
  }

  /** Room for `bytes` more string bytes in each string column. */
  growBytes(bytes: number): void {
    const u8 = (a: Uint8Array, used: number) => {
      if (used + bytes <= a.length) return a;
      const b = new Uint8Array(Math.max(a.length * 2, used + bytes));
      b.set(a.subarray(0, used));
      return b;
    };
    this.b1 = u8(this.b1, this.n1);
    this.b2 = u8(this.b2, this.n2);
    this.b3 = u8(this.b3, this.n3);
  }
}

/**
 * Parse the complete rows of buf[from, end) into `t`; returns where the
 * unparsed rest starts. A row is complete when its "\n" is before `end`
 * (or, with `last`, when it ends at `end`).
 */
function parseRows(t: Builder, buf: Uint8Array, from: number, end: number, last: boolean): number {
  // rows here are at most `end - from` / MIN_ROW; bytes at most `end - from`
  t.growRows(Math.ceil((end - from) / MIN_ROW) + 1);
  t.growBytes(end - from);
  const { o1, o2, o3, b1, b2, b3, id4, id5, id6, v1, v2, v3 } = t;
  let { rows, n1, n2, n3 } = t;
  let p = from;
  let stop = end;
  if (!last) {
    // only whole lines: stop after the last "\n"
    stop = buf.lastIndexOf(10, end - 1) + 1;
    if (stop <= from) return from;
  }
  while (p < stop) {
    let c = buf[p] as number;
    if (c === 10 || c === 13) {
      p++;
      continue;
    }
    while (c !== 44) {
      b1[n1++] = c;
      c = buf[++p] as number;
    }
    o1[rows + 1] = n1;
    c = buf[++p] as number;
    while (c !== 44) {
      b2[n2++] = c;
      c = buf[++p] as number;
    }
    o2[rows + 1] = n2;
    c = buf[++p] as number;
    while (c !== 44) {
      b3[n3++] = c;
      c = buf[++p] as number;
    }
    o3[rows + 1] = n3;
    let v = 0;
    c = buf[++p] as number;
    while (c !== 44) {
      v = v * 10 + c - 48;
      c = buf[++p] as number;
    }
    id4[rows] = v;
    v = 0;
    c = buf[++p] as number;
    while (c !== 44) {
      v = v * 10 + c - 48;
      c = buf[++p] as number;
    }
    id5[rows] = v;
    v = 0;
    c = buf[++p] as number;
    while (c !== 44) {
      v = v * 10 + c - 48;
      c = buf[++p] as number;
    }
    id6[rows] = v;
    v = 0;
    c = buf[++p] as number;
    while (c !== 44) {
      v = v * 10 + c - 48;
      c = buf[++p] as number;
    }
    v1[rows] = v;
    v = 0;
    c = buf[++p] as number;
    while (c !== 44) {
      v = v * 10 + c - 48;
      c = buf[++p] as number;
    }
    v2[rows] = v;
    // v3: digits into m, k = digits after the point (-1: no point)
    let m = 0;
    let k = -1;
    p++;
    while (p < stop) {
      c = buf[p] as number;
      if (c === 10 || c === 13) break;
      if (c === 46) k = 0;
      else {
        m = m * 10 + c - 48;
        if (k >= 0) k++;
      }
      p++;
    }
    v3[rows] = k > 0 ? m / (POW10[k] as number) : m;
    rows++;
  }
  t.rows = rows;
  t.n1 = n1;
  t.n2 = n2;
  t.n3 = n3;
  return stop;
}

/** Read the G1 CSV file at `path`. */
export function readH2o(path: string): H2oTable {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const t = new Builder(Math.ceil(size / MIN_ROW) + 1);
    // one chunk buffer, plus room for the unfinished line carried over
    const buf = new Uint8Array(CHUNK + 4096);
    let len = 0;
    let pos = 0;
    let header = true;
    for (;;) {
      const got = readSync(fd, buf, len, CHUNK, pos);
      pos += got;
      len += got;
      let from = 0;
      if (header) {
        from = buf.indexOf(10) + 1;
        if (from === 0) throw new Error(`hand: no header line in ${path}`);
        header = false;
      }
      const rest = parseRows(t, buf, from, len, got === 0);
      if (got === 0) break;
      buf.copyWithin(0, rest, len);
      len -= rest;
    }
    const n = t.rows;
    const utf8 = (offsets: Int32Array, bytes: Uint8Array, used: number): Utf8 => ({
      offsets: offsets.subarray(0, n + 1),
      bytes: bytes.subarray(0, used),
    });
    // views of the filled part (the unused tail of each array was never touched, so it is not resident)
    return {
      length: n,
      id1: utf8(t.o1, t.b1, t.n1),
      id2: utf8(t.o2, t.b2, t.n2),
      id3: utf8(t.o3, t.b3, t.n3),
      id4: t.id4.subarray(0, n),
      id5: t.id5.subarray(0, n),
      id6: t.id6.subarray(0, n),
      v1: t.v1.subarray(0, n),
      v2: t.v2.subarray(0, n),
      v3: t.v3.subarray(0, n),
    };
  } finally {
    closeSync(fd);
  }
}

const OUT = 1 << 20;

function flush(fd: number, buf: Uint8Array, len: number): void {
  let off = 0;
  while (off < len) off += writeSync(fd, buf, off, len - off);
}

/** Copy bytes[from, to) to out[p...]; returns the new end (a byte loop: the fields are a few bytes). */
function putBytes(out: Uint8Array, p: number, bytes: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) out[p++] = bytes[k] as number;
  return p;
}

/** Write a non-negative integer below 2^53 as decimal digits. */
function putInt(out: Uint8Array, p: number, v: number): number {
  if (v < 10) {
    out[p] = 48 + v;
    return p + 1;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let k = p + digits - 1; k >= p; k--) {
    out[k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  return p + digits;
}

/**
 * Write a float as its shortest round-trip decimal, `String(v)`. Fast
 * path: when v is exactly m / 10^6 for an integer 0 <= m < 10^15 (at most
 * 15 significant digits, so no shorter decimal reads back as v), write m's
 * digits with the point and without trailing zeros, which is what
 * String(v) gives; anything else goes through String(v).
 */
function putFloat(out: Uint8Array, p: number, v: number): number {
  const m = Math.round(v * 1e6);
  if (m >= 0 && m < 1e15 && m / 1e6 === v) {
    const whole = Math.floor(m / 1e6);
    let frac = m - whole * 1e6;
    p = putInt(out, p, whole);
    if (frac === 0) return p;
    let width = 6;
    while (frac % 10 === 0) {
      frac /= 10;
      width--;
    }
    out[p] = 46;
    for (let k = p + width; k > p; k--) {
      out[k] = 48 + (frac % 10);
      frac = Math.floor(frac / 10);
    }
    return p + 1 + width;
  }
  const s = String(v);
  for (let k = 0; k < s.length; k++) out[p++] = s.charCodeAt(k);
  return p;
}

/** Write the G1 table as CSV to `path`, 1 MiB at a time. */
export function writeH2o(t: H2oTable, path: string): void {
  const fd = openSync(path, "w");
  try {
    const out = new Uint8Array(OUT);
    let p = 0;
    for (const ch of `${H2O_COLUMNS.join(",")}\n`) out[p++] = ch.charCodeAt(0);
    const { id4, id5, id6, v1, v2, v3 } = t;
    const [o1, b1] = [t.id1.offsets, t.id1.bytes];
    const [o2, b2] = [t.id2.offsets, t.id2.bytes];
    const [o3, b3] = [t.id3.offsets, t.id3.bytes];
    for (let i = 0; i < t.length; i++) {
      // a row is at most ~100 bytes with 10-digit ints and a 24-character float
      if (p > OUT - 256) {
        flush(fd, out, p);
        p = 0;
      }
      p = putBytes(out, p, b1, o1[i] as number, o1[i + 1] as number);
      out[p++] = 44;
      p = putBytes(out, p, b2, o2[i] as number, o2[i + 1] as number);
      out[p++] = 44;
      p = putBytes(out, p, b3, o3[i] as number, o3[i + 1] as number);
      out[p++] = 44;
      p = putInt(out, p, id4[i] as number);
      out[p++] = 44;
      p = putInt(out, p, id5[i] as number);
      out[p++] = 44;
      p = putInt(out, p, id6[i] as number);
      out[p++] = 44;
      p = putInt(out, p, v1[i] as number);
      out[p++] = 44;
      p = putInt(out, p, v2[i] as number);
      out[p++] = 44;
      p = putFloat(out, p, v3[i] as number);
      out[p++] = 10;
    }
    flush(fd, out, p);
  } finally {
    closeSync(fd);
  }
}

/** The cross-library summary of a table read by hand. */
export function handCheck(t: H2oTable): Check {
  let s1 = 0;
  let s3 = 0;
  for (let i = 0; i < t.length; i++) {
    s1 += t.v1[i] as number;
    s3 += t.v3[i] as number;
  }
  const n = t.length;
  const a = t.id3.offsets[n - 1] as number;
  const b = t.id3.offsets[n] as number;
  const last = n === 0 ? Number.NaN : Number(new TextDecoder().decode(t.id3.bytes.subarray(a + 2, b)));
  return h2oCheck(n, H2O_COLUMNS.length, s1, s3, last);
}

/**
 * Deterministic bench data. Every value is a pure function of (seed,
 * stream, row) through a counter-based hash, so each child process
 * regenerates exactly the same columns without files or shared state.
 *
 * Columns (n rows each):
 * - f64 a, b, c: uniform in [0, 100) with 53 random bits.
 * - i32 a, b, c: uniform integers in [-32768, 32767], so a * b + c fits int32.
 * - i64 a, b, c: uniform integers in [-2^31, 2^31), so a * b + c fits int64.
 * - argsort i32: uniform over the whole int32 range.
 * - factorize i32: uniform integers in [1, 1e5].
 * - factorize i64: 1e5 distinct values spread up to 2^49, uniform over rows.
 * - utf8: ids `"id" + zero-padded code`: 100 levels `id001`…`id100` (5 bytes),
 *   or 1e5 levels `id0000000001`… (12 bytes), codes uniform over rows.
 * - perm: a random permutation of 0..n-1 (Fisher–Yates).
 * - frame questions: a, b f64 as above, k i32 uniform in [0, 1000).
 * - IO questions (kind h2o): no columns, the path of the h2o G1 CSV file,
 *   generated once per (n, seed) by bench/h2o.ts from the same RNG; the
 *   Arrow questions on h2o: the path of the G1 table as an Arrow IPC file
 *   (bench/h2o.ts `ensureH2oArrow`, made by the parent before the cells run).
 * - Parquet and Arrow questions on kind flights: the path of vega-datasets'
 *   flights-3m.parquet or flights-200k.arrow (fixed files; n is ignored).
 * - text and time questions (kinds text, ts, iso): sentences, timestamps
 *   and ISO strings from bench/text-data.ts.
 */

import { FLIGHTS_ARROW, FLIGHTS_PARQUET, type Kind, type Op } from "./config.js";
import { ensureH2oCsv, h2oArrowPath } from "./h2o.js";
import { makeIso, makeText, makeTimestamps, type Timestamps, type Utf8Data } from "./text-data.js";

/** A string column in Arrow's utf8 layout, plus the integer codes it was formatted from. */
export interface Strings {
  readonly length: number;
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
  /** Level of each row, 1-based: row i is `"id" + pad(codes[i], width)`. */
  readonly codes: Int32Array;
  readonly width: number;
}

export type Numeric = Float64Array | Int32Array | BigInt64Array;

/** The inputs of one question. Which fields are set depends on op and kind. */
export interface Data {
  readonly n: number;
  readonly op: Op;
  readonly kind: Kind;
  /** The main operand (numeric kinds; for utf8 filter, the mask's source column). */
  readonly a?: Numeric;
  readonly b?: Numeric;
  readonly c?: Numeric;
  /** Integer keys, 1000 levels (the frame questions' third column). */
  readonly k?: Int32Array;
  /** The string column (utf8 kinds). */
  readonly s?: Strings;
  /** Row positions for take. */
  readonly perm?: Int32Array;
  /** Filter threshold: keep rows with a > threshold. */
  readonly threshold?: number;
  /** The h2o G1 CSV file (IO questions). */
  readonly csv?: string;
  /** The Parquet file (io-parquet-*). */
  readonly parquet?: string;
  /** The Arrow IPC file (io-arrow-*). */
  readonly arrow?: string;
  /** Sentences (kind text) or "YYYY-MM-DD HH:MM:SS" strings (kind iso), Arrow utf8 layout. */
  readonly text?: Utf8Data;
  /** Timestamps (kind ts), and for kind iso the instants the strings show (sub-second part not in the text). */
  readonly ts?: Timestamps;
}

/** lowbias32 by Chris Wellons (hash-prospector): a fast, well-mixed 32-bit hash. */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** An unsigned 32-bit random word for `row` in `stream`. */
export function u32(seed: number, stream: number, row: number): number {
  return hash32(hash32(row) ^ hash32(Math.imul(seed, 0x9e3779b9) + stream));
}

function float64Column(n: number, seed: number, stream: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // 53 random bits from two words, scaled to [0, 100)
    const hi = u32(seed, stream, i) >>> 5;
    const lo = u32(seed, stream + 1000, i) >>> 6;
    out[i] = ((hi * 67108864 + lo) / 9007199254740992) * 100;
  }
  return out;
}

function int32Column(n: number, seed: number, stream: number, lo: number, span: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (u32(seed, stream, i) % span);
  return out;
}

function int32Full(n: number, seed: number, stream: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = u32(seed, stream, i) | 0;
  return out;
}

/** int64 in [-2^31, 2^31): the low word random, the high word its sign extension. */
function int64Column(n: number, seed: number, stream: number): BigInt64Array {
  const out = new BigInt64Array(n);
  const w = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const lo = u32(seed, stream, i) | 0;
    w[2 * i] = lo;
    w[2 * i + 1] = lo < 0 ? -1 : 0;
  }
  return out;
}

/** int64 keys: 1e5 levels, each a distinct value below 2^49. */
function int64Keys(n: number, seed: number, stream: number, levels: number): BigInt64Array {
  const out = new BigInt64Array(n);
  const w = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const level = u32(seed, stream, i) % levels;
    // high word: the level itself (distinct per level), low word: a hash of it
    w[2 * i] = hash32(level ^ 0x5bd1e995) | 0;
    w[2 * i + 1] = level;
  }
  return out;
}

/** Format `"id" + zero-padded code` straight into Arrow utf8 buffers. */
export function makeStrings(codes: Int32Array, width: number): Strings {
  const n = codes.length;
  const size = 2 + width;
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(n * size);
  let p = 0;
  for (let i = 0; i < n; i++) {
    bytes[p] = 105; // "i"
    bytes[p + 1] = 100; // "d"
    let v = codes[i] as number;
    for (let k = size - 1; k >= 2; k--) {
      bytes[p + k] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    p += size;
    offsets[i + 1] = p;
  }
  return { length: n, offsets, bytes, codes, width };
}

function stringColumn(n: number, seed: number, stream: number, levels: number, width: number): Strings {
  return makeStrings(int32Column(n, seed, stream, 1, levels), width);
}

function permutation(n: number, seed: number, stream: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = u32(seed, stream, i) % (i + 1);
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

function operand(kind: Kind, n: number, seed: number, stream: number): Numeric {
  if (kind === "f64") return float64Column(n, seed, stream);
  if (kind === "i32") return int32Column(n, seed, stream, -32768, 65536);
  if (kind === "i64") return int64Column(n, seed, stream);
  throw new Error(`no numeric operand for ${kind}`);
}

/** Generate the inputs of question `op:kind` (deterministic in n and seed). */
export function makeData(op: Op, kind: Kind, n: number, seed: number): Data {
  switch (op) {
    case "add":
      return { n, op, kind, a: operand(kind, n, seed, 1), b: operand(kind, n, seed, 2) };
    case "muladd":
      return {
        n,
        op,
        kind,
        a: operand(kind, n, seed, 1),
        b: operand(kind, n, seed, 2),
        c: operand(kind, n, seed, 3),
      };
    case "sum":
    case "mean":
    case "std":
    case "min":
      return { n, op, kind, a: operand(kind, n, seed, 1) };
    case "filter":
      if (kind === "utf8") {
        const s = stringColumn(n, seed, 5, 100000, 10);
        return { n, op, kind, a: float64Column(n, seed, 1), s, threshold: 50 };
      }
      return { n, op, kind, a: operand(kind, n, seed, 1), threshold: kind === "f64" ? 50 : 0 };
    case "take": {
      const perm = permutation(n, seed, 7);
      if (kind === "utf8") return { n, op, kind, s: stringColumn(n, seed, 5, 100000, 10), perm };
      return { n, op, kind, a: operand(kind, n, seed, 1), perm };
    }
    case "argsort":
      return { n, op, kind, a: kind === "i32" ? int32Full(n, seed, 8) : operand(kind, n, seed, 1) };
    case "factorize":
      if (kind === "i32") return { n, op, kind, a: int32Column(n, seed, 9, 1, 100000) };
      if (kind === "i64") return { n, op, kind, a: int64Keys(n, seed, 9, 100000) };
      if (kind === "utf8-100") return { n, op, kind, s: stringColumn(n, seed, 10, 100, 3) };
      return { n, op, kind, s: stringColumn(n, seed, 11, 100000, 10) };
    case "frame-filter":
    case "frame-assign":
    case "frame-sort2":
    case "frame-describe":
      return {
        n,
        op,
        kind,
        a: float64Column(n, seed, 1),
        b: float64Column(n, seed, 2),
        k: int32Column(n, seed, 12, 0, 1000),
        threshold: 50,
      };
    case "io-csv-read":
    case "io-csv-write":
      return { n, op, kind, csv: ensureH2oCsv(n, seed) };
    case "io-parquet-read":
    case "io-parquet-read-1t":
    case "io-parquet-write":
      return { n, op, kind, parquet: FLIGHTS_PARQUET };
    case "io-arrow-read":
    case "io-arrow-parse":
      return { n, op, kind, arrow: kind === "h2o" ? h2oArrowPath(n, seed) : FLIGHTS_ARROW };
    case "str-contains":
    case "str-lower":
    case "str-split":
      return { n, op, kind, text: makeText(n, seed) };
    case "dt-year":
      return { n, op, kind, ts: makeTimestamps(n, seed) };
    case "to-datetime": {
      const ts = makeTimestamps(n, seed);
      return { n, op, kind, ts, text: makeIso(ts.seconds) };
    }
  }
}

/** The string at row i (for checks and for peers that need JS strings). */
export function stringAt(s: Strings, i: number): string {
  return `id${String(s.codes[i]).padStart(s.width, "0")}`;
}

/** All strings as JS strings (peers whose natural input is a JS array). */
export function jsStrings(s: Strings): string[] {
  const out = new Array<string>(s.length);
  // format each level once and share the string objects, as a parser with interning would
  let max = 0;
  for (let i = 0; i < s.length; i++) max = Math.max(max, s.codes[i] as number);
  const levels = new Array<string | undefined>(max + 1).fill(undefined);
  for (let i = 0; i < s.length; i++) {
    const c = s.codes[i] as number;
    let v = levels[c];
    if (v === undefined) {
      v = stringAt(s, i);
      levels[c] = v;
    }
    out[i] = v;
  }
  return out;
}

/** An int64 value as a double (exact below 2^53, as all bench values are). */
export function int64At(a: BigInt64Array, i: number): number {
  return Number(a[i] as bigint);
}

/**
 * Text → timestamp parsing kernels of `toDatetime`: the ISO 8601 parser that
 * reads the UTF-8 bytes of an Arrow utf8 / large_utf8 buffer directly (no JS
 * string, no regex per value), the result sink that turns wall-clock seconds,
 * nanoseconds and a UTC offset into exact int64 ticks (no BigInt), and the
 * chunk drivers shared with the strftime and date-fns parsers.
 *
 * A parser fills a 4-slot scratch `r`: `r[0]` wall-clock seconds since the
 * epoch (as if UTC), `r[1]` nanoseconds of the second (0 ≤ r[1] < 1e9),
 * `r[2]` the UTC offset in seconds to subtract, `r[3]` the zone key (NaN for
 * naive text; the offset in seconds for a fixed offset; `ZONE_BASE + k` for
 * the k-th named zone) — and returns a status code.
 * @internal
 */
import { type Chunk, decodeUtf8, numberOffsets } from "../chunk.js";
import { words } from "../int64.js";
import { daysFromCivil, mulAddWords } from "./cast-time-math.js";

const TWO32 = 4294967296;

/** Parsed. */
export const OK = 0;
/** Empty text or a NaT marker ("NaT", "nan"…): a null, as pandas gives NaT. */
export const NULL = 1;
/** Text that does not have the expected shape. */
export const BAD = 2;
/** Month or day out of range (2023-02-29). */
export const BAD_DATE = 3;
/** Hour, minute or second out of range. */
export const BAD_TIME = 4;
/** A UTC offset or zone name out of range or unknown. */
export const BAD_ZONE = 5;
/** Outside the range of the result unit. */
export const OUT_OF_BOUNDS = 6;

/** Zone keys at or above this value name the zones of `Sink.zoneNames`. */
export const ZONE_BASE = 1e6;

/** The reason printed in errors, by status. */
export const WHY = [
  "",
  "",
  "does not match",
  "is not a valid date",
  "is not a valid time",
  "has an invalid time zone",
  "is out of bounds",
];

/** Days in month `m` (1–12) of year `y` (proleptic Gregorian). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Two ASCII digits at `p` as a number, or -1. */
function d2(b: Uint8Array, p: number): number {
  const x = (b[p] as number) - 48;
  const y = (b[p + 1] as number) - 48;
  return x >>> 0 > 9 || y >>> 0 > 9 ? -1 : x * 10 + y;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** True when bytes `[p, e)` are one of pandas' NaT strings: NaT, nat, NAT, nan, NaN, NAN. */
export function isNatText(b: Uint8Array, p: number, e: number): boolean {
  if (e - p !== 3) return false;
  const x = b[p] as number;
  const y = b[p + 1] as number;
  const z = b[p + 2] as number;
  if (x === 110 && y === 97) return z === 116 || z === 110; // nat nan
  if (x === 78 && y === 65) return z === 84 || z === 78; // NAT NAN
  if (x === 78 && y === 97) return z === 84 || z === 78; // NaT NaN
  return false;
}

/**
 * Parse the end of an ISO time at `q`: `[.fraction]` (when `frac`), spaces,
 * then `Z`, `±HH`, `±HH:MM` or `±HHMM`, up to `e`; writes `r[1..3]`.
 */
function isoTail(b: Uint8Array, q: number, e: number, frac: boolean, r: Float64Array): number {
  let nano = 0;
  if (frac && q < e && (b[q] === 46 || b[q] === 44)) {
    q++;
    let k = 0;
    while (q < e) {
      const x = (b[q] as number) - 48;
      if (x >>> 0 > 9) break;
      if (k < 9) nano = nano * 10 + x;
      k++;
      q++;
    }
    if (k === 0) return BAD;
    for (let z = k; z < 9; z++) nano *= 10;
  }
  r[1] = nano;
  r[2] = 0;
  r[3] = Number.NaN;
  while (q < e && b[q] === 32) q++;
  if (q === e) return OK;
  const z = b[q] as number;
  if (z === 90 || z === 122) {
    r[3] = 0;
    return q + 1 === e ? OK : BAD;
  }
  if ((z !== 43 && z !== 45) || q + 3 > e) return BAD;
  const oh = d2(b, q + 1);
  let om = 0;
  q += 3;
  if (q < e && b[q] === 58) {
    if (q + 3 > e) return BAD;
    om = d2(b, q + 1);
    q += 3;
  } else if (q + 2 <= e) {
    om = d2(b, q);
    q += 2;
  }
  if (oh < 0 || om < 0 || q !== e) return BAD;
  if (oh > 23 || om > 59) return BAD_ZONE;
  const off = (z === 45 ? -1 : 1) * (oh * 3600 + om * 60);
  r[2] = off;
  r[3] = off;
  return OK;
}

/** 0 for a valid date and time, else minus its status. */
function checkedSeconds(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return -BAD_DATE;
  if (h > 23 || mi > 59 || s > 59) return -BAD_TIME;
  return 0;
}

/**
 * Parse ISO 8601 text in bytes `[p, e)` into `r`: `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD` or `YYYYMMDD` (or a signed 6-digit year), then optionally
 * `T`/space, `HH[:MM[:SS[.f…]]]` (colons optional as in the basic format,
 * 1–9 fraction digits kept, more truncated), then optionally spaces and
 * `Z`, `±HH`, `±HH:MM` or `±HHMM`. Spaces around the text are ignored.
 * The common `YYYY-MM-DD[T ]HH:MM:SS…` shape reads fixed positions first.
 */
export function parseIsoBytes(b: Uint8Array, p: number, e: number, r: Float64Array): number {
  while (p < e && isSpace(b[p] as number)) p++;
  while (e > p && isSpace(b[e - 1] as number)) e--;
  if (p === e) return NULL;
  if (
    e - p >= 19 &&
    b[p + 4] === 45 &&
    b[p + 7] === 45 &&
    b[p + 13] === 58 &&
    b[p + 16] === 58 &&
    (b[p + 10] === 32 || b[p + 10] === 84)
  ) {
    const y0 = (b[p] as number) - 48;
    const y1 = (b[p + 1] as number) - 48;
    const y2 = (b[p + 2] as number) - 48;
    const y3 = (b[p + 3] as number) - 48;
    const m0 = (b[p + 5] as number) - 48;
    const m1 = (b[p + 6] as number) - 48;
    const d0 = (b[p + 8] as number) - 48;
    const d1 = (b[p + 9] as number) - 48;
    const h0 = (b[p + 11] as number) - 48;
    const h1 = (b[p + 12] as number) - 48;
    const i0 = (b[p + 14] as number) - 48;
    const i1 = (b[p + 15] as number) - 48;
    const s0 = (b[p + 17] as number) - 48;
    const s1 = (b[p + 18] as number) - 48;
    // one test for all 14 digits: x and 9 - x are both >= 0 only for '0'–'9'
    const digits =
      y0 |
      (9 - y0) |
      y1 |
      (9 - y1) |
      y2 |
      (9 - y2) |
      y3 |
      (9 - y3) |
      m0 |
      (9 - m0) |
      m1 |
      (9 - m1) |
      d0 |
      (9 - d0);
    const time =
      d1 |
      (9 - d1) |
      h0 |
      (9 - h0) |
      h1 |
      (9 - h1) |
      i0 |
      (9 - i0) |
      i1 |
      (9 - i1) |
      s0 |
      (9 - s0) |
      s1 |
      (9 - s1);
    if ((digits | time) >= 0) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const mo = m0 * 10 + m1;
      const d = d0 * 10 + d1;
      const h = h0 * 10 + h1;
      const mi = i0 * 10 + i1;
      const s = s0 * 10 + s1;
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return BAD_DATE;
      if (h > 23 || mi > 59 || s > 59) return BAD_TIME;
      r[0] = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
      return e - p === 19 ? isoTail(b, e, e, false, r) : isoTail(b, p + 19, e, true, r);
    }
  }
  return isoGeneral(b, p, e, r);
}

/** Every other ISO 8601 shape of `parseIsoBytes` (text already trimmed). */
function isoGeneral(b: Uint8Array, p: number, e: number, r: Float64Array): number {
  let y: number;
  let q = p + 4;
  if (e - p >= 7 && (b[p] === 43 || b[p] === 45)) {
    const a = d2(b, p + 1);
    const a2 = d2(b, p + 3);
    const a3 = d2(b, p + 5);
    if (a < 0 || a2 < 0 || a3 < 0) return BAD;
    y = (b[p] === 45 ? -1 : 1) * (a * 10000 + a2 * 100 + a3);
    q = p + 7;
  } else {
    const c = e - p >= 4 ? d2(b, p) : -1;
    const c2 = e - p >= 4 ? d2(b, p + 2) : -1;
    if (c < 0 || c2 < 0) return isNatText(b, p, e) ? NULL : BAD;
    y = c * 100 + c2;
  }
  let mo = 1;
  let d = 1;
  let full = false;
  if (q < e && b[q] === 45) {
    if (q + 3 > e) return BAD;
    mo = d2(b, q + 1);
    q += 3;
    if (q < e && b[q] === 45) {
      if (q + 3 > e) return BAD;
      d = d2(b, q + 1);
      q += 3;
      full = true;
    }
  } else if (q + 4 <= e && b[q] !== 84 && b[q] !== 116 && b[q] !== 32) {
    mo = d2(b, q);
    d = d2(b, q + 2);
    q += 4;
    full = true;
  }
  if (mo < 0 || d < 0) return BAD;
  let h = 0;
  let mi = 0;
  let s = 0;
  let st: number = OK;
  if (q < e) {
    const t = b[q] as number;
    if (!full || (t !== 84 && t !== 116 && t !== 32) || q + 3 > e) return BAD;
    h = d2(b, q + 1);
    q += 3;
    if (h < 0) return BAD;
    let seconds = false;
    const colon = q < e && b[q] === 58;
    if (colon || (q + 2 <= e && isDigit(b[q] as number))) {
      if (colon) q++;
      if (q + 2 > e) return BAD;
      mi = d2(b, q);
      if (mi < 0) return BAD;
      q += 2;
      const colon2 = q < e && b[q] === 58;
      if (colon2 === colon && (colon2 || (q + 2 <= e && isDigit(b[q] as number)))) {
        if (colon2) q++;
        if (q + 2 > e) return BAD;
        s = d2(b, q);
        if (s < 0) return BAD;
        q += 2;
        seconds = true;
      }
    }
    st = isoTail(b, q, e, seconds, r);
  } else {
    r[1] = 0;
    r[2] = 0;
    r[3] = Number.NaN;
  }
  if (st !== OK) return st;
  const bad = checkedSeconds(y, mo, d, h, mi, s);
  if (bad !== 0) return -bad;
  r[0] = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  return OK;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Where the rows of a `toDatetime` result go, and what zones they carried. */
export class Sink {
  /** The result values (ticks of the unit since the epoch). */
  readonly out: BigInt64Array;
  readonly w: Int32Array;
  /** Validity (1 = valid), allocated at the first null. */
  valid: Uint8Array | null = null;
  /** First row with naive text, first row with a zone, its zone key, first row with another zone. */
  naiveRow = -1;
  awareRow = -1;
  awareKey = Number.NaN;
  mixedRow = -1;
  mixedKey = Number.NaN;
  /** Names of the zones of keys `ZONE_BASE + k` (strftime `%Z`). */
  readonly zoneNames: string[] = [];
  /** Ticks per second of the result unit, and nanoseconds per tick. */
  readonly per: number;
  readonly nsPerTick: number;

  constructor(n: number, per: number) {
    this.out = new BigInt64Array(n);
    this.w = words(this.out);
    this.per = per;
    this.nsPerTick = 1e9 / per;
  }

  /** Mark row `i` null. */
  setNull(i: number): void {
    let v = this.valid;
    if (v === null) {
      v = new Uint8Array(((this.out.length + 63) >>> 6) << 3).fill(255);
      this.valid = v;
    }
    v[i >>> 3] = (v[i >>> 3] as number) & ~(1 << (i & 7));
  }

  /** When set, the zone key of each row is kept here (dictionary entries). */
  keys: Float64Array | null = null;

  /** True when row `i` is not null. */
  isValid(i: number): boolean {
    const v = this.valid;
    return v === null || ((v[i >>> 3] as number) & (1 << (i & 7))) !== 0;
  }

  /** Copy row `j` of `src` (which kept its keys) to row `i`, tracking its zone. */
  copyFrom(i: number, src: Sink, j: number): void {
    this.#track(i, (src.keys as Float64Array)[j] as number);
    this.w[2 * i] = src.w[2 * j] as number;
    this.w[2 * i + 1] = src.w[2 * j + 1] as number;
  }

  #track(i: number, key: number): void {
    if (Number.isNaN(key)) {
      if (this.naiveRow < 0) this.naiveRow = i;
    } else if (this.awareRow < 0) {
      this.awareRow = i;
      this.awareKey = key;
    } else if (key !== this.awareKey && this.mixedRow < 0) {
      this.mixedRow = i;
      this.mixedKey = key;
    }
  }

  /** Store the parse in `r` at row `i`; false when it overflows the unit. */
  put(i: number, r: Float64Array): boolean {
    const key = r[3] as number;
    if (this.keys !== null) this.keys[i] = key;
    this.#track(i, key);
    const sec = (r[0] as number) - (r[2] as number);
    if (this.per === 1e9 && sec > -4.5e9 && sec < 4.5e9) {
      // ns in years 1827–2112: sec · 1e9 = (sec · 5^9) · 2^9, and sec · 5^9 < 2^53 is exact
      const x = sec * 1953125;
      const hi = Math.floor(x / 8388608);
      const lo = (x - hi * 8388608) * 512 + (r[1] as number);
      const carry = lo >= TWO32 ? 1 : 0;
      this.w[2 * i] = lo - carry * TWO32;
      this.w[2 * i + 1] = hi + carry;
      return true;
    }
    const hi = Math.floor(sec / TWO32);
    const frac = this.per === 1 ? 0 : Math.floor((r[1] as number) / this.nsPerTick);
    return !mulAddWords(this.w, i, hi, sec - hi * TWO32, this.per, frac);
  }
}

/** A per-value text parser (strftime matcher, date-fns adapter): status into `r`. */
export interface TextParser {
  parse(b: Uint8Array, p: number, e: number, r: Float64Array): number;
}

/** Called for a row that fails: throws (errors: "raise") or returns (errors: "coerce", the row becomes null). */
export type OnBad = (row: number, text: string, status: number) => void;

/**
 * Parse the rows of a utf8 / large_utf8 chunk with the ISO parser into rows
 * `at…` of the sink (`row0` numbers rows in messages). One loop per parser
 * kind keeps each call site monomorphic.
 */
export function isoChunk(c: Chunk, sink: Sink, at: number, row0: number, onBad: OnBad): void {
  const n = c.length;
  const o = numberOffsets(c);
  const b = c.values as Uint8Array;
  const r = new Float64Array(4);
  const valid = c.validity;
  const off = c.offset;
  for (let i = 0; i < n; i++) {
    if (valid !== null && ((valid[(off + i) >>> 3] as number) & (1 << ((off + i) & 7))) === 0) {
      sink.setNull(at + i);
      continue;
    }
    const p = o[i] as number;
    const e = o[i + 1] as number;
    let st = parseIsoBytes(b, p, e, r);
    if (st === OK && !sink.put(at + i, r)) st = OUT_OF_BOUNDS;
    if (st === OK) continue;
    sink.setNull(at + i);
    if (st !== NULL) onBad(row0 + i, decodeUtf8(b, p, e), st);
  }
}

/** `isoChunk` for any other parser. */
export function parserChunk(
  c: Chunk,
  parser: TextParser,
  sink: Sink,
  at: number,
  row0: number,
  onBad: OnBad,
): void {
  const n = c.length;
  const o = numberOffsets(c);
  const b = c.values as Uint8Array;
  const r = new Float64Array(4);
  const valid = c.validity;
  const off = c.offset;
  for (let i = 0; i < n; i++) {
    if (valid !== null && ((valid[(off + i) >>> 3] as number) & (1 << ((off + i) & 7))) === 0) {
      sink.setNull(at + i);
      continue;
    }
    const p = o[i] as number;
    const e = o[i + 1] as number;
    let st = parser.parse(b, p, e, r);
    if (st === OK && !sink.put(at + i, r)) st = OUT_OF_BOUNDS;
    if (st === OK) continue;
    sink.setNull(at + i);
    if (st !== NULL) onBad(row0 + i, decodeUtf8(b, p, e), st);
  }
}

/**
 * Casts to and from strings: formatting numbers, bools and temporals as
 * text, parsing text (with errors naming the row and the text), utf8 ↔
 * large_utf8 and binary ↔ utf8 (sharing the bytes).
 * @internal
 */
import { VarWidthBuilder } from "../builder.js";
import { type Chunk, decodeUtf8, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import {
  arrayType,
  type DType,
  dtypeToString,
  INT_RANGE,
  isBigIntStorage,
  isFloat,
  isInteger,
  type StringType,
  type Timestamp,
  type TimeUnit,
} from "../dtype.js";
import { CastError } from "../errors.js";
import { words } from "../int64.js";
import { type Allow, castError, validityAt0, withValues } from "./cast-numeric.js";
import {
  FRACTION_DIGITS,
  floorDivWords,
  formatDays,
  formatOffset,
  formatTimeOfDay,
  mulAddWords,
  PER_SECOND,
  parseIso,
  safeValue,
  zoneOf,
} from "./cast-time-math.js";
import { parseTimes, timeFormatter } from "./cast-time-of-day.js";

const TWO32 = 4294967296;

function isValid(c: Chunk, i: number): boolean {
  const v = c.validity;
  if (v === null) return true;
  const j = c.offset + i;
  return ((v[j >>> 3] as number) & (1 << (j & 7))) !== 0;
}

/** Exact decimal text of a 64-bit word pair, without BigInt: 7 digits per exact division. */
export function int64Text(hi: number, lo: number, signed: boolean): string {
  let h = signed ? hi : hi >>> 0;
  let l = lo >>> 0;
  if (h >= -2097152 && h < 2097152) return String(h * TWO32 + l);
  const neg = h < 0;
  if (neg) {
    // two's complement negation of the magnitude
    l = (~l + 1) >>> 0;
    h = (~h + (l === 0 ? 1 : 0)) >>> 0;
  }
  const q = new Int32Array(2);
  let tail = "";
  while (h >= 2097152) {
    const r = floorDivWords(q, 0, h, l, 1e7);
    tail = String(r).padStart(7, "0") + tail;
    h = (q[1] as number) >>> 0;
    l = (q[0] as number) >>> 0;
  }
  return (neg ? "-" : "") + String(h * TWO32 + l) + tail;
}

/** The shortest decimal that reads back as the same float32 (JS formatting). */
function float32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p < 10; p++) {
    const x = Number(v.toPrecision(p));
    if (Math.fround(x) === v) return String(x);
  }
  return String(v);
}

/** A per-element formatter for a chunk's dtype (one closure per call, not per element). */
function formatter(c: Chunk, row0: number, to: DType): (i: number) => string {
  const d = c.dtype;
  const v = c.values;
  switch (d.kind) {
    case "bool":
      return (i) => (((v[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1 ? "true" : "false");
    case "float32":
      return (i) => float32Text(v[i] as number);
    case "date":
      return (i) => formatDays(v[i] as number);
    case "int64":
    case "uint64":
    case "duration": {
      const w = words(v as BigInt64Array);
      const signed = d.kind !== "uint64";
      return (i) => int64Text(w[2 * i + 1] as number, w[2 * i] as number, signed);
    }
    case "timestamp":
      return timestampFormatter(c, row0, to);
    case "time":
      return timeFormatter(c, row0, to);
    default:
      return (i) => String(v[i]);
  }
}

function timestampFormatter(c: Chunk, row0: number, to: DType): (i: number) => string {
  const d = c.dtype as Timestamp;
  const w = words(c.values as BigInt64Array);
  const per = PER_SECOND[d.unit];
  const digits = FRACTION_DIGITS[d.unit];
  const zone = zoneOf(d.tz);
  const suffix = d.tz === null ? "" : "Z";
  const q = new Int32Array(2);
  return (i) => {
    const hi = w[2 * i + 1] as number;
    const lo = w[2 * i] as number;
    const frac = per === 1 ? 0 : floorDivWords(q, 0, hi, lo, per);
    const secs = per === 1 ? safeValue(hi, lo) : safeValue(q[1] as number, q[0] as number);
    if (!(Math.abs(secs) <= 8.64e12)) {
      throw castError(int64Text(hi, lo, true), row0 + i, d, to, "outside the years JS dates can show");
    }
    const off = zone === null ? 0 : zone.at(secs);
    const local = secs + off;
    const days = Math.floor(local / 86400);
    const f = digits === 0 ? "" : `.${String(frac).padStart(digits, "0")}`;
    return `${formatDays(days)}T${formatTimeOfDay(local - days * 86400)}${f}${zone === null ? suffix : formatOffset(off)}`;
  };
}

/** Offsets of `c` as the offsets type of `to` (shared when already right). */
function offsetsFor(c: Chunk, to: DType, row0: number): Int32Array | BigInt64Array {
  const o = numberOffsets(c);
  const n = c.length;
  if (to.kind === "large_utf8") {
    if (c.valueOffsets instanceof BigInt64Array) return c.valueOffsets.subarray(0, n + 1);
    const out = new BigInt64Array(n + 1);
    const w = words(out);
    for (let i = 0; i <= n; i++) w[2 * i] = o[i] as number;
    return out;
  }
  if (o instanceof Int32Array) return o;
  if ((o[n] as number) > 0x7fffffff) {
    throw new CastError(
      `cannot cast rows ${row0}–${row0 + n - 1} from ${dtypeToString(c.dtype)} to ${to.kind}: ${o[n]} bytes exceed the 2 GiB of 32-bit offsets`,
    );
  }
  return new Int32Array(o);
}

/** True when bytes `[p, e)` are well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF). */
function validUtf8(b: Uint8Array, p: number, e: number): boolean {
  while (p < e) {
    const x = b[p] as number;
    if (x < 0x80) {
      p++;
      continue;
    }
    const n = x >= 0xf0 ? 3 : x >= 0xe0 ? 2 : x >= 0xc2 ? 1 : -1;
    if (n < 0 || x > 0xf4 || p + n >= e) return false;
    const y = b[p + 1] as number;
    if (
      (x === 0xe0 && y < 0xa0) ||
      (x === 0xed && y > 0x9f) ||
      (x === 0xf0 && y < 0x90) ||
      (x === 0xf4 && y > 0x8f)
    )
      return false;
    for (let k = 1; k <= n; k++) if (((b[p + k] as number) & 0xc0) !== 0x80) return false;
    p += n + 1;
  }
  return true;
}

/** Format any non-string chunk as text, or re-offset / re-label string and binary chunks. */
export function toText(c: Chunk, to: StringType | (DType & { kind: "binary" }), row0: number): Chunk {
  const from = c.dtype;
  const n = c.length;
  if (from.kind === "utf8" || from.kind === "large_utf8" || from.kind === "binary") {
    if (from.kind === "binary" && to.kind !== "binary") {
      const o = numberOffsets(c);
      const b = c.values as Uint8Array;
      for (let i = 0; i < n; i++) {
        if (isValid(c, i) && !validUtf8(b, o[i] as number, o[i + 1] as number)) {
          throw castError(`bytes ${o[i]}–${o[i + 1]}`, row0 + i, from, to, "invalid UTF-8");
        }
      }
    }
    return makeChunk({
      dtype: to,
      length: n,
      values: c.values as StorageOf<DType>,
      validity: validityAt0(c),
      nullCount: c.nullCount,
      valueOffsets: offsetsFor(c, to, row0),
    });
  }
  const b = new VarWidthBuilder(to, n * 8);
  const format = formatter(c, row0, to);
  for (let i = 0; i < n; i++) {
    if (isValid(c, i)) b.append(format(i));
    else b.appendNull();
  }
  return b.finish().chunks[0] as Chunk;
}

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const SPECIAL: Record<string, number> = {
  nan: Number.NaN,
  "+nan": Number.NaN,
  "-nan": Number.NaN,
  inf: Infinity,
  "+inf": Infinity,
  infinity: Infinity,
  "+infinity": Infinity,
  "-inf": -Infinity,
  "-infinity": -Infinity,
};

/**
 * Parse a decimal integer from bytes `[p, e)` (ASCII spaces around it are
 * allowed): exact when it has at most 15 significant digits; ±Infinity
 * when it has more (the caller takes a slow path); NaN when it is not an
 * integer.
 */
function parseIntBytes(b: Uint8Array, p: number, e: number): number {
  while (p < e && (b[p] === 32 || b[p] === 9)) p++;
  while (e > p && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  let sign = 1;
  if (p < e && (b[p] === 45 || b[p] === 43)) sign = b[p++] === 45 ? -1 : 1;
  if (p === e) return Number.NaN;
  while (p < e - 1 && b[p] === 48) p++;
  let v = 0;
  for (let k = p; k < e; k++) {
    const x = (b[k] as number) - 48;
    if (x < 0 || x > 9) return Number.NaN;
    v = v * 10 + x;
  }
  return e - p > 15 ? sign * Infinity : sign * v;
}

/** Parse a utf8/large_utf8 chunk into a bool, numeric, date, timestamp, duration or time chunk. */
export function parseText(c: Chunk, to: DType, allow: Allow, row0: number): Chunk {
  const n = c.length;
  const o = numberOffsets(c);
  const b = c.values as Uint8Array;
  const text = (i: number) => decodeUtf8(b, o[i] as number, o[i + 1] as number);
  const fail = (i: number, why = `not a valid ${dtypeToString(to)}`) =>
    castError(JSON.stringify(text(i)), row0 + i, c.dtype, to, why);
  if (to.kind === "bool") {
    const out = new Uint8Array(((n + 63) >>> 6) << 3);
    for (let i = 0; i < n; i++) {
      if (!isValid(c, i)) continue;
      const t = text(i).trim().toLowerCase();
      if (t === "true" || t === "1") out[i >>> 3] |= 1 << (i & 7);
      else if (t !== "false" && t !== "0") throw fail(i, "expected true, false, 1 or 0");
    }
    return withValues(c, to, out);
  }
  if (isInteger(to) || to.kind === "duration") {
    if (isBigIntStorage(to)) {
      const out = new (to.kind === "uint64" ? BigUint64Array : BigInt64Array)(n);
      const w = words(out);
      const unsigned = to.kind === "uint64";
      for (let i = 0; i < n; i++) {
        if (!isValid(c, i)) continue;
        const v = parseIntBytes(b, o[i] as number, o[i + 1] as number);
        if (Number.isNaN(v)) throw fail(i);
        if (unsigned && v < 0) throw fail(i, "out of range");
        if (Number.isFinite(v)) {
          const h = Math.floor(v / TWO32);
          w[2 * i] = v - h * TWO32;
          w[2 * i + 1] = h;
        } else {
          // Slow path, only for more than 15 significant digits: one BigInt per such string.
          const big = BigInt(text(i).trim());
          out[i] = big as never;
          if (out[i] !== big) throw fail(i, "out of range");
        }
      }
      return withValues(c, to, out);
    }
    const [lo, hi] = INT_RANGE[to.kind] as [number, number];
    const out = new (arrayType(to) as Int32ArrayConstructor)(n);
    for (let i = 0; i < n; i++) {
      if (!isValid(c, i)) continue;
      const v = parseIntBytes(b, o[i] as number, o[i + 1] as number);
      if (Number.isNaN(v)) throw fail(i);
      if (!(v >= lo && v <= hi)) throw fail(i, "out of range");
      out[i] = v;
    }
    return withValues(c, to, out);
  }
  if (isFloat(to)) {
    const out = to.kind === "float32" ? new Float32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!isValid(c, i)) continue;
      const t = text(i).trim();
      if (FLOAT.test(t)) out[i] = Number(t);
      else {
        const s = SPECIAL[t.toLowerCase()];
        if (s === undefined) throw fail(i);
        out[i] = s;
      }
    }
    return withValues(c, to, out);
  }
  if (to.kind === "date") {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (!isValid(c, i)) continue;
      const p = parseIso(text(i));
      if (p === null || p.hasTime || p.offset !== null) throw fail(i, "expected an ISO 8601 date YYYY-MM-DD");
      out[i] = p.seconds / 86400;
    }
    return withValues(c, to, out);
  }
  if (to.kind === "time") return parseTimes(c, to, allow, text, fail);
  return parseTimestamps(c, to as Timestamp, allow, text, fail);
}

function parseTimestamps(
  c: Chunk,
  to: Timestamp,
  allow: Allow,
  text: (i: number) => string,
  fail: (i: number, why?: string) => CastError,
): Chunk {
  const n = c.length;
  const out = new BigInt64Array(n);
  const w = words(out);
  const unit: TimeUnit = to.unit;
  const digits = FRACTION_DIGITS[unit];
  const per = PER_SECOND[unit];
  const zone = zoneOf(to.tz);
  for (let i = 0; i < n; i++) {
    if (!isValid(c, i)) continue;
    const p = parseIso(text(i));
    if (p === null) throw fail(i, "expected ISO 8601 such as 2024-03-01T12:30:00Z");
    let off = p.offset;
    if (off !== null && to.tz === null) {
      throw fail(i, "the text has a UTC offset but the dtype has no time zone (cast to a zoned timestamp)");
    }
    if (off === null) off = zone === null ? 0 : zone.forLocal(p.seconds);
    const f = p.fraction;
    if (f.length > digits && !allow.timeTruncate && !/^0*$/.test(f.slice(digits))) {
      throw fail(i, `more precision than ${unit} (allowTimeTruncate drops it)`);
    }
    const frac = digits === 0 ? 0 : Number(f.slice(0, digits).padEnd(digits, "0"));
    const s = p.seconds - off;
    const hi = Math.floor(s / TWO32);
    if (mulAddWords(w, i, hi, s - hi * TWO32, per, frac)) throw fail(i, "out of the timestamp range");
  }
  return withValues(c, to, out);
}

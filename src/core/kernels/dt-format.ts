/**
 * `strftime`: timestamps and dates to text with C/Python directives, read
 * in the column's zone. The format is compiled once per call into parts
 * (literal bytes, numeric fields with a width, English name tables, the
 * zone); each row then extracts its fields and writes UTF-8 bytes straight
 * into the output buffer, with no JS string per row.
 * @internal
 */
import { sliceBits } from "../bitmap.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Timestamp, type Utf8, utf8 } from "../dtype.js";
import { NDFrameError, OptionError } from "../errors.js";
import { isUtc, PER_SECOND } from "./cast-time-math.js";
import type { TemporalColumn } from "./dt-fields.js";
import { civilFromDays, localDayTicks } from "./dt-local.js";

/** English weekday names, Monday first (pandas' `day_name()` in its default locale). */
export const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** English month names, January first (pandas' `month_name()`). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const encoder = new TextEncoder();
const bytesOf = (s: string): Uint8Array => encoder.encode(s);

// Part kinds.
const LIT = 0;
const NUM = 1;
const NAME = 2;
const ZONE_NAME = 3;
const ZONE_OFFSET = 4;

// Row values a part reads (indexes into the per-row field array).
const F_YEAR = 0;
const F_MONTH = 1;
const F_DAY = 2;
const F_HOUR = 3;
const F_MINUTE = 4;
const F_SECOND = 5;
const F_MICRO = 6;
const F_WEEKDAY = 7; // Monday = 0
const F_DOY = 8;
const F_YEAR2 = 9; // year mod 100
const F_HOUR12 = 10;
const F_AMPM = 11; // 0 AM, 1 PM
const F_SUNDAY_WEEK = 12; // %U
const F_MONDAY_WEEK = 13; // %W
const F_WEEKDAY_SUN0 = 14; // %w
const F_WEEKDAY_MON1 = 15; // %u
const F_ISO_WEEK = 16;
const F_ISO_YEAR = 17;
const F_MONTH0 = 18; // month − 1, for name tables
const F_CENTURY = 19;
const N_FIELDS = 20;

interface Part {
  readonly kind: number;
  readonly field: number;
  /** Minimum digits of a number. */
  readonly width: number;
  /** Pad byte of a number: 0x30 ("0") or 0x20 (" "). */
  readonly pad: number;
  /** Literal bytes, or the names of a NAME part. */
  readonly bytes: Uint8Array | null;
  readonly names: readonly Uint8Array[] | null;
}

const num = (field: number, width: number, pad = 0x30): Part => ({
  kind: NUM,
  field,
  width,
  pad,
  bytes: null,
  names: null,
});
const names = (field: number, list: readonly string[]): Part => ({
  kind: NAME,
  field,
  width: 0,
  pad: 0,
  bytes: null,
  names: list.map(bytesOf),
});
const special = (kind: number): Part => ({ kind, field: 0, width: 0, pad: 0, bytes: null, names: null });

// C-locale shorthands, expanded when the format is compiled.
const EXPANSIONS: Record<string, string> = {
  F: "%Y-%m-%d",
  T: "%H:%M:%S",
  D: "%m/%d/%y",
  R: "%H:%M",
  r: "%I:%M:%S %p",
  h: "%b",
  c: "%a %b %e %H:%M:%S %Y",
  x: "%m/%d/%y",
  X: "%H:%M:%S",
};

const DIRECTIVES: Record<string, Part> = {
  Y: num(F_YEAR, 4),
  m: num(F_MONTH, 2),
  d: num(F_DAY, 2),
  e: num(F_DAY, 2, 0x20),
  H: num(F_HOUR, 2),
  M: num(F_MINUTE, 2),
  S: num(F_SECOND, 2),
  f: num(F_MICRO, 6),
  y: num(F_YEAR2, 2),
  C: num(F_CENTURY, 2),
  j: num(F_DOY, 3),
  I: num(F_HOUR12, 2),
  U: num(F_SUNDAY_WEEK, 2),
  W: num(F_MONDAY_WEEK, 2),
  w: num(F_WEEKDAY_SUN0, 1),
  u: num(F_WEEKDAY_MON1, 1),
  V: num(F_ISO_WEEK, 2),
  G: num(F_ISO_YEAR, 4),
  a: names(
    F_WEEKDAY,
    DAY_NAMES.map((d) => d.slice(0, 3)),
  ),
  A: names(F_WEEKDAY, DAY_NAMES),
  b: names(
    F_MONTH0,
    MONTH_NAMES.map((m) => m.slice(0, 3)),
  ),
  B: names(F_MONTH0, MONTH_NAMES),
  p: names(F_AMPM, ["AM", "PM"]),
  Z: special(ZONE_NAME),
  z: special(ZONE_OFFSET),
};

const KNOWN = [...Object.keys(DIRECTIVES), ...Object.keys(EXPANSIONS), "%", "n", "t"].sort().join(" %");

/** A compiled format: its parts, and whether any reads the ISO week. */
interface Compiled {
  readonly parts: readonly Part[];
  readonly iso: boolean;
}

/** Compile a strftime format into parts; an unknown directive throws an `OptionError` naming it. */
export function compileFormat(format: string): Compiled {
  if (typeof format !== "string")
    throw new OptionError(`invalid strftime format: ${String(format)} (expected a string)`);
  const parts: Part[] = [];
  let literal = "";
  const flush = (): void => {
    if (literal !== "")
      parts.push({ kind: LIT, field: 0, width: 0, pad: 0, bytes: bytesOf(literal), names: null });
    literal = "";
  };
  const walk = (f: string): void => {
    for (let i = 0; i < f.length; i++) {
      const ch = f[i] as string;
      if (ch !== "%") {
        literal += ch;
        continue;
      }
      const d = f[++i];
      if (d === "%") literal += "%";
      else if (d === "n") literal += "\n";
      else if (d === "t") literal += "\t";
      else if (d !== undefined && Object.hasOwn(EXPANSIONS, d)) walk(EXPANSIONS[d] as string);
      else if (d !== undefined && Object.hasOwn(DIRECTIVES, d)) {
        flush();
        parts.push(DIRECTIVES[d] as Part);
      } else {
        const what = d === undefined ? "a lone % at the end" : `directive "%${d}" at position ${i - 1}`;
        throw new OptionError(
          `invalid strftime format ${JSON.stringify(format)}: ${what} (expected one of %${KNOWN})`,
        );
      }
    }
  };
  walk(format);
  flush();
  const iso = parts.some((p) => p.kind === NUM && (p.field === F_ISO_WEEK || p.field === F_ISO_YEAR));
  return { parts, iso };
}

/** `+HHMM` (with seconds for historical offsets that have them), as Python's `%z`. */
function offsetText(sec: number): string {
  const a = Math.abs(sec);
  const two = (v: number): string => String(v).padStart(2, "0");
  const s = a % 60;
  return `${sec < 0 ? "-" : "+"}${two(Math.floor(a / 3600))}${two(Math.floor(a / 60) % 60)}${s === 0 ? "" : two(s)}`;
}

const ZONE_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU"];

/**
 * The abbreviation of an IANA zone at an instant: the first English ICU
 * name that is not a bare `GMT±h`, else tzdata's numeric form (`+04`).
 */
function zoneAbbreviation(tz: string, unixSec: number, offset: number): string {
  const when = new Date(Math.max(-8.64e12, Math.min(8.64e12, unixSec)) * 1000);
  for (const locale of ZONE_LOCALES) {
    const fmt = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: "short" });
    const name = fmt.formatToParts(when).find((p) => p.type === "timeZoneName")?.value ?? "";
    if (name !== "" && !/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  const t = offsetText(offset);
  return t.endsWith("00") && t.length === 5 ? t.slice(0, 3) : t;
}

/** A growable byte buffer with the offsets of a utf8 chunk. */
class Utf8Writer {
  bytes: Uint8Array;
  used = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 64));
  }
  reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    if (this.used + extra > 0x7fffffff) throw new NDFrameError("strftime output exceeds 2 GiB of text");
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + extra));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

/** Write `v` with at least `width` digits, padded with `pad` (a minus sign first when negative). */
function writeNumber(w: Utf8Writer, v: number, width: number, pad: number): void {
  w.reserve(24);
  const b = w.bytes;
  let p = w.used;
  // The common case: a two-digit field.
  if (width === 2 && v >= 0 && v < 100) {
    const tens = (v / 10) | 0;
    b[p] = tens === 0 && pad !== 0x30 ? pad : 0x30 + tens;
    b[p + 1] = 0x30 + v - tens * 10;
    w.used = p + 2;
    return;
  }
  if (v < 0) {
    b[p++] = 0x2d;
    v = -v;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let k = digits; k < width; k++) b[p++] = pad;
  p += digits;
  for (let k = 1; k <= digits; k++) {
    b[p - k] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  }
  w.used = p;
}

function writeBytes(w: Utf8Writer, src: Uint8Array): void {
  const n = src.length;
  w.reserve(n);
  const b = w.bytes;
  const p = w.used;
  // A byte loop: TypedArray#set costs more than the copy for a few bytes.
  for (let k = 0; k < n; k++) b[p + k] = src[k] as number;
  w.used = p + n;
}

/** Fill the per-row fields `f` from a local day number, a tick of the day and the ticks per second. */
function fillFields(f: Float64Array, ymd: Int32Array, z: number, t: number, per: number, iso: boolean): void {
  civilFromDays(z, ymd);
  const y = ymd[0] as number;
  const m = ymd[1] as number;
  const d = ymd[2] as number;
  const sod = Math.floor(t / per);
  const frac = t - sod * per;
  const wd = (((z + 3) % 7) + 7) % 7;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d + (m > 2 ? 59 + (leap ? 1 : 0) : -306);
  const h = Math.floor(sod / 3600);
  f[F_YEAR] = y;
  f[F_MONTH] = m;
  f[F_DAY] = d;
  f[F_HOUR] = h;
  f[F_MINUTE] = Math.floor(sod / 60) % 60;
  f[F_SECOND] = sod % 60;
  f[F_MICRO] = per >= 1e6 ? Math.floor(frac / (per / 1e6)) : frac * (1e6 / per);
  f[F_WEEKDAY] = wd;
  f[F_DOY] = doy;
  f[F_YEAR2] = ((y % 100) + 100) % 100;
  f[F_CENTURY] = Math.floor(y / 100);
  f[F_HOUR12] = h % 12 === 0 ? 12 : h % 12;
  f[F_AMPM] = h < 12 ? 0 : 1;
  const sun0 = (wd + 1) % 7;
  f[F_SUNDAY_WEEK] = Math.floor((doy - 1 + 7 - sun0) / 7);
  f[F_MONDAY_WEEK] = Math.floor((doy - 1 + 7 - wd) / 7);
  f[F_WEEKDAY_SUN0] = sun0;
  f[F_WEEKDAY_MON1] = wd + 1;
  f[F_MONTH0] = m - 1;
  if (iso) {
    // The ISO week belongs to the ISO year of its Thursday.
    const th = z - wd + 3;
    civilFromDays(th, ymd);
    const ty = ymd[0] as number;
    const tm = ymd[1] as number;
    const tLeap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
    const tDoy =
      Math.floor((153 * (tm > 2 ? tm - 3 : tm + 9) + 2) / 5) +
      (ymd[2] as number) +
      (tm > 2 ? 59 + (tLeap ? 1 : 0) : -306);
    f[F_ISO_YEAR] = ty;
    f[F_ISO_WEEK] = Math.floor((tDoy - 1) / 7) + 1;
  }
}

/**
 * Format every element with a strftime `format`, read in the column's
 * zone; nulls stay null. Result: utf8, one chunk per input chunk.
 */
export function dtStrftime(col: TemporalColumn, format: string): Column<Utf8> {
  const { parts, iso } = compileFormat(format);
  const dtype = col.dtype;
  const tz = dtype.kind === "timestamp" ? (dtype as Timestamp).tz : null;
  const per = dtype.kind === "timestamp" ? PER_SECOND[(dtype as Timestamp).unit] : 1;
  // Zone texts by offset, looked up once per distinct offset in this call.
  const zoneNames = new Map<number, Uint8Array>();
  const zoneOffsets = new Map<number, Uint8Array>();
  const fixedName = tz === null ? "" : isUtc(tz) ? "UTC" : /^[+-]\d\d:\d\d$/.test(tz) ? `UTC${tz}` : null;
  const f = new Float64Array(N_FIELDS);
  const ymd = new Int32Array(3);
  const chunks = col.chunks.map((c) => {
    const { days, ticks, offsets } = localDayTicks(c);
    const n = c.length;
    const out = new Utf8Writer(n * 20);
    const valueOffsets = new Int32Array(n + 1);
    const v = c.validity;
    for (let i = 0; i < n; i++) {
      const j = c.offset + i;
      if (v !== null && ((v[j >>> 3] as number) & (1 << (j & 7))) === 0) {
        valueOffsets[i + 1] = out.used;
        continue;
      }
      const z = days[i] as number;
      const t = ticks[i] as number;
      fillFields(f, ymd, z, t, per, iso);
      for (const p of parts) {
        switch (p.kind) {
          case LIT:
            writeBytes(out, p.bytes as Uint8Array);
            break;
          case NUM:
            writeNumber(out, f[p.field] as number, p.width, p.pad);
            break;
          case NAME:
            writeBytes(out, (p.names as readonly Uint8Array[])[f[p.field] as number] as Uint8Array);
            break;
          default: {
            if (tz === null) break;
            const off = offsets === null ? 0 : (offsets[i] as number);
            const cache = p.kind === ZONE_NAME ? zoneNames : zoneOffsets;
            let text = cache.get(off);
            if (text === undefined) {
              const unixSec = z * 86400 + Math.floor(t / per) - off;
              text = bytesOf(
                p.kind === ZONE_OFFSET ? offsetText(off) : (fixedName ?? zoneAbbreviation(tz, unixSec, off)),
              );
              cache.set(off, text);
            }
            writeBytes(out, text);
          }
        }
      }
      valueOffsets[i + 1] = out.used;
    }
    return makeChunk({
      dtype: utf8,
      length: n,
      values: out.bytes.subarray(0, out.used),
      valueOffsets,
      validity: v === null ? null : sliceBits(v, c.offset, n),
    });
  });
  return new Column(utf8, chunks);
}

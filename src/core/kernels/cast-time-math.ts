/**
 * Calendar and 64-bit helpers of temporal casts: civil dates ↔ day counts
 * (Howard Hinnant's `days_from_civil` / `civil_from_days`, exact integer
 * arithmetic valid for every day count), exact scaling of int64 words by
 * small factors, ISO 8601 formatting and parsing, and time zone offsets
 * through `Intl.DateTimeFormat`.
 * @internal
 */
import type { TimeUnit } from "../dtype.js";

const TWO32 = 4294967296;

/** Ticks of each unit per second. */
export const PER_SECOND: Record<TimeUnit, number> = { s: 1, ms: 1e3, us: 1e6, ns: 1e9 };
/** Digits of the fraction of a second each unit prints. */
export const FRACTION_DIGITS: Record<TimeUnit, number> = { s: 0, ms: 3, us: 6, ns: 9 };

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date `YYYY-MM-DD` of a day count (`±YYYYYY` outside years 0–9999, as `Date#toISOString`). */
export function formatDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const ys =
    y >= 0 && y <= 9999
      ? String(y).padStart(4, "0")
      : (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(6, "0");
  return `${ys}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** `HH:MM:SS` of a second of the day. */
export function formatTimeOfDay(sod: number): string {
  const h = Math.floor(sod / 3600);
  const mi = Math.floor((sod % 3600) / 60);
  const s = sod % 60;
  return `${h < 10 ? "0" : ""}${h}:${mi < 10 ? "0" : ""}${mi}:${s < 10 ? "0" : ""}${s}`;
}

/** `+HH:MM` / `-HH:MM` (with `:SS` for historical offsets that have seconds). */
export function formatOffset(sec: number): string {
  const a = Math.abs(sec);
  const hm = formatTimeOfDay(a);
  return (sec < 0 ? "-" : "+") + (a % 60 === 0 ? hm.slice(0, 5) : hm);
}

/**
 * Write `(hi * 2^32 + lo) * m + add` (hi signed, lo unsigned, 0 < m < 2^31,
 * 0 ≤ add < 2^31) into words `2k`, `2k + 1` of `w`; returns true when the
 * result overflows int64. Partial products of 16-bit pieces stay below 2^53.
 */
export function mulAddWords(
  w: Int32Array,
  k: number,
  hi: number,
  lo: number,
  m: number,
  add: number,
): boolean {
  const p0 = (lo & 0xffff) * m + add;
  const p1 = (lo >>> 16) * m + Math.floor(p0 / 65536);
  const newHi = hi * m + Math.floor(p1 / 65536);
  w[2 * k] = (p1 % 65536) * 65536 + (p0 % 65536);
  w[2 * k + 1] = newHi;
  return newHi < -2147483648 || newHi > 2147483647;
}

/**
 * Floor-divide `hi * 2^32 + lo` by `m` (0 < m < 2^31): the quotient goes to
 * words `2k`, `2k + 1` of `q`; returns the remainder (0 ≤ r < m). Each step
 * divides a number below 2^47, exact in doubles.
 */
export function floorDivWords(q: Int32Array, k: number, hi: number, lo: number, m: number): number {
  const qh = Math.floor(hi / m);
  const rh = hi - qh * m;
  const t1 = rh * 65536 + (lo >>> 16);
  const q1 = Math.floor(t1 / m);
  const t2 = (t1 - q1 * m) * 65536 + (lo & 0xffff);
  const q2 = Math.floor(t2 / m);
  q[2 * k] = q1 * 65536 + q2;
  q[2 * k + 1] = qh;
  return t2 - q2 * m;
}

/** A word pair as a double when it is a safe integer, else NaN. */
export function safeValue(hi: number, lo: number): number {
  return hi >= -2097152 && hi < 2097152 ? hi * TWO32 + (lo >>> 0) : Number.NaN;
}

/** Zones whose offset is always zero: formatted with `Z`. */
export function isUtc(tz: string | null): boolean {
  return tz !== null && /^(?:utc|etc\/utc|etc\/gmt|gmt|z|etc\/zulu|zulu|\+00:00)$/i.test(tz);
}

/** The UTC offset rules of a time zone: offsets at instants and for wall-clock times. */
export interface Zone {
  /** The offset, in seconds, at Unix second `sec`. */
  at(sec: number): number;
  /** The offset for a wall-clock time (seconds since epoch as if UTC): first of an ambiguous pair. */
  forLocal(localSec: number): number;
}

/** A fixed `±HH:MM` offset, as Arrow allows for a timestamp's zone. */
class FixedZone implements Zone {
  readonly #offset: number;
  constructor(offset: number) {
    this.#offset = offset;
  }
  at(): number {
    return this.#offset;
  }
  forLocal(): number {
    return this.#offset;
  }
}

const FIXED = /^([+-])(\d{2}):(\d{2})$/;

/**
 * The offset rules of a zone: null for a naive column or a zone that is
 * always UTC (no offset to apply), a fixed offset for `±HH:MM`, else the
 * IANA rules through `Intl`.
 */
export function zoneOf(tz: string | null): Zone | null {
  if (tz === null || isUtc(tz)) return null;
  const m = FIXED.exec(tz);
  if (m !== null) return new FixedZone((m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60));
  return new ZoneOffsets(tz);
}

// The last whole hour `Date` can represent, and the 400-year Gregorian cycle, in seconds.
const MAX_DATE_SEC = 8.64e12 - 3600;
const GREGORIAN_CYCLE = 146097 * 86400;
// Offsets are tabulated in blocks of 2^21 s (about 24 days), sampled once a day.
const BLOCK = 2097152;
const SAMPLE = 86400;

const LONG_OFFSET = /GMT(?:([+\-\u2212])(\d\d):(\d\d)(?::(\d\d))?)?$/;

/** The offsets of one block: `offsets[k]` holds from `starts[k − 1]` (or the block start) on. */
interface OffsetBlock {
  /** The block number: the block spans `[index · BLOCK, (index + 1) · BLOCK)`. */
  readonly index: number;
  readonly starts: Float64Array;
  readonly offsets: Float64Array;
}

/**
 * Offset from UTC, in seconds, of a zone at an instant (Unix seconds),
 * through `Intl.DateTimeFormat`. The transitions of each block of about
 * 24 days that the data touches are found once: the offset is sampled every
 * day and each change is located to the second by bisection (a zone never
 * changes its offset and back within one day). Lookups then cost a range
 * check against the last interval found (sorted data nearly always hits)
 * or a block lookup and a scan of its few transitions.
 */
export class ZoneOffsets implements Zone {
  readonly #fmt: Intl.DateTimeFormat;
  readonly #offsetFmt: Intl.DateTimeFormat;
  readonly #blocks = new Map<number, OffsetBlock>();
  readonly #recent: (OffsetBlock | undefined)[] = new Array(1024).fill(undefined);
  // The last interval found: `#offset` holds for `#from <= sec < #to`.
  #from = 0;
  #to = 0;
  #offset = 0;

  constructor(tz: string) {
    this.#offsetFmt = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
    this.#fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  }

  /** The offset at Unix second `sec`. */
  at(sec: number): number {
    if (sec >= this.#from && sec < this.#to) return this.#offset;
    // Date (and so Intl) stops at ±8.64e12 s; second-unit int64 timestamps go further. Past the
    // end, the zone's last rule repeats every 400 Gregorian years (146097 days, whole weeks);
    // before the start, zones keep their constant local mean time.
    if (sec > MAX_DATE_SEC) sec -= Math.ceil((sec - MAX_DATE_SEC) / GREGORIAN_CYCLE) * GREGORIAN_CYCLE;
    else if (sec < -MAX_DATE_SEC) sec = -MAX_DATE_SEC;
    const b = Math.floor(sec / BLOCK);
    // A direct-mapped cache in front of the Map: 1024 blocks span 67 years without a collision.
    const slot = b & 1023;
    let block = this.#recent[slot];
    if (block === undefined || block.index !== b) {
      block = this.#blocks.get(b);
      if (block === undefined) {
        block = this.#tabulate(b);
        this.#blocks.set(b, block);
      }
      this.#recent[slot] = block;
    }
    const starts = block.starts;
    let k = 0;
    while (k < starts.length && sec >= (starts[k] as number)) k++;
    const offset = block.offsets[k] as number;
    this.#from = k === 0 ? b * BLOCK : (starts[k - 1] as number);
    this.#to = k === starts.length ? (b + 1) * BLOCK : (starts[k] as number);
    this.#offset = offset;
    return offset;
  }

  /** The offset for a wall-clock time (seconds since epoch as if UTC): first of an ambiguous pair. */
  forLocal(localSec: number): number {
    const o1 = this.at(localSec - this.at(localSec));
    return this.at(localSec - o1) === o1 ? o1 : this.at(localSec - this.at(localSec - o1));
  }

  /** The transitions within block `index`. */
  #tabulate(index: number): OffsetBlock {
    const start = index * BLOCK;
    const last = start + BLOCK - 1;
    const starts: number[] = [];
    const offsets: number[] = [];
    let prev = start;
    let offset = this.#exact(start);
    offsets.push(offset);
    for (let t = start; t < last; ) {
      t = Math.min(t + SAMPLE, last);
      const next = this.#exact(t);
      // Several changes within one step are found one after the other.
      while (next !== offset) {
        let lo = prev;
        let hi = t;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.#exact(mid) === offset) lo = mid;
          else hi = mid;
        }
        offset = this.#exact(hi);
        starts.push(hi);
        offsets.push(offset);
        prev = hi;
      }
      prev = t;
    }
    return { index, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
  }

  #exact(sec: number): number {
    sec = Math.max(-8.64e12, Math.min(8.64e12, sec));
    // "GMT-04:56:02": the offset to the second, and several times cheaper than formatToParts.
    const m = LONG_OFFSET.exec(this.#offsetFmt.format(sec * 1000));
    if (m !== null) {
      if (m[1] === undefined) return 0;
      const v = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
      return m[1] === "+" ? v : -v;
    }
    const p: Record<string, string> = {};
    for (const { type, value } of this.#fmt.formatToParts(new Date(sec * 1000))) p[type] = value;
    const year = p.era === "BC" || p.era === "B" ? 1 - Number(p.year) : Number(p.year);
    const wall =
      daysFromCivil(year, Number(p.month), Number(p.day)) * 86400 +
      Number(p.hour) * 3600 +
      Number(p.minute) * 60 +
      Number(p.second);
    return wall - sec;
  }
}

// YYYY-MM-DD[(T| )HH:MM[:SS[.fffffffff]]][Z|±HH[:MM]]
const ISO =
  /^\s*([+-]\d{6}|\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*$/i;

/** A parsed ISO 8601 date-time: local seconds, fraction digits, offset (null when absent). */
export interface IsoParts {
  seconds: number;
  fraction: string;
  offset: number | null;
  hasTime: boolean;
}

/** Parse ISO 8601 text, or return null when it is not a valid date-time. */
export function parseIso(text: string): IsoParts | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (mo < 1 || mo > 12 || d < 1 || d > dim || h > 23 || mi > 59 || s > 59) return null;
  let offset: number | null = null;
  const z = m[8];
  if (z !== undefined) {
    if (z === "Z" || z === "z") offset = 0;
    else {
      const digits = z.replace(":", "");
      const oh = Number(digits.slice(1, 3));
      const om = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
      if (oh > 23 || om > 59) return null;
      offset = (z[0] === "-" ? -1 : 1) * (oh * 3600 + om * 60);
    }
  }
  return {
    seconds: daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s,
    fraction: m[7] ?? "",
    offset,
    hasTime: m[4] !== undefined,
  };
}

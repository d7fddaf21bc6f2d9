/**
 * Calendar fields of timestamps and dates (`s.dt.year`, `s.dt.isMonthEnd`,
 * `s.dt.isocalendar()`…), their local date and their local midnight. Each
 * kernel is one pass over the local day numbers and ticks of
 * `localDayTicks`, which owns the exact 64-bit split and the zone lookup.
 * Unary and element-wise: multi-chunk columns map chunk by chunk.
 * @internal
 */
import { sliceBits } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool, type DateDay, date, type Int32, int32, type Timestamp } from "../dtype.js";
import { CastError } from "../errors.js";
import { words } from "../int64.js";
import { type Zone, zoneOf } from "./cast-time-math.js";
import { civilFromDays, localDayTicks } from "./dt-local.js";

/** A column `.dt` reads: timestamps (any unit, naive or zoned) or dates. */
export type TemporalColumn = Column<Timestamp | DateDay>;

/** Fields of the time of day. */
export type TimeField = "hour" | "minute" | "second" | "millisecond" | "microsecond" | "nanosecond";
/** Fields of the local date. */
export type DayField =
  | "year"
  | "month"
  | "day"
  | "dayOfWeek"
  | "dayOfYear"
  | "quarter"
  | "daysInMonth"
  | "isoYear"
  | "isoWeek"
  | "isoDay";
/** Every int32 field. */
export type DtField = TimeField | DayField;
/** Every bool field. */
export type DtPredicate =
  | "isMonthStart"
  | "isMonthEnd"
  | "isQuarterStart"
  | "isQuarterEnd"
  | "isYearStart"
  | "isYearEnd"
  | "isLeapYear";

// Numeric codes of the day fields and predicates: the loops switch on a loop-invariant number.
const DAY_CODE: Record<DayField, number> = {
  year: 0,
  month: 1,
  day: 2,
  dayOfWeek: 3,
  dayOfYear: 4,
  quarter: 5,
  daysInMonth: 6,
  isoYear: 7,
  isoWeek: 8,
  isoDay: 9,
};
const PREDICATE_CODE: Record<DtPredicate, number> = {
  isMonthStart: 0,
  isMonthEnd: 1,
  isQuarterStart: 2,
  isQuarterEnd: 3,
  isYearStart: 4,
  isYearEnd: 5,
  isLeapYear: 6,
};
const TIME_FIELDS: readonly string[] = [
  "hour",
  "minute",
  "second",
  "millisecond",
  "microsecond",
  "nanosecond",
];

/** Days before the first of each month in a common year. */
const CUMULATIVE = Int32Array.of(0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334);
// Largest |day number| whose year fits in int32 (2^31 − 1 years of 365.2425 days, rounded down).
const MAX_INT32_YEAR_DAYS = 784_352_019_000;

/** A fresh validity bitmap at offset 0 for a chunk's output (null when it has no nulls). */
function outValidity(c: Chunk): Uint8Array | null {
  return c.validity === null ? null : sliceBits(c.validity, c.offset, c.length);
}

/** The day number of a Monday-first weekday, Monday = 0 (1970-01-01 was a Thursday). */
function weekday(z: number): number {
  const r = (z + 3) % 7;
  return r < 0 ? r + 7 : r;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Day of the year (1-based) of a civil date. */
function dayOfYear(y: number, m: number, d: number): number {
  return (CUMULATIVE[m - 1] as number) + d + (m > 2 && isLeap(y) ? 1 : 0);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);
}

/** ISO 8601 week (1–53) of day `z`; the ISO year is the civil year of that week's Thursday. */
function isoWeekOf(z: number, ymd: Int32Array): number {
  civilFromDays(z - weekday(z) + 3, ymd);
  return Math.floor((dayOfYear(ymd[0] as number, ymd[1] as number, ymd[2] as number) - 1) / 7) + 1;
}

/** `out[i] = (⌊ticks[i] / a⌋ mod b) · mul`: every time-of-day field. */
function timeLoop(ticks: Float64Array, out: Int32Array, a: number, b: number, mul: number): void {
  for (let i = 0; i < out.length; i++) out[i] = (Math.floor((ticks[i] as number) / a) % b) * mul;
}

/**
 * The year of each day number: the year part of Hinnant's `civil_from_days`
 * (as `civilFromDays`), inlined because `dt.year` is the hot path. Shifted
 * days in int32 range (every ns timestamp) take integer division, twice as
 * fast as `Math.floor` on doubles.
 */
function yearLoop(days: Float64Array, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    const z = (days[i] as number) + 719468;
    let y: number;
    if (z >= 0 && z < 2147483647) {
      const zi = z | 0;
      const era = (zi / 146097) | 0;
      const doe = zi - era * 146097;
      const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
      const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
      // March-based years: day 306 of the shifted year is January 1st
      y = yoe + era * 400 + (doy >= 306 ? 1 : 0);
    } else {
      const era = Math.floor(z / 146097);
      const doe = z - era * 146097;
      const yoe = Math.floor(
        (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
      );
      const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
      y = yoe + era * 400 + (doy >= 306 ? 1 : 0);
    }
    out[i] = y;
  }
}

function dayLoop(days: Float64Array, out: Int32Array, code: number): void {
  const ymd = new Int32Array(3);
  for (let i = 0; i < out.length; i++) {
    const z = days[i] as number;
    if (code === 3 || code === 9) {
      const w = weekday(z);
      out[i] = code === 3 ? w : w + 1;
      continue;
    }
    if (code >= 7) {
      const w = isoWeekOf(z, ymd);
      out[i] = code === 7 ? (ymd[0] as number) : w;
      continue;
    }
    civilFromDays(z, ymd);
    const y = ymd[0] as number;
    const m = ymd[1] as number;
    const d = ymd[2] as number;
    switch (code) {
      case 1:
        out[i] = m;
        break;
      case 2:
        out[i] = d;
        break;
      case 4:
        out[i] = dayOfYear(y, m, d);
        break;
      case 5:
        out[i] = ((m - 1) / 3 + 1) | 0;
        break;
      default:
        out[i] = daysInMonth(y, m);
    }
  }
}

function predicateLoop(days: Float64Array, bits: Uint8Array, code: number): void {
  const ymd = new Int32Array(3);
  for (let i = 0; i < days.length; i++) {
    civilFromDays(days[i] as number, ymd);
    const y = ymd[0] as number;
    const m = ymd[1] as number;
    const d = ymd[2] as number;
    let hit: boolean;
    switch (code) {
      case 0:
        hit = d === 1;
        break;
      case 1:
        hit = d === daysInMonth(y, m);
        break;
      case 2:
        hit = d === 1 && m % 3 === 1;
        break;
      case 3:
        hit = m % 3 === 0 && d === daysInMonth(y, m);
        break;
      case 4:
        hit = d === 1 && m === 1;
        break;
      case 5:
        hit = d === 31 && m === 12;
        break;
      default:
        hit = isLeap(y);
    }
    if (hit) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
  }
}

/** `[a, b, mul]` of `timeLoop` for a time field at `per` ticks per second. */
function timeParams(field: TimeField, per: number): [number, number, number] {
  switch (field) {
    case "hour":
      return [3600 * per, 24, 1];
    case "minute":
      return [60 * per, 60, 1];
    case "second":
      return [per, 60, 1];
    case "millisecond":
      return per >= 1e3 ? [per / 1e3, 1000, 1] : [1, 1, 0];
    case "microsecond":
      return per >= 1e6 ? [per / 1e6, 1e6, 1] : per === 1e3 ? [1, 1e3, 1e3] : [1, 1, 0];
    default:
      return per === 1e9 ? [1, 1000, 1] : [1, 1, 0];
  }
}

function checkYearRange(days: Float64Array, row0: number): void {
  for (let i = 0; i < days.length; i++) {
    const z = days[i] as number;
    if (z > MAX_INT32_YEAR_DAYS || z < -MAX_INT32_YEAR_DAYS) {
      throw new CastError(`the year at row ${row0 + i} does not fit in int32`);
    }
  }
}

/**
 * An int32 calendar field of every element, read in the column's zone
 * (local wall time). Nulls stay null. One pass per chunk after the split.
 */
export function dtField(col: TemporalColumn, field: DtField): Column<Int32> {
  const time = TIME_FIELDS.includes(field);
  const code = time ? -1 : DAY_CODE[field as DayField];
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const split = localDayTicks(c);
    const out = new Int32Array(c.length);
    if (time) {
      const [a, b, mul] = timeParams(field as TimeField, split.perSecond);
      timeLoop(split.ticks, out, a, b, mul);
    } else {
      // Only second-unit timestamps reach years beyond int32 (2^63 s ≈ 2.9e11 years).
      if ((code === 0 || code === 7) && split.perSecond === 1 && c.dtype.kind === "timestamp") {
        checkYearRange(split.days, row0);
      }
      if (code === 0) yearLoop(split.days, out);
      else dayLoop(split.days, out, code);
    }
    row0 += c.length;
    return makeChunk({ dtype: int32, length: c.length, values: out, validity: outValidity(c) });
  });
  return new Column(int32, chunks);
}

/** A bool calendar predicate of every element (local date). Nulls stay null. */
export function dtPredicate(col: TemporalColumn, predicate: DtPredicate): Column<Bool> {
  const code = PREDICATE_CODE[predicate];
  const chunks = col.chunks.map((c) => {
    const bits = new Uint8Array((c.length + 7) >>> 3);
    predicateLoop(localDayTicks(c).days, bits, code);
    return makeChunk({ dtype: bool, length: c.length, values: bits, validity: outValidity(c) });
  });
  return new Column(bool, chunks);
}

/** The local date of each timestamp (a date column is returned as it is). Nulls stay null. */
export function dtDate(col: TemporalColumn): Column<DateDay> {
  if (col.dtype.kind === "date") return col as Column<DateDay>;
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const days = localDayTicks(c).days;
    const out = new Int32Array(c.length);
    for (let i = 0; i < out.length; i++) {
      const z = days[i] as number;
      if (z > 2147483647 || z < -2147483648) {
        throw new CastError(`the date at row ${row0 + i} is out of the date range (days must fit in int32)`);
      }
      out[i] = z;
    }
    row0 += c.length;
    return makeChunk({ dtype: date, length: c.length, values: out, validity: outValidity(c) });
  });
  return new Column(date, chunks);
}

/**
 * The offset (seconds) that turns local midnight `wall` (seconds, as if
 * UTC) into the instant the local day starts. When midnight does not
 * exist (a DST gap at 00:00), the day starts at the transition, as pandas'
 * `nonexistent="shift_forward"`: the first second `u` whose wall time
 * `u + at(u)` reaches `wall`, found by bisection (rare: once per such day).
 */
export function midnightOffset(zone: Zone, wall: number): number {
  const o = zone.forLocal(wall);
  if (zone.at(wall - o) === o) return o;
  let lo = wall - 86400;
  let hi = wall + 86400;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + zone.at(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return wall - hi;
}

const TWO32 = 4294967296;

/**
 * Each timestamp moved to the start of its local day (same dtype; a date
 * column is returned as it is). Exact for every int64: the result is the
 * input plus a small signed shift added to its 64-bit words.
 */
export function dtNormalize(col: TemporalColumn): TemporalColumn {
  if (col.dtype.kind === "date") return col;
  const dtype = col.dtype as Timestamp;
  const zone = zoneOf(dtype.tz);
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const { days, ticks, offsets, perSecond } = localDayTicks(c);
    const n = c.length;
    const out = new BigInt64Array(n);
    const w = words(c.values as BigInt64Array);
    const ow = words(out);
    let lastDay = Number.NaN;
    let eff = 0;
    for (let i = 0; i < n; i++) {
      let shift = -(ticks[i] as number);
      if (zone !== null && offsets !== null) {
        const z = days[i] as number;
        if (z !== lastDay) {
          lastDay = z;
          eff = midnightOffset(zone, z * 86400);
        }
        shift += ((offsets[i] as number) - eff) * perSecond;
      }
      const s = ((w[2 * i] as number) >>> 0) + shift;
      const carry = Math.floor(s / TWO32);
      const hi = (w[2 * i + 1] as number) + carry;
      ow[2 * i] = s - carry * TWO32;
      ow[2 * i + 1] = hi;
      if (hi < -2147483648 && (c.validity === null || isValidAt(c, i))) {
        throw new CastError(`the local midnight of row ${row0 + i} is out of the timestamp range`);
      }
    }
    row0 += n;
    return makeChunk({ dtype, length: n, values: out, validity: outValidity(c) });
  });
  return new Column(dtype, chunks);
}

function isValidAt(c: Chunk, i: number): boolean {
  const v = c.validity as Uint8Array;
  const j = c.offset + i;
  return ((v[j >>> 3] as number) & (1 << (j & 7))) !== 0;
}

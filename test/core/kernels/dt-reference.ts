/**
 * A naive reference for the `.dt` kernels: BigInt division for the split
 * into seconds and ticks, `Intl` called per element for zone offsets, and
 * JS `Date` (after moving the day into its range by whole 400-year
 * Gregorian cycles, which keep weekdays) for the calendar.
 */
import type { TimeUnit } from "../../../src/core/dtype.js";

export const PER: Record<TimeUnit, bigint> = { s: 1n, ms: 1000n, us: 1000000n, ns: 1000000000n };
const CYCLE_DAYS = 146097;

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** The UTC offset in seconds of `tz` at Unix second `sec` (within Date's range), straight from Intl. */
export function refOffset(tz: string | null, sec: number): number {
  if (tz === null || tz === "UTC") return 0;
  const fixed = /^([+-])(\d\d):(\d\d)$/.exec(tz);
  if (fixed !== null) return (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 3600 + Number(fixed[3]) * 60);
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const p: Record<string, string> = {};
  for (const { type, value } of fmt.formatToParts(new Date(sec * 1000))) p[type] = value;
  const year = p.era === "BC" || p.era === "B" ? 1 - Number(p.year) : Number(p.year);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second));
  return d.getTime() / 1000 - sec;
}

export interface RefFields {
  days: number;
  ticks: bigint;
  offset: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  microsecond: number;
  nanosecond: number;
  dayOfWeek: number;
  dayOfYear: number;
  quarter: number;
  daysInMonth: number;
  isoYear: number;
  isoWeek: number;
  isoDay: number;
  isLeapYear: boolean;
}

/** Year, month, day and weekday (Monday = 0) of a day count through Date. */
export function refCivil(days: number): { y: number; m: number; d: number; wd: number } {
  const k = Math.floor(days / CYCLE_DAYS);
  const date = new Date((days - k * CYCLE_DAYS) * 864e5);
  return {
    y: date.getUTCFullYear() + 400 * k,
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    wd: (date.getUTCDay() + 6) % 7,
  };
}

/** Days since the epoch of a civil date, through Date (years beyond its range by whole cycles). */
export function refDays(y: number, m: number, d: number): number {
  const k = Math.floor((y - 1970) / 400);
  const date = new Date(0);
  date.setUTCFullYear(y - 400 * k, m - 1, d);
  return date.getTime() / 864e5 + k * CYCLE_DAYS;
}

/** Every field of one timestamp (`value` in `unit`, zone `tz`), or of a date (`unit` null, `value` = days). */
export function refFields(value: bigint, unit: TimeUnit | null, tz: string | null): RefFields {
  let days: number;
  let ticks = 0n;
  let offset = 0;
  const per = unit === null ? 1n : PER[unit];
  if (unit === null) days = Number(value);
  else {
    offset = refOffset(tz, Number(floorDiv(value, per)));
    const local = value + BigInt(offset) * per;
    const d = floorDiv(local, 86400n * per);
    days = Number(d);
    ticks = local - d * 86400n * per;
  }
  const { y, m, d, wd } = refCivil(days);
  const sod = Number(ticks / per);
  const frac = ticks % per;
  const ns = frac * (1000000000n / per);
  const leap = refCivilIsLeap(y);
  const thursday = refCivil(days - wd + 3);
  const isoWeek = Math.floor((days - wd + 3 - refDays(thursday.y, 1, 1)) / 7) + 1;
  return {
    days,
    ticks,
    offset,
    year: y,
    month: m,
    day: d,
    hour: Math.floor(sod / 3600),
    minute: Math.floor(sod / 60) % 60,
    second: sod % 60,
    millisecond: Number(ns / 1000000n),
    microsecond: Number(ns / 1000n),
    nanosecond: Number(ns % 1000n),
    dayOfWeek: wd,
    dayOfYear: days - refDays(y, 1, 1) + 1,
    quarter: Math.ceil(m / 3),
    daysInMonth: refDays(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - refDays(y, m, 1),
    isoYear: thursday.y,
    isoWeek,
    isoDay: wd + 1,
    isLeapYear: leap,
  };
}

/** Leap year through Date: February 29th exists (moved into Date's range by whole cycles). */
function refCivilIsLeap(y: number): boolean {
  const k = Math.floor((y - 1970) / 400);
  const date = new Date(0);
  date.setUTCFullYear(y - 400 * k, 1, 29);
  return date.getUTCMonth() === 1;
}

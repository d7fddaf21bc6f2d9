/**
 * Calendar offsets (pandas' `DateOffset`, `MonthEnd`, `BusinessDay`…):
 * values that move timestamps and dates on the calendar rather than by a
 * fixed duration, DST-correct in the column's zone.
 */
import { optionsOf, show } from "../../util/is.js";
import { sliceBits } from "../bitmap.js";
import type { Chunk } from "../chunk.js";
import { makeChunk } from "../chunk.js";
import type { Column } from "../column.js";
import { type DateDay, type DType, dtypeToString, type Timestamp } from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { daysFromCivil, zoneOf } from "./cast-time-math.js";
import {
  describeFrequency,
  type Frequency,
  parseFrequency,
  type TickFrequency,
  tickStep,
} from "./dt-frequency.js";
import { civilFromDays } from "./dt-local.js";
import {
  type LocalizeOptions,
  localizeTimes,
  mapChunks,
  resolution,
  type Times,
  timesOf,
  timestampChunk,
  writeTimes,
} from "./dt-zone.js";

/** The fields of `dateOffset`: relative amounts, any sign, integers. */
export interface DateOffsetFields {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  microseconds?: number;
  nanoseconds?: number;
}

/** Relative amounts, normalized: months, days, seconds, nanos (0 ≤ nanos < 1e9). @internal */
export interface Relative {
  readonly kind: "relative";
  readonly months: number;
  readonly days: number;
  readonly seconds: number;
  readonly nanos: number;
}

/** What a `DateOffset` does. @internal */
export type OffsetSpec = Relative | Frequency;

/**
 * A calendar offset: add it to (or subtract it from) timestamps or dates
 * with `add`/`sub` or a Series' `add`/`sub`. Made by `dateOffset` (relative
 * amounts) or `offset` (a pandas alias such as `"ME"` or `"2B"`).
 */
export class DateOffset {
  /** @internal */
  readonly spec: OffsetSpec;
  readonly #text: string;

  /** @internal Use `dateOffset` or `offset`. */
  constructor(spec: OffsetSpec, text: string) {
    this.spec = spec;
    this.#text = text;
    Object.freeze(this);
  }

  /** The offset moving the other way (what `sub` adds). */
  negate(): DateOffset {
    const s = this.spec;
    if (s.kind === "relative")
      return new DateOffset(relative(-s.months, -s.days, -s.seconds, -s.nanos), `-(${this.#text})`);
    return new DateOffset(scaleFrequency(s, -1), `-(${this.#text})`);
  }

  /** pandas' repr: `<DateOffset: months=1>`, `<MonthEnd>`, `<2 * BusinessDays>`. */
  toString(): string {
    return this.#text;
  }
}

function relative(months: number, days: number, seconds: number, nanos: number): Relative {
  const carry = Math.floor(nanos / 1e9);
  return Object.freeze({
    kind: "relative",
    months,
    days,
    seconds: seconds + carry,
    nanos: nanos - carry * 1e9,
  });
}

/** `f` with its multiple times `k`. @internal */
export function scaleFrequency(f: Frequency, k: number): Frequency {
  if (f.kind !== "tick") return Object.freeze({ ...f, n: f.n * k });
  const total = f.nanos * k;
  const carry = Math.floor(total / 1e9);
  return Object.freeze({ ...f, n: f.n * k, seconds: f.seconds * k + carry, nanos: total - carry * 1e9 });
}

/** `spec` applied `k` times at once (pandas' `k * offset`). @internal */
export function scaleSpec(s: OffsetSpec, k: number): OffsetSpec {
  if (s.kind !== "relative") return scaleFrequency(s, k);
  return relative(s.months * k, s.days * k, s.seconds * k, s.nanos * k);
}

const FIELDS = [
  "years",
  "months",
  "weeks",
  "days",
  "hours",
  "minutes",
  "seconds",
  "milliseconds",
  "microseconds",
  "nanoseconds",
] as const;

/**
 * Make a relative calendar offset (pandas' `DateOffset(months=1, days=2)`).
 *
 * Applied as pandas does (dateutil's `relativedelta`): years and months
 * move on the calendar and clip the day to the month's length (Jan 31 + 1
 * month = Feb 29 in 2024); then weeks, days and the clock fields add on
 * the wall clock, so in a zone `+ 1 day` keeps the time of day across DST
 * (23 or 25 hours). Zoned results are re-localized (`ambiguous` and
 * `nonexistent` of `addOffset`, raising by default as pandas). Fields are
 * integers of any sign.
 *
 * @param fields - years, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds
 * @returns a DateOffset
 * @example
 * ```ts
 * import { column, dateOffset, Series } from "ndframe";
 * const s = new Series(column([Date.UTC(2024, 0, 31)], "timestamp[ms]"));
 * s.add(dateOffset({ months: 1 })).get(0); // => BigInt(Date.UTC(2024, 1, 29))
 * String(dateOffset({ months: 1, days: 2 })); // => "<DateOffset: months=1, days=2>"
 * ```
 */
export function dateOffset(fields: DateOffsetFields): DateOffset {
  const f = optionsOf("dateOffset", fields, FIELDS) as Record<string, unknown>;
  const v: Record<string, number> = {};
  for (const k of FIELDS) {
    const x = f[k] ?? 0;
    if (typeof x !== "number" || !Number.isSafeInteger(x)) {
      throw new OptionError(`invalid ${k}: ${show(x)} (expected an integer)`);
    }
    v[k] = x;
  }
  const g = (k: (typeof FIELDS)[number]) => v[k] as number;
  const seconds = g("hours") * 3600 + g("minutes") * 60 + g("seconds");
  const ms = g("milliseconds");
  const us = g("microseconds");
  const ns = g("nanoseconds");
  // whole seconds of each sub-second field first, so large counts stay exact
  const sub = (x: number, per: number): [number, number] => {
    const s = Math.floor(x / per);
    return [s, (x - s * per) * (1e9 / per)];
  };
  const [s1, n1] = sub(ms, 1e3);
  const [s2, n2] = sub(us, 1e6);
  const [s3, n3] = sub(ns, 1e9);
  const spec = relative(
    g("years") * 12 + g("months"),
    g("weeks") * 7 + g("days"),
    seconds + s1 + s2 + s3,
    n1 + n2 + n3,
  );
  const shown = FIELDS.filter((k) => v[k] !== 0).map((k) => `${k}=${v[k]}`);
  return new DateOffset(spec, shown.length === 0 ? "<DateOffset>" : `<DateOffset: ${shown.join(", ")}>`);
}

/**
 * Make the offset of a pandas frequency alias: `offset("ME")` is pandas'
 * `MonthEnd()`, `offset("2B")` is `BusinessDay(2)`, `offset("W-MON")` is
 * `Week(weekday=0)`, `offset("3h")` is 3 hours.
 *
 * Anchored offsets roll as pandas': a date already on the anchor moves a
 * whole period (2024-01-31 + ME = 2024-02-29), any other date moves to
 * the next anchor (2024-01-15 + ME = 2024-01-31); the time of day is kept.
 * `B` skips Saturdays and Sundays. `D` is a calendar day on the wall clock
 * (pandas 3's `Day`; pandas 2 added 24 hours in a zone); `h`, `min`, `s`,
 * `ms`, `us`, `ns` are fixed durations added to the instants.
 *
 * @param alias - a frequency alias with an optional multiple (see `dateRange`)
 * @returns a DateOffset
 * @example
 * ```ts
 * import { column, offset, Series } from "ndframe";
 * const s = new Series(column([Date.UTC(2022, 0, 30), Date.UTC(2022, 0, 31)], "timestamp[ms]"));
 * s.add(offset("ME")).toArray(); // => [BigInt(Date.UTC(2022, 0, 31)), BigInt(Date.UTC(2022, 1, 28))]
 * String(offset("2B")); // => "<2 * BusinessDays>"
 * ```
 */
export function offset(alias: string): DateOffset {
  const f = parseFrequency(alias, "offset");
  return new DateOffset(f, describeFrequency(f));
}

// ---------------------------------------------------------------------------
// Calendar arithmetic on day numbers

const scratch = (): Int32Array => new Int32Array(3);

/** Days in month `m` (1–12) of year `y`. @internal */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Monday = 0 … Sunday = 6 of a day number (1970-01-01 was a Thursday). @internal */
export function weekday(z: number): number {
  return (((z + 3) % 7) + 7) % 7;
}

/** Day `z` moved `months` on the calendar: to day 1, the month's end, or the same day clipped. */
function shiftMonth(y: number, m: number, d: number, months: number, day: "start" | "end" | "same"): number {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const dim = daysInMonth(ny, nm);
  return daysFromCivil(ny, nm, day === "start" ? 1 : day === "end" ? dim : Math.min(d, dim));
}

/**
 * Day number `z` moved by an anchored frequency with multiple `n` (pandas'
 * `roll_qtrday` + `shift_month`, `Week._apply`, `shift_bdays`). @internal
 */
export function stepDays(f: Frequency, n: number, z: number, ymd: Int32Array): number {
  switch (f.kind) {
    case "tick":
      return z + n; // calendar days ("D")
    case "bday": {
      const wd = weekday(z);
      const weeks = Math.floor(n / 5);
      let adj = n;
      if (adj <= 0 && wd > 4) adj += 1; // roll forward
      adj -= 5 * weeks;
      let days: number;
      if (adj === 0 && wd > 4) days = 4 - wd;
      else if (wd > 4) days = 7 - wd + (adj - 1);
      else if (wd + adj <= 4) days = adj;
      else days = adj + 2;
      return z + 7 * weeks + days;
    }
    case "week": {
      const wd = weekday(z);
      let k = n;
      if (wd !== f.weekday) {
        z += (((f.weekday - wd) % 7) + 7) % 7;
        if (k > 0) k -= 1;
      }
      return z + 7 * k;
    }
    case "month": {
      civilFromDays(z, ymd);
      const y = ymd[0] as number;
      const m = ymd[1] as number;
      const d = ymd[2] as number;
      const compare = f.end ? daysInMonth(y, m) : 1;
      const since = f.span === 12 ? m - f.month : f.span === 3 ? (m % 3) - (f.month % 3) : 0;
      let k = n;
      if (k > 0) {
        if (since < 0 || (since === 0 && d < compare)) k -= 1;
      } else if (since > 0 || (since === 0 && d > compare)) k += 1;
      return shiftMonth(y, m, d, k * f.span - since, f.end ? "end" : "start");
    }
  }
}

/** True when day `z` is on an anchored frequency's anchor (pandas' `is_on_offset`). @internal */
export function onOffset(f: Frequency, z: number, ymd: Int32Array): boolean {
  switch (f.kind) {
    case "tick":
      return true;
    case "bday":
      return weekday(z) < 5;
    case "week":
      return weekday(z) === f.weekday;
    case "month": {
      civilFromDays(z, ymd);
      const y = ymd[0] as number;
      const m = ymd[1] as number;
      if ((ymd[2] as number) !== (f.end ? daysInMonth(y, m) : 1)) return false;
      return f.span === 1 || (((m - f.month) % f.span) + f.span) % f.span === 0;
    }
  }
}

/** The step of a fixed frequency in a unit, or an error naming both. */
function fixedStep(f: TickFrequency, per: number, fn: string, unit: string): [number, number] {
  const step = tickStep(f, per);
  if (step === null) throw new OptionError(`${fn}: ${f.name} is not a whole number of ${unit} ticks`);
  return step;
}

/**
 * Move times `t` (wall or instants) by `spec` in place: calendar parts on
 * day numbers, clock parts on seconds and ticks. Null rows move too
 * (harmless). @internal
 */
export function shiftTimes(t: Times, spec: OffsetSpec, fn: string, unit: string): void {
  const { sec, frac, per } = t;
  const n = sec.length;
  const ymd = scratch();
  let addSec = 0;
  let addFrac = 0;
  if (spec.kind === "relative") {
    const nsPerTick = 1e9 / per;
    if (spec.nanos % nsPerTick !== 0) throw new DTypeError(`${fn}: the offset is finer than unit ${unit}`);
    addSec = spec.days * 86400 + spec.seconds;
    addFrac = spec.nanos / nsPerTick;
  } else if (spec.kind === "tick" && !spec.day) {
    [addSec, addFrac] = fixedStep(spec, per, fn, unit);
  }
  for (let i = 0; i < n; i++) {
    let s = sec[i] as number;
    if (spec.kind === "relative" ? spec.months !== 0 : !(spec.kind === "tick" && !spec.day)) {
      const z = Math.floor(s / 86400);
      const sod = s - z * 86400;
      let z2: number;
      if (spec.kind === "relative") {
        civilFromDays(z, ymd);
        z2 = shiftMonth(ymd[0] as number, ymd[1] as number, ymd[2] as number, spec.months, "same");
      } else z2 = stepDays(spec, spec.n, z, ymd);
      s = z2 * 86400 + sod;
    }
    let f = (frac[i] as number) + addFrac;
    s += addSec;
    if (f >= per) {
      f -= per;
      s += 1;
    }
    sec[i] = s;
    frac[i] = f;
  }
}

/** Move day numbers by `spec` (date columns: calendar parts only). */
function shiftDays(v: Int32Array, spec: OffsetSpec, fn: string): Int32Array {
  const out = new Int32Array(v.length);
  const ymd = scratch();
  if (spec.kind === "relative") {
    if (spec.seconds !== 0 || spec.nanos !== 0) {
      throw new DTypeError(
        `${fn}: an offset with a time of day does not apply to dates; cast to a timestamp first`,
      );
    }
    for (let i = 0; i < v.length; i++) {
      let z = v[i] as number;
      if (spec.months !== 0) {
        civilFromDays(z, ymd);
        z = shiftMonth(ymd[0] as number, ymd[1] as number, ymd[2] as number, spec.months, "same");
      }
      out[i] = z + spec.days;
    }
    return out;
  }
  if (spec.kind === "tick" && !spec.day) {
    throw new DTypeError(
      `${fn}: ${spec.name} is a fixed duration below a day; cast the dates to a timestamp first`,
    );
  }
  for (let i = 0; i < v.length; i++) out[i] = stepDays(spec, spec.n, v[i] as number, ymd);
  return out;
}

/**
 * Add a calendar offset to timestamps or dates (what `add(col, offset)`
 * and `sub(col, offset)` do).
 *
 * Calendar parts move the wall clock in the column's zone, and zoned
 * results are re-localized with `ambiguous`/`nonexistent` (both raise by
 * default, as pandas); fixed parts (`offset("2h")`) add to the instants.
 * Dates take calendar offsets only. Nulls stay null; the result has the
 * input's dtype, one fresh chunk per input chunk; O(n).
 *
 * @param col - timestamps or dates
 * @param off - a DateOffset
 * @param options - `ambiguous` and `nonexistent` for zoned results
 * @returns the moved column
 * @example
 * ```ts
 * import { column, offset } from "ndframe";
 * import { addOffset } from "ndframe/compute";
 * // day 19209 is Friday 2022-08-05; one business day later is Monday 08-08
 * addOffset(column([19209], "date"), offset("B")).toArray(); // => [19212]
 * ```
 */
export function addOffset<T extends Timestamp | DateDay>(
  col: Column<T>,
  off: DateOffset,
  options?: LocalizeOptions,
): Column<T> {
  const fn = "addOffset";
  const d = col.dtype as DType;
  if (!(off instanceof DateOffset)) throw new OptionError(`${fn}: expected a DateOffset, got ${show(off)}`);
  if (d.kind !== "timestamp" && d.kind !== "date") {
    throw new DTypeError(`${fn} needs timestamps or dates; this column holds ${dtypeToString(d)}`);
  }
  const opts = optionsOf(fn, options, ["ambiguous", "nonexistent"]) as LocalizeOptions;
  const spec = off.spec;
  if (d.kind === "date") {
    return mapChunks(col as Column<DateDay>, d, (c) => {
      const v = c.values.subarray(0, c.length);
      const validity = c.validity === null ? null : sliceBits(c.validity, c.offset, c.length);
      return makeChunk({ dtype: d, length: c.length, values: shiftDays(v, spec, fn), validity });
    }) as unknown as Column<T>;
  }
  const ts = d as Timestamp;
  const fixed = spec.kind === "tick" && !spec.day;
  const zone = fixed ? null : zoneOf(ts.tz);
  const r = resolution(fn, opts, col.length);
  return mapChunks(col, ts, (c, row0) => {
    const tc = c as Chunk<Timestamp>;
    const t = timesOf(tc, !fixed, fn, row0);
    shiftTimes(t, spec, fn, ts.unit);
    const v =
      zone === null
        ? tc.validity === null
          ? null
          : sliceBits(tc.validity, tc.offset, tc.length)
        : localizeTimes(t, zone, ts.tz as string, r, tc.validity, tc.offset, row0);
    return timestampChunk(ts, writeTimes(t, v, ts.unit, fn, row0), v);
  }) as unknown as Column<T>;
}

/**
 * `s.dt`: calendar fields, rounding, zones and formatting of timestamps
 * and dates (pandas' `.dt` accessor).
 */

// helper (rounding and zones): kernels of the methods below the marker at the end of the class
import type { Column } from "../core/column.js";
import type { Bool, DateDay, DType, Int32, Timestamp, Utf8 } from "../core/dtype.js";
import {
  type DtField,
  type DtPredicate,
  dtDate,
  dtField,
  dtNormalize,
  dtPredicate,
  type TemporalColumn,
} from "../core/kernels/dt-fields.js";
import { dtStrftime } from "../core/kernels/dt-format.js";
import { ceilTime, floorTime, roundTime } from "../core/kernels/dt-round.js";
import { type LocalizeOptions, tzConvert, tzLocalize } from "../core/kernels/dt-zone.js";
// Type only: the Series layer builds frames through makeFrame, never by importing the frame layer.
import type { DataFrame } from "../frame/frame.js";
import { Accessor, accessorError } from "./accessor.js";
import { makeFrame } from "./frame-factory.js";
import type { Series } from "./series.js";

/** The columns of `s.dt.isocalendar()`: ISO year, week (1–53) and weekday (Monday = 1). */
export type IsoCalendarSchema = { readonly year: Int32; readonly week: Int32; readonly day: Int32 };

/**
 * The datetime methods of a Series of timestamps or dates (pandas' `.dt`).
 *
 * Fields read the local wall time in the column's zone (a zoned column
 * stores UTC instants; a naive one its wall time as it is); a date reads as
 * its midnight. Every result keeps the Series' index and name, and nulls
 * stay null. Numeric fields are int32 (pandas' dtype), predicates bool.
 * Each field is one pass over the values (exact for every int64, with no
 * BigInt per element); zoned columns look offsets up in a per-hour cache.
 */
export class DatetimeMethods extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (d.kind !== "timestamp" && d.kind !== "date") throw accessorError("dt", "timestamps or dates", d);
  }

  #temporal(): TemporalColumn {
    return this.column as TemporalColumn;
  }

  #field(field: DtField): Series<Int32> {
    return this.wrap(dtField(this.#temporal(), field));
  }

  #predicate(predicate: DtPredicate): Series<Bool> {
    return this.wrap(dtPredicate(this.#temporal(), predicate));
  }

  /**
   * The year of each local date, int32 (proleptic Gregorian; year 0 is
   * 1 BC). A second-unit timestamp whose year exceeds int32 throws a
   * `CastError`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["2000-12-31", "2001-12-31", "2002-12-31"]).astype("timestamp[ns]");
   * s.dt.year.toArray(); // => [2000, 2001, 2002]
   * ```
   */
  get year(): Series<Int32> {
    return this.#field("year");
  }

  /**
   * The month (1–12) of each local date, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-31", "2000-02-29", null]).astype("date").dt.month.toArray(); // => [1, 2, null]
   * ```
   */
  get month(): Series<Int32> {
    return this.#field("month");
  }

  /**
   * The day of the month (1–31) of each local date, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01", "2000-01-02"]).astype("timestamp[s]").dt.day.toArray(); // => [1, 2]
   * ```
   */
  get day(): Series<Int32> {
    return this.#field("day");
  }

  /**
   * The hour (0–23) of the local time, int32; 0 for dates.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * // 06:59:59 UTC is 01:59:59 EST; one second later it is 03:00:00 EDT
   * const s = new Series(["2021-03-14T06:59:59Z", "2021-03-14T07:00:00Z"]).astype("timestamp[ns, America/New_York]");
   * s.dt.hour.toArray(); // => [1, 3]
   * ```
   */
  get hour(): Series<Int32> {
    return this.#field("hour");
  }

  /**
   * The minute (0–59) of the local time, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01T00:00", "2000-01-01T00:01"]).astype("timestamp[ms]").dt.minute.toArray(); // => [0, 1]
   * ```
   */
  get minute(): Series<Int32> {
    return this.#field("minute");
  }

  /**
   * The second (0–59) of the local time, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01T00:00:00", "2000-01-01T00:00:01"]).astype("timestamp[us]").dt.second.toArray(); // => [0, 1]
   * ```
   */
  get second(): Series<Int32> {
    return this.#field("second");
  }

  /**
   * The millisecond of the second (0–999), int32, as polars' `millisecond`
   * (pandas has no such field); 0 for second-unit timestamps and dates.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01T00:00:00.123456789"]).astype("timestamp[ns]").dt.millisecond.toArray(); // => [123]
   * ```
   */
  get millisecond(): Series<Int32> {
    return this.#field("millisecond");
  }

  /**
   * The microseconds of the second (0–999999), int32, as pandas'
   * `microsecond`: the millisecond digits are included.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01T00:00:00.123456789"]).astype("timestamp[ns]").dt.microsecond.toArray(); // => [123456]
   * ```
   */
  get microsecond(): Series<Int32> {
    return this.#field("microsecond");
  }

  /**
   * The nanoseconds beyond the microsecond (0–999), int32, as pandas'
   * `nanosecond`; 0 unless the unit is ns.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2000-01-01T00:00:00.123456789"]).astype("timestamp[ns]").dt.nanosecond.toArray(); // => [789]
   * ```
   */
  get nanosecond(): Series<Int32> {
    return this.#field("nanosecond");
  }

  /**
   * The day of the week, Monday = 0 to Sunday = 6, int32 (pandas'
   * `day_of_week`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * // 2016-12-31 was a Saturday
   * new Series(["2016-12-31", "2017-01-01", "2017-01-02"]).astype("date").dt.dayOfWeek.toArray(); // => [5, 6, 0]
   * ```
   */
  get dayOfWeek(): Series<Int32> {
    return this.#field("dayOfWeek");
  }

  /**
   * The day of the year, 1 for January 1st, int32 (pandas' `day_of_year`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2024-12-31", "2023-12-31"]).astype("date").dt.dayOfYear.toArray(); // => [366, 365]
   * ```
   */
  get dayOfYear(): Series<Int32> {
    return this.#field("dayOfYear");
  }

  /**
   * The quarter (1–4) of each local date, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2017-03-31", "2017-04-01"]).astype("date").dt.quarter.toArray(); // => [1, 2]
   * ```
   */
  get quarter(): Series<Int32> {
    return this.#field("quarter");
  }

  /**
   * The number of days in the month of each local date, int32.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["1900-02-10", "2000-02-10", "2000-04-10"]).astype("date").dt.daysInMonth.toArray(); // => [28, 29, 30]
   * ```
   */
  get daysInMonth(): Series<Int32> {
    return this.#field("daysInMonth");
  }

  /**
   * The ISO 8601 week number (1–53), int32: the `week` column of
   * `isocalendar()`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2020-12-31", "2021-01-03", "2021-01-04"]).astype("date").dt.isoWeek.toArray(); // => [53, 53, 1]
   * ```
   */
  get isoWeek(): Series<Int32> {
    return this.#field("isoWeek");
  }

  /**
   * Whether each local date is the first day of its month, bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2018-02-27", "2018-02-28", "2018-03-01"]).astype("date").dt.isMonthStart.toArray(); // => [false, false, true]
   * ```
   */
  get isMonthStart(): Series<Bool> {
    return this.#predicate("isMonthStart");
  }

  /**
   * Whether each local date is the last day of its month, bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2018-02-27", "2018-02-28", "2018-03-01"]).astype("date").dt.isMonthEnd.toArray(); // => [false, true, false]
   * ```
   */
  get isMonthEnd(): Series<Bool> {
    return this.#predicate("isMonthEnd");
  }

  /**
   * Whether each local date is the first day of a quarter (Jan, Apr, Jul,
   * Oct 1st), bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2017-03-31", "2017-04-01"]).astype("date").dt.isQuarterStart.toArray(); // => [false, true]
   * ```
   */
  get isQuarterStart(): Series<Bool> {
    return this.#predicate("isQuarterStart");
  }

  /**
   * Whether each local date is the last day of a quarter, bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2017-03-31", "2017-04-01"]).astype("date").dt.isQuarterEnd.toArray(); // => [true, false]
   * ```
   */
  get isQuarterEnd(): Series<Bool> {
    return this.#predicate("isQuarterEnd");
  }

  /**
   * Whether each local date is January 1st, bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2017-12-31", "2018-01-01"]).astype("date").dt.isYearStart.toArray(); // => [false, true]
   * ```
   */
  get isYearStart(): Series<Bool> {
    return this.#predicate("isYearStart");
  }

  /**
   * Whether each local date is December 31st, bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2017-12-31", "2018-01-01"]).astype("date").dt.isYearEnd.toArray(); // => [true, false]
   * ```
   */
  get isYearEnd(): Series<Bool> {
    return this.#predicate("isYearEnd");
  }

  /**
   * Whether the year of each local date is a leap year (Gregorian: every
   * 4th, except centuries not divisible by 400), bool.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2012-12-31", "2013-12-31", "1900-06-01", "2000-06-01"]).astype("date").dt.isLeapYear.toArray(); // => [true, false, false, true]
   * ```
   */
  get isLeapYear(): Series<Bool> {
    return this.#predicate("isLeapYear");
  }

  /**
   * The ISO 8601 year, week and weekday of each local date, as a DataFrame
   * with int32 columns `year`, `week` (1–53) and `day` (Monday = 1), over
   * the Series' index. pandas returns UInt32 columns; int32 also holds the
   * negative years of the proleptic calendar. Nulls stay null in each column.
   *
   * @returns a DataFrame of three int32 columns
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const cal = new Series(["2009-12-31", "2010-01-03", "2010-01-04"]).astype("date").dt.isocalendar();
   * cal.column("year").toArray(); // => [2009, 2009, 2010]
   * cal.column("week").toArray(); // => [53, 53, 1]
   * cal.column("day").toArray(); // => [4, 7, 1]
   * ```
   */
  isocalendar(): DataFrame<IsoCalendarSchema> {
    const col = this.#temporal();
    const columns = new Map([
      ["year", dtField(col, "isoYear")],
      ["week", dtField(col, "isoWeek")],
      ["day", dtField(col, "isoDay")],
    ]);
    return makeFrame(columns, this.series.index) as unknown as DataFrame<IsoCalendarSchema>;
  }

  /**
   * The local date of each timestamp, as a `date` Series (pandas' `.dt.date`
   * gives Python dates). A date Series is returned as it is. A second-unit
   * timestamp whose day count exceeds int32 throws a `CastError`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * // 2021-11-07T03:30Z is 23:30 of the 6th in New York
   * const s = new Series(["2021-11-07T03:30:00Z"]).astype("timestamp[s, America/New_York]");
   * s.dt.date.astype("utf8").toArray(); // => ["2021-11-06"]
   * ```
   */
  get date(): Series<DateDay> {
    return this.wrap(dtDate(this.#temporal())) as Series<DateDay>;
  }

  /**
   * Move each timestamp to the start of its local day, keeping the dtype
   * (pandas' `normalize`). A zoned midnight is localized again, so across
   * a DST change the offset may differ from the input's. Where midnight
   * does not exist (a DST gap at 00:00, e.g. America/Sao_Paulo on
   * 2018-11-04) the day starts at the transition (01:00 there), as pandas'
   * `nonexistent="shift_forward"`; pandas itself raises. A date Series is
   * returned as it is.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["2014-08-01T10:00", "2014-08-01T11:00"]).astype("timestamp[ns]");
   * s.dt.normalize().astype("utf8").toArray(); // => ["2014-08-01T00:00:00.000000000", "2014-08-01T00:00:00.000000000"]
   * ```
   */
  normalize(): Series<Timestamp | DateDay> {
    return this.wrap(dtNormalize(this.#temporal()));
  }

  /**
   * The English name of each local weekday ("Monday" … "Sunday"), utf8, as
   * pandas' `day_name()` in its default locale.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2018-01-01", "2018-01-02", null]).astype("date").dt.dayName().toArray(); // => ["Monday", "Tuesday", null]
   * ```
   */
  dayName(): Series<Utf8> {
    return this.wrap(dtStrftime(this.#temporal(), "%A"));
  }

  /**
   * The English name of each local month ("January" … "December"), utf8,
   * as pandas' `month_name()` in its default locale.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["2018-01-31", "2018-02-28"]).astype("date").dt.monthName().toArray(); // => ["January", "February"]
   * ```
   */
  monthName(): Series<Utf8> {
    return this.wrap(dtStrftime(this.#temporal(), "%B"));
  }

  /**
   * Format each element with C/Python strftime directives, read in the
   * column's zone (pandas' `strftime`); utf8, nulls stay null. The format is
   * compiled once; each row writes its bytes directly (no per-row string).
   *
   * Directives: `%Y` (4 digits, zero-padded; a sign for years before 0)
   * `%m %d %H %M %S` (2 digits) `%f` (microseconds, 6 digits) `%y` `%C`
   * `%j` (day of year, 3 digits) `%e` (day, space-padded) `%I` `%p`
   * (AM/PM) `%a %A %b %B` (English names) `%U %W` (Sunday/Monday-first
   * weeks) `%w` (Sunday = 0) `%u` (Monday = 1) `%V %G` (ISO week and year)
   * `%z` (`+HHMM`; empty when naive) `%Z` (the zone's abbreviation from the
   * engine's English ICU names, e.g. EST/EDT, CET/CEST, IST, else tzdata's
   * numeric form such as `-03`; `UTC` for UTC, `UTC+05:30` for a fixed
   * offset, empty when naive), `%%`, `%n`, `%t`, and the C shorthands `%F
   * %T %D %R %r %h %c %x %X`. Other text is copied. An unknown directive
   * throws an `OptionError` naming it.
   *
   * @param format - the pattern, e.g. `"%Y-%m-%d %H:%M"`
   * @returns a utf8 Series
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["2018-03-10T09:00:00", "2018-03-10T09:00:02"]).astype("timestamp[ns]");
   * s.dt.strftime("%B %d, %Y, %r").toArray(); // => ["March 10, 2018, 09:00:00 AM", "March 10, 2018, 09:00:02 AM"]
   * ```
   */
  strftime(format: string): Series<Utf8> {
    return this.wrap(dtStrftime(this.#temporal(), format));
  }

  // --- helper: rounding and zones ---

  /**
   * Round down to a multiple of a fixed frequency (pandas' `dt.floor`): see
   * `floorTime`. A zoned Series floors its wall times and re-localizes them
   * (`ambiguous`/`nonexistent` raise by default); anchored frequencies
   * (`ME`, `W`…) throw ("<MonthEnd> is a non-fixed frequency").
   *
   * @param freq - a fixed frequency alias such as `"h"`, `"15min"`, `"D"`
   * @param options - `ambiguous` and `nonexistent`
   * @returns a Series of the same dtype
   * @example
   * ```ts
   * import { dateRange } from "ndframe";
   * const s = dateRange({ start: "2018-01-01 11:59", periods: 3, freq: "min", unit: "s" });
   * s.dt.floor("h").dt.hour.toArray(); // => [11, 12, 12]
   * ```
   */
  floor(freq: string, options?: LocalizeOptions): Series<Timestamp | DateDay> {
    return this.wrap(floorTime(this.column as Column<Timestamp | DateDay>, freq, options));
  }

  /**
   * Round up to a multiple of a fixed frequency (pandas' `dt.ceil`): see `ceilTime`.
   *
   * @param freq - a fixed frequency alias
   * @param options - `ambiguous` and `nonexistent`
   * @returns a Series of the same dtype
   * @example
   * ```ts
   * import { dateRange } from "ndframe";
   * const s = dateRange({ start: "2018-01-01 11:59", periods: 3, freq: "min", unit: "s" });
   * s.dt.ceil("h").dt.hour.toArray(); // => [12, 12, 13]
   * ```
   */
  ceil(freq: string, options?: LocalizeOptions): Series<Timestamp | DateDay> {
    return this.wrap(ceilTime(this.column as Column<Timestamp | DateDay>, freq, options));
  }

  /**
   * Round to the nearest multiple of a fixed frequency, halves to even
   * (pandas' `dt.round`): see `roundTime`.
   *
   * @param freq - a fixed frequency alias
   * @param options - `ambiguous` and `nonexistent`
   * @returns a Series of the same dtype
   * @example
   * ```ts
   * import { dateRange } from "ndframe";
   * const s = dateRange({ start: "2018-01-01 11:59", periods: 3, freq: "min", unit: "s" });
   * s.dt.round("h").dt.hour.toArray(); // => [12, 12, 12]
   * ```
   */
  round(freq: string, options?: LocalizeOptions): Series<Timestamp | DateDay> {
    return this.wrap(roundTime(this.column as Column<Timestamp | DateDay>, freq, options));
  }

  /**
   * Attach a zone to naive timestamps, reading them as wall times there
   * (pandas' `dt.tz_localize`; null removes the zone, keeping wall times):
   * see `tzLocalize` for `ambiguous` and `nonexistent`.
   *
   * @param tz - an IANA zone name, a fixed `±HH:MM` offset, or null
   * @param options - `ambiguous` and `nonexistent`
   * @returns zoned (or naive) timestamps
   * @example
   * ```ts
   * import { dateRange } from "ndframe";
   * const s = dateRange({ start: "2018-03-01 09:00", periods: 3 }).dt.tzLocalize("America/New_York");
   * s.dtype.tz; // => "America/New_York"
   * s.dt.hour.toArray(); // => [9, 9, 9]
   * ```
   */
  tzLocalize(tz: string | null, options?: LocalizeOptions): Series<Timestamp> {
    return this.wrap(tzLocalize(this.column as Column<Timestamp>, tz, options));
  }

  /**
   * Show zoned timestamps in another zone (pandas' `dt.tz_convert`): same
   * instants, no copy; null gives naive UTC. Naive input throws: use
   * `tzLocalize`.
   *
   * @param tz - an IANA zone name, a fixed `±HH:MM` offset, or null
   * @returns the same instants in zone `tz`
   * @example
   * ```ts
   * import { dateRange } from "ndframe";
   * const s = dateRange({ start: "2014-08-01 09:00", freq: "h", periods: 3, tz: "Europe/Berlin" });
   * s.dt.tzConvert("America/Chicago").dt.hour.toArray(); // => [2, 3, 4]
   * s.dt.tzConvert(null).dt.hour.toArray(); // => [7, 8, 9]
   * ```
   */
  tzConvert(tz: string | null): Series<Timestamp> {
    return this.wrap(tzConvert(this.column as Column<Timestamp>, tz));
  }
}

/**
 * `s.dt`: dates, formatting, rounding and zones of timestamps
 * and dates (pandas' `.dt` accessor); the calendar fields are in dt-fields.ts.
 */

import type { Column } from "../core/column.js";
import type { DateDay, Int32, Time, Timestamp, Utf8 } from "../core/dtype.js";
import { dtDate, dtField, dtNormalize } from "../core/kernels/dt-fields.js";
import { dtStrftime } from "../core/kernels/dt-format.js";
import { ceilTime, floorTime, roundTime } from "../core/kernels/dt-round.js";
import { dtTime } from "../core/kernels/dt-time.js";
import { type LocalizeOptions, tzConvert, tzLocalize } from "../core/kernels/dt-zone.js";
// Type only: the Series layer builds frames through makeFrame, never by importing the frame layer.
import type { DataFrame } from "../frame/frame.js";
import { DatetimeFields } from "./dt-fields.js";
import { makeFrame } from "./frame-factory.js";
import type { Series } from "./series.js";

/** The columns of `s.dt.isocalendar()`: ISO year, week (1–53) and weekday (Monday = 1). */
export type IsoCalendarSchema = { readonly year: Int32; readonly week: Int32; readonly day: Int32 };

/**
 * The datetime methods of a Series of timestamps or dates (pandas' `.dt`):
 * the calendar fields of `DatetimeFields`, plus dates, formatting, rounding
 * and time zones. Every result keeps the Series' index and name; nulls
 * stay null.
 */
export class DatetimeMethods extends DatetimeFields {
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
    const col = this.temporal;
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
    return this.wrap(dtDate(this.temporal)) as Series<DateDay>;
  }

  /**
   * The local time of day of each timestamp, as a `time64` Series (pandas'
   * `.dt.time` gives Python `datetime.time` objects): `time64[ns]` for ns
   * timestamps, `time64[us]` for s, ms and us ones; a date Series gives
   * 00:00:00 (`time64[us]`). Zoned timestamps read their wall clock in the
   * zone. Nulls stay null. Exact for every int64; one pass, fresh buffers.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * // pandas: pd.Series(pd.to_datetime(["2018-03-10 09:00:02.000123"])).dt.time → 09:00:02.000123
   * const s = new Series(["2018-03-10T09:00:02.000123"]).astype("timestamp[us]");
   * s.dt.time.dtype; // => { kind: "time", unit: "us" }
   * s.dt.time.astype("utf8").toArray(); // => ["09:00:02.000123"]
   * ```
   */
  get time(): Series<Time> {
    return this.wrap(dtTime(this.temporal)) as Series<Time>;
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
    return this.wrap(dtNormalize(this.temporal));
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
    return this.wrap(dtStrftime(this.temporal, "%A"));
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
    return this.wrap(dtStrftime(this.temporal, "%B"));
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
    return this.wrap(dtStrftime(this.temporal, format));
  }

  // ----------------------------------------------------------- rounding and zones

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

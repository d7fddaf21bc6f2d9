/**
 * The calendar fields of `s.dt` (year, month, …, isLeapYear): the first
 * half of the namespace; dt.ts adds dates, formatting, rounding and zones.
 */
import type { Bool, DType, Int32 } from "../core/dtype.js";
import {
  type DtField,
  type DtPredicate,
  dtField,
  dtPredicate,
  type TemporalColumn,
} from "../core/kernels/dt-fields.js";
import { Accessor, accessorError } from "./accessor.js";
import type { Series } from "./series.js";

/**
 * The calendar fields of a Series of timestamps or dates (see
 * `DatetimeMethods` for the whole of `s.dt`).
 *
 * Fields read the local wall time in the column's zone (a zoned column
 * stores UTC instants; a naive one its wall time as it is); a date reads as
 * its midnight. Every result keeps the Series' index and name, and nulls
 * stay null. Numeric fields are int32 (pandas' dtype), predicates bool.
 * Each field is one pass over the values (exact for every int64, with no
 * BigInt per element).
 */
export class DatetimeFields extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (d.kind !== "timestamp" && d.kind !== "date") throw accessorError("dt", "timestamps or dates", d);
  }

  /** @internal The column, typed as what `.dt` reads. */
  protected get temporal(): TemporalColumn {
    return this.column as TemporalColumn;
  }

  #field(field: DtField): Series<Int32> {
    return this.wrap(dtField(this.temporal, field));
  }

  #predicate(predicate: DtPredicate): Series<Bool> {
    return this.wrap(dtPredicate(this.temporal, predicate));
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
}

/**
 * `dateRange`: pandas' `date_range` as a Series of timestamps.
 */
import type { Timestamp } from "../core/dtype.js";
import { OptionError } from "../core/errors.js";
import { type DateRangeOptions, dateRangeColumn } from "../core/kernels/dt-range.js";
import { show } from "../util/is.js";
import { Series } from "./series.js";

/** Options of `dateRange`: the range's options plus the Series' name. */
export interface DateRangeSeriesOptions extends DateRangeOptions {
  /** The Series' name (pandas' `name`), null by default. */
  name?: string | null;
}

/**
 * Make evenly spaced timestamps (pandas' `date_range`).
 *
 * Give exactly two of `start`, `end` and `periods` (with `freq`, default
 * `"D"`), or all three without `freq` for `periods` values linearly spaced
 * from start to end (pandas' `np.linspace` in integer ticks: the k-th value
 * is start + ⌊k·(end − start)/(periods − 1)⌋, exact for spans below 2^53
 * ticks, as pandas).
 *
 * - **freq**: pandas 2.2's aliases with an optional multiple — fixed `D`,
 *   `h`, `min`, `s`, `ms`, `us`, `ns` (and sums such as `"1h30min"`),
 *   calendar `B`, `W` (= `W-SUN`), `W-MON`…`W-SUN`, `MS`, `ME`, `QS`, `QE`,
 *   `YS`, `YE` (quarters and years take an anchor month: `QE-JAN`,
 *   `YS-JUL`), or a DateOffset (`offset("2B")`, `dateOffset({ months: 1 })`).
 *   Calendar frequencies move `start` forward to the first date on the
 *   anchor (or `end` back, when only `end` is given) and keep its time of
 *   day; old spellings (`H`, `T`, `M`, `Q`, `Y`, `A`…) throw naming the new one.
 * - **start / end**: ISO 8601 text is a wall time (in `tz` when given), or
 *   an instant when it carries `Z` or `±HH:MM` (the result then takes that
 *   zone unless `tz` is given, in which case the instant is converted); a JS
 *   Date is an instant, read in UTC when there is no `tz`.
 * - **tz**: the zone of the result. `D` and calendar frequencies step the
 *   wall clock (a day is 23 or 25 hours across DST, as pandas' `D`), then
 *   localize with `ambiguous`/`nonexistent` (raising by default);
 *   `h` and finer step the instants (always 3600 s per hour).
 * - **inclusive**: `"both"` (default), `"neither"`, `"left"`, `"right"`
 *   drop a first value equal to start / a last value equal to end, as
 *   pandas 2.
 * - **normalize** moves start and end to midnight first; **unit** is the
 *   result's unit (default `"ns"`: years 1677–2262; use `"s"` beyond).
 *
 * Returns a new Series with a default index (pandas returns a
 * DatetimeIndex). Pass it as the `index` of a Series or DataFrame to label
 * rows with it, as pandas code passes `date_range(...)`. Cost O(periods);
 * no BigInt per value.
 *
 * @param options - start, end, periods, freq, tz, normalize, inclusive, unit, ambiguous, nonexistent, name
 * @returns a Series of timestamps
 * @example
 * ```ts
 * import { dateRange } from "ndframe";
 * const days = dateRange({ start: "2018-01-01", periods: 3 });
 * days.dtype; // => { kind: "timestamp", unit: "ns", tz: null }
 * const ends = dateRange({ start: "2018-01-01", periods: 3, freq: "ME", unit: "ms" });
 * ends.toArray(); // => [BigInt(Date.UTC(2018, 0, 31)), BigInt(Date.UTC(2018, 1, 28)), BigInt(Date.UTC(2018, 2, 31))]
 * dateRange({ start: "2017-01-01", end: "2017-01-04", inclusive: "neither", unit: "s" }).length; // => 2
 * ```
 * @example
 * ```ts
 * import { DataFrame, dateRange } from "ndframe";
 * const df = new DataFrame({ A: [1, 2, 3] }, { index: dateRange({ start: "20130101", periods: 3 }) });
 * df.index.toColumn().dtype; // => { kind: "timestamp", unit: "ns", tz: null }
 * ```
 */
export function dateRange(options: DateRangeSeriesOptions): Series<Timestamp> {
  if (typeof options !== "object" || options === null) {
    throw new OptionError(`dateRange: options must be an object, got ${show(options)}`);
  }
  const { name, ...rest } = options;
  if (name !== undefined && name !== null && typeof name !== "string") {
    throw new OptionError(`invalid name: ${show(name)} (expected a string or null)`);
  }
  return new Series(dateRangeColumn(rest), { name: name ?? null });
}

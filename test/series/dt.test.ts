/**
 * `s.dt`: pandas' documentation examples for each field (pandas 2.x
 * reference pages of Series.dt.*, translated to ndframe), plus what the
 * Series layer adds: labels and name kept, frames from isocalendar, dtype
 * errors.
 */
import { describe, expect, it } from "vitest";
import { DTypeError, OptionError, Series } from "../../src/index.js";

/** A Series of naive ns timestamps from ISO texts (pd.Series(pd.date_range(...)) in pandas' examples). */
const times = (texts: (string | null)[]) => new Series(texts).astype("timestamp[ns]");
const dates = (texts: (string | null)[]) => new Series(texts).astype("date");
/** `n` consecutive days from the first of January 2000 + `start` days, as ISO dates. */
const isoDays = (first: string, n: number) => {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 864e5).toISOString().slice(0, 10));
};

describe("s.dt fields (pandas' examples)", () => {
  it("s.dt.year of date_range('2000-01-01', periods=3, freq='YE') is 2000, 2001, 2002", () => {
    expect(times(["2000-12-31", "2001-12-31", "2002-12-31"]).dt.year.toArray()).toEqual([2000, 2001, 2002]);
  });

  it("s.dt.month of freq='ME' is 1, 2, 3 and s.dt.day of freq='D' is 1, 2, 3", () => {
    expect(times(["2000-01-31", "2000-02-29", "2000-03-31"]).dt.month.toArray()).toEqual([1, 2, 3]);
    expect(times(["2000-01-01", "2000-01-02", "2000-01-03"]).dt.day.toArray()).toEqual([1, 2, 3]);
  });

  it("s.dt.hour / minute / second of freq='h' / 'min' / 's' are 0, 1, 2", () => {
    expect(times(["2000-01-01T00:00", "2000-01-01T01:00", "2000-01-01T02:00"]).dt.hour.toArray()).toEqual([
      0, 1, 2,
    ]);
    expect(times(["2000-01-01T00:00", "2000-01-01T00:01", "2000-01-01T00:02"]).dt.minute.toArray()).toEqual([
      0, 1, 2,
    ]);
    expect(
      times(["2000-01-01T00:00:00", "2000-01-01T00:00:01", "2000-01-01T00:00:02"]).dt.second.toArray(),
    ).toEqual([0, 1, 2]);
  });

  it("s.dt.microsecond of freq='us' and s.dt.nanosecond of freq='ns' are 0, 1, 2", () => {
    const us = times([
      "2000-01-01T00:00:00.000000",
      "2000-01-01T00:00:00.000001",
      "2000-01-01T00:00:00.000002",
    ]);
    expect(us.dt.microsecond.toArray()).toEqual([0, 1, 2]);
    const ns = times([
      "2000-01-01T00:00:00.000000000",
      "2000-01-01T00:00:00.000000001",
      "2000-01-01T00:00:00.000000002",
    ]);
    expect(ns.dt.nanosecond.toArray()).toEqual([0, 1, 2]);
    expect(ns.dt.millisecond.toArray()).toEqual([0, 0, 0]);
  });

  it("s.dt.dayOfWeek of 2016-12-31 … 2017-01-08 is 5, 6, 0, 1, 2, 3, 4, 5, 6", () => {
    expect(times(isoDays("2016-12-31", 9)).dt.dayOfWeek.toArray()).toEqual([5, 6, 0, 1, 2, 3, 4, 5, 6]);
  });

  it("s.dt.quarter, isQuarterStart and isQuarterEnd of 2017-03-30 … 2017-04-02", () => {
    const s = times(isoDays("2017-03-30", 4));
    expect(s.dt.quarter.toArray()).toEqual([1, 1, 2, 2]);
    expect(s.dt.isQuarterStart.toArray()).toEqual([false, false, true, false]);
    expect(s.dt.isQuarterEnd.toArray()).toEqual([false, true, false, false]);
  });

  it("s.dt.isMonthStart and isMonthEnd of 2018-02-27 … 2018-03-01", () => {
    const s = times(isoDays("2018-02-27", 3));
    expect(s.dt.isMonthStart.toArray()).toEqual([false, false, true]);
    expect(s.dt.isMonthEnd.toArray()).toEqual([false, true, false]);
  });

  it("s.dt.isYearStart and isYearEnd of 2017-12-30 … 2018-01-01", () => {
    const s = times(isoDays("2017-12-30", 3));
    expect(s.dt.isYearStart.toArray()).toEqual([false, false, true]);
    expect(s.dt.isYearEnd.toArray()).toEqual([false, true, false]);
  });

  it("s.dt.isLeapYear of date_range('2012-01-01', '2015-01-01', freq='YE') is true, false, false", () => {
    expect(times(["2012-12-31", "2013-12-31", "2014-12-31"]).dt.isLeapYear.toArray()).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("s.dt.dayOfYear and daysInMonth (hand: 2024-12-31 is day 366; Feb 1900 has 28 days, Feb 2000 29)", () => {
    expect(dates(["2024-12-31", "2023-03-01", null]).dt.dayOfYear.toArray()).toEqual([366, 60, null]);
    expect(dates(["1900-02-01", "2000-02-01", "2021-09-30"]).dt.daysInMonth.toArray()).toEqual([28, 29, 30]);
  });

  it("s.dt.dayName() of 2018-01-01 … 2018-01-03 is Monday, Tuesday, Wednesday; monthName() of freq='ME' is January …", () => {
    expect(times(isoDays("2018-01-01", 3)).dt.dayName().toArray()).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
    ]);
    expect(times(["2018-01-31", "2018-02-28", "2018-03-31"]).dt.monthName().toArray()).toEqual([
      "January",
      "February",
      "March",
    ]);
  });

  it("s.dt.strftime('%B %d, %Y, %r') of pandas' example", () => {
    const s = times(["2018-03-10T09:00:00", "2018-03-10T09:00:01", "2018-03-10T09:00:02"]);
    expect(s.dt.strftime("%B %d, %Y, %r").toArray()).toEqual([
      "March 10, 2018, 09:00:00 AM",
      "March 10, 2018, 09:00:01 AM",
      "March 10, 2018, 09:00:02 AM",
    ]);
    expect(() => s.dt.strftime("%Q")).toThrow(OptionError);
  });

  it("s.dt.normalize() of date_range('2014-08-01 10:00', freq='h', periods=3, tz='Asia/Calcutta') is midnight +05:30", () => {
    const s = new Series([
      "2014-08-01T10:00:00+05:30",
      "2014-08-01T11:00:00+05:30",
      "2014-08-01T12:00:00+05:30",
    ]).astype("timestamp[ns, Asia/Calcutta]");
    const n = s.dt.normalize();
    expect(n.dtype).toEqual(s.dtype);
    // 2014-08-01T00:00+05:30 = 2014-07-31T18:30Z
    const midnight = BigInt(Date.parse("2014-07-31T18:30:00Z")) * 1_000_000n;
    expect(n.toArray()).toEqual([midnight, midnight, midnight]);
  });

  it("s.dt.date gives the local dates as a date Series; a date Series is returned as it is", () => {
    const s = new Series(["2021-11-07T03:30:00Z", null]).astype("timestamp[ms, America/New_York]");
    expect(s.dt.date.dtype).toEqual({ kind: "date" });
    expect(s.dt.date.astype("utf8").toArray()).toEqual(["2021-11-06", null]);
    const d = dates(["2024-02-29"]);
    expect(d.dt.date.toArray()).toEqual(d.toArray());
  });
});

describe("s.dt.isocalendar() and isoWeek", () => {
  it("s.dt.isocalendar() of date_range('2020-05-01', periods=5, freq='4D') (pandas' example)", () => {
    const s = times(["2020-05-01", "2020-05-05", "2020-05-09", "2020-05-13", "2020-05-17"]);
    const cal = s.dt.isocalendar();
    expect(cal.columns).toEqual(["year", "week", "day"]);
    expect(cal.column("year").toArray()).toEqual([2020, 2020, 2020, 2020, 2020]);
    expect(cal.column("week").toArray()).toEqual([18, 19, 19, 20, 20]);
    expect(cal.column("day").toArray()).toEqual([5, 2, 6, 3, 7]);
    expect(cal.column("week").dtype).toEqual({ kind: "int32" });
  });

  it("s.dt.isocalendar() of ['2010-01-01', NaT] is (2009, 53, 5) and nulls (pandas' example); keeps the index", () => {
    const s = new Series(["2010-01-01", null], { index: ["a", "b"] }).astype("timestamp[ns]");
    const cal = s.dt.isocalendar();
    expect(cal.column("year").toArray()).toEqual([2009, null]);
    expect(cal.column("week").toArray()).toEqual([53, null]);
    expect(cal.column("day").toArray()).toEqual([5, null]);
    expect(cal.index.toColumn().toArray()).toEqual(["a", "b"]);
  });

  it("s.dt.isoWeek of 2009-12-27 … 2010-01-04 is 52, 53 × 6, 1", () => {
    expect(dates(isoDays("2009-12-27", 9)).dt.isoWeek.toArray()).toEqual([52, 53, 53, 53, 53, 53, 53, 53, 1]);
  });
});

describe("s.dt on the Series", () => {
  it("s.dt.year keeps the Series' index and name", () => {
    const s = new Series(["2000-01-01", "2001-01-01"], { index: [10, 20], name: "when" }).astype(
      "timestamp[s]",
    );
    const y = s.dt.year;
    expect(y.name).toBe("when");
    expect(y.index.toColumn().toArray()).toEqual([10, 20]);
    expect(y.dtype).toEqual({ kind: "int32" });
  });

  it("s.dt on a non-temporal Series throws a DTypeError naming the dtype", () => {
    expect(() => new Series([1, 2]).dt).toThrow(DTypeError);
    expect(() => new Series(["a"]).dt).toThrow(/utf8/);
  });
});

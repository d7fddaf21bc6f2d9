/**
 * Timestamps, dates and durations print as pandas prints datetime64 and
 * timedelta64 columns. Expected texts are pandas' (documented reprs, cited
 * per test) or computed by hand in the test.
 */
import { describe, expect, it } from "vitest";
import { column, DataFrame, duration, Series, timestamp } from "../../src/index.js";

const lines = (s: Series | DataFrame) => s.toString().split("\n");
// 2000-01-01T00:00:00Z in seconds: 10957 days after 1970-01-01
const Y2K = 10957n * 86400n;

describe("toString() of time columns", () => {
  it("toString() of midnights prints dates only, as pandas' pd.Series(pd.date_range('2000-01-01', periods=3))", () => {
    const s = new Series(
      column([Y2K * 10n ** 9n, (Y2K + 86400n) * 10n ** 9n, (Y2K + 2n * 86400n) * 10n ** 9n], timestamp("ns")),
    );
    expect(lines(s)).toEqual([
      "0    2000-01-01",
      "1    2000-01-02",
      "2    2000-01-03",
      "dtype: timestamp[ns]",
    ]);
  });

  it("toString() prints times with the fraction digits the values need (pandas: .500 for half a second)", () => {
    const us = (s: bigint, frac: bigint) => s * 1_000_000n + frac;
    const ms = new Series(column([us(Y2K, 0n), us(Y2K + 1n, 500_000n)], timestamp("us")));
    expect(lines(ms).slice(0, 2)).toEqual(["0    2000-01-01 00:00:00.000", "1    2000-01-01 00:00:01.500"]);
    const whole = new Series(column([us(Y2K + 3661n, 0n), null], timestamp("us")));
    expect(lines(whole).slice(0, 2)).toEqual(["0    2000-01-01 01:01:01", "1                   <NA>"]);
    // 2^53 + 1 ns after the epoch: 9007199254740993 ns = 104 days 05:59:59.254740993 (hand: 9007199 s = 104 * 86400 + 21599)
    const ns = new Series(column([2n ** 53n + 1n], timestamp("ns")));
    expect(lines(ns)[0]).toBe("0    1970-04-15 05:59:59.254740993");
  });

  it("toString() before 1970 floors to the earlier second: -1 µs is 1969-12-31 23:59:59.999999", () => {
    expect(lines(new Series(column([-1n], timestamp("us"))))[0]).toBe("0    1969-12-31 23:59:59.999999");
  });

  it("toString() of a zoned column prints local times with their offsets, across New York's 2021-03-14 DST start", () => {
    // 06:00Z is 01:00 EST (-05:00); 07:00Z, after clocks jump from 02:00 to 03:00, is 03:00 EDT (-04:00)
    const start = 1_615_701_600n;
    const s = new Series(column([start, start + 3600n], timestamp("s", "America/New_York")));
    expect(lines(s)).toEqual([
      "0    2021-03-14 01:00:00-05:00",
      "1    2021-03-14 03:00:00-04:00",
      "dtype: timestamp[s, America/New_York]",
    ]);
    const utc = new Series(column([Y2K], timestamp("s", "UTC")));
    expect(lines(utc)[0]).toBe("0    2000-01-01 00:00:00+00:00");
  });

  it("toString() of a timestamp index labels the rows with dates, as '10 minutes to pandas' prints df with pd.date_range('20130101', periods=6)", () => {
    // 2013-01-01 is day 15706 after the epoch (43 years of 365 days and 11 leap days, 1972–2012)
    const days = Array.from({ length: 3 }, (_, i) => (15_706n + BigInt(i)) * 86400n * 10n ** 9n);
    const df = new DataFrame({ d: column(days, timestamp("ns")), a: column([1, 2, 3], "int32") }).setIndex(
      "d",
    );
    expect(lines(df).slice(2)).toEqual(["2013-01-01      1", "2013-01-02      2", "2013-01-03      3"]);
  });

  it("toString() of durations prints pandas' timedeltas: '0 days 00:00:01', '-1 days +23:59:59', whole days as '2 days'", () => {
    const secs = new Series(column([0n, 1n, -1n, 90061n], duration("s")));
    expect(lines(secs).slice(0, 4)).toEqual([
      "0      0 days 00:00:00",
      "1      0 days 00:00:01",
      "2    -1 days +23:59:59",
      "3      1 days 01:01:01",
    ]);
    const days = new Series(column([0n, 2n * 86_400_000n], duration("ms")));
    expect(lines(days).slice(0, 2)).toEqual(["0    0 days", "1    2 days"]);
    // pandas prints sub-second timedeltas with microseconds: pd.Timedelta("0.5s") in a Series is 0 days 00:00:00.500000
    const half = new Series(column([500n, null], duration("ms")));
    expect(lines(half).slice(0, 2)).toEqual(["0    0 days 00:00:00.500000", "1                      <NA>"]);
  });

  it("toString() and toHTML() of a date column print ISO dates", () => {
    const df = new DataFrame({ d: column([19675, null, -1], "date") });
    expect(lines(df).slice(2)).toEqual(["0  2023-11-14", "1        <NA>", "2  1969-12-31"]);
    expect(df.toHTML()).toContain("<td>2023-11-14</td>");
  });
});

import { describe, expect, it } from "vitest";
import { timestamp } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { dateOffset, offset } from "../../../src/core/kernels/dt-offset.js";
import { dateRangeColumn } from "../../../src/core/kernels/dt-range.js";

const NS = 1_000_000n;
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): bigint =>
  BigInt(Date.UTC(y, m - 1, d, h, mi, s)) * NS;
const days = (y: number, m: number, d0: number, n: number): bigint[] =>
  Array.from({ length: n }, (_, k) => utc(y, m, d0 + k));
const range = (o: Parameters<typeof dateRangeColumn>[0]) => dateRangeColumn(o).toArray();

describe("dateRangeColumn(options): pandas' date_range docstring", () => {
  it("start and end, daily: 2018-01-01 … 2018-01-08", () => {
    expect(range({ start: "2018-01-01", end: "2018-01-08" })).toEqual(days(2018, 1, 1, 8));
    expect(dateRangeColumn({ start: "2018-01-01", end: "2018-01-08" }).dtype).toEqual(timestamp("ns", null));
  });

  it("start and end with an offset: zoned endpoints give a zoned range (Berlin, +01:00 in January)", () => {
    // pandas: start/end localized to Europe/Berlin; here the instants carry +01:00 and tz names the zone
    const c = dateRangeColumn({
      start: "2018-01-01T00:00+01:00",
      end: "2018-01-08T00:00+01:00",
      tz: "Europe/Berlin",
    });
    expect(c.dtype).toEqual(timestamp("ns", "Europe/Berlin"));
    // midnight CET = 23:00 UTC the day before
    expect(c.toArray()).toEqual(days(2018, 1, 1, 8).map((v) => v - 3_600_000_000_000n));
    // without tz the written offset becomes the zone
    expect(dateRangeColumn({ start: "2018-01-01T00:00+01:00", periods: 2 }).dtype).toEqual(
      timestamp("ns", "+01:00"),
    );
    expect(dateRangeColumn({ start: "2018-01-01T00:00Z", periods: 2 }).dtype).toEqual(timestamp("ns", "UTC"));
  });

  it("start and periods / end and periods", () => {
    expect(range({ start: "2018-01-01", periods: 8 })).toEqual(days(2018, 1, 1, 8));
    // end 2018-01-01, 8 periods: 2017-12-25 … 2018-01-01
    expect(range({ end: "2018-01-01", periods: 8 })).toEqual(days(2017, 12, 25, 8));
  });

  it("start, end and periods: linearly spaced (2018-04-24, 04-25 12:00, 04-27)", () => {
    expect(range({ start: "2018-04-24", end: "2018-04-27", periods: 3 })).toEqual([
      utc(2018, 4, 24),
      utc(2018, 4, 25, 12),
      utc(2018, 4, 27),
    ]);
    // older docstring: 2019-06-20 → 2019-04-25 in 4 periods: −56 days / 3 = −18 days 16 h per step
    expect(range({ start: "2019-06-20", end: "2019-04-25", periods: 4 })).toEqual([
      utc(2019, 6, 20),
      utc(2019, 6, 1, 8),
      utc(2019, 5, 13, 16),
      utc(2019, 4, 25),
    ]);
    // 1 ns over 3 periods: floor(0.5) = 0, then the end
    expect(range({ start: "2020-01-01", end: "2020-01-01T00:00:00.000000001", periods: 3 })).toEqual([
      utc(2020, 1, 1),
      utc(2020, 1, 1),
      utc(2020, 1, 1) + 1n,
    ]);
    expect(range({ start: "2020-01-01", end: "2020-02-01", periods: 1 })).toEqual([utc(2020, 1, 1)]);
    expect(range({ start: "2020-01-01", end: "2020-02-01", periods: 0 })).toEqual([]);
  });

  it("freq 'ME', '3ME' and offset('3ME'): month ends from 2018-01-01", () => {
    expect(range({ start: "2018-01-01", periods: 5, freq: "ME" })).toEqual([
      utc(2018, 1, 31),
      utc(2018, 2, 28),
      utc(2018, 3, 31),
      utc(2018, 4, 30),
      utc(2018, 5, 31),
    ]);
    const three = [utc(2018, 1, 31), utc(2018, 4, 30), utc(2018, 7, 31), utc(2018, 10, 31), utc(2019, 1, 31)];
    expect(range({ start: "2018-01-01", periods: 5, freq: "3ME" })).toEqual(three);
    expect(range({ start: "2018-01-01", periods: 5, freq: offset("3ME") })).toEqual(three);
  });

  it("tz 'Asia/Tokyo': 2018-01-01 … 01-05 at midnight +09:00", () => {
    const c = dateRangeColumn({ start: "2018-01-01", periods: 5, tz: "Asia/Tokyo" });
    expect(c.dtype).toEqual(timestamp("ns", "Asia/Tokyo"));
    // midnight JST = 15:00 UTC the day before
    expect(c.toArray()).toEqual(days(2018, 1, 1, 5).map((v) => v - 9n * 3_600_000_000_000n));
  });

  it("inclusive 'both', 'left', 'right', 'neither' on 2017-01-01 … 2017-01-04", () => {
    const o = { start: "2017-01-01", end: "2017-01-04" };
    expect(range({ ...o, inclusive: "both" })).toEqual(days(2017, 1, 1, 4));
    expect(range({ ...o, inclusive: "left" })).toEqual(days(2017, 1, 1, 3));
    expect(range({ ...o, inclusive: "right" })).toEqual(days(2017, 1, 2, 3));
    expect(range({ ...o, inclusive: "neither" })).toEqual(days(2017, 1, 2, 2));
  });

  it("freq '100YS' with unit 's' reaches 2917 (beyond the ns range)", () => {
    const c = dateRangeColumn({ start: "2017-01-01", periods: 10, freq: "100YS", unit: "s" });
    expect(c.dtype).toEqual(timestamp("s", null));
    // each value is Jan 1 of 2017 + 100 k; seconds = days × 86400
    const expected = Array.from({ length: 10 }, (_, k) => BigInt(Date.UTC(2017 + 100 * k, 0, 1) / 1000));
    expect(c.toArray()).toEqual(expected);
    expect(() => dateRangeColumn({ start: "2017-01-01", periods: 10, freq: "100YS" })).toThrow(CastError);
    expect(() => dateRangeColumn({ start: "2017-01-01", periods: 10, freq: "100YS" })).toThrow(
      "dateRange: 2317-01-01 00:00:00 at row 3 is out of range for timestamp[ns] (1677-09-21 to 2262-04-11)",
    );
  });
});

describe("dateRangeColumn(options): calendar frequencies (pandas user guide)", () => {
  it("freq 'MS', 'W' (= W-SUN), 'W-SUN', 'B' from 2011-01-01 (a Saturday)", () => {
    expect(range({ start: "2011-01-01", periods: 3, freq: "MS" })).toEqual([
      utc(2011, 1, 1),
      utc(2011, 2, 1),
      utc(2011, 3, 1),
    ]);
    // the first Sunday on or after 2011-01-01 is 2011-01-02
    const sundays = [utc(2011, 1, 2), utc(2011, 1, 9), utc(2011, 1, 16), utc(2011, 1, 23), utc(2011, 1, 30)];
    expect(range({ start: "2011-01-01", end: "2011-02-01", freq: "W" })).toEqual(sundays);
    expect(range({ start: "2011-01-01", end: "2011-02-01", freq: "W-SUN" })).toEqual(sundays);
    // business days: Mon 01-03 … Fri 01-07, then Mon 01-10
    expect(range({ start: "2011-01-01", periods: 6, freq: "B" })).toEqual([
      utc(2011, 1, 3),
      utc(2011, 1, 4),
      utc(2011, 1, 5),
      utc(2011, 1, 6),
      utc(2011, 1, 7),
      utc(2011, 1, 10),
    ]);
    // 2011 had 52 weeks: 53 Sundays from 2011-01-02 to 2012-01-01
    expect(range({ start: "2011-01-01", end: "2012-01-01", freq: "W" })).toHaveLength(53);
    // 260 business days in 2011 (52 weeks × 5, Jan 1 and Dec 31 were Saturdays)
    expect(range({ start: "2011-01-01", end: "2011-12-31", freq: "B" })).toHaveLength(260);
  });

  it("end and periods with an anchored freq rolls end back first ('ME' ending 2018-05-15)", () => {
    expect(range({ end: "2018-05-15", periods: 3, freq: "ME" })).toEqual([
      utc(2018, 2, 28),
      utc(2018, 3, 31),
      utc(2018, 4, 30),
    ]);
    // 'B' ending on Sunday 2011-01-09 → …, Thu 01-06, Fri 01-07
    expect(range({ end: "2011-01-09", periods: 2, freq: "B" })).toEqual([utc(2011, 1, 6), utc(2011, 1, 7)]);
  });

  it("anchored frequencies keep the time of day of start; QE, QS, YE and anchors", () => {
    expect(range({ start: "2018-01-01T10:30", periods: 2, freq: "ME" })).toEqual([
      utc(2018, 1, 31, 10, 30),
      utc(2018, 2, 28, 10, 30),
    ]);
    expect(range({ start: "2018-02-10", periods: 3, freq: "QE" })).toEqual([
      utc(2018, 3, 31),
      utc(2018, 6, 30),
      utc(2018, 9, 30),
    ]);
    expect(range({ start: "2018-02-10", periods: 2, freq: "QS" })).toEqual([
      utc(2018, 4, 1),
      utc(2018, 7, 1),
    ]);
    expect(range({ start: "2018-02-10", periods: 2, freq: "QS-FEB" })).toEqual([
      utc(2018, 5, 1),
      utc(2018, 8, 1),
    ]);
    expect(range({ start: "2018-02-10", periods: 2, freq: "YE-JUN" })).toEqual([
      utc(2018, 6, 30),
      utc(2019, 6, 30),
    ]);
    // leap days: month ends of early 2024 include Feb 29
    expect(range({ start: "2024-01-15", periods: 2, freq: "ME" })).toEqual([
      utc(2024, 1, 31),
      utc(2024, 2, 29),
    ]);
  });

  it("inclusive drops a rolled start only when it equals start ('neither' with 'ME')", () => {
    // start 2018-01-15 rolls to 01-31 ≠ start, so it stays; end 2018-03-31 is on the anchor and goes
    expect(range({ start: "2018-01-15", end: "2018-03-31", freq: "ME", inclusive: "neither" })).toEqual([
      utc(2018, 1, 31),
      utc(2018, 2, 28),
    ]);
    // start == end: 'neither' is empty, others keep the one value
    expect(range({ start: "2018-01-31", end: "2018-01-31", freq: "ME", inclusive: "neither" })).toEqual([]);
    expect(range({ start: "2018-01-31", end: "2018-01-31", freq: "ME", inclusive: "left" })).toEqual([
      utc(2018, 1, 31),
    ]);
    // end and periods: no start to compare, so 'neither' only drops the end (pandas 2)
    expect(range({ end: "2018-01-03", periods: 3, inclusive: "neither" })).toEqual([
      utc(2018, 1, 1),
      utc(2018, 1, 2),
    ]);
  });

  it("relative DateOffsets step cumulatively as pandas (Jan 31 + 1 month each time)", () => {
    expect(range({ start: "2024-01-31", periods: 3, freq: dateOffset({ months: 1 }) })).toEqual([
      utc(2024, 1, 31),
      utc(2024, 2, 29),
      utc(2024, 3, 29),
    ]);
  });

  it("end before start with a positive freq gives an empty range; a negative freq counts down", () => {
    expect(range({ start: "2018-01-05", end: "2018-01-01" })).toEqual([]);
    expect(range({ start: "2018-01-05", end: "2018-01-01", freq: "ME" })).toEqual([]);
    expect(range({ start: "2018-01-03", end: "2018-01-01", freq: "-1D" })).toEqual([
      utc(2018, 1, 3),
      utc(2018, 1, 2),
      utc(2018, 1, 1),
    ]);
    expect(range({ start: "2018-01-01T02:00", end: "2018-01-01", freq: "-1h" })).toEqual([
      utc(2018, 1, 1, 2),
      utc(2018, 1, 1, 1),
      utc(2018, 1, 1),
    ]);
  });
});

describe("dateRangeColumn(options): zones and DST", () => {
  it("daily steps keep the wall time across New York's 2021-03-14 and 2021-11-07", () => {
    // 12:00 EST = 17:00 UTC, 12:00 EDT = 16:00 UTC
    expect(range({ start: "2021-03-13 12:00", periods: 3, tz: "America/New_York" })).toEqual([
      utc(2021, 3, 13, 17),
      utc(2021, 3, 14, 16),
      utc(2021, 3, 15, 16),
    ]);
    expect(range({ start: "2021-11-06 12:00", periods: 2, tz: "America/New_York" })).toEqual([
      utc(2021, 11, 6, 16),
      utc(2021, 11, 7, 17),
    ]);
  });

  it("hourly steps are 3600 s of real time: New York 2021-03-14 00:00 EST … (no 02:00 wall hour)", () => {
    // 00:00 EST = 05:00 UTC; then 06:00, 07:00 (= 03:00 EDT), 08:00 UTC
    expect(range({ start: "2021-03-14", periods: 4, freq: "h", tz: "America/New_York" })).toEqual([
      utc(2021, 3, 14, 5),
      utc(2021, 3, 14, 6),
      utc(2021, 3, 14, 7),
      utc(2021, 3, 14, 8),
    ]);
    // Berlin 2021-10-31 00:00 CEST (22:00 UTC) to 04:00 CET (03:00 UTC): 6 hours, 02:00 twice on the wall
    expect(
      range({ start: "2021-10-31", end: "2021-10-31T04:00", freq: "h", tz: "Europe/Berlin" }),
    ).toHaveLength(6);
  });

  it("daily steps landing in a gap follow nonexistent; Berlin 2021-03-28 02:30", () => {
    const o = { start: "2021-03-27 02:30", periods: 3, tz: "Europe/Berlin" };
    expect(() => range(o)).toThrow("dateRange: 2021-03-28 02:30:00 at row 1 does not exist in Europe/Berlin");
    // 02:30 CET = 01:30 UTC; gap → 03:00 CEST = 01:00 UTC; 02:30 CEST = 00:30 UTC
    expect(range({ ...o, nonexistent: "shiftForward" })).toEqual([
      utc(2021, 3, 27, 1, 30),
      utc(2021, 3, 28, 1),
      utc(2021, 3, 29, 0, 30),
    ]);
    expect(range({ ...o, nonexistent: "NaT" })).toEqual([
      utc(2021, 3, 27, 1, 30),
      null,
      utc(2021, 3, 29, 0, 30),
    ]);
    expect(() => range({ start: "2021-10-31 02:30", periods: 1, tz: "Europe/Berlin" })).toThrow(
      "is ambiguous",
    );
    expect(
      range({ start: "2021-10-31 02:30", periods: 1, tz: "Europe/Berlin", ambiguous: "earliest" }),
    ).toEqual([utc(2021, 10, 31, 0, 30)]);
  });

  it("normalize moves start and end to midnight; Date endpoints are instants", () => {
    expect(range({ start: "2018-01-01T15:45", periods: 2, normalize: true })).toEqual(days(2018, 1, 1, 2));
    expect(range({ start: new Date(Date.UTC(2018, 0, 1, 6)), periods: 2, freq: "12h" })).toEqual([
      utc(2018, 1, 1, 6),
      utc(2018, 1, 1, 18),
    ]);
    // a Date with tz: 2018-01-01 06:00 UTC is 15:00 in Tokyo; normalized → midnight JST = 15:00 UTC the day before
    expect(
      range({ start: new Date(Date.UTC(2018, 0, 1, 6)), periods: 1, tz: "Asia/Tokyo", normalize: true }),
    ).toEqual([utc(2017, 12, 31, 15)]);
  });

  it("units, fractions, and exactness beyond 2^53 ns, before 1970 and past 2038", () => {
    expect(range({ start: "1969-12-31T23:59:59.999999998", periods: 3, freq: "ns" })).toEqual([-2n, -1n, 0n]);
    // 2^53 ns = 9 007 199.254740992 s; 104 days = 8 985 600 s, leaving 21 599 s = 05:59:59
    expect(range({ start: "1970-04-15T05:59:59.254740992", periods: 3, freq: "ns" })).toEqual([
      2n ** 53n,
      2n ** 53n + 1n,
      2n ** 53n + 2n,
    ]);
    expect(range({ start: "2038-01-19T03:14:07", periods: 2, freq: "s", unit: "s" })).toEqual([
      2n ** 31n - 1n,
      2n ** 31n,
    ]);
    expect(range({ start: "2020-01-01", periods: 2, freq: "1500ms", unit: "ms" })).toEqual([
      BigInt(Date.UTC(2020, 0, 1)),
      BigInt(Date.UTC(2020, 0, 1)) + 1500n,
    ]);
  });
});

describe("dateRangeColumn(options): errors", () => {
  it("dateRangeColumn names the option at fault", () => {
    expect(() => dateRangeColumn({ start: "2018-01-01" })).toThrow(OptionError);
    expect(() => dateRangeColumn({ start: "2018-01-01" })).toThrow(
      "dateRange needs exactly two of start, end and periods with freq, or all three without freq (got start)",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", end: "2018-02-01", periods: 3, freq: "D" })).toThrow(
      "got start, end, periods",
    );
    expect(() => dateRangeColumn({ start: "2018-13-01", periods: 1 })).toThrow(
      'invalid start: "2018-13-01" (expected ISO 8601',
    );
    expect(() => dateRangeColumn({ end: 5 as never, periods: 1 })).toThrow("invalid end: 5");
    expect(() => dateRangeColumn({ start: new Date(Number.NaN), periods: 1 })).toThrow(
      "invalid start: an invalid Date",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01T00:00:00.5", periods: 1, unit: "s" })).toThrow(
      "is finer than unit s",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: -1 })).toThrow("invalid periods: -1");
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1.5 })).toThrow("invalid periods: 1.5");
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, freq: "M" })).toThrow(
      'pandas 2.2 renamed it "ME"',
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, freq: "0D" })).toThrow(
      "freq must not be zero",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, freq: "0h" })).toThrow(
      "freq must not be zero",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 2, freq: "500us", unit: "ms" })).toThrow(
      "is not a whole number of ms ticks",
    );
    expect(() =>
      dateRangeColumn({ start: "2018-01-01", periods: 1, inclusive: "both-ish" as never }),
    ).toThrow('invalid inclusive: "both-ish" (expected one of both, neither, left, right)');
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, unit: "m" as never })).toThrow(
      'invalid unit: "m"',
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, tz: "Nowhere/Land" })).toThrow(
      DTypeError,
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, tz: 5 as never })).toThrow(
      "invalid tz: 5",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01T00:00+01:00", end: "2018-02-01T00:00+02:00" })).toThrow(
      "start and end have different offsets (+01:00 and +02:00); pass tz",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, ambiguous: [true] })).toThrow(
      "one boolean per row is not supported here",
    );
    expect(() => dateRangeColumn({ start: "2018-01-01", periods: 1, freqs: "D" } as never)).toThrow(
      'unknown option "freqs"',
    );
    expect(() =>
      dateRangeColumn({ start: "2021-03-14 02:30", periods: 1, freq: "h", tz: "America/New_York" }),
    ).toThrow("dateRange: 2021-03-14 02:30:00 does not exist in America/New_York");
    expect(() => dateRangeColumn({ start: "1970-01-01", end: "2100-01-01", freq: "s" })).toThrow(
      "more than 134217728; narrow the range",
    );
  });
});

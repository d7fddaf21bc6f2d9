import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { dictionary, int8 } from "../../src/core/dtype.js";
import { CastError, OptionError, ParseError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { Series } from "../../src/series/series.js";
import { toDatetime } from "../../src/series/to-datetime.js";

const NS = 10n ** 9n;
/** ns since the epoch of a UTC wall time, from JS Date (an independent reference). */
const ns = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  BigInt(Date.UTC(y, mo - 1, d, h, mi, s)) * 10n ** 6n;

describe("toDatetime(strings) — pandas' to_datetime docstring examples", () => {
  it("toDatetime(['2018-10-26 12:00:00', '2018-10-26 13:00:00']) is naive", () => {
    const s = toDatetime(["2018-10-26 12:00:00", "2018-10-26 13:00:00"]);
    expect(s.dtype).toEqual({ kind: "timestamp", unit: "ns", tz: null });
    // 2018-10-26 is day 17830 since 1970-01-01 (48 years with 12 leap days = 17532, + 298 days to Oct 26)
    expect(s.toArray()).toEqual([(17830n * 86400n + 12n * 3600n) * NS, (17830n * 86400n + 13n * 3600n) * NS]);
  });

  it("toDatetime(['2018-10-26 12:00 -0500', '2018-10-26 13:00 -0500']) has the fixed zone UTC-05:00", () => {
    const s = toDatetime(["2018-10-26 12:00 -0500", "2018-10-26 13:00 -0500"]);
    expect(s.dtype).toEqual({ kind: "timestamp", unit: "ns", tz: "-05:00" });
    // stored as UTC: 12:00 at -05:00 is 17:00Z
    expect(s.toArray()).toEqual([ns(2018, 10, 26, 17), ns(2018, 10, 26, 18)]);
  });

  it("toDatetime(['2020-10-25 02:00 +0200', '2020-10-25 04:00 +0100']) throws: mixed offsets need utc", () => {
    expect(() => toDatetime(["2020-10-25 02:00 +0200", "2020-10-25 04:00 +0100"])).toThrow(ParseError);
    expect(() => toDatetime(["2020-10-25 02:00 +0200", "2020-10-25 04:00 +0100"])).toThrow(
      "toDatetime: Mixed timezones detected (row 0 has +02:00, row 1 has +01:00). Pass utc: true to convert to a common timezone.",
    );
    expect(() => toDatetime(["2020-10-25 02:00", "2020-10-25 04:00 +0100"])).toThrow(
      /row 0 has none, row 1 has \+01:00/,
    );
  });

  it("toDatetime([...], {utc: true}) converts offsets to UTC and reads naive text as UTC", () => {
    const s = toDatetime(["2018-10-26 12:00 -0530", "2018-10-26 12:00 -0500"], { utc: true });
    expect(s.dtype.tz).toBe("UTC");
    expect(s.toArray()).toEqual([ns(2018, 10, 26, 17, 30), ns(2018, 10, 26, 17)]);
    const t = toDatetime(["2018-10-26 12:00", "2020-01-01 18:00 -0100"], { utc: true });
    expect(t.toArray()).toEqual([ns(2018, 10, 26, 12), ns(2020, 1, 1, 19)]);
  });

  it("toDatetime('2018-10-26 12:00:00.0000000011', {format: '%Y-%m-%d %H:%M:%S.%f'}) keeps 9 digits", () => {
    expect(toDatetime(["2018-10-26 12:00:00.0000000011"], { format: "%Y-%m-%d %H:%M:%S.%f" }).get(0)).toBe(
      ns(2018, 10, 26, 12) + 1n,
    );
  });

  it("toDatetime('13000101', {format: '%Y%m%d', errors: 'coerce'}) is null (out of bounds)", () => {
    expect(toDatetime(["13000101"], { format: "%Y%m%d", errors: "coerce" }).toArray()).toEqual([null]);
    expect(() => toDatetime(["13000101"], { format: "%Y%m%d" })).toThrow(CastError);
    expect(() => toDatetime(["13000101"], { format: "%Y%m%d" })).toThrow(
      'toDatetime: row 0: "13000101" is out of bounds for timestamp[ns] (format "%Y%m%d")',
    );
    // the same date fits in seconds
    expect(toDatetime(["13000101"], { format: "%Y%m%d", resultUnit: "s" }).get(0)).toBe(
      BigInt(Date.UTC(1300, 0, 1) / 1000),
    );
  });
});

describe("toDatetime(strings) — zones, edge dates, nulls", () => {
  it("toDatetime gives UTC for Z and +00:00", () => {
    const s = toDatetime(["2021-01-01T00:00:00Z", "2021-01-01T01:00:00+00:00"]);
    expect(s.dtype.tz).toBe("UTC");
    expect(s.toArray()).toEqual([ns(2021, 1, 1), ns(2021, 1, 1, 1)]);
  });

  it("toDatetime reads New York's DST transitions by their offsets (hand computation)", () => {
    // 2021-03-14: 01:59:59 EST (-05:00) is 06:59:59Z; the next second is 03:00:00 EDT (-04:00) = 07:00:00Z
    const spring = toDatetime(["2021-03-14T01:59:59-05:00", "2021-03-14T03:00:00-04:00"], { utc: true });
    const base = 18700n * 86400n; // 2021-03-14 is day 18700
    expect(spring.toArray()).toEqual([(base + 6n * 3600n + 59n * 60n + 59n) * NS, (base + 7n * 3600n) * NS]);
    // 2021-11-07: 01:30 happens twice, at -04:00 (05:30Z) then at -05:00 (06:30Z)
    const fall = toDatetime(["2021-11-07 01:30-04:00", "2021-11-07 01:30-05:00"], { utc: true });
    const nov7 = 18938n * 86400n;
    expect(fall.toArray()).toEqual([(nov7 + 5n * 3600n + 1800n) * NS, (nov7 + 6n * 3600n + 1800n) * NS]);
    // Europe/Berlin by name (%Z): 2021-03-28 03:30 CEST is 01:30Z
    const berlin = toDatetime(["2021-03-28 03:30 Europe/Berlin"], { format: "%Y-%m-%d %H:%M %Z" });
    expect(berlin.dtype.tz).toBe("Europe/Berlin");
    expect(berlin.get(0)).toBe(ns(2021, 3, 28, 1, 30));
  });

  it("toDatetime: leap days, 2038, before 1970, int64 max", () => {
    expect(toDatetime(["2024-02-29"]).get(0)).toBe(19782n * 86400n * NS); // 2024-02-29 is day 19782
    expect(() => toDatetime(["2024-02-29", "2023-02-29"])).toThrow(
      'toDatetime: row 1: "2023-02-29" is not a valid date (format "ISO8601")',
    );
    expect(toDatetime(["2038-01-19 03:14:08"]).get(0)).toBe(2n ** 31n * NS);
    expect(toDatetime(["1969-12-31 23:59:59.999999999"]).get(0)).toBe(-1n);
    expect(toDatetime(["1900-01-01"]).get(0)).toBe(-2208988800n * NS); // 70 years, 17 leap days: 25567 days
    expect(toDatetime(["2262-04-11T23:47:16.854775807"]).get(0)).toBe(2n ** 63n - 1n);
    expect(() => toDatetime(["2262-04-11T23:47:16.854775808"])).toThrow(CastError);
  });

  it("toDatetime keeps nulls; empty strings and NaT text become null", () => {
    expect(toDatetime([null, "", "NaT", "nan", undefined, "1970-01-01"]).toArray()).toEqual([
      null,
      null,
      null,
      null,
      null,
      0n,
    ]);
  });

  it("toDatetime(errors: 'raise') names the first bad row and value; 'coerce' nulls them", () => {
    const v = ["2021-01-01", "2021-02-28", null, "2021-02-30", "junk"];
    expect(() => toDatetime(v, { format: "%Y-%m-%d" })).toThrow(
      'toDatetime: row 3: "2021-02-30" is not a valid date (format "%Y-%m-%d")',
    );
    expect(() => toDatetime(["x", "03/14/2021"])).toThrow(
      'toDatetime: row 0: "x" does not match format "ISO8601"; pass format for other shapes',
    );
    expect(() => toDatetime(["10:00:99"], { format: "%H:%M:%S" })).toThrow(
      /row 0: "10:00:99" does not match format/,
    );
    expect(() => toDatetime(["25:00"], { format: "%H:%M" })).toThrow(ParseError);
    expect(toDatetime(v, { format: "%Y-%m-%d", errors: "coerce" }).toArray()).toEqual([
      ns(2021, 1, 1),
      ns(2021, 2, 28),
      null,
      null,
      null,
    ]);
  });

  it("toDatetime(format: 'ISO8601' | 'mixed') reads every ISO shape", () => {
    const v = ["2021", "2021-07", "2021-07-14", "20210714T1030", "2021-07-14 10:30:15.5"];
    const want = [
      ns(2021, 1, 1),
      ns(2021, 7, 1),
      ns(2021, 7, 14),
      ns(2021, 7, 14, 10, 30),
      ns(2021, 7, 14, 10, 30, 15) + 500000000n,
    ];
    expect(toDatetime(v, { format: "ISO8601" }).toArray()).toEqual(want);
    expect(toDatetime(v, { format: "mixed" }).toArray()).toEqual(want);
  });

  it("toDatetime(strftime) covers the format directives", () => {
    const cases: [string, string, bigint][] = [
      ["%d/%m/%Y", "14/03/2021", ns(2021, 3, 14)],
      ["%m/%d/%y %H:%M:%S", "03/14/21 23:05:09", ns(2021, 3, 14, 23, 5, 9)],
      ["%b %d, %Y", "Mar 14, 2021", ns(2021, 3, 14)],
      ["%B %d, %Y %I:%M %p", "March 14, 2021 11:45 PM", ns(2021, 3, 14, 23, 45)],
      ["%a %d %h %Y", "Sun 14 Mar 2021", ns(2021, 3, 14)],
      ["%A %Y-%j", "Monday 2024-366", ns(2024, 12, 31)],
      ["%Y-%m-%dT%H:%M:%S.%f", "2021-03-14T10:00:00.000123", ns(2021, 3, 14, 10) + 123000n],
      ["%Y-%m-%d %H:%M%z", "2021-03-14 10:00+0100", ns(2021, 3, 14, 9)],
      ["%Y-%m-%d %H:%M %Z", "2021-03-14 10:00 UTC", ns(2021, 3, 14, 10)],
      ["%Y-%m-%d %w %u", "2021-03-14 0 7", ns(2021, 3, 14)],
      ["week %%%Y", "WEEK %2021", ns(2021, 1, 1)],
    ];
    for (const [f, text, want] of cases) expect(toDatetime([text], { format: f }).get(0), f).toBe(want);
  });

  it("toDatetime(date-fns format) reads date-fns tokens, whatever the process TZ", () => {
    // 2021-03-14 02:30 does not exist in New York: a local-time parse would move it
    const s = toDatetime(["14.03.2021 02:30", "07.11.2021 01:30", null], { format: "dd.MM.yyyy HH:mm" });
    expect(s.toArray()).toEqual([ns(2021, 3, 14, 2, 30), ns(2021, 11, 7, 1, 30), null]);
    expect(toDatetime(["2021-03-14 10:00 +05:30"], { format: "yyyy-MM-dd HH:mm XXX" }).toArray()).toEqual([
      ns(2021, 3, 14, 4, 30),
    ]);
    expect(() => toDatetime(["31.02.2021"], { format: "dd.MM.yyyy" })).toThrow(
      'toDatetime: row 0: "31.02.2021" does not match format "dd.MM.yyyy"',
    );
    expect(() => toDatetime(["2021"], { format: "yyyy bogus" })).toThrow(OptionError);
  });

  it("toDatetime(Series) keeps index and name; dictionary input parses each category once", () => {
    const s = new Series(["2021-01-02", null, "2021-01-01"], { index: ["a", "b", "c"], name: "when" });
    const t = toDatetime(s);
    expect(t.name).toBe("when");
    expect(t.index).toBe(s.index);
    expect(t.toArray()).toEqual([ns(2021, 1, 2), null, ns(2021, 1, 1)]);
    const cat = column(["2021-01-02", "bad", null, "2021-01-02", "2021-01-01"], dictionary(int8));
    expect(toDatetime(cat, { errors: "coerce" }).toArray()).toEqual([
      ns(2021, 1, 2),
      null,
      null,
      ns(2021, 1, 2),
      ns(2021, 1, 1),
    ]);
    expect(() => toDatetime(cat)).toThrow('toDatetime: row 1: "bad" does not match format "ISO8601"');
    const zoned = column(["2021-01-01 00:00+01:00", "2021-01-01 00:00+02:00"], dictionary(int8));
    expect(() => toDatetime(zoned)).toThrow(/Mixed timezones/);
  });

  it("toDatetime reads multi-chunk and sliced columns", () => {
    const a = column(["2021-01-01", "2021-01-02"]);
    const b = column(["x", "2021-01-03", "2021-01-04"], "large_utf8").slice(1);
    const c = column(["2021-01-03", "2021-01-04"]);
    const multi = new Column(a.dtype, [a.chunks[0] as never, c.chunks[0] as never]);
    expect(toDatetime(multi).toArray()).toEqual([
      ns(2021, 1, 1),
      ns(2021, 1, 2),
      ns(2021, 1, 3),
      ns(2021, 1, 4),
    ]);
    expect(toDatetime(b).toArray()).toEqual([ns(2021, 1, 3), ns(2021, 1, 4)]);
    expect(() =>
      toDatetime(new Column(a.dtype, [a.chunks[0] as never, column(["2021-01-01", "?"]).chunks[0] as never])),
    ).toThrow(/row 3: "\?"/);
  });

  it("toDatetime(resultUnit) sets the unit of the result", () => {
    const s = toDatetime(["2021-01-01T00:00:00.123456789"], { resultUnit: "ms" });
    expect(s.dtype.unit).toBe("ms");
    expect(s.get(0)).toBe(BigInt(Date.UTC(2021, 0, 1)) + 123n);
  });
});

describe("toDatetime(numbers, {unit, origin})", () => {
  it("toDatetime(1490195805, {unit: 's'}) and (1490195805433502912, {unit: 'ns'}) — pandas docstring", () => {
    expect(toDatetime([1490195805], { unit: "s" }).get(0)).toBe(1490195805n * NS);
    expect(toDatetime([1490195805433502912n], { unit: "ns" }).get(0)).toBe(1490195805433502912n);
    expect(toDatetime(new BigInt64Array([2n ** 63n - 1n])).get(0)).toBe(2n ** 63n - 1n);
  });

  it("toDatetime([1, 2, 3], {unit: 'D', origin: '1960-01-01'}) — pandas docstring", () => {
    // 1960-01-01 is 3653 days before 1970-01-01 (10 years, 3 leap days: 1960, 1964, 1968)
    expect(toDatetime([1, 2, 3], { unit: "D", origin: "1960-01-01" }).toArray()).toEqual(
      [1n, 2n, 3n].map((d) => (d - 3653n) * 86400n * NS),
    );
    expect(toDatetime([1], { unit: "D", origin: 10 }).get(0)).toBe(11n * 86400n * NS);
  });

  it("toDatetime(floats) keeps the fraction as pandas' cast_from_unit", () => {
    // 1490195805.433502912 is the double 1490195805.4335029125…; pandas rounds the fraction to
    // 9 digits (0.433502913), then truncates 0.433502913 * 1e9 = 433502913
    expect(toDatetime([Number("1490195805.433502912")], { unit: "s" }).get(0)).toBe(1490195805433502913n);
    expect(toDatetime([1.5, -1.5, Number.NaN, null], { unit: "s" }).toArray()).toEqual([
      1500000000n,
      -1500000000n,
      null,
      null,
    ]);
    expect(toDatetime([0.5], { unit: "D" }).get(0)).toBe(43200n * NS);
    expect(toDatetime(new Int32Array([-1, 0]), { unit: "ms" }).toArray()).toEqual([-1000000n, 0n]);
  });

  it("toDatetime(numbers, {origin: 'julian'}) reads Julian days (unit D)", () => {
    // Julian day 2440587.5 is the Unix epoch; 2451545.0 is 2000-01-01T12:00Z
    expect(toDatetime([2440587.5, 2451545.0], { unit: "D", origin: "julian" }).toArray()).toEqual([
      0n,
      ns(2000, 1, 1, 12),
    ]);
    expect(() => toDatetime([1], { unit: "s", origin: "julian" })).toThrow(/origin "julian" needs unit "D"/);
  });

  it("toDatetime(numbers) out of range throws naming the row, or coerces", () => {
    expect(() => toDatetime([0, 1e20], { unit: "s" })).toThrow(
      'toDatetime: row 1: 100000000000000000000 with unit "s" is out of bounds for timestamp[ns]',
    );
    expect(() => toDatetime([0n, 2n ** 62n], { unit: "s" })).toThrow(
      /row 1: 4611686018427387904 with unit "s"/,
    );
    expect(toDatetime([1e20, 1], { unit: "s", errors: "coerce" }).toArray()).toEqual([null, NS]);
    expect(toDatetime(new BigUint64Array([2n ** 64n - 1n]), { errors: "coerce" }).toArray()).toEqual([null]);
  });
});

describe("toDatetime options", () => {
  it("toDatetime rejects errors: 'ignore', tz, and bad options by name", () => {
    expect(() => toDatetime(["2021"], { errors: "ignore" as never })).toThrow(/deprecated it in 2.2/);
    expect(() => toDatetime(["2021"], { tz: "UTC" } as never)).toThrow(OptionError);
    expect(() => toDatetime(["2021"], { errors: "loud" as never })).toThrow(
      'invalid errors: "loud" (expected one of raise, coerce)',
    );
    expect(() => toDatetime(["2021"], { unit: "s" })).toThrow(/unit applies to numbers/);
    expect(() => toDatetime([1], { unit: "weeks" as never })).toThrow(/invalid unit: "weeks"/);
    expect(() => toDatetime([1], { origin: "someday" })).toThrow(/invalid origin: "someday"/);
    expect(() => toDatetime(["2021"], { format: "%Y-%Q" })).toThrow(/unsupported directive %Q/);
    expect(() => toDatetime([true, false] as never)).toThrow(/cannot convert bool/);
  });

  it("toDatetime(timestamps) passes them through; utc relabels naive ones", () => {
    const t = toDatetime(["2021-01-01"]);
    expect(toDatetime(t).toArray()).toEqual(t.toArray());
    expect(toDatetime(t, { utc: true }).dtype.tz).toBe("UTC");
  });
});

describe("toDatetime dayfirst / yearfirst", () => {
  it("dayfirst: true throws and asks for a format (ndframe has no guessing parser for it to steer)", () => {
    expect(() => toDatetime(["01/02/2021"], { dayfirst: true })).toThrow(
      /dayfirst: true has no effect.*%d\/%m\/%Y/,
    );
    expect(() => toDatetime(["2021-02-01"], { yearfirst: true })).toThrow(OptionError);
  });
  it("dayfirst: false is accepted (pandas' default)", () => {
    expect(toDatetime(["2021-02-01"], { dayfirst: false }).get(0)).toBe(1612137600000000000n); // 18659 days × 86400e9
  });
});

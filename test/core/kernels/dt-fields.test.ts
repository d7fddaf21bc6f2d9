/**
 * Calendar fields, local dates and midnights. Expected values are hand
 * computations (instants through `Date.parse`, an independent reference)
 * and, in the property tests, the naive reference of dt-reference.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { type DType, date, type TimeUnit, timestamp } from "../../../src/core/dtype.js";
import { CastError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { zoneOf } from "../../../src/core/kernels/cast-time-math.js";
import {
  type DtField,
  type DtPredicate,
  dtDate,
  dtField,
  dtNormalize,
  dtPredicate,
  midnightOffset,
  type TemporalColumn,
} from "../../../src/core/kernels/dt-fields.js";
import { floorDiv, PER, refDays, refFields, refOffset } from "./dt-reference.js";

/** Unix seconds of an ISO instant with an explicit offset (Date.parse is the reference). */
const sec = (iso: string): bigint => BigInt(Date.parse(iso) / 1000);
const ns = (iso: string, frac = 0n): bigint => sec(iso) * 1_000_000_000n + frac;
const ts = (values: (bigint | null)[], unit: TimeUnit = "ns", tz: string | null = null): TemporalColumn =>
  column(values, timestamp(unit, tz)) as TemporalColumn;
const days = (values: (number | null)[]): TemporalColumn => column(values, date) as TemporalColumn;
const field = (c: TemporalColumn, f: DtField) => dtField(c, f).toArray();
const pred = (c: TemporalColumn, p: DtPredicate) => dtPredicate(c, p).toArray();

const ALL_FIELDS: DtField[] = [
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "millisecond",
  "microsecond",
  "nanosecond",
  "dayOfWeek",
  "dayOfYear",
  "quarter",
  "daysInMonth",
  "isoYear",
  "isoWeek",
  "isoDay",
];

describe("dtField(col, field)", () => {
  it("dtField(col, field) reads every field of 2024-02-29T12:34:56.123456789 (a Thursday, day 31 + 29 = 60)", () => {
    const c = ts([ns("2024-02-29T12:34:56Z", 123_456_789n)]);
    const got = Object.fromEntries(ALL_FIELDS.map((f) => [f, field(c, f)[0]]));
    expect(got).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 12,
      minute: 34,
      second: 56,
      millisecond: 123,
      microsecond: 123456,
      nanosecond: 789,
      dayOfWeek: 3,
      dayOfYear: 60,
      quarter: 1,
      daysInMonth: 29,
      isoYear: 2024,
      isoWeek: 9,
      isoDay: 4,
    });
    expect(dtField(c, "year").dtype).toEqual({ kind: "int32" });
  });

  it("dtField(col, field) truncates the fraction to each unit: s, ms, us, ns", () => {
    const s = sec("2024-02-29T12:34:56Z");
    const cases: [TimeUnit, bigint, number[]][] = [
      ["s", s, [0, 0, 0]],
      ["ms", s * 1000n + 123n, [123, 123000, 0]],
      ["us", s * 1_000_000n + 123456n, [123, 123456, 0]],
      ["ns", s * 1_000_000_000n + 123456789n, [123, 123456, 789]],
    ];
    for (const [unit, v, [ms, us, nsv]] of cases) {
      const c = ts([v], unit);
      expect([
        field(c, "second")[0],
        field(c, "millisecond")[0],
        field(c, "microsecond")[0],
        field(c, "nanosecond")[0],
      ]).toEqual([56, ms, us, nsv]);
      expect(field(c, "hour")).toEqual([12]);
    }
  });

  it("dtField(col, 'hour') in America/New_York: 01:59:59 EST is followed by 03:00:00 EDT on 2021-03-14", () => {
    // 2021-03-14 06:59:59Z = 01:59:59 EST (UTC−5); 07:00:00Z = 03:00:00 EDT (UTC−4)
    const c = ts([ns("2021-03-14T06:59:59Z"), ns("2021-03-14T07:00:00Z")], "ns", "America/New_York");
    expect(field(c, "hour")).toEqual([1, 3]);
    expect(field(c, "minute")).toEqual([59, 0]);
    expect(field(c, "second")).toEqual([59, 0]);
    expect(field(c, "day")).toEqual([14, 14]);
  });

  it("dtField(col, 'hour') in America/New_York: 01:30 happens twice on 2021-11-07 (EDT, then EST)", () => {
    // 05:30Z = 01:30 EDT (UTC−4); 06:30Z = 01:30 EST (UTC−5); 04:59:59Z = 00:59:59 EDT
    const us = (iso: string) => sec(iso) * 1_000_000n;
    const c = ts(
      [us("2021-11-07T05:30:00Z"), us("2021-11-07T06:30:00Z"), us("2021-11-07T04:59:59Z")],
      "us",
      "America/New_York",
    );
    expect(field(c, "hour")).toEqual([1, 1, 0]);
    expect(field(c, "minute")).toEqual([30, 30, 59]);
    expect(field(c, "day")).toEqual([7, 7, 7]);
  });

  it("dtField(col, 'hour') in Europe/Berlin: 2021-03-28 02:00 CET → 03:00 CEST; 2021-10-31 03:00 CEST → 02:00 CET", () => {
    const c = ts(
      [
        ns("2021-03-28T00:59:59Z"), // 01:59:59 CET (UTC+1)
        ns("2021-03-28T01:00:00Z"), // 03:00:00 CEST (UTC+2)
        ns("2021-10-31T00:30:00Z"), // 02:30 CEST
        ns("2021-10-31T01:30:00Z"), // 02:30 CET, the second time
        ns("2021-10-30T22:00:00Z"), // 00:00 CEST on the 31st
      ],
      "ns",
      "Europe/Berlin",
    );
    expect(field(c, "hour")).toEqual([1, 3, 2, 2, 0]);
    expect(field(c, "day")).toEqual([28, 28, 31, 31, 31]);
  });

  it("dtField(col, field) reads a fixed offset zone and Asia/Kolkata (+05:30): 18:30Z is the next local day", () => {
    for (const tz of ["+05:30", "Asia/Kolkata"]) {
      const c = ts([sec("2023-12-31T18:30:00Z")], "s", tz);
      expect([field(c, "year"), field(c, "month"), field(c, "day"), field(c, "hour")]).toEqual([
        [2024],
        [1],
        [1],
        [0],
      ]);
    }
  });

  it("dtField(col, field) at 2038-01-19T03:14:08Z, 2^31 seconds after the epoch", () => {
    expect(sec("2038-01-19T03:14:08Z")).toBe(2n ** 31n);
    const c = ts([2n ** 31n], "s");
    expect(
      ["year", "month", "day", "hour", "minute", "second"].map((f) => field(c, f as DtField)[0]),
    ).toEqual([2038, 1, 19, 3, 14, 8]);
  });

  it("dtField(col, field) before 1970: −1 ns is 1969-12-31 23:59:59.999999999, a Wednesday", () => {
    const c = ts([-1n]);
    const got = ALL_FIELDS.map((f) => field(c, f)[0]);
    expect(got).toEqual([1969, 12, 31, 23, 59, 59, 999, 999999, 999, 2, 365, 4, 31, 1970, 1, 3]);
  });

  it("dtField(col, field) on 1900-01-01 (a Monday) and 1600-03-01 (1600 is a leap year: day 31 + 29 + 1)", () => {
    const c = ts([sec("1900-01-01T00:00:00Z"), sec("1600-03-01T00:00:00Z")], "s");
    expect(field(c, "year")).toEqual([1900, 1600]);
    expect(field(c, "dayOfWeek")).toEqual([0, (new Date(Date.UTC(1600, 2, 1)).getUTCDay() + 6) % 7]);
    expect(field(c, "dayOfYear")).toEqual([1, 61]);
    expect(pred(c, "isLeapYear")).toEqual([false, true]);
  });

  it("dtField(col, field) at int64 extremes: max ns is 2262-04-11T23:47:16.854775807, min 1677-09-21T00:12:43.145224192", () => {
    // 2^63 − 1 = 106751 days · 86400e9 + 85636854775807 ns; 85636 s = 23:47:16
    const c = ts([2n ** 63n - 1n, -(2n ** 63n)]);
    const got = ["year", "month", "day", "hour", "minute", "second", "microsecond", "nanosecond"].map((f) =>
      field(c, f as DtField),
    );
    expect(got).toEqual([
      [2262, 1677],
      [4, 9],
      [11, 21],
      [23, 0],
      [47, 12],
      [16, 43],
      [854775, 145224],
      [807, 192],
    ]);
  });

  it("dtField(col, field) keeps ns beyond 2^53 exact: 2^53 + 1 ns is 1970-04-15 05:59:59.254740993", () => {
    const c = ts([2n ** 53n + 1n]);
    expect([field(c, "day"), field(c, "hour"), field(c, "microsecond"), field(c, "nanosecond")]).toEqual([
      [15],
      [5],
      [254740],
      [993],
    ]);
  });

  it("dtField(col, field) on a date column reads the date at midnight", () => {
    // 2024-02-29 is day 19782: 2024-01-01 = 54·365 + 13 leap days = 19723, + 31 + 28
    const c = days([0, -1, 19782, null]);
    expect(field(c, "year")).toEqual([1970, 1969, 2024, null]);
    expect(field(c, "month")).toEqual([1, 12, 2, null]);
    expect(field(c, "day")).toEqual([1, 31, 29, null]);
    expect(field(c, "hour")).toEqual([0, 0, 0, null]);
    expect(field(c, "nanosecond")).toEqual([0, 0, 0, null]);
    expect(field(c, "dayOfWeek")).toEqual([3, 2, 3, null]);
  });

  it("dtField(col, 'isoWeek') at year boundaries: 2020-12-31 and 2021-01-03 are in week 53 of 2020, 2024-12-30 in week 1 of 2025", () => {
    const c = days([refDays(2020, 12, 31), refDays(2021, 1, 3), refDays(2021, 1, 4), refDays(2024, 12, 30)]);
    expect(field(c, "isoYear")).toEqual([2020, 2020, 2021, 2025]);
    expect(field(c, "isoWeek")).toEqual([53, 53, 1, 1]);
    expect(field(c, "isoDay")).toEqual([4, 7, 1, 1]);
  });

  it("dtField(col, field) keeps nulls, maps multi-chunk and sliced columns", () => {
    const a = ts([ns("2000-01-01T00:00:00Z"), null, ns("2001-06-15T12:00:00Z")]);
    const b = ts([null, ns("1999-12-31T23:00:00Z")]);
    const multi = new Column(a.dtype, [a.chunks[0], b.chunks[0]] as never) as TemporalColumn;
    expect(field(multi, "year")).toEqual([2000, null, 2001, null, 1999]);
    expect(field(multi.slice(1, 5) as TemporalColumn, "month")).toEqual([null, 6, null, 12]);
    expect(pred(multi.slice(2) as TemporalColumn, "isYearEnd")).toEqual([false, null, true]);
    expect(dtField(multi, "hour").chunks.length).toBe(2);
    expect(field(ts([]), "year")).toEqual([]);
  });

  it("dtField(col, 'year') throws a CastError naming the row when a second-unit year overflows int32", () => {
    const c = ts([0n, 2n ** 62n], "s");
    expect(() => dtField(c, "year")).toThrow(CastError);
    expect(() => dtField(c, "year")).toThrow(/row 1/);
    expect(field(c, "month")).toHaveLength(2);
  });

  it("dtField(col, field) far beyond Date's range in a zone: New York's last DST rule repeats every 400 years", () => {
    // 2021-07-01T12:00Z + 750 Gregorian cycles (300000 years of 146097 days per 400): 08:00 EDT on 302021-07-01
    const v = sec("2021-07-01T12:00:00Z") + 750n * 146097n * 86400n;
    const c = ts([v], "s", "America/New_York");
    expect([field(c, "year"), field(c, "month"), field(c, "day"), field(c, "hour")]).toEqual([
      [302021],
      [7],
      [1],
      [8],
    ]);
  });
});

describe("dtPredicate(col, predicate)", () => {
  it("dtPredicate(col, predicate) on month, quarter and year ends and starts", () => {
    const c = days(
      [
        [2018, 2, 27],
        [2018, 2, 28],
        [2018, 3, 1],
        [2017, 3, 31],
        [2017, 4, 1],
        [2017, 12, 31],
        [2018, 1, 1],
      ].map(([y, m, d]) => refDays(y as number, m as number, d as number)),
    );
    expect(pred(c, "isMonthStart")).toEqual([false, false, true, false, true, false, true]);
    expect(pred(c, "isMonthEnd")).toEqual([false, true, false, true, false, true, false]);
    expect(pred(c, "isQuarterStart")).toEqual([false, false, false, false, true, false, true]);
    expect(pred(c, "isQuarterEnd")).toEqual([false, false, false, true, false, true, false]);
    expect(pred(c, "isYearStart")).toEqual([false, false, false, false, false, false, true]);
    expect(pred(c, "isYearEnd")).toEqual([false, false, false, false, false, true, false]);
    expect(dtPredicate(c, "isYearEnd").dtype).toEqual({ kind: "bool" });
  });

  it("dtPredicate(col, 'isLeapYear'): 2024 and 2000 leap, 1900 and 2023 not; Feb 1900 has 28 days", () => {
    const c = days([
      refDays(2024, 2, 29),
      refDays(2000, 2, 1),
      refDays(1900, 2, 1),
      refDays(2023, 2, 1),
      null,
    ]);
    expect(pred(c, "isLeapYear")).toEqual([true, true, false, false, null]);
    expect(field(c, "daysInMonth")).toEqual([29, 29, 28, 28, null]);
    expect(pred(c, "isMonthEnd")).toEqual([true, false, false, false, null]);
  });
});

describe("dtDate(col) and dtNormalize(col)", () => {
  it("dtDate(col) gives the local date: 2021-11-07T03:30Z is still the 6th in New York", () => {
    const c = ts([ns("2021-11-07T03:30:00Z"), null, -1n], "ns", "America/New_York");
    const d = dtDate(c);
    expect(d.dtype).toEqual({ kind: "date" });
    expect(d.toArray()).toEqual([refDays(2021, 11, 6), null, refDays(1969, 12, 31)]);
    const dates = days([1, null]);
    expect(dtDate(dates)).toBe(dates);
  });

  it("dtDate(col) throws a CastError naming the row when a second-unit day count overflows int32", () => {
    expect(() => dtDate(ts([0n, 2n ** 62n], "s"))).toThrow(/row 1/);
  });

  it("dtNormalize(col) moves naive timestamps to midnight, exact at int64 max", () => {
    const c = ts([ns("2014-08-01T10:00:00Z"), null, 2n ** 63n - 1n, -1n]);
    // int64 max − (23:47:16.854775807 = 85636854775807 ns) = 106751 days exactly
    expect(dtNormalize(c).toArray()).toEqual([
      ns("2014-08-01T00:00:00Z"),
      null,
      106751n * 86_400_000_000_000n,
      -86_400_000_000_000n,
    ]);
    expect(dtNormalize(c).dtype).toEqual(c.dtype);
  });

  it("dtNormalize(col) re-localizes zoned midnights across DST (New York 2021-03-14 and 2021-11-07, Kolkata)", () => {
    const ny = ts([ns("2021-03-14T16:00:00Z"), ns("2021-11-07T17:00:00Z")], "ns", "America/New_York");
    // 12:00 EDT → 00:00 EST = 05:00Z; 12:00 EST → 00:00 EDT = 04:00Z
    expect(dtNormalize(ny).toArray()).toEqual([ns("2021-03-14T05:00:00Z"), ns("2021-11-07T04:00:00Z")]);
    // pandas' example: 2014-08-01 10:00+05:30 → 2014-08-01 00:00+05:30
    const kol = ts([sec("2014-08-01T10:00:00+05:30") * 1000n], "ms", "Asia/Kolkata");
    expect(dtNormalize(kol).toArray()).toEqual([sec("2014-08-01T00:00:00+05:30") * 1000n]);
  });

  it("dtNormalize(col) starts a day without a midnight at the DST transition (America/Sao_Paulo 2018-11-04 01:00-02:00)", () => {
    const c = ts(
      [sec("2018-11-04T12:00:00-02:00"), sec("2018-11-03T12:00:00-03:00")],
      "s",
      "America/Sao_Paulo",
    );
    expect(dtNormalize(c).toArray()).toEqual([
      sec("2018-11-04T01:00:00-02:00"),
      sec("2018-11-03T00:00:00-03:00"),
    ]);
    const zone = zoneOf("America/Sao_Paulo");
    if (zone === null) throw new Error("zone");
    // the gap: wall 2018-11-04T00:00 as if UTC, minus the instant 03:00Z, is −3 h
    expect(midnightOffset(zone, Number(sec("2018-11-04T00:00:00Z")))).toBe(-3 * 3600);
  });

  it("dtNormalize(col) throws a CastError when the local midnight is before int64 min", () => {
    expect(() => dtNormalize(ts([-(2n ** 63n)]))).toThrow(CastError);
    expect(dtNormalize(ts([null, -(2n ** 63n) + 1n]).slice(0, 1)).toArray()).toEqual([null]);
    const dates = days([3]);
    expect(dtNormalize(dates)).toBe(dates);
  });
});

// ---------------------------------------------------------------------------
// Property tests against the naive reference.

const UNITS: TimeUnit[] = ["s", "ms", "us", "ns"];
const INT64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });

/** Values of a unit: full int64, around the epoch, and 1900–2100 (where zones change). */
function valuesOf(unit: TimeUnit, inDateRange: boolean) {
  const per = PER[unit];
  const century = fc.bigInt({ min: -2208988800n * per, max: 4102444800n * per });
  const near = fc.bigInt({ min: -3n * 86400n * per, max: 3n * 86400n * per });
  // Intl (the zone reference) stops at ±8.64e12 s.
  const limit = 8639999900000n * per;
  const wide = inDateRange
    ? fc.bigInt({
        min: limit < 2n ** 63n ? -limit : -(2n ** 63n),
        max: limit < 2n ** 63n ? limit : 2n ** 63n - 1n,
      })
    : INT64;
  return fc.oneof(century, near, wide);
}

function build(
  dtype: DType,
  values: (bigint | number | null)[],
  split: number,
  offset: number,
): TemporalColumn {
  const a = column(values.slice(0, split), dtype);
  const b = column(values.slice(split), dtype);
  return (new Column(dtype, [a.chunks[0], b.chunks[0]] as never) as TemporalColumn).slice(
    offset,
  ) as TemporalColumn;
}

const PREDICATES: DtPredicate[] = [
  "isMonthStart",
  "isMonthEnd",
  "isQuarterStart",
  "isQuarterEnd",
  "isYearStart",
  "isYearEnd",
  "isLeapYear",
];

function checkAgainstReference(
  col: TemporalColumn,
  values: (bigint | null)[],
  unit: TimeUnit | null,
  tz: string | null,
) {
  const refs = values.map((v) => (v === null ? null : refFields(v, unit, tz)));
  for (const f of ALL_FIELDS) {
    if (f === "year" || f === "isoYear") {
      const big = refs.some((r) => r !== null && Math.abs(r.year) > 2147483647);
      if (big) continue;
    }
    expect(dtField(col, f).toArray(), f).toEqual(refs.map((r) => (r === null ? null : r[f])));
  }
  const bounded = refs.every((r) => r === null || Math.abs(r.days) <= 2147483647);
  if (bounded) expect(dtDate(col).toArray()).toEqual(refs.map((r) => (r === null ? null : r.days)));
  for (const p of PREDICATES) {
    const want = refs.map((r) => {
      if (r === null) return null;
      const { month: m, day: d, daysInMonth: dim } = r;
      return {
        isMonthStart: d === 1,
        isMonthEnd: d === dim,
        isQuarterStart: d === 1 && m % 3 === 1,
        isQuarterEnd: d === dim && m % 3 === 0,
        isYearStart: d === 1 && m === 1,
        isYearEnd: d === 31 && m === 12,
        isLeapYear: r.isLeapYear,
      }[p];
    });
    expect(dtPredicate(col, p).toArray(), p).toEqual(want);
  }
}

describe("dtField, dtPredicate, dtDate, dtNormalize against a naive reference", () => {
  it("dtField(col, field) matches BigInt division and Date for naive timestamps of every unit (full int64)", () => {
    const prop = fc.property(
      fc.constantFrom(...UNITS),
      fc.integer({ min: 0, max: 40 }),
      fc.nat(),
      fc.nat(),
      (unit, n, splitSeed, offSeed) => {
        const values = fc.sample(fc.option(valuesOf(unit, false), { freq: 5 }), {
          numRuns: n,
          seed: splitSeed,
        });
        const split = n === 0 ? 0 : splitSeed % (n + 1);
        const offset = n === 0 ? 0 : offSeed % (n + 1);
        const col = build(timestamp(unit), values, split, offset);
        checkAgainstReference(col, values.slice(offset), unit, null);
        // naive normalize: the value minus its ticks of the day
        const day = 86400n * PER[unit];
        const want = values.slice(offset).map((v) => (v === null ? null : floorDiv(v, day) * day));
        const fits = want.every((w) => w === null || w >= -(2n ** 63n));
        if (fits) expect(dtNormalize(col).toArray()).toEqual(want);
      },
    );
    fc.assert(prop, { seed: 42, numRuns: 150 });
  });

  it("dtField(col, field) matches Intl per element for zoned timestamps (UTC, New York, Kolkata, +05:30, Berlin, Sao Paulo)", () => {
    const prop = fc.property(
      fc.constantFrom(...UNITS),
      fc.constantFrom(
        "UTC",
        "America/New_York",
        "Asia/Kolkata",
        "+05:30",
        "Europe/Berlin",
        "America/Sao_Paulo",
      ),
      fc.integer({ min: 0, max: 12 }),
      fc.nat(),
      (unit, tz, n, seed) => {
        const values = fc.sample(fc.option(valuesOf(unit, true), { freq: 6 }), { numRuns: n, seed });
        const split = n === 0 ? 0 : seed % (n + 1);
        const col = build(timestamp(unit, tz), values, split, 0);
        checkAgainstReference(col, values, unit, tz);
      },
    );
    fc.assert(prop, { seed: 7, numRuns: 80 });
  });

  it("dtNormalize(col) gives an instant at local midnight (or the day's first instant) of the same local date, in zones", () => {
    const prop = fc.property(
      fc.constantFrom("America/New_York", "Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata"),
      fc.array(fc.bigInt({ min: -2208988800n, max: 4102444800n }), { maxLength: 10 }),
      (tz, secs) => {
        const col = ts(secs, "s", tz);
        const out = dtNormalize(col).toArray() as bigint[];
        secs.forEach((s, i) => {
          const r = refFields(s, "s", tz);
          const m = out[i] as bigint;
          const mr = refFields(m, "s", tz);
          expect(mr.days).toBe(r.days);
          // one second earlier is the previous local day: m is the day's first instant
          expect(refFields(m - 1n, "s", tz).days).toBe(r.days - 1);
        });
      },
    );
    fc.assert(prop, { seed: 11, numRuns: 60 });
  });

  it("dtField(col, field) matches the reference on 1e5 random ns values in America/New_York (offsets from Intl, sampled)", () => {
    const n = 100_000;
    const values = fc.sample(fc.bigInt({ min: -2208988800n * 10n ** 9n, max: 4102444800n * 10n ** 9n }), {
      numRuns: n,
      seed: 3,
    });
    const col = ts(values, "ns", "America/New_York");
    const hours = dtField(col, "hour").toArray();
    const dayNo = dtDate(col).toArray();
    for (let i = 0; i < n; i += 97) {
      const r = refFields(values[i] as bigint, "ns", "America/New_York");
      expect([hours[i], dayNo[i]]).toEqual([r.hour, r.days]);
    }
    expect(refOffset("America/New_York", 0)).toBe(-5 * 3600);
  });

  it("dtField(col, field) matches the reference for date columns (any int32 day)", () => {
    const prop = fc.property(
      fc.array(fc.option(fc.integer({ min: -2147483648, max: 2147483647 }), { freq: 5 }), { maxLength: 30 }),
      fc.nat(),
      (values, seed) => {
        const split = seed % (values.length + 1);
        const col = build(date, values, split, 0);
        checkAgainstReference(
          col,
          values.map((v) => (v === null ? null : BigInt(v))),
          null,
          null,
        );
      },
    );
    fc.assert(prop, { seed: 5, numRuns: 100 });
  });
});

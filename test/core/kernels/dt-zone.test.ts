import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { timestamp } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { tzConvert, tzLocalize } from "../../../src/core/kernels/dt-zone.js";

const NS = 1_000_000n;
/** ns since the epoch of a UTC wall time (month 1–12). */
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): bigint =>
  BigInt(Date.UTC(y, m - 1, d, h, mi, s)) * NS;
const H = 3_600_000_000_000n;
const naive = (values: (bigint | null)[], unit: "ns" | "s" = "ns") => column(values, timestamp(unit, null));

describe("tzLocalize(col, tz, options)", () => {
  it("tzLocalize reads naive values as wall times (pandas docstring: 2018-03-01 09:00 US/Eastern is 14:00 UTC)", () => {
    // pandas: date_range('2018-03-01 09:00', periods=3).tz_localize('US/Eastern') → 09:00-05:00 each day
    const col = naive([utc(2018, 3, 1, 9), utc(2018, 3, 2, 9), utc(2018, 3, 3, 9)]);
    const out = tzLocalize(col, "America/New_York");
    expect(out.dtype).toEqual(timestamp("ns", "America/New_York"));
    // EST is UTC−5: 09:00 wall = 14:00 UTC
    expect(out.toArray()).toEqual([utc(2018, 3, 1, 14), utc(2018, 3, 2, 14), utc(2018, 3, 3, 14)]);
    // tz_localize(None) gives the wall times back
    expect(tzLocalize(out, null).toArray()).toEqual(col.toArray());
    expect(tzLocalize(out, null).dtype).toEqual(timestamp("ns", null));
  });

  it("tzLocalize(col, 'CET', {ambiguous: flags}) follows pandas' docstring (True = DST)", () => {
    // pandas: ['2018-10-28 01:20', '02:36', '03:46'] with ambiguous=[True, True, False]
    // → 01:20+02:00, 02:36+02:00, 03:46+01:00
    const col = naive([utc(2018, 10, 28, 1, 20), utc(2018, 10, 28, 2, 36), utc(2018, 10, 28, 3, 46)]);
    const out = tzLocalize(col, "Europe/Berlin", { ambiguous: [true, true, false] });
    expect(out.toArray()).toEqual([
      utc(2018, 10, 27, 23, 20),
      utc(2018, 10, 28, 0, 36),
      utc(2018, 10, 28, 2, 46),
    ]);
  });

  it("tzLocalize(col, 'Europe/Warsaw', {nonexistent}) follows pandas' docstring", () => {
    // pandas: ['2015-03-29 02:30', '2015-03-29 03:30'] in Europe/Warsaw
    const col = naive([utc(2015, 3, 29, 2, 30), utc(2015, 3, 29, 3, 30)]);
    // shift_forward → 03:00+02:00 (= 01:00 UTC), 03:30+02:00 (= 01:30 UTC)
    expect(tzLocalize(col, "Europe/Warsaw", { nonexistent: "shiftForward" }).toArray()).toEqual([
      utc(2015, 3, 29, 1),
      utc(2015, 3, 29, 1, 30),
    ]);
    // shift_backward → 01:59:59.999999999+01:00 = 00:59:59.999999999 UTC (one ns before 01:00 UTC)
    expect(tzLocalize(col, "Europe/Warsaw", { nonexistent: "shiftBackward" }).toArray()).toEqual([
      utc(2015, 3, 29, 1) - 1n,
      utc(2015, 3, 29, 1, 30),
    ]);
    expect(tzLocalize(col, "Europe/Warsaw", { nonexistent: "NaT" }).toArray()).toEqual([
      null,
      utc(2015, 3, 29, 1, 30),
    ]);
    expect(() => tzLocalize(col, "Europe/Warsaw")).toThrow(
      "tzLocalize: 2015-03-29 02:30:00 at row 0 does not exist in Europe/Warsaw",
    );
  });

  it("tzLocalize shifts Prague's 2015-03-29 gap the same way (CET → CEST at 02:00)", () => {
    const col = naive([utc(2015, 3, 29, 2, 0), utc(2015, 3, 29, 2, 59, 59)]);
    // both wall times are in the gap: forward → 03:00+02:00 = 01:00 UTC
    expect(tzLocalize(col, "Europe/Prague", { nonexistent: "shiftForward" }).toArray()).toEqual([
      utc(2015, 3, 29, 1),
      utc(2015, 3, 29, 1),
    ]);
  });

  it("tzLocalize in America/New_York: 2021-03-14 02:30 does not exist, 2021-11-07 01:30 occurs twice", () => {
    const spring = naive([utc(2021, 3, 14, 1, 59), utc(2021, 3, 14, 2, 30), utc(2021, 3, 14, 3)]);
    expect(() => tzLocalize(spring, "America/New_York")).toThrow(CastError);
    expect(() => tzLocalize(spring, "America/New_York")).toThrow(
      "2021-03-14 02:30:00 at row 1 does not exist in America/New_York",
    );
    // 01:59 EST (−5) = 06:59 UTC; gap → 03:00 EDT (−4) = 07:00 UTC
    expect(tzLocalize(spring, "America/New_York", { nonexistent: "shiftForward" }).toArray()).toEqual([
      utc(2021, 3, 14, 6, 59),
      utc(2021, 3, 14, 7),
      utc(2021, 3, 14, 7),
    ]);
    const fall = naive([utc(2021, 11, 7, 0, 30), utc(2021, 11, 7, 1, 30), utc(2021, 11, 7, 2, 30)]);
    expect(() => tzLocalize(fall, "America/New_York")).toThrow(
      "2021-11-07 01:30:00 at row 1 is ambiguous in America/New_York",
    );
    // 01:30 EDT (−4) = 05:30 UTC is the earliest, 01:30 EST (−5) = 06:30 UTC the latest
    expect(tzLocalize(fall, "America/New_York", { ambiguous: "earliest" }).toArray()).toEqual([
      utc(2021, 11, 7, 4, 30),
      utc(2021, 11, 7, 5, 30),
      utc(2021, 11, 7, 7, 30),
    ]);
    expect(tzLocalize(fall, "America/New_York", { ambiguous: "latest" }).get(1)).toBe(
      utc(2021, 11, 7, 6, 30),
    );
    expect(tzLocalize(fall, "America/New_York", { ambiguous: true }).get(1)).toBe(utc(2021, 11, 7, 5, 30));
    expect(tzLocalize(fall, "America/New_York", { ambiguous: false }).get(1)).toBe(utc(2021, 11, 7, 6, 30));
    expect(tzLocalize(fall, "America/New_York", { ambiguous: "NaT" }).toArray()).toEqual([
      utc(2021, 11, 7, 4, 30),
      null,
      utc(2021, 11, 7, 7, 30),
    ]);
  });

  it("tzLocalize in Europe/Berlin: 2021-03-28 02:30 gap and 2021-10-31 02:30 repeat", () => {
    const col = naive([utc(2021, 3, 28, 2, 30), utc(2021, 10, 31, 2, 30)]);
    const out = tzLocalize(col, "Europe/Berlin", { nonexistent: "shiftForward", ambiguous: "latest" });
    // gap → 03:00 CEST (+2) = 01:00 UTC; 02:30 CET (+1) = 01:30 UTC
    expect(out.toArray()).toEqual([utc(2021, 3, 28, 1), utc(2021, 10, 31, 1, 30)]);
    expect(tzLocalize(col, "Europe/Berlin", { nonexistent: "NaT", ambiguous: "earliest" }).toArray()).toEqual(
      [
        null,
        utc(2021, 10, 31, 0, 30), // 02:30 CEST (+2)
      ],
    );
  });

  it("tzLocalize keeps nulls, skips their garbage, and maps slices and chunks", () => {
    const a = naive([null, utc(2021, 3, 14, 2, 30), utc(2020, 1, 1)]);
    const b = naive([utc(2021, 7, 1, 12)]);
    const col = new Column(a.dtype, [a.slice(2).chunks[0] as never, b.chunks[0] as never]);
    // rows: 2020-01-01 00:00 EST (+5 h), 2021-07-01 12:00 EDT (+4 h)
    expect(tzLocalize(col, "America/New_York").toArray()).toEqual([utc(2020, 1, 1, 5), utc(2021, 7, 1, 16)]);
    // the null at row 0 is not looked at; the gap at row 1 still raises
    expect(() => tzLocalize(a, "America/New_York")).toThrow("at row 1");
    expect(tzLocalize(a, "America/New_York", { nonexistent: "NaT" }).toArray()).toEqual([
      null,
      null,
      utc(2020, 1, 1, 5),
    ]);
    // a flag array is indexed by row across chunks
    const fall = naive([utc(2021, 11, 7, 1, 30)]);
    const two = new Column(fall.dtype, [fall.chunks[0] as never, fall.chunks[0] as never]);
    expect(tzLocalize(two, "America/New_York", { ambiguous: [true, false] }).toArray()).toEqual([
      utc(2021, 11, 7, 5, 30),
      utc(2021, 11, 7, 6, 30),
    ]);
  });

  it("tzLocalize to UTC relabels; to a fixed offset subtracts it; exact beyond 2^53, before 1970 and after 2038", () => {
    const big = 2n ** 53n + 1n; // 9007199254740993 ns, not a double
    const col = naive([big, -1n, utc(2038, 1, 19, 3, 14, 8) + 1n]);
    expect(tzLocalize(col, "UTC").toArray()).toEqual(col.toArray());
    // +05:30 is 19 800 s = 19 800 000 000 000 ns
    const off = 19_800_000_000_000n;
    expect(tzLocalize(col, "+05:30").toArray()).toEqual([
      big - off,
      -1n - off,
      utc(2038, 1, 19, 3, 14, 8) + 1n - off,
    ]);
    // 1969-12-31 23:59:59.999999999 wall in New York (EST) = 1970-01-01 04:59:59.999999999 UTC
    expect(tzLocalize(naive([-1n]), "America/New_York").get(0)).toBe(5n * H - 1n);
  });

  it("tzLocalize(col, '+05:30') equals a BigInt reference for random ns values", () => {
    const off = 19_800_000_000_000n;
    const lo = utc(1678, 1, 1);
    const hi = utc(2261, 12, 31);
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.bigInt({ min: lo, max: hi }), { nil: null }), { maxLength: 40 }),
        fc.nat(5),
        (vals, k) => {
          const col = naive(vals).slice(Math.min(k, vals.length));
          const expected = col.toArray().map((v) => (v === null ? null : (v as bigint) - off));
          expect(tzLocalize(col, "+05:30").toArray()).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it("tzLocalize errors name the culprit", () => {
    const zoned = column([0n], timestamp("ns", "UTC"));
    expect(() => tzLocalize(zoned, "Europe/Paris")).toThrow(DTypeError);
    expect(() => tzLocalize(zoned, "Europe/Paris")).toThrow("already zoned (UTC); use tzConvert");
    expect(() => tzLocalize(column([1], "int32") as never, "UTC")).toThrow(
      "tzLocalize needs timestamps; this column holds int32",
    );
    expect(() => tzLocalize(naive([0n]), "Mars/Olympus")).toThrow('invalid time zone: "Mars/Olympus"');
    expect(() => tzLocalize(naive([0n]), "Europe/Paris", { ambiguous: "infer" as never })).toThrow(
      /invalid ambiguous: "infer" .*"infer" is not supported/,
    );
    expect(() => tzLocalize(naive([0n]), "Europe/Paris", { nonexistent: "shift_forward" as never })).toThrow(
      'invalid nonexistent: "shift_forward" (expected one of raise, NaT, shiftForward, shiftBackward)',
    );
    expect(() => tzLocalize(naive([0n]), "Europe/Paris", { ambiguous: [true, false] })).toThrow(
      "invalid ambiguous: 2 flags for 1 rows",
    );
    expect(() => tzLocalize(naive([0n]), "Europe/Paris", { nonexistant: "NaT" } as never)).toThrow(
      OptionError,
    );
  });
});

describe("tzConvert(col, tz)", () => {
  it("tzConvert keeps the instants (pandas docstring: Berlin 09:00 → US/Central 02:00) without copying", () => {
    // pandas: date_range('2014-08-01 09:00', freq='h', periods=3, tz='Europe/Berlin').tz_convert('US/Central')
    // 09:00 CEST (+2) = 07:00 UTC = 02:00 CDT (−5)
    const berlin = column(
      [utc(2014, 8, 1, 7), utc(2014, 8, 1, 8), utc(2014, 8, 1, 9)],
      timestamp("ns", "Europe/Berlin"),
    );
    const chicago = tzConvert(berlin, "America/Chicago");
    expect(chicago.dtype).toEqual(timestamp("ns", "America/Chicago"));
    expect(chicago.toArray()).toEqual(berlin.toArray());
    expect(chicago.chunks[0]?.values).toBe(berlin.chunks[0]?.values);
    // tz_convert(None) → naive UTC: 07:00, 08:00, 09:00
    const none = tzConvert(berlin, null);
    expect(none.dtype).toEqual(timestamp("ns", null));
    expect(none.toArray()).toEqual([utc(2014, 8, 1, 7), utc(2014, 8, 1, 8), utc(2014, 8, 1, 9)]);
  });

  it("tzConvert of naive timestamps raises as pandas", () => {
    expect(() => tzConvert(naive([0n]), "UTC")).toThrow(
      "cannot convert tz-naive timestamps, use tzLocalize to localize",
    );
    expect(() => tzConvert(column([0n], timestamp("ns", "UTC")), "Nowhere/Land")).toThrow(
      "invalid time zone",
    );
  });
});

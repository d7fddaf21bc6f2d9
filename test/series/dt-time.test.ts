/**
 * `s.dt.time`: the local time of day of timestamps (pandas' `.dt.time`).
 * Expected counts are computed by hand in each test (h·3600 + m·60 + s
 * seconds, times the unit); instants are built from `Date.UTC`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { dtypeToString, type TimeUnit, time, timestamp } from "../../src/core/dtype.js";
import { DTypeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { dtTime } from "../../src/core/kernels/dt-time.js";
import { Series } from "../../src/series/series.js";

const US = 1_000_000n;
const NS = 1_000_000_000n;
const hms = (h: number, m: number, s: number) => BigInt(h * 3600 + m * 60 + s);
/** Seconds since the epoch of a UTC wall time (month 1–12). */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  BigInt(Date.UTC(y, mo - 1, d, h, mi, s) / 1000);

describe("s.dt.time", () => {
  it("s.dt.time of pd.to_datetime(['2018-03-10 09:00:02.000123']) is 09:00:02.000123 (pandas' example)", () => {
    const s = new Series(["2018-03-10T09:00:02.000123"]).astype("timestamp[ns]");
    const t = s.dt.time;
    expect(t.dtype).toEqual(time("ns"));
    // 09:00:02 = 32402 s, plus 123 µs
    expect(t.toArray()).toEqual([32_402n * NS + 123_000n]);
    expect(t.astype("utf8").toArray()).toEqual(["09:00:02.000123"]);
  });

  it("s.dt.time is time64[ns] for ns timestamps and time64[us] for s, ms and us ones", () => {
    // 1970-01-01 00:00:01.5 in each unit that can hold it, 00:00:01 in seconds
    const cases: [string, bigint, string, bigint][] = [
      ["s", 1n, "time64[us]", 1_000_000n],
      ["ms", 1_500n, "time64[us]", 1_500_000n],
      ["us", 1_500_000n, "time64[us]", 1_500_000n],
      ["ns", 1_500_000_000n, "time64[ns]", 1_500_000_000n],
    ];
    for (const [unit, v, name, expected] of cases) {
      const t = new Series(column([v], timestamp(unit as "s"))).dt.time;
      expect(dtypeToString(t.dtype)).toBe(name);
      expect(t.toArray()).toEqual([expected]);
    }
  });

  it("s.dt.time before 1970 and at the ends of int64 ns (pd.Timestamp.min / max)", () => {
    // -1 µs is 1969-12-31 23:59:59.999999
    expect(new Series(column([-1n], timestamp("us"))).dt.time.toArray()).toEqual([86_400n * US - 1n]);
    // pd.Timestamp.max = 2262-04-11 23:47:16.854775807, pd.Timestamp.min = 1677-09-21 00:12:43.145224192
    const ends = new Series(column([2n ** 63n - 1n, -(2n ** 63n)], timestamp("ns"))).dt.time;
    expect(ends.toArray()).toEqual([hms(23, 47, 16) * NS + 854_775_807n, hms(0, 12, 43) * NS + 145_224_192n]);
    // 2^53 + 1 ns = 104 days + 21599 s + 254740993 ns: beyond float precision, exact here
    expect(new Series(column([2n ** 53n + 1n], timestamp("ns"))).dt.time.toArray()).toEqual([
      21_599n * NS + 254_740_993n,
    ]);
  });

  it("s.dt.time reads zoned timestamps on New York's wall clock across the 2021-03-14 DST start", () => {
    // 06:59:59Z is 01:59:59 EST (-05:00); one second later clocks jump to 03:00:00 EDT (-04:00)
    const s = new Series(
      column([utc(2021, 3, 14, 6, 59, 59), utc(2021, 3, 14, 7)], timestamp("s", "America/New_York")),
    );
    const t = s.dt.time;
    expect(t.dtype).toEqual(time("us"));
    expect(t.toArray()).toEqual([hms(1, 59, 59) * US, hms(3, 0, 0) * US]);
    expect(t.astype("utf8").toArray()).toEqual(["01:59:59", "03:00:00"]);
  });

  it("s.dt.time gives 01:30 twice on 2021-11-07 in New York (05:30Z EDT and 06:30Z EST)", () => {
    const s = new Series(
      column(
        [utc(2021, 11, 7, 5, 30) * NS, utc(2021, 11, 7, 6, 30) * NS],
        timestamp("ns", "America/New_York"),
      ),
    );
    expect(s.dt.time.toArray()).toEqual([hms(1, 30, 0) * NS, hms(1, 30, 0) * NS]);
  });

  it("s.dt.time of a UTC and a fixed-offset zone", () => {
    const noon = utc(2000, 1, 1, 12);
    expect(new Series(column([noon], timestamp("s", "UTC"))).dt.time.toArray()).toEqual([hms(12, 0, 0) * US]);
    expect(new Series(column([noon], timestamp("s", "+05:30"))).dt.time.toArray()).toEqual([
      hms(17, 30, 0) * US,
    ]);
  });

  it("s.dt.time of dates is 00:00:00 (time64[us]); nulls stay null", () => {
    const t = new Series(["2021-03-14", null, "1969-07-20"]).astype("date").dt.time;
    expect(t.dtype).toEqual(time("us"));
    expect(t.toArray()).toEqual([0n, null, 0n]);
  });

  it("s.dt.time keeps nulls, the index and the name", () => {
    const s = new Series([null, "2000-01-01T23:59:59.5", null], {
      index: ["a", "b", "c"],
      name: "when",
    }).astype("timestamp[ms]");
    const t = s.dt.time;
    expect(t.toArray()).toEqual([null, hms(23, 59, 59) * US + 500_000n, null]);
    expect(t.name).toBe("when");
    expect(t.index.toColumn().toArray()).toEqual(["a", "b", "c"]);
  });

  it("dtTime(col) maps a sliced multi-chunk column chunk by chunk", () => {
    const ts = timestamp("us", "America/New_York");
    const a = column([utc(2021, 3, 14, 6, 59, 59) * US, null, utc(2021, 3, 14, 7) * US + 1n], ts);
    const b = column([null, utc(2021, 7, 4, 16) * US], ts);
    const col = new Column(ts, [...a.chunks, ...b.chunks]).slice(1);
    const t = dtTime(col as Column<typeof ts>);
    expect(t.chunks.length).toBe(2);
    // 2021-07-04T16:00Z is 12:00 EDT
    expect(t.toArray()).toEqual([null, hms(3, 0, 0) * US + 1n, null, hms(12, 0, 0) * US]);
  });

  it("dtTime on a large column agrees with a naive per-element reference", () => {
    // ns timestamps spread over ±250 years (int64 ns spans ±292), every 97th null; reference: BigInt modulo one day
    const n = 100_001;
    const day = 86_400n * NS;
    const values: (bigint | null)[] = [];
    let x = 123_456_789n;
    for (let i = 0; i < n; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n);
      const v = (x % (2n * 250n * 365n * day)) - 250n * 365n * day;
      values.push(i % 97 === 0 ? null : v);
    }
    const t = dtTime(column(values, timestamp("ns")));
    expect(t.toArray()).toEqual(values.map((v) => (v === null ? null : ((v % day) + day) % day)));
  });

  it("dtTime(col) of any unit, chunking, slice and nulls equals BigInt modulo one day (property)", () => {
    const PER_DAY: Record<TimeUnit, bigint> = {
      s: 86_400n,
      ms: 86_400_000n,
      us: 86_400n * US,
      ns: 86_400n * NS,
    };
    const TO_OUT: Record<TimeUnit, bigint> = { s: US, ms: 1000n, us: 1n, ns: 1n };
    const prop = fc.property(
      fc.constantFrom<TimeUnit>("s", "ms", "us", "ns"),
      fc.array(fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }), {
        maxLength: 40,
      }),
      fc.nat(),
      fc.nat(),
      (unit, values, cut, skip) => {
        const k = values.length === 0 ? 0 : cut % (values.length + 1);
        const off = values.length === 0 ? 0 : skip % (values.length + 1);
        const ts = timestamp(unit);
        const col = new Column(ts, [
          ...column(values.slice(0, k), ts).chunks,
          ...column(values.slice(k), ts).chunks,
        ]);
        const day = PER_DAY[unit];
        const expected = values
          .slice(off)
          .map((v) => (v === null ? null : (((v % day) + day) % day) * TO_OUT[unit]));
        expect(dtTime(col.slice(off)).toArray()).toEqual(expected);
      },
    );
    fc.assert(prop, { seed: 42, numRuns: 200 });
  });

  it("dtTime of zoned timestamps matches Intl's wall clock in the zone (property)", () => {
    const wall = (tz: string, sec: bigint): bigint => {
      const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }).formatToParts(new Date(Number(sec) * 1000));
      const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
      return hms(get("hour"), get("minute"), get("second"));
    };
    const prop = fc.property(
      fc.constantFrom("America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"),
      fc.array(fc.bigInt({ min: -3_000_000_000n, max: 5_000_000_000n }), { minLength: 1, maxLength: 20 }),
      (tz, secs) => {
        const t = dtTime(column(secs, timestamp("s", tz)));
        expect(t.toArray()).toEqual(secs.map((s) => wall(tz, s) * US));
      },
    );
    fc.assert(prop, { seed: 7, numRuns: 100 });
  });

  it("s.dt.time on a Series that is not temporal throws a DTypeError naming the dtype", () => {
    expect(() => new Series([1, 2]).dt.time).toThrow(DTypeError);
    expect(() => new Series(column([1n], time("ns"))).dt.time).toThrow(/this Series holds time64\[ns\]/);
  });
});

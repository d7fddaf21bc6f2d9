import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { date, timestamp } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { add, mul, sub } from "../../../src/core/kernels/arithmetic.js";
import { daysFromCivil } from "../../../src/core/kernels/cast-time-math.js";
import { addOffset, type DateOffset, dateOffset, offset } from "../../../src/core/kernels/dt-offset.js";
import { Series } from "../../../src/series/series.js";

const NS = 1_000_000n;
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): bigint =>
  BigInt(Date.UTC(y, m - 1, d, h, mi, s)) * NS;
const naive = (values: (bigint | null)[]) => column(values, timestamp("ns", null));
const one = (v: bigint, off: DateOffset) => addOffset(naive([v]), off).get(0);
const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe("dateOffset(fields) and add/sub", () => {
  it("dateOffset({months}) follows pandas' DateOffset docstring (2017-01-01 09:10:11 + 3 and + 2 months)", () => {
    const ts = utc(2017, 1, 1, 9, 10, 11);
    expect(one(ts, dateOffset({ months: 3 }))).toBe(utc(2017, 4, 1, 9, 10, 11));
    expect(one(ts, dateOffset({ months: 2 }))).toBe(utc(2017, 3, 1, 9, 10, 11));
  });

  it("dateOffset({months: 1}) clips the day to the month's end, leap years included", () => {
    // 2024 is a leap year: Jan 31 + 1 month = Feb 29; 2023: Feb 28; 2000 (÷400) leap, 1900 (÷100) not
    expect(one(utc(2024, 1, 31, 6), dateOffset({ months: 1 }))).toBe(utc(2024, 2, 29, 6));
    expect(one(utc(2023, 1, 31), dateOffset({ months: 1 }))).toBe(utc(2023, 2, 28));
    expect(one(utc(2024, 2, 29), dateOffset({ years: 1 }))).toBe(utc(2025, 2, 28));
    expect(one(utc(2000, 2, 29), dateOffset({ years: -100 }))).toBe(utc(1900, 2, 28));
    expect(one(utc(2024, 3, 31), dateOffset({ months: -1 }))).toBe(utc(2024, 2, 29));
    // months first, then days (relativedelta): Jan 31 + (1 month, 1 day) = Feb 29 + 1 day = Mar 1
    expect(one(utc(2024, 1, 31), dateOffset({ months: 1, days: 1 }))).toBe(utc(2024, 3, 1));
    // clock fields and sub-second fields: 1 h 2 min 3 s 4 ms 5 us 6 ns
    const f = dateOffset({
      hours: 1,
      minutes: 2,
      seconds: 3,
      milliseconds: 4,
      microseconds: 5,
      nanoseconds: 6,
    });
    expect(one(utc(2020, 1, 1), f)).toBe(utc(2020, 1, 1, 1, 2, 3) + 4_005_006n);
    expect(one(utc(2020, 1, 1), dateOffset({ weeks: 2 }))).toBe(utc(2020, 1, 15));
  });

  it("dateOffset({days: 1}) keeps the wall time across DST (New York 2021-03-13 12:00 → 03-14 12:00 EDT, 23 h later)", () => {
    const ny = column([utc(2021, 3, 13, 17)], timestamp("ns", "America/New_York")); // 12:00 EST (−5)
    const next = addOffset(ny, dateOffset({ days: 1 }));
    expect(next.toArray()).toEqual([utc(2021, 3, 14, 16)]); // 12:00 EDT (−4)
    expect((next.get(0) as bigint) - (ny.get(0) as bigint)).toBe(23n * 3_600_000_000_000n);
    // a fixed 24 h lands at 13:00 EDT instead
    expect(addOffset(ny, offset("24h")).toArray()).toEqual([utc(2021, 3, 14, 17)]);
    // offset('D') is a calendar day too (pandas 3's Day)
    expect(addOffset(ny, offset("D")).toArray()).toEqual([utc(2021, 3, 14, 16)]);
    // New York 2021-11-06 12:00 EDT + 1 day = 11-07 12:00 EST: 25 h later
    const fall = column([utc(2021, 11, 6, 16)], timestamp("ns", "America/New_York"));
    expect(addOffset(fall, dateOffset({ days: 1 })).toArray()).toEqual([utc(2021, 11, 7, 17)]);
  });

  it("dateOffset in Berlin: 2021-03-27 12:00 CET + 1 day = 03-28 12:00 CEST; 10-30 12:00 CEST + 1 day = 10-31 12:00 CET", () => {
    const b = column([utc(2021, 3, 27, 11), utc(2021, 10, 30, 10)], timestamp("ns", "Europe/Berlin"));
    expect(addOffset(b, dateOffset({ days: 1 })).toArray()).toEqual([
      utc(2021, 3, 28, 10),
      utc(2021, 10, 31, 11),
    ]);
  });

  it("dateOffset landing in a gap or a repeat raises naming the row, unless told", () => {
    // 2021-03-13 02:30 EST + 1 day = 2021-03-14 02:30, which does not exist in New York
    const ny = column(
      [utc(2021, 3, 12, 7, 30), utc(2021, 3, 13, 7, 30)],
      timestamp("ns", "America/New_York"),
    );
    expect(() => addOffset(ny, dateOffset({ days: 1 }))).toThrow(CastError);
    expect(() => addOffset(ny, dateOffset({ days: 1 }))).toThrow(
      "addOffset: 2021-03-14 02:30:00 at row 1 does not exist in America/New_York",
    );
    // shiftForward → 03:00 EDT = 07:00 UTC
    expect(addOffset(ny, dateOffset({ days: 1 }), { nonexistent: "shiftForward" }).toArray()).toEqual([
      utc(2021, 3, 13, 7, 30),
      utc(2021, 3, 14, 7),
    ]);
    // 2021-11-06 01:30 EDT + 1 day = 11-07 01:30 (twice); latest = EST = 06:30 UTC
    const fall = column([utc(2021, 11, 6, 5, 30)], timestamp("ns", "America/New_York"));
    expect(() => addOffset(fall, dateOffset({ days: 1 }))).toThrow("is ambiguous");
    expect(addOffset(fall, dateOffset({ days: 1 }), { ambiguous: "latest" }).toArray()).toEqual([
      utc(2021, 11, 7, 6, 30),
    ]);
  });

  it("add(col, offset) and sub(col, offset) go through addOffset; Series.add too", () => {
    const col = naive([utc(2024, 1, 31), null]);
    expect(add(col, dateOffset({ months: 1 })).toArray()).toEqual([utc(2024, 2, 29), null]);
    expect(add(dateOffset({ months: 1 }), col).toArray()).toEqual([utc(2024, 2, 29), null]);
    expect(sub(col, dateOffset({ months: 2 })).toArray()).toEqual([utc(2023, 11, 30), null]);
    // ts − MonthEnd() = ts + MonthEnd(−1): 2024-01-31 → 2023-12-31
    expect(sub(col, offset("ME")).toArray()).toEqual([utc(2023, 12, 31), null]);
    const s = new Series(col, { name: "t", index: ["a", "b"] });
    const moved = s.add(dateOffset({ years: 1 }) as never);
    expect(moved.toArray()).toEqual([utc(2025, 1, 31), null]);
    expect(moved.name).toBe("t");
    expect(s.sub(offset("B") as never).toArray()).toEqual([utc(2024, 1, 30), null]);
  });

  it("add/sub with a DateOffset reject other operands with DTypeErrors naming them", () => {
    expect(() => sub(dateOffset({ days: 1 }), naive([0n]))).toThrow(DTypeError);
    expect(() => sub(dateOffset({ days: 1 }), naive([0n]))).toThrow("is subtracted from");
    expect(() => add(column([1], "int32"), dateOffset({ days: 1 }))).toThrow(
      "add does not support int32 and a DateOffset",
    );
    expect(() => add(3, dateOffset({ days: 1 }))).toThrow(DTypeError);
    expect(() => mul(naive([0n]), dateOffset({ days: 1 }) as never)).toThrow(DTypeError);
  });
});

describe("offset(alias)", () => {
  it("offset('B') follows pandas' BusinessDay docstring and rolls weekends as shift_bdays", () => {
    // 2022-08-05 16:00 is a Friday → Monday 2022-08-08 16:00
    expect(one(utc(2022, 8, 5, 16), offset("B"))).toBe(utc(2022, 8, 8, 16));
    // Saturday 2022-08-06 + 1 B = Monday 08-08; − 1 B = Friday 08-05 (rolls to the weekday first)
    expect(one(utc(2022, 8, 6), offset("B"))).toBe(utc(2022, 8, 8));
    expect(one(utc(2022, 8, 6), offset("B").negate())).toBe(utc(2022, 8, 5));
    // Wednesday 2022-08-03 + 5 B = next Wednesday 08-10; + 7 B = Friday 08-12; − 3 B = Friday 07-29
    expect(one(utc(2022, 8, 3), offset("5B"))).toBe(utc(2022, 8, 10));
    expect(one(utc(2022, 8, 3), offset("7B"))).toBe(utc(2022, 8, 12));
    expect(one(utc(2022, 8, 3), offset("-3B"))).toBe(utc(2022, 7, 29));
  });

  it("offset('ME') / offset('MS') follow pandas' MonthEnd / MonthBegin docstrings", () => {
    // MonthEnd: 2022-01-30 → 2022-01-31; 2022-01-31 (on the anchor) → 2022-02-28
    expect(one(utc(2022, 1, 30), offset("ME"))).toBe(utc(2022, 1, 31));
    expect(one(utc(2022, 1, 31), offset("ME"))).toBe(utc(2022, 2, 28));
    expect(one(utc(2024, 1, 31), offset("ME"))).toBe(utc(2024, 2, 29));
    // MonthBegin: 2022-01-01 → 2022-02-01; 2022-01-15 − MS → 2022-01-01
    expect(one(utc(2022, 1, 1), offset("MS"))).toBe(utc(2022, 2, 1));
    expect(one(utc(2022, 1, 15), offset("MS").negate())).toBe(utc(2022, 1, 1));
    expect(one(utc(2022, 1, 15, 10), offset("2ME"))).toBe(utc(2022, 2, 28, 10)); // time of day kept
  });

  it("offset('W…') follows pandas' Week docstring (2023-01-13 is a Friday)", () => {
    expect(one(utc(2023, 1, 13), offset("W-MON"))).toBe(utc(2023, 1, 16));
    expect(one(utc(2023, 1, 13), offset("W-FRI"))).toBe(utc(2023, 1, 20));
    expect(one(utc(2023, 1, 13), offset("W"))).toBe(utc(2023, 1, 15)); // next Sunday
    expect(one(utc(2023, 1, 15), offset("W"))).toBe(utc(2023, 1, 22));
    expect(one(utc(2023, 1, 13), offset("W").negate())).toBe(utc(2023, 1, 8)); // previous Sunday
  });

  it("offset('QE'/'QS'/'YE'/'YS') follow pandas' quarter and year docstrings", () => {
    // QuarterEnd(): 2022-01-01 → 2022-03-31; QuarterBegin(startingMonth=3) = QS-MAR: → 2022-03-01
    expect(one(utc(2022, 1, 1), offset("QE"))).toBe(utc(2022, 3, 31));
    expect(one(utc(2022, 1, 1), offset("QS-MAR"))).toBe(utc(2022, 3, 1));
    // QS (= QS-JAN): 2022-03-15 → 2022-04-01; QE-JAN: 2022-03-15 → 2022-04-30
    expect(one(utc(2022, 3, 15), offset("QS"))).toBe(utc(2022, 4, 1));
    expect(one(utc(2022, 3, 15), offset("QE-JAN"))).toBe(utc(2022, 4, 30));
    // YearEnd(): 2022-01-01 → 2022-12-31; YearBegin(): 2022-12-01 → 2023-01-01
    expect(one(utc(2022, 1, 1), offset("YE"))).toBe(utc(2022, 12, 31));
    expect(one(utc(2022, 12, 1), offset("YS"))).toBe(utc(2023, 1, 1));
    expect(one(utc(2022, 12, 31), offset("YE"))).toBe(utc(2023, 12, 31));
    expect(one(utc(2022, 8, 1), offset("YS-JUL"))).toBe(utc(2023, 7, 1));
  });

  it("offset applies to dates (calendar parts only) and keeps nulls, slices and chunks", () => {
    const d = column([day(2024, 1, 31), null, day(2022, 8, 5)], date);
    expect(addOffset(d, offset("ME")).toArray()).toEqual([day(2024, 2, 29), null, day(2022, 8, 31)]);
    expect(addOffset(d, offset("B")).toArray()).toEqual([day(2024, 2, 1), null, day(2022, 8, 8)]);
    expect(addOffset(d, dateOffset({ months: 1, days: 1 })).toArray()).toEqual([
      day(2024, 3, 1),
      null,
      day(2022, 9, 6),
    ]);
    const two = new Column(d.dtype, [d.slice(2).chunks[0] as never, d.chunks[0] as never]);
    expect(addOffset(two, offset("MS")).toArray()).toEqual([
      day(2022, 9, 1),
      day(2024, 2, 1),
      null,
      day(2022, 9, 1),
    ]);
    expect(() => addOffset(d, dateOffset({ hours: 1 }))).toThrow(
      "an offset with a time of day does not apply to dates",
    );
    expect(() => addOffset(d, offset("h"))).toThrow(DTypeError);
  });

  it("offsets are exact beyond 2^53 ns, before 1970 and past 2038", () => {
    const v = 2n ** 53n + 1n; // 1970-04-15 05:59:59.254740993 (one past 2^53: not a double)
    expect(one(v, dateOffset({ days: 1 }))).toBe(v + 86_400_000_000_000n);
    expect(one(-1n, offset("ME"))).toBe(utc(1970, 1, 31, 23, 59, 59) + 999_999_999n);
    expect(one(utc(2038, 1, 19, 3, 14, 8), dateOffset({ months: 1 }))).toBe(utc(2038, 2, 19, 3, 14, 8));
    expect(() => one(utc(2262, 4, 1), offset("ME"))).toThrow("is out of range for timestamp[ns]");
  });

  it("DateOffset prints pandas' repr and rejects bad fields", () => {
    expect(String(dateOffset({ months: 1, days: 2 }))).toBe("<DateOffset: months=1, days=2>");
    expect(String(offset("ME"))).toBe("<MonthEnd>");
    expect(String(offset("3ME"))).toBe("<3 * MonthEnds>");
    expect(() => dateOffset({ months: 1.5 })).toThrow("invalid months: 1.5 (expected an integer)");
    expect(() => dateOffset({ month: 1 } as never)).toThrow(OptionError);
    expect(() => dateOffset({ month: 1 } as never)).toThrow('unknown option "month"');
    expect(() => offset("M")).toThrow('invalid offset: "M" (pandas 2.2 renamed it "ME")');
    expect(() => addOffset(column([1], "int32") as never, offset("ME"))).toThrow(
      "addOffset needs timestamps or dates",
    );
    expect(() => addOffset(column(["x"]) as never, {} as never)).toThrow("expected a DateOffset");
    // a sub-unit offset on a second column
    expect(() => addOffset(column([0n], timestamp("s", null)), dateOffset({ milliseconds: 1 }))).toThrow(
      "the offset is finer than unit s",
    );
  });
});

/**
 * strftime. Expected texts are pandas' documentation examples, hand
 * computations written into each test, and a naive per-row formatter over
 * the reference fields of dt-reference.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { date, type TimeUnit, timestamp } from "../../../src/core/dtype.js";
import { OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import type { TemporalColumn } from "../../../src/core/kernels/dt-fields.js";
import { compileFormat, dtStrftime } from "../../../src/core/kernels/dt-format.js";
import { PER, refCivil, refDays, refFields } from "./dt-reference.js";

const sec = (iso: string): bigint => BigInt(Date.parse(iso) / 1000);
const ns = (iso: string, frac = 0n): bigint => sec(iso) * 1_000_000_000n + frac;
const ts = (values: (bigint | null)[], unit: TimeUnit = "ns", tz: string | null = null): TemporalColumn =>
  column(values, timestamp(unit, tz)) as TemporalColumn;
const fmt = (c: TemporalColumn, f: string) => dtStrftime(c, f).toArray();

describe("dtStrftime(col, format)", () => {
  it("dtStrftime(col, '%B %d, %Y, %r') gives pandas' example 'March 10, 2018, 09:00:00 AM'", () => {
    const c = ts([ns("2018-03-10T09:00:00Z"), ns("2018-03-10T09:00:01Z"), ns("2018-03-10T09:00:02Z")]);
    expect(fmt(c, "%B %d, %Y, %r")).toEqual([
      "March 10, 2018, 09:00:00 AM",
      "March 10, 2018, 09:00:01 AM",
      "March 10, 2018, 09:00:02 AM",
    ]);
    expect(dtStrftime(c, "%Y").dtype).toEqual({ kind: "utf8" });
  });

  it("dtStrftime(col, '%Y-%m-%d') gives the quarter ends of pandas' example", () => {
    const c = ts([ns("2000-03-31T00:00:00Z"), ns("2000-06-30T00:00:00Z"), ns("2000-09-30T00:00:00Z")]);
    expect(fmt(c, "%Y-%m-%d")).toEqual(["2000-03-31", "2000-06-30", "2000-09-30"]);
    expect(fmt(c, "%Y / %d / %m")).toEqual(["2000 / 31 / 03", "2000 / 30 / 06", "2000 / 30 / 09"]);
  });

  it("dtStrftime(col, format) writes every directive for 2021-03-14 01:59:59.123456789 EST in New York", () => {
    // a Sunday, day 31 + 28 + 14 = 73; Sundays since Jan 3 (%U week 1) → week 11; Mondays since Jan 4 → %W 10; ISO week 10
    const c = ts([ns("2021-03-14T06:59:59Z", 123_456_789n)], "ns", "America/New_York");
    const f = "%Y|%m|%d|%H|%M|%S|%f|%y|%C|%j|%a|%A|%b|%B|%p|%I|%Z|%z|%U|%W|%w|%u|%V|%G|%e|%%";
    expect(fmt(c, f)).toEqual([
      "2021|03|14|01|59|59|123456|21|20|073|Sun|Sunday|Mar|March|AM|01|EST|-0500|11|10|0|7|10|2021|14|%",
    ]);
    expect(fmt(c, "%c|%x|%X|%D|%F|%T|%R|%h|a%nb%tc")).toEqual([
      "Sun Mar 14 01:59:59 2021|03/14/21|01:59:59|03/14/21|2021-03-14|01:59:59|01:59|Mar|a\nb\tc",
    ]);
  });

  it("dtStrftime(col, '%I %p') on a 12-hour clock: 00:05 → 12 AM, 12:00 → 12 PM, 13:30 → 01 PM, 23:59 → 11 PM", () => {
    const c = ts(["00:05", "12:00", "13:30", "23:59"].map((t) => ns(`2020-01-01T${t}:00Z`)));
    expect(fmt(c, "%I:%M %p")).toEqual(["12:05 AM", "12:00 PM", "01:30 PM", "11:59 PM"]);
  });

  it("dtStrftime(col, '%Z %z') names zones: EST/EDT, CET/CEST, IST, UTC, UTC+05:30, tzdata's -03, empty when naive", () => {
    const winter = sec("2021-01-15T12:00:00Z");
    const summer = sec("2021-07-15T12:00:00Z");
    const zoned = (tz: string | null) => fmt(ts([winter, summer], "s", tz), "%Z %z");
    expect(zoned("America/New_York")).toEqual(["EST -0500", "EDT -0400"]);
    expect(zoned("Europe/Berlin")).toEqual(["CET +0100", "CEST +0200"]);
    expect(zoned("Asia/Kolkata")).toEqual(["IST +0530", "IST +0530"]);
    expect(zoned("UTC")).toEqual(["UTC +0000", "UTC +0000"]);
    expect(zoned("+05:30")).toEqual(["UTC+05:30 +0530", "UTC+05:30 +0530"]);
    expect(zoned("America/Sao_Paulo")).toEqual(["-03 -0300", "-03 -0300"]);
    expect(zoned(null)).toEqual([" ", " "]);
  });

  it("dtStrftime(col, '%H:%M %Z') across New York's fall-back: 01:30 EDT, then 01:30 EST", () => {
    const c = ts([sec("2021-11-07T05:30:00Z"), sec("2021-11-07T06:30:00Z")], "s", "America/New_York");
    expect(fmt(c, "%Y-%m-%d %H:%M %Z")).toEqual(["2021-11-07 01:30 EDT", "2021-11-07 01:30 EST"]);
  });

  it("dtStrftime(col, format) pads years to 4 digits, signs years before 0, and prints long years whole", () => {
    const c = ts(
      [
        sec("1600-03-01T00:00:00Z"),
        sec("0005-01-01T00:00:00Z"),
        sec("-000001-01-01T00:00:00Z"),
        sec("+275000-01-01T00:00:00Z"),
      ],
      "s",
    );
    // ISO years from the weekday of January 1st (Date): 0005-01-01 is a Saturday (its week is 0004's last),
    // -0001-01-01 a Friday (week of -0002), 275000-01-01 a Wednesday (week 1 of 275000)
    expect(fmt(c, "%Y|%y|%G")).toEqual([
      "1600|00|1600",
      "0005|05|0004",
      "-0001|99|-0002",
      "275000|00|275000",
    ]);
  });

  it("dtStrftime(col, '%G-W%V-%u') at ISO year boundaries; %U and %W count week 0 before the first Sunday/Monday", () => {
    const c = column(
      [refDays(2024, 12, 30), refDays(2021, 1, 3), refDays(2021, 1, 1), refDays(2023, 1, 1)],
      date,
    ) as TemporalColumn;
    expect(fmt(c, "%G-W%V-%u")).toEqual(["2025-W01-1", "2020-W53-7", "2020-W53-5", "2022-W52-7"]);
    // 2021-01-01 is a Friday: %U 00, %W 00; 2023-01-01 is a Sunday: %U 01, %W 00
    expect(fmt(c, "%U %W").slice(2)).toEqual(["00 00", "01 00"]);
  });

  it("dtStrftime(col, format) formats dates as midnights and copies non-ASCII literal text", () => {
    const c = column([refDays(2024, 2, 29), null], date) as TemporalColumn;
    expect(fmt(c, "Año %Y ✓ %H:%M %e")).toEqual(["Año 2024 ✓ 00:00 29", null]);
  });

  it("dtStrftime(col, '%f') prints microseconds of each unit (ns truncated, ms scaled)", () => {
    const s = sec("2000-01-01T00:00:00Z");
    expect(fmt(ts([s * 1000n + 5n], "ms"), "%S.%f")).toEqual(["00.005000"]);
    expect(fmt(ts([s * 10n ** 9n + 999_999_999n], "ns"), "%S.%f")).toEqual(["00.999999"]);
    expect(fmt(ts([s], "s"), "%S.%f")).toEqual(["00.000000"]);
    expect(fmt(ts([-1n], "us"), "%Y-%m-%d %H:%M:%S.%f")).toEqual(["1969-12-31 23:59:59.999999"]);
  });

  it("dtStrftime(col, format) keeps nulls and maps multi-chunk and sliced columns", () => {
    const a = ts([ns("2000-01-01T00:00:00Z"), null]);
    const b = ts([ns("2000-01-02T00:00:00Z"), null, ns("2000-01-03T00:00:00Z")]);
    const multi = new Column(a.dtype, [a.chunks[0], b.chunks[0]] as never) as TemporalColumn;
    expect(fmt(multi, "%d")).toEqual(["01", null, "02", null, "03"]);
    expect(fmt(multi.slice(1, 4) as TemporalColumn, "%d")).toEqual([null, "02", null]);
    expect(dtStrftime(multi, "%d").chunks.length).toBe(2);
    expect(fmt(ts([]), "%Y")).toEqual([]);
    expect(fmt(multi, "")).toEqual(["", null, "", null, ""]);
  });

  it("dtStrftime(col, format) throws an OptionError naming an unknown directive or a lone %", () => {
    const c = ts([0n]);
    expect(() => dtStrftime(c, "%Y-%Q")).toThrow(OptionError);
    expect(() => dtStrftime(c, "%Y-%Q")).toThrow(/"%Q" at position 3/);
    expect(() => dtStrftime(c, "%Y%")).toThrow(/lone %/);
    expect(() => compileFormat(3 as unknown as string)).toThrow(OptionError);
  });
});

// ---------------------------------------------------------------------------

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);
const pad = (v: number, w: number) =>
  v < 0 ? `-${String(-v).padStart(w, "0")}` : String(v).padStart(w, "0");

/** Weeks by counting: the number of `weekday`s (Monday = 0) from January 1st through the day. */
function countWeekdays(days: number, year: number, weekday: number): number {
  let count = 0;
  for (let d = refDays(year, 1, 1); d <= days; d++) if (refCivil(d).wd === weekday) count++;
  return count;
}

/** A naive formatter of "%Y-%m-%d %H:%M:%S.%f|%j|%a|%B|%U|%W|%w|%u|%V|%G|%y|%I%p|%e". */
function reference(v: bigint, unit: TimeUnit): string {
  const r = refFields(v, unit, null);
  const us = Number(((r.ticks % PER[unit]) * 1_000_000n) / PER[unit]);
  const h12 = r.hour % 12 === 0 ? 12 : r.hour % 12;
  return (
    `${pad(r.year, 4)}-${pad(r.month, 2)}-${pad(r.day, 2)} ${pad(r.hour, 2)}:${pad(r.minute, 2)}:${pad(r.second, 2)}.${pad(us, 6)}` +
    `|${pad(r.dayOfYear, 3)}|${(DAYS[r.dayOfWeek] as string).slice(0, 3)}|${MONTHS[r.month - 1]}` +
    `|${pad(countWeekdays(r.days, r.year, 6), 2)}|${pad(countWeekdays(r.days, r.year, 0), 2)}` +
    `|${(r.dayOfWeek + 1) % 7}|${r.dayOfWeek + 1}|${pad(r.isoWeek, 2)}|${pad(r.isoYear, 4)}` +
    `|${pad(((r.year % 100) + 100) % 100, 2)}|${pad(h12, 2)}${r.hour < 12 ? "AM" : "PM"}|${String(r.day).padStart(2, " ")}`
  );
}

describe("dtStrftime(col, format) against a naive formatter", () => {
  it("dtStrftime(col, format) matches per-row string building for naive timestamps of every unit", () => {
    const format = "%Y-%m-%d %H:%M:%S.%f|%j|%a|%B|%U|%W|%w|%u|%V|%G|%y|%I%p|%e";
    const prop = fc.property(
      fc.constantFrom<TimeUnit>("s", "ms", "us", "ns"),
      fc.array(fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { freq: 5 }), {
        maxLength: 20,
      }),
      fc.nat(),
      (unit, raw, seed) => {
        // keep years within ±2^31 days' reach of the reference's Date and counting loops
        const limit = 8639999900000n * PER[unit];
        const values = raw.map((v) => (v === null ? null : unit === "ns" ? v : v % limit));
        const split = seed % (values.length + 1);
        const a = ts(values.slice(0, split), unit);
        const b = ts(values.slice(split), unit);
        const col = new Column(a.dtype, [a.chunks[0], b.chunks[0]] as never) as TemporalColumn;
        expect(dtStrftime(col, format).toArray()).toEqual(
          values.map((v) => (v === null ? null : reference(v, unit))),
        );
      },
    );
    fc.assert(prop, { seed: 42, numRuns: 100 });
  });
});

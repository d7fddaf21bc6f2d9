import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column } from "../../../src/core/from-values.js";
import {
  BAD,
  BAD_DATE,
  BAD_TIME,
  BAD_ZONE,
  isoChunk,
  NULL,
  OK,
  OUT_OF_BOUNDS,
  parseIsoBytes,
  Sink,
} from "../../../src/core/kernels/dt-parse.js";
import { DateFnsParser } from "../../../src/core/kernels/dt-parse-datefns.js";
import { StrftimeParser } from "../../../src/core/kernels/dt-parse-format.js";

const enc = new TextEncoder();

/** Parse one text with a parser: [status, wall seconds, nanos, offset, key]. */
function iso(text: string): [number, number, number, number, number] {
  const b = enc.encode(text);
  const r = new Float64Array(4);
  const st = parseIsoBytes(b, 0, b.length, r);
  return [st, r[0] as number, r[1] as number, r[2] as number, r[3] as number];
}
function fmt(format: string, text: string, exact = true): [number, number, number, number, number] {
  const b = enc.encode(text);
  const r = new Float64Array(4);
  const st = new StrftimeParser(format, exact, []).parse(b, 0, b.length, r);
  return [st, r[0] as number, r[1] as number, r[2] as number, r[3] as number];
}
/** Seconds since the epoch of a UTC wall time, from the JS Date reference implementation. */
const utcSec = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe("parseIsoBytes(b, p, e, r)", () => {
  it("parseIsoBytes reads the common shapes", () => {
    expect(iso("2021-03-14")).toEqual([OK, utcSec(2021, 3, 14), 0, 0, Number.NaN]);
    expect(iso("2021-03-14 10:30")).toEqual([OK, utcSec(2021, 3, 14, 10, 30), 0, 0, Number.NaN]);
    expect(iso("2021-03-14T10:30:15")).toEqual([OK, utcSec(2021, 3, 14, 10, 30, 15), 0, 0, Number.NaN]);
    expect(iso("2021-03-14t10:30:15")[0]).toBe(OK);
    expect(iso("2021-03-14 10:30:15.5")[2]).toBe(500000000);
    expect(iso("2021-03-14 10:30:15.123456789")[2]).toBe(123456789);
    // digits beyond the 9th are dropped (truncated), as pandas' ns parser
    expect(iso("2021-03-14 10:30:15.1234567899")[2]).toBe(123456789);
    expect(iso("2021-03-14 10:30:15,25")[2]).toBe(250000000);
    expect(iso("  2021-03-14  ")[0]).toBe(OK);
  });

  it("parseIsoBytes reads zones: Z, ±HH:MM, ±HHMM, ±HH (offset to subtract, key = offset)", () => {
    expect(iso("2021-03-14T10:30:00Z").slice(3)).toEqual([0, 0]);
    expect(iso("2021-03-14T10:30:00+05:30").slice(3)).toEqual([19800, 19800]);
    expect(iso("2021-03-14T10:30:00-0500").slice(3)).toEqual([-18000, -18000]);
    expect(iso("2021-03-14 10:30 -05").slice(3)).toEqual([-18000, -18000]);
    expect(iso("2021-03-14T10:30:00.25+01:00").slice(2)).toEqual([250000000, 3600, 3600]);
    expect(iso("2021-03-14T10:30:00+24:00")[0]).toBe(BAD_ZONE);
  });

  it("parseIsoBytes reads the other ISO shapes", () => {
    expect(iso("2021")).toEqual([OK, utcSec(2021, 1, 1), 0, 0, Number.NaN]);
    expect(iso("2021-07")[1]).toBe(utcSec(2021, 7, 1));
    expect(iso("20210714")[1]).toBe(utcSec(2021, 7, 14));
    expect(iso("20210714T103015")[1]).toBe(utcSec(2021, 7, 14, 10, 30, 15));
    expect(iso("2021-07-14T10")[1]).toBe(utcSec(2021, 7, 14, 10));
    expect(iso("+012021-01-01")[1]).toBe(utcSec(12021, 1, 1));
  });

  it("parseIsoBytes checks ranges: leap days, month lengths, times", () => {
    expect(iso("2024-02-29")[0]).toBe(OK);
    expect(iso("2023-02-29")[0]).toBe(BAD_DATE);
    expect(iso("2000-02-29")[0]).toBe(OK); // divisible by 400
    expect(iso("1900-02-29")[0]).toBe(BAD_DATE); // divisible by 100
    expect(iso("2021-04-31")[0]).toBe(BAD_DATE);
    expect(iso("2021-13-01")[0]).toBe(BAD_DATE);
    expect(iso("2021-00-10")[0]).toBe(BAD_DATE);
    expect(iso("2021-01-01 24:00:00")[0]).toBe(BAD_TIME);
    expect(iso("2021-01-01 23:60:00")[0]).toBe(BAD_TIME);
    expect(iso("2016-12-31 23:59:60")[0]).toBe(BAD_TIME);
  });

  it("parseIsoBytes gives NULL for empty and NaT text, BAD for other shapes", () => {
    for (const t of ["", "   ", "NaT", "nat", "NAT", "nan", "NaN", "NAN"]) expect(iso(t)[0]).toBe(NULL);
    for (const t of [
      "03/14/2021",
      "2021-3-14",
      "2021-03-14X",
      "2021-03-14 10:3",
      "2021-03-14 10:30:00.",
      "hello",
      "2021-03-14Z",
      "nah",
    ]) {
      expect(iso(t)[0], t).toBe(BAD);
    }
  });
});

describe("Sink(n, per).put(i, r)", () => {
  it("Sink.put writes exact int64 ticks, beyond 2^53 and before 1970", () => {
    const s = new Sink(4, 1e9);
    const r = new Float64Array([utcSec(2262, 4, 11, 23, 47, 16), 854775807, 0, Number.NaN]);
    expect(s.put(0, r)).toBe(true);
    r.set([utcSec(1677, 9, 21, 0, 12, 43), 145224192, 0, Number.NaN]);
    expect(s.put(1, r)).toBe(true);
    r.set([utcSec(2038, 1, 19, 3, 14, 8), 1, 0, Number.NaN]);
    expect(s.put(2, r)).toBe(true);
    r.set([utcSec(2262, 4, 11, 23, 47, 16), 854775808, 0, Number.NaN]);
    expect(s.put(3, r)).toBe(false);
    expect(s.out[0]).toBe(2n ** 63n - 1n);
    // -9223372037 s is 1677-09-21T00:12:43 (Date.UTC above); + 0.145224192 s:
    // -9223372037e9 + 145224192 = -9223372036854775808 = int64 min (pandas keeps it for NaT; Arrow stores it)
    expect(s.out[1]).toBe(-9223372037n * 10n ** 9n + 145224192n);
    expect(s.out[1]).toBe(-(2n ** 63n));
    // 2^31 s after the epoch is 2038-01-19T03:14:08Z
    expect(s.out[2]).toBe(2n ** 31n * 10n ** 9n + 1n);
  });

  it("Sink.put for coarser units truncates the fraction", () => {
    const s = new Sink(2, 1e3);
    s.put(0, new Float64Array([-1, 999999999, 0, Number.NaN]));
    s.put(1, new Float64Array([10, 1500000, 3600, 3600]));
    expect([...s.out]).toEqual([-1n, (10n - 3600n) * 1000n + 1n]);
  });
});

describe("isoChunk(c, sink, at, row0, onBad)", () => {
  it("isoChunk reads utf8 and large_utf8 chunks with nulls and slice offsets", () => {
    for (const dt of ["utf8", "large_utf8"]) {
      const col = column(["x", "1970-01-02", null, "", "1969-12-31T23:59:59.5"], dt).slice(1);
      const sink = new Sink(4, 1e9);
      const bad: number[] = [];
      isoChunk(col.chunks[0] as never, sink, 0, 0, (row) => bad.push(row));
      expect(bad).toEqual([]);
      expect(sink.out[0]).toBe(86400n * 10n ** 9n);
      expect(sink.out[3]).toBe(-500000000n);
      expect([0, 1, 2, 3].map((i) => sink.isValid(i))).toEqual([true, false, false, true]);
    }
  });

  it("isoChunk reports bad rows with their status", () => {
    const col = column(["2021-01-01", "2021-02-30", "junk", "9999-01-01"]);
    const sink = new Sink(4, 1e9);
    const bad: [number, string, number][] = [];
    isoChunk(col.chunks[0] as never, sink, 10, 100, (row, text, st) => bad.push([row, text, st]));
    expect(bad).toEqual([
      [101, "2021-02-30", BAD_DATE],
      [102, "junk", BAD],
      [103, "9999-01-01", OUT_OF_BOUNDS],
    ]);
  });

  it("isoChunk round-trips random timestamps written by a naive ISO formatter (property)", () => {
    const pad = (v: number, w: number) => String(v).padStart(w, "0");
    fc.assert(
      fc.property(
        // seconds within the ns range (1677-09-22 … 2262-04-10), nanoseconds, digits, offset in minutes
        fc.integer({ min: -9.2e9, max: 9.2e9 }),
        fc.integer({ min: 0, max: 999999999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom("T", " "),
        (sec, ns, digits, offMin, sep) => {
          const d = new Date(sec * 1000);
          const frac = digits === 0 ? "" : `.${pad(ns, 9).slice(0, digits)}`;
          const kept = digits === 0 ? 0 : Number(pad(ns, 9).slice(0, digits).padEnd(9, "0"));
          const a = Math.abs(offMin);
          const zone = `${offMin < 0 ? "-" : "+"}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
          const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}${sep}${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}${frac}${zone}`;
          const sink = new Sink(1, 1e9);
          isoChunk(column([text]).chunks[0] as never, sink, 0, 0, () => {
            throw new Error(text);
          });
          // the text's wall time is sec; the instant is sec minus the offset
          expect(sink.out[0]).toBe((BigInt(sec) - BigInt(offMin * 60)) * 10n ** 9n + BigInt(kept));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("StrftimeParser(format, exact, zones).parse", () => {
  it("StrftimeParser reads %Y %m %d %H %M %S", () => {
    expect(fmt("%Y-%m-%d %H:%M:%S", "2021-03-14 10:30:15")[1]).toBe(utcSec(2021, 3, 14, 10, 30, 15));
    expect(fmt("%d/%m/%Y", "14/03/2021")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%d/%m/%Y", "4/3/2021")[1]).toBe(utcSec(2021, 3, 4)); // 1-digit fields, as Python
    expect(fmt("%Y%m%d", "20210314")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%Y%m%d", "2021314")[1]).toBe(utcSec(2021, 3, 14)); // 13 > 12: month backs off to 1 digit
  });

  it("StrftimeParser reads names, %p, %y, %j, %f, %z, %Z, %% and literal text", () => {
    expect(fmt("%b %d, %Y", "Mar 14, 2021")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%B %d %Y", "MARCH 14 2021")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%a %d %b %Y", "Sun 14 Mar 2021")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%A, %d.%m.%y", "Sunday, 14.03.21")[1]).toBe(utcSec(2021, 3, 14));
    expect(fmt("%d.%m.%y", "14.03.69")[1]).toBe(utcSec(1969, 3, 14)); // 69–99 → 19xx
    expect(fmt("%d.%m.%y", "14.03.68")[1]).toBe(utcSec(2068, 3, 14)); // 00–68 → 20xx
    expect(fmt("%I:%M %p", "02:30 PM")[1]).toBe(utcSec(1900, 1, 1, 14, 30)); // no date → 1900-01-01
    expect(fmt("%I:%M %p", "12:05 am")[1]).toBe(utcSec(1900, 1, 1, 0, 5));
    expect(fmt("%I:%M %p", "12:05 PM")[1]).toBe(utcSec(1900, 1, 1, 12, 5));
    expect(fmt("%I:%M", "12:05")[1]).toBe(utcSec(1900, 1, 1, 0, 5)); // %I without %p: 12 is midnight
    expect(fmt("%Y-%j", "2024-060")[1]).toBe(utcSec(2024, 2, 29)); // day 60 of a leap year
    expect(fmt("%Y-%j", "2023-366")[0]).toBe(BAD_DATE);
    expect(fmt("%H:%M:%S.%f", "10:00:00.5")[2]).toBe(500000000);
    expect(fmt("%H:%M:%S.%f", "10:00:00.000000001")[2]).toBe(1);
    expect(fmt("%H:%M%z", "10:00+0530").slice(3)).toEqual([19800, 19800]);
    expect(fmt("%H:%M%z", "10:00-05:00").slice(3)).toEqual([-18000, -18000]);
    expect(fmt("%H:%M%z", "10:00Z").slice(3)).toEqual([0, 0]);
    expect(fmt("%H:%M %Z", "10:00 UTC").slice(3)).toEqual([0, 0]);
    // 2021-07-01 in New York is EDT, UTC-4
    const ny = fmt("%Y-%m-%d %H:%M %Z", "2021-07-01 10:00 America/New_York");
    expect(ny[3]).toBe(-4 * 3600);
    expect(fmt("%H:%M %Z", "10:00 Mars/Olympus")[0]).toBe(BAD_ZONE);
    expect(fmt("%Y%% %m", "2021% 05")[1]).toBe(utcSec(2021, 5, 1));
    expect(fmt("Date: %Y-%m-%d", "date: 2021-05-02")[1]).toBe(utcSec(2021, 5, 2)); // case-insensitive literals
    expect(fmt("%w %u %Y", "0 7 2021")[1]).toBe(utcSec(2021, 1, 1)); // weekdays are read, not checked
  });

  it("StrftimeParser: whitespace in the format matches one or more spaces; exact", () => {
    expect(fmt("%Y %m", "2021   05")[0]).toBe(OK);
    expect(fmt("%Y %m", "202105")[0]).toBe(BAD);
    expect(fmt("%Y-%m-%d", "2021-05-02 10:00")[0]).toBe(BAD);
    expect(fmt("%Y-%m-%d", "on 2021-05-02 at noon", false)[1]).toBe(utcSec(2021, 5, 2));
  });

  it("StrftimeParser checks ranges", () => {
    expect(fmt("%Y-%m-%d", "2021-02-30")[0]).toBe(BAD_DATE);
    expect(fmt("%Y-%m-%d", "2024-02-29")[0]).toBe(OK);
    expect(fmt("%H:%M:%S", "10:00:61")[0]).toBe(BAD_TIME);
    expect(fmt("%H:%M", "24:00")[0]).toBe(BAD);
    expect(fmt("%I %p", "0 AM")[0]).toBe(BAD_TIME); // hour 0 on a 12-hour clock
  });

  it("StrftimeParser rejects unsupported or repeated directives", () => {
    expect(() => new StrftimeParser("%Y-%U", true, [])).toThrow(/unsupported directive %U/);
    expect(() => new StrftimeParser("%Y %Y", true, [])).toThrow(/%Y repeats a field/);
    expect(() => new StrftimeParser("%Y %", true, [])).toThrow(/unsupported directive/);
  });
});

describe("DateFnsParser(format).parse", () => {
  const dfns = (format: string, text: string) => {
    const b = enc.encode(text);
    const r = new Float64Array(4);
    const st = new DateFnsParser(format).parse(b, 0, b.length, r);
    return [st, r[0], r[1], r[2], r[3]];
  };
  it("DateFnsParser reads date-fns tokens without the process time zone", () => {
    expect(dfns("dd.MM.yyyy HH:mm:ss.SSS", "14.03.2021 02:30:00.250")).toEqual([
      OK,
      utcSec(2021, 3, 14, 2, 30),
      250e6,
      0,
      Number.NaN,
    ]);
    expect(dfns("MMM d, yyyy h:mm a", "Nov 7, 2021 1:30 AM")[1]).toBe(utcSec(2021, 11, 7, 1, 30));
    expect(dfns("yyyy-MM-dd'T'HH:mmXXX", "2021-03-14T10:00+05:30")).toEqual([
      OK,
      utcSec(2021, 3, 14, 4, 30),
      0,
      0,
      0,
    ]);
    expect(dfns("dd.MM.yyyy", "31.02.2021")[0]).toBe(BAD);
    expect(dfns("dd.MM.yyyy", "")[0]).toBe(NULL);
  });
});

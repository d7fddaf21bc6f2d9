import { describe, expect, it } from "vitest";
import { timestamp } from "../../src/core/dtype.js";
import { OptionError } from "../../src/core/errors.js";
import { dateRange } from "../../src/series/date-range.js";
import { Series } from "../../src/series/series.js";

const NS = 1_000_000n;
const utc = (y: number, m: number, d: number, h = 0): bigint => BigInt(Date.UTC(y, m - 1, d, h)) * NS;

describe("dateRange(options)", () => {
  it("dateRange returns a Series of timestamps with a default index and an optional name", () => {
    const s = dateRange({ start: "2018-01-01", periods: 3, name: "day" });
    expect(s).toBeInstanceOf(Series);
    expect(s.dtype).toEqual(timestamp("ns", null));
    expect(s.name).toBe("day");
    expect(s.index.length).toBe(3);
    expect(s.toArray()).toEqual([utc(2018, 1, 1), utc(2018, 1, 2), utc(2018, 1, 3)]);
    expect(dateRange({ start: "2018-01-01", periods: 1 }).name).toBeNull();
  });

  it("dateRange feeds the .dt methods: floor, tzLocalize, tzConvert", () => {
    // 2014-08-01 09:00 CEST (+2) = 07:00 UTC = 02:00 CDT (−5)
    const berlin = dateRange({ start: "2014-08-01 09:00", freq: "h", periods: 3, tz: "Europe/Berlin" });
    const chicago = berlin.dt.tzConvert("America/Chicago");
    expect(chicago.dtype).toEqual(timestamp("ns", "America/Chicago"));
    expect(chicago.toArray()).toEqual([utc(2014, 8, 1, 7), utc(2014, 8, 1, 8), utc(2014, 8, 1, 9)]);
    // naive wall times of Berlin, localized again, are the same instants
    const wall = berlin.dt.tzLocalize(null);
    expect(wall.toArray()).toEqual([utc(2014, 8, 1, 9), utc(2014, 8, 1, 10), utc(2014, 8, 1, 11)]);
    expect(wall.dt.tzLocalize("Europe/Berlin").toArray()).toEqual(berlin.toArray());
    // floor to 2 h on the wall clock: 09:00, 10:00, 11:00 → 08:00, 10:00, 10:00 CEST
    expect(berlin.dt.floor("2h").toArray()).toEqual([
      utc(2014, 8, 1, 6),
      utc(2014, 8, 1, 8),
      utc(2014, 8, 1, 8),
    ]);
    expect(berlin.dt.ceil("2h").toArray()).toEqual([
      utc(2014, 8, 1, 8),
      utc(2014, 8, 1, 8),
      utc(2014, 8, 1, 10),
    ]);
    // round half to even: 09:00 → 08:00 (q 4), 11:00 → 12:00 (q 5 is odd, so up)
    expect(berlin.dt.round("2h").toArray()).toEqual([
      utc(2014, 8, 1, 6),
      utc(2014, 8, 1, 8),
      utc(2014, 8, 1, 10),
    ]);
  });

  it("dateRange rejects a missing options object and a bad name", () => {
    expect(() => dateRange(undefined as never)).toThrow(OptionError);
    expect(() => dateRange(undefined as never)).toThrow(
      "dateRange: options must be an object, got undefined",
    );
    expect(() => dateRange({ start: "2018-01-01", periods: 1, name: 5 as never })).toThrow("invalid name: 5");
    expect(() => dateRange({ start: "2018-01-01" })).toThrow(
      "dateRange needs exactly two of start, end and periods",
    );
  });
});

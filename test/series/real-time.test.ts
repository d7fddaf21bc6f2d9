/**
 * Text and time on real data from vega-datasets: seattle-weather.csv (one
 * row per day, 2012–2015) and stocks.csv (monthly prices of five symbols,
 * dates written "Jan 1 2000").
 *
 * Expected values come from the calendar (worked out in the comments) and
 * from plain-JS parsing of the raw text in this file, never from the code
 * under test.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCSV } from "../../src/node/csv.js";
import { dateRange } from "../../src/series/date-range.js";
import { Series } from "../../src/series/series.js";
import { toDatetime } from "../../src/series/to-datetime.js";

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve("vega-datasets")), "..", "data");
const path = (name: string) => join(dataDir, name);

/** Rows of a simple CSV (no quotes, no embedded commas), as plain strings. */
function rows(name: string): string[][] {
  return readFileSync(path(name), "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
}

describe("seattle-weather.csv dates", () => {
  it("readCSV reads the date column as timestamps, one per day of 2012–2015", async () => {
    const df = await readCSV(path("seattle-weather.csv"));
    const d = df.get("date");
    expect(d.dtype).toEqual({ kind: "timestamp", unit: "ns", tz: null });
    // 2012 is a leap year: 366 + 365 + 365 + 365 = 1461 days
    expect(d.length).toBe(1461);
    const years = d.dt.year.valueCounts({ sort: false });
    expect(years.index.toColumn().toArray()).toEqual([2012, 2013, 2014, 2015]);
    expect(years.toArray()).toEqual([366n, 365n, 365n, 365n]);
    // February: 29 days in 2012, 28 in each of the others
    expect(d.dt.month.eq(2).sum()).toBe(29 + 28 * 3);
    expect(d.dt.isLeapYear.sum()).toBe(366);
    // 2012-01-01 was a Sunday (Monday = 0), 2015-12-31 a Thursday
    expect(d.dt.dayOfWeek.get(0)).toBe(6);
    expect(d.dt.dayOfWeek.get(-1)).toBe(3);
    // every day is there, in order: the column equals the daily range
    const range = dateRange({ start: "2012-01-01", end: "2015-12-31" });
    expect(d.eq(range).all()).toBe(true);
    // each month starts once a year: 12 × 4 month starts, 4 quarter ends × 4 years
    expect(d.dt.isMonthStart.sum()).toBe(48);
    expect(d.dt.isQuarterEnd.sum()).toBe(16);
  });

  it("dt.strftime and str methods agree with the raw text", async () => {
    const raw = rows("seattle-weather.csv");
    const df = await readCSV(path("seattle-weather.csv"));
    const text = df.get("date").dt.strftime("%Y-%m-%d");
    expect(text.toArray()).toEqual(raw.map((r) => r[0]));
    // the weather labels: str.len and str.startsWith against plain JS
    const weather = df.get("weather");
    const labels = raw.map((r) => r[5] as string);
    expect(weather.str.len().toArray()).toEqual(labels.map((s) => s.length));
    expect(weather.str.startsWith("s").sum()).toBe(labels.filter((s) => s.startsWith("s")).length);
    // the month name of each row, against a table written here
    const names = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    expect(df.get("date").dt.monthName().toArray()).toEqual(
      raw.map((r) => names[Number((r[0] as string).slice(5, 7)) - 1]),
    );
  });
});

describe("stocks.csv dates", () => {
  const raw = rows("stocks.csv");
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  /** "Jan 1 2000" → "2000-01-01", by hand. */
  const iso = (s: string) => {
    const [mon, day, year] = s.split(" ") as [string, string, string];
    return `${year}-${String(MONTHS.indexOf(mon) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
  };

  it("toDatetime(format: '%b %d %Y') reads 'Jan 1 2000' the way a hand parser does", async () => {
    const df = await readCSV(path("stocks.csv"));
    const t = toDatetime(df.get("date"), { format: "%b %d %Y" });
    expect(t.dtype).toEqual({ kind: "timestamp", unit: "ns", tz: null });
    expect(t.dt.strftime("%Y-%m-%d").toArray()).toEqual(raw.map((r) => iso(r[1] as string)));
    // every row is the first of a month
    expect(t.dt.day.eq(1).all()).toBe(true);
    expect(t.dt.isMonthStart.all()).toBe(true);
  });

  it("the date-fns format 'MMM d yyyy' gives the same instants as the strftime one", async () => {
    const df = await readCSV(path("stocks.csv"));
    const a = toDatetime(df.get("date"), { format: "%b %d %Y" });
    const b = toDatetime(df.get("date"), { format: "MMM d yyyy" });
    expect(b.astype("timestamp[ms]").eq(a.astype("timestamp[ms]")).all()).toBe(true);
  });

  it("per symbol: first and last dates and row counts match the raw rows", async () => {
    const df = await readCSV(path("stocks.csv"));
    const t = toDatetime(df.get("date"), { format: "%b %d %Y" });
    const symbol = df.get("symbol");
    for (const sym of ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]) {
      const mine = raw.filter((r) => r[0] === sym).map((r) => iso(r[1] as string));
      const sel = t.filter(symbol.eq(sym));
      expect(sel.length).toBe(mine.length);
      const text = sel.dt.strftime("%Y-%m-%d");
      const ordered = [...mine].sort(); // ISO dates sort as text
      expect(text.min()).toBe(ordered[0]);
      expect(text.max()).toBe(ordered[ordered.length - 1]);
    }
    // the symbols, lowercased and as categories
    const cats = symbol.astype("category");
    expect(cats.cat.categories.toArray()).toEqual(["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]);
    expect(cats.str.lower().valueCounts().get(0)).toBe(BigInt(raw.filter((r) => r[0] === "MSFT").length));
  });

  it("year counts from dt.year match the years in the text", async () => {
    const df = await readCSV(path("stocks.csv"));
    const t = toDatetime(df.get("date"), { format: "%b %d %Y" });
    const byYear = new Map<number, number>();
    for (const r of raw) {
      const y = Number((r[1] as string).split(" ")[2]);
      byYear.set(y, (byYear.get(y) ?? 0) + 1);
    }
    const vc = t.dt.year.valueCounts({ sort: false });
    const got = new Map(
      vc.index
        .toColumn()
        .toArray()
        .map((y, i) => [y as number, Number(vc.get(i))]),
    );
    expect(got).toEqual(byYear);
  });

  it("new Series of the text with str.split gives month, day and year parts", () => {
    const s = new Series(raw.map((r) => r[1] as string));
    const parts = s.str.split(" ", { expand: true });
    expect(parts.columns).toEqual(["0", "1", "2"]);
    expect(parts.get("0").isin(MONTHS).all()).toBe(true);
    expect(parts.get("2").astype("int32").min()).toBe(2000);
  });
});

/**
 * Evidence on real data: daily Seattle weather 2012–2015 from vega-datasets
 * (seattle-weather.csv, 1461 rows).
 *
 * The CSV reader does not exist yet, so the test splits the text itself.
 * Expected values come from plain-JS loops over the parsed rows (a naive
 * reference written below), from the calendar (1461 days), and from the
 * weather counts usually reported for this data set — never from the code
 * under test.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { col } from "../../src/core/expr/expr.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

const require = createRequire(import.meta.url);
// vega-datasets exports only its JS entry (build/index.js); the data folder sits beside build/.
const dataDir = join(dirname(require.resolve("vega-datasets")), "..", "data");
const text = readFileSync(join(dataDir, "seattle-weather.csv"), "utf8");

// A tiny CSV split, enough for this file only: it has no quoted fields, no
// embedded commas, no empty fields and "\n" line ends (the first test checks
// these assumptions, so a change of the file fails loudly instead of misparsing).
const lines = text.trimEnd().split("\n");
const header = (lines[0] as string).split(",");
const records = lines.slice(1).map((l) => l.split(","));
const field = (name: string): string[] => {
  const j = header.indexOf(name);
  return records.map((r) => r[j] as string);
};
const date = field("date");
const precipitation = field("precipitation").map(Number);
const tempMax = field("temp_max").map(Number);
const tempMin = field("temp_min").map(Number);
const wind = field("wind").map(Number);
const weather = field("weather");

const df = new DataFrame({
  date, // utf8
  precipitation: Float64Array.from(precipitation),
  temp_max: Float64Array.from(tempMax),
  temp_min: Float64Array.from(tempMin),
  wind: Float64Array.from(wind),
  weather, // utf8
});
const byDate = df.setIndex("date");

const naiveSum = (xs: number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};
const countWhere = (n: number, keep: (i: number) => boolean): number => {
  let c = 0;
  for (let i = 0; i < n; i++) if (keep(i)) c++;
  return c;
};

describe("seattle-weather.csv (vega-datasets) as a DataFrame", () => {
  it("the file fits the tiny split: 6 unquoted, non-empty fields per line", () => {
    expect(text.includes('"')).toBe(false);
    expect(text.includes("\r")).toBe(false);
    expect(header).toEqual(["date", "precipitation", "temp_max", "temp_min", "wind", "weather"]);
    for (const r of records) {
      expect(r.length).toBe(6);
      expect(r.includes("")).toBe(false);
    }
    for (const xs of [precipitation, tempMax, tempMin, wind]) expect(xs.some(Number.isNaN)).toBe(false);
  });

  it("new DataFrame({...}) holds one row per day of 2012–2015: 366 + 3 × 365 = 1461", () => {
    expect(df.shape).toEqual([1461, 6]);
    expect(Object.values(df.dtypes).map((d) => d.kind)).toEqual([
      "utf8",
      "float64",
      "float64",
      "float64",
      "float64",
      "utf8",
    ]);
    expect(df.get("date").get(0)).toBe("2012-01-01");
    expect(df.get("date").get(-1)).toBe("2015-12-31");
    // setIndex("date"): one label per day, in increasing order
    expect(byDate.columns).toEqual(["precipitation", "temp_max", "temp_min", "wind", "weather"]);
    expect(byDate.index.isUnique).toBe(true);
    expect(byDate.index.isMonotonicIncreasing).toBe(true);
    // year by year through a string range (ISO dates order as text)
    const days = [2012, 2013, 2014, 2015].map(
      (y) => df.filter(df.get("date").between(`${y}-01-01`, `${y}-12-31`)).length,
    );
    expect(days).toEqual([366, 365, 365, 365]);
    expect(df.dropNull().length).toBe(1461); // no missing values in this file
  });

  it("valueCounts() of weather matches a plain count: rain 641, sun 640, fog 101, drizzle 53, snow 26", () => {
    const loop = new Map<string, number>();
    for (const w of weather) loop.set(w, (loop.get(w) ?? 0) + 1);
    const vc = df.get("weather").valueCounts();
    const labels = vc.index.toColumn().toArray() as string[];
    const counts = vc.toArray().map(Number);
    expect(new Map(labels.map((l, i) => [l, counts[i] as number]))).toEqual(loop);
    // most frequent first, as pandas
    expect(labels).toEqual([...loop.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k));
    expect(labels).toEqual(["rain", "sun", "fog", "drizzle", "snow"]);
    expect(counts).toEqual([641, 640, 101, 53, 26]);
    // normalize: proportions of the 1461 days
    const p = df.get("weather").valueCounts({ normalize: true }).toArray() as number[];
    expect(p[0]).toBeCloseTo(641 / 1461, 12);
    expect(naiveSum(p)).toBeCloseTo(1, 12);
  });

  it("idxmax() / idxmin() after setIndex('date') name the hottest and coldest days", () => {
    let hi = 0;
    let lo = 0;
    for (let i = 1; i < tempMax.length; i++) {
      if ((tempMax[i] as number) > (tempMax[hi] as number)) hi = i; // first occurrence, as pandas
      if ((tempMin[i] as number) < (tempMin[lo] as number)) lo = i;
    }
    expect(byDate.get("temp_max").max()).toBe(tempMax[hi]);
    expect(byDate.get("temp_max").idxmax()).toBe(date[hi]);
    expect(byDate.get("temp_min").idxmin()).toBe(date[lo]);
    expect(byDate.get("temp_max").max()).toBe(35.6); // °C, read off the file
    expect(byDate.get("weather").at(date[hi] as string)).toBe(weather[hi]);
  });

  it("mean() of wind, rounded, matches the plain mean", () => {
    const m = df.get("wind").mean() as number;
    expect(m).toBeCloseTo(naiveSum(wind) / wind.length, 10);
    expect(Math.round(m * 100) / 100).toBe(3.24);
    expect(Math.round(m * 100) / 100).toBe(Math.round((naiveSum(wind) / wind.length) * 100) / 100);
    expect(df.get("precipitation").sum()).toBeCloseTo(naiveSum(precipitation), 9);
  });

  it("between / where / mask pick the same days as plain loops", () => {
    const n = df.length;
    // mild days: 20 <= temp_max <= 30 (both ends), and without the ends
    expect(df.get("temp_max").between(20, 30).sum()).toBe(
      countWhere(n, (i) => (tempMax[i] as number) >= 20 && (tempMax[i] as number) <= 30),
    );
    expect(df.get("temp_max").between(20, 30, "neither").sum()).toBe(
      countWhere(n, (i) => (tempMax[i] as number) > 20 && (tempMax[i] as number) < 30),
    );
    // where: precipitation on rainy days, null elsewhere
    const rainy = df.get("precipitation").where(df.get("weather").eq("rain"));
    expect(rainy.nullCount).toBe(countWhere(n, (i) => weather[i] !== "rain"));
    expect(rainy.sum()).toBeCloseTo(naiveSum(precipitation.filter((_, i) => weather[i] === "rain")), 9);
    // where with another value: frost days read 0
    const aboveZero = df.get("temp_min").where(df.get("temp_min").ge(0), 0);
    expect(aboveZero.toArray()).toEqual(tempMin.map((t) => Math.max(t, 0)));
    // mask: dry days become null, so count() is the number of wet days
    const wet = df.get("precipitation").mask(df.get("precipitation").eq(0));
    expect(wet.count()).toBe(countWhere(n, (i) => (precipitation[i] as number) > 0));
    // labels travel with the values: masks built on the date-indexed frame align by date
    const hot = byDate.get("temp_max").mask(byDate.get("temp_max").lt(30));
    expect(hot.dropNull().index.toColumn().toArray()).toEqual(
      date.filter((_, i) => (tempMax[i] as number) >= 30),
    );
  });

  it("assign(col(...)), filter and sortValues give the widest daily ranges and the wettest rainy days", () => {
    const r = df.assign({ range: col("temp_max").sub(col("temp_min")) });
    const ranges = tempMax.map((t, i) => t - (tempMin[i] as number));
    expect(r.get("range").toArray()).toEqual(ranges);
    expect(r.get("range").min()).toBe(Math.min(...ranges));
    expect(r.get("range").min() as number).toBeGreaterThanOrEqual(0);
    // the three wettest rain days, by a stable descending sort in plain JS
    const wettest = r
      .filter(r.get("weather").eq("rain"))
      .sortValues("precipitation", { ascending: false })
      .head(3);
    const ref = date
      .map((_, i) => i)
      .filter((i) => weather[i] === "rain")
      .sort((i, j) => (precipitation[j] as number) - (precipitation[i] as number) || i - j)
      .slice(0, 3);
    expect(wettest.get("date").toArray()).toEqual(ref.map((i) => date[i]));
    expect(wettest.get("precipitation").toArray()).toEqual(ref.map((i) => precipitation[i]));
    // date-indexed Series arithmetic aligns on equal labels, row by row
    const spread = byDate.get("temp_max").sub(byDate.get("temp_min"));
    expect(spread.toArray()).toEqual(ranges);
    expect(spread.at("2012-01-01")).toBeCloseTo(12.8 - 5.0, 12); // first line of the file
    expect(new Series(wind).max()).toBe(Math.max(...wind));
  });
});

/**
 * Evidence on real data: the Palmer penguins of vega-datasets (penguins.json,
 * 344 rows, nulls in the measurements and in "Sex").
 *
 * Expected values come from two references, never from the code under test:
 * - published summaries of the data set (palmerpenguins, Horst, Hill & Gorman
 *   2020: `summary(penguins)` and the per-species means of its README);
 * - naive plain-JS computations over the raw JSON records, written below.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { KeyError } from "../../src/core/errors.js";
import { col } from "../../src/core/expr/expr.js";
import { DataFrame } from "../../src/frame/frame.js";

const require = createRequire(import.meta.url);
// vega-datasets exports only its JS entry (build/index.js); the data folder sits beside build/.
const dataDir = join(dirname(require.resolve("vega-datasets")), "..", "data");
type Row = Record<string, string | number | null>;
const raw = JSON.parse(readFileSync(join(dataDir, "penguins.json"), "utf8")) as Row[];

const SPECIES = "Species";
const ISLAND = "Island";
const BEAK_L = "Beak Length (mm)";
const BEAK_D = "Beak Depth (mm)";
const FLIPPER = "Flipper Length (mm)";
const MASS = "Body Mass (g)";
const SEX = "Sex";
const NAMES = [SPECIES, ISLAND, BEAK_L, BEAK_D, FLIPPER, MASS, SEX];
const MEASUREMENTS = [BEAK_L, BEAK_D, FLIPPER, MASS];

const df = DataFrame.fromRecords(raw);
// the default index holds int64 labels (bigint, as pandas' RangeIndex is int64): compared as numbers
const labels = (x: { index: { toColumn(): { toArray(): unknown[] } } }) =>
  x.index
    .toColumn()
    .toArray()
    .map((v) => (typeof v === "bigint" ? Number(v) : v));

// ----------------------------------------------------------------- naive references
const values = (name: string): (string | number | null)[] => raw.map((r) => r[name] ?? null);
const numbers = (name: string): number[] => values(name).filter((v): v is number => typeof v === "number");
function naiveMin(xs: number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}
function naiveMax(xs: number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  return m;
}
function naiveSum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
const naiveMean = (xs: number[]): number => naiveSum(xs) / xs.length;
function naiveStd(xs: number[]): number {
  const m = naiveMean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}
/** Positions 0..n-1 where `keep(row)` holds. */
const positionsWhere = (keep: (r: Row) => boolean): number[] => raw.flatMap((r, i) => (keep(r) ? [i] : []));
/** A comparison as pandas sorts: nulls last whatever the direction. */
function compareNullsLast(a: string | number | null, b: string | number | null, descending: boolean): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -c : c;
}

describe("penguins.json (vega-datasets) as a DataFrame", () => {
  it("DataFrame.fromRecords(rows) keeps 344 rows, the field order and the inferred dtypes", () => {
    expect(raw.length).toBe(344); // published: 344 penguins
    expect(df.shape).toEqual([344, 7]);
    expect(df.columns).toEqual(NAMES);
    const kinds = Object.fromEntries(NAMES.map((n) => [n, df.dtypes[n]?.kind]));
    expect(kinds).toEqual({
      [SPECIES]: "utf8",
      [ISLAND]: "utf8",
      [BEAK_L]: "float64",
      [BEAK_D]: "float64",
      [FLIPPER]: "float64",
      [MASS]: "float64",
      [SEX]: "utf8",
    });
  });

  it("toRecords() gives back the raw JSON records, nulls and key names included", () => {
    expect(df.toRecords()).toEqual(raw);
  });

  it("valueCounts() on Species and Island gives the published counts", () => {
    // palmerpenguins summary(): Adelie 152, Chinstrap 68, Gentoo 124; Biscoe 168, Dream 124, Torgersen 52
    const sp = df.get(SPECIES).valueCounts();
    expect(labels(sp)).toEqual(["Adelie", "Gentoo", "Chinstrap"]);
    expect(sp.toArray().map(Number)).toEqual([152, 124, 68]);
    const isl = df.get(ISLAND).valueCounts();
    expect(labels(isl)).toEqual(["Biscoe", "Dream", "Torgersen"]);
    expect(isl.toArray().map(Number)).toEqual([168, 124, 52]);
  });

  it("valueCounts({ dropna: false }) on Sex counts the nulls and the stray '.' of the raw data", () => {
    // published: female 165, male 168, NA 11 — palmerpenguins turns the raw "." into NA;
    // here the 11 are 10 nulls and one "." string.
    const vc = df.get(SEX).valueCounts({ dropna: false });
    const got = new Map(labels(vc).map((k, i) => [k, Number(vc.get(i))]));
    expect(got).toEqual(
      new Map<unknown, number>([
        ["MALE", 168],
        ["FEMALE", 165],
        [null, 10],
        [".", 1],
      ]),
    );
    // and against a plain loop over the records
    const loop = new Map<unknown, number>();
    for (const r of raw) loop.set(r[SEX] ?? null, (loop.get(r[SEX] ?? null) ?? 0) + 1);
    expect(got).toEqual(loop);
  });

  it("nullCount and count() per column match a plain loop over the records", () => {
    for (const n of NAMES) {
      let nulls = 0;
      for (const r of raw) if (r[n] === null || r[n] === undefined) nulls++;
      expect(df.get(n).nullCount, n).toBe(nulls);
      expect(df.get(n).count(), n).toBe(344 - nulls);
    }
    // published: 2 NA in each measurement (the same two birds)
    for (const n of MEASUREMENTS) expect(df.get(n).nullCount, n).toBe(2);
    expect(df.get(SEX).nullCount).toBe(10);
  });

  it("mean() of Body Mass is the published 4201.754 g over 342 birds", () => {
    const mass = df.get(MASS);
    expect(mass.count()).toBe(342);
    // the masses are whole grams summing to 1,437,000: 1437000 / 342 = 4201.754385964912...
    expect(mass.sum()).toBe(1437000);
    expect(mass.mean()).toBeCloseTo(4201.754386, 6);
    expect(mass.mean()).toBeCloseTo(naiveMean(numbers(MASS)), 9);
    // published sd: 801.9545
    expect(mass.std()).toBeCloseTo(801.9545, 4);
    expect(mass.std()).toBeCloseTo(naiveStd(numbers(MASS)), 8);
  });

  it("min/max/mean/std of every measurement match plain JS and the published summary", () => {
    // palmerpenguins summary(): bill length 32.1–59.6 (mean 43.92), bill depth 13.1–21.5 (17.15),
    // flipper 172–231 (200.9), body mass 2700–6300 (4202); the means are printed to 4 significant
    // digits, so each is checked to half a unit of its last digit
    const published: Record<string, [number, number, number, number]> = {
      [BEAK_L]: [32.1, 59.6, 43.92, 0.005],
      [BEAK_D]: [13.1, 21.5, 17.15, 0.005],
      [FLIPPER]: [172, 231, 200.9, 0.05],
      [MASS]: [2700, 6300, 4202, 0.5],
    };
    for (const n of MEASUREMENTS) {
      const s = df.get(n);
      const xs = numbers(n);
      expect(s.min(), n).toBe(naiveMin(xs));
      expect(s.max(), n).toBe(naiveMax(xs));
      expect(s.mean(), n).toBeCloseTo(naiveMean(xs), 9);
      expect(s.std(), n).toBeCloseTo(naiveStd(xs), 9);
      const [lo, hi, mean, tol] = published[n] as [number, number, number, number];
      expect([s.min(), s.max()], n).toEqual([lo, hi]);
      expect(Math.abs((s.mean() as number) - mean), n).toBeLessThanOrEqual(tol);
    }
  });

  it("describe() of Body Mass gives the published quartiles 3550 / 4050 / 4750", () => {
    const d = df.get(MASS).describe();
    expect(labels(d)).toEqual(["count", "mean", "std", "min", "25%", "50%", "75%", "max"]);
    const v = d.toArray() as number[];
    expect(v[0]).toBe(342);
    expect(v[1]).toBeCloseTo(4201.754386, 6);
    expect(v[2]).toBeCloseTo(801.9545, 4);
    expect(v.slice(3)).toEqual([2700, 3550, 4050, 4750, 6300]);
    // flipper: 1st Qu. 190, median 197, 3rd Qu. 213; bill length: 39.225, 44.45, 48.5
    expect((df.get(FLIPPER).describe().toArray() as number[]).slice(4, 7)).toEqual([190, 197, 213]);
    const bill = (df.get(BEAK_L).describe().toArray() as number[]).slice(4, 7);
    expect(bill[0]).toBeCloseTo(39.225, 9);
    expect(bill[1]).toBeCloseTo(44.45, 9);
    expect(bill[2]).toBeCloseTo(48.5, 9);
  });

  it("describe() of Sex gives pandas' count / unique / top / freq, checked by a plain count", () => {
    const d = df.get(SEX).describe();
    expect(labels(d)).toEqual(["count", "unique", "top", "freq"]);
    const seen = new Map<string, number>();
    for (const r of raw) if (typeof r[SEX] === "string") seen.set(r[SEX], (seen.get(r[SEX]) ?? 0) + 1);
    const top = [...seen.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
    // a non-numeric describe() is one utf8 column, so the numbers come as their text
    expect(d.toArray()).toEqual([
      String(naiveSum([...seen.values()])),
      String(seen.size),
      top[0],
      String(top[1]),
    ]);
    expect(top).toEqual(["MALE", 168]); // published: 168 males
  });

  it("filter(species.eq(x)) then mean() gives the published per-species mean masses", () => {
    // palmerpenguins README: Adelie 3700.662, Chinstrap 3733.088, Gentoo 5076.016 (na.rm)
    const published: Record<string, number> = { Adelie: 3700.662, Chinstrap: 3733.088, Gentoo: 5076.016 };
    for (const [sp, m] of Object.entries(published)) {
      const sub = df.filter(df.get(SPECIES).eq(sp));
      expect(sub.length, sp).toBe(raw.filter((r) => r[SPECIES] === sp).length);
      const mean = sub.get(MASS).mean() as number;
      expect(Math.abs(mean - m), sp).toBeLessThan(0.0006);
      expect(mean, sp).toBeCloseTo(
        naiveMean(raw.filter((r) => r[SPECIES] === sp && r[MASS] !== null).map((r) => r[MASS] as number)),
        9,
      );
    }
  });

  it("filter(a.and(b)) keeps heavy Gentoos, drops the null-mass Gentoo, and keeps the row labels", () => {
    const heavy = df.filter(df.get(SPECIES).eq("Gentoo").and(df.get(MASS).gt(5000)));
    const ref = positionsWhere(
      (r) => r[SPECIES] === "Gentoo" && r[MASS] !== null && (r[MASS] as number) > 5000,
    );
    expect(heavy.length).toBe(ref.length);
    expect(labels(heavy)).toEqual(ref);
    expect(heavy.get(MASS).toArray()).toEqual(ref.map((i) => raw[i]?.[MASS]));
    // a function of the frame works the same
    expect(labels(df.filter((f) => f.get(FLIPPER).ge(220)))).toEqual(
      positionsWhere((r) => r[FLIPPER] !== null && (r[FLIPPER] as number) >= 220),
    );
  });

  it("sortValues([Species, Body Mass], { ascending: [true, false] }) matches a stable plain-JS sort, nulls last", () => {
    const sorted = df.sortValues([SPECIES, MASS], { ascending: [true, false] });
    const ref = raw
      .map((_, i) => i)
      .sort(
        (i, j) =>
          compareNullsLast(raw[i]?.[SPECIES] ?? null, raw[j]?.[SPECIES] ?? null, false) ||
          compareNullsLast(raw[i]?.[MASS] ?? null, raw[j]?.[MASS] ?? null, true) ||
          i - j,
      );
    expect(labels(sorted)).toEqual(ref);
    expect(sorted.get(MASS).toArray()).toEqual(ref.map((i) => raw[i]?.[MASS]));
    // within Adelie the heaviest comes first, and the Adelie with no mass is the last Adelie
    expect(sorted.get(MASS).get(0)).toBe(
      naiveMax(
        raw
          .filter((r) => r[SPECIES] === "Adelie")
          .map((r) => r[MASS] as number)
          .filter((x) => x !== null),
      ),
    );
    expect(sorted.get(MASS).get(151)).toBe(null);
  });

  it("sortValues(Flipper, { naPosition: 'first' }) puts the two nulls on top", () => {
    const s = df.sortValues(FLIPPER, { naPosition: "first" });
    const ref = raw
      .map((_, i) => i)
      .sort((i, j) => {
        const a = raw[i]?.[FLIPPER] ?? null;
        const b = raw[j]?.[FLIPPER] ?? null;
        if (a === null || b === null) return (a === null ? -1 : 0) - (b === null ? -1 : 0) || i - j;
        return (a as number) - (b as number) || i - j;
      });
    expect(labels(s)).toEqual(ref);
    expect(s.get(FLIPPER).toArray().slice(0, 3)).toEqual([null, null, 172]);
  });

  it("sortValues(Sex, { ascending: false }) orders strings by code point, nulls still last", () => {
    const s = df.sortValues(SEX, { ascending: false });
    const ref = raw
      .map((_, i) => i)
      .sort((i, j) => compareNullsLast(raw[i]?.[SEX] ?? null, raw[j]?.[SEX] ?? null, true) || i - j);
    expect(labels(s)).toEqual(ref);
    expect(s.get(SEX).toArray().slice(-11)).toEqual([".", ...new Array(10).fill(null)]);
  });

  it("dropNull() with how / subset / thresh counts rows as a plain loop does", () => {
    const nonNull = (r: Row) => NAMES.filter((n) => r[n] !== null && r[n] !== undefined).length;
    expect(labels(df.dropNull())).toEqual(positionsWhere((r) => nonNull(r) === 7));
    expect(df.dropNull().length).toBe(334); // 344 − 10 birds with a null; palmerpenguins' 333 also drops the "."
    expect(df.dropNull({ subset: [MASS] }).length).toBe(342);
    expect(df.dropNull({ subset: MEASUREMENTS, how: "all" }).length).toBe(342);
    expect(labels(df.dropNull({ thresh: 6 }))).toEqual(positionsWhere((r) => nonNull(r) >= 6));
    expect(df.dropNull({ subset: [SEX] }).get(SEX).nullCount).toBe(0);
  });

  it("fillNull(scalar / per column / forward) fills what a plain loop fills", () => {
    // a number fills the numeric columns and leaves the string column alone (as pandas)
    const zero = df.fillNull(0);
    for (const n of MEASUREMENTS) expect(zero.get(n).toArray(), n).toEqual(values(n).map((v) => v ?? 0));
    expect(zero.get(SEX).nullCount).toBe(10);
    // per column
    const sex = df.fillNull({ [SEX]: "unknown" }).get(SEX);
    expect(sex.toArray()).toEqual(values(SEX).map((v) => v ?? "unknown"));
    expect(sex.nullCount).toBe(0);
    expect(df.fillNull({ [SEX]: "unknown" }).get(MASS).column).toBe(df.get(MASS).column); // untouched: shared
    // forward fill: each null takes the last value above it
    const ffilled = df.fillNull({ method: "forward" }).get(MASS).toArray();
    const ref: (string | number | null)[] = [];
    let last: string | number | null = null;
    for (const v of values(MASS)) {
      if (v !== null) last = v;
      ref.push(last);
    }
    expect(ffilled).toEqual(ref);
    expect(ffilled.includes(null)).toBe(false);
    // limit: only the first null of each column is filled
    const once = df.fillNull(0, { limit: 1 });
    for (const n of MEASUREMENTS) {
      const first = values(n).indexOf(null);
      expect(once.get(n).nullCount, n).toBe(1);
      expect(once.get(n).get(first), n).toBe(0);
    }
  });

  it("dropDuplicates({ subset: [Species, Island], keep }) keeps the first / last of the 5 pairs", () => {
    const firstSeen = new Map<string, number>();
    const lastSeen = new Map<string, number>();
    raw.forEach((r, i) => {
      const k = `${r[SPECIES]}|${r[ISLAND]}`;
      if (!firstSeen.has(k)) firstSeen.set(k, i);
      lastSeen.set(k, i);
    });
    const first = df.dropDuplicates({ subset: [SPECIES, ISLAND] });
    expect(first.length).toBe(5); // published: Adelie on all three islands, Gentoo on Biscoe, Chinstrap on Dream
    expect(labels(first)).toEqual([...firstSeen.values()]);
    // the file lists Adelie (rows 0–151), then Chinstrap (152–219), then Gentoo (220–343)
    expect(first.get(SPECIES).toArray()).toEqual(["Adelie", "Adelie", "Adelie", "Chinstrap", "Gentoo"]);
    expect(first.get(ISLAND).toArray()).toEqual(["Torgersen", "Biscoe", "Dream", "Dream", "Biscoe"]);
    const last = df.dropDuplicates({ subset: [SPECIES, ISLAND], keep: "last" });
    expect(labels(last)).toEqual([...lastSeen.values()].sort((a, b) => a - b));
    // no whole row repeats another (checked on the JSON text of each row)
    const distinctRows = new Set(raw.map((r) => JSON.stringify(NAMES.map((n) => r[n] ?? null)))).size;
    expect(df.dropDuplicates().length).toBe(distinctRows);
    expect(df.duplicated().sum()).toBe(344 - distinctRows);
  });

  it("nlargest / nsmallest on Body Mass give the labels of a plain-JS ranking (ties: first)", () => {
    const order = raw
      .map((_, i) => i)
      .filter((i) => raw[i]?.[MASS] !== null)
      .sort((i, j) => (raw[j]?.[MASS] as number) - (raw[i]?.[MASS] as number) || i - j);
    const top = df.get(MASS).nlargest(5);
    expect(labels(top)).toEqual(order.slice(0, 5));
    expect(top.toArray()).toEqual(order.slice(0, 5).map((i) => raw[i]?.[MASS]));
    expect(top.get(0)).toBe(6300); // published max
    // keep "all" also returns every bird tied with the 5th
    const fifth = raw[order[4] as number]?.[MASS];
    const withTies = order.filter((i, k) => k < 5 || raw[i]?.[MASS] === fifth);
    expect(labels(df.get(MASS).nlargest(5, "all"))).toEqual(withTies);
    // keep "last": among tied values the later rows win
    const byLast = raw
      .map((_, i) => i)
      .filter((i) => raw[i]?.[MASS] !== null)
      .sort((i, j) => (raw[j]?.[MASS] as number) - (raw[i]?.[MASS] as number) || j - i);
    expect(labels(df.get(MASS).nlargest(4, "last"))).toEqual(byLast.slice(0, 4));
    const smallest = raw
      .map((_, i) => i)
      .filter((i) => raw[i]?.[MASS] !== null)
      .sort((i, j) => (raw[i]?.[MASS] as number) - (raw[j]?.[MASS] as number) || i - j);
    expect(df.get(MASS).nsmallest(3).toArray()).toEqual(smallest.slice(0, 3).map((i) => raw[i]?.[MASS]));
    // the same rows through the frame: sort descending, then head
    const viaSort = df.sortValues(MASS, { ascending: false }).head(5);
    expect(labels(viaSort)).toEqual(order.slice(0, 5));
    expect(viaSort.get(SPECIES).toArray()).toEqual(order.slice(0, 5).map((i) => raw[i]?.[SPECIES]));
  });

  it("assign(col(...)) and Series arithmetic on names with spaces propagate nulls as plain JS does", () => {
    const r = df.assign({
      "Body Mass (kg)": col(MASS).div(1000),
      "Beak Ratio": col(BEAK_L).div(col(BEAK_D)),
      "Beak Area (mm²)": (f) => f.get(BEAK_L).mul(f.get(BEAK_D)),
    });
    expect(r.columns).toEqual([...NAMES, "Body Mass (kg)", "Beak Ratio", "Beak Area (mm²)"]);
    const L = values(BEAK_L);
    const D = values(BEAK_D);
    const M = values(MASS);
    expect(r.get("Body Mass (kg)").toArray()).toEqual(
      M.map((m) => (m === null ? null : (m as number) / 1000)),
    );
    expect(r.get("Beak Ratio").toArray()).toEqual(
      L.map((l, i) => (l === null || D[i] === null ? null : (l as number) / (D[i] as number))),
    );
    expect(r.get("Beak Area (mm²)").toArray()).toEqual(
      L.map((l, i) => (l === null || D[i] === null ? null : (l as number) * (D[i] as number))),
    );
    expect(r.get("Body Mass (kg)").mean()).toBeCloseTo(4.201754386, 9);
    // Series arithmetic with the default index lines up by position
    const diff = df.get(FLIPPER).sub(df.get(BEAK_L));
    expect(diff.toArray()).toEqual(
      values(FLIPPER).map((f, i) => (f === null || L[i] === null ? null : (f as number) - (L[i] as number))),
    );
  });

  it("column names with spaces and parentheses work in get / select / rename / drop, and a typo lists them", () => {
    expect(df.get(MASS).name).toBe(MASS);
    expect(df.select(MASS, SPECIES).columns).toEqual([MASS, SPECIES]);
    expect(df.rename({ [MASS]: "mass" }).columns).toEqual([
      SPECIES,
      ISLAND,
      BEAK_L,
      BEAK_D,
      FLIPPER,
      "mass",
      SEX,
    ]);
    expect(df.drop(BEAK_L, BEAK_D).columns).toEqual([SPECIES, ISLAND, FLIPPER, MASS, SEX]);
    expect(df.has("Body Mass (g)")).toBe(true);
    expect(() => df.get("Body Mass")).toThrow(KeyError);
    expect(() => df.get("Body Mass")).toThrow(/Body Mass \(g\)/);
    expect(() => df.select("Flipper Length", SPECIES)).toThrow(/Flipper Length \(mm\)/);
    expect(() => df.assign({ x: col("Body Mass").add(1) })).toThrow(KeyError);
    expect(df.select(MASS).toRecords()[0]).toEqual({ [MASS]: 3750 });
  });

  it("setIndex / idxmax find the heaviest bird's species; head().toString() shows names and nulls", () => {
    const byRow = df.assign({ id: raw.map((_, i) => `p${i}`) }).setIndex("id");
    const i = raw.findIndex((r) => r[MASS] === naiveMax(numbers(MASS)));
    expect(byRow.get(MASS).idxmax()).toBe(`p${i}`);
    expect(byRow.get(SPECIES).at(`p${i}`)).toBe("Gentoo");
    const text = df.head().toString();
    for (const n of NAMES) expect(text).toContain(n);
    expect(text).toContain("<NA>"); // row 3 of the raw data has no measurements
    expect(text.split("\n").length).toBeGreaterThanOrEqual(6);
  });
});

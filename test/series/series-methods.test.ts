import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { Series } from "../../src/series/series.js";

const labels = (s: Series) => s.index.toColumn().toArray();
const NaN_ = Number.NaN;

// pandas' Series.nlargest / nsmallest documentation example
const population = new Series(
  [59000000, 65000000, 434000, 434000, 434000, 337000, 11300, 11300, 11300, 5200],
  {
    index: [
      "Italy",
      "France",
      "Malta",
      "Maldives",
      "Brunei",
      "Iceland",
      "Nauru",
      "Tuvalu",
      "Anguilla",
      "Montserrat",
    ],
  },
);

describe("Series methods, with pandas' documented answers", () => {
  it("nlargest(n, keep) as pandas' docs", () => {
    expect(labels(population.nlargest())).toEqual(["France", "Italy", "Malta", "Maldives", "Brunei"]);
    expect(labels(population.nlargest(3))).toEqual(["France", "Italy", "Malta"]);
    expect(labels(population.nlargest(3, "last"))).toEqual(["France", "Italy", "Brunei"]);
    expect(labels(population.nlargest(3, "all"))).toEqual(["France", "Italy", "Malta", "Maldives", "Brunei"]);
  });

  it("nsmallest(n, keep) as pandas' docs", () => {
    expect(labels(population.nsmallest())).toEqual(["Montserrat", "Nauru", "Tuvalu", "Anguilla", "Iceland"]);
    expect(labels(population.nsmallest(3))).toEqual(["Montserrat", "Nauru", "Tuvalu"]);
    expect(labels(population.nsmallest(3, "last"))).toEqual(["Montserrat", "Anguilla", "Tuvalu"]);
    expect(labels(population.nsmallest(3, "all"))).toEqual(["Montserrat", "Nauru", "Tuvalu", "Anguilla"]);
    expect(new Series([null, NaN_, 2]).nsmallest(5).toArray()).toEqual([2]);
    expect(() => population.nsmallest(2, "middle" as never)).toThrow(OptionError);
  });

  it("sortValues as pandas' docs: s = [nan, 1, 3, 10, 5]", () => {
    const s = new Series([NaN_, 1, 3, 10, 5]);
    const a = s.sortValues();
    expect(a.toArray()).toEqual([1, 3, 5, 10, NaN_]);
    expect(labels(a)).toEqual([1n, 2n, 4n, 3n, 0n]);
    expect(labels(s.sortValues({ ascending: false }))).toEqual([3n, 4n, 2n, 1n, 0n]);
    expect(labels(s.sortValues({ naPosition: "first" }))).toEqual([0n, 1n, 2n, 4n, 3n]);
    expect(() => s.sortValues({ asc: true } as never)).toThrow(/unknown option for sortValues: "asc"/);
  });

  it("sortIndex orders by label", () => {
    const s = new Series([1, 2, 3], { index: ["c", "a", "b"] }).sortIndex();
    expect(s.toArray()).toEqual([2, 3, 1]);
    expect(labels(s)).toEqual(["a", "b", "c"]);
  });

  it("valueCounts as pandas' docs: [3, 1, 2, 3, 4, nan]", () => {
    const s = new Series([3, 1, 2, 3, 4, null]);
    const vc = s.valueCounts();
    expect(labels(vc)).toEqual([3, 1, 2, 4]);
    expect(vc.toArray()).toEqual([2n, 1n, 1n, 1n]);
    const p = s.valueCounts({ normalize: true });
    expect(p.toArray()).toEqual([0.4, 0.2, 0.2, 0.2]);
    expect(p.name).toBe("proportion");
  });

  it("describe() as pandas' docs, numeric and categorical", () => {
    const d = new Series([1, 2, 3]).describe();
    expect(labels(d)).toEqual(["count", "mean", "std", "min", "25%", "50%", "75%", "max"]);
    expect(d.toArray()).toEqual([3, 2, 1, 1, 1.5, 2, 2.5, 3]);
    const c = new Series(["a", "a", "b", "c"]).describe();
    expect(labels(c)).toEqual(["count", "unique", "top", "freq"]);
    expect(c.toArray()).toEqual(["4", "3", "a", "2"]);
    expect(labels(new Series([1, 2]).describe({ percentiles: [0.1] }))).toEqual([
      "count",
      "mean",
      "std",
      "min",
      "10%",
      "50%",
      "max",
    ]);
  });

  it("where / mask as pandas' docs: s = range(5)", () => {
    const s = new Series([0, 1, 2, 3, 4], { dtype: "int64" });
    expect(s.where(s.gt(0)).toArray()).toEqual([null, 1n, 2n, 3n, 4n]);
    expect(s.mask(s.gt(0)).toArray()).toEqual([0n, null, null, null, null]);
    expect(s.where(s.gt(1), 10).toArray()).toEqual([10n, 10n, 2n, 3n, 4n]);
    expect(s.mask(s.gt(1), 10).toArray()).toEqual([0n, 1n, 10n, 10n, 10n]);
    // a value that does not fit the dtype promotes, as pandas upcasts
    expect(s.where(s.gt(3), 0.5).toArray()).toEqual([0.5, 0.5, 0.5, 0.5, 4]);
    // a null condition counts as false
    const c = new Series([true, null, false], { dtype: "bool" }) as Series<never>;
    expect(new Series([1, 2, 3]).where(c, 0).toArray()).toEqual([1, 0, 0]);
    expect(new Series([1, 2, 3]).mask(c, 0).toArray()).toEqual([0, 2, 3]);
  });

  it("between as pandas' docs: [2, 0, 4, 8, nan].between(1, 4)", () => {
    const s = new Series([2, 0, 4, 8, NaN_]);
    expect(s.between(1, 4).toArray()).toEqual([true, false, true, false, false]);
    expect(s.between(1, 4, "neither").toArray()).toEqual([true, false, false, false, false]);
    expect(s.between(2, 4, "left").toArray()).toEqual([true, false, false, false, false]);
  });

  it("map as pandas' docs: cat/dog/nan/rabbit", () => {
    const s = new Series(["cat", "dog", null, "rabbit"]);
    expect(s.map({ cat: "kitten", dog: "puppy" }).toArray()).toEqual(["kitten", "puppy", null, null]);
    expect(s.map(new Map([["rabbit", 1]])).toArray()).toEqual([null, null, null, 1]);
    expect(() => s.map(((v: string) => v) as never)).toThrow(/use apply/);
  });

  it("interpolate as pandas' docs: [0, 1, nan, 3]; by index labels", () => {
    expect(new Series([0, 1, null, 3]).interpolate().toArray()).toEqual([0, 1, 2, 3]);
    const s = new Series([0, null, 100], { index: [0, 9, 10] });
    expect(s.interpolate({ method: "index" }).toArray()).toEqual([0, 90, 100]);
    expect(s.interpolate().toArray()).toEqual([0, 50, 100]);
  });

  it("cumsum / cummax skip nulls as pandas' docs: [2, nan, 5, -1, 0]", () => {
    const s = new Series([2, null, 5, -1, 0]);
    expect(s.cumsum().toArray()).toEqual([2, null, 7, 6, 6]);
    expect(s.cummax().toArray()).toEqual([2, null, 5, 5, 5]);
    expect(s.cummin().toArray()).toEqual([2, null, 2, -1, -1]);
  });

  it("pctChange as pandas' docs: [90, 91, 85]", () => {
    const p = new Series([90, 91, 85]).pctChange().toArray();
    expect(p[0]).toBe(null);
    expect(p[1]).toBeCloseTo(1 / 90, 15);
    expect(p[2]).toBeCloseTo(-6 / 91, 15);
    expect(new Series([1, 4, 9]).diff().toArray()).toEqual([null, 3, 5]);
  });

  it("dropDuplicates / duplicated / isin as pandas' docs: llama, cow, llama, beetle, llama, hippo", () => {
    const s = new Series(["llama", "cow", "llama", "beetle", "llama", "hippo"]);
    expect(labels(s.dropDuplicates())).toEqual([0n, 1n, 3n, 5n]);
    expect(labels(s.dropDuplicates("last"))).toEqual([1n, 3n, 4n, 5n]);
    expect(s.dropDuplicates(false).toArray()).toEqual(["cow", "beetle", "hippo"]);
    expect(s.duplicated().toArray()).toEqual([false, false, true, false, true, false]);
    expect(s.isin(["cow", "llama"]).toArray()).toEqual([true, true, true, false, true, false]);
  });

  it("unique / nunique / mode", () => {
    expect(new Series([2, 1, 3, 3]).unique().toArray()).toEqual([2, 1, 3]);
    expect(new Series([2, 1, null, 3, 3]).nunique()).toBe(3);
    expect(new Series([1, 2, 2, 3, 3]).mode().toArray()).toEqual([2, 3]);
  });

  it("round halves to even as NumPy; clip, abs, sqrt", () => {
    expect(new Series([0.5, 1.5, 2.5, -0.5]).round().toArray()).toEqual([0, 2, 2, -0]);
    expect(new Series([1.234, 5.678]).round(1).toArray()).toEqual([1.2, 5.7]);
    expect(new Series([-3, 1, 8]).clip(-2, 5).toArray()).toEqual([-2, 1, 5]);
    expect(new Series([-3, 4]).abs().toArray()).toEqual([3, 4]);
    expect(new Series([4, 9], { dtype: "int32" }).sqrt().toArray()).toEqual([2, 3]);
  });

  it("rank as pandas: average ties, min, dense", () => {
    const s = new Series([7, 3, 7, null, 1]);
    expect(s.rank().toArray()).toEqual([3.5, 2, 3.5, null, 1]);
    expect(s.rank({ method: "min" }).toArray()).toEqual([3, 2, 3, null, 1]);
    expect(s.rank({ method: "dense" }).toArray()).toEqual([3, 2, 3, null, 1]);
  });

  it("sample is reproducible by seed, distinct without replacement, honours zero weights", () => {
    const s = new Series(Int32Array.from({ length: 50 }, (_, i) => i));
    const a = s.sample({ n: 10, seed: 3 }).toArray();
    expect(s.sample({ n: 10, seed: 3 }).toArray()).toEqual(a);
    expect(s.sample({ n: 10, seed: 4 }).toArray()).not.toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect(s.sample({ frac: 0.2, seed: 1 }).length).toBe(10);
    const w = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const even = s.sample({ n: 25, weights: w, seed: 9 }).toArray() as number[];
    expect(even.every((v) => v % 2 === 0)).toBe(true);
    expect(new Set(even).size).toBe(25);
    expect(s.sample({ n: 100, replace: true, seed: 2 }).length).toBe(100);
    expect(() => s.sample({ n: 51 })).toThrow(/without replacement/);
    expect(() => s.sample({ n: 26, weights: w })).toThrow(/only 25 have a positive weight/);
    expect(() => s.sample({ n: 1, frac: 0.5 })).toThrow(/n or frac/);
  });

  it("apply calls back per value; shift keeps labels", () => {
    expect(
      new Series(["a", "bb", null]).apply((v) => (v === null ? null : (v as string).length)).toArray(),
    ).toEqual([1, 2, null]);
    const s = new Series([1, 2, 3], { index: ["x", "y", "z"] }).shift(1);
    expect(s.toArray()).toEqual([null, 1, 2]);
    expect(labels(s)).toEqual(["x", "y", "z"]);
  });
});

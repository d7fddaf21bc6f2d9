import { expect, describe as group, it } from "vitest";
import { OptionError, ShapeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import { describe } from "../../src/frame/verbs/describe.js";

const rows = (df: DataFrame) => df.index.toColumn().toArray();
const NUM_ROWS = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

// pandas' DataFrame.describe example
const pandasFrame = () =>
  new DataFrame({
    categorical: column(["d", "e", "f"], "category"),
    numeric: [1, 2, 3],
    object: ["a", "b", "c"],
  });

group("describe(df)", () => {
  it("describe(df) describes only the numeric columns by default (pandas' example)", () => {
    const d = describe(pandasFrame());
    expect(d.columns).toEqual(["numeric"]);
    expect(rows(d)).toEqual(NUM_ROWS);
    expect(d.get("numeric").dtype.kind).toBe("float64");
    // pandas: 3.0, 2.0, 1.0, 1.0, 1.5, 2.0, 2.5, 3.0
    expect(d.get("numeric").toArray()).toEqual([3, 2, 1, 1, 1.5, 2, 2.5, 3]);
  });

  it("describe(df, {include: 'all'}) gives pandas' union layout, nulls where a statistic does not apply", () => {
    const d = describe(pandasFrame(), { include: "all" });
    expect(d.columns).toEqual(["categorical", "numeric", "object"]);
    expect(rows(d)).toEqual(["count", "unique", "top", "freq", ...NUM_ROWS.slice(1)]);
    const blank = new Array(7).fill(null);
    // pandas prints top "f" for the categorical (any of the tied values); we take the first seen
    expect(d.get("categorical").toArray()).toEqual(["3", "3", "d", "1", ...blank]);
    expect(d.get("categorical").dtype.kind).toBe("utf8");
    expect(d.get("numeric").toArray()).toEqual([3, null, null, null, 2, 1, 1, 1.5, 2, 2.5, 3]);
    expect(d.get("object").toArray()).toEqual(["3", "3", "a", "1", ...blank]);
  });

  it("describe(df) describes every column when none is numeric; bool is not numeric (as pandas)", () => {
    const df = new DataFrame({ s: ["x", "y", "x", null], b: [true, false, true, true] });
    const d = describe(df);
    expect(d.columns).toEqual(["s", "b"]);
    expect(rows(d)).toEqual(["count", "unique", "top", "freq"]);
    expect(d.get("s").toArray()).toEqual(["3", "2", "x", "2"]);
    expect(d.get("b").toArray()).toEqual(["4", "2", "true", "3"]);
    const mixed = new DataFrame({ n: [1, 2], b: [true, false] });
    expect(describe(mixed).columns).toEqual(["n"]);
  });

  it("describe(df) leaves nulls and NaN out of every statistic (hand computation)", () => {
    const df = new DataFrame({ a: [1, null, 3, Number.NaN], i: new Int32Array([4, 1, 3, 2]) });
    const d = describe(df);
    // a: values 1, 3 → count 2, mean 2, std √2, min 1, quartiles 1.5 / 2 / 2.5, max 3
    expect(d.get("a").toArray()).toEqual([2, 2, Math.SQRT2, 1, 1.5, 2, 2.5, 3]);
    // i: 1..4 → mean 2.5, std √(5/3), quartiles 1.75 / 2.5 / 3.25
    const i = d.get("i").toArray() as number[];
    expect(i[2]).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect([i[0], i[1], i[3], i[4], i[5], i[6], i[7]]).toEqual([4, 2.5, 1, 1.75, 2.5, 3.25, 4]);
  });

  it("describe(df) on an all-null numeric column: count 0, other statistics null", () => {
    const d = describe(new DataFrame({ a: column([null, null], "float64") }));
    expect(d.get("a").toArray()).toEqual([0, null, null, null, null, null, null, null]);
  });

  it("describe(df, {percentiles}) reports the given percentiles plus the median, sorted", () => {
    const d = describe(new DataFrame({ a: [1, 2, 3, 4, 5] }), { percentiles: [0.9, 0.1] });
    expect(rows(d)).toEqual(["count", "mean", "std", "min", "10%", "50%", "90%", "max"]);
    // linear interpolation, h = 4q: 10% → 1.4, 90% → 4.6
    const v = d.get("a").toArray() as number[];
    expect(v[4]).toBeCloseTo(1.4, 14);
    expect(v[5]).toBe(3);
    expect(v[6]).toBeCloseTo(4.6, 14);
  });

  it("describe(df) keeps labels and names that are data", () => {
    const df = new DataFrame(new Map([["__proto__", column([1, 2])]]), { index: ["x", "y"] });
    expect(describe(df).columns).toEqual(["__proto__"]);
  });

  it("describe(df, options) rejects bad options and frames without columns", () => {
    const df = new DataFrame({ a: [1] });
    expect(() => describe(df, { include: "some" as never })).toThrow(OptionError);
    expect(() => describe(df, { include: "some" as never })).toThrow(
      /invalid include: "some" \(expected one of all\)/,
    );
    expect(() => describe(df, { exclude: "x" } as never)).toThrow(/unknown option for describe: "exclude"/);
    expect(() => describe(df, { percentiles: [1.5] })).toThrow(/invalid percentile: 1.5/);
    expect(() => describe(new DataFrame({}))).toThrow(ShapeError);
  });
});

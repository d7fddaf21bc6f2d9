import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { CastError, DTypeError, OptionError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import * as R from "../../src/core/kernels/reduce.js";
import { DataFrame } from "../../src/frame/frame.js";
import { aggregate } from "../../src/frame/verbs/reduce.js";

const labels = (s: { index: { toColumn(): { toArray(): unknown[] } } }) => s.index.toColumn().toArray();

describe("aggregate(df, how) — pandas documentation examples", () => {
  it("aggregate(df, 'count') counts non-null values per column (pandas' DataFrame.count)", () => {
    const df = new DataFrame({
      Person: ["John", "Myla", "Lewis", "John", "Myla"],
      Age: [24, null, 21, 33, 26],
      Single: [false, true, true, true, false],
    });
    const s = aggregate(df, "count");
    expect(s.toArray()).toEqual([5n, 4n, 5n]);
    expect(s.dtype.kind).toBe("int64");
    expect(labels(s)).toEqual(["Person", "Age", "Single"]);
    expect(s.name).toBe(null);
    // pandas: df.count(numeric_only=True) → Age 4, Single 5
    const n = aggregate(df, "count", { numericOnly: true });
    expect(labels(n)).toEqual(["Age", "Single"]);
    expect(n.toArray()).toEqual([4n, 5n]);
  });

  it("aggregate(df, 'nunique') (pandas' DataFrame.nunique: A 3, B 2)", () => {
    const df = new DataFrame({ A: [4, 5, 6], B: [4, 1, 1] });
    expect(aggregate(df, "nunique").toArray()).toEqual([3n, 2n]);
    const g = new DataFrame({ a: ["x", null, "x"] });
    expect(aggregate(g, "nunique").toArray()).toEqual([1n]);
    expect(aggregate(g, "nunique", { dropna: false }).toArray()).toEqual([2n]);
  });

  it("aggregate(df, 'any' | 'all') (pandas' DataFrame.any / DataFrame.all examples)", () => {
    const df = new DataFrame({ A: [1, 2], B: [0, 2], C: [0, 0] });
    const s = aggregate(df, "any");
    expect(s.dtype.kind).toBe("bool");
    expect(s.toArray()).toEqual([true, true, false]);
    const t = new DataFrame({ col1: [true, true], col2: [true, false] });
    expect(aggregate(t, "all").toArray()).toEqual([true, false]);
  });

  it("aggregate(df, 'var' | 'std', {ddof}) (pandas' DataFrame.var / DataFrame.std examples)", () => {
    const df = new DataFrame(
      { age: [21, 25, 62, 43], height: [1.61, 1.87, 1.49, 2.01] },
      { index: [0, 1, 2, 3] },
    );
    // by hand: age mean 37.75, Σd² = 1058.75; height mean 1.745, Σd² = 0.1691
    const v = aggregate(df, "var").toArray() as number[];
    expect(v[0]).toBeCloseTo(1058.75 / 3, 10); // pandas: 352.916667
    expect(v[1]).toBeCloseTo(0.1691 / 3, 12); // pandas: 0.056367
    const v0 = aggregate(df, "var", { ddof: 0 }).toArray() as number[];
    expect(v0[0]).toBeCloseTo(264.6875, 10);
    expect(v0[1]).toBeCloseTo(0.042275, 12);
    const sd = aggregate(df, "std").toArray() as number[];
    expect(sd[0]).toBeCloseTo(18.786076, 6);
    expect(sd[1]).toBeCloseTo(0.237417, 6);
    const sd0 = aggregate(df, "std", { ddof: 0 }).toArray() as number[];
    expect(sd0[0]).toBeCloseTo(16.269219, 6);
    expect(sd0[1]).toBeCloseTo(0.205609, 6);
  });

  it("aggregate(df, 'mean' | 'median', {numericOnly}) (pandas' DataFrame.mean / median examples)", () => {
    const df = new DataFrame({ a: [1, 2], b: [2, 3] }, { index: ["tiger", "zebra"] });
    expect(aggregate(df, "mean").toArray()).toEqual([1.5, 2.5]);
    expect(aggregate(df, "median").toArray()).toEqual([1.5, 2.5]);
    const mixed = new DataFrame({ a: [1, 2], b: ["T", "Z"] });
    const m = aggregate(mixed, "mean", { numericOnly: true });
    expect(labels(m)).toEqual(["a"]);
    expect(m.toArray()).toEqual([1.5]);
  });

  it("aggregate(df, 'skew' | 'kurt') (pandas' DataFrame.skew / DataFrame.kurt examples)", () => {
    const df = new DataFrame({ a: [1, 2, 3], b: [2, 3, 4], c: [1, 3, 5] });
    expect(aggregate(df, "skew").toArray()).toEqual([0, 0, 0]);
    const k = new DataFrame({ a: [1, 2, 2, 3], b: [3, 4, 4, 4] }, { index: ["cat", "dog", "dog", "mouse"] });
    const r = aggregate(k, "kurt").toArray() as number[];
    expect(r[0]).toBeCloseTo(1.5, 12);
    expect(r[1]).toBeCloseTo(4.0, 12);
    const t = new DataFrame({ a: [1, 2, 3], b: ["T", "Z", "X"] });
    expect(aggregate(t, "skew", { numericOnly: true }).toArray()).toEqual([0]);
  });
});

describe("aggregate(df, how) — result dtype", () => {
  it("aggregate(df, 'sum') keeps all-integer results exact as int64 bigints", () => {
    const big = 2n ** 62n;
    const df = new DataFrame({
      i: new Int32Array([1, 2, 3]),
      l: column([big, big - 1n, -5n], "int64"),
      b: [true, true, false],
    });
    const s = aggregate(df, "sum");
    expect(s.dtype.kind).toBe("int64");
    // by hand: 1 + 2 + 3; 2^63 − 6 (exact, beyond 2^53); two trues
    expect(s.toArray()).toEqual([6n, 2n ** 63n - 6n, 2n]);
    // by hand: 1·2·3 = 6; true·true·false = 0; the int64 product overflows int64 → CastError
    expect(aggregate(df.select("i", "b"), "prod").toArray()).toEqual([6n, 0n]);
    expect(() => aggregate(df, "prod")).toThrow(CastError);
  });

  it("aggregate(df, 'sum') promotes integer and float results to float64", () => {
    const df = new DataFrame({ i: new Int32Array([1, 2]), f: [0.5, 0.25] });
    const s = aggregate(df, "sum");
    expect(s.dtype.kind).toBe("float64");
    expect(s.toArray()).toEqual([3, 0.75]);
  });

  it("aggregate(df, 'sum') raises a CastError naming the column when an exact integer result cannot be a float64", () => {
    const df = new DataFrame({ big: column([2n ** 53n, 1n], "int64"), f: [0.5, 0.25] });
    expect(() => aggregate(df, "sum")).toThrow(CastError);
    expect(() => aggregate(df, "sum")).toThrow(
      /column "big" \(9007199254740993n, int64\) does not fit float64/,
    );
    // alone, or with integer columns only, it stays exact
    expect(aggregate(df.select("big"), "sum").toArray()).toEqual([2n ** 53n + 1n]);
    // a float64 that holds the value exactly is fine: 2^53 + 2 is even
    const even = new DataFrame({ big: column([2n ** 53n, 2n], "int64"), f: [0.5, 0.25] });
    expect(aggregate(even, "sum").toArray()).toEqual([2 ** 53 + 2, 0.75]);
  });

  it("aggregate(df, 'min' | 'max' | 'first' | 'last') keeps one shared dtype, else writes text (utf8)", () => {
    const df = new DataFrame({ n: [3, 1, 2], s: ["pear", "apple", "fig"] });
    const mn = aggregate(df, "min");
    expect(mn.dtype.kind).toBe("utf8");
    expect(mn.toArray()).toEqual(["1", "apple"]);
    expect(aggregate(df, "max").toArray()).toEqual(["3", "pear"]);
    expect(aggregate(df, "first").toArray()).toEqual(["3", "pear"]);
    expect(aggregate(df, "last").toArray()).toEqual(["2", "fig"]);
    const strings = aggregate(df.select("s"), "min");
    expect(strings.dtype.kind).toBe("utf8");
    expect(strings.toArray()).toEqual(["apple"]);
    const nums = aggregate(new DataFrame({ a: new Int8Array([5, -2]), b: [0.5, 9] }), "max");
    expect(nums.dtype.kind).toBe("float64");
    expect(nums.toArray()).toEqual([5, 9]);
    // dictionaries give their strings (min of an ordered categorical; an unordered one raises, as pandas)
    const cat = new DataFrame({
      c: column(["b", "a", "b"], "dictionary<int32, utf8, ordered>"),
      s: ["z", "y", "x"],
    });
    expect(() => aggregate(new DataFrame({ c: column(["b"], "category") }), "min")).toThrow(/not ordered/);
    const c = aggregate(cat, "min");
    expect(c.dtype.kind).toBe("utf8");
    expect(c.toArray()).toEqual(["a", "x"]);
    // dates and numbers: text, dates in ISO 8601 (19000 days after 1970-01-01 = 2022-01-08)
    const d = new DataFrame({ d: column([19000, 19001], "date"), n: [1, 2] });
    expect(aggregate(d, "min").toArray()).toEqual(["2022-01-08", "1"]);
  });

  it("aggregate(df, 'sum') takes durations (exact bigints) and 'first' takes dictionaries and nulls", () => {
    const df = new DataFrame({ d: column([5n, null, 7n], "duration[ms]") });
    const s = aggregate(df, "sum");
    expect(s.dtype).toEqual({ kind: "duration", unit: "ms" });
    expect(s.toArray()).toEqual([12n]);
    const cat = new DataFrame({ c: column([null, "b", "a"], "category"), t: ["x", null, "y"] });
    expect(aggregate(cat, "first").toArray()).toEqual(["b", "x"]);
    expect(aggregate(cat, "first", { skipna: false }).toArray()).toEqual([null, "x"]);
    expect(aggregate(cat, "last").toArray()).toEqual(["a", "y"]);
  });

  it("aggregate(df, how) on a frame without columns gives an empty Series of the reduction's dtype", () => {
    const empty = new DataFrame({});
    expect(aggregate(empty, "sum").dtype.kind).toBe("float64");
    expect(aggregate(empty, "count").dtype.kind).toBe("int64");
    expect(aggregate(empty, "nunique").dtype.kind).toBe("int64");
    expect(aggregate(empty, "any").dtype.kind).toBe("bool");
    expect(aggregate(empty, "mean").length).toBe(0);
    // numericOnly may leave nothing
    expect(aggregate(new DataFrame({ s: ["a"] }), "mean", { numericOnly: true }).length).toBe(0);
  });

  it("aggregate(df, how) on zero rows: sum 0, count 0, mean null", () => {
    const df = new DataFrame({ a: new Float64Array(0), i: new Int32Array(0) });
    expect(aggregate(df, "sum").toArray()).toEqual([0, 0]);
    expect(aggregate(df, "count").toArray()).toEqual([0n, 0n]);
    expect(aggregate(df, "mean").toArray()).toEqual([null, null]);
  });
});

describe("aggregate(df, how, options) — nulls and options", () => {
  it("aggregate(df, 'sum', {skipna, minCount}) passes the options to each column", () => {
    const df = new DataFrame({ a: [1, null, Number.NaN], b: [null, null, null] as (number | null)[] });
    expect(aggregate(df, "sum").toArray()).toEqual([1, 0]);
    expect(aggregate(df, "sum", { minCount: 1 }).toArray()).toEqual([1, null]);
    const s = aggregate(new DataFrame({ a: [1, Number.NaN] }), "sum", { skipna: false }).toArray();
    expect(s).toEqual([Number.NaN]);
    expect(aggregate(new DataFrame({ a: [1, null] }), "mean", { skipna: false }).toArray()).toEqual([null]);
  });

  it("aggregate(df, how) works with column names that are data ('__proto__', '')", () => {
    const cols = new Map<string, Column>([
      ["__proto__", column([1, 2])],
      ["", column([3, 4])],
    ]);
    const s = aggregate(new DataFrame(cols), "sum");
    expect(labels(s)).toEqual(["__proto__", ""]);
    expect(s.toArray()).toEqual([3, 7]);
  });

  it("aggregate(df, 'mean') raises a DTypeError naming a non-numeric column", () => {
    const df = new DataFrame({ a: [1, 2], name: ["x", "y"] });
    expect(() => aggregate(df, "mean")).toThrow(DTypeError);
    expect(() => aggregate(df, "mean")).toThrow(/mean: column "name" has dtype utf8.*numericOnly: true/);
    for (const how of ["sum", "prod", "median", "std", "var", "skew", "kurt", "any", "all"] as const) {
      expect(() => aggregate(df, how)).toThrow(/column "name"/);
    }
    // count, nunique, min, max, first, last take strings
    for (const how of ["count", "nunique", "min", "max", "first", "last"] as const) {
      expect(aggregate(df, how).length).toBe(2);
    }
    // a timestamp column has no mean
    const t = new DataFrame({ t: column([0n, 1n], "timestamp[ns]") });
    expect(() => aggregate(t, "mean")).toThrow(/column "t" has dtype timestamp\[ns\]/);
  });

  it("aggregate(df, how, options) rejects bad keywords and options", () => {
    const df = new DataFrame({ a: [1, 2] });
    expect(() => aggregate(df, "sideways" as never)).toThrow(OptionError);
    expect(() => aggregate(df, "sideways" as never)).toThrow(
      /invalid how: "sideways" \(expected one of sum, prod/,
    );
    expect(() => aggregate(df, "mean", { ddof: 1 })).toThrow(/unknown option for mean: "ddof"/);
    expect(() => aggregate(df, "count", { skipna: true })).toThrow(/unknown option for count: "skipna"/);
    expect(() => aggregate(df, "std", { ddof: -1 })).toThrow(/invalid ddof: -1/);
    expect(() => aggregate(df, "sum", { skipna: "yes" as never })).toThrow(/invalid skipna: "yes"/);
    expect(() => aggregate(df, "sum", 5 as never)).toThrow(OptionError);
  });
});

describe("aggregate(df, how) — property: each value equals the column reduction", () => {
  const numericHows = [
    "sum",
    "mean",
    "median",
    "min",
    "max",
    "std",
    "var",
    "count",
    "first",
    "last",
  ] as const;
  it("aggregate(df, how)[j] equals how(column j) over random float/int columns with nulls, slices and chunks", () => {
    const value = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 0, maxLength: 40 }),
        fc.array(value, { minLength: 0, maxLength: 40 }),
        fc.constantFrom(...numericHows),
        fc.nat(3),
        (xs, ys, how, cut) => {
          const n = Math.min(xs.length, ys.length);
          const f = column([99, ...xs.slice(0, n).map((v) => (v === null ? null : v / 8))], "float64").slice(
            1,
          );
          const i32 = column(ys.slice(0, n), "int32");
          // the int column as two chunks, the float column sliced
          const k = Math.min(cut, n);
          const chunked = new Column(i32.dtype, [...i32.slice(0, k).chunks, ...i32.slice(k).chunks]);
          const df = new DataFrame({ f, i: chunked });
          const got = aggregate(df, how).toArray();
          const ref = (c: Column): unknown => {
            const fns: Record<(typeof numericHows)[number], (c: Column) => unknown> = {
              sum: R.sum,
              mean: R.mean,
              median: R.median,
              min: R.min,
              max: R.max,
              std: R.std,
              var: R.variance,
              count: R.count,
              first: R.first,
              last: R.last,
            };
            return fns[how](c);
          };
          const want = [ref(f), ref(i32)];
          // the Series holds one dtype: compare as numbers
          const num = (v: unknown) => (v === null ? null : Number(v));
          expect(got.map(num)).toEqual(want.map(num));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});

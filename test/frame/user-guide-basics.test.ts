/**
 * pandas user guide, "Essential basic functionality"
 * (https://pandas.pydata.org/docs/user_guide/basics.html), translated to
 * ndframe. Where the guide fills a frame with np.random.randn, the frame
 * here holds the numbers the guide PRINTS for it (6 decimals), and the
 * expectations are the guide's printed results, compared to 5 decimals
 * (the printed inputs are rounded, so a result may differ from the
 * printed one in its 6th decimal). "In [n]" refers to the guide's cells
 * (pandas 0.24 edition, whose cells show their outputs).
 */
import { describe, expect, it } from "vitest";
import { CastError, ShapeError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

// The default index (0, 1, …) is int64, as pandas' RangeIndex: its labels are bigints.
const asNumber = (v: unknown) => (typeof v === "bigint" ? Number(v) : v);
const labels = (x: { index: { toColumn(): { toArray(): unknown[] } } }) =>
  x.index.toColumn().toArray().map(asNumber);

/** Compare numbers to `digits` decimals, nulls exactly. */
function expectClose(actual: unknown[], expected: (number | null)[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (e === null) expect(actual[i]).toBeNull();
    else expect(actual[i]).toBeCloseTo(e, digits);
  });
}

// In [19]-[20]: df with columns one/two/three on index a..d (NaN where the guide prints NaN)
const guideFrame = () =>
  new DataFrame(
    {
      one: [1.40081, -0.35647, 0.797268, null],
      two: [-1.643041, 1.045911, 0.924515, 1.553693],
      three: [null, 0.395023, -0.00709, -1.67083],
    },
    { index: ["a", "b", "c", "d"] },
  );

describe("user guide: Essential basic functionality", () => {
  it("s.head() / s.tail(3) / df.head(2) and df.shape (Head and tail; Attributes, In [5]-[8])", () => {
    const long = new Series(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(long.head().toArray()).toEqual([0, 1, 2, 3, 4]);
    const t = long.tail(3);
    expect(t.toArray()).toEqual([997, 998, 999]);
    expect(labels(t)).toEqual([997, 998, 999]);
    const df = guideFrame();
    expect(df.shape).toEqual([4, 3]);
    expect(df.columns).toEqual(["one", "two", "three"]);
    // df[:2]
    expect(labels(df.head(2))).toEqual(["a", "b"]);
  });

  it("df.sub(row) matches on columns and df.sub(column, {axis: 'index'}) on rows (Matching / broadcasting behavior, In [21]-[26])", () => {
    const df = guideFrame();
    // row = df.iloc[1]; df.sub(row, axis='columns')
    const row = df.iloc(1).toRecords()[0] as Record<string, number>;
    const byCols = df.sub(row);
    expectClose(byCols.get("one").toArray(), [1.75728, 0, 1.153738, null]);
    expectClose(byCols.get("two").toArray(), [-2.688953, 0, -0.121396, 0.507782]);
    expectClose(byCols.get("three").toArray(), [null, 0, -0.402113, -2.065853]);
    // column = df['two']; df.sub(column, axis='index')
    const byRows = df.sub(df.get("two"), { axis: "index" });
    expectClose(byRows.get("one").toArray(), [3.043851, -1.402381, -0.127247, null]);
    expectClose(byRows.get("two").toArray(), [0, 0, 0, 0]);
    expectClose(byRows.get("three").toArray(), [null, -0.650888, -0.931605, -3.224524]);
    expect(labels(byRows)).toEqual(["a", "b", "c", "d"]);
  });

  it("df.add(other, {fillValue: 0}) treats a one-sided missing value as 0 (Missing data / operations with fill values, In [46]-[49])", () => {
    const df = guideFrame();
    // df2 = df.copy(); df2.loc['a', 'three'] = 1.0
    const df2 = df.assign({ three: [1, 0.395023, -0.00709, -1.67083] });
    const sum = df.add(df2);
    expectClose(sum.get("one").toArray(), [2.80162, -0.71294, 1.594536, null]);
    expectClose(sum.get("two").toArray(), [-3.286083, 2.091822, 1.84903, 3.107386]);
    expectClose(sum.get("three").toArray(), [null, 0.790046, -0.01418, -3.341661]);
    const filled = df.add(df2, { fillValue: 0 });
    // three at a: NaN + 1.0 with fill 0 -> 1.0 ; one at d: missing on both sides -> still missing
    expectClose(filled.get("three").toArray(), [1, 0.790046, -0.01418, -3.341661]);
    expectClose(filled.get("one").toArray(), [2.80162, -0.71294, 1.594536, null]);
  });

  it("df.gt(other) / df.ne(other) give null where a side is missing (pandas: False / True); df.gt(0).all() / .any() (Flexible comparisons; Boolean reductions, In [50]-[53])", () => {
    const df = guideFrame();
    const df2 = df.assign({ three: [1, 0.395023, -0.00709, -1.67083] });
    // pandas: df.gt(df2) is False everywhere
    const gt = df.gt(df2);
    expect(gt.get("one").toArray()).toEqual([false, false, false, null]);
    expect(gt.get("two").toArray()).toEqual([false, false, false, false]);
    expect(gt.get("three").toArray()).toEqual([null, false, false, false]);
    // pandas: df2.ne(df) is True at (a, three) and (d, one), the NaN cells; ndframe: null there
    const ne = df2.ne(df);
    expect(ne.get("one").toArray()).toEqual([false, false, false, null]);
    expect(ne.get("three").toArray()).toEqual([null, false, false, false]);
    // (df > 0).all() -> one False, two False, three False ; (df > 0).any() -> all True
    const all = df.gt(0).all();
    expect(all.toArray()).toEqual([false, false, false]);
    expect(labels(all)).toEqual(["one", "two", "three"]);
    expect(df.gt(0).any().toArray()).toEqual([true, true, true]);
  });

  it("s.eq(value) and s.eq(other) compare element-wise; lengths must match (Comparing array-like objects, In [69]-[72])", () => {
    const s = new Series(["foo", "bar", "baz"]);
    expect(s.eq("foo").toArray()).toEqual([true, false, false]);
    expect(s.eq(new Series(["foo", "bar", "qux"])).toArray()).toEqual([true, true, false]);
    // pd.Series(['foo', 'bar', 'baz']) == pd.Series(['foo', 'bar']) -> ValueError: Series lengths must match
    expect(() => s.eq(new Series(["foo", "bar"]))).toThrow(ShapeError);
  });

  it("s.floorDiv(k) and s.mod(k) give divmod's two parts (Matching / broadcasting behavior, In [33]-[45])", () => {
    const s = new Series(new BigInt64Array([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]));
    // div, rem = divmod(s, 3)
    expect(s.floorDiv(3).toArray().map(asNumber)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    expect(s.mod(3).toArray().map(asNumber)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    // divmod(s, [2, 2, 3, 3, 4, 4, 5, 5, 6, 6])
    const by = new Series(new BigInt64Array([2n, 2n, 3n, 3n, 4n, 4n, 5n, 5n, 6n, 6n]));
    expect(s.floorDiv(by).toArray().map(asNumber)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(s.mod(by).toArray().map(asNumber)).toEqual([0, 1, 2, 0, 0, 1, 1, 2, 2, 3]);
  });

  it("df.mean() / df.sum({skipna}) / df.std() / s.cumsum() / s.nunique() (Descriptive statistics, In [81]-[96], [147])", () => {
    const df = guideFrame();
    const mean = df.mean();
    expectClose(mean.toArray(), [0.613869, 0.47027, -0.427633]);
    expect(labels(mean)).toEqual(["one", "two", "three"]);
    // df.sum(0, skipna=False) -> one NaN, two 1.881078, three NaN
    expectClose(df.sum({ skipna: false }).toArray(), [null, 1.881078, null]);
    // df.apply(lambda x: x.max() - x.min()) -> 1.757280, 3.196734, 2.065853
    expectClose(df.max().sub(df.min()).toArray(), [1.75728, 3.196734, 2.065853]);
    // df.cumsum(): ndframe has no DataFrame.cumsum, so each column's Series
    expectClose(df.get("one").cumsum().toArray(), [1.40081, 1.04434, 1.841608, null]);
    expectClose(df.get("two").cumsum().toArray(), [-1.643041, -0.59713, 0.327385, 1.881078]);
    expectClose(df.get("three").cumsum().toArray(), [null, 0.395023, 0.387933, -1.282898]);
    // ts_stand = (df - df.mean()) / df.std(); ts_stand.std() -> 1.0, 1.0, 1.0
    const stand = df.sub(df.mean()).div(df.std());
    expectClose(stand.std().toArray(), [1, 1, 1], 12);
    expectClose(stand.mean().toArray(), [0, 0, 0], 12);
    // series.nunique(): series[20:500] = NaN; series[10:20] = 5 -> 10 distinct random values + 5 = 11
    // here the 10 "random" values are 0.5, 1.5, …, 9.5 (none equals 5)
    const values = Array.from({ length: 500 }, (_, i) => (i < 10 ? i + 0.5 : i < 20 ? 5 : null));
    expect(new Series(values).nunique()).toBe(11);
  });

  it("df.describe() describes the numeric columns, {include: 'all'} every column (Summarizing data: describe, In [104]-[110])", () => {
    const frame = new DataFrame({ a: ["Yes", "Yes", "No", "No"], b: [0, 1, 2, 3] });
    const d = frame.describe();
    expect(d.columns).toEqual(["b"]);
    expect(labels(d)).toEqual(["count", "mean", "std", "min", "25%", "50%", "75%", "max"]);
    // std of 0..3: sqrt(((1.5² + 0.5²) * 2) / 3) = sqrt(5 / 3) = 1.290994
    expectClose(d.get("b").toArray(), [4, 1.5, 1.290994, 0, 0.75, 1.5, 2.25, 3], 6);
    const all = frame.describe({ include: "all" });
    expect(labels(all)).toEqual([
      "count",
      "unique",
      "top",
      "freq",
      "mean",
      "std",
      "min",
      "25%",
      "50%",
      "75%",
      "max",
    ]);
    // pandas prints 4, 2, Yes, 2 in an object column; ndframe writes them as text in a utf8 column
    expect(all.get("a").toArray().slice(0, 4)).toEqual(["4", "2", "Yes", "2"]);
    expect(all.get("a").toArray().slice(4)).toEqual([null, null, null, null, null, null, null]);
    expect(all.get("b").toArray().slice(1, 4)).toEqual([null, null, null]);
    // s = pd.Series(['a', 'a', 'b', 'b', 'a', 'a', np.nan, 'c', 'd', 'a']); s.describe()
    const s = new Series(["a", "a", "b", "b", "a", "a", null, "c", "d", "a"]);
    const sd = s.describe();
    expect(labels(sd)).toEqual(["count", "unique", "top", "freq"]);
    expect(sd.toArray()).toEqual(["9", "4", "a", "5"]);
    // series.describe(percentiles=[.05, .25, .75, .95]) on 0..3: 5% = 0.05 * 3 = 0.15, 95% = 2.85
    const p = frame.get("b").describe({ percentiles: [0.05, 0.25, 0.75, 0.95] });
    expect(labels(p)).toEqual(["count", "mean", "std", "min", "5%", "25%", "50%", "75%", "95%", "max"]);
    expectClose(p.toArray().slice(4, 9), [0.15, 0.75, 1.5, 2.25, 2.85], 12);
  });

  it("s.idxmin() / s.idxmax() give labels, the first one on ties (Index of min/max values, In [111]-[120])", () => {
    const s1 = new Series([-0.068822, -1.129788, -0.269798, -0.37558, 0.513381]);
    // s1.idxmin(), s1.idxmax() -> (1, 4)
    expect(asNumber(s1.idxmin())).toBe(1);
    expect(asNumber(s1.idxmax())).toBe(4);
    // df1.idxmin(axis=0) -> A 2, B 2, C 4 (ndframe has no DataFrame.idxmin: per column)
    const df1 = new DataFrame({
      A: [0.333329, 2.111424, -0.608055, 1.412817, 0.373294],
      B: [-0.91009, 1.701169, -2.082155, -0.562658, -0.965381],
      C: [-1.32122, 0.858336, -0.069618, 0.770042, -1.60784],
    });
    expect(df1.columns.map((n) => asNumber(df1.get(n).idxmin()))).toEqual([2, 2, 4]);
    // df3 = pd.DataFrame([2, 1, 1, 3, np.nan], columns=['A'], index=list('edcba')); df3['A'].idxmin() -> 'd'
    const df3 = new DataFrame({ A: [2, 1, 1, 3, null] }, { index: [..."edcba"] });
    expect(df3.get("A").idxmin()).toBe("d");
  });

  it("s.valueCounts() counts each value, most frequent first, and s.mode() gives the most frequent (Value counts (histogramming) / Mode, In [121]-[127])", () => {
    // In [122]: the 50 random integers the guide prints
    const data = [
      6, 4, 1, 3, 4, 4, 4, 6, 5, 2, 6, 1, 0, 4, 3, 2, 5, 3, 4, 0, 5, 3, 0, 1, 5, 0, 1, 5, 3, 4, 1, 2, 3, 2, 4,
      6, 1, 4, 3, 5, 2, 1, 2, 4, 1, 6, 3, 6, 3, 3,
    ];
    const vc = new Series(data).valueCounts();
    // 4 10, 3 10, 1 8, 6 6, 5 6, 2 6, 0 4 (ties in order of first appearance, as the guide prints them)
    expect(labels(vc)).toEqual([4, 3, 1, 6, 5, 2, 0]);
    expect(vc.toArray()).toEqual([10n, 10n, 8n, 6n, 6n, 6n, 4n]);
    // s5 = pd.Series([1, 1, 3, 3, 3, 5, 5, 7, 7, 7]); s5.mode() -> 3, 7
    expect(new Series([1, 1, 3, 3, 3, 5, 5, 7, 7, 7]).mode().toArray()).toEqual([3, 7]);
  });

  it("df.sortValues(by) by one and several columns, s.sortValues({naPosition}) (Sorting: By values, In [302]-[307])", () => {
    const df1 = new DataFrame({ one: [2, 1, 1, 1], two: [1, 3, 2, 4], three: [5, 4, 3, 2] });
    const byTwo = df1.sortValues("two");
    expect(labels(byTwo)).toEqual([0, 2, 1, 3]);
    expect(byTwo.get("three").toArray()).toEqual([5, 3, 4, 2]);
    const byOneTwo = df1.sortValues(["one", "two"]);
    expect(labels(byOneTwo)).toEqual([2, 1, 3, 0]);
    expect(byOneTwo.toRecords()).toEqual([
      { one: 1, two: 2, three: 3 },
      { one: 1, two: 3, three: 4 },
      { one: 1, two: 4, three: 2 },
      { one: 2, two: 1, three: 5 },
    ]);
    const s = new Series(["A", "B", null, "Aaba", "Baca", null, "CABA", "dog", "cat"]);
    const last = s.sortValues();
    expect(last.toArray()).toEqual(["A", "Aaba", "B", "Baca", "CABA", "cat", "dog", null, null]);
    expect(labels(last)).toEqual([0, 3, 1, 4, 6, 8, 7, 2, 5]);
    expect(labels(s.sortValues({ naPosition: "first" }))).toEqual([2, 5, 0, 3, 1, 4, 6, 8, 7]);
  });

  it("df.sortIndex({ascending}) orders rows by label (Sorting: By index, In [296]-[301])", () => {
    // unsorted_df = df.reindex(index=['a', 'd', 'c', 'b'], columns=['three', 'two', 'one'])
    const unsorted = new DataFrame(
      {
        three: [null, 1.215473, -0.421091, 1.205223],
        two: [-0.867293, -0.051744, -0.712097, 0.632624],
        one: [0.050162, null, 0.953102, -1.534113],
      },
      { index: ["a", "d", "c", "b"] },
    );
    const sorted = unsorted.sortIndex();
    expect(labels(sorted)).toEqual(["a", "b", "c", "d"]);
    expect(sorted.get("one").toArray()).toEqual([0.050162, -1.534113, 0.953102, null]);
    expect(labels(unsorted.sortIndex({ ascending: false }))).toEqual(["d", "c", "b", "a"]);
    // unsorted_df['three'].sort_index() -> a NaN, b 1.205223, c -0.421091, d 1.215473
    expect(unsorted.get("three").sortIndex().toArray()).toEqual([null, 1.205223, -0.421091, 1.215473]);
  });

  it("s.nsmallest(n) / s.nlargest(n) keep the labels (Sorting: smallest / largest values, In [320]-[324])", () => {
    // s = pd.Series(np.random.permutation(10)) -> the printed permutation
    const s = new Series([5, 3, 2, 0, 7, 6, 9, 1, 4, 8]);
    const small = s.nsmallest(3);
    expect(small.toArray()).toEqual([0, 1, 2]);
    expect(labels(small)).toEqual([3, 7, 2]);
    const large = s.nlargest(3);
    expect(large.toArray()).toEqual([9, 8, 7]);
    expect(labels(large)).toEqual([6, 9, 4]);
  });

  // In [325]: df = pd.DataFrame({'a': [-2, -1, 1, 10, 8, 11, -1], 'b': list('abdceff'), 'c': [1.0, 2.0, 4.0, 3.2, np.nan, 3.0, 4.0]})
  const topFrame = () =>
    new DataFrame({ a: [-2, -1, 1, 10, 8, 11, -1], b: [..."abdceff"], c: [1, 2, 4, 3.2, null, 3, 4] });

  it("df.nlargest(n, by) / df.nsmallest(n, by) with one key (Sorting: smallest / largest values, In [326], [328])", () => {
    const df = topFrame();
    // df.nlargest(3, 'a') -> rows 5 (11), 3 (10), 4 (8)
    expect(labels(df.nlargest(3, "a"))).toEqual([5, 3, 4]);
    // df.nsmallest(3, 'a') -> rows 0 (-2), 1 (-1), 6 (-1)
    expect(labels(df.nsmallest(3, "a"))).toEqual([0, 1, 6]);
  });

  // pandas leaves out only rows missing the FIRST key; a later key just breaks ties, so
  // row 4 (a = 8, c = NaN) is in both results the guide prints.
  it("df.nlargest(n, [k1, k2]) / df.nsmallest keep rows whose second key is missing (Sorting: smallest / largest values, In [327], [329])", () => {
    const df = topFrame();
    // df.nlargest(5, ['a', 'c']) -> 5, 3, 4, 2, 6 (the tie a = -1 broken by c: 4.0 > 2.0)
    expect(labels(df.nlargest(5, ["a", "c"]))).toEqual([5, 3, 4, 2, 6]);
    // df.nsmallest(5, ['a', 'c']) -> 0, 1, 6, 2, 4
    expect(labels(df.nsmallest(5, ["a", "c"]))).toEqual([0, 1, 6, 2, 4]);
  });

  it("df.dtypes names each column's dtype (dtypes, In [332]-[334])", () => {
    const dft = new DataFrame({
      A: new Float64Array([0.278831, 0.242124, 0.078031]),
      B: new BigInt64Array([1n, 1n, 1n]),
      C: ["foo", "foo", "foo"],
      D: [0, 0, 0].map(() => new Date(Date.UTC(2001, 0, 2))),
      E: new Float32Array([1, 1, 1]),
      F: [false, false, false],
      G: new Int8Array([1, 1, 1]),
    });
    const d = dft.dtypes;
    // pandas: float64, int64, object, datetime64[ns], float32, bool, int8
    expect([d.A, d.B, d.C, d.E, d.F, d.G]).toEqual([
      { kind: "float64" },
      { kind: "int64" },
      { kind: "utf8" },
      { kind: "float32" },
      { kind: "bool" },
      { kind: "int8" },
    ]);
    expect(d.D.kind).toBe("timestamp");
  });

  it("s.astype(dtype) converts a column; a value that does not fit raises (astype, In [356]-[363])", () => {
    const dft = new DataFrame({
      a: new BigInt64Array([1n, 2n, 3n]),
      b: new BigInt64Array([4n, 5n, 6n]),
      c: new BigInt64Array([7n, 8n, 9n]),
    });
    // dft[['a', 'b']] = dft[['a', 'b']].astype(np.uint8) (ndframe has no DataFrame.astype: assign the casts)
    const cast = dft.assign({ a: dft.get("a").astype("uint8"), b: dft.get("b").astype("uint8") });
    expect(cast.dtypes).toEqual({ a: { kind: "uint8" }, b: { kind: "uint8" }, c: { kind: "int64" } });
    expect(cast.get("a").toArray()).toEqual([1, 2, 3]);
    // dft1.astype({'a': np.bool_, 'c': np.float64}) with a = [1, 0, 1]
    const a = new Series(new BigInt64Array([1n, 0n, 1n])).astype("bool");
    expect(a.toArray()).toEqual([true, false, true]);
    const c = dft.get("c").astype("float64");
    expect(c.dtype).toEqual({ kind: "float64" });
    expect(c.toArray()).toEqual([7, 8, 9]);
    // NumPy would wrap -1 to 255 in uint8; ndframe's astype is checked and raises
    expect(() => new Series(new BigInt64Array([-1n])).astype("uint8")).toThrow(CastError);
  });
});

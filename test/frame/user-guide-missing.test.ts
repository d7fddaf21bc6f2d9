/**
 * pandas user guide, "Working with missing data"
 * (https://pandas.pydata.org/docs/user_guide/missing_data.html, pandas 2.x
 * edition), translated to ndframe. "In [n]" refers to the guide's cells.
 *
 * ndframe's missing value is the null (a validity bit), as pandas' `pd.NA`
 * in its nullable and Arrow dtypes; NaN is an ordinary float value
 * (docs/series-frame.md, "Missing data"). So where the guide writes np.nan
 * for a missing number, the translation writes null; where a test keeps a
 * NaN, a comment says how pandas differs.
 */
import { describe, expect, it } from "vitest";
import type { Bool } from "../../src/core/dtype.js";
import { CastError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

const labels = (x: { index: { toColumn(): { toArray(): unknown[] } } }) =>
  x.index
    .toColumn()
    .toArray()
    .map((v) => (typeof v === "bigint" ? Number(v) : v));

/** Compare numbers to `digits` decimals. */
function expectClose(actual: unknown[], expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(actual[i]).toBeCloseTo(e, digits);
}

describe("user guide: Working with missing data", () => {
  it("s.isNull() marks nulls and keeps the dtype; NaN is a value, marked by isNaN (Values considered missing, In [6])", () => {
    // pd.Series([1, 2], dtype="Int64").reindex([0, 1, 2]) -> 1, 2, <NA>, dtype Int64
    const s = new Series([1, 2, null], { dtype: "int64" });
    expect(s.dtype).toEqual({ kind: "int64" });
    expect(s.toArray()).toEqual([1n, 2n, null]);
    expect(s.isNull().toArray()).toEqual([false, false, true]);
    expect(s.notNull().toArray()).toEqual([true, true, false]);
    // pd.isna(pd.Series([1.0, np.nan])) is [False, True] in pandas: NaN counts as missing there.
    // In ndframe NaN is a float value: isNull does not mark it, isNaN does.
    const f = new Series([1, Number.NaN]);
    expect(f.isNull().toArray()).toEqual([false, false]);
    expect(f.isNaN().toArray()).toEqual([false, true]);
  });

  it("s.eq(null) propagates the null and s.or / s.and follow Kleene logic (Values considered missing; NA semantics, In [14]-[44])", () => {
    // ser = pd.Series([True, None], dtype="boolean[pyarrow]"); ser == pd.NA -> <NA>, <NA>
    const ser = new Series([true, null], { dtype: "bool" });
    expect(ser.eq(null).toArray()).toEqual([null, null]);
    // pd.isna(ser) -> False, True
    expect(ser.isNull().toArray()).toEqual([false, true]);
    // np.nan == np.nan -> False
    expect(new Series([Number.NaN]).eq(Number.NaN).toArray()).toEqual([false]);
    const s = new Series([true, false], { dtype: "bool" }) as Series<Bool>;
    // True | NA -> True ; False | NA -> NA
    expect(s.or(null).toArray()).toEqual([true, null]);
    // True & NA -> NA ; False & NA -> False
    expect(s.and(null).toArray()).toEqual([null, false]);
    // a null on either side, element-wise: NA | True -> True, NA & False -> False
    const na = new Series([null, null], { dtype: "bool" });
    expect(na.or(s).toArray()).toEqual([true, null]);
    expect(na.and(s).toArray()).toEqual([null, false]);
  });

  it("s.add(t) propagates missing values; s.sum / s.prod / s.mean / s.cumsum skip them (Calculations with missing data, In [70]-[82])", () => {
    // ser1 = [NaN, NaN, 2, 3]; ser2 = [NaN, 1, NaN, 4]; ser1 + ser2 -> NaN, NaN, NaN, 7
    const ser1 = new Series([null, null, 2, 3]);
    const ser2 = new Series([null, 1, null, 4]);
    expect(ser1.add(ser2).toArray()).toEqual([null, null, null, 7]);
    // pd.NA + 1 -> <NA>
    expect(new Series([null], { dtype: "float64" }).add(1).toArray()).toEqual([null]);
    // pd.Series([np.nan]).sum() -> 0.0, pd.Series([], dtype="float64").sum() -> 0.0; prod() -> 1.0 for both
    const allMissing = new Series([null], { dtype: "float64" });
    const empty = new Series([], { dtype: "float64" });
    expect(allMissing.sum()).toBe(0);
    expect(empty.sum()).toBe(0);
    expect(allMissing.prod()).toBe(1);
    expect(empty.prod()).toBe(1);
    // ser = pd.Series([1, np.nan, 3, np.nan])
    const ser = new Series([1, null, 3, null]);
    // ser.cumsum() -> 1, NaN, 4, NaN
    expect(ser.cumsum().toArray()).toEqual([1, null, 4, null]);
    // ser.cumsum(skipna=False) -> 1, NaN, NaN, NaN
    expect(ser.cumsum({ skipna: false }).toArray()).toEqual([1, null, null, null]);
    // mean skips them too, by hand: [1, null, 3, null] -> (1 + 3) / 2 = 2
    expect(ser.mean()).toBe(2);
    // columns [2, null, 4] -> 6 / 2 = 3 and [null, null, 5] -> 5
    const df = new DataFrame({ x: [2, null, 4], y: [null, null, 5] });
    expect(df.mean().toArray()).toEqual([3, 5]);
    // with skipna: false a missing value makes the result missing
    expect(df.sum({ skipna: false }).toArray()).toEqual([null, null]);
  });

  it("df.dropNull() drops the rows holding a missing value (Dropping missing data, In [83]-[88])", () => {
    // df = pd.DataFrame([[np.nan, 1, 2], [1, 2, np.nan], [1, 2, 3]])
    const df = new DataFrame({ "0": [null, 1, 1], "1": [1, 2, 2], "2": [2, null, 3] });
    const r = df.dropNull();
    expect(labels(r)).toEqual([2]);
    expect(r.toRecords()).toEqual([{ "0": 1, "1": 2, "2": 3 }]);
    // ser = pd.Series([1, pd.NA], dtype="int64[pyarrow]"); ser.dropna() -> 0 1
    const ser = new Series([1, null], { dtype: "int64" }).dropNull();
    expect(ser.toArray()).toEqual([1n]);
    expect(labels(ser)).toEqual([0]);
  });

  it("df.dropNull({how, thresh, subset}) (pandas API reference, DataFrame.dropna example)", () => {
    // df = pd.DataFrame({"name": ['Alfred', 'Batman', 'Catwoman'],
    //                    "toy": [np.nan, 'Batmobile', 'Bullwhip'],
    //                    "born": [pd.NaT, pd.Timestamp("1940-04-25"), pd.NaT]})
    const df = new DataFrame({
      name: ["Alfred", "Batman", "Catwoman"],
      toy: [null, "Batmobile", "Bullwhip"],
      born: [null, new Date("1940-04-25T00:00:00Z"), null],
    });
    // df.dropna() -> Batman only
    expect(df.dropNull().get("name").toArray()).toEqual(["Batman"]);
    // df.dropna(how='all') -> every row (none is all missing)
    expect(df.dropNull({ how: "all" }).length).toBe(3);
    // df.dropna(thresh=2) -> rows with at least 2 values: Batman (3), Catwoman (2)
    expect(df.dropNull({ thresh: 2 }).get("name").toArray()).toEqual(["Batman", "Catwoman"]);
    // df.dropna(subset=['name', 'toy']) -> Batman, Catwoman
    const sub = df.dropNull({ subset: ["name", "toy"] });
    expect(sub.get("name").toArray()).toEqual(["Batman", "Catwoman"]);
    expect(labels(sub)).toEqual([1, 2]);
  });

  // In [89]: data = {"np": [1.0, np.nan, np.nan, 2], "arrow": pd.array([1.0, pd.NA, pd.NA, 2], dtype="float64[pyarrow]")}
  const npArrow = () => new DataFrame({ np: [1, Number.NaN, Number.NaN, 2], arrow: [1, null, null, 2] });

  it("df.fillNull(0) fills nulls, and s.fillNaN(0) fills NaN (Filling by value, In [89]-[92])", () => {
    const df = npArrow();
    // df.fillna(0) -> both columns 1, 0, 0, 2 in pandas. In ndframe fillNull fills the nulls only;
    // the NaN of the "np" column are values, which fillNaN replaces.
    const filled = df.fillNull(0);
    expect(filled.get("arrow").toArray()).toEqual([1, 0, 0, 2]);
    expect(filled.get("np").toArray()).toEqual([1, Number.NaN, Number.NaN, 2]);
    expect(df.get("np").fillNaN(0).toArray()).toEqual([1, 0, 0, 2]);
  });

  it("df.fillNull({method, limit}) fills forward and backward (Filling by value, In [104]-[106])", () => {
    const df = npArrow();
    // df.ffill() -> 1, 1, 1, 2 ; df.bfill() -> 1, 2, 2, 2 ; df.ffill(limit=1) -> 1, 1, <NA>, 2
    expect(df.fillNull({ method: "forward" }).get("arrow").toArray()).toEqual([1, 1, 1, 2]);
    expect(df.fillNull({ method: "backward" }).get("arrow").toArray()).toEqual([1, 2, 2, 2]);
    expect(df.fillNull({ method: "forward", limit: 1 }).get("arrow").toArray()).toEqual([1, 1, null, 2]);
    // pandas fills the "np" column's NaN the same way; in ndframe a NaN is a value and stays
    expect(df.fillNull({ method: "forward" }).get("np").toArray()).toEqual([1, Number.NaN, Number.NaN, 2]);
  });

  it("s.fillNull(value) must fit the dtype: a string in a float column raises (Filling missing data)", () => {
    // pandas' older guide shows df2['one'].fillna('missing'), turning the column to object dtype;
    // ndframe converts nothing silently and raises a CastError naming the value and the dtype
    const s = new Series([0.5, null]);
    expect(() => s.fillNull("missing")).toThrow(CastError);
    expect(() => s.fillNull("missing")).toThrow(/"missing".*float64/);
  });

  it("df.fillNull({col: value}) with each column's mean (Filling by value, In [107]-[112])", () => {
    // dff = pd.DataFrame(np.arange(30, dtype=np.float64).reshape(10, 3), columns=list("ABC"))
    // dff.iloc[3:5, 0] = np.nan; dff.iloc[4:6, 1] = np.nan; dff.iloc[5:8, 2] = np.nan
    const col = (j: number, gaps: number[]) =>
      Array.from({ length: 10 }, (_, i) => (gaps.includes(i) ? null : 3 * i + j));
    const dff = new DataFrame({ A: col(0, [3, 4]), B: col(1, [4, 5]), C: col(2, [5, 6, 7]) });
    // means, by hand: A (0+3+6+15+18+21+24+27)/8 = 114/8 = 14.25
    //                 B (1+4+7+10+19+22+25+28)/8 = 116/8 = 14.5
    //                 C (2+5+8+11+14+26+29)/7 = 95/7 = 13.571429
    const m = dff.mean();
    const means = Object.fromEntries(dff.columns.map((n, i) => [n, m.get(i)]));
    const r = dff.fillNull(means);
    expect(r.get("A").toArray()).toEqual([0, 3, 6, 14.25, 14.25, 15, 18, 21, 24, 27]);
    expect(r.get("B").toArray()).toEqual([1, 4, 7, 10, 14.5, 14.5, 19, 22, 25, 28]);
    const c = r.get("C").toArray() as number[];
    expect(c.slice(0, 5)).toEqual([2, 5, 8, 11, 14]);
    for (const v of c.slice(5, 8)) expect(v).toBeCloseTo(13.571429, 6);
    expect(c.slice(8)).toEqual([26, 29]);
  });

  it("df.fillNull({col: value}, {limit}) fills at most `limit` nulls per column (pandas API reference, DataFrame.fillna example)", () => {
    // df = pd.DataFrame([[np.nan, 2, np.nan, 0], [3, 4, np.nan, 1], [np.nan, np.nan, np.nan, np.nan], [np.nan, 3, np.nan, 4]], columns=list("ABCD"))
    const df = new DataFrame({
      A: [null, 3, null, null],
      B: [2, 4, null, 3],
      C: [null, null, null, null],
      D: [0, 1, null, 4],
    });
    // df.fillna(value={"A": 0, "B": 1, "C": 2, "D": 3}, limit=1): only the first missing value of each column
    const r = df.fillNull({ A: 0, B: 1, C: 2, D: 3 }, { limit: 1 });
    expect(r.get("A").toArray()).toEqual([0, 3, null, null]);
    expect(r.get("B").toArray()).toEqual([2, 4, 1, 3]);
    expect(r.get("C").toArray()).toEqual([2, null, null, null]);
    expect(r.get("D").toArray()).toEqual([0, 1, 3, 4]);
  });

  it("s.interpolate() draws straight lines and carries the last value forward (Interpolation, In [114]-[123])", () => {
    // df = pd.DataFrame({"A": [1, 2.1, np.nan, 4.7, 5.6, 6.8], "B": [0.25, np.nan, np.nan, 4, 12.2, 14.4]})
    // df.interpolate() -> A: 3.4 = (2.1 + 4.7) / 2 ; B: 0.25 + k * (4 - 0.25) / 3 = 1.5, 2.75
    // (ndframe has no DataFrame.interpolate: each column's Series)
    const df = new DataFrame({ A: [1, 2.1, null, 4.7, 5.6, 6.8], B: [0.25, null, null, 4, 12.2, 14.4] });
    const a = df.get("A").interpolate().toArray() as number[];
    const b = df.get("B").interpolate().toArray() as number[];
    const expected = {
      A: [1, 2.1, 3.4, 4.7, 5.6, 6.8],
      B: [0.25, 1.5, 2.75, 4, 12.2, 14.4],
    };
    expectClose(a, expected.A, 12);
    expectClose(b, expected.B, 12);
    // ts = [8, NaN, NaN, 2, 4, NaN, NaN, 0, 3, NaN] indexed by 2020-01-01 .. 2020-01-10
    const days = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2020, 0, i + 1)));
    const ts = new Series([8, null, null, 2, 4, null, null, 0, 3, null], { index: days });
    const r = ts.interpolate().toArray() as number[];
    // guide: 8, 6, 4, 2, 4, 2.666667, 1.333333, 0, 3, 3
    const daily = [8, 6, 4, 2, 4, 2.666667, 1.333333, 0, 3, 3];
    expectClose(r, daily, 6);
  });

  it("s.interpolate({method: 'index'}) uses the labels as x, as pandas' method='time' / 'values' (Interpolation, In [125]-[133])", () => {
    // ts2 = [8, NaN, 2, 0, NaN] on 2020-01-01, -02, -04, -08, -10
    const at = [1, 2, 4, 8, 10].map((d) => new Date(Date.UTC(2020, 0, d)));
    const ts2 = new Series([8, null, 2, 0, null], { index: at });
    // ts2.interpolate() -> by position: 8, 5, 2, 0, 0
    expect(ts2.interpolate().toArray()).toEqual([8, 5, 2, 0, 0]);
    // ts2.interpolate(method="time") -> 8, 6, 2, 0, 0 (one day of the three from 8 to 2)
    expect(ts2.interpolate({ method: "index" }).toArray()).toEqual([8, 6, 2, 0, 0]);
    // ser = pd.Series([0.0, np.nan, 10.0], [0.0, 1.0, 10.0]); interpolate() -> 5 ; method="values" -> 1
    const ser = new Series([0, null, 10], { index: [0, 1, 10] });
    expect(ser.interpolate().toArray()).toEqual([0, 5, 10]);
    expect(ser.interpolate({ method: "index" }).toArray()).toEqual([0, 1, 10]);
  });

  it("s.interpolate() leaves leading missing values and fills trailing ones (Interpolation limits, In [152]-[154])", () => {
    // ser = pd.Series([np.nan, np.nan, 5, np.nan, np.nan, np.nan, 13, np.nan, np.nan])
    const ser = new Series([null, null, 5, null, null, null, 13, null, null]);
    // ser.interpolate() -> NaN, NaN, 5, 7, 9, 11, 13, 13, 13
    expect(ser.interpolate().toArray()).toEqual([null, null, 5, 7, 9, 11, 13, 13, 13]);
  });
});

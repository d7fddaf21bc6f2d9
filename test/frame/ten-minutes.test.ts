/**
 * "10 minutes to pandas", the deterministic parts, translated to ndframe.
 * The guide fills its frames with random numbers; here the same steps run
 * on small frames whose answers are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

const dates = ["2013-01-01", "2013-01-02", "2013-01-03", "2013-01-04", "2013-01-05", "2013-01-06"];

describe("10 minutes to pandas, translated", () => {
  it("object creation: a frame of mixed dtypes reports them per column (df2.dtypes)", () => {
    // df2 = pd.DataFrame({"A": 1.0, "C": float32 ones, "D": int32 threes, "E": test/train, "F": "foo"})
    const df2 = new DataFrame({
      A: [1, 1, 1, 1],
      C: new Float32Array([1, 1, 1, 1]),
      D: new Int32Array([3, 3, 3, 3]),
      E: ["test", "train", "test", "train"],
      F: ["foo", "foo", "foo", "foo"],
    });
    expect(df2.dtypes).toEqual({
      A: { kind: "float64" },
      C: { kind: "float32" },
      D: { kind: "int32" },
      E: { kind: "utf8" },
      F: { kind: "utf8" },
    });
  });

  const df = new DataFrame(
    { A: [1, 2, 3, 4, 5, 6], B: [10, 20, 30, 40, 50, 60], C: [-1, 0, 1, 0, -1, 2] },
    { index: dates },
  );

  it("viewing: head, tail, index, columns, describe, sort_index(ascending=False), sort_values(by='B')", () => {
    expect(df.head(2).get("A").toArray()).toEqual([1, 2]);
    expect(df.tail(3).index.toColumn().toArray()).toEqual(dates.slice(3));
    expect(df.columns).toEqual(["A", "B", "C"]);
    // describe of A = 1..6: mean 3.5, std sqrt(17.5/5) = sqrt(3.5), quartiles 2.25 / 3.5 / 4.75
    const d = df.describe();
    expect(d.get("A").toArray()).toEqual([6, 3.5, Math.sqrt(3.5), 1, 2.25, 3.5, 4.75, 6]);
    expect(df.sortIndex({ ascending: false }).get("A").toArray()).toEqual([6, 5, 4, 3, 2, 1]);
    expect(df.sortValues("C").get("A").toArray()).toEqual([1, 5, 2, 4, 3, 6]);
  });

  it("selection: df['A'], df[0:3], df.loc[dates[0]], df.loc[:, ['A','B']], df.iloc[3], boolean indexing", () => {
    expect(df.get("A").toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(df.slice(0, 3).length).toBe(3);
    expect(df.loc(dates[0] as string).toRecords()).toEqual([{ A: 1, B: 10, C: -1 }]);
    expect(df.loc({ start: "2013-01-02", stop: "2013-01-04" }, ["A", "B"]).toRecords()).toEqual([
      { A: 2, B: 20 },
      { A: 3, B: 30 },
      { A: 4, B: 40 },
    ]);
    expect(df.iloc(3).toRecords()).toEqual([{ A: 4, B: 40, C: 0 }]);
    expect(df.filter(df.get("C").gt(0)).get("A").toArray()).toEqual([3, 6]);
    const df2 = df.assign({ E: ["one", "one", "two", "three", "four", "three"] });
    expect(
      df2
        .filter(df2.get("E").isin(["two", "four"]))
        .get("A")
        .toArray(),
    ).toEqual([3, 5]);
  });

  it("missing data: dropna(how='any'), fillna(value=5), isna", () => {
    // df1 = df.reindex(columns=[..., "E"]); df1.loc[dates[0]:dates[1], "E"] = 1
    const df1 = df.assign({ E: [1, 1, null, null, null, null] });
    expect(df1.dropNull({ how: "any" }).length).toBe(2);
    expect(df1.fillNull(5).get("E").toArray()).toEqual([1, 1, 5, 5, 5, 5]);
    expect(df1.get("E").isNull().toArray()).toEqual([false, false, true, true, true, true]);
  });

  it("operations: df.mean(), and df.sub(s, axis='index') with s shifted by 2", () => {
    expect(df.mean().toArray()).toEqual([3.5, 35, 1 / 6]);
    // s = pd.Series([1, 3, 5, np.nan, 6, 8], index=dates).shift(2) = [NaN, NaN, 1, 3, 5, NaN]
    const s = new Series([1, 3, 5, null, 6, 8], { index: dates }).shift(2);
    expect(s.toArray()).toEqual([null, null, 1, 3, 5, null]);
    const r = df.sub(s, { axis: "index" });
    // A − s: 3 − 1, 4 − 3, 5 − 5; nulls where s is null
    expect(r.get("A").toArray()).toEqual([null, null, 2, 1, 0, null]);
    expect(r.get("B").toArray()).toEqual([null, null, 29, 37, 45, null]);
  });

  it("user defined functions: df.agg-like reductions and apply on rows", () => {
    expect(df.aggregate("max").toArray()).toEqual([6, 60, 2]);
    expect(df.apply((r) => (r.B as number) / (r.A as number)).toArray()).toEqual([10, 10, 10, 10, 10, 10]);
  });
});

/**
 * pandas user guide, "Indexing and selecting data"
 * (https://pandas.pydata.org/docs/user_guide/indexing.html), translated to
 * ndframe. Where the guide fills a frame with np.random.randn, the frame
 * here holds the numbers the guide PRINTS for it (6 decimals), so the
 * expected values are the guide's printed output. Section names are given
 * in each title; "In [n]" refers to the guide's cell numbers.
 */
import { describe, expect, it } from "vitest";
import { IndexError, KeyError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

// The default index (0, 1, 2, …) is int64, as pandas' RangeIndex, so its labels come back as
// bigint: compare them as numbers.
const asNumber = (v: unknown) => (typeof v === "bigint" ? Number(v) : v);
const labels = (x: { index: { toColumn(): { toArray(): unknown[] } } }) =>
  x.index.toColumn().toArray().map(asNumber);

// In [56]: df1 = pd.DataFrame(np.random.randn(6, 4), index=list('abcdef'), columns=list('ABCD'))
const byLabel = () =>
  new DataFrame(
    {
      A: [0.132003, 1.130127, 1.02418, 0.974466, 0.545952, -1.281247],
      B: [-0.827317, -1.436737, 0.569605, -2.006747, -1.219217, -0.727707],
      C: [-0.076467, -1.413681, 0.875906, -0.410001, -1.226825, -0.121306],
      D: [-1.187678, 1.60792, -2.211372, -0.078638, 0.769804, -0.097883],
    },
    { index: ["a", "b", "c", "d", "e", "f"] },
  );

// In [85]: df1 = pd.DataFrame(np.random.randn(6, 4), index=list(range(0, 12, 2)), columns=list(range(0, 8, 2)))
// (ndframe column names are strings: "0", "2", "4", "6")
const byPosition = () =>
  new DataFrame(
    {
      "0": [0.149748, 0.40331, -1.369849, -0.826591, 0.995761, -0.317441],
      "2": [-0.732339, -0.154951, -0.954208, -0.345352, 2.39678, -1.236269],
      "4": [0.687738, 0.301624, 1.462696, 1.314232, 0.014871, 0.896171],
      "6": [0.176444, -2.179861, -1.743161, 0.690579, 3.357427, -0.487602],
    },
    { index: [0, 2, 4, 6, 8, 10] },
  );

describe("user guide: Indexing and selecting data", () => {
  it("df.loc(labels, names) picks rows and columns by label (Different choices for indexing, In [4])", () => {
    // df = pd.DataFrame(np.arange(25).reshape(5, 5), index=list("abcde"), columns=list("abcde"))
    // column j holds 5*i + j for row i
    const cols: Record<string, number[]> = {};
    for (const [j, n] of ["a", "b", "c", "d", "e"].entries()) cols[n] = [0, 1, 2, 3, 4].map((i) => 5 * i + j);
    const df = new DataFrame(cols, { index: ["a", "b", "c", "d", "e"] });
    const r = df.loc(["a", "c", "e"], ["b", "d"]);
    expect(r.toRecords()).toEqual([
      { b: 1, d: 3 },
      { b: 11, d: 13 },
      { b: 21, d: 23 },
    ]);
    expect(labels(r)).toEqual(["a", "c", "e"]);
  });

  it("df.loc({start}, {start, stop}) with label slices includes both ends (Selection by label, In [57]-[58])", () => {
    const df1 = byLabel();
    // df1.loc[['a', 'b', 'd'], :]
    expect(labels(df1.loc(["a", "b", "d"]))).toEqual(["a", "b", "d"]);
    // df1.loc['d':, 'A':'C']
    const r = df1.loc({ start: "d" }, { start: "A", stop: "C" });
    expect(r.columns).toEqual(["A", "B", "C"]);
    expect(labels(r)).toEqual(["d", "e", "f"]);
    expect(r.toRecords()).toEqual([
      { A: 0.974466, B: -2.006747, C: -0.410001 },
      { A: 0.545952, B: -1.219217, C: -1.226825 },
      { A: -1.281247, B: -0.727707, C: -0.121306 },
    ]);
  });

  it("df.loc(null, boolean[]) selects columns with a mask built from a row (Selection by label, In [59]-[61])", () => {
    const df1 = byLabel();
    // df1.loc['a'] > 0  ->  A True, B False, C False, D False
    const rowA = df1.loc("a").toRecords()[0] as Record<string, number>;
    const mask = df1.columns.map((n) => (rowA[n] as number) > 0);
    expect(mask).toEqual([true, false, false, false]);
    // df1.loc[:, df1.loc['a'] > 0]
    const r = df1.loc(null, mask);
    expect(r.columns).toEqual(["A"]);
    expect(r.get("A").toArray()).toEqual([0.132003, 1.130127, 1.02418, 0.974466, 0.545952, -1.281247]);
  });

  it("df.filter(mask) treats a null in a bool mask as false (Selection by label, In [62]-[64])", () => {
    // mask = pd.array([True, False, True, False, pd.NA, False], dtype="boolean"); df1[mask] -> rows a, c
    const mask = new Series([true, false, true, false, null, false], { dtype: "bool" });
    const df1 = byLabel();
    expect(labels(df1.filter(mask))).toEqual(["a", "c"]);
    expect(labels(df1.loc(mask))).toEqual(["a", "c"]);
  });

  it("df.loc({start, stop, step}) on unsorted, sorted and stepped label slices (Slicing with labels, In [66]-[76])", () => {
    // s = pd.Series(list('abcde'), index=[0, 3, 2, 5, 4]); s.loc[3:5] -> 3 b, 2 c, 5 d
    const s = new DataFrame({ v: ["a", "b", "c", "d", "e"] }, { index: [0, 3, 2, 5, 4] });
    const r = s.loc({ start: 3, stop: 5 });
    expect(r.get("v").toArray()).toEqual(["b", "c", "d"]);
    expect(labels(r)).toEqual([3, 2, 5]);
    // s.sort_index().loc[1:6]: neither 1 nor 6 is a label, but the index is sorted -> 2 c, 3 b, 4 e, 5 d
    const sorted = s.sortIndex().loc({ start: 1, stop: 6 });
    expect(sorted.get("v").toArray()).toEqual(["c", "b", "e", "d"]);
    expect(labels(sorted)).toEqual([2, 3, 4, 5]);
    // "in the above example, s.loc[1:6] would raise KeyError" (absent label, unsorted index)
    expect(() => s.loc({ start: 1, stop: 6 })).toThrow(KeyError);
    // s = pd.Series(range(10), index=[0, 5, ..., 45]); s.loc[10:50:5] -> 10 2, 35 7
    const ints = new DataFrame(
      { v: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
      { index: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45] },
    );
    const stepped = ints.loc({ start: 10, stop: 50, step: 5 });
    expect(stepped.get("v").toArray()).toEqual([2, 7]);
    expect(labels(stepped)).toEqual([10, 35]);
    // s.loc['b':'i':2] on index a..j -> b 1, d 3, f 5, h 7
    const strs = new DataFrame({ v: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, { index: [..."abcdefghij"] });
    const t = strs.loc({ start: "b", stop: "i", step: 2 });
    expect(t.get("v").toArray()).toEqual([1, 3, 5, 7]);
    expect(labels(t)).toEqual(["b", "d", "f", "h"]);
  });

  it("df.iloc(rows, cols) with slices and lists of positions (Selection by position, In [86]-[92])", () => {
    const df1 = byPosition();
    // df1.iloc[:3]
    expect(labels(df1.iloc({ stop: 3 }))).toEqual([0, 2, 4]);
    // df1.iloc[1:5, 2:4]
    const a = df1.iloc({ start: 1, stop: 5 }, { start: 2, stop: 4 });
    expect(a.columns).toEqual(["4", "6"]);
    expect(labels(a)).toEqual([2, 4, 6, 8]);
    expect(a.get("4").toArray()).toEqual([0.301624, 1.462696, 1.314232, 0.014871]);
    expect(a.get("6").toArray()).toEqual([-2.179861, -1.743161, 0.690579, 3.357427]);
    // df1.iloc[[1, 3, 5], [1, 3]]
    const b = df1.iloc([1, 3, 5], [1, 3]);
    expect(labels(b)).toEqual([2, 6, 10]);
    expect(b.toRecords()).toEqual([
      { "2": -0.154951, "6": -2.179861 },
      { "2": -0.345352, "6": 0.690579 },
      { "2": -1.236269, "6": -0.487602 },
    ]);
    // df1.iloc[1] (pandas gives a Series named 2; ndframe a one-row frame labelled 2)
    const row = df1.iloc(1);
    expect(labels(row)).toEqual([2]);
    expect(row.toRecords()).toEqual([{ "0": 0.40331, "2": -0.154951, "4": 0.301624, "6": -2.179861 }]);
  });

  it("df.iloc(slice) clamps out-of-range slices, but an out-of-range position raises (Selection by position, In [97]-[107])", () => {
    const s = new DataFrame({ x: ["a", "b", "c", "d", "e", "f"] });
    // s.iloc[4:10] -> e, f ; s.iloc[8:10] -> empty
    expect(s.iloc({ start: 4, stop: 10 }).get("x").toArray()).toEqual(["e", "f"]);
    expect(s.iloc({ start: 8, stop: 10 }).length).toBe(0);
    // dfl.iloc[:, 2:3] on columns A, B -> no columns, index kept; dfl.iloc[:, 1:3] -> B
    const dfl = new DataFrame({ A: [1, 2, 3, 4, 5], B: [6, 7, 8, 9, 10] });
    expect(dfl.iloc(null, { start: 2, stop: 3 }).shape).toEqual([5, 0]);
    expect(dfl.iloc(null, { start: 1, stop: 3 }).columns).toEqual(["B"]);
    expect(labels(dfl.iloc({ start: 4, stop: 6 }))).toEqual([4]);
    // dfl.iloc[[4, 5, 6]] and dfl.iloc[:, 4] raise IndexError
    expect(() => dfl.iloc([4, 5, 6])).toThrow(IndexError);
    expect(() => dfl.iloc(null, 4)).toThrow(IndexError);
  });

  it("df.filter(fn) plays the role of a callable in .loc (Selection by callable, In [110]-[114])", () => {
    // In [109] df1 (a new random frame in the guide)
    const df1 = new DataFrame(
      {
        A: [-0.023688, -0.251905, 0.299368, -0.025747, 1.289997, -0.489682],
        B: [2.410179, -2.213588, -0.863838, -0.988387, 0.082423, 0.369374],
        C: [1.45052, 1.063327, 0.408204, 0.094055, -0.055758, -0.034571],
        D: [0.206053, 1.266143, -1.048089, 1.262731, 0.53658, -2.484478],
      },
      { index: ["a", "b", "c", "d", "e", "f"] },
    );
    // df1.loc[lambda df: df['A'] > 0, :] -> rows c, e (ndframe's loc takes no function: filter does)
    const r = df1.filter((df) => df.get("A").gt(0));
    expect(labels(r)).toEqual(["c", "e"]);
    expect(r.get("D").toArray()).toEqual([-1.048089, 0.53658]);
    // df1.loc[:, lambda df: ['A', 'B']] and df1.iloc[:, lambda df: [0, 1]]
    expect(df1.loc(null, ["A", "B"]).columns).toEqual(["A", "B"]);
    expect(df1.iloc(null, [0, 1]).columns).toEqual(["A", "B"]);
    // df1['A'].loc[lambda s: s > 0] -> c 0.299368, e 1.289997
    const a = df1.get("A");
    const pos = a.filter(a.gt(0));
    expect(pos.toArray()).toEqual([0.299368, 1.289997]);
    expect(labels(pos)).toEqual(["c", "e"]);
  });

  it("df.loc(index labels) and df.iloc(positions) give the same rows (Combining positional and label-based indexing, In [117]-[121])", () => {
    const dfd = new DataFrame({ A: [1, 2, 3], B: [4, 5, 6] }, { index: ["a", "b", "c"] });
    // dfd.loc[dfd.index[[0, 2]], 'A'] -> a 1, c 3
    const byLabels = dfd.loc([dfd.index.get(0) as string, dfd.index.get(2) as string], "A");
    expect(byLabels.get("A").toArray()).toEqual([1, 3]);
    expect(labels(byLabels)).toEqual(["a", "c"]);
    // dfd.iloc[[0, 2], dfd.columns.get_indexer(['A', 'B'])]
    const both = dfd.iloc([0, 2], [dfd.columns.indexOf("A"), dfd.columns.indexOf("B")]);
    expect(both.toRecords()).toEqual([
      { A: 1, B: 4 },
      { A: 3, B: 6 },
    ]);
  });

  it("s.filter(s.gt(0)) and combined masks with or/not (Boolean indexing, In [168]-[172])", () => {
    // s = pd.Series(range(-3, 4))
    const s = new Series([-3, -2, -1, 0, 1, 2, 3]);
    const gt0 = s.filter(s.gt(0));
    expect(gt0.toArray()).toEqual([1, 2, 3]);
    expect(labels(gt0)).toEqual([4, 5, 6]);
    // s[(s < -1) | (s > 0.5)]
    expect(s.filter(s.lt(-1).or(s.gt(0.5))).toArray()).toEqual([-3, -2, 1, 2, 3]);
    // s[~(s < 0)]
    const nonNeg = s.filter(s.lt(0).not());
    expect(nonNeg.toArray()).toEqual([0, 1, 2, 3]);
    expect(labels(nonNeg)).toEqual([3, 4, 5, 6]);
  });

  it("df.loc(boolSeries, cols) and df.iloc(boolean[], position) select rows by a mask (Boolean indexing, In [174]-[184])", () => {
    // df2 = pd.DataFrame({'a': ['one', 'one', 'two', 'three', 'two', 'one', 'six'], 'b': ['x', 'y', 'y', 'x', 'y', 'x', 'x'], ...})
    const df2 = new DataFrame({
      a: ["one", "one", "two", "three", "two", "one", "six"],
      b: ["x", "y", "y", "x", "y", "x", "x"],
    });
    // criterion = df2['a'].map(lambda x: x.startswith('t')) -> rows 2, 3, 4
    const criterion = df2.get("a").apply((v) => (v as string).startsWith("t"), { dtype: "bool" });
    expect(labels(df2.filter(criterion))).toEqual([2, 3, 4]);
    // df2.loc[criterion & (df2['b'] == 'x'), 'b':'c'] -> row 3 only
    const r = df2.loc(criterion.and(df2.get("b").eq("x")), { start: "b" });
    expect(labels(r)).toEqual([3]);
    expect(r.toRecords()).toEqual([{ b: "x" }]);
    const df = new DataFrame({ A: [1, 3, 5], B: [2, 4, 6] }, { index: ["a", "b", "c"] });
    const s = df.get("A").gt(2); // a False, b True, c True
    expect(s.toArray()).toEqual([false, true, true]);
    const byLoc = df.loc(s, "B");
    expect(byLoc.get("B").toArray()).toEqual([4, 6]);
    expect(labels(byLoc)).toEqual(["b", "c"]);
    // df.iloc[s.values, 1]
    const mask = s.toArray() as boolean[];
    expect(df.iloc(mask, 1).get("B").toArray()).toEqual([4, 6]);
  });

  it("s.isin(values) marks members; the index labels are tested the same way (Indexing with isin, In [185]-[189])", () => {
    // s = pd.Series(np.arange(5), index=np.arange(5)[::-1], dtype='int64')
    const s = new Series(new BigInt64Array([0n, 1n, 2n, 3n, 4n]), { index: [4, 3, 2, 1, 0] });
    expect(s.isin([2, 4, 6]).toArray()).toEqual([false, false, true, false, true]);
    const kept = s.filter(s.isin([2, 4, 6]));
    expect(kept.toArray()).toEqual([2n, 4n]);
    expect(labels(kept)).toEqual([2, 0]);
    // s[s.index.isin([2, 4, 6])] -> 4 0, 2 2 (ndframe's Index has no isin: test the labels as a Series)
    const inIndex = new Series(s.index.toColumn()).isin([2, 4, 6]);
    const byIndex = s.filter(inIndex);
    expect(byIndex.toArray()).toEqual([0n, 2n]);
    expect(labels(byIndex)).toEqual([4, 2]);
  });

  it("df.filter(col.isin(other column)) reproduces the `in` / `not in` queries (The in and not in operators, In [277]-[291])", () => {
    // In [278]: columns c and d are random in the guide; these are the printed values
    const df = new DataFrame({
      a: [..."aabbccddeeff"],
      b: [..."aaaabbbbcccc"],
      c: [2, 0, 1, 2, 1, 2, 3, 2, 2, 2, 3, 1],
      d: [3, 0, 6, 2, 7, 7, 6, 7, 8, 8, 3, 3],
    });
    const aInB = df.get("a").isin(df.get("b").toArray());
    // df[df['a'].isin(df['b'])] -> rows 0..5 ; df[~df['a'].isin(df['b'])] -> rows 6..11
    expect(labels(df.filter(aInB))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(labels(df.filter(aInB.not()))).toEqual([6, 7, 8, 9, 10, 11]);
    // df[df['b'].isin(df['a']) & (df['c'] < df['d'])]
    const both = df
      .get("b")
      .isin(df.get("a").toArray())
      .and(df.get("c").lt(df.get("d")));
    expect(labels(df.filter(both))).toEqual([0, 2, 4, 5, 6, 7, 8, 9, 11]);
    // df[df['c'].isin([1, 2])] and its complement
    const c12 = df.get("c").isin([1, 2]);
    expect(labels(df.filter(c12))).toEqual([0, 2, 3, 4, 5, 7, 8, 9, 11]);
    expect(labels(df.filter(c12.not()))).toEqual([1, 6, 10]);
  });

  it("s.isin per column, combined with and, selects rows meeting every criterion (Indexing with isin, In [195]-[204])", () => {
    const df = new DataFrame({ vals: [1, 2, 3, 4], ids: ["a", "b", "f", "n"], ids2: ["a", "n", "c", "n"] });
    // values = {'ids': ['a', 'b'], 'ids2': ['a', 'c'], 'vals': [1, 3]}; row_mask = df.isin(values).all(axis=1)
    // ndframe has no DataFrame.isin: one Series.isin per column, and'ed
    //   vals: T F T F ; ids: T T F F ; ids2: T F T F  ->  all: T F F F
    const rowMask = df
      .get("vals")
      .isin([1, 3])
      .and(df.get("ids").isin(["a", "b"]))
      .and(df.get("ids2").isin(["a", "c"]));
    expect(rowMask.toArray()).toEqual([true, false, false, false]);
    expect(df.filter(rowMask).toRecords()).toEqual([{ vals: 1, ids: "a", ids2: "a" }]);
  });

  it("s.where(cond, other) and s.mask(cond) keep the shape, with null where pandas shows NaN (The where() Method and Masking, In [205]-[227])", () => {
    const s = new Series(new BigInt64Array([0n, 1n, 2n, 3n, 4n]), { index: [4, 3, 2, 1, 0] });
    // s.where(s > 0) -> NaN, 1, 2, 3, 4 (pandas casts to float64; ndframe keeps int64 with a null)
    const w = s.where(s.gt(0));
    expect(w.toArray()).toEqual([null, 1n, 2n, 3n, 4n]);
    expect(labels(w)).toEqual([4, 3, 2, 1, 0]);
    // s.mask(s >= 0) -> all missing
    expect(s.mask(s.ge(0)).toArray()).toEqual([null, null, null, null, null]);
    // s2[s2 < 0] = 0 leaves s unchanged (no negatives): where(s >= 0, 0)
    expect(s.where(s.ge(0), 0).toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
    // df.where(df < 0, -df) is -|x|: on range(-3, 4) -> -3 -2 -1 0 -1 -2 -3
    const r = new Series([-3, -2, -1, 0, 1, 2, 3]);
    expect(r.where(r.lt(0), r.neg()).toArray()).toEqual([-3, -2, -1, -0, -1, -2, -3]);
    // ndframe has no DataFrame.where: the same per column with Series.where
    const df3 = new DataFrame({ A: [1, 2, 3], B: [4, 5, 6], C: [7, 8, 9] });
    const out = df3.columns.map((n) => {
      const x = df3.get(n);
      return x.where(x.gt(4), x.add(10)).toArray();
    });
    // A: none > 4 -> 11 12 13 ; B: 4 fails -> 14 5 6 ; C: all > 4 -> 7 8 9
    expect(out).toEqual([
      [11, 12, 13],
      [14, 5, 6],
      [7, 8, 9],
    ]);
  });

  // In [305]: column c is random in the guide; these are its printed values
  const dup = () =>
    new DataFrame({
      a: ["one", "one", "two", "two", "two", "three", "four"],
      b: ["x", "y", "x", "y", "x", "x", "x"],
      c: [-1.467157, 0.113937, -1.428572, 0.337109, 0.052469, -2.29456, 2.148507],
    });

  it("df.duplicated({subset, keep}) and df.dropDuplicates with keep first / last / false (Duplicate data, In [304]-[313])", () => {
    const df2 = dup();
    expect(df2.duplicated({ subset: ["a"] }).toArray()).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(df2.duplicated({ subset: ["a"], keep: "last" }).toArray()).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(df2.duplicated({ subset: ["a"], keep: false }).toArray()).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    // df2.duplicated(['a', 'b'])
    expect(df2.duplicated({ subset: ["a", "b"] }).toArray()).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    // df2.drop_duplicates('a', keep=...) and df2.drop_duplicates(['a', 'b'])
    const first = df2.dropDuplicates({ subset: ["a"] });
    expect(labels(first)).toEqual([0, 2, 5, 6]);
    expect(first.get("c").toArray()).toEqual([-1.467157, -1.428572, -2.29456, 2.148507]);
    const last = df2.dropDuplicates({ subset: ["a"], keep: "last" });
    expect(labels(last)).toEqual([1, 4, 5, 6]);
    expect(last.get("b").toArray()).toEqual(["y", "x", "x", "x"]);
    expect(labels(df2.dropDuplicates({ subset: ["a"], keep: false }))).toEqual([5, 6]);
    expect(labels(df2.dropDuplicates({ subset: ["a", "b"] }))).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it("df.index.duplicated(keep) drops rows by repeated label (Duplicate data, In [314]-[319])", () => {
    const df3 = new DataFrame({ a: [0, 1, 2, 3, 4, 5] }, { index: ["a", "a", "b", "c", "b", "a"] });
    expect(df3.index.duplicated().toArray()).toEqual([false, true, false, false, true, true]);
    const unique = (keep: "first" | "last" | false) =>
      df3.filter(new Series(df3.index.duplicated(keep)).not());
    // df3[~df3.index.duplicated()] -> a 0, b 2, c 3
    expect(unique("first").get("a").toArray()).toEqual([0, 2, 3]);
    expect(labels(unique("first"))).toEqual(["a", "b", "c"]);
    // keep='last' -> c 3, b 4, a 5 ; keep=False -> c 3
    expect(labels(unique("last"))).toEqual(["c", "b", "a"]);
    expect(unique("last").get("a").toArray()).toEqual([3, 4, 5]);
    expect(unique(false).toRecords()).toEqual([{ a: 3 }]);
  });

  it("df.setIndex(name, {drop}) and df.resetIndex() (Set / reset index, In [367]-[378])", () => {
    const data = new DataFrame({
      a: ["bar", "bar", "foo", "foo"],
      b: ["one", "two", "one", "two"],
      c: ["z", "y", "x", "w"],
      d: [1, 2, 3, 4],
    });
    // indexed1 = data.set_index('c')
    const indexed1 = data.setIndex("c");
    expect(indexed1.columns).toEqual(["a", "b", "d"]);
    expect(labels(indexed1)).toEqual(["z", "y", "x", "w"]);
    expect(indexed1.loc("x").toRecords()).toEqual([{ a: "foo", b: "one", d: 3 }]);
    // data.set_index('c', drop=False) keeps c as a column too
    const kept = data.setIndex("c", { drop: false });
    expect(kept.columns).toEqual(["a", "b", "c", "d"]);
    expect(labels(kept)).toEqual(["z", "y", "x", "w"]);
    // data.reset_index() -> a column "index" of 0..3 in front, then a b c d
    const reset = data.resetIndex();
    expect(reset.columns).toEqual(["index", "a", "b", "c", "d"]);
    expect(reset.get("index").toArray().map(asNumber)).toEqual([0, 1, 2, 3]);
    // the inverse of set_index. pandas' index remembers its name, so indexed1.reset_index() gives
    // back a column "c"; ndframe's indexes carry no name (resetIndex names the column "index"
    // unless told otherwise), so the name is passed
    expect(indexed1.resetIndex().columns).toEqual(["index", "a", "b", "d"]);
    const back = indexed1.resetIndex({ name: "c" });
    expect(back.columns).toEqual(["c", "a", "b", "d"]);
    expect(back.get("c").toArray()).toEqual(["z", "y", "x", "w"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTypeError, KeyError, OptionError, ShapeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import { arith } from "../../src/frame/verbs/arithmetic.js";
import { Series } from "../../src/series/series.js";

const labels = (df: DataFrame) => df.index.toColumn().toArray();
const shapes = ["circle", "triangle", "rectangle"];

// pandas docs, DataFrame.add/sub/mul/…: df = pd.DataFrame({'angles': [0, 3, 4], 'degrees': [360, 180, 360]}, index=[...])
const angles = () => new DataFrame({ angles: [0, 3, 4], degrees: [360, 180, 360] }, { index: shapes });
// pandas docs, DataFrame.eq/ne/…: df = pd.DataFrame({'cost': [250, 150, 100], 'revenue': [100, 250, 300]}, index=['A', 'B', 'C'])
const money = () =>
  new DataFrame({ cost: [250, 150, 100], revenue: [100, 250, 300] }, { index: ["A", "B", "C"] });

describe("arith (pandas docs: flexible arithmetic)", () => {
  it('arith("add", df, 1) and arith("div", df, 10) apply a scalar to every column', () => {
    const r = arith("add", angles(), 1);
    expect(r.toRecords()).toEqual([
      { angles: 1, degrees: 361 },
      { angles: 4, degrees: 181 },
      { angles: 5, degrees: 361 },
    ]);
    expect(labels(r)).toEqual(shapes);
    const d = arith("div", angles(), 10);
    expect(d.get("angles").toArray()).toEqual([0, 0.3, 0.4]);
    expect(d.get("degrees").toArray()).toEqual([36, 18, 36]);
  });

  it('arith("sub", df, [1, 2]) subtracts one value per column (df - [1, 2])', () => {
    const r = arith("sub", angles(), [1, 2], { axis: "columns" });
    expect(r.get("angles").toArray()).toEqual([-1, 2, 3]);
    expect(r.get("degrees").toArray()).toEqual([358, 178, 358]);
  });

  it('arith("sub", df, series, {axis: "index"}) aligns the Series on the rows', () => {
    const s = new Series([1, 1, 1], { index: shapes });
    const r = arith("sub", angles(), s, { axis: "index" });
    expect(r.get("angles").toArray()).toEqual([-1, 2, 3]);
    expect(r.get("degrees").toArray()).toEqual([359, 179, 359]);
  });

  it('arith("mul", df, record) multiplies by column; with axis "index" by row label', () => {
    const r = arith("mul", angles(), { angles: 0, degrees: 2 });
    expect(r.get("angles").toArray()).toEqual([0, 0, 0]);
    expect(r.get("degrees").toArray()).toEqual([720, 360, 720]);
    const i = arith("mul", angles(), { circle: 0, triangle: 2, rectangle: 3 }, { axis: "index" });
    expect(i.get("angles").toArray()).toEqual([0, 6, 12]);
    expect(i.get("degrees").toArray()).toEqual([0, 360, 1080]);
  });

  it('arith("mul", df, other) gives nulls for a column other lacks; fillValue 0 fills them', () => {
    const other = new DataFrame({ angles: [0, 3, 4] }, { index: shapes });
    const r = arith("mul", angles(), other);
    expect(r.columns).toEqual(["angles", "degrees"]);
    expect(r.get("angles").toArray()).toEqual([0, 9, 16]);
    expect(r.get("degrees").toArray()).toEqual([null, null, null]);
    const f = arith("mul", angles(), other, { fillValue: 0 });
    expect(f.get("angles").toArray()).toEqual([0, 9, 16]);
    expect(f.get("degrees").toArray()).toEqual([0, 0, 0]);
  });

  it("arith(op, df, other, {fillValue}) leaves a pair null on both sides null (pandas Series.add example)", () => {
    // a = [1, 1, 1, NaN] at a, b, c, d; b = [1, NaN, 1, NaN] at a, b, d, e; a.add(b, fill_value=0)
    const a = new DataFrame({ x: [1, 1, 1, null] }, { index: ["a", "b", "c", "d"] });
    const b = new DataFrame({ x: [1, null, 1, null] }, { index: ["a", "b", "d", "e"] });
    const r = arith("add", a, b, { fillValue: 0 });
    expect(labels(r)).toEqual(["a", "b", "c", "d", "e"]);
    expect(r.get("x").toArray()).toEqual([2, 1, 1, 1, null]);
    expect(arith("add", a, b).get("x").toArray()).toEqual([2, null, null, null, null]);
    // a scalar operand: the frame's nulls are filled first
    expect(arith("add", a, 10, { fillValue: 0 }).get("x").toArray()).toEqual([11, 11, 11, 10]);
  });
});

describe("arith (pandas docs: flexible comparisons)", () => {
  it('arith("eq", df, 100) compares every column with a scalar', () => {
    const r = arith("eq", money(), 100);
    expect(r.get("cost").toArray()).toEqual([false, false, true]);
    expect(r.get("revenue").toArray()).toEqual([true, false, false]);
    expect(r.get("cost").dtype.kind).toBe("bool");
  });

  it('arith("ne", df, series) lines the Series up with the columns by label', () => {
    const s = new Series([100, 250], { index: ["cost", "revenue"] });
    const r = arith("ne", money(), s);
    expect(r.get("cost").toArray()).toEqual([true, true, false]);
    expect(r.get("revenue").toArray()).toEqual([true, false, true]);
  });

  it('arith("ne", df, series, {axis: "index"}) unions the rows; unmatched pairs are null (pandas: True)', () => {
    const s = new Series([100, 300], { index: ["A", "D"] });
    const r = arith("ne", money(), s, { axis: "index" });
    expect(labels(r)).toEqual(["A", "B", "C", "D"]);
    // pandas gives cost [T, T, T, T], revenue [F, T, T, T]: NaN != x is True there; a null here
    expect(r.get("cost").toArray()).toEqual([true, null, null, null]);
    expect(r.get("revenue").toArray()).toEqual([false, null, null, null]);
  });

  it('arith("eq", df, list) by column, and with axis "index" by row', () => {
    const r = arith("eq", money(), [250, 100]);
    expect(r.get("cost").toArray()).toEqual([true, false, false]);
    expect(r.get("revenue").toArray()).toEqual([true, false, false]);
    const i = arith("eq", money(), [250, 250, 100], { axis: "index" });
    expect(i.get("cost").toArray()).toEqual([true, false, true]);
    expect(i.get("revenue").toArray()).toEqual([false, true, false]);
  });

  it('arith("gt", df, other) aligns columns and rows; pairs missing a side are null (pandas: False)', () => {
    const other = new DataFrame({ revenue: [300, 250, 100, 150] }, { index: ["A", "B", "C", "D"] });
    const r = arith("gt", money(), other);
    expect(r.columns).toEqual(["cost", "revenue"]);
    expect(labels(r)).toEqual(["A", "B", "C", "D"]);
    expect(r.get("revenue").toArray()).toEqual([false, false, true, null]);
    expect(r.get("cost").toArray()).toEqual([null, null, null, null]);
  });

  it("arith(lt, le, ge) by hand", () => {
    expect(arith("lt", money(), 150).get("cost").toArray()).toEqual([false, false, true]);
    expect(arith("le", money(), 150).get("cost").toArray()).toEqual([false, true, true]);
    expect(arith("ge", money(), 250).get("revenue").toArray()).toEqual([false, true, true]);
  });
});

describe("arith (rules)", () => {
  it("arith(floorDiv, mod, pow) follow Python's floor rules (hand computed)", () => {
    const df = new DataFrame({ x: new Int32Array([7, -7, 6]) });
    expect(arith("floorDiv", df, 2).get("x").toArray()).toEqual([3, -4, 3]);
    expect(arith("mod", df, 2).get("x").toArray()).toEqual([1, 1, 0]);
    expect(arith("pow", df, 2).get("x").toArray()).toEqual([49, 49, 36]);
  });

  it("arith keeps kernel dtypes: a scalar is weak, a Series value keeps its dtype, int64 stays exact", () => {
    const df = new DataFrame({ i: new Int32Array([1, 2]), big: column([2n ** 62n, 1n], "int64") });
    expect(arith("add", df, 1).get("i").dtype.kind).toBe("int32");
    const viaSeries = arith("add", df.select("i"), new Series([0.5], { index: ["i"] })).get("i");
    expect(viaSeries.dtype.kind).toBe("float64");
    expect(viaSeries.toArray()).toEqual([1.5, 2.5]);
    expect(arith("add", df.select("big"), 1n).get("big").toArray()).toEqual([2n ** 62n + 1n, 2n]);
  });

  it("arith appends the operand's extra columns after the frame's, all null", () => {
    const left = new DataFrame({ b: [1, 2], a: [3, 4] });
    const right = new DataFrame({ c: [1, 1], a: [10, 20] });
    const r = arith("add", left, right);
    expect(r.columns).toEqual(["b", "a", "c"]);
    expect(r.get("a").toArray()).toEqual([13, 24]);
    expect(r.get("b").toArray()).toEqual([null, null]);
    expect(r.get("c").toArray()).toEqual([null, null]);
    const s = arith("add", left, new Series([1, 2], { index: ["a", "z"] }));
    expect(s.columns).toEqual(["b", "a", "z"]);
    expect(s.get("a").toArray()).toEqual([4, 5]);
    expect(s.get("z").toArray()).toEqual([null, null]);
  });

  it("arith pairs an unlabeled Series with the columns by position, and unlabeled frames by row", () => {
    const df = new DataFrame({ a: [1, 2], b: [3, 4] });
    expect(arith("mul", df, new Series([10, 100])).toRecords()).toEqual([
      { a: 10, b: 300 },
      { a: 20, b: 400 },
    ]);
    const labeled = new DataFrame({ a: [5, 6] }, { index: ["x", "y"] });
    const r = arith("add", df, labeled);
    expect(labels(r)).toEqual(["x", "y"]);
    expect(r.get("a").toArray()).toEqual([6, 8]);
  });

  it("arith(op, df, other) on labeled rows matches a label-by-label reference (property)", () => {
    const letters = ["a", "b", "c", "d", "e", "f"];
    const side = fc.shuffledSubarray(letters, { minLength: 1 }).chain((ls) =>
      fc.tuple(
        fc.constant(ls),
        fc.array(fc.option(fc.integer({ min: -9, max: 9 }), { nil: null }), {
          minLength: ls.length,
          maxLength: ls.length,
        }),
      ),
    );
    fc.assert(
      fc.property(side, side, fc.constantFrom("add", "sub", "mul", "lt"), ([ll, lv], [rl, rv], op) => {
        const l = new DataFrame({ v: lv }, { index: ll });
        const r = new DataFrame({ v: rv }, { index: rl });
        const res = arith(op as "add", l, r);
        const got = res.get("v").toArray();
        const ref = (a: number | null | undefined, b: number | null | undefined) => {
          if (a == null || b == null) return null;
          return op === "add" ? a + b : op === "sub" ? a - b : op === "mul" ? a * b : a < b;
        };
        const resLabels = labels(res) as string[];
        expect(new Set(resLabels)).toEqual(new Set([...ll, ...rl]));
        expect(resLabels.length).toBe(new Set([...ll, ...rl]).size);
        resLabels.forEach((label, i) => {
          expect(got[i]).toEqual(ref(lv[ll.indexOf(label)], rv[rl.indexOf(label)]));
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("arith errors name the culprit: column, lengths, labels, options", () => {
    const df = new DataFrame({ n: [1, 2], s: ["x", "y"] });
    expect(() => arith("add", df, 1)).toThrow(DTypeError);
    expect(() => arith("add", df, 1)).toThrow(/add: column "s": /);
    const nums = df.select("n");
    expect(() => arith("add", nums, [1, 2])).toThrow(ShapeError);
    expect(() => arith("add", nums, [1, 2])).toThrow(/the list has 2 values for 1 columns/);
    expect(() => arith("add", nums, [1], { axis: "index" })).toThrow(/different lengths, 2 and 1/);
    expect(() => arith("add", nums, new Series([1, 2]))).toThrow(/the Series has 2 values for 1 columns/);
    expect(() => arith("add", nums, new Series([1], { index: [5] }))).toThrow(
      /got float64 labels; pass \{ axis: "index" \}/,
    );
    expect(() => arith("add", nums, new Series([1, 2], { index: ["n", "n"] }))).toThrow(KeyError);
    expect(() => arith("add", nums, new DataFrame({ n: [1, 2, 3] }))).toThrow(ShapeError);
    expect(() => arith("plus" as never, nums, 1)).toThrow(OptionError);
    expect(() => arith("plus" as never, nums, 1)).toThrow(/invalid op: "plus" \(expected one of add, sub/);
    expect(() => arith("add", nums, 1, { axis: "rows" as never })).toThrow(/invalid axis: "rows"/);
    expect(() => arith("add", nums, 1, { fill: 0 } as never)).toThrow(/unknown option for add: "fill"/);
    expect(() => arith("eq", nums, 1, { fillValue: 0 })).toThrow(/comparisons take no fillValue/);
    expect(() => arith("add", nums, Symbol("x") as never)).toThrow(DTypeError);
    expect(() => arith("add", nums, new Series([1, 2]), { axis: "index", fillValue: 0.5 })).not.toThrow();
  });
});

import { describe, expect, expectTypeOf, it } from "vitest";
import type { Float64, Utf8 } from "../../src/core/dtype.js";
import { DTypeError, KeyError, OptionError, ShapeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { HashIndex } from "../../src/core/index/hash-index.js";
import { RangeIndex } from "../../src/core/index/range-index.js";
import { DataFrame } from "../../src/frame/frame.js";
import { iloc } from "../../src/frame/verbs/iloc.js";
import { loc } from "../../src/frame/verbs/loc.js";
import { Series } from "../../src/series/series.js";

const labels = (df: DataFrame) => df.index.toColumn().toArray();

// pandas docs, DataFrame.loc: pd.DataFrame([[1, 2], [4, 5], [7, 8]], index=['cobra', 'viper', 'sidewinder'], columns=['max_speed', 'shield'])
const snakes = () =>
  new DataFrame({ max_speed: [1, 4, 7], shield: [2, 5, 8] }, { index: ["cobra", "viper", "sidewinder"] });

describe("loc", () => {
  it("loc(df, label) gives the label's row as a frame (pandas: df.loc['viper'] is a Series)", () => {
    const r = loc(snakes(), "viper");
    expect(r.toRecords()).toEqual([{ max_speed: 4, shield: 5 }]);
    expect(labels(r)).toEqual(["viper"]);
  });

  it("loc(df, labels) follows the pandas docs: [['viper', 'sidewinder']]", () => {
    const r = loc(snakes(), ["viper", "sidewinder"]);
    expect(r.toRecords()).toEqual([
      { max_speed: 4, shield: 5 },
      { max_speed: 7, shield: 8 },
    ]);
    expect(labels(r)).toEqual(["viper", "sidewinder"]);
  });

  it("loc(df, label, name) and loc(df, {start, stop}, name) follow the pandas docs (stop included)", () => {
    expect(loc(snakes(), "cobra", "shield").toRecords()).toEqual([{ shield: 2 }]);
    const r = loc(snakes(), { start: "cobra", stop: "viper" }, "max_speed");
    expect(r.columns).toEqual(["max_speed"]);
    expect(r.get("max_speed").toArray()).toEqual([1, 4]);
    expect(labels(r)).toEqual(["cobra", "viper"]);
  });

  it("loc(df, mask) follows the pandas docs: bool list, alignable bool Series, condition", () => {
    const df = snakes();
    expect(labels(loc(df, [false, false, true]))).toEqual(["sidewinder"]);
    // pd.Series([False, True, False], index=['viper', 'sidewinder', 'cobra']) is aligned on the labels
    const aligned = loc(df, new Series([false, true, false], { index: ["viper", "sidewinder", "cobra"] }));
    expect(aligned.toRecords()).toEqual([{ max_speed: 7, shield: 8 }]);
    expect(labels(loc(df, df.get("shield").gt(6)))).toEqual(["sidewinder"]);
    expect(loc(df, df.get("shield").gt(6), ["max_speed"]).toRecords()).toEqual([{ max_speed: 7 }]);
    expect(
      loc(df, column([true, null, true], "bool"))
        .get("shield")
        .toArray(),
    ).toEqual([2, 8]);
  });

  it("loc(df, {start, stop}) on integer labels includes both ends (pandas docs: index=[7, 8, 9], df.loc[7:9])", () => {
    const df = new DataFrame({ max_speed: [1, 4, 7], shield: [2, 5, 8] }, { index: [7, 8, 9] });
    expect(loc(df, { start: 7, stop: 9 }).get("shield").toArray()).toEqual([2, 5, 8]);
    expect(loc(df, { start: 8 }).get("shield").toArray()).toEqual([5, 8]);
    expect(loc(df, { stop: 7.5 }).get("shield").toArray()).toEqual([2]);
  });

  it("loc(df, {start, stop}) on a sorted index needs no present bounds and is a view", () => {
    const df = new DataFrame({ v: new Float64Array([1, 2, 3, 4]) }, { index: ["a", "b", "c", "d"] });
    const r = loc(df, { start: "b", stop: "x" });
    expect(r.get("v").toArray()).toEqual([2, 3, 4]);
    expect(r.column("v").chunks[0]?.values.buffer).toBe(df.column("v").chunks[0]?.values.buffer);
    expect(loc(df, { start: "aa", stop: "bb" }).get("v").toArray()).toEqual([2]);
    expect(loc(df, { start: "c", stop: "b" }).length).toBe(0);
    expect(loc(df, { start: "a", stop: "d", step: 2 }).get("v").toArray()).toEqual([1, 3]);
    expect(() => loc(df, { start: 1, stop: 2 })).toThrow(DTypeError);
  });

  it("loc(df, {start, stop}) on a RangeIndex is arithmetic, for either step sign", () => {
    const df = new DataFrame({ v: Array.from({ length: 10 }, (_, i) => i) });
    expect(loc(df, { start: 2, stop: 5 }).get("v").toArray()).toEqual([2, 3, 4, 5]);
    expect(loc(df, { start: 2.5, stop: 5.5 }).get("v").toArray()).toEqual([3, 4, 5]);
    expect(loc(df, { start: -3, stop: 1 }).get("v").toArray()).toEqual([0, 1]);
    expect(loc(df, { start: 8, stop: 100n }).get("v").toArray()).toEqual([8, 9]);
    // labels 9, 8, …, 0 (step −1): 7 down to 4 → positions 2..5
    const down = new DataFrame(
      { v: Array.from({ length: 10 }, (_, i) => i) },
      { index: new RangeIndex(9, -1, -1) },
    );
    expect(loc(down, { start: 7, stop: 4 }).get("v").toArray()).toEqual([2, 3, 4, 5]);
    // labels 0, 2, 4, 6: 1..5 → 2, 4
    const even = new DataFrame({ v: [10, 12, 14, 16] }, { index: new RangeIndex(0, 8, 2) });
    expect(loc(even, { start: 1, stop: 5 }).get("v").toArray()).toEqual([12, 14]);
    expect(() => loc(df, { start: "a" })).toThrow(/label "a" cannot be compared with the int64 index/);
  });

  it("loc(df, {start, stop}) on a decreasing index slices downwards, as pandas", () => {
    const df = new DataFrame({ v: [50, 40, 30, 20, 10] }, { index: [5, 4, 3, 2, 1] });
    expect(df.index).toBeInstanceOf(HashIndex);
    expect(loc(df, { start: 4, stop: 2 }).get("v").toArray()).toEqual([40, 30, 20]);
    expect(loc(df, { start: 4.5, stop: 1.5 }).get("v").toArray()).toEqual([40, 30, 20]);
    expect(loc(df, { start: 3 }).get("v").toArray()).toEqual([30, 20, 10]);
  });

  it("loc(df, {start, stop}) on an unsorted index needs present, unique bounds (KeyError otherwise)", () => {
    const df = new DataFrame({ v: [1, 2, 3, 4] }, { index: ["c", "a", "d", "a"] });
    expect(() => loc(df, { start: "a", stop: "d" })).toThrow(/start label "a", which is repeated 2 times/);
    expect(loc(df, { start: "c", stop: "d" }).get("v").toArray()).toEqual([1, 2, 3]);
    expect(loc(df, { stop: "d" }).get("v").toArray()).toEqual([1, 2, 3]);
    expect(() => loc(df, { start: "b" })).toThrow(KeyError);
    expect(() => loc(df, { start: "b" })).toThrow(
      /start label "b", which it lacks; sort it first \(sortIndex\)/,
    );
  });

  it("loc(df, label) with repeated labels gives every row of the label, in order", () => {
    const df = new DataFrame({ v: [1, 2, 3] }, { index: ["a", "b", "a"] });
    expect(loc(df, "a").get("v").toArray()).toEqual([1, 3]);
    expect(loc(df, ["b", "a"]).get("v").toArray()).toEqual([2, 1, 3]);
    expect(labels(loc(df, ["b", "a"]))).toEqual(["b", "a", "a"]);
  });

  it("loc(df, labels) looks up numbers in the default index and mixed labels one by one", () => {
    const df = new DataFrame({ v: [10, 20, 30] });
    expect(loc(df, [2, 0]).get("v").toArray()).toEqual([30, 10]);
    expect(loc(df, 1).get("v").toArray()).toEqual([20]);
    expect(
      loc(df, column([2, 1], "int64"))
        .get("v")
        .toArray(),
    ).toEqual([30, 20]);
    expect(() => loc(df, [0, "x"])).toThrow(/label "x" is not in the index/);
  });

  it("loc(df, rows, columns) takes names, a name slice (both included) and a bool mask", () => {
    const df = new DataFrame({ a: [1], b: [2], c: [3], d: [4] });
    expect(loc(df, null, ["c", "a"]).columns).toEqual(["c", "a"]);
    expect(loc(df, null, { start: "b", stop: "c" }).columns).toEqual(["b", "c"]);
    expect(loc(df, null, { start: "c" }).columns).toEqual(["c", "d"]);
    expect(loc(df, {}, [false, true, false, true]).columns).toEqual(["b", "d"]);
  });

  it("loc errors name the culprit: missing labels, unalignable mask, mask length, bad columns and options", () => {
    const df = snakes();
    expect(() => loc(df, "python")).toThrow(KeyError);
    expect(() => loc(df, "python")).toThrow(/loc: label "python" is not in the index/);
    expect(() => loc(df, ["viper", "x", "y"])).toThrow(
      /label "x" is not in the index \(2 of the labels are missing\)/,
    );
    const partial = new Series([true, false], { index: ["viper", "cobra"] });
    expect(() => loc(df, partial)).toThrow(ShapeError);
    expect(() => loc(df, partial)).toThrow(/no value for label "sidewinder"/);
    expect(() => loc(df, [true, false])).toThrow(/the mask has 2 values, the frame has 3 rows/);
    expect(() => loc(df, null, "sheild" as never)).toThrow(KeyError);
    expect(() => loc(df, null, "sheild" as never)).toThrow(/no column "sheild"; did you mean "shield"/);
    expect(() => loc(df, null, ["shield", "shield"])).toThrow(/selected twice/);
    expect(() => loc(df, { start: "cobra", step: 0 })).toThrow(OptionError);
    expect(() => loc(df, { start: "cobra", step: -1 })).toThrow(
      /invalid slice step: -1 \(expected a positive integer\)/,
    );
    expect(() => loc(df, { from: "cobra" } as never)).toThrow(/unknown slice key "from"/);
    expect(() => loc(df, null, { begin: "a" } as never)).toThrow(/unknown column slice key "begin"/);
    expect(() => loc(df, Symbol("x") as never)).toThrow(DTypeError);
  });

  it("loc and iloc keep the schema of the columns they name (types)", () => {
    const df = new DataFrame({ a: [1], b: ["x"] });
    expectTypeOf(loc(df, null, ["a"]).get("a")).toEqualTypeOf<Series<Float64>>();
    expectTypeOf(iloc(df, 0, "b").get("b")).toEqualTypeOf<Series<Utf8>>();
    expectTypeOf(loc(df, 0).get("b")).toEqualTypeOf<Series<Utf8>>();
    // @ts-expect-error: "z" is not a column
    expect(() => loc(df, null, ["z"])).toThrow(KeyError);
  });
});

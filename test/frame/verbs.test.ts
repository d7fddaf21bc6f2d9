import { describe, expect, it } from "vitest";
import { DTypeError, KeyError, ShapeError } from "../../src/core/errors.js";
import { col } from "../../src/core/expr/expr.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

const labels = (df: { index: { toColumn(): { toArray(): unknown[] } } }) => df.index.toColumn().toArray();

describe("frame verbs", () => {
  it("rename(mapping) renames in place and shares the columns", () => {
    const df = new DataFrame({ a: [1], b: [2] });
    const r = df.rename({ b: "B" });
    expect(r.columns).toEqual(["a", "B"]);
    expect(r.get("B").column).toBe(df.get("b").column);
    expect(() => df.rename({ z: "q" } as never)).toThrow(KeyError);
    expect(() => df.rename({ a: "b" })).toThrow(/two columns would be named "b"/);
  });

  it("assign evaluates in order: later values see earlier ones (pandas' assign)", () => {
    // pandas docs: df.assign(temp_f=lambda x: x.temp_c * 9 / 5 + 32, temp_k=lambda x: (x.temp_f + 459.67) * 5 / 9)
    const df = new DataFrame({ temp_c: [17.0, 25.0] }, { index: ["Portland", "Berkeley"] });
    const r = df.assign({
      temp_f: (x) => x.get("temp_c").mul(9).div(5).add(32),
      temp_k: (x) => x.get("temp_f").add(459.67).mul(5).div(9),
    });
    expect(r.get("temp_f").toArray()).toEqual([62.6, 77.0]);
    const k = r.get("temp_k").toArray() as number[];
    expect(k[0]).toBeCloseTo(290.15, 10);
    expect(k[1]).toBeCloseTo(298.15, 10);
    expect(labels(r)).toEqual(["Portland", "Berkeley"]);
  });

  it("assign takes expressions, scalars, arrays, and replaces a column in its place", () => {
    const df = new DataFrame({ a: [1, 2], b: [10, 20] });
    const r = df.assign({ a: col("a").add(col("b")), s: 7, t: ["p", "q"] });
    expect(r.columns).toEqual(["a", "b", "s", "t"]);
    expect(r.get("a").toArray()).toEqual([11, 22]);
    expect(r.get("s").toArray()).toEqual([7, 7]);
    expect(() => df.assign({ z: [1] })).toThrow(/has 1 values, the frame has 2 rows/);
    expect(() => df.assign({ z: col("nope").add(1) })).toThrow(KeyError);
    expect(() => df.assign({ z: null as never })).toThrow(DTypeError);
  });

  it("assign aligns a labeled Series on the frame's labels", () => {
    const df = new DataFrame({ a: [1, 2, 3] }, { index: ["x", "y", "z"] });
    const s = new Series([30, 10], { index: ["z", "x"] });
    expect(df.assign({ s }).get("s").toArray()).toEqual([10, null, 30]);
  });

  it("filter keeps rows where the mask is true; a null drops the row; labels follow", () => {
    const df = new DataFrame({ a: [1, null, 5, 3], b: ["w", "x", "y", "z"] }, { index: [10, 20, 30, 40] });
    const r = df.filter(df.get("a").gt(2));
    expect(r.get("b").toArray()).toEqual(["y", "z"]);
    expect(labels(r)).toEqual([30, 40]);
    expect(df.filter((f) => f.get("b").eq("w")).length).toBe(1);
    expect(() => df.filter(new Series([true]) as never)).toThrow(ShapeError);
    expect(() => df.filter(df.get("a") as never)).toThrow(/must be bool/);
  });

  it("head / tail / slice are views with their labels", () => {
    const df = new DataFrame({ a: Int32Array.from({ length: 8 }, (_, i) => i) });
    expect(df.head().length).toBe(5);
    expect(df.head(2).get("a").toArray()).toEqual([0, 1]);
    expect(df.tail(2).get("a").toArray()).toEqual([6, 7]);
    expect(df.head(-6).get("a").toArray()).toEqual([0, 1]);
    expect(df.slice(2, 4).get("a").toArray()).toEqual([2, 3]);
    expect(labels(df.slice(2, 4))).toEqual([2n, 3n]);
    expect(df.slice(2, 4).get("a").column.chunks[0]?.values.buffer).toBe(
      df.get("a").column.chunks[0]?.values.buffer,
    );
  });
});

import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { DTypeError, KeyError, ShapeError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";
import { Series } from "../../src/series/series.js";

describe("DataFrame construction and conversion", () => {
  it("new DataFrame(record) takes arrays, TypedArrays (no copy), Series and keeps column order", () => {
    const ints = new Int32Array([1, 2, 3]);
    const df = new DataFrame({ a: [1.5, 2, null], b: ints, c: new Series(["x", "y", "z"]) });
    expect(df.shape).toEqual([3, 3]);
    expect(df.columns).toEqual(["a", "b", "c"]);
    expect(df.dtypes).toEqual({ a: { kind: "float64" }, b: { kind: "int32" }, c: { kind: "utf8" } });
    expect(df.get("b").column.chunks[0]?.values).toBe(ints);
    expect(df.get("a").toArray()).toEqual([1.5, 2, null]);
  });

  it("new DataFrame rejects unequal lengths, bad columns and an index of the wrong length, naming them", () => {
    expect(() => new DataFrame({ a: [1, 2], b: [1] })).toThrow(
      new ShapeError('column "b" has 1 values, the frame has 2 rows'),
    );
    expect(() => new DataFrame({ a: 5 } as never)).toThrow(DTypeError);
    expect(() => new DataFrame({ a: [1] }, { index: ["x", "y"] })).toThrow(ShapeError);
    expect(() => new DataFrame([[1, 2]] as never)).toThrow(/fromRecords/);
  });

  it("column names are data: __proto__, constructor, empty and dotted names work", () => {
    const rec = Object.fromEntries([
      ["__proto__", [1]],
      ["constructor", [2]],
      ["", [3]],
      ["a.b c", [4]],
    ]);
    const df = new DataFrame(rec as Record<string, number[]>);
    expect(df.columns).toEqual(["__proto__", "constructor", "", "a.b c"]);
    expect(df.get("__proto__").toArray()).toEqual([1]);
    expect(df.get("").toArray()).toEqual([3]);
    const row = df.toRecords()[0] as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(["__proto__", "constructor", "", "a.b c"]);
    expect(row.__proto__).toBe(1);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(df.dtypes)).toEqual(["__proto__", "constructor", "", "a.b c"]);
  });

  it("duplicate names fail with a clear error", () => {
    expect(() => DataFrame.fromRecords([{ a: 1 }], { schema: { a: "int32" } }).select("a", "a")).toThrow(
      /named twice/,
    );
    const f = new arrow.Field("a", new arrow.Int32());
    const child = arrow.makeData({ type: new arrow.Int32(), length: 1, data: new Int32Array([1]) });
    const struct = arrow.makeData({ type: new arrow.Struct([f, f]), length: 1, children: [child, child] });
    const dup = new arrow.Table([new arrow.RecordBatch(new arrow.Schema([f, f]), struct)]);
    expect(() => DataFrame.fromArrow(dup)).toThrow(/duplicate column name "a"/);
  });

  it("an unknown column gives a KeyError listing the closest names", () => {
    const df = new DataFrame({ body_mass_g: [1], bill_length_mm: [2], species: ["x"] });
    expect(() => df.get("body_mass" as never)).toThrow(KeyError);
    expect(() => df.get("Species" as never)).toThrow(/did you mean "species"\?/);
    expect(() => df.select("specie" as never)).toThrow(/did you mean "species"\?/);
  });

  it("fromRecords infers names and dtypes, or follows a schema; missing keys are null", () => {
    const df = DataFrame.fromRecords([
      { a: 1, b: "x" },
      { a: 2, c: true },
    ]);
    expect(df.columns).toEqual(["a", "b", "c"]);
    expect(df.get("b").toArray()).toEqual(["x", null]);
    expect(df.get("c").toArray()).toEqual([null, true]);
    const typed = DataFrame.fromRecords([{ n: 1 }, {}], { schema: { n: "int8", s: "utf8" } });
    expect(typed.dtypes).toEqual({ n: { kind: "int8" }, s: { kind: "utf8" } });
    expect(() => DataFrame.fromRecords([{ n: 1, z: 2 }], { schema: { n: "int8" } })).toThrow(
      /row 0 has a key not in the schema/,
    );
    expect(() => DataFrame.fromRecords([{ n: 300 }], { schema: { n: "int8" } })).toThrow(/column "n"/);
  });

  it("fromArrow / toArrow share buffers both ways", () => {
    const values = new Float64Array([1, 2, 3]);
    const t = new arrow.Table({ x: arrow.makeVector(values) });
    const df = DataFrame.fromArrow(t);
    expect(df.get("x").column.chunks[0]?.values.buffer).toBe(values.buffer);
    const back = df.toArrow();
    expect(back.getChild("x")?.data[0]?.values.buffer).toBe(values.buffer);
    expect(back.numRows).toBe(3);
  });

  it("toColumns and toRecords give the data back", () => {
    const df = new DataFrame({ a: [1, 2], b: ["x", null] });
    expect([...df.toColumns().keys()]).toEqual(["a", "b"]);
    expect(df.toRecords()).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: null },
    ]);
  });

  it("select / drop share columns; unknown names fail", () => {
    const df = new DataFrame({ a: [1], b: [2], c: [3] });
    expect(df.select("c", "a").get("c").column).toBe(df.get("c").column);
    expect(df.drop("b").columns).toEqual(["a", "c"]);
    expect(() => df.drop("z" as never)).toThrow(KeyError);
  });

  it("select(predicate) keeps the columns whose name and dtype pass, in frame order", () => {
    const df = new DataFrame({ id: new Int32Array([1]), name: ["x"], mass_g: [3], bill_mm: [4] });
    expect(df.select((n) => n.endsWith("_mm") || n.endsWith("_g")).columns).toEqual(["mass_g", "bill_mm"]);
    expect(df.select((_n, d) => d.kind === "utf8").columns).toEqual(["name"]);
    expect(df.select(() => false).shape).toEqual([1, 0]);
    expect(() => df.select(3 as never)).toThrow(/expected column names or one predicate/);
  });

  it("toString() prints a pandas-like table with dtypes and cuts long frames", () => {
    const df = new DataFrame({ name: ["Adelie", null], mass: [3700.5, 5076] }, { index: ["p1", "p2"] });
    expect(df.toString()).toBe(
      ["      name     mass", "      utf8  float64", "p1  Adelie   3700.5", "p2    <NA>   5076.0"].join("\n"),
    );
    const long = new DataFrame({ i: Int32Array.from({ length: 100 }, (_, k) => k) });
    const lines = long.toString().split("\n");
    expect(lines.at(-1)).toBe("[100 rows x 1 columns]");
    expect(lines[7]).toBe("...    ...");
  });
});

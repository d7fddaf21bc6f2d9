import { describe, expectTypeOf, it } from "vitest";
import type { Bool, Float64, Int32, Int64, Utf8 } from "../../src/core/dtype.js";
import { int32 } from "../../src/core/dtype.js";
import { column } from "../../src/core/from-values.js";
import { type DataFrame, DataFrame as DF } from "../../src/frame/frame.js";
import type { AnySchema } from "../../src/frame/schema.js";
import { Series } from "../../src/series/series.js";

describe("DataFrame<S> schema typing", () => {
  it("a literal constructor infers the schema", () => {
    const df = new DF({ a: [1, 2], b: ["x", "y"], c: new Int32Array(2), d: [true, false], e: [1n, 2n] });
    expectTypeOf(df).toEqualTypeOf<
      DataFrame<{
        readonly a: Float64;
        readonly b: Utf8;
        readonly c: Int32;
        readonly d: Bool;
        readonly e: Int64;
      }>
    >();
    expectTypeOf(df.get("a")).toEqualTypeOf<Series<Float64>>();
    expectTypeOf(df.get("c").get(0)).toEqualTypeOf<number | null>();
    expectTypeOf(df.get("e").get(0)).toEqualTypeOf<bigint | null>();
  });

  it("a Series column keeps its dtype", () => {
    const s = new Series(column([1], int32));
    expectTypeOf(new DF({ s }).get("s")).toEqualTypeOf<Series<Int32>>();
  });

  it("select and drop narrow the schema", () => {
    const df = new DF({ a: [1], b: ["x"], c: [true] });
    expectTypeOf(df.select("c", "a")).toEqualTypeOf<DataFrame<{ readonly c: Bool; readonly a: Float64 }>>();
    expectTypeOf(df.drop("a")).toEqualTypeOf<DataFrame<{ readonly b: Utf8; readonly c: Bool }>>();
    expectTypeOf(df.columns).toEqualTypeOf<("a" | "b" | "c")[]>();
  });

  it("rename and assign produce the right schema", () => {
    const df = new DF({ a: [1], b: ["x"] });
    expectTypeOf(df.rename({ a: "z" })).toEqualTypeOf<DataFrame<{ readonly z: Float64; readonly b: Utf8 }>>();
    const r = df.assign({ c: true, b: [1n], d: (f) => f.get("a") });
    expectTypeOf(r).toEqualTypeOf<
      DataFrame<{ readonly a: Float64; readonly c: Bool; readonly b: Int64; readonly d: Float64 }>
    >();
    // @ts-expect-error: "q" is not a column to rename
    df.rename({ q: "z" });
  });

  it("select by predicate gives a frame of unknown schema", () => {
    const df = new DF({ a: [1], b: ["x"] });
    expectTypeOf(df.select((n) => n === "a")).toEqualTypeOf<DataFrame<AnySchema>>();
  });

  it("a misspelled column name is a compile error", () => {
    const df = new DF({ mass: [1], name: ["x"] });
    // @ts-expect-error: "mas" is not a column
    df.get("mas");
    // @ts-expect-error: "nme" is not a column
    df.select("nme");
    // @ts-expect-error: "x" is not a column
    df.drop("x");
  });

  it("frames with unknown schemas accept any name without casts", () => {
    const df = DF.fromRecords([{ a: 1 }]);
    expectTypeOf(df).toEqualTypeOf<DataFrame<AnySchema>>();
    df.get("anything");
    df.select("a", "b");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { DTypeError, IndexError, KeyError, OptionError, ShapeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { RangeIndex } from "../../src/core/index/range-index.js";
import { DataFrame } from "../../src/frame/frame.js";
import { iloc } from "../../src/frame/verbs/iloc.js";
import { Series } from "../../src/series/series.js";

const labels = (df: DataFrame) => df.index.toColumn().toArray();

// pandas docs, DataFrame.iloc: mydict = [{'a': 1, 'b': 2, 'c': 3, 'd': 4}, {'a': 100, ...}, {'a': 1000, ...}]
const mydict = () =>
  new DataFrame({ a: [1, 100, 1000], b: [2, 200, 2000], c: [3, 300, 3000], d: [4, 400, 4000] });

/** Python's slice.indices(n) followed by range(), written as a loop (the reference). */
function pySlice(n: number, start: number | null, stop: number | null, step: number): number[] {
  const out: number[] = [];
  if (step > 0) {
    const s = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    const e = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    for (let i = s; i < e; i += step) out.push(i);
  } else {
    const s = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    const e = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
    for (let i = s; i > e; i += step) out.push(i);
  }
  return out;
}

describe("iloc", () => {
  it("iloc(df, i) gives the row as a one-row frame (pandas: df.iloc[0] is a Series)", () => {
    const r = iloc(mydict(), 0);
    expect(r.shape).toEqual([1, 4]);
    expect(r.toRecords()).toEqual([{ a: 1, b: 2, c: 3, d: 4 }]);
    expect(labels(r)).toEqual([0n]);
    expect(iloc(mydict(), -1).toRecords()).toEqual([{ a: 1000, b: 2000, c: 3000, d: 4000 }]);
  });

  it("iloc(df, positions) follows the pandas docs: [[0]], [[0, 1]], [:3], bool list", () => {
    const df = mydict();
    expect(iloc(df, [0]).get("a").toArray()).toEqual([1]);
    expect(iloc(df, [0, 1]).get("d").toArray()).toEqual([4, 400]);
    expect(iloc(df, { stop: 3 }).get("b").toArray()).toEqual([2, 200, 2000]);
    const m = iloc(df, [true, false, true]);
    expect(m.get("a").toArray()).toEqual([1, 1000]);
    expect(labels(m)).toEqual([0n, 2n]);
  });

  it("iloc(df, rows, columns) follows the pandas docs: [0, 1], [[0, 2], [1, 3]], [1:3, 0:3], [:, bools]", () => {
    const df = mydict();
    expect(iloc(df, 0, 1).toRecords()).toEqual([{ b: 2 }]);
    expect(iloc(df, [0, 2], [1, 3]).toRecords()).toEqual([
      { b: 2, d: 4 },
      { b: 2000, d: 4000 },
    ]);
    const r = iloc(df, { start: 1, stop: 3 }, { start: 0, stop: 3 });
    expect(r.columns).toEqual(["a", "b", "c"]);
    expect(r.toRecords()).toEqual([
      { a: 100, b: 200, c: 300 },
      { a: 1000, b: 2000, c: 3000 },
    ]);
    expect(labels(r)).toEqual([1n, 2n]);
    const c = iloc(df, null, [true, false, true, false]);
    expect(c.columns).toEqual(["a", "c"]);
    expect(c.get("c").toArray()).toEqual([3, 300, 3000]);
  });

  it("iloc(df, positions) takes negatives, repeats, Int32Array, and keeps row labels and nulls", () => {
    const df = new DataFrame(
      { x: [1, null, 3, 4], s: ["p", "q", null, "t"] },
      { index: ["w", "x", "y", "z"] },
    );
    const r = iloc(df, new Int32Array([3, -3, 3]));
    expect(r.get("x").toArray()).toEqual([4, null, 4]);
    expect(r.get("s").toArray()).toEqual(["t", "q", "t"]);
    expect(labels(r)).toEqual(["z", "x", "z"]);
    expect(iloc(df, []).shape).toEqual([0, 2]);
    expect(
      iloc(df, column([3, -4], "int64"))
        .get("s")
        .toArray(),
    ).toEqual(["t", "p"]);
  });

  it("iloc(df, columns) mixes names and positions in the given order", () => {
    const r = iloc(mydict(), null, ["d", 0, -2]);
    expect(r.columns).toEqual(["d", "a", "c"]);
    expect(iloc(mydict(), null, "b").columns).toEqual(["b"]);
    expect(iloc(mydict(), {}, { step: -2 }).columns).toEqual(["d", "b"]);
  });

  it("iloc(df, {start, stop}) with step 1 is a view; other steps reverse or skip", () => {
    const df = new DataFrame({ v: new Float64Array([0, 1, 2, 3, 4, 5]) });
    const r = iloc(df, { start: 1, stop: -1 });
    expect(r.get("v").toArray()).toEqual([1, 2, 3, 4]);
    expect(r.column("v").chunks[0]?.values.buffer).toBe(df.column("v").chunks[0]?.values.buffer);
    expect(labels(r)).toEqual([1n, 2n, 3n, 4n]);
    expect(iloc(df, { step: 2 }).get("v").toArray()).toEqual([0, 2, 4]);
    expect(labels(iloc(df, { start: 1, step: 2 }))).toEqual([1n, 3n, 5n]);
    expect(labels(iloc(df, { step: -2 }))).toEqual([5n, 3n, 1n]);
    expect(labels(iloc(df, { start: 3, stop: 1, step: 2 }))).toEqual([]);
    const tens = new DataFrame({ v: [0, 1, 2, 3] }, { index: new RangeIndex(100, 60, -10) });
    expect(labels(iloc(tens, { start: -1, step: -3 }))).toEqual([70n, 100n]);
    expect(iloc(df, { start: -2, step: -2 }).get("v").toArray()).toEqual([4, 2, 0]);
    expect(iloc(df, { start: 10, stop: 20 }).length).toBe(0);
    expect(iloc(df, { start: 4, stop: 2 }).length).toBe(0);
  });

  it("iloc(df, slice) agrees with Python's slice semantics (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0),
        (n, start, stop, step) => {
          const df = new DataFrame({ v: Array.from({ length: n }, (_, i) => i) });
          const got = iloc(df, { start, stop, step }).get("v").toArray();
          expect(got).toEqual(pySlice(n, start, stop, step));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("iloc(df, positions) gathers multi-chunk columns with nulls like a naive loop (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (values, cut, raw) => {
          const k = Math.min(cut, values.length);
          const a = column(values.slice(0, k), "int32");
          const b = column(values.slice(k), "int32");
          const col = new Column(a.dtype, [...a.chunks, ...b.chunks]);
          const df = new DataFrame({ v: col });
          const pos = raw.map((p) => (p % (2 * values.length)) - values.length); // in [-n, n)
          const want = pos.map((p) => values[p < 0 ? p + values.length : p]);
          expect(iloc(df, pos).get("v").toArray()).toEqual(want);
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it("iloc(df, mask) drops null mask values and checks a Series mask's labels", () => {
    const df = new DataFrame({ v: [1, 2, 3] }, { index: ["a", "b", "c"] });
    expect(
      iloc(df, column([true, null, true], "bool"))
        .get("v")
        .toArray(),
    ).toEqual([1, 3]);
    const same = new Series([false, true, true], { index: ["a", "b", "c"] });
    expect(iloc(df, same).get("v").toArray()).toEqual([2, 3]);
    expect(
      iloc(df, new Series([true, false, false]))
        .get("v")
        .toArray(),
    ).toEqual([1]);
    const other = new Series([false, true, true], { index: ["c", "b", "a"] });
    expect(() => iloc(df, other)).toThrow(ShapeError);
    expect(() => iloc(df, other)).toThrow(/use loc/);
  });

  it("iloc errors name the culprit: position and length, mask length, bad slice, unknown column", () => {
    const df = mydict();
    expect(() => iloc(df, 3)).toThrow(IndexError);
    expect(() => iloc(df, 3)).toThrow(/row position 3 is out of bounds for 3 rows/);
    expect(() => iloc(df, [0, -4])).toThrow(/row position -4 is out of bounds for 3 rows/);
    expect(() => iloc(df, [0.5])).toThrow(/row position 0.5 is not an integer/);
    expect(() => iloc(df, 0, 4)).toThrow(/column position 4 is out of bounds for 4 columns/);
    expect(() => iloc(df, [true, false])).toThrow(ShapeError);
    expect(() => iloc(df, [true, false])).toThrow(/the mask has 2 values, the frame has 3 rows/);
    expect(() => iloc(df, [true, 1, false] as never)).toThrow(/holds 1 at position 1/);
    expect(() => iloc(df, null, [true])).toThrow(/the mask has 1 values, the frame has 4 columns/);
    expect(() => iloc(df, { step: 0 })).toThrow(OptionError);
    expect(() => iloc(df, { step: 0 })).toThrow(/invalid slice step: 0/);
    expect(() => iloc(df, { begin: 1 } as never)).toThrow(/unknown slice key "begin"/);
    expect(() => iloc(df, { start: 0.5 })).toThrow(/invalid slice start: 0.5/);
    expect(() => iloc(df, "a" as never)).toThrow(DTypeError);
    expect(() => iloc(df, null, ["a", "e"] as never)).toThrow(KeyError);
    expect(() => iloc(df, null, ["a", "e"] as never)).toThrow(/no column "e"/);
    expect(() => iloc(df, null, ["a", 0])).toThrow(/column "a" is selected twice/);
    expect(() => iloc(df, column(["x"]))).toThrow(/mask must be bool, got utf8 \(positions are numbers/);
    expect(() => iloc(df, column([0, null], "int32"))).toThrow(/row position null is not an integer/);
  });
});

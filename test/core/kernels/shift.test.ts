import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { diff, pctChange, shift } from "../../../src/core/kernels/shift.js";
import { numericCase } from "./reduce-arbitraries.js";

describe("shift", () => {
  it("shift(col) matches pandas' DataFrame.shift example (Col1 = [10, 20, 15, 30, 45])", () => {
    const c = column([10, 20, 15, 30, 45], "int32");
    expect(shift(c).toArray()).toEqual([null, 10, 20, 15, 30]);
    expect(shift(c, 3).toArray()).toEqual([null, null, null, 10, 20]);
    expect(shift(c, 1, { fillValue: 0 }).toArray()).toEqual([0, 10, 20, 15, 30]);
    expect(shift(c, -2).toArray()).toEqual([15, 30, 45, null, null]);
    expect(shift(c, 0).toArray()).toEqual([10, 20, 15, 30, 45]);
    expect(shift(c, 9).toArray()).toEqual([null, null, null, null, null]);
  });
  it("shift(col) keeps every dtype: strings, bool, int64, dictionaries", () => {
    expect(shift(column(["a", null, "c"]), -1).toArray()).toEqual([null, "c", null]);
    expect(shift(column(["a", "b"]), 1, { fillValue: "z" }).toArray()).toEqual(["z", "a"]);
    expect(shift(column([true, false, null]), 1, { fillValue: true }).toArray()).toEqual([true, true, false]);
    expect(shift(column([2n ** 60n, 1n]), 1, { fillValue: -1n }).toArray()).toEqual([-1n, 2n ** 60n]);
    const d = shift(column(["x", "y"], "category"), 1, { fillValue: "y" });
    expect(d.dtype.kind).toBe("dictionary");
    expect(d.toArray()).toEqual(["y", "x"]);
  });
  it("shift(col) works on multi-chunk and sliced columns", () => {
    const a = column([0, 1, 2, 3], "int16").slice(1);
    const b = column([4, null], "int16");
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    expect(shift(c, 2).toArray()).toEqual([null, null, 1, 2, 3]);
    expect(shift(c, -1).toArray()).toEqual([2, 3, 4, null, null]);
  });
  it("shift(col) rejects bad periods and fill values", () => {
    expect(() => shift(column([1]), 1.5)).toThrow(/invalid periods for shift: 1.5/);
    expect(() => shift(column([1], "int8"), 1, { fillValue: 300 })).toThrow(CastError);
    expect(() => shift(column(["x"], "category"), 1, { fillValue: "q" })).toThrow(/not among the dictionary/);
    expect(() => shift(column([1]), 1, { fill: 0 } as never)).toThrow(OptionError);
  });
});

describe("diff", () => {
  it("diff(col, periods) matches pandas' Series.diff examples ([1, 1, 2, 3, 5, 8])", () => {
    const c = column([1, 1, 2, 3, 5, 8]);
    expect(diff(c).toArray()).toEqual([null, 0, 1, 1, 2, 3]);
    expect(diff(c, 3).toArray()).toEqual([null, null, null, 2, 4, 6]);
    expect(diff(c, -1).toArray()).toEqual([0, -1, -1, -2, -3, null]);
  });
  it("diff(col) of integers gives an exact int64 with nulls in the first rows", () => {
    const c = diff(column([1, 1, 2, 3, 5, 8], "uint8"));
    expect(c.dtype.kind).toBe("int64");
    expect(c.toArray()).toEqual([null, 0n, 1n, 1n, 2n, 3n]);
    expect(diff(column([5, 2], "uint32")).toArray()).toEqual([null, -3n]);
    expect(diff(column([0n, 2n ** 63n - 1n])).toArray()).toEqual([null, 2n ** 63n - 1n]);
    expect(diff(column([2n ** 64n - 1n, 2n ** 63n], "uint64")).toArray()).toEqual([null, -(2n ** 63n) + 1n]);
    expect(() => diff(column([-(2n ** 63n), 1n]))).toThrow(/diff at row 1 overflows int64/);
  });
  it("diff(col) propagates nulls from either side and keeps float32", () => {
    expect(diff(column([1, null, 4, 8])).toArray()).toEqual([null, null, null, 4]);
    expect(diff(column([1.5, 4], "float32")).dtype.kind).toBe("float32");
    expect(diff(column([Number.NaN, 1])).toArray()).toEqual([null, Number.NaN]);
  });
  it("diff(col) of timestamps and durations gives a duration", () => {
    const d = diff(column([10n, 25n], "timestamp[ms]"));
    expect(d.dtype).toEqual({ kind: "duration", unit: "ms" });
    expect(d.toArray()).toEqual([null, 15n]);
  });
  it("diff(col) of bool or strings raises a DTypeError", () => {
    expect(() => diff(column([true, false]))).toThrow(DTypeError);
    expect(() => diff(column([true, false]))).toThrow(/diff does not support dtype bool.*cast bool to int8/);
    expect(() => diff(column(["a"]))).toThrow(/diff does not support dtype utf8/);
  });
});

describe("pctChange", () => {
  it("pctChange(col) as pandas' example [90, 91, 85] → [NaN, 0.011111, -0.065934] (null for NaN)", () => {
    const p = pctChange(column([90, 91, 85], "int32")).toArray() as (number | null)[];
    expect(p[0]).toBeNull();
    expect(p[1]).toBeCloseTo(0.011111, 6);
    expect(p[2]).toBeCloseTo(-0.065934, 6);
  });
  it("pctChange(col, periods) with zeros and nulls, by hand", () => {
    expect(pctChange(column([4, 5, 0, 2])).toArray()).toEqual([null, 0.25, -1, Number.POSITIVE_INFINITY]);
    expect(pctChange(column([4, null, 6, 5]), 2).toArray()).toEqual([null, null, 0.5, null]);
    expect(pctChange(column([0, 0])).toArray()).toEqual([null, Number.NaN]);
    expect(() => pctChange(column(["a"]))).toThrow(DTypeError);
  });
});

describe("shift/diff/pctChange against naive references (property)", () => {
  it("shift(col, p), diff(col, p) and pctChange(col, p) match index arithmetic on toArray()", () => {
    fc.assert(
      fc.property(
        numericCase(["int8", "int32", "uint16", "float64", "int64"]),
        fc.integer({ min: -5, max: 5 }),
        (c, p) => {
          const arr = c.col.toArray() as (number | bigint | null)[];
          const at = (i: number) => (i >= 0 && i < arr.length ? arr[i] : null);
          expect(shift(c.col, p).toArray(), c.how).toEqual(arr.map((_, i) => at(i - p) ?? null));
          if (c.dtype === "int64") return; // int64 diffs may overflow; covered above
          const d = arr.map((v, i) => {
            const w = at(i - p);
            if (v === null || w === null || w === undefined) return null;
            return c.dtype === "float64" ? (v as number) - (w as number) : BigInt(v) - BigInt(w);
          });
          expect(diff(c.col, p).toArray(), c.how).toEqual(d);
          const q = arr.map((v, i) => {
            const w = at(i - p);
            return v === null || w === null || w === undefined ? null : Number(v) / Number(w) - 1;
          });
          expect(pctChange(c.col, p).toArray(), c.how).toEqual(q);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTypeError, KeyError, NDFrameError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { SortedIndex } from "../../../src/core/index/sorted-index.js";

describe("SortedIndex", () => {
  it("sliceLocs(start, end) (pandas doc: Index(list('abcd')).slice_locs(start='b', end='c') → (1, 3))", () => {
    const idx = new SortedIndex(column(["a", "b", "c", "d"]));
    expect(idx.sliceLocs("b", "c")).toEqual([1, 3]);
    expect(idx.sliceLocs("b")).toEqual([1, 4]);
    expect(idx.sliceLocs(undefined, "b")).toEqual([0, 2]);
  });
  it("sliceLocs(start, end) with labels not present (pandas: searchsorted sides)", () => {
    const idx = new SortedIndex(column([1, 3, 5, 7], "int32"));
    expect(idx.sliceLocs(2, 6)).toEqual([1, 3]);
    expect(idx.sliceLocs(0, 100)).toEqual([0, 4]);
    expect(idx.sliceByLabels(3, 5).toColumn().toArray()).toEqual([3, 5]);
    expect(idx.sliceByLabels(6, 2).length).toBe(0);
  });
  it("getLoc(label) by binary search; repeated labels give their positions", () => {
    const idx = new SortedIndex(column([1, 2, 2, 2, 9]));
    expect(idx.getLoc(9)).toBe(4);
    expect(idx.getLoc(2)).toEqual(new Int32Array([1, 2, 3]));
    expect(() => idx.getLoc(3)).toThrow(KeyError);
    expect(() => idx.getLoc("x")).toThrow(/label "x" is not in the index/);
    expect(idx.contains(2)).toBe(true);
    expect(idx.contains(2.5)).toBe(false);
    expect(idx.sliceLocs(2, 2)).toEqual([1, 4]);
  });
  it("sliceByLabels over timestamps with Date or bigint bounds", () => {
    const days = [0, 1, 2, 3].map((d) => new Date(Date.UTC(2024, 0, 1 + d)));
    const idx = new SortedIndex(column(days, "timestamp[ns]"));
    const s = idx.sliceByLabels(new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 3)));
    expect(s.length).toBe(2);
    expect(s.get(0)).toBe(BigInt(Date.UTC(2024, 0, 2)) * 1000000n);
    expect(idx.getLoc(new Date(Date.UTC(2024, 0, 4)))).toBe(3);
    expect(idx.sliceLocs(BigInt(Date.UTC(2024, 0, 2)) * 1000000n + 1n)).toEqual([2, 4]);
  });
  it("sliceLocs over int64 beyond 2^53 compares exactly", () => {
    const b = 2n ** 60n;
    const idx = new SortedIndex(column([b, b + 1n, b + 2n], "int64"));
    expect(idx.sliceLocs(b + 1n, b + 1n)).toEqual([1, 2]);
    expect(idx.getLoc(b + 2n)).toBe(2);
  });
  it("SortedIndex over dictionary and large_utf8 labels", () => {
    expect(new SortedIndex(column(["a", "b", "c"], "category")).sliceLocs("b", "z")).toEqual([1, 3]);
    expect(new SortedIndex(column(["a", "é", "😀"], "large_utf8")).getLoc("é")).toBe(1);
  });
  it("new SortedIndex(unsorted or nulls) throws; sliceLocs with an incomparable label throws", () => {
    expect(() => new SortedIndex(column([2, 1]))).toThrow(NDFrameError);
    expect(() => new SortedIndex(column([2, 1]))).toThrow(/is not monotonic increasing/);
    expect(() => new SortedIndex(column([1, null]))).toThrow(/holds nulls/);
    expect(() => new SortedIndex(column([1, 2])).sliceLocs("a")).toThrow(DTypeError);
  });
  it("getIndexer, flags and slice", () => {
    const idx = new SortedIndex(column([10, 20, 30], "int32"));
    expect(idx.getIndexer(column([30, 5], "int32"))).toEqual(new Int32Array([2, -1]));
    expect(idx.isMonotonicIncreasing).toBe(true);
    expect(idx.isMonotonicDecreasing).toBe(false);
    expect(idx.isUnique).toBe(true);
    expect(idx.slice(1)).toBeInstanceOf(SortedIndex);
  });
  it("sliceLocs(a, b) matches a linear scan", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 30 }),
        fc.integer({ min: -25, max: 25 }),
        fc.integer({ min: -25, max: 25 }),
        (xs, a, b) => {
          const v = [...xs].sort((x, y) => x - y);
          const idx = new SortedIndex(column(Int32Array.from(v)));
          const s = v.filter((x) => x < a).length;
          const e = v.filter((x) => x <= b).length;
          expect(idx.sliceLocs(a, b)).toEqual([s, e]);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { KeyError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { RangeIndex } from "../../../src/core/index/range-index.js";

describe("RangeIndex", () => {
  it("new RangeIndex(start, stop, step) has Python range lengths and labels", () => {
    expect(new RangeIndex(5).length).toBe(5);
    expect(new RangeIndex(0, 10, 3).toColumn().toArray()).toEqual([0n, 3n, 6n, 9n]);
    expect(new RangeIndex(10, 0, -3).toColumn().toArray()).toEqual([10n, 7n, 4n, 1n]);
    expect(new RangeIndex(3, 3).length).toBe(0);
    expect(new RangeIndex(0, 10, 2).get(-1)).toBe(8n);
  });
  it("getLoc(label) by arithmetic; KeyError otherwise", () => {
    const idx = new RangeIndex(0, 10, 2);
    expect(idx.getLoc(6)).toBe(3);
    expect(idx.getLoc(6n)).toBe(3);
    expect(() => idx.getLoc(5)).toThrow(KeyError);
    expect(() => idx.getLoc(10)).toThrow(/label 10 is not in the index/);
    expect(idx.contains(4)).toBe(true);
    expect(idx.contains("4")).toBe(false);
  });
  it("getIndexer(labels) for int, float, int64 columns and other ranges", () => {
    const idx = new RangeIndex(0, 10, 2);
    expect(idx.getIndexer(column([4, 5, 8, null], "int32"))).toEqual(new Int32Array([2, -1, 4, -1]));
    expect(idx.getIndexer(column([4.0, 4.5]))).toEqual(new Int32Array([2, -1]));
    expect(idx.getIndexer(column([2n, 2n ** 60n], "int64"))).toEqual(new Int32Array([1, -1]));
    expect(idx.getIndexer(new RangeIndex(0, 6))).toEqual(new Int32Array([0, -1, 1, -1, 2, -1]));
    expect(idx.getIndexer(column(["a"]))).toEqual(new Int32Array([-1]));
  });
  it("slice, flags and duplicated", () => {
    const idx = new RangeIndex(0, 10, 2);
    const s = idx.slice(1, 3);
    expect([s.start, s.stop, s.step]).toEqual([2, 6, 2]);
    expect(idx.isUnique && idx.isMonotonicIncreasing && !idx.isMonotonicDecreasing).toBe(true);
    expect(idx.duplicated().toArray()).toEqual([false, false, false, false, false]);
  });
  it("new RangeIndex(0, 5, 0) and non-integers throw an OptionError naming the argument", () => {
    expect(() => new RangeIndex(0, 5, 0)).toThrow(OptionError);
    expect(() => new RangeIndex(0, 5, 0)).toThrow(/invalid RangeIndex step: 0/);
    expect(() => new RangeIndex(0.5, 5)).toThrow(/invalid RangeIndex start: 0.5/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { IndexError, KeyError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { HashIndex } from "../../../src/core/index/hash-index.js";
import { makeIndex } from "../../../src/core/index/index.js";
import { SortedIndex } from "../../../src/core/index/sorted-index.js";
import { keyOf } from "../kernels/hash-naive.js";
import { columnArb, layout } from "../kernels/sort-arbitraries.js";

const i32 = (xs: number[]) => new Int32Array(xs);

describe("HashIndex", () => {
  it("getIndexer(labels) (pandas doc: Index(['c','a','b']).get_indexer(['a','b','x']) → [1, 2, -1])", () => {
    const idx = new HashIndex(column(["c", "a", "b"]));
    expect(idx.getIndexer(column(["a", "b", "x"]))).toEqual(i32([1, 2, -1]));
  });
  it("getLoc(label) (pandas doc: unique_index.get_loc('b') → 1; monotonic dup → positions)", () => {
    expect(new HashIndex(column(["a", "b", "c"])).getLoc("b")).toBe(1);
    // pandas: non-monotonic duplicates give a mask [False, True, False, True]; here the positions
    expect(new HashIndex(column(["c", "b", "a", "b"])).getLoc("b")).toEqual(i32([1, 3]));
  });
  it("getLoc(missing) throws a KeyError naming the label; contains(label)", () => {
    const idx = new HashIndex(column([10, 20], "int32"));
    expect(() => idx.getLoc(30)).toThrow(KeyError);
    expect(() => idx.getLoc(30)).toThrow(/label 30 is not in the index/);
    expect(() => idx.getLoc("x")).toThrow(/label "x"/);
    expect(idx.contains(20)).toBe(true);
    expect(idx.contains(20.5)).toBe(false);
  });
  it("getIndexer(labels) on duplicated labels throws an IndexError naming the label", () => {
    const idx = new HashIndex(column(["a", "b", "a"]));
    expect(idx.hasDuplicates).toBe(true);
    expect(() => idx.getIndexer(column(["a"]))).toThrow(IndexError);
    expect(() => idx.getIndexer(column(["a"]))).toThrow(/label "a" is repeated \(at position 2\)/);
  });
  it("getIndexer(labels) converts label dtypes and finds null labels", () => {
    const idx = new HashIndex(column([5n, null, 7n], "int64"));
    expect(idx.getIndexer(column([7, 5, 1.5, null], "float64"))).toEqual(i32([2, 0, -1, 1]));
    expect(idx.getLoc(null)).toBe(1);
    expect(idx.getLoc(7)).toBe(2);
  });
  it("getIndexer(labels) over a dictionary index takes strings or dictionaries", () => {
    const idx = new HashIndex(column(["x", "y", "z"], "category"));
    expect(idx.getIndexer(column(["z", "q", "x"]))).toEqual(i32([2, -1, 0]));
    expect(idx.getIndexer(column(["y"], "category"))).toEqual(i32([1]));
    expect(idx.getLoc("y")).toBe(1);
  });
  it("isUnique, duplicated, monotonic flags, slice, toColumn", () => {
    const idx = new HashIndex(column([3, 1, 3]));
    expect(idx.isUnique).toBe(false);
    expect(idx.duplicated().toArray()).toEqual([false, false, true]);
    expect(idx.duplicated("last").toArray()).toEqual([true, false, false]);
    expect(idx.isMonotonicIncreasing).toBe(false);
    expect(new HashIndex(column([3, 2, 2])).isMonotonicDecreasing).toBe(true);
    expect(idx.slice(1).toColumn().toArray()).toEqual([1, 3]);
    expect(idx.slice(1).isUnique).toBe(true);
    expect(idx.get(-1)).toBe(3);
  });
  it("makeIndex(col) picks SortedIndex for increasing labels without nulls, else HashIndex", () => {
    expect(makeIndex(column([1, 2, 2, 5]))).toBeInstanceOf(SortedIndex);
    expect(makeIndex(column([2, 1]))).toBeInstanceOf(HashIndex);
    expect(makeIndex(column([1, null]))).toBeInstanceOf(HashIndex);
    expect(makeIndex(column([1, NaN]))).toBeInstanceOf(HashIndex);
  });
  it("getIndexer(labels) matches a Map from rendered labels to first positions", () => {
    fc.assert(
      fc.property(columnArb(30), columnArb(30), ([kind, values, how], [, , how2]) => {
        const col = layout(kind, values, how);
        const labels = col.toArray();
        const uniq = new Map<string, number>();
        labels.forEach((v, i) => {
          if (!uniq.has(keyOf(v))) uniq.set(keyOf(v), i);
        });
        const idx = makeIndex(col);
        expect(idx.isUnique).toBe(uniq.size === labels.length);
        const target = layout(kind, [...labels].reverse().concat(labels.slice(0, 3)), how2);
        const want = target.toArray().map((v) => uniq.get(keyOf(v)) ?? -1);
        if (idx.isUnique) expect(Array.from(idx.getIndexer(target))).toEqual(want);
        else expect(() => idx.getIndexer(target)).toThrow(IndexError);
        for (const [i, v] of labels.entries()) {
          const loc = idx.getLoc(v as never);
          const where = labels.flatMap((w, j) => (keyOf(w) === keyOf(v) ? [j] : []));
          expect(typeof loc === "number" ? [loc] : Array.from(loc)).toEqual(where);
          expect(where).toContain(i);
        }
      }),
      { seed: 21, numRuns: 200 },
    );
  });
  it("HashIndex over a multi-chunk column", () => {
    const a = column([4, 5], "int32");
    const b = column([6, 4], "int32");
    const idx = new HashIndex(new Column(a.dtype, [...a.chunks, ...b.chunks]));
    expect(idx.getLoc(6)).toBe(2);
    expect(idx.getLoc(4)).toEqual(i32([0, 3]));
  });
});

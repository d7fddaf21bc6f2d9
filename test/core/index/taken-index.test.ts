import { describe, expect, it } from "vitest";
import { column } from "../../../src/core/from-values.js";
import { HashIndex } from "../../../src/core/index/hash-index.js";
import { RangeIndex } from "../../../src/core/index/range-index.js";
import { SortedIndex } from "../../../src/core/index/sorted-index.js";
import { TakenRangeIndex } from "../../../src/core/index/taken-index.js";

describe("TakenRangeIndex", () => {
  // RangeIndex(10, 30, 5) holds 10, 15, 20, 25; positions 3, 0, 2 give 25, 10, 20
  const idx = new TakenRangeIndex(new RangeIndex(10, 30, 5), Int32Array.of(3, 0, 2));

  it("get(i) computes base[positions[i]] without building labels; negative i counts from the end", () => {
    expect(idx.length).toBe(3);
    expect(idx.dtype.kind).toBe("int64");
    expect(idx.get(0)).toBe(25n);
    expect(idx.get(-1)).toBe(20n);
    expect(() => idx.get(3)).toThrow("index 3 out of range for length 3");
  });

  it("getLoc, contains, getIndexer and toColumn answer from the labels 25, 10, 20", () => {
    expect(idx.getLoc(10)).toBe(1);
    expect(idx.getLoc(20n)).toBe(2);
    expect(idx.contains(15)).toBe(false);
    expect([...idx.getIndexer(column([20, 25, 11]))]).toEqual([2, 0, -1]);
    expect(idx.toColumn().toArray()).toEqual([25n, 10n, 20n]);
    expect(idx.isMonotonicIncreasing).toBe(false);
    expect(idx.isUnique).toBe(true);
  });

  it("resolve() is a SortedIndex when the positions increase, a HashIndex otherwise", () => {
    expect(idx.resolve()).toBeInstanceOf(HashIndex);
    const inc = new TakenRangeIndex(new RangeIndex(0, 5), Int32Array.of(1, 3, 4));
    expect(inc.resolve()).toBeInstanceOf(SortedIndex);
    expect(inc.resolve()).toBe(inc.resolve());
    // a decreasing range taken in increasing positions has decreasing labels
    const dec = new TakenRangeIndex(new RangeIndex(5, 0, -1), Int32Array.of(0, 2));
    expect(dec.toColumn().toArray()).toEqual([5n, 3n]);
    expect(dec.resolve()).toBeInstanceOf(HashIndex);
  });

  it("labels beyond 2^31 and below zero are exact", () => {
    const big = new TakenRangeIndex(new RangeIndex(2 ** 40, 2 ** 40 + 10, 3), Int32Array.of(2, 0));
    expect(big.toColumn().toArray()).toEqual([2n ** 40n + 6n, 2n ** 40n]);
    const neg = new TakenRangeIndex(new RangeIndex(-4, 4, 2), Int32Array.of(0, 3));
    expect(neg.toColumn().toArray()).toEqual([-4n, 2n]);
  });

  it("slice(start, end) views the positions; union and duplicated use the labels", () => {
    expect(idx.slice(1).toColumn().toArray()).toEqual([10n, 20n]);
    expect(idx.slice(-1).get(0)).toBe(20n);
    expect(idx.union(new RangeIndex(0, 3)).toColumn().toArray()).toEqual([0n, 1n, 2n, 10n, 20n, 25n]);
    const rep = new TakenRangeIndex(new RangeIndex(0, 3), Int32Array.of(1, 1, 2));
    expect(rep.duplicated().toArray()).toEqual([false, true, false]);
    expect(rep.hasDuplicates).toBe(true);
  });

  it("new TakenRangeIndex(range, positions) rejects a position outside the range, naming it", () => {
    expect(() => new TakenRangeIndex(new RangeIndex(0, 3), Int32Array.of(0, 3))).toThrow(
      "TakenRangeIndex: position 3 at 1 is outside [0, 3)",
    );
  });
});

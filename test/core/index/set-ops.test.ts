import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column } from "../../../src/core/from-values.js";
import { makeIndex } from "../../../src/core/index/index.js";
import { RangeIndex } from "../../../src/core/index/range-index.js";
import { intersection, union } from "../../../src/core/index/set-ops.js";

const labels = (i: { toColumn(): { toArray(): unknown[] } }) => i.toColumn().toArray();

describe("union / intersection", () => {
  it("union(a, b) sorts (pandas doc: Index([1, 2, 3, 4]).union(Index([3, 4, 5, 6])))", () => {
    expect(labels(makeIndex(column([1, 2, 3, 4])).union(makeIndex(column([3, 4, 5, 6]))))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
  it("union(a, b) keeps the larger multiplicity (pandas doc: [1, 1, 2, 3] ∪ [3, 3, 4])", () => {
    // pandas: Index([1, 1, 2, 3, 3, 4])
    expect(labels(union(makeIndex(column([1, 1, 2, 3])), makeIndex(column([3, 3, 4]))))).toEqual([
      1, 1, 2, 3, 3, 4,
    ]);
  });
  it("union(a, b) of strings sorts by code point, nulls last; mixed dtypes promote", () => {
    expect(labels(union(makeIndex(column(["b", null])), makeIndex(column(["a", "b"]))))).toEqual([
      "a",
      "b",
      null,
    ]);
    expect(labels(union(makeIndex(column([2.5])), makeIndex(column([1], "int32"))))).toEqual([1, 2.5]);
  });
  it("union(a, b) returns a side unchanged when the other is empty or equal", () => {
    const a = makeIndex(column([3, 1]));
    expect(union(a, makeIndex(column([], "float64")))).toBe(a);
    expect(union(a, makeIndex(column([3, 1])))).toBe(a);
  });
  it("intersection(a, b) keeps the left order and unique labels (pandas doc: [1, 2, 3, 4] ∩ [3, 4, 5, 6])", () => {
    expect(labels(intersection(makeIndex(column([1, 2, 3, 4])), makeIndex(column([3, 4, 5, 6]))))).toEqual([
      3, 4,
    ]);
    expect(labels(intersection(makeIndex(column([4, 3, 3, 1])), makeIndex(column([3, 4]))))).toEqual([4, 3]);
  });
  it("union of adjacent or overlapping ranges stays a RangeIndex", () => {
    const u = union(new RangeIndex(0, 5), new RangeIndex(5, 10));
    expect(u).toBeInstanceOf(RangeIndex);
    expect(labels(u)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    const v = union(new RangeIndex(0, 10, 2), new RangeIndex(4, 20, 2));
    expect(v).toBeInstanceOf(RangeIndex);
    expect((v as RangeIndex).stop).toBe(20);
    const w = union(new RangeIndex(0, 3), new RangeIndex(10, 12));
    expect(w).not.toBeInstanceOf(RangeIndex);
    expect(labels(w)).toEqual([0n, 1n, 2n, 10n, 11n]);
  });
  it("intersection of ranges is a range (CRT): range(0, 20, 4) ∩ range(2, 30, 6) = {8}", () => {
    // 0,4,8,12,16 ∩ 2,8,14,20,26 → 8
    const r = intersection(new RangeIndex(0, 20, 4), new RangeIndex(2, 30, 6));
    expect(r).toBeInstanceOf(RangeIndex);
    expect(labels(r)).toEqual([8n]);
    expect(labels(intersection(new RangeIndex(0, 30, 2), new RangeIndex(0, 30, 3)))).toEqual([
      0n,
      6n,
      12n,
      18n,
      24n,
    ]);
    expect(labels(intersection(new RangeIndex(10, 0, -1), new RangeIndex(3, 6)))).toEqual([5n, 4n, 3n]);
    expect(intersection(new RangeIndex(0, 10, 2), new RangeIndex(1, 10, 2)).length).toBe(0);
  });
  it("range union/intersection match set arithmetic", () => {
    const rng = fc.tuple(
      fc.integer({ min: -10, max: 10 }),
      fc.integer({ min: -10, max: 10 }),
      fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0),
    );
    fc.assert(
      fc.property(rng, rng, ([a0, a1, as], [b0, b1, bs]) => {
        const a = new RangeIndex(a0, a1, as);
        const b = new RangeIndex(b0, b1, bs);
        const la = labels(a) as bigint[];
        const lb = labels(b) as bigint[];
        const inter = la.filter((x) => lb.includes(x));
        expect(labels(intersection(a, b))).toEqual(inter);
        const all = [...new Set([...la, ...lb])].sort((x, y) => (x < y ? -1 : 1));
        const u = labels(union(a, b));
        if (la.length > 0 && lb.length > 0 && !(la.length === lb.length && la.every((x, i) => x === lb[i]))) {
          expect(u).toEqual(all);
        } else expect(new Set(u)).toEqual(new Set(all));
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { DTypeError, IndexError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { take } from "../../../src/core/kernels/take.js";
import { columnArb, layout } from "./sort-arbitraries.js";

describe("take", () => {
  it("take(col, positions) gathers, with negative positions counting from the end (NumPy take)", () => {
    // numpy docs: a = [4, 3, 5, 7, 6, 8]; np.take(a, [0, 1, 4]) -> [4, 3, 6]
    const a = column([4, 3, 5, 7, 6, 8], "int32");
    expect(take(a, [0, 1, 4]).toArray()).toEqual([4, 3, 6]);
    expect(take(a, new Int32Array([-1, -6, 2])).toArray()).toEqual([8, 4, 5]);
    expect(take(a, new Float64Array([5, 5])).toArray()).toEqual([8, 8]);
    expect(take(a, new Uint32Array([3])).toArray()).toEqual([7]);
  });

  it("take(col, indexColumn) gives null where the index is null (Arrow take)", () => {
    const c = column([10, 20, 30], "int32");
    expect(take(c, column([2, null, 0], "int32")).toArray()).toEqual([30, null, 10]);
    expect(take(c, column([-1n, null], "int64")).toArray()).toEqual([30, null]);
    expect(take(column(["x", "yy"]), column([null, 1], "int8")).toArray()).toEqual([null, "yy"]);
    expect(take(column([], "utf8"), column([null], "int32")).toArray()).toEqual([null]);
  });

  it("take(col) works for every dtype and keeps value nulls", () => {
    expect(take(column([true, null, false, true]), [3, 1, 2, 0]).toArray()).toEqual([
      true,
      null,
      false,
      true,
    ]);
    expect(take(column(["a", "é😀", null], "large_utf8"), [1, 2, 1]).toArray()).toEqual(["é😀", null, "é😀"]);
    const big = 2n ** 60n + 1n;
    expect(take(column([big, -1n, null], "int64"), [1, 0, 2]).toArray()).toEqual([-1n, big, null]);
    expect(take(column([2n ** 64n - 1n, 0n], "uint64"), [0]).toArray()).toEqual([2n ** 64n - 1n]);
    expect(take(column([1.5, Number.NaN], "float32"), [1, 0]).toArray()).toEqual([Number.NaN, 1.5]);
  });

  it("take(dictionary) keeps the dictionary and gathers the codes", () => {
    const c = column(["b", "a", "b"], "dictionary<int8, utf8>");
    const t = take(c, [2, 1]);
    expect(t.toArray()).toEqual(["b", "a"]);
    expect(t.chunks[0]?.dictionary).toBe(c.chunks[0]?.dictionary);
  });

  it("take(col) returns fresh buffers in one chunk, also from several chunks", () => {
    const a = column([1, 2], "int32");
    const b = column([3], "int32");
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    const t = take(c, [2, 0]);
    expect(t.toArray()).toEqual([3, 1]);
    expect(t.chunks.length).toBe(1);
    expect(t.chunks[0]?.values.buffer).not.toBe(a.chunks[0]?.values.buffer);
  });

  it("take(col, positions) equals a naive gather on random dtypes, nulls, slices, chunks", () => {
    fc.assert(
      fc.property(
        columnArb().chain(([kind, values, how]) =>
          fc.tuple(
            fc.constant(kind),
            fc.constant(values),
            fc.constant(how),
            values.length === 0
              ? fc.constant([] as number[])
              : fc.array(fc.integer({ min: -values.length, max: values.length - 1 }), { maxLength: 50 }),
          ),
        ),
        ([kind, values, how, idx]) => {
          const got = take(layout(kind, values, how), idx).toArray();
          expect(got).toEqual(idx.map((i) => values[i < 0 ? values.length + i : i]));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("take(col, badPosition) throws an IndexError naming the position and the length", () => {
    const c = column([1, 2, 3]);
    expect(() => take(c, [0, 3])).toThrow(IndexError);
    expect(() => take(c, [0, 3])).toThrow("index 3 at position 1 is out of bounds for a column of length 3");
    expect(() => take(c, new Int32Array([-4]))).toThrow(/index -4 at position 0 .* length 3/);
    expect(() => take(c, new Uint32Array([7]))).toThrow(/index 7 at position 0/);
    expect(() => take(c, [1.5])).toThrow(/index 1.5 at position 0 is not an integer/);
    expect(() => take(c, column([2n ** 40n], "int64"))).toThrow(/index 1099511627776n at position 0/);
    expect(() => take(c, column([1.0], "float64"))).toThrow(DTypeError);
    expect(() => take(c, "0" as unknown as number[])).toThrow(/invalid indices: "0"/);
  });
});

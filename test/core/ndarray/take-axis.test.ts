import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTypeError, IndexError } from "../../../src/core/errors.js";
import { arange, ndarray } from "../../../src/core/ndarray/create.js";
import { randomArray, refToNested } from "./reference.js";

describe("take(indices, axis) (np.take examples)", () => {
  const a = ndarray([4, 3, 5, 7, 6, 8], { dtype: "int32" });
  it("take([0, 1, 4]) of [4, 3, 5, 7, 6, 8] is [4, 3, 6]", () => {
    expect(a.take([0, 1, 4]).toArray()).toEqual([4, 3, 6]);
  });
  it("take([[0, 1], [2, 3]]) gives the indices' shape: [[4, 3], [5, 7]]", () => {
    expect(
      a
        .take(
          ndarray(
            [
              [0, 1],
              [2, 3],
            ],
            { dtype: "int32" },
          ),
        )
        .toArray(),
    ).toEqual([
      [4, 3],
      [5, 7],
    ]);
  });
  it("take along axis 1 of arange(12).reshape([3, 4]) (by hand), negative indices count from the end", () => {
    const m = arange(12).reshape([3, 4]);
    expect(m.take([3, 0, -1], 1).toArray()).toEqual([
      [3, 0, 3],
      [7, 4, 7],
      [11, 8, 11],
    ]);
    expect(m.take([2, 0], 0).toArray()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    expect(m.take([], 0).shape).toEqual([0, 4]);
  });
  it("take copies (a new buffer) and works on int64 and on transposed views", () => {
    const big = ndarray([1n, 2n ** 60n, -3n]);
    const t = big.take([1, 1, 2]);
    expect(t.toArray()).toEqual([2n ** 60n, 2n ** 60n, -3n]);
    expect(t.data === big.data).toBe(false);
    const m = arange(6).reshape([2, 3]).transpose();
    expect(m.take([1], 1).toArray()).toEqual([[3], [4], [5]]);
  });
  it("an out-of-bounds index throws an IndexError naming it and the axis length", () => {
    expect(() => a.take([6])).toThrow(IndexError);
    expect(() => a.take([6])).toThrow("index 6 is out of bounds for axis 0 with size 6");
    expect(() => arange(6).reshape([2, 3]).take([-4], 1)).toThrow(
      "index -4 is out of bounds for axis 1 with size 3",
    );
    expect(() => a.take([1.5])).toThrow(DTypeError);
    expect(() => a.take(ndarray([1.0]))).toThrow(/integer dtype/);
  });
  it("take matches a naive gather on random arrays and axes", () => {
    fc.assert(
      fc.property(
        randomArray(),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (x, ax, raw) => {
          if (x.arr.ndim === 0) return;
          const axis = ax % x.arr.ndim;
          const n = x.arr.shape[axis] as number;
          if (n === 0) return;
          const idx = raw.map((v) => (v % (2 * n)) - n);
          const got = x.arr.take(idx, axis);
          const shape = x.shape.map((d, i) => (i === axis ? idx.length : d));
          const expected = refToNested({
            shape,
            at: (i) => x.ref.at(i.map((k, j) => (j === axis ? ((idx[k] as number) + n) % n : k))),
          });
          expect(got.toArray()).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

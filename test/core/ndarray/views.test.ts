import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { arange, ndarray, ones } from "../../../src/core/ndarray/create.js";
import type { NDArray } from "../../../src/core/ndarray/ndarray.js";
import { broadcastShapes } from "../../../src/core/ndarray/shape.js";
import { type Ref, randomArray, refFlat, refToNested, sliceRef, transposeRef } from "./reference.js";

const sameBuffer = (a: NDArray, b: NDArray) => a.data === b.data;

describe("transpose(axes?) (NumPy np.transpose examples)", () => {
  it("transpose() of [[1, 2], [3, 4]] is [[1, 3], [2, 4]], a view", () => {
    const a = ndarray([
      [1, 2],
      [3, 4],
    ]);
    const t = a.transpose();
    expect(t.toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(sameBuffer(a, t)).toBe(true);
    expect(t.isContiguous).toBe(false);
    expect(a.T.toArray()).toEqual(t.toArray());
  });
  it("transpose() of a 1-d array is itself", () => {
    expect(ndarray([1, 2, 3, 4]).transpose().toArray()).toEqual([1, 2, 3, 4]);
  });
  it("transpose([1, 0, 2]) of ones((1, 2, 3)) has shape [2, 1, 3]", () => {
    expect(ones([1, 2, 3]).transpose([1, 0, 2]).shape).toEqual([2, 1, 3]);
  });
  it("transpose() of ones((2, 3, 4, 5)) has shape [5, 4, 3, 2]", () => {
    expect(ones([2, 3, 4, 5]).transpose().shape).toEqual([5, 4, 3, 2]);
  });
  it("transpose([-1, 0, -2]) of arange(60).reshape([3, 4, 5]) has shape [5, 3, 4]", () => {
    const t = arange(60).reshape([3, 4, 5]).transpose([-1, 0, -2]);
    expect(t.shape).toEqual([5, 3, 4]);
    // hand: t[i, j, k] = a[j, k, i] = 20j + 5k + i
    expect(t.get(4, 2, 3)).toBe(20 * 2 + 5 * 3 + 4);
  });
  it("transpose(axes) rejects a wrong length or repeated axes", () => {
    const a = ones([2, 3]);
    expect(() => a.transpose([0])).toThrow(ShapeError);
    expect(() => a.transpose([0])).toThrow(/dimension 2/);
    expect(() => a.transpose([1, 1])).toThrow(OptionError);
    expect(() => a.transpose([0, 2])).toThrow(/axis 2 is out of bounds for an array of dimension 2/);
  });
});

describe("reshape(shape) (NumPy np.reshape examples)", () => {
  const a = ndarray([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it("reshape([6]) flattens in C order, sharing the buffer", () => {
    const r = a.reshape([6]);
    expect(r.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sameBuffer(a, r)).toBe(true);
  });
  it("reshape([3, -1]) infers 2", () => {
    expect(a.reshape([3, -1]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
  it("arange(6).reshape([3, 2])", () => {
    expect(arange(6).reshape([3, 2]).toArray()).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });
  it("reshape of a non-contiguous (transposed) array copies", () => {
    const t = a.transpose();
    const r = t.reshape([6]);
    expect(r.toArray()).toEqual([1, 4, 2, 5, 3, 6]);
    expect(sameBuffer(t, r)).toBe(false);
  });
  it("reshape with a size mismatch throws a ShapeError naming both shapes", () => {
    expect(() => a.reshape([4])).toThrow(ShapeError);
    expect(() => a.reshape([4])).toThrow("cannot reshape array of shape [2, 3] into shape [4]");
    expect(() => a.reshape([-1, 4])).toThrow("[2, 3]");
    expect(() => a.reshape([-1, -1])).toThrow(/one unknown dimension/);
  });
  it("reshape of a 1-element array to [] gives a 0-d array", () => {
    const z = ndarray([5]).reshape([]);
    expect(z.ndim).toBe(0);
    expect(z.toArray()).toBe(5);
  });
});

describe("squeeze(axis?) and expandDims(axis) (NumPy examples)", () => {
  const x = ndarray([[[0], [1], [2]]]);
  it("squeeze() of shape [1, 3, 1] is [3]; axis 0 → [3, 1]; axis 2 → [1, 3]", () => {
    expect(x.shape).toEqual([1, 3, 1]);
    expect(x.squeeze().shape).toEqual([3]);
    expect(x.squeeze(0).shape).toEqual([3, 1]);
    expect(x.squeeze(2).shape).toEqual([1, 3]);
    expect(sameBuffer(x, x.squeeze())).toBe(true);
  });
  it("squeeze(1) of shape [1, 3, 1] throws a ShapeError naming the axis and length", () => {
    expect(() => x.squeeze(1)).toThrow(ShapeError);
    expect(() => x.squeeze(1)).toThrow("cannot squeeze axis 1 of shape [1, 3, 1]: its length is 3, not 1");
  });
  it("squeeze() of [[1234]] is a 0-d array", () => {
    const s = ndarray([[1234]]).squeeze();
    expect(s.shape).toEqual([]);
    expect(s.toArray()).toBe(1234);
  });
  it("expandDims(0) of [1, 2] is [[1, 2]]; expandDims(1) is [[1], [2]]", () => {
    const v = ndarray([1, 2]);
    expect(v.expandDims(0).toArray()).toEqual([[1, 2]]);
    expect(v.expandDims(1).toArray()).toEqual([[1], [2]]);
    expect(v.expandDims(-1).shape).toEqual([2, 1]);
    expect(sameBuffer(v, v.expandDims(0))).toBe(true);
    expect(() => v.expandDims(3)).toThrow(IndexError);
  });
});

describe("isel(spec) basic slicing", () => {
  const a = arange(12).reshape([3, 4]);
  it("an integer drops the axis, a slice keeps it, null keeps it whole", () => {
    expect(a.isel([1]).toArray()).toEqual([4, 5, 6, 7]);
    expect(a.isel([null, 2]).toArray()).toEqual([2, 6, 10]);
    expect(a.isel([-1, -1]).toArray()).toBe(11);
    expect(a.isel([{ start: 1 }, { stop: 2 }]).toArray()).toEqual([
      [4, 5],
      [8, 9],
    ]);
  });
  it("negative steps walk backwards (a[::-1, ::2] by hand)", () => {
    const v = a.isel([{ step: -1 }, { step: 2 }]);
    expect(v.toArray()).toEqual([
      [8, 10],
      [4, 6],
      [0, 2],
    ]);
    expect(v.strides).toEqual([-4, 2]);
    expect(sameBuffer(a, v)).toBe(true);
  });
  it("Python slice bounds: x[8:1:-3] of range(10) is [8, 5, 2]; x[-3:] is [7, 8, 9]; x[5:2] is empty", () => {
    const x = arange(10);
    expect(x.isel([{ start: 8, stop: 1, step: -3 }]).toArray()).toEqual([8, 5, 2]);
    expect(x.isel([{ start: -3 }]).toArray()).toEqual([7, 8, 9]);
    expect(x.isel([{ start: 5, stop: 2 }]).toArray()).toEqual([]);
    expect(x.isel([{ start: -100, stop: 100, step: 4 }]).toArray()).toEqual([0, 4, 8]);
  });
  it("errors name the index, axis and length", () => {
    expect(() => a.isel([3])).toThrow("index 3 is out of bounds for axis 0 with size 3");
    expect(() => a.isel([0, { step: 0 }])).toThrow(OptionError);
    expect(() => a.isel([0, 0, 0])).toThrow(/too many indices/);
  });
});

describe("broadcastTo(shape) and broadcastShapes()", () => {
  it("broadcastTo gives zero strides over the same buffer", () => {
    const v = ndarray([1, 2, 3]);
    const b = v.broadcastTo([2, 3]);
    expect(b.strides).toEqual([0, 1]);
    expect(b.toArray()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(sameBuffer(v, b)).toBe(true);
    expect(() => v.broadcastTo([4])).toThrow("cannot broadcast shapes [3] and [4]");
  });
  // the shape table of NumPy's broadcasting page
  it.each([
    [
      [8, 1, 6, 1],
      [7, 1, 5],
      [8, 7, 6, 5],
    ],
    [[5, 4], [1], [5, 4]],
    [[5, 4], [4], [5, 4]],
    [
      [15, 3, 5],
      [15, 1, 5],
      [15, 3, 5],
    ],
    [
      [15, 3, 5],
      [3, 5],
      [15, 3, 5],
    ],
    [
      [15, 3, 5],
      [3, 1],
      [15, 3, 5],
    ],
  ])("broadcastShapes(%j, %j) is %j", (a, b, out) => {
    expect(broadcastShapes(a, b)).toEqual(out);
  });
  it("mismatched shapes from NumPy's page throw a ShapeError naming both", () => {
    expect(() => broadcastShapes([3], [4])).toThrow(ShapeError);
    expect(() => broadcastShapes([3], [4])).toThrow("cannot broadcast shapes [3] and [4]");
    expect(() => broadcastShapes([2, 1], [8, 4, 3])).toThrow(/\[2, 1\] and \[8, 4, 3\]/);
  });
});

describe("views: random transposes and step slices match a naive reference", () => {
  it("isel/transpose views read the same values as the reference", () => {
    fc.assert(
      fc.property(randomArray(), fc.integer({ min: 0, max: 1e9 }), ({ arr, ref }, seed) => {
        let a: NDArray = arr;
        let r: Ref = ref;
        // a slice per axis from the seed, then a permutation
        const spec = a.shape.map((n, i) => {
          const h = (seed >>> (i * 3)) & 7;
          const step = [1, 2, -1, -2, 3, 1, -3, 1][h] as number;
          return { start: h % 3 === 0 ? null : (h % (n + 2)) - 1, stop: h % 2 ? null : n - (h % 3), step };
        });
        a = a.isel(spec);
        r = sliceRef(r, spec);
        const perm = a.shape
          .map((_, i) => i)
          .sort((x, y) => ((seed >>> x) & 1) - ((seed >>> y) & 1) || y - x);
        a = a.transpose(perm);
        r = transposeRef(r, perm);
        expect(a.shape).toEqual(r.shape);
        expect(a.toArray()).toEqual(refToNested(r));
        expect(a.copy().toArray()).toEqual(refToNested(r));
        expect(a.reshape([-1]).toArray()).toEqual(refFlat(r));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

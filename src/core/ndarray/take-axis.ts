/**
 * `take`: gather positions along one axis of an NDArray (a copy), as
 * NumPy's `np.take(a, indices, axis)` in its default "raise" mode.
 * @internal
 */

import { show } from "../../util/is.js";
import { isInteger, type NumberArray } from "../dtype.js";
import { DTypeError, IndexError } from "../errors.js";
import { signedIsSafe, signedToNumber, unsignedToNumber, words } from "../int64.js";
import { NDArray, type NDType } from "./ndarray.js";
import { coalesce, contiguousStrides, normalizeAxis, Odometer, sizeOf } from "./shape.js";
import { allocate, copyWords, isBig, unaryLoop } from "./strided.js";

/** Read indices into a Float64Array (row-major) with their shape. */
function readIndices(indices: ArrayLike<number> | NDArray): { idx: Float64Array; shape: number[] } {
  if (indices instanceof NDArray) {
    if (!isInteger(indices.dtype)) {
      throw new DTypeError(`take() indices must have an integer dtype, got ${indices.dtype.kind}`);
    }
    const c = indices.copy();
    const idx = new Float64Array(c.size);
    if (isBig(c.data)) {
      const w = words(c.data);
      const signed = c.dtype.kind === "int64";
      for (let i = 0; i < idx.length; i++) {
        const lo = w[2 * i] as number;
        const hi = w[2 * i + 1] as number;
        idx[i] = signed && signedIsSafe(lo, hi) ? signedToNumber(lo, hi) : unsignedToNumber(lo, hi);
      }
    } else idx.set(c.data as NumberArray);
    return { idx, shape: c.shape.slice() };
  }
  if (typeof indices !== "object" || indices === null || typeof indices.length !== "number") {
    throw new DTypeError(
      `take() indices must be an array of integers or an integer NDArray, got ${show(indices)}`,
    );
  }
  const idx = Float64Array.from(indices as ArrayLike<number>);
  for (let i = 0; i < idx.length; i++) {
    if (!Number.isInteger(idx[i])) {
      throw new DTypeError(
        `take() index ${show((indices as ArrayLike<unknown>)[i])} at position ${i} is not an integer`,
      );
    }
  }
  return { idx, shape: [idx.length] };
}

/**
 * Gather `indices` (any shape) along `axis`; the result has shape
 * `shape[:axis] + indices.shape + shape[axis+1:]`. Without an axis the
 * flattened array is used. Negative indices count from the end; an index
 * out of bounds throws an `IndexError` naming it and the axis length.
 */
export function takeAlong<T extends NDType>(
  arr: NDArray<T>,
  indices: ArrayLike<number> | NDArray,
  axis?: number | null,
): NDArray<T> {
  const src = axis === undefined || axis === null ? arr.ravel() : arr;
  const ax = axis === undefined || axis === null ? 0 : normalizeAxis(axis, arr.ndim);
  const { idx, shape: ishape } = readIndices(indices);
  const len = src.shape[ax] as number;
  for (let i = 0; i < idx.length; i++) {
    let k = idx[i] as number;
    if (k < -len || k >= len)
      throw new IndexError(`index ${k} is out of bounds for axis ${ax} with size ${len}`);
    if (k < 0) k += len;
    idx[i] = k;
  }
  const pre = src.shape.slice(0, ax);
  const post = src.shape.slice(ax + 1);
  const outShape = [...pre, ...ishape, ...post];
  const out = allocate(src.dtype, sizeOf(outShape));
  const result = new NDArray(src.dtype, out, outShape, contiguousStrides(outShape), 0);
  if (out.length === 0) return result;
  // relative start of each innermost run of one post-axes block
  const pc = coalesce(post, [src.strides.slice(ax + 1)]);
  const pod = new Odometer(pc.shape, pc.strides, [0]);
  const runStarts = new Float64Array(pod.runs);
  for (let r = 0; r < pod.runs; r++) {
    runStarts[r] = pod.pos[0] as number;
    pod.next();
  }
  const pst = pc.strides[0] as number[];
  const s = pst[pst.length - 1] as number;
  const n = pod.inner;
  const axStride = src.strides[ax] as number;
  const outer = new Odometer(pre.concat(1), [src.strides.slice(0, ax).concat(0)], [src.offset]);
  const big = isBig(src.data);
  const data = big ? words(src.data as BigInt64Array) : (src.data as NumberArray);
  const dst = big ? words(out as BigInt64Array) : (out as NumberArray);
  const copy = unaryLoop(data);
  let o = 0;
  for (let r = 0; r < outer.runs; r++) {
    const base = outer.pos[0] as number;
    for (let j = 0; j < idx.length; j++) {
      const b = base + (idx[j] as number) * axStride;
      for (let q = 0; q < runStarts.length; q++, o += n) {
        const start = b + (runStarts[q] as number);
        if (big) copyWords(dst as Int32Array, o, data as Int32Array, start, s, n);
        else copy(0, dst, o, data, start, s, n);
      }
    }
    outer.next();
  }
  return result;
}

/**
 * NDArray views: transpose, `isel` (basic slicing), reshape, squeeze,
 * expandDims, broadcastTo. Each returns an NDArray over the same `data`
 * (reshape and ravel copy only non-contiguous input).
 * @internal
 */

import { show } from "../../util/is.js";
import { IndexError, OptionError, ShapeError } from "../errors.js";
import { NDArray, type NDType } from "./ndarray.js";
import {
  broadcastStrides,
  checkShape,
  contiguousStrides,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  sizeOf,
} from "./shape.js";
import { copyData } from "./strided.js";

/** One axis of an `isel` selection: a position (drops the axis), a slice, or null (whole axis). */
export type IselSpec = number | { start?: number | null; stop?: number | null; step?: number | null } | null;

/** Permute axes; default reverses them. */
export function transpose<T extends NDType>(arr: NDArray<T>, axes?: readonly number[]): NDArray<T> {
  const nd = arr.ndim;
  let perm: number[];
  if (axes === undefined) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
  else {
    if (!Array.isArray(axes) || axes.length !== nd) {
      throw new ShapeError(`axes ${show(axes)} don't match an array of dimension ${nd}`);
    }
    perm = axes.map((a) => normalizeAxis(a, nd));
    if (new Set(perm).size !== nd)
      throw new OptionError(`repeated axis in transpose axes ${formatShape(axes)}`);
  }
  return new NDArray(
    arr.dtype,
    arr.data,
    perm.map((p) => arr.shape[p] as number),
    perm.map((p) => arr.strides[p] as number),
    arr.offset,
  );
}

/**
 * Python's `slice.indices(n)`: clamp start/stop for `step`, returning the
 * first position and the number of selected elements.
 */
export function sliceIndices(
  n: number,
  start: number | null | undefined,
  stop: number | null | undefined,
  step: number,
): [number, number] {
  const neg = step < 0;
  const lower = neg ? -1 : 0;
  const upper = neg ? n - 1 : n;
  const fix = (v: number | null | undefined, dflt: number): number => {
    if (v === undefined || v === null) return dflt;
    if (!Number.isInteger(v)) throw new OptionError(`invalid slice bound: ${show(v)} (expected an integer)`);
    if (v < 0) v += n;
    return v < lower ? lower : v > upper ? upper : v;
  };
  const s = fix(start, neg ? upper : lower);
  const e = fix(stop, neg ? lower : upper);
  const len = neg ? (s > e ? Math.ceil((s - e) / -step) : 0) : e > s ? Math.ceil((e - s) / step) : 0;
  return [s, len];
}

/** Basic slicing by position, one spec per leading axis (see `IselSpec`). */
export function isel<T extends NDType>(arr: NDArray<T>, spec: readonly IselSpec[]): NDArray<T> {
  if (!Array.isArray(spec))
    throw new OptionError(`invalid isel selection: ${show(spec)} (expected an array)`);
  const nd = arr.ndim;
  if (spec.length > nd) {
    throw new IndexError(`too many indices: ${spec.length} for an array of dimension ${nd}`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = arr.offset;
  for (let i = 0; i < nd; i++) {
    const n = arr.shape[i] as number;
    const st = arr.strides[i] as number;
    const s = spec[i];
    if (s === undefined || s === null) {
      shape.push(n);
      strides.push(st);
    } else if (typeof s === "number") {
      if (!Number.isInteger(s) || s < -n || s >= n) {
        throw new IndexError(`index ${s} is out of bounds for axis ${i} with size ${n}`);
      }
      offset += (s < 0 ? s + n : s) * st;
    } else if (typeof s === "object") {
      const step = s.step ?? 1;
      if (!Number.isInteger(step) || step === 0) {
        throw new OptionError(
          `invalid slice step on axis ${i}: ${show(s.step)} (expected a non-zero integer)`,
        );
      }
      const [first, len] = sliceIndices(n, s.start, s.stop, step);
      if (len > 0) offset += first * st;
      shape.push(len);
      strides.push(st * step);
    } else {
      throw new OptionError(
        `invalid isel entry on axis ${i}: ${show(s)} (expected an integer, a slice or null)`,
      );
    }
  }
  return new NDArray(arr.dtype, arr.data, shape, strides, offset);
}

/**
 * New shape with the same elements: a view for contiguous input (the same
 * `data`), a copy otherwise. One entry may be -1 (inferred). A size
 * mismatch throws a `ShapeError` naming both shapes.
 */
export function reshape<T extends NDType>(arr: NDArray<T>, shape: readonly number[]): NDArray<T> {
  if (typeof shape === "number") shape = [shape];
  if (!Array.isArray(shape)) throw new ShapeError(`invalid shape: ${show(shape)}`);
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new ShapeError(`can only specify one unknown dimension in ${formatShape(shape)}`);
  const known = checkShape(shape.filter((d) => d !== -1));
  const size = arr.size;
  const rest = sizeOf(known);
  let target = shape.slice();
  if (unknown === 1) {
    if (rest === 0 || size % rest !== 0) {
      throw new ShapeError(
        `cannot reshape array of shape ${formatShape(arr.shape)} into shape ${formatShape(shape)}`,
      );
    }
    target = shape.map((d) => (d === -1 ? size / rest : d));
  } else if (rest !== size) {
    throw new ShapeError(
      `cannot reshape array of shape ${formatShape(arr.shape)} into shape ${formatShape(shape)}`,
    );
  }
  if (arr.isContiguous)
    return new NDArray(arr.dtype, arr.data, target, contiguousStrides(target), arr.offset);
  return new NDArray(arr.dtype, copyData(arr), target, contiguousStrides(target), 0);
}

/** The elements as a 1-d array (a view when contiguous). */
export function ravel<T extends NDType>(arr: NDArray<T>): NDArray<T> {
  return reshape(arr, [arr.size]);
}

/** A contiguous copy. */
export function copy<T extends NDType>(arr: NDArray<T>): NDArray<T> {
  return new NDArray(arr.dtype, copyData(arr), arr.shape, contiguousStrides(arr.shape), 0);
}

/** Remove axes of length 1 (all, or those named; a named axis of another length throws). */
export function squeeze<T extends NDType>(arr: NDArray<T>, axis?: number | readonly number[]): NDArray<T> {
  let drop: Set<number>;
  if (axis === undefined || axis === null) {
    drop = new Set(arr.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  } else {
    drop = new Set(normalizeAxes(axis, arr.ndim));
    for (const a of drop) {
      if (arr.shape[a] !== 1) {
        throw new ShapeError(
          `cannot squeeze axis ${a} of shape ${formatShape(arr.shape)}: its length is ${arr.shape[a]}, not 1`,
        );
      }
    }
  }
  const keep = arr.shape.map((_, i) => i).filter((i) => !drop.has(i));
  return new NDArray(
    arr.dtype,
    arr.data,
    keep.map((i) => arr.shape[i] as number),
    keep.map((i) => arr.strides[i] as number),
    arr.offset,
  );
}

/** Insert an axis of length 1 at `axis` (negative counts from the end of the result). */
export function expandDims<T extends NDType>(arr: NDArray<T>, axis: number): NDArray<T> {
  const a = normalizeAxis(axis, arr.ndim + 1);
  const shape = arr.shape.slice();
  const strides = arr.strides.slice();
  shape.splice(a, 0, 1);
  strides.splice(a, 0, 0);
  return new NDArray(arr.dtype, arr.data, shape, strides, arr.offset);
}

/** View with a broadcast shape; stretched and new axes get stride 0. */
export function broadcastTo<T extends NDType>(arr: NDArray<T>, shape: readonly number[]): NDArray<T> {
  const target = checkShape(shape);
  return new NDArray(
    arr.dtype,
    arr.data,
    target,
    broadcastStrides(arr.shape, arr.strides, target),
    arr.offset,
  );
}

/**
 * Shape, stride and broadcasting helpers of the N-d array core. Strides are
 * counted in elements (not bytes), row-major (C order) for new arrays.
 * @internal
 */
import { IndexError, OptionError, ShapeError } from "../errors.js";

export type Shape = readonly number[];

/** `[2, 3]` as an error message prints it. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** Validate a user shape (non-negative safe integers) and return a frozen copy. */
export function checkShape(shape: unknown, what = "shape"): number[] {
  if (typeof shape === "number") shape = [shape];
  if (!Array.isArray(shape)) {
    throw new ShapeError(`invalid ${what}: ${String(shape)} (expected an array of non-negative integers)`);
  }
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError(
        `invalid ${what}: ${formatShape(shape)} (dimension ${String(d)} is not a non-negative integer)`,
      );
    }
  }
  return shape.slice();
}

/** Number of elements of a shape (1 for a 0-d shape). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a shape, in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = step;
    step *= Math.max(shape[i] as number, 1);
  }
  return s;
}

/** True when elements are laid out row-major without gaps (axes of length 1 may have any stride). */
export function isCContiguous(shape: Shape, strides: Shape): boolean {
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i] as number;
    if (d === 0) return true;
    if (d !== 1) {
      if (strides[i] !== step) return false;
      step *= d;
    }
  }
  return true;
}

/**
 * Normalize an axis (negative counts from the end) against `ndim`; out of
 * range throws an `IndexError` naming the axis and the dimension count.
 */
export function normalizeAxis(axis: unknown, ndim: number): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new OptionError(`invalid axis: ${String(axis)} (expected an integer)`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new IndexError(`axis ${axis} is out of bounds for an array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalize an axis or list of axes (undefined/null = all axes), sorted, no repeats. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) throw new OptionError(`invalid axis: ${String(axis)} (expected integers)`);
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) {
    throw new OptionError(`repeated axis in ${formatShape(list)}`);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The broadcast shape of several shapes by NumPy's rules: align trailing
 * dimensions; each pair must be equal or one of them 1. Incompatible shapes
 * throw a `ShapeError` naming both, e.g. `cannot broadcast shapes [2, 3] and [4]`.
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  const from = new Array<Shape | null>(ndim).fill(null);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const k = ndim - s.length + i;
      const d = s[i] as number;
      const cur = out[k] as number;
      if (d === cur || d === 1) continue;
      if (cur === 1) {
        out[k] = d;
        from[k] = s;
        continue;
      }
      throw new ShapeError(
        `cannot broadcast shapes ${formatShape(from[k] as Shape)} and ${formatShape(s)} (dimension ${cur} vs ${d})`,
      );
    }
  }
  return out;
}

/**
 * Strides of an array of `shape`/`strides` viewed with the broadcast shape
 * `target`: zero on new leading axes and on stretched axes of length 1.
 * Throws a `ShapeError` naming both shapes when `shape` cannot broadcast.
 */
export function broadcastStrides(shape: Shape, strides: Shape, target: Shape): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  if (lead < 0) throw cannotBroadcastTo(shape, target);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i] as number;
    const t = target[lead + i] as number;
    if (d === t) out[lead + i] = strides[i] as number;
    else if (d === 1) out[lead + i] = 0;
    else throw cannotBroadcastTo(shape, target);
  }
  return out;
}

function cannotBroadcastTo(shape: Shape, target: Shape): ShapeError {
  return new ShapeError(`cannot broadcast shapes ${formatShape(shape)} and ${formatShape(target)}`);
}

/**
 * Merge adjacent axes that every operand walks contiguously, and drop axes
 * of length 1, so loops run on the longest possible inner runs. Returns the
 * reduced shape and one stride list per operand (at least one axis).
 */
export function coalesce(shape: Shape, strides: readonly Shape[]): { shape: number[]; strides: number[][] } {
  const sh: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i] as number;
    if (d === 1) continue;
    const last = sh.length - 1;
    if (last >= 0 && strides.every((s, k) => (st[k] as number[])[last] === (s[i] as number) * d)) {
      sh[last] = (sh[last] as number) * d;
      for (let k = 0; k < strides.length; k++) (st[k] as number[])[last] = (strides[k] as Shape)[i] as number;
    } else {
      sh.push(d);
      for (let k = 0; k < strides.length; k++) (st[k] as number[]).push((strides[k] as Shape)[i] as number);
    }
  }
  if (sh.length === 0 || shape.some((d) => d === 0)) {
    return { shape: [sizeOf(shape)], strides: strides.map(() => [1]) };
  }
  return { shape: sh, strides: st };
}

/**
 * Walks the outer axes of a (coalesced) shape in row-major order, keeping
 * one flat position per operand; the caller runs the innermost axis itself.
 * `pos[k]` is the position of operand k at the start of the current run.
 */
export class Odometer {
  readonly pos: Float64Array;
  readonly runs: number;
  readonly inner: number;
  readonly #shape: number[];
  readonly #strides: number[][];
  readonly #idx: Int32Array;

  constructor(shape: number[], strides: number[][], offsets: readonly number[]) {
    const nd = shape.length;
    this.inner = nd === 0 ? 1 : (shape[nd - 1] as number);
    this.runs = this.inner === 0 ? 0 : sizeOf(shape) / this.inner;
    this.#shape = shape;
    this.#strides = strides;
    this.#idx = new Int32Array(Math.max(nd - 1, 0));
    this.pos = Float64Array.from(offsets);
  }

  /** Advance to the start of the next run. */
  next(): void {
    const idx = this.#idx;
    const pos = this.pos;
    const st = this.#strides;
    for (let d = idx.length - 1; d >= 0; d--) {
      const n = this.#shape[d] as number;
      if ((idx[d] as number) + 1 < n) {
        idx[d] = (idx[d] as number) + 1;
        for (let k = 0; k < pos.length; k++) pos[k] = (pos[k] as number) + ((st[k] as number[])[d] as number);
        return;
      }
      idx[d] = 0;
      for (let k = 0; k < pos.length; k++)
        pos[k] = (pos[k] as number) - ((st[k] as number[])[d] as number) * (n - 1);
    }
  }
}

/**
 * Run-wise drivers shared by the NDArray kernels: pick the loop for a
 * storage type once per call, then walk the (coalesced) shape with an
 * odometer and call the loop once per innermost run.
 * @internal
 */
import type { StorageOf } from "../chunk.js";
import { arrayType, type NumberArray } from "../dtype.js";
import { words } from "../int64.js";
import { type SmallIntArray, unaryF32, unaryF64, unaryI32, unaryInt } from "./loops/index.js";
import type { NDArray, NDType } from "./ndarray.js";
import { coalesce, Odometer, type Shape, sizeOf } from "./shape.js";

export type UnaryLoop = (
  op: number,
  out: NumberArray,
  o: number,
  a: NumberArray,
  ia: number,
  sa: number,
  n: number,
) => void;

/** The unary loop for a number storage array. */
export function unaryLoop(a: NumberArray): UnaryLoop {
  if (a instanceof Float64Array) return unaryF64 as UnaryLoop;
  if (a instanceof Float32Array) return unaryF32 as UnaryLoop;
  if (a instanceof Int32Array) return unaryI32 as UnaryLoop;
  return unaryInt as (op: number, out: SmallIntArray, o: number, a: SmallIntArray) => void as UnaryLoop;
}

/** True for BigInt64Array/BigUint64Array storage. */
export function isBig(a: ArrayBufferView): a is BigInt64Array | BigUint64Array {
  return a instanceof BigInt64Array || a instanceof BigUint64Array;
}

/** Allocate the storage of `n` elements of an NDArray dtype (bool: one byte each). */
export function allocate<T extends NDType>(dtype: T, n: number): StorageOf<T> {
  const Ctor = arrayType(dtype);
  return new Ctor(n) as StorageOf<T>;
}

/**
 * Apply unary loop op `op` to every element of `a` (viewed with `shape` and
 * `strides` from `offset`) and write the results row-major into `out`.
 * 64-bit storage is copied as pairs of 32-bit words (op must be 0, "copy").
 */
export function mapRuns(
  op: number,
  out: NumberArray | BigInt64Array | BigUint64Array,
  a: NumberArray | BigInt64Array | BigUint64Array,
  offset: number,
  shape: Shape,
  strides: Shape,
): void {
  if (sizeOf(shape) === 0) return;
  const c = coalesce(shape, [strides]);
  const sa = c.strides[0] as number[];
  const od = new Odometer(c.shape, [sa], [offset]);
  const n = od.inner;
  const s = sa[sa.length - 1] as number;
  if (isBig(a)) {
    const src = words(a);
    const dst = words(out as BigInt64Array);
    for (let r = 0, o = 0; r < od.runs; r++, o += n) {
      copyWords(dst, o, src, od.pos[0] as number, s, n);
      od.next();
    }
    return;
  }
  const f = unaryLoop(a);
  for (let r = 0, o = 0; r < od.runs; r++, o += n) {
    f(op, out as NumberArray, o, a, od.pos[0] as number, s, n);
    od.next();
  }
}

/** Copy `n` 64-bit elements (word pairs) from element `ia` by `sa` to element `o` onwards. */
export function copyWords(
  out: Int32Array,
  o: number,
  a: Int32Array,
  ia: number,
  sa: number,
  n: number,
): void {
  for (let k = 0, q = 2 * o, p = 2 * ia; k < n; k++, q += 2, p += 2 * sa) {
    out[q] = a[p] as number;
    out[q + 1] = a[p + 1] as number;
  }
}

/** A row-major copy of an array's elements into a new buffer of the same storage type. */
export function copyData<T extends NDType>(arr: NDArray<T>): StorageOf<T> {
  const size = arr.size;
  if (arr.isContiguous) {
    return arr.data.slice(arr.offset, arr.offset + size) as StorageOf<T>;
  }
  const out = allocate(arr.dtype, size);
  mapRuns(0, out, arr.data, arr.offset, arr.shape, arr.strides);
  return out;
}

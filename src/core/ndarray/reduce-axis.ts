/**
 * NDArray reductions along one or several axes (NumPy semantics: NaN
 * propagates; an NDArray has no nulls to skip).
 *
 * The input is walked once in its memory order; each element folds into
 * the accumulator of its output position (an output stride of 0 on the
 * reduced axes). Runs along a reduced innermost axis reduce in a local
 * loop: float sums pairwise (NumPy's method), integer sums exactly.
 * @internal
 */

import { maybeBoolean } from "../../util/is.js";
import {
  bool,
  type DType,
  float64,
  int64,
  isFloat,
  isUnsignedInteger,
  type NumberArray,
  uint64,
} from "../dtype.js";
import { ShapeError } from "../errors.js";
import { compareWords, mulWords, words } from "../int64.js";
import { astype } from "./cast.js";
import { binary, unary } from "./elementwise.js";
import * as L from "./loops/index.js";
import { NDArray, type NDType } from "./ndarray.js";
import { coalesce, contiguousStrides, normalizeAxes, normalizeAxis, Odometer, sizeOf } from "./shape.js";
import { allocate, isBig } from "./strided.js";

export type ReduceKind = "sum" | "prod" | "mean" | "min" | "max" | "any" | "all";

/** Options of the reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); undefined or null = all axes. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes with length 1 so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Options of `var` and `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `N - ddof` (default 0, as NumPy). */
  ddof?: number;
}

/** Options of `argmin` and `argmax`: one axis, or undefined for the flattened array. */
export interface ArgReduceOptions {
  axis?: number | null;
  keepdims?: boolean;
}

interface Plan {
  outShape: number[];
  outSize: number;
  /** Elements folded into each output. */
  count: number;
  shape: number[];
  inStrides: number[];
  outStrides: number[];
}

function plan(arr: NDArray, options: ReduceOptions | undefined): Plan {
  const nd = arr.ndim;
  const axes = new Set(normalizeAxes(options?.axis, nd));
  const keepdims = maybeBoolean("keepdims", options?.keepdims, false);
  const kept = arr.shape.filter((_, i) => !axes.has(i));
  const outShape = keepdims ? arr.shape.map((d, i) => (axes.has(i) ? 1 : d)) : kept;
  const keptStrides = contiguousStrides(kept);
  const outSt: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) outSt.push(axes.has(i) ? 0 : (keptStrides[k++] as number));
  // walk the input in memory order: largest |stride| outermost
  const order = arr.shape
    .map((_, i) => i)
    .sort((i, j) => Math.abs(arr.strides[j] as number) - Math.abs(arr.strides[i] as number) || i - j);
  const c = coalesce(
    order.map((i) => arr.shape[i] as number),
    [order.map((i) => arr.strides[i] as number), order.map((i) => outSt[i] as number)],
  );
  let count = 1;
  for (const a of axes) count *= arr.shape[a] as number;
  return {
    outShape,
    outSize: sizeOf(kept),
    count,
    shape: c.shape,
    inStrides: c.strides[0] as number[],
    outStrides: c.strides[1] as number[],
  };
}

/** Call `run(ia, sa, io, so, n)` for every innermost run of a plan. */
function eachRun(
  arr: NDArray,
  p: Plan,
  run: (ia: number, sa: number, io: number, so: number, n: number) => void,
): void {
  if (arr.size === 0) return;
  const od = new Odometer(p.shape, [p.inStrides, p.outStrides], [arr.offset, 0]);
  const last = p.shape.length - 1;
  const sa = p.inStrides[last] as number;
  const so = p.outStrides[last] as number;
  const pos = od.pos;
  for (let r = 0; r < od.runs; r++) {
    run(pos[0] as number, sa, pos[1] as number, so, od.inner);
    od.next();
  }
}

type Group = "F64" | "F32" | "I32" | "Int";
function group(data: ArrayBufferView): Group {
  if (data instanceof Float64Array) return "F64";
  if (data instanceof Float32Array) return "F32";
  if (data instanceof Int32Array) return "I32";
  return "Int";
}

// One loop per storage group, cast to the Float64Array signature (each stays monomorphic).
type RunFn = typeof L.minRunF64;
type AccFn = typeof L.accMinF64;
const MIN_RUN = {
  F64: L.minRunF64,
  F32: L.minRunF32,
  I32: L.minRunI32,
  Int: L.minRunInt,
} as unknown as Record<Group, RunFn>;
const MAX_RUN = {
  F64: L.maxRunF64,
  F32: L.maxRunF32,
  I32: L.maxRunI32,
  Int: L.maxRunInt,
} as unknown as Record<Group, RunFn>;
const ACC_MIN = {
  F64: L.accMinF64,
  F32: L.accMinF32,
  I32: L.accMinI32,
  Int: L.accMinInt,
} as unknown as Record<Group, AccFn>;
const ACC_MAX = {
  F64: L.accMaxF64,
  F32: L.accMaxF32,
  I32: L.accMaxI32,
  Int: L.accMaxInt,
} as unknown as Record<Group, AccFn>;
const ARG_RUN = {
  F64: L.argRunF64,
  F32: L.argRunF32,
  I32: L.argRunI32,
  Int: L.argRunInt,
} as unknown as Record<Group, typeof L.argRunF64>;

// Integer sums: partial sums stay below 2^53 when at most 2^20 values of
// magnitude < 2^32 are added before carrying multiples of 2^32 into `hi`.
const CHUNK = 1 << 20;
const TWO32 = 4294967296;

function carry(lo: Float64Array, hi: Float64Array, i: number): void {
  const h = Math.floor((lo[i] as number) / TWO32);
  if (h !== 0) {
    lo[i] = (lo[i] as number) - h * TWO32;
    hi[i] = (hi[i] as number) + h;
  }
}

/** Float sum per output: pairwise runs, Neumaier-compensated folding. */
function sumFloat(arr: NDArray, p: Plan): Float64Array {
  const acc = new Float64Array(p.outSize);
  const comp = new Float64Array(p.outSize);
  const a = arr.data as Float64Array;
  const f32 = group(a) === "F32";
  const run = f32 ? (L.sumRunF32 as unknown as typeof L.sumRunF64) : L.sumRunF64;
  const fold = f32 ? (L.accSumF32 as unknown as typeof L.accSumF64) : L.accSumF64;
  eachRun(arr, p, (ia, sa, io, so, n) => {
    if (so === 0) {
      const s = acc[io] as number;
      const x = run(a, ia, sa, n);
      const t = s + x;
      comp[io] = (comp[io] as number) + (Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s);
      acc[io] = t;
    } else fold(acc, comp, io, so, a, ia, sa, n);
  });
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) + (comp[i] as number);
  return acc;
}

/** Exact integer sum per output as `hi * 2^32 + lo` (lo in [0, 2^32)). */
function sumInt(arr: NDArray, p: Plan): [Float64Array, Float64Array] {
  const lo = new Float64Array(p.outSize);
  const hi = new Float64Array(p.outSize);
  if (isBig(arr.data)) {
    const w = words(arr.data);
    const signed = arr.dtype.kind === "int64";
    let since = 0;
    eachRun(arr, p, (ia, sa, io, so, n) => {
      for (let start = 0; start < n; start += CHUNK) {
        const m = Math.min(CHUNK, n - start);
        let q = 2 * (ia + start * sa);
        let o = io + start * so;
        for (let k = 0; k < m; k++, q += 2 * sa, o += so) {
          lo[o] = (lo[o] as number) + ((w[q] as number) >>> 0);
          hi[o] = (hi[o] as number) + (signed ? (w[q + 1] as number) : (w[q + 1] as number) >>> 0);
        }
        if (so === 0) carry(lo, hi, io);
      }
      if (so !== 0 && ++since === CHUNK) {
        for (let i = 0; i < lo.length; i++) carry(lo, hi, i);
        since = 0;
      }
    });
  } else {
    const a = arr.data as Int32Array;
    const g = group(a);
    const run = g === "I32" ? L.sumRunI32 : (L.sumRunInt as unknown as typeof L.sumRunI32);
    const fold = g === "I32" ? L.accSumI32 : (L.accSumInt as unknown as typeof L.accSumI32);
    let since = 0;
    eachRun(arr, p, (ia, sa, io, so, n) => {
      if (so === 0) {
        for (let start = 0; start < n; start += CHUNK) {
          lo[io] = (lo[io] as number) + run(a, ia + start * sa, sa, Math.min(CHUNK, n - start));
          carry(lo, hi, io);
        }
      } else {
        fold(lo, io, so, a, ia, sa, n);
        if (++since === CHUNK) {
          for (let i = 0; i < lo.length; i++) carry(lo, hi, i);
          since = 0;
        }
      }
    });
  }
  for (let i = 0; i < lo.length; i++) carry(lo, hi, i);
  return [lo, hi];
}

function intResultType(d: DType): NDType {
  return isUnsignedInteger(d) ? uint64 : int64;
}

/** Write `hi * 2^32 + lo` pairs as int64/uint64 (wrapping modulo 2^64, as NumPy). */
function toWordsArray(dtype: NDType, lo: Float64Array, hi: Float64Array): BigInt64Array {
  const out = allocate(dtype, lo.length) as BigInt64Array;
  const w = words(out);
  for (let i = 0; i < lo.length; i++) {
    w[2 * i] = lo[i] as number;
    w[2 * i + 1] = (hi[i] as number) | 0;
  }
  return out;
}

function product(arr: NDArray, p: Plan, options: ReduceOptions | undefined): NDArray {
  if (isFloat(arr.dtype)) {
    const acc = new Float64Array(p.outSize).fill(1);
    const a = arr.data as Float64Array;
    const f32 = group(a) === "F32";
    const run = f32 ? (L.prodRunF32 as unknown as typeof L.prodRunF64) : L.prodRunF64;
    const fold = f32 ? (L.accProdF32 as unknown as typeof L.accProdF64) : L.accProdF64;
    eachRun(arr, p, (ia, sa, io, so, n) => {
      if (so === 0) acc[io] = (acc[io] as number) * run(a, ia, sa, n);
      else fold(acc, io, so, a, ia, sa, n);
    });
    return fromAcc(arr.dtype, acc, p.outShape);
  }
  // integers: exact products modulo 2^64 on words
  const rt = intResultType(arr.dtype);
  const src = astype(arr, rt);
  const w = words(src.data as BigInt64Array);
  const out = allocate(rt, p.outSize) as BigInt64Array;
  const acc = words(out);
  for (let i = 0; i < p.outSize; i++) acc[2 * i] = 1;
  eachRun(src, src === arr ? p : plan(src, options), (ia, sa, io, so, n) => {
    for (let k = 0, q = 2 * ia, o = 2 * io; k < n; k++, q += 2 * sa, o += 2 * so) {
      mulWords(acc, o >>> 1, acc[o] as number, acc[o + 1] as number, w[q] as number, w[q + 1] as number);
    }
  });
  return new NDArray(rt, out, p.outShape, contiguousStrides(p.outShape), 0);
}

function fromAcc(dtype: NDType, acc: Float64Array, shape: number[]): NDArray {
  const out = allocate(dtype, acc.length) as NumberArray;
  out.set(acc);
  return new NDArray(dtype, out, shape, contiguousStrides(shape), 0);
}

function extreme(kind: "min" | "max" | "any" | "all", arr: NDArray, p: Plan): NDArray {
  if ((kind === "min" || kind === "max") && p.count === 0 && p.outSize > 0) {
    throw new ShapeError(`zero-size array to reduction operation ${kind} which has no identity`);
  }
  if (isBig(arr.data)) return extremeWords(kind as "min" | "max", arr, p);
  const max = kind === "max" || kind === "any";
  const init =
    kind === "any" ? 0 : kind === "all" ? 1 : max ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const acc = new Float64Array(p.outSize).fill(init);
  const a = arr.data as Float64Array;
  const g = group(a);
  const run = (max ? MAX_RUN : MIN_RUN)[g];
  const fold = (max ? ACC_MAX : ACC_MIN)[g];
  eachRun(arr, p, (ia, sa, io, so, n) => {
    if (so === 0) acc[io] = run(a, ia, sa, n, acc[io] as number);
    else fold(acc, io, so, a, ia, sa, n);
  });
  return fromAcc(kind === "any" || kind === "all" ? bool : arr.dtype, acc, p.outShape);
}

function extremeWords(kind: "min" | "max", arr: NDArray, p: Plan): NDArray {
  const signed = arr.dtype.kind === "int64";
  const out = allocate(arr.dtype, p.outSize) as BigInt64Array;
  const acc = words(out);
  // start from the identity: the largest value for min, the smallest for max
  const lo0 = kind === "min" ? -1 : 0;
  const hi0 = kind === "min" ? (signed ? 0x7fffffff : -1) : signed ? -0x80000000 : 0;
  for (let i = 0; i < p.outSize; i++) {
    acc[2 * i] = lo0;
    acc[2 * i + 1] = hi0;
  }
  const w = words(arr.data as BigInt64Array);
  const want = kind === "min" ? -1 : 1;
  eachRun(arr, p, (ia, sa, io, so, n) => {
    for (let k = 0, q = 2 * ia, o = 2 * io; k < n; k++, q += 2 * sa, o += 2 * so) {
      const c = compareWords(
        w[q] as number,
        w[q + 1] as number,
        acc[o] as number,
        acc[o + 1] as number,
        signed,
      );
      if (Math.sign(c) === want) {
        acc[o] = w[q] as number;
        acc[o + 1] = w[q + 1] as number;
      }
    }
  });
  return new NDArray(arr.dtype, out, p.outShape, contiguousStrides(p.outShape), 0);
}

/**
 * Reduce along axes. Result dtypes: sum and prod of floats keep the float
 * dtype, of bool and signed integers give int64, of unsigned integers
 * uint64 (exact, wrapping modulo 2^64 as NumPy); mean gives float64
 * (float32 for float32); min and max keep the dtype; any and all give
 * bool. Empty reductions give 0 (sum), 1 (prod), NaN (mean), false (any),
 * true (all); min/max of nothing throw a `ShapeError`.
 */
export function reduce(kind: ReduceKind, arr: NDArray, options?: ReduceOptions): NDArray {
  const p = plan(arr, options);
  switch (kind) {
    case "sum":
    case "mean": {
      const mean = kind === "mean";
      if (isFloat(arr.dtype)) {
        const acc = sumFloat(arr, p);
        if (mean) for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) / p.count;
        return fromAcc(arr.dtype, acc, p.outShape);
      }
      const [lo, hi] = sumInt(arr, p);
      if (mean) {
        for (let i = 0; i < lo.length; i++) lo[i] = ((hi[i] as number) * TWO32 + (lo[i] as number)) / p.count;
        return fromAcc(float64, lo, p.outShape);
      }
      const rt = intResultType(arr.dtype);
      return new NDArray(rt, toWordsArray(rt, lo, hi), p.outShape, contiguousStrides(p.outShape), 0);
    }
    case "prod":
      return product(arr, p, options);
    case "min":
    case "max":
      return extreme(kind, arr, p);
    case "any":
    case "all":
      return extreme(kind, arr.dtype.kind === "bool" ? arr : binary("ne", arr, 0), p);
  }
}

/** Variance (or standard deviation) along axes: mean of squared deviations, divided by `N - ddof`. */
export function variance(arr: NDArray, options: VarOptions | undefined, sqrt: boolean): NDArray {
  const ddof = options?.ddof ?? 0;
  if (typeof ddof !== "number" || !Number.isFinite(ddof)) {
    throw new ShapeError(`invalid ddof: ${String(ddof)} (expected a number)`);
  }
  const x = isFloat(arr.dtype) ? arr : astype(arr, float64, { unsafe: true });
  const axis = options?.axis;
  const p = plan(x, options);
  const m = reduce("mean", x, { axis, keepdims: true });
  const d = binary("sub", x, m);
  const s = reduce("sum", binary("mul", d, d), { axis, keepdims: options?.keepdims });
  const v = binary("div", s, Math.max(p.count - ddof, 0));
  return sqrt ? unary("sqrt", v) : v;
}

/**
 * Position of the minimum or maximum along one axis (of the flattened
 * array when no axis is given), as int32 (first occurrence; a NaN wins).
 * An empty axis throws a `ShapeError`.
 */
export function argReduce(kind: "argmin" | "argmax", arr: NDArray, options?: ArgReduceOptions): NDArray {
  const keepdims = maybeBoolean("keepdims", options?.keepdims, false);
  let src = arr;
  let axis: number;
  if (options?.axis === undefined || options.axis === null) {
    src = arr.ravel();
    axis = 0;
  } else axis = normalizeAxis(options.axis, arr.ndim);
  const len = src.shape[axis] as number;
  if (len === 0)
    throw new ShapeError(`attempt to get ${kind} of an empty sequence (axis ${axis} has length 0)`);
  // move the axis last; each output is one run along it
  const others = src.shape.map((_, i) => i).filter((i) => i !== axis);
  const moved = src.transpose([...others, axis]);
  const outer = others.map((i) => src.shape[i] as number);
  const out = new Int32Array(sizeOf(outer));
  const max = kind === "argmax";
  const sa = src.strides[axis] as number;
  const od = new Odometer(
    outer.length ? outer.concat(1) : [1],
    [moved.strides.slice(0, -1).concat(0)],
    [src.offset],
  );
  const big = isBig(src.data);
  const g = big ? "F64" : group(src.data);
  const run = ARG_RUN[g];
  const w = big ? words(src.data as BigInt64Array) : null;
  const signed = src.dtype.kind === "int64";
  for (let r = 0; r < out.length; r++) {
    const p = od.pos[0] as number;
    out[r] =
      w !== null ? argRunWords(w, p, sa, len, max, signed) : run(src.data as Float64Array, p, sa, len, max);
    od.next();
  }
  const flat = options?.axis === undefined || options.axis === null;
  const shape = keepdims ? arr.shape.map((d, i) => (flat || i === axis ? 1 : d)) : outer;
  return new NDArray({ kind: "int32" } as NDType, out, shape, contiguousStrides(shape), 0);
}

function argRunWords(
  w: Int32Array,
  ia: number,
  sa: number,
  n: number,
  max: boolean,
  signed: boolean,
): number {
  let best = 0;
  let q = 2 * ia;
  let blo = w[q] as number;
  let bhi = w[q + 1] as number;
  q += 2 * sa;
  for (let k = 1; k < n; k++, q += 2 * sa) {
    const c = compareWords(w[q] as number, w[q + 1] as number, blo, bhi, signed);
    if (max ? c > 0 : c < 0) {
      best = k;
      blo = w[q] as number;
      bhi = w[q + 1] as number;
    }
  }
  return best;
}

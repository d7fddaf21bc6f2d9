/**
 * Naive references for the NDArray tests: an array is a shape plus a
 * function from an index tuple to a value; views and broadcasting are
 * written as index arithmetic on tuples, independently of the strided code.
 */
import fc from "fast-check";
import { ndarray } from "../../../src/core/ndarray/create.js";
import type { NDArray } from "../../../src/core/ndarray/ndarray.js";

export interface Ref {
  shape: number[];
  at: (idx: number[]) => number;
}

/** Every index tuple of a shape in row-major order. */
export function allIndices(shape: number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) {
    const next: number[][] = [];
    for (const prefix of out) for (let i = 0; i < n; i++) next.push([...prefix, i]);
    out = next;
  }
  return out;
}

export function refFlat(r: Ref): number[] {
  return allIndices(r.shape).map((i) => r.at(i));
}

export function refToNested(r: Ref): unknown {
  const walk = (prefix: number[]): unknown =>
    prefix.length === r.shape.length
      ? r.at(prefix)
      : Array.from({ length: r.shape[prefix.length] as number }, (_, i) => walk([...prefix, i]));
  return walk([]);
}

export function fromFlat(shape: number[], values: number[]): Ref {
  return {
    shape,
    at: (idx) => {
      let p = 0;
      for (let i = 0; i < shape.length; i++) p = p * (shape[i] as number) + (idx[i] as number);
      return values[p] as number;
    },
  };
}

/** Python's slice of range(n), by walking the range (clamping as CPython does). */
export function slicePositions(n: number, start: number | null, stop: number | null, step: number): number[] {
  const out: number[] = [];
  const norm = (v: number) => (v < 0 ? v + n : v);
  if (step > 0) {
    let s = start === null ? 0 : Math.max(0, norm(start));
    const e = stop === null ? n : Math.min(n, norm(stop));
    for (; s < e; s += step) out.push(s);
  } else {
    let s = start === null ? n - 1 : Math.min(n - 1, norm(start));
    const e = stop === null ? -1 : Math.max(-1, norm(stop));
    for (; s > e; s += step) out.push(s);
  }
  return out;
}

export function sliceRef(r: Ref, spec: { start: number | null; stop: number | null; step: number }[]): Ref {
  const pos = spec.map((s, i) => slicePositions(r.shape[i] as number, s.start, s.stop, s.step));
  return {
    shape: pos.map((p) => p.length),
    at: (idx) => r.at(idx.map((k, i) => (pos[i] as number[])[k] as number)),
  };
}

export function transposeRef(r: Ref, perm: number[]): Ref {
  return {
    shape: perm.map((p) => r.shape[p] as number),
    at: (idx) => {
      const j = new Array<number>(perm.length);
      perm.forEach((p, i) => {
        j[p] = idx[i] as number;
      });
      return r.at(j);
    },
  };
}

/** NumPy broadcasting written on tuples: align right, index 0 on axes of length 1. */
export function broadcastRef(r: Ref, shape: number[]): Ref {
  const lead = shape.length - r.shape.length;
  return {
    shape,
    at: (idx) => r.at(r.shape.map((n, i) => (n === 1 ? 0 : (idx[lead + i] as number)))),
  };
}

export const DTYPES = ["float64", "float32", "int32", "int16", "int8", "uint8", "uint16", "uint32"] as const;

export const shapeArb = (maxNdim = 4, maxDim = 5) =>
  fc.array(fc.integer({ min: 0, max: maxDim }), { minLength: 0, maxLength: maxNdim });

/** A random array (small integer values) with its reference; shape ndim 0..4, dims 0..5. */
export function randomArray(options: { dtypes?: readonly string[]; shape?: fc.Arbitrary<number[]> } = {}) {
  const dtypes = options.dtypes ?? DTYPES;
  return fc
    .record({ shape: options.shape ?? shapeArb(), dtype: fc.constantFrom(...dtypes), seed: fc.integer() })
    .map(({ shape, dtype, seed }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const unsigned = dtype.startsWith("uint");
      const values = Array.from({ length: size }, (_, i) => {
        const h = Math.imul(seed ^ (i * 2654435761), 2246822519) >>> 0;
        return unsigned ? h % 40 : (h % 41) - 20;
      });
      const arr = ndarray(values, { dtype, shape }) as NDArray;
      return { arr, ref: fromFlat(shape, values), values, shape, dtype };
    });
}

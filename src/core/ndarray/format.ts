/**
 * NDArray to JS values and to text.
 * @internal
 */
import { dtypeToString } from "../dtype.js";
import type { NDArray } from "./ndarray.js";
import { formatShape } from "./shape.js";

/** The elements as nested arrays; a 0-d array gives its scalar. */
export function nestedValues(arr: NDArray): unknown {
  const { data, shape, strides } = arr;
  const bool = arr.dtype.kind === "bool";
  const read = (p: number): unknown => (bool ? data[p] !== 0 : data[p]);
  const walk = (axis: number, p: number): unknown => {
    if (axis === shape.length) return read(p);
    const n = shape[axis] as number;
    const s = strides[axis] as number;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = walk(axis + 1, p + i * s);
    return out;
  };
  return walk(0, arr.offset);
}

/** Axes longer than this print their first and last EDGE elements only, when the array is large. */
const THRESHOLD = 1000;
const EDGE = 3;

function scalarText(v: unknown, bool: boolean): string {
  if (bool) return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  return String(v);
}

/**
 * NumPy-like text, e.g.
 * ```
 * NDArray<int32> shape=[2, 3]
 * [[1, 2, 3],
 *  [4, 5, 6]]
 * ```
 * Arrays over 1000 elements show the first and last 3 entries per axis.
 */
export function formatArray(arr: NDArray): string {
  const head = `NDArray<${dtypeToString(arr.dtype)}> shape=${formatShape(arr.shape)}`;
  const { data, shape, strides } = arr;
  const bool = arr.dtype.kind === "bool";
  const elide = arr.size > THRESHOLD;
  const walk = (axis: number, p: number, indent: string): string => {
    if (axis === shape.length) return scalarText(data[p], bool);
    const n = shape[axis] as number;
    const s = strides[axis] as number;
    const parts: string[] = [];
    const push = (i: number) => parts.push(walk(axis + 1, p + i * s, `${indent} `));
    if (elide && n > 2 * EDGE) {
      for (let i = 0; i < EDGE; i++) push(i);
      parts.push("...");
      for (let i = n - EDGE; i < n; i++) push(i);
    } else for (let i = 0; i < n; i++) push(i);
    const sep = axis === shape.length - 1 ? ", " : `,${"\n".repeat(shape.length - 1 - axis)}${indent} `;
    return `[${parts.join(sep)}]`;
  };
  return `${head}\n${walk(0, arr.offset, "")}`;
}

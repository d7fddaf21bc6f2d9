/**
 * Element-wise NDArray operations: operands broadcast by NumPy's rules,
 * the result is a new row-major array of the broadcast shape.
 *
 * Result dtypes follow `promote()` (the same table as the column kernels):
 * arithmetic gives the promoted dtype, except true division of integers
 * (float64); comparisons give bool. JS scalars are "weak" as in NumPy 2
 * (NEP 50): they take the array's dtype when their value fits (a
 * non-integer number with an integer array gives float64; a number with a
 * bool array gives float64).
 *
 * Integer arithmetic wraps on overflow and integer `x // 0` and `x % 0`
 * give 0, as NumPy (the column kernels, which have nulls, decide
 * differently; an NDArray has none). int64/uint64 run exactly on 32-bit
 * words; their floorDiv/mod accept values within ±2^53.
 * @internal
 */

import { show } from "../../util/is.js";
import { bool, type DType, float64, isFloat, isInteger, type NumberArray } from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { words } from "../int64.js";
import { promote } from "../promotion.js";
import { astype } from "./cast.js";
import { arith64, compare64, unary64 } from "./int64-loops.js";
import {
  ARITH_OPS,
  arithF32,
  arithF64,
  arithI32,
  arithInt,
  COMPARE_OPS,
  compareF32,
  compareF64,
  compareI32,
  compareInt,
  divI32,
  divInt,
  INT_UNARY_OPS,
  UNARY_OPS,
} from "./loops/index.js";
import { NDArray, type NDType } from "./ndarray.js";
import { broadcastShapes, broadcastStrides, coalesce, contiguousStrides, Odometer, sizeOf } from "./shape.js";
import { allocate, isBig, unaryLoop } from "./strided.js";

export type ArithOp = (typeof ARITH_OPS)[number];
export type CompareOp = (typeof COMPARE_OPS)[number];
export type BinaryOp = ArithOp | CompareOp;
export type UnaryOp = (typeof UNARY_OPS)[number];
/** An operand of an element-wise operation: an array or a JS scalar. */
export type Operand = NDArray | number | bigint | boolean;

type Loop = (
  op: number,
  out: NumberArray,
  o: number,
  a: NumberArray,
  ia: number,
  sa: number,
  b: NumberArray,
  ib: number,
  sb: number,
  n: number,
) => void;

const ARITH_CODE = new Map<string, number>(ARITH_OPS.map((o, i) => [o, i]));
const COMPARE_CODE = new Map<string, number>(COMPARE_OPS.map((o, i) => [o, i]));
const UNARY_CODE = new Map<string, number>(UNARY_OPS.map((o, i) => [o, i]));
const INT_UNARY = new Set<string>(INT_UNARY_OPS);
const ROUNDING = new Set<string>(["floor", "ceil", "trunc", "round"]);

const RANGE: Record<string, [number, number]> = {
  bool: [0, 1],
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

/** A 0-d array holding one value of `dtype`. */
function scalarArray(dtype: NDType, value: number | bigint): NDArray {
  const data = allocate(dtype, 1);
  if (isBig(data)) {
    const b = BigInt(value);
    if (dtype.kind === "uint64" ? b < 0n || b >= 2n ** 64n : b < -(2n ** 63n) || b >= 2n ** 63n) {
      throw new CastError(`scalar ${show(value)} is out of bounds for ${dtype.kind}`);
    }
    (data as BigInt64Array)[0] = b as never;
  } else (data as NumberArray)[0] = Number(value);
  return new NDArray(dtype, data, [], [], 0);
}

/** NEP 50 weak scalar: the array's dtype when the value fits it. */
function scalarOperand(x: unknown, other: NDType): NDArray {
  if (typeof x === "boolean") return scalarArray(bool, x ? 1 : 0);
  if (typeof x === "bigint") {
    if (isFloat(other)) return scalarArray(other, Number(x));
    if (isInteger(other)) return scalarArray(other, x);
    return scalarArray({ kind: "int64" } as NDType, x);
  }
  if (typeof x !== "number") {
    throw new DTypeError(
      `invalid operand: ${show(x)} (expected an NDArray, a number, a bigint or a boolean)`,
    );
  }
  if (isFloat(other)) return scalarArray(other, x);
  if (isInteger(other) && Number.isInteger(x)) {
    const r = RANGE[other.kind];
    if (r !== undefined && (x < r[0] || x > r[1])) {
      throw new CastError(
        `scalar ${x} is out of bounds for ${other.kind}; cast the array with astype() first`,
      );
    }
    if (r === undefined && !Number.isSafeInteger(x)) {
      throw new CastError(
        `scalar ${x} is not a safe integer; pass a bigint to combine it with ${other.kind}`,
      );
    }
    return scalarArray(other, r === undefined ? BigInt(x) : x);
  }
  return scalarArray(float64, x);
}

function toOperands(a: Operand, b: Operand): [NDArray, NDArray] {
  const aa = a instanceof NDArray;
  const bb = b instanceof NDArray;
  if (aa && bb) return [a, b];
  if (aa) return [a, scalarOperand(b, a.dtype)];
  if (bb) return [scalarOperand(a, b.dtype), b];
  const x = scalarOperand(a, float64);
  return [x, scalarOperand(b, x.dtype)];
}

function loopFor(data: ArrayBufferView, table: readonly [Loop, Loop, Loop, Loop]): Loop {
  if (data instanceof Float64Array) return table[0];
  if (data instanceof Float32Array) return table[1];
  if (data instanceof Int32Array) return table[2];
  return table[3];
}

const ARITH = [arithF64, arithF32, arithI32, arithInt] as unknown as readonly [Loop, Loop, Loop, Loop];
const DIV = [arithF64, arithF32, divI32, divInt] as unknown as readonly [Loop, Loop, Loop, Loop];
const COMPARE = [compareF64, compareF32, compareI32, compareInt] as unknown as readonly [
  Loop,
  Loop,
  Loop,
  Loop,
];

/**
 * Apply a binary operation with broadcasting. Validates operands and the
 * op, promotes, then runs one loop per innermost run of the broadcast shape.
 */
export function binary(op: BinaryOp, a: Operand, b: Operand): NDArray {
  const compare = COMPARE_CODE.get(op);
  const arith = ARITH_CODE.get(op);
  if (compare === undefined && arith === undefined) {
    throw new OptionError(
      `invalid op: ${show(op)} (expected one of ${[...ARITH_OPS, ...COMPARE_OPS].join(", ")})`,
    );
  }
  let [x, y] = toOperands(a, b);
  let common = promote(x.dtype, y.dtype) as NDType;
  if (compare === undefined && common.kind === "bool") {
    throw new DTypeError(
      `${op} is not defined for bool and bool; cast one operand to an integer dtype first`,
    );
  }
  const shape = broadcastShapes(x.shape, y.shape);
  if (op === "div" && isInteger(common) && isBig(allocate(common, 0))) {
    // true division of 64-bit integers computes in float64, as NumPy
    common = float64;
    x = astype(x, float64, { unsafe: true });
    y = astype(y, float64, { unsafe: true });
  }
  x = astype(x, common);
  y = astype(y, common);
  const resultType: NDType =
    compare !== undefined ? bool : op === "div" && !isFloat(common) ? float64 : common;
  const out = allocate(resultType, sizeOf(shape));
  const result = new NDArray(resultType, out, shape, contiguousStrides(shape), 0);
  if (out.length === 0) return result;
  const c = coalesce(shape, [
    broadcastStrides(x.shape, x.strides, shape),
    broadcastStrides(y.shape, y.strides, shape),
  ]);
  const od = new Odometer(c.shape, c.strides, [x.offset, y.offset]);
  const n = od.inner;
  const last = c.shape.length - 1;
  const sa = (c.strides[0] as number[])[last] as number;
  const sb = (c.strides[1] as number[])[last] as number;
  const pos = od.pos;
  if (isBig(x.data)) {
    const signed = common.kind === "int64";
    const wa = words(x.data);
    const wb = words(y.data as BigInt64Array);
    for (let r = 0, o = 0; r < od.runs; r++, o += n) {
      if (compare !== undefined)
        compare64(
          compare,
          signed,
          out as Uint8Array,
          o,
          wa,
          pos[0] as number,
          sa,
          wb,
          pos[1] as number,
          sb,
          n,
        );
      else
        arith64(
          arith as number,
          signed,
          words(out as BigInt64Array),
          o,
          wa,
          pos[0] as number,
          sa,
          wb,
          pos[1] as number,
          sb,
          n,
        );
      od.next();
    }
    return result;
  }
  const xs = x.data as NumberArray;
  const ys = y.data as NumberArray;
  const f = loopFor(xs, compare !== undefined ? COMPARE : op === "div" ? DIV : ARITH);
  const code = compare ?? (op === "div" && !isFloat(common) ? 0 : (arith as number));
  for (let r = 0, o = 0; r < od.runs; r++, o += n) {
    f(code, out as NumberArray, o, xs, pos[0] as number, sa, ys, pos[1] as number, sb, n);
    od.next();
  }
  return result;
}

/**
 * Apply a unary operation. neg, abs and sign keep the dtype (bool is
 * refused; integer results wrap as NumPy's); floor, ceil, trunc and round
 * keep integer dtypes unchanged (round: half to even); the other functions
 * (sqrt, exp, log, sin…) give float64 for integers and keep float32.
 */
export function unary(op: UnaryOp, a: NDArray): NDArray {
  const code = UNARY_CODE.get(op);
  if (code === undefined || op === "copy") {
    throw new OptionError(`invalid op: ${show(op)} (expected one of ${UNARY_OPS.slice(1).join(", ")})`);
  }
  if (!(a instanceof NDArray)) throw new DTypeError(`invalid operand: ${show(a)} (expected an NDArray)`);
  const dt = a.dtype as DType;
  if (dt.kind === "bool")
    throw new DTypeError(`${op} is not defined for bool; cast to a numeric dtype first`);
  let src: NDArray = a;
  let opCode = code;
  if (isInteger(dt) && ROUNDING.has(op)) opCode = 0;
  else if (isInteger(dt) && !INT_UNARY.has(op)) src = astype(a, float64, { unsafe: true });
  const outType = src.dtype;
  const out = allocate(outType, a.size);
  const result = new NDArray(outType, out, a.shape, contiguousStrides(a.shape), 0);
  if (out.length === 0) return result;
  const c = coalesce(src.shape, [src.strides]);
  const od = new Odometer(c.shape, c.strides, [src.offset]);
  const st = c.strides[0] as number[];
  const s = st[st.length - 1] as number;
  const n = od.inner;
  if (isBig(src.data)) {
    const signed = dt.kind === "int64";
    const w = words(src.data);
    const wo = words(out as BigInt64Array);
    for (let r = 0, o = 0; r < od.runs; r++, o += n) {
      unary64(opCode, signed, wo, o, w, od.pos[0] as number, s, n);
      od.next();
    }
    return result;
  }
  const xs = src.data as NumberArray;
  const f = unaryLoop(xs);
  for (let r = 0, o = 0; r < od.runs; r++, o += n) {
    f(opCode, out as NumberArray, o, xs, od.pos[0] as number, s, n);
    od.next();
  }
  return result;
}

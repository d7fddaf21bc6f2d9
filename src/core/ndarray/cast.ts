/**
 * NDArray dtype conversion (`astype`), checked like the column cast kernel:
 * values that do not fit the target raise a `CastError` naming the value.
 */

import { maybeBoolean } from "../../util/is.js";
import { type DType, dtypeEquals, dtypeToString, INT_RANGE, type NumberArray, parseDType } from "../dtype.js";
import { CastError, DTypeError } from "../errors.js";
import { signedIsSafe, signedToNumber, unsignedIsSafe, unsignedToNumber, words } from "../int64.js";
import { NDArray, type NDType } from "./ndarray.js";
import { coalesce, contiguousStrides, Odometer } from "./shape.js";
import { allocate, isBig } from "./strided.js";

/** Options of `astype`. */
export interface AstypeOptions {
  /**
   * Skip the range checks: out-of-range integers wrap, floats truncate
   * toward zero (NaN → 0), int64 beyond 2^53 rounds to the nearest double.
   */
  unsafe?: boolean;
}

// 64-bit bounds are exclusive above (2^63 and 2^64 are exact doubles)
const RANGE: Record<string, readonly [number, number]> = {
  ...INT_RANGE,
  int64: [-(2 ** 63), 2 ** 63],
  uint64: [0, 2 ** 64],
};

/** Check that a dtype is one an NDArray may hold. @internal */
export function checkNDType(dtype: DType | string): NDType {
  const d = parseDType(dtype);
  if (d.kind === "bool" || RANGE[d.kind] !== undefined || d.kind === "float32" || d.kind === "float64") {
    return d as NDType;
  }
  throw new DTypeError(
    `an NDArray cannot hold dtype ${dtypeToString(d)} (expected bool, an integer or a float dtype)`,
  );
}

/**
 * Convert to `dtype` (a copy; the same array when the dtype is equal).
 * Checked unless `{ unsafe: true }`: a float that is NaN, not whole, or out
 * of range cast to an integer, an integer out of the target's range, and an
 * int64 beyond ±2^53 cast to a float throw a `CastError` naming the value.
 * Bool converts to 0/1; numbers convert to bool as `x !== 0` (NaN is true).
 * @internal (exposed as `NDArray.astype`)
 */
export function astype<D extends NDType>(
  arr: NDArray,
  dtype: D | string,
  options: AstypeOptions = {},
): NDArray<D> {
  const d = checkNDType(dtype) as D;
  if (dtypeEquals(d, arr.dtype)) return arr as unknown as NDArray<D>;
  const unsafe = maybeBoolean("unsafe", options.unsafe, false);
  const size = arr.size;
  const out = allocate(d, size);
  const c = coalesce(arr.shape, [arr.strides]);
  const od = new Odometer(c.shape, c.strides, [arr.offset]);
  const st = c.strides[0] as number[];
  const s = st[st.length - 1] as number;
  const n = od.inner;
  const from = arr.dtype.kind;
  const to = d.kind;
  const src = isBig(arr.data) ? words(arr.data) : (arr.data as NumberArray);
  const dst = isBig(out) ? words(out) : (out as NumberArray);
  for (let r = 0, o = 0; r < od.runs; r++, o += n) {
    castRun(from, to, unsafe, dst, o, src, od.pos[0] as number, s, n);
    od.next();
  }
  return new NDArray(d, out, arr.shape, contiguousStrides(arr.shape), 0);
}

const TWO32 = 4294967296;

// Not a hot path: one generic loop with per-element checks.
function castRun(
  from: string,
  to: string,
  unsafe: boolean,
  out: NumberArray | Int32Array,
  o: number,
  a: NumberArray | Int32Array,
  ia: number,
  sa: number,
  n: number,
): void {
  const fromBig = from === "int64" || from === "uint64";
  const toBig = to === "int64" || to === "uint64";
  const range = RANGE[to];
  for (let k = 0; k < n; k++, ia += sa) {
    if (fromBig && toBig) {
      const lo = a[2 * ia] as number;
      const hi = a[2 * ia + 1] as number;
      if (!unsafe && hi < 0)
        throw castError(from === "int64" ? signedToNumber(lo, hi) : unsignedToNumber(lo, hi), to);
      out[2 * (o + k)] = lo;
      out[2 * (o + k) + 1] = hi;
      continue;
    }
    let x: number;
    if (fromBig) {
      const lo = a[2 * ia] as number;
      const hi = a[2 * ia + 1] as number;
      if (to === "bool") {
        out[o + k] = (lo | hi) !== 0 ? 1 : 0;
        continue;
      }
      const safe = from === "int64" ? signedIsSafe(lo, hi) : unsignedIsSafe(hi);
      x = from === "int64" ? signedToNumber(lo, hi) : unsignedToNumber(lo, hi);
      if (!safe && !unsafe) {
        throw new CastError(
          `cannot cast ${from} value ${bigText(lo, hi, from === "int64")} to ${to} exactly (beyond 2^53); pass { unsafe: true } to round`,
        );
      }
    } else x = a[ia] as number;
    if (to === "bool") {
      out[o + k] = x !== 0 ? 1 : 0;
      continue;
    }
    if (range !== undefined && !unsafe && !(Number.isInteger(x) && x >= range[0] && x < range[1] + 1)) {
      throw castError(x, to);
    }
    if (toBig) {
      if (unsafe && !Number.isFinite(x)) x = 0;
      x = Math.trunc(x);
      out[2 * (o + k)] = x >>> 0;
      out[2 * (o + k) + 1] = Math.floor(x / TWO32) | 0;
    } else out[o + k] = x;
  }
}

function castError(x: number, to: string): CastError {
  return new CastError(
    `cannot cast value ${x} to ${to} (NaN, not whole, or out of range); pass { unsafe: true } to wrap`,
  );
}

function bigText(lo: number, hi: number, signed: boolean): string {
  const v = (BigInt(signed ? hi : hi >>> 0) << 32n) | BigInt(lo >>> 0);
  return v.toString();
}

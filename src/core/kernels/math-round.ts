/**
 * Rounding, sign and clipping: round (half to even, with decimals), floor,
 * ceil, trunc, sign, clip. See math.ts for the shared semantics; these keep
 * integer dtypes.
 * @internal
 */

import { show } from "../../util/is.js";
import type { Column } from "../column.js";
import {
  type DType,
  dtypeToString,
  float32,
  float64,
  isFloat,
  isInteger,
  type NumberArray,
} from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { bigintWords, compareWords, floorDivModWords, mulWords } from "../int64.js";
import { fitsInteger } from "./arithmetic.js";
import { isWordKey, storageKey } from "./arithmetic-engine.js";
import { checkNumeric, floatFn, type Loop, mapChunks } from "./math-engine.js";
import { f32Math, f64Math, typeMath } from "./math-loops.js";

function copyOf(col: Column): Column {
  const wide = isWordKey(storageKey(col.dtype));
  return mapChunks(col, storageKey(col.dtype), col.dtype, (o, a, n) =>
    o.set(a.subarray(0, wide ? 2 * n : n)),
  );
}

/** floor/ceil/trunc: integers are already whole and are copied with their dtype. */
function whole(name: "floor" | "ceil" | "trunc", col: Column): Column {
  checkNumeric(name, col, true);
  return isInteger(col.dtype) ? copyOf(col) : floatFn(name, col);
}

/**
 * Round each element down to the nearest integer.
 *
 * Floats keep their dtype (float32 stays float32); integer columns are
 * copied unchanged with their dtype; bool gives float64. Nulls stay null.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { floor } from "ndframe/compute";
 * floor(column([-1.5, 1.5, null])).toArray(); // => [-2, 1, null]
 * ```
 */
export function floor(col: Column): Column {
  return whole("floor", col);
}

/**
 * Round each element up to the nearest integer.
 *
 * Dtypes and nulls as `floor`.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { ceil } from "ndframe/compute";
 * ceil(column([-1.5, 1.5])).toArray(); // => [-1, 2]
 * ```
 */
export function ceil(col: Column): Column {
  return whole("ceil", col);
}

/**
 * Round each element toward zero.
 *
 * Dtypes and nulls as `floor`.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { trunc } from "ndframe/compute";
 * trunc(column([-1.7, 1.7])).toArray(); // => [-1, 1]
 * ```
 */
export function trunc(col: Column): Column {
  return whole("trunc", col);
}

/**
 * Round element-wise to `decimals` places, ties to even (NumPy's
 * `np.round`/`np.around`).
 *
 * Floats keep their dtype and compute as NumPy does: `rint(x * 10^d) / 10^d`
 * for d ≥ 0 and `rint(x / 10^-d) * 10^-d` for d < 0, so results carry the
 * usual binary-decimal error (`round(2.675, 2)` is 2.67). Integer columns
 * keep their dtype: d ≥ 0 copies them, d < 0 rounds exactly to a multiple
 * of 10^-d with ties to the even multiple (wrapping if that overflows).
 * Nulls stay null; bool gives float64.
 *
 * @param col - a numeric column
 * @param decimals - number of decimal places; negative rounds to tens, hundreds…
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { round } from "ndframe/compute";
 * round(column([0.5, 1.5, 2.5, -0.5, null])).toArray(); // => [0, 2, 2, -0, null]
 * round(column([1.234, 5.678]), 1).toArray(); // => [1.2, 5.7]
 * round(column([15, 25, -15], "int32"), -1).toArray(); // => [20, 20, -20]
 * ```
 */
export function round(col: Column, decimals = 0): Column {
  checkNumeric("round", col, true);
  if (!Number.isSafeInteger(decimals)) {
    throw new OptionError(`invalid decimals: ${show(decimals)} (expected an integer)`);
  }
  const d = col.dtype;
  if (isInteger(d)) {
    if (decimals >= 0) return copyOf(col);
    return roundInteger(col, decimals);
  }
  const f = 10 ** Math.abs(decimals);
  const single = d.kind === "float32";
  const set = single ? f32Math : f64Math;
  const key = single ? "f32" : "f64";
  const outDtype = single ? float32 : float64;
  if (decimals === 0) return mapChunks(col, key, outDtype, set.rint as Loop);
  if (!Number.isFinite(f)) {
    // more places than a double holds: unchanged; a coarser unit than any double: ±0 (NaN, inf stay NaN)
    if (decimals > 0) return mapChunks(col, key, outDtype, (o, a, n) => o.set(a.subarray(0, n)));
    return mapChunks(col, key, outDtype, (o, a, n) => {
      for (let i = 0; i < n; i++) o[i] = (a[i] as number) * 0;
    });
  }
  const loop = (decimals > 0 ? set.roundUp : set.roundDown) as (
    o: NumberArray,
    a: NumberArray,
    n: number,
    f: number,
  ) => void;
  return mapChunks(col, key, outDtype, (o, a, n) => loop(o, a, n, f));
}

/** Round integers to a multiple of 10^-decimals, ties to even, exactly. */
function roundInteger(col: Column, decimals: number): Column {
  const d = col.dtype;
  const key = storageKey(d);
  if (!isWordKey(key)) {
    const f = 10 ** -decimals;
    const loop = typeMath[key]?.roundInt;
    if (loop === undefined) throw new DTypeError(`round does not support dtype ${dtypeToString(d)}`);
    return mapChunks(col, key, d, (o, a, n) => loop(o, a, n, f));
  }
  const signed = key === "i64";
  const big = 10n ** BigInt(-decimals);
  // Beyond the range every value is nearer to 0 than to ±10^k (10^k is even).
  if (big > (signed ? 2n ** 63n - 1n : 2n ** 64n - 1n)) {
    return mapChunks(col, key, d, () => {});
  }
  const f = bigintWords(big);
  const h = bigintWords(big / 2n);
  const [flo, fhi, hlo, hhi] = [f[0] as number, f[1] as number, h[0] as number, h[1] as number];
  return mapChunks(col, key, d, (o, a, n) => {
    const q = new Int32Array(2);
    const r = new Int32Array(2);
    for (let i = 0; i < n; i++) {
      floorDivModWords(q, r, 0, a[2 * i] as number, a[2 * i + 1] as number, flo, fhi, signed);
      // floor remainder r is in [0, f): round up past half, or at half when q is odd
      const c = compareWords(r[0] as number, r[1] as number, hlo, hhi, false);
      let qlo = q[0] as number;
      let qhi = q[1] as number;
      if (c > 0 || (c === 0 && (qlo & 1) === 1)) {
        const lo = (qlo >>> 0) + 1;
        qlo = lo | 0;
        qhi = (qhi + (lo > 0xffffffff ? 1 : 0)) | 0;
      }
      mulWords(o as Int32Array, i, qlo, qhi, flo, fhi);
    }
  });
}

/**
 * Take the sign element-wise: −1, 0 or 1 (NaN for NaN), in the column's
 * own dtype.
 *
 * Keeps the dtype (unsigned columns give 0 or 1; −0.0 gives 0). Bool
 * throws a `DTypeError`, as NumPy has no sign for booleans. Nulls stay null.
 *
 * @param col - a numeric column
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { sign } from "ndframe/compute";
 * sign(column([-5, 0, 3, null], "int16")).toArray(); // => [-1, 0, 1, null]
 * sign(column([-2.5, NaN])).toArray(); // => [-1, NaN]
 * ```
 */
export function sign(col: Column): Column {
  checkNumeric("sign", col, false);
  const key = storageKey(col.dtype);
  if (isWordKey(key)) {
    return mapChunks(col, key, col.dtype, (o, a, n) => {
      for (let i = 0; i < n; i++) {
        const lo = a[2 * i] as number;
        const hi = a[2 * i + 1] as number;
        const s = lo === 0 && hi === 0 ? 0 : key === "i64" && hi < 0 ? -1 : 1;
        o[2 * i] = s;
        o[2 * i + 1] = s < 0 ? -1 : 0;
      }
    });
  }
  const loop = typeMath[key]?.sign;
  if (loop === undefined) throw new DTypeError(`sign does not support dtype ${dtypeToString(col.dtype)}`);
  return mapChunks(col, key, col.dtype, (o, a, n) => loop(o, a, n));
}

type Bound = number | bigint | null | undefined;

/**
 * Normalize one clip bound for dtype `d`: a number for 8/16/32-bit and float
 * storage, words for 64-bit, or null when the bound excludes nothing.
 */
function bound(name: "lower" | "upper", v: Bound, d: DType): number | Int32Array | null {
  if (v === null || v === undefined) return null;
  if ((typeof v !== "number" && typeof v !== "bigint") || (typeof v === "number" && Number.isNaN(v))) {
    throw new OptionError(`invalid ${name}: ${show(v)} (expected a number, a bigint or null)`);
  }
  if (isFloat(d)) return Number(v);
  if (typeof v === "number" && !Number.isInteger(v)) {
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      if ((name === "lower") === v < 0) return null; // lower −inf / upper +inf exclude nothing
    }
    throw new OptionError(
      `invalid ${name}: ${show(v)} (expected an integer for a ${dtypeToString(d)} column)`,
    );
  }
  if (!fitsInteger(v, d)) {
    const below = v < 0;
    // a lower bound under the range or an upper bound above it excludes nothing
    if ((name === "lower") === below) return null;
    throw new OptionError(`invalid ${name}: ${show(v)} (out of range for a ${dtypeToString(d)} column)`);
  }
  return isWordKey(storageKey(d)) ? bigintWords(BigInt(v)) : Number(v);
}

/**
 * Limit each element to `[lower, upper]` (NumPy's `np.clip`: the result is
 * `min(max(x, lower), upper)`, so `lower > upper` gives `upper`).
 *
 * Keeps the dtype. A null or omitted bound means no limit on that side.
 * Integer columns take integer bounds (numbers or bigints, exact for int64);
 * a bound outside the dtype's range that excludes nothing is ignored, and
 * one that would exclude everything throws an `OptionError`, as does NaN.
 * NaN values stay NaN; nulls stay null.
 *
 * @param col - a numeric column
 * @param lower - smallest value kept, or null
 * @param upper - largest value kept, or null
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { clip } from "ndframe/compute";
 * clip(column([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "int32"), 1, 8).toArray(); // => [1, 1, 2, 3, 4, 5, 6, 7, 8, 8]
 * clip(column([-1.5, null, 2.5]), null, 1).toArray(); // => [-1.5, null, 1]
 * ```
 */
export function clip(col: Column, lower?: number | bigint | null, upper?: number | bigint | null): Column {
  checkNumeric("clip", col, false);
  const d = col.dtype;
  const key = storageKey(d);
  const lo = bound("lower", lower, d);
  const hi = bound("upper", upper, d);
  if (!isWordKey(key)) {
    const loop = typeMath[key]?.clip;
    if (loop === undefined) throw new DTypeError(`clip does not support dtype ${dtypeToString(d)}`);
    const l = lo === null ? Number.NEGATIVE_INFINITY : (lo as number);
    const h = hi === null ? Number.POSITIVE_INFINITY : (hi as number);
    return mapChunks(col, key, d, (o, a, n) => loop(o, a, n, l, h));
  }
  const signed = key === "i64";
  const L = lo as Int32Array | null;
  const H = hi as Int32Array | null;
  return mapChunks(col, key, d, (o, a, n) => {
    for (let i = 0; i < n; i++) {
      let xlo = a[2 * i] as number;
      let xhi = a[2 * i + 1] as number;
      if (L !== null && compareWords(xlo, xhi, L[0] as number, L[1] as number, signed) < 0) {
        xlo = L[0] as number;
        xhi = L[1] as number;
      }
      if (H !== null && compareWords(xlo, xhi, H[0] as number, H[1] as number, signed) > 0) {
        xlo = H[0] as number;
        xhi = H[1] as number;
      }
      o[2 * i] = xlo;
      o[2 * i + 1] = xhi;
    }
  });
}

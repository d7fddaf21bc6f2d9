/**
 * `interpolate`: fill the nulls of a numeric column from their valid
 * neighbours, as pandas' `Series.interpolate` with its defaults.
 */
import { show } from "../../util/is.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { dtypeToString, type Float64, float64, isNumeric, isTemporal } from "../dtype.js";
import { DTypeError, OptionError, ShapeError } from "../errors.js";
import { cast } from "./cast.js";
import { notNull } from "./missing.js";

/** Options of `interpolate`. */
export interface InterpolateOptions {
  /**
   * The positions of the rows on the x axis: by default 0, 1, 2, … (pandas'
   * `method="linear"`); pass the index labels for pandas' `method="index"`
   * (numbers or times; must be increasing).
   */
  x?: Column;
}

/** A column's values as float64 numbers (times as their integer counts), with nulls as NaN. */
function numbers(col: Column, what: string): Float64Array {
  const d = col.dtype;
  if (!isNumeric(d) && !isTemporal(d)) {
    throw new DTypeError(`interpolate: ${what} must be numeric or temporal, got ${dtypeToString(d)}`);
  }
  const c = cast(isTemporal(d) ? cast(col, "int64") : col, float64, { safe: false }).combine();
  const out = new Float64Array(c.values as Float64Array);
  const vb = c.validity;
  if (vb !== null) {
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) out[i] = Number.NaN;
    }
  }
  return out;
}

/**
 * Fill nulls by straight lines between the valid values around them.
 *
 * As pandas' defaults (`limit_direction="forward"`): nulls between two
 * values lie on the line joining them; nulls after the last value take
 * that value; nulls before the first value stay null. NaN is a value here,
 * not a gap. The result is float64 (integer columns too, as pandas).
 *
 * @param col - a numeric column
 * @param options - `x`: the rows' positions on the x axis (default 0, 1, 2, …)
 * @returns a float64 column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { interpolate } from "ndframe/compute";
 * interpolate(column([null, 1, null, 3, null])).toArray(); // => [null, 1, 2, 3, 3]
 * // on an uneven x axis: 0 → 0 and 10 → 10, so x = 1 lies at 1
 * interpolate(column([0, null, 10]), { x: column([0, 1, 10]) }).toArray(); // => [0, 1, 10]
 * ```
 */
export function interpolate(col: Column, options?: InterpolateOptions): Column<Float64> {
  if (!(col instanceof Column)) throw new DTypeError(`interpolate expects a Column, got ${show(col)}`);
  for (const k of Object.keys(options ?? {})) {
    if (k !== "x") throw new OptionError(`unknown option for interpolate: "${k}" (expected x)`);
  }
  if (!isNumeric(col.dtype)) {
    throw new DTypeError(`interpolate needs a numeric column, got ${dtypeToString(col.dtype)}`);
  }
  const n = col.length;
  const y = numbers(col, "the column");
  const valid = notNull(col).chunks[0]?.values ?? new Uint8Array(0);
  const isValid = (j: number): boolean => (((valid[j >>> 3] as number) >>> (j & 7)) & 1) === 1;
  let x: Float64Array | null = null;
  if (options?.x !== undefined) {
    const xc = options.x;
    if (!(xc instanceof Column)) throw new OptionError(`invalid x: ${show(xc)} (expected a Column)`);
    if (xc.length !== n) throw new ShapeError(`interpolate: x has ${xc.length} values for ${n} rows`);
    x = numbers(xc, "x");
    for (let j = 0; j < n; j++) {
      const xj = x[j] as number;
      if (Number.isNaN(xj) || (j > 0 && xj < (x[j - 1] as number))) {
        throw new OptionError(`interpolate: x must be increasing and without nulls (row ${j})`);
      }
    }
  }
  const out = new Float64Array(n);
  const bits = new Uint8Array((n + 7) >>> 3);
  let prev = -1;
  for (let j = 0; j < n; j++) {
    if (isValid(j)) {
      // fill the gap (prev, j) on the line from prev to j
      if (prev >= 0 && j - prev > 1) {
        const x0 = x === null ? prev : (x[prev] as number);
        const x1 = x === null ? j : (x[j] as number);
        const y0 = y[prev] as number;
        const y1 = y[j] as number;
        for (let g = prev + 1; g < j; g++) {
          const xg = x === null ? g : (x[g] as number);
          out[g] = x1 === x0 ? y0 : y0 + ((y1 - y0) * (xg - x0)) / (x1 - x0);
          bits[g >>> 3] = (bits[g >>> 3] as number) | (1 << (g & 7));
        }
      }
      out[j] = y[j] as number;
      bits[j >>> 3] = (bits[j >>> 3] as number) | (1 << (j & 7));
      prev = j;
    }
  }
  // after the last value: that value (pandas' forward direction)
  for (let g = prev + 1; prev >= 0 && g < n; g++) {
    out[g] = y[prev] as number;
    bits[g >>> 3] = (bits[g >>> 3] as number) | (1 << (g & 7));
  }
  const allValid = prev >= 0 && isValid(0);
  return Column.fromChunk(
    makeChunk({ dtype: float64, length: n, values: out, validity: allValid || n === 0 ? null : bits }),
  );
}

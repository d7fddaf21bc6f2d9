/**
 * `describe`: summary statistics in pandas' layout.
 * @internal
 */
import type { Column } from "../../core/column.js";
import { isNumeric } from "../../core/dtype.js";
import { OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { count } from "../../core/kernels/reduce.js";
import { describeNumeric } from "../../core/kernels/reduce-describe.js";
import { valueCounts } from "../../core/kernels/unique.js";
import { isObject, show } from "../../util/is.js";

/** Options of `describe`. */
export interface DescribeOptions {
  /** Percentiles to report, in [0, 1] (default [0.25, 0.5, 0.75]; the median is always added). */
  percentiles?: readonly number[];
}

/** pandas' percentile label: 0.25 → "25%", 0.125 → "12.5%". */
export function percentLabel(p: number): string {
  return `${Number((p * 100).toFixed(10))}%`;
}

/** The percentiles to report, sorted, with the median. */
export function percentilesOf(options: DescribeOptions | undefined): number[] {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for describe: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "percentiles")
      throw new OptionError(`unknown option for describe: "${k}" (expected percentiles)`);
  }
  const ps = o.percentiles === undefined ? [0.25, 0.5, 0.75] : o.percentiles;
  if (!Array.isArray(ps)) throw new OptionError(`invalid percentiles: ${show(ps)} (expected an array)`);
  for (const p of ps) {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new OptionError(`invalid percentile: ${show(p)} (expected a number in [0, 1])`);
    }
  }
  return [...new Set([...(ps as number[]), 0.5])].sort((a, b) => a - b);
}

/**
 * The statistics of one column, as pandas' `Series.describe`: for numbers
 * count, mean, std, min, the percentiles and max (float64); for other
 * dtypes count, unique, top (the most frequent value, first seen on ties)
 * and freq, written as text since one column holds one dtype.
 */
export function describeColumn(col: Column, options?: DescribeOptions): { labels: string[]; values: Column } {
  const ps = percentilesOf(options);
  if (isNumeric(col.dtype)) {
    const d = describeNumeric(col, ps);
    return {
      labels: ["count", "mean", "std", "min", ...ps.map(percentLabel), "max"],
      values: column([d.count, d.mean, d.std, d.min, ...d.quantiles, d.max], "float64"),
    };
  }
  const vc = valueCounts(col);
  // a categorical's counts list unused categories too (count 0, last): they are not "unique" values
  let observed = vc.counts.length;
  while (observed > 0 && Number(vc.counts.get(observed - 1)) === 0) observed--;
  const top = observed === 0 ? null : vc.values.get(0);
  const freq = observed === 0 ? null : vc.counts.get(0);
  return {
    labels: ["count", "unique", "top", "freq"],
    values: column(
      [
        String(count(col)),
        String(observed),
        top === null ? null : String(top),
        freq === null ? null : String(freq),
      ],
      "utf8",
    ),
  };
}

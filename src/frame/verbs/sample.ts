/** `sample` for frames: seeded random rows. */
import { type SampleOptions, samplePositions } from "../../series/ops/order.js";
import type { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";
import { takeRows } from "./filter.js";

/**
 * A seeded random sample of rows (`n` or `frac`, with or without
 * `replace`ment, optional `weights` per row), labels included. The same
 * seed gives the same rows on every platform (SplitMix32; not the rows
 * pandas draws for that seed).
 *
 * @example
 * ```ts
 * import { DataFrame, sample } from "ndframe";
 * const df = new DataFrame({ a: [1, 2, 3, 4, 5, 6] });
 * sample(df, { n: 4, seed: 1 }).length; // => 4
 * sample(df, { frac: 0.5, seed: 1 }).length; // => 3
 * ```
 */
export function sample<S extends Schema>(df: DataFrame<S>, options?: SampleOptions): DataFrame<S> {
  return takeRows(df, samplePositions(df.length, options));
}

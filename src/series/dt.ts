/**
 * `s.dt`: calendar fields, rounding, zones and formatting of timestamps
 * and dates (pandas' `.dt` accessor).
 */
import type { DType } from "../core/dtype.js";
import { Accessor, accessorError } from "./accessor.js";

/** The datetime methods of a Series of timestamps or dates. Nulls stay null. */
export class DatetimeMethods extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (d.kind !== "timestamp" && d.kind !== "date") throw accessorError("dt", "timestamps or dates", d);
  }
}

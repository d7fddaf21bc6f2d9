/**
 * `s.str`: vectorized string methods (pandas' `.str` accessor) over Arrow
 * utf8 buffers. On a categorical Series each method runs once per
 * category and is gathered by the codes.
 */
import { type DType, isString } from "../core/dtype.js";
import { Accessor, accessorError } from "./accessor.js";

/** True for the dtypes `.str` reads: utf8, large_utf8 and dictionaries of them. */
export function isStringLike(d: DType): boolean {
  return isString(d) || d.kind === "dictionary";
}

/**
 * The string methods of a Series of text (utf8, large_utf8 or categorical).
 * Nulls stay null in every result.
 */
export class StringMethods extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (!isStringLike(d)) throw accessorError("str", "strings (utf8, large_utf8 or a categorical)", d);
  }
}

/**
 * `s.cat`: the categories, codes and order of a categorical Series
 * (pandas' `.cat` accessor).
 */
import type { DType } from "../core/dtype.js";
import { Accessor, accessorError } from "./accessor.js";

/** The categorical methods of a dictionary-encoded Series. */
export class CategoricalMethods extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (d.kind !== "dictionary") throw accessorError("cat", 'a categorical (astype("category"))', d);
  }
}

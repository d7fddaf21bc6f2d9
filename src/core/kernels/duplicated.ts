/**
 * duplicated: mark rows whose key was already seen.
 */

import { show } from "../../util/is.js";
import { packBits } from "../bitmap.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool } from "../dtype.js";
import { OptionError, ShapeError } from "../errors.js";
import { checkColumn } from "./factorize.js";
import { factorizeManyShared } from "./factorize-many.js";

/** Duplicate marks (one byte per row) from dense codes with `k` groups. @internal */
export function duplicatedCodes(codes: Int32Array, k: number, keep: "first" | "last" | false): Uint8Array {
  const n = codes.length;
  const out = new Uint8Array(n);
  if (keep === false) {
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) counts[codes[i] as number]++;
    for (let i = 0; i < n; i++) out[i] = (counts[codes[i] as number] as number) > 1 ? 1 : 0;
    return out;
  }
  const seen = new Uint8Array(k);
  const first = keep === "first";
  for (let j = 0; j < n; j++) {
    const i = first ? j : n - 1 - j;
    const c = codes[i] as number;
    out[i] = seen[c] as number;
    seen[c] = 1;
  }
  return out;
}

/**
 * Mark rows whose value (or tuple of values across several columns) already
 * occurred, as pandas' `Series.duplicated` / `DataFrame.duplicated`.
 *
 * `keep: "first"` (default) marks every occurrence but the first, `"last"`
 * every occurrence but the last, `false` every occurrence of a repeated
 * value. Nulls equal each other (as pandas treats NaN), and NaN equals NaN.
 * Returns a bool column without nulls. Cost: one `factorizeMany`.
 *
 * @param cols - one column, or several of equal length forming row tuples
 * @param options - `keep` ("first" | "last" | false)
 * @returns a bool column, true on duplicated rows
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { duplicated } from "ndframe/compute";
 * const animals = column(["llama", "cow", "llama", "beetle", "llama"]);
 * duplicated(animals).toArray(); // => [false, false, true, false, true]
 * duplicated(animals, { keep: "last" }).toArray(); // => [true, false, true, false, false]
 * duplicated(animals, { keep: false }).toArray(); // => [true, false, true, false, true]
 * ```
 */
export function duplicated(
  cols: Column | readonly Column[],
  options?: { keep?: "first" | "last" | false },
): Column<Bool> {
  const list = cols instanceof Column ? [cols] : cols;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ShapeError(`duplicated: expected a Column or a non-empty array of Columns, got ${show(cols)}`);
  }
  for (const [j, c] of list.entries()) checkColumn("duplicated", c, `cols[${j}]`);
  const n = (list[0] as Column).length;
  list.forEach((c, j) => {
    if (c.length !== n)
      throw new ShapeError(`duplicated: cols[${j}] has length ${c.length} but cols[0] has length ${n}`);
  });
  const k = options?.keep;
  if (!(k === undefined || k === false || k === "first" || k === "last")) {
    throw new OptionError(`invalid keep: ${show(k)} (expected one of first, last, false)`);
  }
  const keep = k ?? "first";
  const { codes, uniques } = factorizeManyShared(list, "code", false);
  const marks = duplicatedCodes(codes, (uniques[0] as Column).length, keep);
  return Column.fromChunk(makeChunk({ dtype: bool, length: n, values: packBits(marks) }));
}

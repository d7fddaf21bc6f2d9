/**
 * `concat`: join columns end to end, promoting their dtypes.
 */

import { show } from "../../util/is.js";
import { VarWidthBuilder } from "../builder.js";
import { type Chunk, decodeUtf8, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { arrayType, type Dictionary, dtypeEquals, dtypeToString, type StringType } from "../dtype.js";
import { CastError, DTypeError, ShapeError } from "../errors.js";
import { words } from "../int64.js";
import { promoteAll } from "../promotion.js";
import { castColumn, INDEX_MAX } from "./cast.js";

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };

/**
 * Concatenate columns end to end.
 *
 * The result's dtype is `promoteAll` of the inputs' dtypes; each input is
 * cast to it with checks (a `CastError` names the row that does not fit,
 * e.g. a uint64 above 2^63 meeting an int64). Zero-copy: the result holds
 * the inputs' chunks as its chunks, and only inputs of another dtype are
 * cast (copied); call `rechunk()` for one contiguous chunk. Dictionaries
 * that differ are unified: one merged dictionary (first appearance order)
 * and codes remapped into the promoted index dtype (a `CastError` when the
 * merged dictionary outgrows it). An empty list throws a `ShapeError`.
 *
 * @param cols - the columns, in order
 * @returns one column of all the rows
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { concat } from "ndframe/compute";
 * const c = concat([column([1, 2], "int32"), column([0.5, null])]);
 * c.dtype.kind; // => "float64"
 * c.toArray(); // => [1, 2, 0.5, null]
 * ```
 */
export function concat(cols: readonly Column[]): Column {
  if (!Array.isArray(cols) || cols.length === 0) {
    throw new ShapeError(`concat needs a non-empty array of columns, got ${show(cols)}`);
  }
  cols.forEach((c, i) => {
    if (!(c instanceof Column)) throw new DTypeError(`concat: item ${i} is not a Column (${show(c)})`);
  });
  const target = promoteAll(cols.map((c) => c.dtype));
  if (target.kind === "dictionary") return concatDictionaries(cols as readonly Column<Dictionary>[], target);
  const chunks: Chunk[] = [];
  for (const c of cols) chunks.push(...castColumn(c, target, SAFE).chunks);
  return new Column(target, chunks);
}

/** Codes of a chunk as numbers (64-bit codes through their low word). */
function codesOf(c: Chunk): ArrayLike<number> {
  const v = c.values;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
    const w = words(v);
    const out = new Float64Array(c.length);
    for (let i = 0; i < c.length; i++) out[i] = w[2 * i] as number;
    return out;
  }
  return v as Int32Array;
}

function concatDictionaries(cols: readonly Column<Dictionary>[], target: Dictionary): Column {
  const all = cols.flatMap((c) => c.chunks);
  const first = all[0]?.dictionary;
  const shared = all.every((c) => c.dictionary === first);
  if (shared && cols.every((c) => dtypeEquals(c.dtype, target))) return new Column(target, all);
  // Merge the dictionaries in order of first appearance; remap[d][code] is the new code.
  const lookup = new Map<string, number>();
  const merged = new VarWidthBuilder<StringType>(target.value);
  const remaps = new Map<Column<StringType>, Int32Array>();
  const max = INDEX_MAX[target.index.kind] as number;
  for (const c of all) {
    const d = c.dictionary as Column<StringType>;
    if (remaps.has(d)) continue;
    const dc = d.combine();
    const o = numberOffsets(dc);
    const remap = new Int32Array(dc.length);
    for (let k = 0; k < dc.length; k++) {
      const s = decodeUtf8(dc.values as Uint8Array, o[k] as number, o[k + 1] as number);
      let code = lookup.get(s);
      if (code === undefined) {
        code = lookup.size;
        if (code > max) {
          throw new CastError(
            `concat: the merged dictionary has more than ${max + 1} values, too many for ${dtypeToString(target)}`,
          );
        }
        lookup.set(s, code);
        merged.append(s);
      }
      remap[k] = code;
    }
    remaps.set(d, remap);
  }
  const dictionary = merged.finish();
  const chunks = all.map((c) => {
    const n = c.length;
    const remap = remaps.get(c.dictionary as Column<StringType>) as Int32Array;
    const codes = codesOf(c);
    const mapped = new Float64Array(n);
    // Codes under nulls may be anything: map out-of-range ones to 0.
    for (let i = 0; i < n; i++) mapped[i] = remap[codes[i] as number] ?? 0;
    const out = new (arrayType(target.index) as Float64ArrayConstructor)(n);
    if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
      const w = words(out);
      for (let i = 0; i < n; i++) w[2 * i] = mapped[i] as number;
    } else out.set(mapped);
    return makeChunk({
      dtype: target,
      length: n,
      offset: c.offset,
      values: out as StorageOf<Dictionary>,
      validity: c.validity,
      nullCount: c.nullCount,
      dictionary,
    });
  });
  return new Column(target, chunks);
}

/**
 * isin: membership of each element in a set of values.
 */

import { show } from "../../util/is.js";
import { packBits } from "../bitmap.js";
import { columnBuilder } from "../builder.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import {
  type Bool,
  bool,
  type Dictionary,
  type DType,
  dtypeEquals,
  dtypeToString,
  isBigIntStorage,
  type StringType,
} from "../dtype.js";
import { DTypeError } from "../errors.js";
import { FRACTION_DIGITS, PER_SECOND } from "./cast-time-math.js";
import { parseTimeOfDay } from "./cast-time-of-day.js";
import { checkColumn, decode, factorizeBase, factorizeShared } from "./factorize.js";

const PER_MS = { s: 0n, ms: 1n, us: 1000n, ns: 1000000n } as const;

/** A JS value converted toward `d`'s scalar type where exact, else unchanged. */
function toward(v: unknown, d: DType): unknown {
  if (v instanceof Date && Number.isInteger(v.getTime())) {
    const ms = v.getTime();
    if (d.kind === "timestamp") {
      return d.unit === "s" ? (ms % 1000 === 0 ? BigInt(ms / 1000) : v) : BigInt(ms) * PER_MS[d.unit];
    }
    if (d.kind === "date") return ms / 86400000;
  }
  if (typeof v === "bigint" && !isBigIntStorage(d) && Number.isSafeInteger(Number(v))) return Number(v);
  if (typeof v === "string" && d.kind === "time") {
    // "09:30:00.5" in the column's unit; text that is not an exact time of day stays a string (matches nothing)
    const t = parseTimeOfDay(v, PER_SECOND[d.unit], FRACTION_DIGITS[d.unit], false);
    return t >= 0 ? BigInt(t) : v;
  }
  return v;
}

/** The values as a column of dtype `d`, leaving out the values `d` cannot hold (they match nothing). */
function coerce(values: Column | readonly unknown[], d: DType): Column {
  if (values instanceof Column) {
    if (dtypeEquals(values.dtype, d)) return values;
    const k = values.dtype.kind;
    if (k === d.kind && (k === "timestamp" || k === "duration" || k === "time")) {
      // raw counts in different units are not comparable
      throw new DTypeError(
        `isin: values of dtype ${dtypeToString(values.dtype)} cannot be compared with a ${dtypeToString(d)} column; cast them first`,
      );
    }
    if (values.dtype.kind === "dictionary") {
      const dec = decode(values as Column<Dictionary>);
      if (dtypeEquals(dec.dtype, d)) return dec;
      values = dec.toArray();
    } else values = values.toArray();
  }
  const b = columnBuilder(d, values.length);
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) {
      // NaN is a value of float columns; in any other dtype it can match only nothing
      if (v === null || v === undefined) b.appendNull();
      else if (d.kind === "float32" || d.kind === "float64") b.append(v as never);
      continue;
    }
    try {
      b.append(toward(v, d) as never);
    } catch {
      // a value this dtype cannot hold cannot equal any element
    }
  }
  return b.finish();
}

/** Membership bytes of a non-dictionary column in `set` (same dtype). */
function member(col: Column, set: Column): Uint8Array {
  const n = col.length;
  const out = new Uint8Array(n);
  const setUniques = factorizeShared(set, "exclude", false).uniques;
  const m = setUniques.length;
  // Factorize the set's uniques followed by the column: an element is in the
  // set exactly when its code is one of the first m codes.
  const both = factorizeBase(new Column(col.dtype, [...setUniques.chunks, ...col.chunks]));
  const codes = both.codes;
  const nullIn = set.nullCount > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const c = codes[m + i] as number;
    out[i] = c < 0 ? nullIn : c < m ? 1 : 0;
  }
  return out;
}

/**
 * Test whether each element is one of `values`, as pandas' `Series.isin`.
 *
 * Returns a bool column without nulls. A null element is true only when
 * `values` holds a null (pandas treats None/NaN alike there; here null and
 * NaN are distinct values, so NaN matches NaN and null matches null).
 * `values` may be a column or a JS array; values that the column's dtype
 * cannot hold (1.5 for an int32 column, a string for a number column) match
 * nothing; for a time-of-day column, strings "HH:MM[:SS[.f…]]" are read as
 * times. A dictionary column tests each dictionary entry once and maps
 * its codes. Cost: one factorize of the set followed by the column.
 *
 * @param col - the elements to test
 * @param values - the set, as a column or array
 * @returns a bool column, true where the element is in `values`
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { isin } from "ndframe/compute";
 * const animals = column(["llama", "cow", "llama", "beetle", "llama", "hippo"]);
 * isin(animals, ["cow", "llama"]).toArray(); // => [true, true, true, false, true, false]
 * isin(column([1, null, 3]), [3, null]).toArray(); // => [false, true, true]
 * ```
 */
export function isin(col: Column, values: Column | readonly unknown[]): Column<Bool> {
  checkColumn("isin", col);
  if (!(values instanceof Column) && !Array.isArray(values)) {
    throw new TypeError(`isin: values must be a Column or an array, got ${show(values)}`);
  }
  const n = col.length;
  let bytes: Uint8Array;
  if (col.dtype.kind === "dictionary") {
    const set = coerce(values, col.dtype.value);
    const nullIn = set.nullCount > 0 ? 1 : 0;
    bytes = new Uint8Array(n);
    let at = 0;
    for (const c of col.chunks) {
      const inDict = member(c.dictionary as Column<StringType>, set);
      const v = c.values as ArrayLike<number | bigint>;
      for (let i = 0; i < c.length; i++) {
        const valid =
          c.validity === null || ((c.validity[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1;
        bytes[at + i] = valid ? (inDict[Number(v[i])] as number) : nullIn;
      }
      at += c.length;
    }
  } else bytes = member(col, coerce(values, col.dtype));
  return Column.fromChunk(makeChunk({ dtype: bool, length: n, values: packBits(bytes) }));
}

/**
 * `cast`: convert a column to another dtype, checked by default.
 */

import { maybeBoolean, show } from "../../util/is.js";
import { VarWidthBuilder } from "../builder.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import {
  arrayType,
  type Dictionary,
  type DType,
  dtypeEquals,
  dtypeToString,
  int32,
  int64,
  isNumeric,
  isString,
  parseDType,
  type StringType,
} from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { words } from "../int64.js";
import { type Allow, castError, castNumeric, validityAt0 } from "./cast-numeric.js";
import { parseText, toText } from "./cast-string.js";
import { castTemporal, isTemporalCast } from "./cast-temporal.js";
import { factorizeBase, factorizeShared } from "./factorize.js";

/**
 * Options of `cast`, after Arrow's `CastOptions`. By default (`safe: true`)
 * every value must survive the cast; each `allow*` option lifts one check,
 * and `safe: false` lifts them all.
 */
export interface CastOptions {
  /** Check every value (default true); false sets every `allow*` option. */
  safe?: boolean;
  /** Integers out of the target range wrap modulo 2^bits; NaN and ±inf cast to integers give 0. */
  allowIntOverflow?: boolean;
  /** Floats lose their fraction when cast to integers; integers round when floats cannot hold them. */
  allowFloatTruncate?: boolean;
  /** Times round down to a coarser unit; timestamps lose their time of day when cast to dates. */
  allowTimeTruncate?: boolean;
}

const OPTION_KEYS = ["safe", "allowIntOverflow", "allowFloatTruncate", "allowTimeTruncate"] as const;

function maybeAllow(options: CastOptions | undefined): Allow {
  if (options === undefined) return { intOverflow: false, floatTruncate: false, timeTruncate: false };
  if (typeof options !== "object" || options === null) {
    throw new OptionError(`invalid cast options: ${show(options)} (expected an object)`);
  }
  for (const k of Object.keys(options)) {
    if (!(OPTION_KEYS as readonly string[]).includes(k)) {
      throw new OptionError(`invalid cast option: ${show(k)} (expected one of ${OPTION_KEYS.join(", ")})`);
    }
  }
  const unsafe = !maybeBoolean("safe", options.safe, true);
  return {
    intOverflow: maybeBoolean("allowIntOverflow", options.allowIntOverflow, unsafe),
    floatTruncate: maybeBoolean("allowFloatTruncate", options.allowFloatTruncate, unsafe),
    timeTruncate: maybeBoolean("allowTimeTruncate", options.allowTimeTruncate, unsafe),
  };
}

const isNum = (d: DType) => isNumeric(d) || d.kind === "bool";
const isTime = (d: DType) =>
  d.kind === "date" || d.kind === "timestamp" || d.kind === "duration" || d.kind === "time";

/** True when `cast` supports `from → to` (values may still fail its checks). */
export function canCast(from: DType, to: DType): boolean {
  if (dtypeEquals(from, to)) return true;
  if (from.kind === "list" || to.kind === "list") return false; // lists cast only to themselves
  if (from.kind === "dictionary") return isString(to) || to.kind === "dictionary" || canCast(from.value, to);
  if (to.kind === "dictionary") return from.kind === "binary" || canCast(from, to.value);
  if (isString(to)) return true;
  if (to.kind === "binary") return isString(from);
  if (from.kind === "binary") return false;
  if (isString(from)) return true;
  if (isNum(from) && isNum(to)) return true;
  if (isTemporalCast(from, to)) return true;
  // temporal ↔ other numbers go through the int64 (int32 for dates) storage
  return (isTime(from) && isNumeric(to)) || (isNumeric(from) && isTime(to));
}

/**
 * Cast a column to another dtype.
 *
 * Casting to the column's own dtype returns the column itself. Nulls stay
 * nulls. Every value is checked unless an option allows the loss:
 * integers out of range, floats with a fraction, NaN or ±inf to integers,
 * int64 beyond 2^53 to float64 (any integer a double cannot hold exactly),
 * times finer than the target unit, unparsable text — each throws a
 * `CastError` naming the row, the value and both dtypes. Text is parsed
 * as decimal numbers (`nan`, `inf` accepted for floats), `true`/`false`/
 * `1`/`0`, ISO 8601 dates and date-times (a zone-less time in a zoned
 * dtype is wall-clock time in that zone); values print as JS does
 * (integers exactly, floats as the shortest round-trip text), dates as
 * `YYYY-MM-DD` and timestamps as ISO 8601 with the unit's digits and `Z`
 * or the zone's offset; times of day (`time64`) read "HH:MM[:SS[.f…]]"
 * and print as Python's `datetime.time` ("09:30:00", "09:30:00.000123").
 * Views, no copy: timestamp/duration/time ↔ int64 (int64 → time checks
 * that each value lies within one day), date
 * ↔ int32, time zone changes, int64 ↔ uint64, utf8 ↔ binary (bytes
 * shared; binary is validated as UTF-8). Dictionaries: values are
 * encoded into one dictionary shared by all chunks whose categories are
 * the distinct non-null values sorted (numbers by value), as pandas'
 * `astype("category")` (a `CastError` when the codes outgrow the index
 * dtype); a dictionary keeps its categories when it changes index width,
 * value type or ordered flag, and decodes to strings. Cost: one pass per chunk; unknown dtypes or
 * unsupported pairs throw a `DTypeError`.
 *
 * @param col - the column
 * @param to - the target dtype or its name (`"int8"`, `"timestamp[ms, UTC]"`)
 * @param options - `safe`, `allowIntOverflow`, `allowFloatTruncate`, `allowTimeTruncate`
 * @returns a column of dtype `to`, one chunk per input chunk
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { cast } from "ndframe/compute";
 * cast(column([1, null, 3], "int32"), "float64").toArray(); // => [1, null, 3]
 * cast(column(["1.5", "-2"]), "float64").toArray(); // => [1.5, -2]
 * cast(column([2n ** 53n + 1n], "int64"), "float64", { safe: false }).toArray(); // => [9007199254740992]
 * cast(column([19000], "date"), "utf8").toArray(); // => ["2022-01-08"]
 * ```
 */
export function cast(col: Column, to: DType | string, options?: CastOptions): Column {
  const target = parseDType(to);
  const allow = maybeAllow(options);
  if (!(col instanceof Column)) throw new DTypeError(`cast expects a Column, got ${show(col)}`);
  if (!canCast(col.dtype, target)) {
    throw new DTypeError(`cannot cast ${dtypeToString(col.dtype)} to ${dtypeToString(target)}`);
  }
  return castColumn(col, target, allow);
}

/** `cast` without validation (the caller checked `canCast`). @internal */
export function castColumn(col: Column, to: DType, allow: Allow): Column {
  const from = col.dtype;
  if (dtypeEquals(from, to)) return col;
  if (to.kind === "dictionary") return encode(col, to, allow);
  if (from.kind === "dictionary" && !isString(to))
    return castColumn(castColumn(col, from.value, allow), to, allow);
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const out = from.kind === "dictionary" ? decode(c, to as StringType) : castChunk(c, to, allow, row0);
    row0 += c.length;
    return out;
  });
  return new Column(to, chunks);
}

function castChunk(c: Chunk, to: DType, allow: Allow, row0: number): Chunk {
  const from = c.dtype;
  if (dtypeEquals(from, to)) return c;
  if (isNum(from) && isNum(to)) return castNumeric(c, to, allow, row0);
  if (isString(to) || to.kind === "binary") return toText(c, to, row0);
  if (isString(from)) return parseText(c, to, allow, row0);
  if (isTemporalCast(from, to)) return castTemporal(c, to, allow, row0);
  if (isTime(from)) {
    const storage = castTemporal(c, from.kind === "date" ? int32 : int64, allow, row0);
    return castNumeric(storage, to, allow, row0);
  }
  return castTemporal(castNumeric(c, to.kind === "date" ? int32 : int64, allow, row0), to, allow, row0);
}

/** Codes of a dictionary chunk as numbers (64-bit codes through their low word). */
function codesOf(c: Chunk): ArrayLike<number> & { length: number } {
  const v = c.values;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
    const w = words(v);
    const out = new Float64Array(c.length);
    for (let i = 0; i < c.length; i++) out[i] = w[2 * i] as number;
    return out;
  }
  return v as Int32Array;
}

/** Decode a dictionary chunk into strings of type `to` (bytes copied per row). */
function decode(c: Chunk, to: StringType): Chunk {
  const n = c.length;
  const dict = (c.dictionary as Column<StringType>).combine();
  const o = numberOffsets(dict);
  const bytes = dict.values as Uint8Array;
  const codes = codesOf(c);
  const b = new VarWidthBuilder(to, n * 8);
  const valid = c.validity;
  for (let i = 0; i < n; i++) {
    const j = c.offset + i;
    if (valid !== null && ((valid[j >>> 3] as number) & (1 << (j & 7))) === 0) b.appendNull();
    else {
      const k = codes[i] as number;
      b.appendBytes(bytes, o[k] as number, o[k + 1] as number);
    }
  }
  return b.finish().chunks[0] as Chunk;
}

/** Largest dictionary code each index dtype can hold (64-bit: the safe-integer limit). @internal */
export const INDEX_MAX: Record<string, number> = {
  int8: 127,
  int16: 32767,
  int32: 2147483647,
  int64: Number.MAX_SAFE_INTEGER,
  uint8: 255,
  uint16: 65535,
  uint32: 4294967295,
  uint64: Number.MAX_SAFE_INTEGER,
};

/**
 * Encode any column as a dictionary shared by every chunk. The categories
 * are the distinct non-null values sorted ascending by the source dtype
 * (strings by code point, numbers and times by value), as pandas'
 * `astype("category")`, then written in the dictionary's string type.
 */
function encode(col: Column, to: Dictionary, allow: Allow): Column {
  const from = col.dtype;
  if (from.kind === "dictionary") return recode(col as Column<Dictionary>, to, allow);
  const max = INDEX_MAX[to.index.kind] as number;
  // Too many distinct values: name the row where the first one over the limit appears.
  const base = factorizeBase(col);
  if (base.uniques.length > max + 1) {
    const row = base.codes.indexOf(max + 1);
    throw castError(show(col.get(row)), row, from, to, `more than ${max + 1} distinct values`);
  }
  const { codes, uniques } = factorizeShared(col, "exclude", true);
  const dictionary = castColumn(uniques, to.value, allow) as Column<StringType>;
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const n = c.length;
    const part = codes.slice(row0, row0 + n);
    row0 += n;
    // codes under nulls are -1: store 0 there, a valid index
    if (c.nullCount > 0) for (let i = 0; i < n; i++) if ((part[i] as number) < 0) part[i] = 0;
    let out: StorageOf<Dictionary>;
    if (to.index.kind === "int32") out = part;
    else if (to.index.kind === "int64" || to.index.kind === "uint64") {
      out = new (to.index.kind === "int64" ? BigInt64Array : BigUint64Array)(n);
      const w = words(out as BigInt64Array);
      for (let i = 0; i < n; i++) w[2 * i] = part[i] as number;
    } else {
      const small = new (arrayType(to.index) as Int32ArrayConstructor)(n);
      small.set(part);
      out = small as StorageOf<Dictionary>;
    }
    return makeChunk({
      dtype: to,
      length: n,
      values: out,
      validity: validityAt0(c),
      nullCount: c.nullCount,
      dictionary,
    });
  });
  return new Column(to, chunks);
}

/** Change a dictionary's index width, value type or ordered flag. */
function recode(col: Column<Dictionary>, to: Dictionary, allow: Allow): Column {
  const from = col.dtype;
  const dicts = new Map<Column<StringType>, Column<StringType>>();
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const d = c.dictionary as Column<StringType>;
    let nd = dicts.get(d);
    if (nd === undefined) {
      nd = castColumn(d, to.value, allow) as Column<StringType>;
      dicts.set(d, nd);
    }
    const codes = makeChunk({
      dtype: from.index,
      length: c.length,
      offset: c.offset,
      values: c.values as StorageOf<DType>,
      validity: c.validity,
      nullCount: c.nullCount,
    });
    let cast: Chunk;
    try {
      cast = castNumeric(
        codes,
        to.index,
        { intOverflow: false, floatTruncate: false, timeTruncate: false },
        row0,
      );
    } catch (e) {
      if (!(e instanceof CastError)) throw e;
      throw new CastError(
        `cannot cast ${dtypeToString(from)} to ${dtypeToString(to)}: a code does not fit ${to.index.kind} (${e.message})`,
      );
    }
    row0 += c.length;
    return makeChunk({ ...cast, dtype: to, values: cast.values as StorageOf<Dictionary>, dictionary: nd });
  });
  return new Column(to, chunks);
}

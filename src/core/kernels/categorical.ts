/**
 * Categorical kernels: the categories and codes of dictionary columns, the
 * one-pass recoding behind pandas' `.cat` methods, and `categorical`, the
 * constructor with explicit categories (`pd.Categorical`).
 *
 * An operation on categories builds the new dictionary (k strings) and a
 * remap table `old code → new code` (-1: the value becomes null), then
 * makes one pass over the codes; no string is decoded per row. Chunks with
 * different dictionaries are unified first (concat's merge: categories in
 * order of first appearance), so every result has one dictionary shared
 * by all its chunks.
 */

import { show } from "../../util/is.js";
import { bitmapBytes } from "../bitmap.js";
import { VarWidthBuilder } from "../builder.js";
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import {
  type Dictionary,
  dictionary,
  type IntegerType,
  int8,
  int16,
  int32,
  int64,
  isString,
  type SignedIntegerType,
  type StringType,
  utf8,
} from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { column } from "../from-values.js";
import { words } from "../int64.js";
import { castColumn, INDEX_MAX } from "./cast.js";
import { concat } from "./concat.js";
import { factorizeBase } from "./factorize.js";

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };

/**
 * The column with one dictionary shared by all chunks: itself when that
 * already holds, else concat's merge (categories in order of first
 * appearance, codes remapped). @internal
 */
export function unifyDictionaries<T extends Dictionary>(col: Column<T>): Column<T> {
  const d0 = col.chunks[0]?.dictionary;
  if (col.chunks.every((c) => c.dictionary === d0)) return col;
  return concat([col]) as Column<T>;
}

/** The categories (the one dictionary) of a unified column. @internal */
export function dictionaryOf(col: Column<Dictionary>): Column<StringType> {
  return (col.chunks[0]?.dictionary ?? null) || new Column(col.dtype.value, []);
}

/**
 * pandas' code dtype for `k` categories (`coerce_indexer_dtype`): int8
 * below 127 categories, int16 below 32767, int32 below 2^31 - 1, else int64.
 * @internal
 */
export function codeDType(k: number): SignedIntegerType {
  if (k < 127) return int8;
  if (k < 32767) return int16;
  if (k < 2147483647) return int32;
  return int64;
}

/** `current` when it holds codes up to k - 1, else the smallest signed dtype that does. */
function indexFor(current: IntegerType, k: number): IntegerType {
  if (k - 1 <= (INDEX_MAX[current.kind] as number)) return current;
  if (k - 1 <= 32767) return int16;
  if (k - 1 <= 2147483647) return int32;
  return int64;
}

/**
 * The codes of a categorical column as pandas' `cat.codes`: the category
 * position of each value, -1 for nulls, in the dtype `codeDType` picks for
 * the number of categories. A chunk without nulls whose index dtype is
 * already that dtype is returned as a view (no copy). Unifies dictionaries
 * first. @internal
 */
export function categoryCodes(col: Column<Dictionary>): Column<SignedIntegerType> {
  const u = unifyDictionaries(col);
  const to = codeDType(dictionaryOf(u).length);
  const chunks = u.chunks.map((c) => {
    const n = c.length;
    if (u.dtype.index.kind === to.kind && c.validity === null) {
      return makeChunk({ dtype: to, length: n, values: c.values as never });
    }
    // int8/int16/int32 codes through an Int32Array (as storeAs writes them)
    const codes = new Int32Array(n);
    const src = readCodes(c);
    const s = c.values instanceof BigInt64Array || c.values instanceof BigUint64Array ? 2 : 1;
    const valid = c.validity;
    for (let i = 0; i < n; i++) {
      const j = c.offset + i;
      codes[i] =
        valid !== null && (((valid[j >>> 3] as number) >>> (j & 7)) & 1) === 0 ? -1 : (src[s * i] as number);
    }
    return makeChunk({ dtype: to, length: n, values: storeAs(codes, to) as never });
  });
  return new Column(to, chunks as Chunk<SignedIntegerType>[]);
}

/** Codes of a chunk as numbers: the array itself, or the 32-bit words of 64-bit codes (stride 2). */
function readCodes(c: Chunk): ArrayLike<number> {
  const v = c.values;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) return words(v as BigInt64Array);
  return v as Int32Array;
}

/**
 * Validate a list of categories: strings, none null, none repeated (an
 * `OptionError` naming the culprit). @internal
 */
export function checkCategories(fn: string, values: unknown): string[] {
  let list: unknown[];
  if (values instanceof Column) list = values.toArray();
  else if (Array.isArray(values)) list = values;
  else throw new OptionError(`${fn}: categories must be an array of strings, got ${show(values)}`);
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (v === null || v === undefined)
      throw new OptionError(`${fn}: categories cannot be null (position ${i})`);
    if (typeof v !== "string") {
      throw new OptionError(
        `${fn}: categories must be strings, got ${show(v)} at position ${i} (convert it with String())`,
      );
    }
    if (seen.has(v))
      throw new OptionError(`${fn}: categories must be unique; ${JSON.stringify(v)} is repeated`);
    seen.add(v);
  });
  return list as string[];
}

function stringColumn(values: readonly string[], to: StringType): Column<StringType> {
  const b = new VarWidthBuilder(to, values.length * 8);
  for (const v of values) b.append(v);
  return b.finish();
}

/**
 * Give a unified categorical column new categories: `remap[k]` is the new
 * code of old code `k` (-1 makes its rows null); a null `remap` keeps the
 * codes, which are then shared with the input (zero-copy) unless the index
 * dtype must widen to hold the new categories. Cost: one pass over the
 * codes (none with a null remap). @internal
 */
export function recode(
  col: Column<Dictionary>,
  categories: readonly string[] | Column<StringType>,
  remap: Int32Array | null,
  ordered: boolean,
): Column<Dictionary> {
  const from = col.dtype;
  const dict = categories instanceof Column ? categories : stringColumn(categories, from.value);
  const index = indexFor(from.index, dict.length);
  const to = dictionary(index, from.value, ordered);
  let dropped = false;
  if (remap !== null) for (let k = 0; k < remap.length; k++) if ((remap[k] as number) < 0) dropped = true;
  const chunks = col.chunks.map((c): Chunk<Dictionary> => {
    if (remap === null && index === from.index) {
      return makeChunk({ ...c, dtype: to, values: c.values as StorageOf<Dictionary>, dictionary: dict });
    }
    return remapChunk(
      c,
      remap ?? identity(dictionaryOf(col).length),
      to,
      dict,
      dropped,
      c.length,
    ) as Chunk<Dictionary>;
  });
  return new Column(to, chunks);
}

function identity(k: number): Int32Array {
  const r = new Int32Array(k);
  for (let j = 0; j < k; j++) r[j] = j;
  return r;
}

// One loop per code storage, kept monomorphic (V8 shares type feedback per function).
function remapI8(src: Int8Array, map: Int32Array, out: Int8Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = (map[src[i] as number] as number) | 0;
}
function remapI16(src: Int16Array, map: Int32Array, out: Int16Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = (map[src[i] as number] as number) | 0;
}
function remapI32(src: Int32Array, map: Int32Array, out: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = (map[src[i] as number] as number) | 0;
}
/** Any other pair of storages (unsigned or 64-bit codes, or a widening index): polymorphic, rare. */
function remapAny(src: ArrayLike<number>, s: number, map: Int32Array, out: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = (map[src[s * i] as number] as number) | 0;
}

function remapChunk(
  c: Chunk,
  map: Int32Array,
  to: Dictionary,
  dict: Column<StringType>,
  dropped: boolean,
  n: number,
): Chunk {
  const src = c.values;
  const kind = to.index.kind;
  let codes: Int8Array | Int16Array | Int32Array;
  if (src instanceof Int8Array && kind === "int8") {
    codes = new Int8Array(n);
    remapI8(src, map, codes, n);
  } else if (src instanceof Int16Array && kind === "int16") {
    codes = new Int16Array(n);
    remapI16(src, map, codes, n);
  } else if (src instanceof Int32Array && kind === "int32") {
    codes = new Int32Array(n);
    remapI32(src, map, codes, n);
  } else {
    codes = new Int32Array(n);
    const wide = src instanceof BigInt64Array || src instanceof BigUint64Array;
    remapAny(readCodes(c), wide ? 2 : 1, map, codes, n);
  }
  let validity: Uint8Array | null = c.validity;
  let offset = c.offset;
  if (dropped) {
    validity = dropNegatives(codes, c.validity, c.offset, n);
    offset = 0;
  }
  return makeChunk({
    dtype: to,
    length: n,
    offset,
    values: storeAs(codes, to.index) as StorageOf<Dictionary>,
    validity,
    dictionary: dict,
  });
}

/** The validity of the rows still valid and coded >= 0; negative codes are set to 0. */
function dropNegatives(
  codes: Int8Array | Int16Array | Int32Array,
  valid: Uint8Array | null,
  off: number,
  n: number,
): Uint8Array {
  const bits = new Uint8Array(bitmapBytes(n));
  for (let i = 0; i < n; i++) {
    const j = off + i;
    const ok = valid === null || (((valid[j >>> 3] as number) >>> (j & 7)) & 1) === 1;
    if (ok && (codes[i] as number) >= 0) bits[i >>> 3] |= 1 << (i & 7);
    else codes[i] = 0;
  }
  return bits;
}

/** Codes in the index dtype's storage (a copy only when the loop wrote another storage). */
function storeAs(
  codes: Int8Array | Int16Array | Int32Array,
  index: IntegerType,
): ArrayLike<number> | BigInt64Array {
  const kind = index.kind;
  if ((kind === "int8" && codes instanceof Int8Array) || (kind === "int16" && codes instanceof Int16Array))
    return codes;
  if (kind === "int32" && codes instanceof Int32Array) return codes;
  const n = codes.length;
  if (kind === "int64" || kind === "uint64") {
    const out = kind === "int64" ? new BigInt64Array(n) : new BigUint64Array(n);
    const w = words(out as BigInt64Array);
    for (let i = 0; i < n; i++) {
      w[2 * i] = codes[i] as number;
      w[2 * i + 1] = (codes[i] as number) < 0 ? -1 : 0;
    }
    return out as BigInt64Array;
  }
  const Ctor = {
    int8: Int8Array,
    int16: Int16Array,
    int32: Int32Array,
    uint8: Uint8Array,
    uint16: Uint16Array,
    uint32: Uint32Array,
  }[kind];
  return new Ctor(codes);
}

/** The column with another ordered flag; codes and dictionary shared (zero-copy). @internal */
export function withOrdered(col: Column<Dictionary>, ordered: boolean): Column<Dictionary> {
  const to = dictionary(col.dtype.index, col.dtype.value, ordered);
  return new Column(
    to,
    col.chunks.map((c) => makeChunk({ ...c, dtype: to, values: c.values as StorageOf<Dictionary> })),
  );
}

/** Options of `categorical`. */
export interface CategoricalOptions {
  /** The categories, in order: unique non-null strings. Default: the sorted distinct values. */
  categories?: readonly string[] | Column;
  /** Whether the order of the categories is meaningful (default false). */
  ordered?: boolean;
}

/**
 * Make a categorical column with given categories and order, as
 * `pd.Categorical(values, categories, ordered)`.
 *
 * Without `categories`, they are the distinct non-null values sorted
 * ascending (as `astype("category")`; numbers and dates by value, then
 * written as text). With `categories`, values not among them become null,
 * as pandas; the categories must be unique non-null strings (an
 * `OptionError` names a repeated or null one). `values` may be JS strings
 * (null/undefined are nulls), a string column, a dictionary column (only
 * its k dictionary entries are looked up, then its codes remapped in one
 * pass) or any other column (cast to text first). The codes are int32
 * (a dictionary input keeps its index dtype, widened only if needed).
 * Cost: one hash lookup per row for strings.
 *
 * @param values - strings or a column
 * @param options - `categories`, `ordered`
 * @returns a dictionary column with one shared dictionary
 * @example
 * ```ts
 * import { categorical, Series } from "ndframe";
 * const c = categorical(["a", "b", "c", "a", "d"], { categories: ["c", "b", "a"], ordered: true });
 * c.toArray(); // => ["a", "b", "c", "a", null]
 * c.dtype.ordered; // => true
 * new Series(c).min(); // => "c"
 * new Series(c).cat.categories.toArray(); // => ["c", "b", "a"]
 * ```
 */
export function categorical(
  values: Column | readonly unknown[],
  options?: CategoricalOptions,
): Column<Dictionary> {
  const o = options ?? {};
  if (typeof o !== "object" || o === null) throw new OptionError(`categorical: invalid options ${show(o)}`);
  for (const k of Object.keys(o)) {
    if (k !== "categories" && k !== "ordered")
      throw new OptionError(
        `categorical: unknown option ${JSON.stringify(k)} (expected one of categories, ordered)`,
      );
  }
  if (o.ordered !== undefined && typeof o.ordered !== "boolean")
    throw new OptionError(`categorical: invalid ordered: ${show(o.ordered)} (expected true or false)`);
  const ordered = o.ordered ?? false;
  let col: Column;
  if (values instanceof Column) col = values;
  else if (Array.isArray(values)) col = column(values, utf8);
  else throw new DTypeError(`categorical: values must be an array or a Column, got ${show(values)}`);
  const target = dictionary(
    int32,
    col.dtype.kind === "dictionary" ? (col.dtype as Dictionary).value : utf8,
    ordered,
  );
  if (o.categories === undefined) {
    if (col.dtype.kind === "dictionary")
      return withOrdered(unifyDictionaries(col as Column<Dictionary>), ordered);
    return castColumn(col, target, SAFE) as Column<Dictionary>;
  }
  const cats = checkCategories("categorical", o.categories);
  const dict = stringColumn(cats, target.value);
  if (col.dtype.kind === "dictionary") {
    const u = unifyDictionaries(col as Column<Dictionary>);
    const lookup = factorizeBase(dict).lookup(castColumn(dictionaryOf(u), target.value, SAFE));
    return recode(u, dict, lookup, ordered);
  }
  const text = isString(col.dtype) ? col : castColumn(col, target.value, SAFE);
  const codes = factorizeBase(dict).lookup(castColumn(text, target.value, SAFE));
  // codes are -1 for nulls and for values outside the categories: both become null
  const bits = new Uint8Array(bitmapBytes(codes.length));
  for (let i = 0; i < codes.length; i++) {
    if ((codes[i] as number) >= 0) bits[i >>> 3] |= 1 << (i & 7);
    else codes[i] = 0;
  }
  return Column.fromChunk(
    makeChunk({
      dtype: target,
      length: codes.length,
      values: codes as StorageOf<Dictionary>,
      validity: bits,
      dictionary: dict,
    }),
  );
}

// ---------------------------------------------------------------------------
// Counting (valueCounts)

function countI8(src: Int8Array, counts: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) counts[src[i] as number]++;
}
function countI16(src: Int16Array, counts: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) counts[src[i] as number]++;
}
function countI32(src: Int32Array, counts: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) counts[src[i] as number]++;
}

/**
 * Rows per category of a unified column (length k, plus one for the nulls
 * when `withNull`). One pass over the codes; rows under nulls are skipped.
 * @internal
 */
export function categoryCounts(col: Column<Dictionary>, withNull: boolean): Float64Array {
  const k = dictionaryOf(col).length;
  const counts = new Float64Array(k + (withNull ? 1 : 0));
  for (const c of col.chunks) {
    const n = c.length;
    const v = c.values;
    if (c.validity === null && v instanceof Int32Array) countI32(v, counts, n);
    else if (c.validity === null && v instanceof Int8Array) countI8(v, counts, n);
    else if (c.validity === null && v instanceof Int16Array) countI16(v, counts, n);
    else {
      const src = readCodes(c);
      const s = v instanceof BigInt64Array || v instanceof BigUint64Array ? 2 : 1;
      const valid = c.validity;
      for (let i = 0; i < n; i++) {
        const j = c.offset + i;
        if (valid !== null && (((valid[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
        counts[src[s * i] as number]++;
      }
    }
    if (withNull) counts[k] = (counts[k] as number) + c.nullCount;
  }
  return counts;
}

/**
 * The categories at positions `order` as a dictionary column over the same
 * dictionary (position k: a null). @internal
 */
export function categoryValues(col: Column<Dictionary>, order: Int32Array): Column<Dictionary> {
  const dict = dictionaryOf(col);
  const k = dict.length;
  const n = order.length;
  const codes = new Int32Array(n);
  const bits = new Uint8Array(bitmapBytes(n));
  for (let j = 0; j < n; j++) {
    const p = order[j] as number;
    if (p < k) {
      codes[j] = p;
      bits[j >>> 3] |= 1 << (j & 7);
    }
  }
  return Column.fromChunk(
    makeChunk({
      dtype: col.dtype,
      length: n,
      values: storeAs(codes, col.dtype.index) as StorageOf<Dictionary>,
      validity: bits,
      dictionary: dict,
    }),
  );
}

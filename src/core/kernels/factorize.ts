/**
 * `factorize` and `factorizeMany`: values → dense int32 codes plus the
 * unique values, the first phase of group-by, joins, unique, isin and
 * duplicated (DESIGN §4).
 */

import { keyword, maybeBoolean, show } from "../../util/is.js";
import { packBits, unpackBits } from "../bitmap.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { arrayType, type Dictionary, type DType, type StringType } from "../dtype.js";
import { DTypeError } from "../errors.js";
import { words } from "../int64.js";
import { gatherRows, offsetsFrom, sortOrder } from "./factorize-support.js";
import { DirectTable, Int32Table, Word64Table } from "./hash.js";
import { BytesTable } from "./hash-bytes.js";

/** Codes and uniques: `uniques[codes[i]]` is element `i` (code -1: an excluded null). */
export interface Factorized<T extends DType = DType> {
  codes: Int32Array;
  uniques: Column<T>;
}

/** Options of `factorize` and `factorizeMany`. */
export interface FactorizeOptions {
  /** `"exclude"` (default): nulls get code -1; `"code"`: the null is one more unique. */
  nulls?: "exclude" | "code";
  /** Order the uniques ascending (nulls last) instead of by first appearance. */
  sort?: boolean;
}

/**
 * The factorization every variant derives from: nulls excluded, uniques in
 * order of first appearance, plus a probe that codes other labels of the
 * same dtype against the same table (-1 when absent or null).
 * @internal
 */
export interface BaseFactorization extends Factorized {
  firstNull: number;
  lookup(labels: Column): Int32Array;
}

// Columns are immutable, so a factorization is cached per column object.
const CACHE = new WeakMap<Column, Map<string, Factorized | BaseFactorization>>();

function cached<R extends Factorized>(col: Column, key: string, make: () => R): R {
  let m = CACHE.get(col);
  if (m === undefined) {
    m = new Map();
    CACHE.set(col, m);
  }
  let r = m.get(key) as R | undefined;
  if (r === undefined) {
    r = make();
    m.set(key, r);
  }
  return r;
}

function firstNullOf(col: Column): number {
  if (col.nullCount === 0) return -1;
  let at = 0;
  for (const c of col.chunks) {
    if (c.validity !== null) {
      for (let i = 0; i < c.length; i++) {
        if ((((c.validity[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) === 0)
          return at + i;
      }
    }
    at += c.length;
  }
  return -1;
}

function chunkOf<T extends DType>(dtype: T, length: number, values: unknown, extra?: object): Column<T> {
  return Column.fromChunk(makeChunk({ dtype, length, values: values as StorageOf<T>, ...extra }));
}

/** Run `each(chunk, at)` over every chunk, `at` being the chunk's first row. */
function overChunks(col: Column, each: (c: Chunk, at: number) => void): void {
  let at = 0;
  for (const c of col.chunks) {
    each(c, at);
    at += c.length;
  }
}

/** Per-chunk probe of `labels` with a table method (insert = false). */
function probe(labels: Column, each: (c: Chunk, out: Int32Array, at: number) => void): Int32Array {
  const out = new Int32Array(labels.length);
  let at = 0;
  for (const c of labels.chunks) {
    each(c, out, at);
    at += c.length;
  }
  return out;
}

const INT32_DIRECT_LIMIT = 1 << 22;

/** Factorize with nulls excluded and uniques in order of appearance (cached). @internal */
export function factorizeBase(col: Column): BaseFactorization {
  return cached(col, "base", () => {
    const r = baseOf(col);
    return { ...r, firstNull: firstNullOf(col) };
  });
}

function baseOf(col: Column): Omit<BaseFactorization, "firstNull"> {
  const n = col.length;
  const codes = new Int32Array(n);
  const d = col.dtype as DType;
  switch (d.kind) {
    case "bool":
    case "int8":
    case "uint8":
    case "int16":
    case "uint16": {
      const [min, range] =
        d.kind === "bool"
          ? [0, 2]
          : d.kind === "int8"
            ? [-128, 256]
            : d.kind === "int16"
              ? [-32768, 65536]
              : [0, d.kind === "uint8" ? 256 : 65536];
      const t = new DirectTable(min, range);
      const small = (c: Chunk) =>
        (d.kind === "bool" ? unpackBits(c.values as Uint8Array, c.offset, c.length) : c.values) as Uint8Array;
      overChunks(col, (c, at) => t.runSmall(small(c), c.validity, c.offset, c.length, codes, at));
      const keys = t.keys.subarray(0, t.size);
      const values = d.kind === "bool" ? packBits(keys) : new (arrayType(d) as Int16ArrayConstructor)(keys);
      const lookup = (labels: Column) =>
        probe(labels, (c, out, at) => {
          const v = small(c);
          for (let i = 0; i < c.length; i++) out[at + i] = t.slots[(v[i] as number) - min] as number;
          maskNulls(c, out, at);
        });
      return { codes, uniques: chunkOf(d, t.size, values), lookup };
    }
    case "int32":
    case "date": {
      // a strided sample of the first chunk too spread for direct addressing skips the full range scan
      if (sampleSpread(col.chunks[0]?.values as Int32Array) > INT32_DIRECT_LIMIT)
        return int32Like(col, codes, false);
      const [min, max] = int32Range(col);
      const range = max - min + 1;
      if (n > 0 && range <= INT32_DIRECT_LIMIT && range <= Math.max(2 * n, 4096)) {
        const t = new DirectTable(min, range);
        overChunks(col, (c, at) => t.run(c.values as Int32Array, c.validity, c.offset, c.length, codes, at));
        const lookup = (labels: Column) =>
          probe(labels, (c, out, at) => {
            const v = c.values as Int32Array;
            for (let i = 0; i < c.length; i++) {
              const k = (v[i] as number) - min;
              out[at + i] = k >= 0 && k < range ? (t.slots[k] as number) : -1;
            }
            maskNulls(c, out, at);
          });
        return { codes, uniques: chunkOf(d, t.size, t.keys.slice(0, t.size)), lookup };
      }
      return int32Like(col, codes, false);
    }
    case "uint32":
      return int32Like(col, codes, false);
    case "float32":
      return int32Like(col, codes, true);
    case "float64":
    case "int64":
    case "uint64":
    case "timestamp":
    case "duration":
    case "time": {
      const t = new Word64Table();
      const float = d.kind === "float64";
      const w = (c: Chunk) => new Int32Array(c.values.buffer, c.values.byteOffset, 2 * c.length);
      const each = (c: Chunk, out: Int32Array, at: number, insert: boolean) =>
        float
          ? t.runFloat64(w(c), c.validity, c.offset, c.length, out, at, insert)
          : t.run(w(c), c.validity, c.offset, c.length, out, at, insert);
      overChunks(col, (c, at) => each(c, codes, at, true));
      const values = new (arrayType(d) as Float64ArrayConstructor)(t.keys.slice(0, 2 * t.size).buffer);
      const lookup = (labels: Column) => probe(labels, (c, out, at) => each(c, out, at, false));
      return { codes, uniques: chunkOf(d, t.size, values), lookup };
    }
    case "utf8":
    case "large_utf8":
    case "binary": {
      const t = new BytesTable();
      const each = (c: Chunk, out: Int32Array, at: number, insert: boolean) =>
        t.run(c.values as Uint8Array, numberOffsets(c), c.validity, c.offset, c.length, out, at, insert);
      overChunks(col, (c, at) => each(c, codes, at, true));
      const valueOffsets = offsetsFrom(t.ends.subarray(0, t.size + 1), d.kind === "large_utf8");
      const uniques = chunkOf(d, t.size, t.pool.slice(0, t.used), { valueOffsets });
      const lookup = (labels: Column) => probe(labels, (c, out, at) => each(c, out, at, false));
      return { codes, uniques, lookup };
    }
    case "dictionary":
      return dictionaryBase(col as Column<Dictionary>, codes);
    case "list":
      throw new DTypeError("cannot hash lists: group, join or deduplicate on their items instead");
  }
}

/** max - min over up to 256 evenly spaced values. */
function sampleSpread(v: Int32Array): number {
  const step = Math.max(1, Math.floor(v.length / 256));
  let min = 2147483647;
  let max = -2147483648;
  for (let i = 0; i < v.length; i += step) {
    const x = v[i] as number;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min;
}

/** Smallest and largest stored int32 (nulls' slots included: harmless, they only widen the range). */
function int32Range(col: Column): [number, number] {
  let min = 2147483647;
  let max = -2147483648;
  for (const c of col.chunks) {
    const v = c.values as Int32Array;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as number;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  return [min, max];
}

function maskNulls(c: Chunk, out: Int32Array, at: number): void {
  const v = c.validity;
  if (v === null) return;
  for (let i = 0; i < c.length; i++) {
    if ((((v[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) === 0) out[at + i] = -1;
  }
}

/** int32 (wide range), uint32 and float32 through a 32-bit view of their bits. */
function int32Like(col: Column, codes: Int32Array, float: boolean): Omit<BaseFactorization, "firstNull"> {
  const t = new Int32Table();
  const bits = (c: Chunk) => new Int32Array(c.values.buffer, c.values.byteOffset, c.length);
  const each = (c: Chunk, out: Int32Array, at: number, insert: boolean) =>
    float
      ? t.runFloat32(bits(c), c.validity, c.offset, c.length, out, at, insert)
      : t.run(bits(c), c.validity, c.offset, c.length, out, at, insert);
  overChunks(col, (c, at) => each(c, codes, at, true));
  const values = new (arrayType(col.dtype) as Int32ArrayConstructor)(t.keys.slice(0, t.size).buffer);
  const lookup = (labels: Column) => probe(labels, (c, out, at) => each(c, out, at, false));
  return { codes, uniques: chunkOf(col.dtype, t.size, values), lookup };
}

/**
 * Dictionaries reuse their codes: the (cached) factorization of the
 * dictionary strings gives each entry a string id, and the used ids are
 * renumbered densely in order of first appearance. Chunks with different
 * dictionaries are unified through one factorization of all dictionaries.
 */
function dictionaryBase(col: Column<Dictionary>, codes: Int32Array): Omit<BaseFactorization, "firstNull"> {
  const dicts: Column<StringType>[] = [];
  const base: number[] = [];
  let total = 0;
  for (const c of col.chunks) {
    const dict = c.dictionary as Column<StringType>;
    let k = dicts.indexOf(dict);
    if (k < 0) {
      k = dicts.push(dict) - 1;
      base[k] = total;
      total += dict.length;
    }
  }
  const all =
    dicts.length === 1
      ? (dicts[0] as Column<StringType>)
      : new Column(
          col.dtype.value,
          dicts.flatMap((x) => x.chunks),
        );
  const strings = factorizeBase(all);
  const sid = strings.codes;
  const remap = new Int32Array(strings.uniques.length).fill(-1);
  const used: number[] = [];
  let at = 0;
  for (const c of col.chunks) {
    const b = base[dicts.indexOf(c.dictionary as Column<StringType>)] as number;
    const big = c.values instanceof BigInt64Array || c.values instanceof BigUint64Array;
    const v = big ? words(c.values as BigInt64Array) : (c.values as Int32Array);
    const stride = big ? 2 : 1;
    const valid = c.validity;
    for (let i = 0; i < c.length; i++) {
      if (valid !== null && (((valid[(c.offset + i) >>> 3] as number) >>> ((c.offset + i) & 7)) & 1) === 0) {
        codes[at + i] = -1;
        continue;
      }
      const s = sid[b + (v[stride * i] as number)] as number;
      let r = remap[s] as number;
      if (r === -1) r = remap[s] = used.push(s) - 1;
      codes[at + i] = r;
    }
    at += c.length;
  }
  const dtype = col.dtype;
  const idx = new (arrayType(dtype.index) as Int32ArrayConstructor)(used.length);
  if (idx instanceof BigInt64Array || idx instanceof BigUint64Array) {
    const w = words(idx);
    for (let j = 0; j < used.length; j++) w[2 * j] = used[j] as number;
  } else idx.set(used);
  const uniques = chunkOf(dtype, used.length, idx, { dictionary: strings.uniques });
  const lookup = (labels: Column) => {
    // labels are strings (or a dictionary, decoded): string id → dense code
    const lab = labels.dtype.kind === "dictionary" ? decode(labels as Column<Dictionary>) : labels;
    const ids = strings.lookup(lab);
    for (let i = 0; i < ids.length; i++) {
      const s = ids[i] as number;
      ids[i] = s < 0 ? -1 : (remap[s] as number);
    }
    return ids;
  };
  return { codes, uniques, lookup };
}

/** A dictionary column's values as a plain string column (a copy). @internal */
export function decode(col: Column<Dictionary>): Column<StringType> {
  const out = col.chunks.map((c) => {
    const idx = new Int32Array(c.length);
    const v = c.values as ArrayLike<number | bigint>;
    for (let i = 0; i < c.length; i++) idx[i] = Number(v[i]);
    maskNulls(c, idx, 0);
    return gatherRows((c.dictionary as Column<StringType>).combine(), idx).chunks[0] as Chunk<StringType>;
  });
  return new Column(col.dtype.value, out);
}

/**
 * The factorization with the requested null handling and order, shared
 * through the cache: callers must not mutate `codes`. @internal
 */
export function factorizeShared(col: Column, nulls: "exclude" | "code", sort: boolean): Factorized {
  const base = factorizeBase(col);
  if (!sort && (nulls === "exclude" || base.firstNull < 0)) return base;
  return cached(col, `${nulls}|${sort}`, () => {
    const k = base.uniques.length;
    let order: Int32Array | null = null;
    let rank: Int32Array | null = null;
    if (sort) {
      order = sortOrder(base.uniques.combine());
      rank = new Int32Array(k);
      for (let j = 0; j < k; j++) rank[order[j] as number] = j;
    }
    const src = base.codes;
    let nullCode = -1;
    if (nulls === "code" && base.firstNull >= 0) {
      nullCode = k;
      if (!sort) {
        // codes are in order of appearance: the null comes after every code seen before it
        nullCode = 0;
        for (let i = 0; i < base.firstNull; i++) nullCode = Math.max(nullCode, (src[i] as number) + 1);
      }
    }
    const codes = new Int32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const c = src[i] as number;
      if (c < 0) codes[i] = nullCode;
      else {
        const r = rank === null ? c : (rank[c] as number);
        codes[i] = nullCode >= 0 && r >= nullCode ? r + 1 : r;
      }
    }
    const idx = new Int32Array(k + (nullCode >= 0 ? 1 : 0));
    for (let j = 0, o = 0; j < idx.length; j++) {
      idx[j] = j === nullCode ? -1 : order === null ? o++ : (order[o++] as number);
    }
    return { codes, uniques: gatherRows(base.uniques.combine(), idx) };
  });
}

/** Validate factorize options: [nulls, sort]. @internal */
export function normalizeOptions(options: FactorizeOptions | undefined): ["exclude" | "code", boolean] {
  const o = options ?? {};
  const nulls = o.nulls === undefined ? "exclude" : keyword("nulls", o.nulls, ["exclude", "code"]);
  return [nulls, maybeBoolean("sort", o.sort, false)];
}

/** Throw unless `x` is a Column. @internal */
export function checkColumn(fn: string, x: unknown, name = "col"): Column {
  if (!(x instanceof Column)) throw new DTypeError(`${fn}: ${name} must be a Column, got ${show(x)}`);
  return x;
}

/**
 * Encode a column as dense int32 codes and its unique values, as
 * pandas.factorize.
 *
 * Codes follow the order of first appearance, or the ascending order of
 * the uniques with `sort: true` (NaN after numbers, a null code last).
 * Nulls get code -1 by default (pandas' `use_na_sentinel=True`); with
 * `nulls: "code"` the null is one more unique, a null in `uniques`. NaN is
 * one value and -0 equals 0 (kept as 0). Works for every dtype: int64 and
 * strings are hashed without a BigInt or a JS string per element, and a
 * dictionary column reuses its codes (its uniques stay a dictionary column
 * over the distinct dictionary strings). The result is cached per column
 * (columns are immutable); `codes` is a fresh copy the caller owns.
 * Cost: one pass with an open-addressing hash table (direct addressing for
 * small integer ranges), plus a sort of the uniques when asked.
 *
 * @param col - the values
 * @param options - `nulls` ("exclude" | "code"), `sort` (default false)
 * @returns `{ codes, uniques }` with `uniques[codes[i]]` equal to element `i`
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { factorize } from "ndframe/compute";
 * const { codes, uniques } = factorize(column(["b", "b", "a", "c", "b"]));
 * Array.from(codes); // => [0, 0, 1, 2, 0]
 * uniques.toArray(); // => ["b", "a", "c"]
 * Array.from(factorize(column(["b", "b", "a", "c", "b"]), { sort: true }).codes); // => [1, 1, 0, 2, 1]
 * ```
 */
export function factorize<T extends DType>(col: Column<T>, options?: FactorizeOptions): Factorized<T> {
  checkColumn("factorize", col);
  const [nulls, sort] = normalizeOptions(options);
  const r = factorizeShared(col, nulls, sort);
  return { codes: r.codes.slice(), uniques: r.uniques as Column<T> };
}

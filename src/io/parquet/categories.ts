/**
 * Categories that survive a Parquet round trip. A Parquet file keeps a
 * dictionary column's values, not its categories: readers rebuild them
 * from the values of each row group, so unused categories and their order
 * are lost. ndframe writes each dictionary column's categories and
 * ordered flag into the file's key-value metadata, and on reading maps
 * the decoded codes back onto them: a row group whose dictionary already
 * is the categories in order keeps its buffers; another one's codes are
 * copied, remapped. A file without the key (or whose values are not all
 * among the stored categories) reads as before.
 * @internal
 */
import { getBit, sliceBits } from "../../core/bitmap.js";
import { type Chunk, makeChunk, type StorageOf } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { arrayType, type Dictionary, type DType, dictionary, type StringType } from "../../core/dtype.js";
import { DataFrame } from "../../frame/frame.js";

/** The key-value metadata key. */
export const CATEGORIES_KEY = "ndframe:categories";

/** Categories larger than this (as JSON) are not stored: metadata is read whole with the footer. */
const MAX_JSON = 1 << 20;

/** A dictionary column's categories as stored. */
export interface StoredCategories {
  readonly categories: readonly string[];
  readonly ordered: boolean;
}

/** The JSON to store for the frame's dictionary columns, or null when there is none to store. */
export function categoriesJSON(df: DataFrame): string | null {
  const out: Record<string, StoredCategories> = {};
  let size = 0;
  for (const name of df.columns as string[]) {
    const col = df.column(name);
    if (col.dtype.kind !== "dictionary") continue;
    // one dictionary shared by every chunk: it is the column's categories
    const dict = col.chunks[0]?.dictionary ?? null;
    if (dict === null || col.chunks.some((c) => c.dictionary !== dict)) continue;
    const entry = { categories: dict.toArray() as string[], ordered: (col.dtype as Dictionary).ordered };
    if (entry.categories.some((c) => typeof c !== "string")) continue;
    size += JSON.stringify(entry).length;
    if (size > MAX_JSON) return null;
    out[name] = entry;
  }
  return Object.keys(out).length === 0 ? null : JSON.stringify(out);
}

/** The stored categories by column name, from the metadata text (malformed entries are left out). */
export function parseCategories(text: string | undefined): Map<string, StoredCategories> {
  const out = new Map<string, StoredCategories>();
  if (text === undefined) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof parsed !== "object" || parsed === null) return out;
  for (const [name, v] of Object.entries(parsed as Record<string, unknown>)) {
    const e = v as Partial<StoredCategories> | null;
    if (
      e !== null &&
      Array.isArray(e.categories) &&
      e.categories.every((c) => typeof c === "string") &&
      typeof e.ordered === "boolean"
    )
      out.set(name, { categories: e.categories, ordered: e.ordered });
  }
  return out;
}

/** The frame with its dictionary columns mapped onto their stored categories. */
export function withCategories(df: DataFrame, stored: ReadonlyMap<string, StoredCategories>): DataFrame {
  if (stored.size === 0) return df;
  let changed = false;
  const data = new Map<string, Column>();
  for (const name of df.columns as string[]) {
    const col = df.column(name);
    const s = stored.get(name);
    const mapped = s === undefined || col.dtype.kind !== "dictionary" ? null : remapped(col, s);
    if (mapped !== null) changed = true;
    data.set(name, mapped ?? col);
  }
  return changed ? new DataFrame(data) : df;
}

/** The column's codes mapped onto the stored categories; null when a value is not among them. */
function remapped(col: Column, s: StoredCategories): Column | null {
  const from = col.dtype as Dictionary;
  if (s.categories.length > 2 ** (8 * arrayType(from.index).BYTES_PER_ELEMENT - 1)) return null;
  const index = new Map(s.categories.map((c, i) => [c, i]));
  const dtype = dictionary(from.index, from.value, s.ordered) as DType;
  const cats = textColumn(s.categories, from.value);
  const chunks: Chunk[] = [];
  for (const c of col.chunks) {
    const values = (c.dictionary as Column).toArray() as (string | null)[];
    if (values.length === s.categories.length && values.every((v, i) => v === s.categories[i])) {
      // the row group gives the categories back as they were: its buffers stay as decoded
      chunks.push(makeChunk({ ...c, dtype }));
      continue;
    }
    const table = Int32Array.from(values, (v) => (v === null ? -1 : (index.get(v) ?? -1)));
    const codes = c.values as Int8Array | Int16Array | Int32Array;
    const out = new (arrayType(from.index) as Int32ArrayConstructor)(c.length);
    for (let i = 0; i < c.length; i++) {
      if (c.validity !== null && !getBit(c.validity, c.offset + i)) continue;
      const to = table[codes[c.offset + i] as number] as number;
      if (to < 0) return null;
      out[i] = to;
    }
    chunks.push(
      makeChunk({
        dtype,
        length: c.length,
        values: out as StorageOf<DType>,
        validity: c.validity === null ? null : sliceBits(c.validity, c.offset, c.length),
        nullCount: c.nullCount,
        dictionary: cats,
      }),
    );
  }
  return new Column(dtype, chunks);
}

/** The categories as a text column whose buffers are exactly their size. */
function textColumn(texts: readonly string[], dtype: StringType): Column<StringType> {
  const encoder = new TextEncoder();
  const parts = texts.map((t) => encoder.encode(t));
  const large = dtype.kind === "large_utf8";
  const offsets = large ? new BigInt64Array(parts.length + 1) : new Int32Array(parts.length + 1);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    at += p.length;
    offsets[i + 1] = (large ? BigInt(at) : at) as never;
  });
  return Column.fromChunk(makeChunk({ dtype, length: texts.length, values: bytes, valueOffsets: offsets }));
}

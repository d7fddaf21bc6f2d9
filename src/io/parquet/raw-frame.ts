/**
 * Frames over raw chunks copied out of wasm memory (ffi.ts): the columns
 * view the copied buffers, nothing is copied again.
 * @internal
 */
import type { Chunk, StorageOf } from "../../core/chunk.js";
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { arrayType, type DType, type StringType } from "../../core/dtype.js";
import { DTypeError } from "../../core/errors.js";
import { DataFrame } from "../../frame/frame.js";
import { dtypeOfField, type RawChunk, type RawField } from "./ffi.js";

/** The chunk viewing a raw chunk's buffers. */
function chunkOfRaw(raw: RawChunk, dtype: DType): Chunk {
  // a dictionary's codes in its index type
  const values = new (arrayType(dtype))(raw.values) as StorageOf<DType>;
  let dict: Column<StringType> | null = null;
  if (dtype.kind === "dictionary") {
    if (raw.dictionary === null) throw new DTypeError("Arrow dictionary array without its dictionary");
    dict = new Column(dtype.value, [chunkOfRaw(raw.dictionary, dtype.value) as Chunk<StringType>]);
  }
  const offsets = raw.valueOffsets;
  return makeChunk({
    dtype,
    length: raw.length,
    offset: raw.offset,
    values,
    validity: raw.validity === null ? null : new Uint8Array(raw.validity),
    ...(raw.nullCount >= 0 ? { nullCount: raw.nullCount } : {}),
    valueOffsets:
      offsets === null
        ? null
        : dtype.kind === "large_utf8"
          ? new BigInt64Array(offsets)
          : new Int32Array(offsets),
    dictionary: dict,
  });
}

/**
 * The frame of decoded row groups, with the columns in the order of
 * `fields` (row groups come with their fields in file order).
 */
export function frameOfRowGroups(
  fields: readonly RawField[],
  groups: readonly {
    readonly fields: readonly RawField[];
    readonly batches: readonly (readonly RawChunk[])[];
  }[],
): DataFrame {
  const batches: RawChunk[][] = [];
  for (const g of groups) {
    const at = fields.map((f) => g.fields.findIndex((d) => d.name === f.name));
    for (const b of g.batches) batches.push(at.map((i) => b[i] as RawChunk));
  }
  return frameOfRaw(fields, batches);
}

/**
 * The frame of record batches (each a list of raw chunks, one per field):
 * one chunk per batch in every column. An empty list gives a frame of the
 * fields with no rows.
 */
function frameOfRaw(fields: readonly RawField[], batches: readonly (readonly RawChunk[])[]): DataFrame {
  const data = new Map<string, Column>();
  fields.forEach((f, i) => {
    const dtype = dtypeOfField(f);
    const chunks = batches.map((b) => chunkOfRaw(b[i] as RawChunk, dtype));
    data.set(f.name, new Column(dtype, chunks));
  });
  return new DataFrame(data);
}

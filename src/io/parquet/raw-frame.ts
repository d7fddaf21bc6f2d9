/**
 * Frames over raw chunks copied out of wasm memory (ffi.ts): the columns
 * view the copied buffers, nothing is copied again.
 * @internal
 */
import type { Chunk, StorageOf } from "../../core/chunk.js";
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import {
  binary,
  bool,
  type DType,
  date,
  dictionary,
  duration,
  float32,
  float64,
  type IntegerType,
  int8,
  int16,
  int32,
  int64,
  largeUtf8,
  type StringType,
  type TimeUnit,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "../../core/dtype.js";
import { DTypeError } from "../../core/errors.js";
import { DataFrame } from "../../frame/frame.js";
import { checkField, type RawChunk, type RawField } from "./ffi.js";

const SIMPLE: Record<string, DType> = {
  b: bool,
  c: int8,
  C: uint8,
  s: int16,
  S: uint16,
  i: int32,
  I: uint32,
  l: int64,
  L: uint64,
  f: float32,
  g: float64,
  u: utf8,
  U: largeUtf8,
  z: binary,
  tdD: date,
};
const UNITS: Record<string, TimeUnit> = { s: "s", m: "ms", u: "us", n: "ns" };

/** The dtype of an exported field; a DTypeError naming the column when ndframe cannot hold it. */
export function dtypeOfField(f: RawField): DType {
  checkField(f);
  if (f.dictionary !== null) {
    const index = SIMPLE[f.format] as IntegerType;
    return dictionary(index, SIMPLE[f.dictionary.format] as StringType, f.ordered);
  }
  const simple = SIMPLE[f.format];
  if (simple !== undefined) return simple;
  const unit = UNITS[f.format[2] as string] as TimeUnit;
  // "tsu:UTC" is a timestamp in microseconds with a zone; "tsu:" has none
  if (f.format.startsWith("ts")) return timestamp(unit, f.format.slice(4) || null);
  return duration(unit);
}

const VIEWS: Partial<Record<DType["kind"], new (b: ArrayBuffer) => StorageOf<DType>>> = {
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
  date: Int32Array,
  timestamp: BigInt64Array,
  duration: BigInt64Array,
};

/** The chunk viewing a raw chunk's buffers. */
function chunkOfRaw(raw: RawChunk, dtype: DType): Chunk {
  let values: StorageOf<DType>;
  let dict: Column<StringType> | null = null;
  if (dtype.kind === "dictionary") {
    values = new (VIEWS[dtype.index.kind] ?? Uint8Array)(raw.values);
    if (raw.dictionary === null) throw new DTypeError("Arrow dictionary array without its dictionary");
    dict = new Column(dtype.value, [chunkOfRaw(raw.dictionary, dtype.value) as Chunk<StringType>]);
  } else {
    values = new (VIEWS[dtype.kind] ?? Uint8Array)(raw.values);
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

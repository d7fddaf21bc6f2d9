/**
 * Decoding Parquet row groups with parquet-wasm, one row group at a time
 * so that wasm memory holds one decoded row group, not the file. Runs on
 * the caller's thread and in decode workers alike.
 * @internal
 */
import { IOError } from "../../core/errors.js";
import { FFIReader, type RawChunk, type RawField } from "./ffi.js";
import type { ParquetFile, Table, Wasm } from "./wasm.js";

/** One row group of a file, as the metadata describes it. */
export interface RowGroupInfo {
  readonly numRows: number;
  readonly compressedSize: number;
}

/** A decoded row group: the projected fields in file order, and its batches (each one raw chunk per field). */
export interface DecodedRowGroup {
  readonly fields: RawField[];
  readonly batches: RawChunk[][];
}

/** A parquet-wasm error as an IOError that names the source. */
export function wasmError(what: string, e: unknown, doing: string): IOError {
  const msg = e instanceof Error ? e.message : String(e);
  return new IOError(`${what}: ${doing}: ${msg}`);
}

/** Open a Parquet Blob, reading its footer (the bytes are read in ranges as row groups are decoded). */
export async function openFile(pw: Wasm, blob: Blob, what: string): Promise<ParquetFile> {
  try {
    return await pw.ParquetFile.fromFile(blob);
  } catch (e) {
    throw wasmError(what, e, "the Parquet metadata is corrupted");
  }
}

/** The fields of the file's schema, in file order. */
export function fileFields(pw: Wasm, file: ParquetFile): RawField[] {
  const schema = file.schema().intoFFI();
  try {
    return new FFIReader(pw.wasmMemory().buffer as ArrayBuffer).fields(schema.addr());
  } finally {
    schema.free();
  }
}

/** The file's row groups. */
export function rowGroupsOf(file: ParquetFile): RowGroupInfo[] {
  const meta = file.metadata();
  try {
    return meta.rowGroups().map((rg) => {
      const info = { numRows: rg.numRows(), compressedSize: rg.compressedSize() };
      rg.free();
      return info;
    });
  } finally {
    meta.free();
  }
}

/**
 * Decode row group `index` (of `rows` rows), keeping `columns` (all when
 * null), and copy its buffers out of wasm memory.
 */
export async function decodeRowGroup(
  pw: Wasm,
  file: ParquetFile,
  index: number,
  rows: number,
  columns: readonly string[] | null,
  what: string,
): Promise<DecodedRowGroup> {
  let table: Table;
  try {
    table = await file.read({
      rowGroups: [index],
      // one batch per row group; a larger batch size would make the reader reserve memory it never fills
      batchSize: Math.max(1, rows),
      ...(columns === null ? {} : { columns: [...columns] }),
    });
  } catch (e) {
    throw wasmError(what, e, `row group ${index} is corrupted`);
  }
  const stream = table.intoFFI();
  try {
    // the memory may have grown while decoding: take its buffer now
    const reader = new FFIReader(pw.wasmMemory().buffer as ArrayBuffer);
    const fields = reader.fields(stream.schemaAddr());
    // one batch, or none for an empty row group
    return { fields, batches: Array.from(stream.arrayAddrs(), (addr) => reader.columns(addr, fields)) };
  } finally {
    stream.drop();
  }
}

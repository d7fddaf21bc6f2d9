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

/** The file's key-value metadata. */
export function keyValue(file: ParquetFile): Map<string, string> {
  const meta = file.metadata();
  try {
    const f = meta.fileMetadata();
    try {
      return f.keyValueMetadata() as Map<string, string>;
    } finally {
      f.free();
    }
  } finally {
    meta.free();
  }
}

/** Where a row group's bytes come from: the whole file in memory, or an open file read in ranges. */
export type RowGroupSource = { readonly bytes: Uint8Array } | { readonly file: ParquetFile };

/**
 * Decode row group `index` (of `rows` rows), keeping `columns` (all when
 * null), and copy its buffers out of wasm memory. From bytes in memory
 * parquet-wasm decodes synchronously (it copies the file into wasm memory
 * for the call, which costs little next to the decode) and reports a
 * corrupted page as an error; its asynchronous range reader can instead
 * trap on one, which is why callers run it on worker threads where they can.
 */
export async function decodeRowGroup(
  pw: Wasm,
  src: RowGroupSource,
  index: number,
  rows: number,
  columns: readonly string[] | null,
  what: string,
): Promise<DecodedRowGroup> {
  const options = {
    rowGroups: [index],
    // one batch per row group; a larger batch size would make the reader reserve memory it never fills
    batchSize: Math.max(1, rows),
    ...(columns === null ? {} : { columns: [...columns] }),
  };
  let table: Table;
  try {
    table = "bytes" in src ? pw.readParquet(src.bytes, options) : await src.file.read(options);
  } catch (e) {
    throw wasmError(what, e, `row group ${index} is corrupted`);
  }
  const stream = table.intoFFI();
  try {
    // the memory may have grown while decoding: take its buffer now
    const reader = new FFIReader(pw.wasmMemory().buffer as ArrayBuffer);
    const all = reader.fields(stream.schemaAddr());
    // parquet-wasm 0.8's synchronous reader decodes every column whatever `columns` says: copy out only those asked
    const at = all.flatMap((f, i) => (columns === null || columns.includes(f.name) ? [i] : []));
    const fields = at.map((i) => all[i] as RawField);
    // one batch, or none for an empty row group
    return { fields, batches: Array.from(stream.arrayAddrs(), (addr) => reader.columns(addr, all, at)) };
  } finally {
    stream.drop();
  }
}

/**
 * Parquet files by path, for the Node entry: reads decoded on worker
 * threads, scans and writes that stream the file.
 */
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import type { DataFrame } from "../frame/frame.js";
import { type ReadParquetOptions, readParquetWith } from "../io/parquet/read-parquet.js";
import { type ScanParquetOptions, scanParquetWith } from "../io/parquet/scan-parquet.js";
import {
  type FrameSource,
  parquetPieces,
  type ToParquetOptions,
  writeParquet as writeAny,
} from "../io/parquet/write-parquet.js";
import type { ByteSource } from "../io/source.js";
import { fileBytes, fileError, fileSize, pathOf, writeFile } from "./files.js";
import { WorkerPool } from "./parquet-pool.js";
import { defaultThreads } from "./worker-boot.js";

// Decode workers are a process-wide resource, started on the first read that wants them.
const pool = new WorkerPool();

/** Files up to this size are read whole (faster than many range reads); larger ones in ranges. */
const WHOLE = 512 * 2 ** 20;

/** A file-backed Blob of a path, read in ranges as it is used. */
async function fileBlob(path: string, what: string): Promise<Blob> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileError(what, path, e);
  }
  // openAsBlob accepts a directory and fails only when the Blob is read
  if (info.isDirectory()) throw fileError(what, path, { code: "EISDIR" });
  try {
    return await openAsBlob(path);
  } catch (e) {
    throw fileError(what, path, e);
  }
}

/**
 * Read a Parquet file from a path, or any source the isomorphic
 * readParquet takes. Row groups are decoded on `threads` threads at once
 * (default: the cores, at most 4; the caller's thread is one of them).
 * A file of up to 512 MiB is read whole first; a larger one is read in
 * ranges, only the row groups and columns asked for.
 *
 * @param source - a path, a file: URL, or any source of the isomorphic readParquet
 * @param options - `columns`, `rowGroups`, `threads`
 * @returns the frame
 * @example
 * ```ts
 * import { readParquet } from "ndframe/node";
 * const flights = await readParquet("node_modules/vega-datasets/data/flights-3m.parquet", { columns: ["delay"] });
 * flights.shape; // => [3000000, 1]
 * ```
 */
export async function readParquet(source: ByteSource, options?: ReadParquetOptions): Promise<DataFrame> {
  const what = "readParquet";
  const path = pathOf(source);
  if (path === null) return readParquetWith(source, options, pool.over(null), defaultThreads());
  if ((await fileSize(path, what)) <= WHOLE)
    return readParquetWith(await fileBytes(path, what), options, pool.over(null), defaultThreads());
  const blob = await fileBlob(path, what);
  return readParquetWith(blob, options, pool.over(path), defaultThreads(), false);
}

/**
 * Read a Parquet file from a path (or any source the isomorphic
 * scanParquet takes) as frames, one per row group. The file is read in
 * ranges, one row group at a time, so memory stays bounded by the row
 * group size.
 *
 * @param source - a path, a file: URL, or any source of the isomorphic scanParquet
 * @param options - `columns`, `rowGroups`, `onProgress`
 * @returns an async iterable of frames
 * @example
 * ```ts
 * import { scanParquet } from "ndframe/node";
 * let rows = 0;
 * for await (const batch of scanParquet("node_modules/vega-datasets/data/flights-3m.parquet", { columns: ["delay"] }))
 *   rows += batch.shape[0];
 * rows; // => 3000000
 * ```
 */
export async function* scanParquet(
  source: ByteSource,
  options?: ScanParquetOptions,
): AsyncGenerator<DataFrame> {
  const path = pathOf(source);
  if (path === null) {
    yield* scanParquetWith(source, options, null);
    return;
  }
  // decoded on a worker thread, which survives a corrupted page that traps parquet-wasm's range reader
  yield* scanParquetWith(await fileBlob(path, "scanParquet"), options, pool.over(path));
}

/**
 * Write frames as one Parquet file to a path (or a WritableStream, as the
 * isomorphic writeParquet): a frame, or the batches of an (async)
 * iterable such as `scanCSV`, which must share the first batch's columns
 * and dtypes. Row groups are written as they fill, so converting a file
 * larger than memory works: `await writeParquet(scanCSV("big.csv"), "big.parquet")`.
 *
 * @param frames - a frame, or an iterable or async iterable of frames
 * @param dest - a file path, a file: URL, or a WritableStream
 * @param options - see `ToParquetOptions`
 * @returns when the file is written and closed
 * @example
 * ```ts
 * import { DataFrame, readParquet, writeParquet } from "ndframe/node";
 * import { mkdtempSync } from "node:fs";
 * import { join } from "node:path";
 * import { tmpdir } from "node:os";
 * const path = join(mkdtempSync(join(tmpdir(), "ndframe-")), "out.parquet");
 * await writeParquet([new DataFrame({ a: [1, 2] }), new DataFrame({ a: [3] })], path);
 * (await readParquet(path)).get("a").toArray(); // => [1, 2, 3]
 * ```
 */
export async function writeParquet(
  frames: FrameSource,
  dest: string | URL | WritableStream<Uint8Array>,
  options?: ToParquetOptions,
): Promise<void> {
  const path = pathOf(dest);
  if (path === null) return writeAny(frames, dest as WritableStream<Uint8Array>, options);
  await writeFile(path, parquetPieces(frames, options, "writeParquet"), "writeParquet");
}

/**
 * readCSV and scanCSV for Node: the isomorphic readers, plus file paths
 * (and file: URLs), read chunk by chunk so that memory holds the columns
 * and one chunk, not the file.
 */
import type { DataFrame } from "../frame/frame.js";
import { frameFrom } from "../io/csv/finish-frame.js";
import { csvSettings, type ReadCSVOptions } from "../io/csv/options.js";
import { parseCSV, readCSV as readAny } from "../io/csv/read-csv.js";
import {
  csvFrames,
  readWhole,
  type ScanCSVOptions,
  scanCSV as scanAny,
  scanSettings,
} from "../io/csv/scan-csv.js";
import { csvBatches, type ToCSVOptions, writeCSV as writeAny } from "../io/csv/write-csv.js";
import type { ByteSource } from "../io/source.js";
import { readParallel } from "./csv-parallel.js";
import { fileBytes, fileChunks, fileSize, pathOf, writeFile } from "./files.js";
import { defaultThreads } from "./worker-boot.js";

/**
 * Read CSV from a file path, a file: URL, or any source `readCSV` takes
 * (bytes, Blob, Response, http URL, stream) into a DataFrame. A file is
 * read in 4 MiB chunks, never whole; the options and rules are readCSV's.
 * A file of 16 MiB or more is read in parts on `threads` worker threads
 * at once (default: the cores, at most 4), each part's columns becoming
 * chunks of the frame's columns; the frame, its dtypes and its errors are
 * those of one pass, which the read falls back to when the parts cannot
 * give them (a quoted line break where the file was split, text in a
 * column one part read as numbers, an error to report with its line).
 *
 * @param source - a path, or any source of the isomorphic readCSV
 * @param options - see `ReadCSVOptions`, and `threads`
 * @returns the frame
 * @example
 * ```ts
 * import { readCSV } from "ndframe/node";
 * const df = await readCSV("node_modules/vega-datasets/data/seattle-weather.csv");
 * df.shape; // => [1461, 6]
 * ```
 */
export async function readCSV(source: ByteSource, options?: ReadCSVOptions): Promise<DataFrame> {
  const path = pathOf(source);
  if (path === null) return readAny(source, options);
  // papaparse reads whole text: the file's bytes, read once
  if (options?.engine === "papaparse") return parseCSV(await fileBytes(path, "readCSV"), options);
  const { threads, ...rest } = options ?? {};
  const { settings } = scanSettings(rest);
  const size = await fileSize(path, "readCSV");
  const n = threads === undefined ? defaultThreads() : (csvSettings({ threads }).threads ?? 1);
  const parts = await readParallel(path, rest, settings, size, n);
  if (parts !== null) return frameFrom(parts, settings, "readCSV");
  const again = (from: number) => fileChunks(path, "readCSV", from);
  return readWhole(fileChunks(path, "readCSV"), settings, again, size);
}

/**
 * Read CSV in batches of rows from a file path or any source `scanCSV`
 * takes; see the isomorphic `scanCSV`. Progress reports the file's size.
 *
 * @param source - a path, or any source of the isomorphic scanCSV
 * @param options - readCSV's options, `batchSize` and `onProgress`
 * @returns an async iterable of frames
 * @example
 * ```ts
 * import { scanCSV } from "ndframe/node";
 * let rows = 0;
 * for await (const batch of scanCSV("node_modules/vega-datasets/data/seattle-weather.csv", { batchSize: 500 })) rows += batch.shape[0];
 * rows; // => 1461
 * ```
 */
export async function* scanCSV(source: ByteSource, options?: ScanCSVOptions): AsyncGenerator<DataFrame> {
  const path = pathOf(source);
  if (path === null) {
    yield* scanAny(source, options);
    return;
  }
  const { settings, batchRows, progress } = scanSettings(options);
  const total = await fileSize(path, "scanCSV");
  yield* csvFrames(
    fileChunks(path, "scanCSV"),
    settings,
    batchRows,
    (from) => fileChunks(path, "scanCSV", from),
    total,
    progress,
  );
}

/**
 * Write a frame as CSV to a file path (or a WritableStream, as the
 * isomorphic `writeCSV`), a batch of rows at a time.
 *
 * @param df - the frame
 * @param dest - a file path, a file: URL, or a WritableStream
 * @param options - see `ToCSVOptions`
 * @returns when the file is written and closed
 * @example
 * ```ts
 * import { DataFrame, readCSV, writeCSV } from "ndframe/node";
 * import { mkdtempSync } from "node:fs";
 * import { join } from "node:path";
 * import { tmpdir } from "node:os";
 * const path = join(mkdtempSync(join(tmpdir(), "ndframe-")), "out.csv");
 * await writeCSV(new DataFrame({ a: [1, 2] }), path);
 * (await readCSV(path)).get("a").toArray(); // => [1, 2]
 * ```
 */
export async function writeCSV(
  df: DataFrame,
  dest: string | URL | WritableStream<Uint8Array>,
  options?: ToCSVOptions,
): Promise<void> {
  const path = pathOf(dest);
  if (path === null) return writeAny(df, dest as WritableStream<Uint8Array>, options);
  const pieces = csvBatches(df, options);
  await writeFile(path, pieces, "writeCSV");
}

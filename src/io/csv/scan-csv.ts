/**
 * `scanCSV`: CSV read in batches of rows, as DataFrames, so that a job
 * converts or filters a file larger than the memory it uses. Also the
 * chunked reading behind `readCSV` of Blobs and (through ndframe/node)
 * file paths.
 */
import { OptionError } from "../../core/errors.js";
import type { DataFrame } from "../../frame/frame.js";
import { isObject, show } from "../../util/is.js";
import { type ByteSource, byteChunks } from "../source.js";
import { frameFrom } from "./finish-frame.js";
import {
  type CsvSettings,
  csvSettings,
  engineOptions,
  oneThread,
  type ReadCSVOptions,
  textRules,
} from "./options.js";
import { CsvCore, columnsOf, type FastResult, type Pending, prefixReader } from "./read-fast.js";

/** How far a scan has come: bytes and rows read, and the input's size when known. */
export interface ScanProgress {
  bytes: number;
  rows: number;
  totalBytes: number | null;
}

/** Options of `scanCSV`: readCSV's, plus the batch size and a progress callback. */
export interface ScanCSVOptions extends ReadCSVOptions {
  /** Rows per frame (default 100000). */
  batchSize?: number;
  /** Called after each chunk of input is read. */
  onProgress?: (p: ScanProgress) => void;
}

/** Gives the input's bytes again from an absolute offset (files, Blobs); null for one-shot streams. */
export type Reread = ((from: number) => AsyncIterable<Uint8Array>) | null;

/**
 * Read CSV in batches of rows: each batch is a DataFrame with the same
 * columns. The first batch's dtypes hold for every later batch; a later
 * value that does not fit (text in a column inferred as numbers, an integer
 * past int32) raises a `ParseError` naming line and column, which `dtypes`
 * avoids. Memory stays bounded by the batch size: the input is read chunk
 * by chunk (a one-shot stream's bytes are kept only while the first batch
 * is read). The fast engine only.
 *
 * @param source - bytes, a Blob, a Response, a URL or a stream (file paths: `ndframe/node`)
 * @param options - readCSV's options, `batchSize` (rows, default 100000) and `onProgress`
 * @returns an async iterable of frames
 * @example
 * ```ts
 * import { scanCSV } from "ndframe";
 * const bytes = new TextEncoder().encode("k,v\na,1\nb,2\nc,3\n");
 * const sizes = [];
 * for await (const batch of scanCSV(bytes, { batchSize: 2 })) sizes.push(batch.shape[0]);
 * sizes; // => [2, 1]
 * ```
 */
export function scanCSV(source: ByteSource, options?: ScanCSVOptions): AsyncGenerator<DataFrame> {
  const { settings, batchRows, progress } = scanSettings(options);
  return csvFrames(
    byteChunks(source, "scanCSV"),
    settings,
    batchRows,
    rereadOf(source),
    sizeOf(source),
    progress,
  );
}

/** Split scanCSV's own options from readCSV's. @internal */
export function scanSettings(options: ScanCSVOptions | undefined) {
  if (options !== undefined && !isObject(options))
    throw new OptionError(`scanCSV: options must be an object, got ${show(options)}`);
  const { batchSize, onProgress, ...rest }: ScanCSVOptions = options ?? {};
  const batchRows = batchSize ?? 100000;
  if (!Number.isSafeInteger(batchRows) || batchRows < 1)
    throw new OptionError(`invalid batchSize: ${show(batchSize)} (expected a positive integer)`);
  if (onProgress !== undefined && typeof onProgress !== "function")
    throw new OptionError(`invalid onProgress: ${show(onProgress)} (expected a function)`);
  const settings = csvSettings(rest);
  oneThread(settings, "scanCSV");
  if (settings.engine !== "fast")
    throw new OptionError('scanCSV reads with the fast engine only (engine: "fast")');
  return { settings, batchRows, progress: onProgress ?? null };
}

/** Re-reading for Blobs; other isomorphic sources are one-shot (bytes are re-read from memory). */
function rereadOf(source: ByteSource): Reread {
  if (typeof Blob !== "undefined" && source instanceof Blob)
    return (from) => byteChunks(source.slice(from), "scanCSV");
  return null;
}

function sizeOf(source: ByteSource): number | null {
  if (typeof Blob !== "undefined" && source instanceof Blob) return source.size;
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return source.byteLength;
  return null;
}

/**
 * Frames from chunks of CSV bytes, `batchRows` rows each. Restarted columns
 * re-read their prefix through `reread`, or from the chunks kept while the
 * first batch is read when the input is one-shot.
 * @internal
 */
export async function* csvFrames(
  chunks: AsyncIterable<Uint8Array>,
  s: CsvSettings,
  batchRows: number,
  reread: Reread,
  totalBytes: number | null,
  progress: ((p: ScanProgress) => void) | null,
): AsyncGenerator<DataFrame> {
  const rules = textRules(s);
  const core = new CsvCore(engineOptions(s, s.delimiter ?? -1), rules, batchRows, totalBytes);
  // one-shot input: the first batch's chunks, for its restarted columns
  let kept: { at: number; bytes: Uint8Array }[] | null = reread === null ? [] : null;
  let offset = 0;
  const finish = async (p: Pending): Promise<FastResult> => {
    const prefix = prefixReader(p, rules);
    if (prefix !== null) {
      const from = reread === null ? keptFrom(kept ?? [], p.start) : reread(p.start);
      for await (const c of from) if (prefix.feed(c)) break;
      prefix.close();
    }
    kept = null;
    return columnsOf(p);
  };
  for await (const chunk of chunks) {
    kept?.push({ at: offset, bytes: chunk });
    offset += chunk.length;
    core.feed(chunk);
    for (const p of core.take()) yield frameFrom(await finish(p), s, "scanCSV");
    progress?.({ bytes: offset, rows: core.rows, totalBytes });
    if (core.done) break;
  }
  core.end();
  progress?.({ bytes: offset, rows: core.rows, totalBytes });
  for (const p of core.take()) yield frameFrom(await finish(p), s, "scanCSV");
}

/** The kept chunks' bytes from absolute offset `from` on. */
async function* keptFrom(
  kept: { at: number; bytes: Uint8Array }[],
  from: number,
): AsyncGenerator<Uint8Array> {
  for (const k of kept) {
    const end = k.at + k.bytes.length;
    if (end <= from) continue;
    yield k.at >= from ? k.bytes : k.bytes.subarray(from - k.at);
  }
}

/** The one frame of reading `chunks` whole (readCSV of Blobs and files). @internal */
export async function readWhole(
  chunks: AsyncIterable<Uint8Array>,
  s: CsvSettings,
  reread: Reread,
  totalBytes: number | null,
): Promise<DataFrame> {
  let out: DataFrame | null = null;
  for await (const f of csvFrames(chunks, s, Number.POSITIVE_INFINITY, reread, totalBytes, null)) out = f;
  return out as DataFrame;
}

/**
 * `readParquet`: a Parquet file into a DataFrame through parquet-wasm,
 * row group by row group, on the caller's thread and on decode workers
 * when there are any.
 */
import { OptionError } from "../../core/errors.js";
import type { DataFrame } from "../../frame/frame.js";
import { nonNegativeInt, optionsOf } from "../../util/is.js";
import type { ByteSource } from "../source.js";
import { withCategories } from "./categories.js";
import { type DecodedRowGroup, decodeRowGroup } from "./decode.js";
import {
  maybeIndices,
  maybeNames,
  type OpenParquet,
  openParquet,
  pickRowGroups,
  projectFields,
} from "./open.js";
import { frameOfRowGroups } from "./raw-frame.js";

/** Options of `readParquet`. */
export interface ReadParquetOptions {
  /** Columns to read, in the order wanted (default: all, in file order). Others are never decoded. */
  columns?: readonly string[];
  /** Row groups to read, by index, in the order wanted (default: all). */
  rowGroups?: readonly number[];
  /**
   * Threads that decode row groups at once, the caller's included: only
   * `ndframe/node`'s readParquet has more than one (default: the cores, at
   * most 4); elsewhere more than 1 is an error.
   */
  threads?: number;
}

/** One row group to decode. @internal */
export interface DecodeJob {
  readonly blob: Blob;
  /** Decode from the whole file in memory (true), or read the Blob in ranges. */
  readonly whole: boolean;
  readonly index: number;
  readonly rows: number;
  readonly columns: readonly string[] | null;
  readonly what: string;
}

/** Decodes a job on some thread. @internal */
export type Decoder = (job: DecodeJob) => Promise<DecodedRowGroup>;

/** Threads that decode row groups besides the caller's (the Node entry's worker_threads). @internal */
export interface DecodeWorkers {
  /** `count` decoders for one read. */
  take(count: number): DecodeSession;
}

/** The workers of one read. @internal */
export interface DecodeSession {
  readonly decoders: readonly Decoder[];
  /** The read is over: workers may free its file. */
  done(): void;
}

/** Normalized readParquet options. @internal */
export interface ParquetSettings {
  columns: string[] | null;
  rowGroups: number[] | null;
  threads: number;
}

/** Check readParquet's options. @internal */
export function parquetSettings(what: string, options: unknown, threads: number): ParquetSettings {
  const o = optionsOf(what, options, ["columns", "rowGroups", "threads"]);
  const t = o.threads === undefined ? threads : nonNegativeInt("threads", o.threads);
  return {
    columns: maybeNames("columns", o.columns, what),
    rowGroups: maybeIndices("rowGroups", o.rowGroups, what),
    threads: Math.max(1, t),
  };
}

/**
 * The decoder on the caller's thread: from bytes in memory; from ranges of
 * the file only when no worker can take that job (the range reader can
 * trap on a corrupted page, which a worker survives as an error). @internal
 */
export function localDecoder(f: OpenParquet, session: DecodeSession | null): Decoder | null {
  const src = f.bytes !== null ? { bytes: f.bytes } : session === null ? { file: f.file } : null;
  if (src === null) return null;
  return (j) => decodeRowGroup(f.pw, src, j.index, j.rows, j.columns, j.what);
}

/** The decode job of row group `index` of an open file. @internal */
export function jobOf(
  f: OpenParquet,
  index: number,
  columns: readonly string[] | null,
  what: string,
): DecodeJob {
  const rows = f.rowGroups[index]?.numRows ?? 0;
  return { blob: f.blob, whole: f.bytes !== null, index, rows, columns, what };
}

/**
 * Decode the row groups `picked` of an open file into a frame of the
 * `columns` (null: all). Each decoder, the caller's thread first, takes
 * the next row group as soon as it is free. @internal
 */
export async function readOpen(
  f: OpenParquet,
  picked: readonly number[],
  columns: readonly string[] | null,
  session: DecodeSession | null,
  what: string,
): Promise<DataFrame> {
  const fields = projectFields(f.fields, columns, what);
  const results: DecodedRowGroup[] = new Array(picked.length);
  const local = localDecoder(f, session);
  // each worker gets a second row group queued behind the one it decodes, so it need not wait
  // for this thread (busy decoding a row group of its own) to hand it the next one
  const workers = session?.decoders ?? [];
  const decoders = [...(local === null ? [] : [local]), ...workers, ...workers];
  let next = 0;
  let failure: unknown = null;
  const run = async (decode: Decoder) => {
    while (next < picked.length && failure === null) {
      const k = next++;
      try {
        results[k] = await decode(jobOf(f, picked[k] as number, columns, what));
      } catch (e) {
        failure ??= e;
      }
      // a macrotask turn, so workers' replies are received (and they get their next row group) between ours
      if (session !== null) await new Promise((r) => setTimeout(r, 0));
    }
  };
  try {
    // every decoder settles before the file is freed
    await Promise.all(decoders.map(run));
  } finally {
    session?.done();
  }
  if (failure !== null) throw failure;
  return withCategories(frameOfRowGroups(fields, results), f.categories);
}

/**
 * `readParquet` with the given decode workers; `whole`: read a Blob whole
 * into memory first (else in ranges). @internal
 */
export async function readParquetWith(
  source: ByteSource,
  options: ReadParquetOptions | undefined,
  workers: DecodeWorkers | null,
  defaultThreads: number,
  whole = true,
): Promise<DataFrame> {
  const what = "readParquet";
  const s = parquetSettings(what, options, defaultThreads);
  if (workers === null && s.threads > 1)
    throw new OptionError(
      `${what}: threads: ${s.threads} needs decode workers, which ndframe/node's readParquet has; ` +
        "this build decodes on the calling thread (in a browser, call readParquet inside a Web Worker of your own)",
    );
  const f = await openParquet(source, what, whole);
  try {
    const picked = pickRowGroups(f.rowGroups.length, s.rowGroups, what);
    const threads = Math.min(s.threads, picked.length);
    // from memory the caller's thread is one of the threads; reading ranges, workers do it all
    const count = f.bytes !== null ? threads - 1 : Math.max(1, threads);
    const session = workers === null || count < 1 ? null : workers.take(count);
    return await readOpen(f, picked, s.columns, session, what);
  } finally {
    f.file.free();
  }
}

/**
 * Read a Parquet file into a DataFrame. parquet-wasm decodes it (loaded on
 * first use), one row group at a time: each row group becomes one chunk
 * of every column, copied once, in bulk, out of wasm memory (a view of
 * wasm memory would not survive the memory growing) and then viewed by
 * the frame without another copy. Types map one to one: int64 stays exact,
 * timestamps keep their unit and zone, dictionary-encoded columns stay
 * dictionaries, strings are utf8 or large_utf8. Types ndframe does not hold
 * (decimals, lists, structs…) are an error naming the column; leave them
 * out with `columns`. Only the bytes of the row groups and columns read
 * are taken from a Blob.
 *
 * @param source - bytes, a Blob, a Response, a URL or a stream; `ndframe/node`'s readParquet also takes a path
 * @param options - `columns`, `rowGroups`, `threads`
 * @returns the frame
 * @example
 * ```ts
 * import { DataFrame, readParquet, toParquet } from "ndframe";
 * const bytes = await toParquet(new DataFrame({ a: [1, 2, 3], b: ["x", "y", null] }));
 * const df = await readParquet(bytes, { columns: ["b"] });
 * df.get("b").toArray(); // => ["x", "y", null]
 * ```
 */
export function readParquet(source: ByteSource, options?: ReadParquetOptions): Promise<DataFrame> {
  return readParquetWith(source, options, null, 1);
}

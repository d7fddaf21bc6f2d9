/**
 * `toParquet` and `writeParquet`: frames to Parquet through parquet-wasm.
 * A frame goes to wasm as Arrow IPC stream bytes (apache-arrow writes
 * them from the columns' buffers; parquet-wasm reads them into its
 * memory), then parquet-wasm encodes it.
 */

import { dtypeEquals, dtypeToString } from "../../core/dtype.js";
import { OptionError } from "../../core/errors.js";
import { DataFrame } from "../../frame/frame.js";
import { isObject, maybeBoolean, maybeKeyword, optionsOf, show } from "../../util/is.js";
import { toArrowIPC } from "../arrow/arrow-ipc.js";
import { CATEGORIES_KEY, categoriesJSON } from "./categories.js";
import { wasmError } from "./decode.js";
import { parquetWasm, type Table, type Wasm, type WriterProperties } from "./wasm.js";

/** Options of `toParquet` and `writeParquet`. */
export interface ToParquetOptions {
  /** Page compression (default "snappy", as pandas). */
  compression?: "snappy" | "zstd" | "gzip" | "brotli" | "lz4" | "none";
  /** Rows per row group at most (default 1,048,576). Smaller groups read in smaller batches (scanParquet, rowGroups). */
  rowGroupSize?: number;
  /** Dictionary-encode pages where it pays (default true). */
  dictionary?: boolean;
}

const CODECS = ["snappy", "zstd", "gzip", "brotli", "lz4", "none"] as const;

type Properties = WriterProperties;

interface WriterSettings {
  codec: (typeof CODECS)[number];
  dictionary: boolean;
  rowGroupSize: number | null;
}

/** Check the writer's options. */
function writerSettings(options: unknown, what: string): WriterSettings {
  const o = optionsOf(what, options, ["compression", "rowGroupSize", "dictionary"]);
  const size = o.rowGroupSize;
  if (size !== undefined && (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1))
    throw new OptionError(`${what}: invalid rowGroupSize: ${show(size)} (expected a positive integer)`);
  return {
    codec: maybeKeyword("compression", o.compression, CODECS, "snappy"),
    dictionary: maybeBoolean("dictionary", o.dictionary, true),
    rowGroupSize: size === undefined ? null : size,
  };
}

/**
 * parquet-wasm writer properties (a fresh object: parquet-wasm consumes
 * it); the dictionary columns' categories of `df` go into the key-value
 * metadata.
 */
function properties(pw: Wasm, s: WriterSettings, df: DataFrame | null): Properties {
  const C = pw.Compression;
  const code = {
    snappy: C.SNAPPY,
    zstd: C.ZSTD,
    gzip: C.GZIP,
    brotli: C.BROTLI,
    lz4: C.LZ4_RAW,
    none: C.UNCOMPRESSED,
  }[s.codec];
  let b = new pw.WriterPropertiesBuilder()
    .setCompression(code)
    .setDictionaryEnabled(s.dictionary)
    .setCreatedBy("ndframe");
  if (s.rowGroupSize !== null) b = b.setMaxRowGroupSize(s.rowGroupSize);
  const categories = df === null ? null : categoriesJSON(df);
  if (categories !== null) b = b.setKeyValueMetadata(new Map([[CATEGORIES_KEY, categories]]));
  return b.build();
}

/** The frame as a parquet-wasm Table (in wasm memory; the caller frees or consumes it). */
function wasmTable(pw: Wasm, df: DataFrame, what: string): Table {
  try {
    return pw.Table.fromIPCStream(toArrowIPC(df, { format: "stream" }));
  } catch (e) {
    throw wasmError(what, e, "parquet-wasm cannot take the frame's Arrow data");
  }
}

function checkFrame(df: unknown, what: string): DataFrame {
  if (!(df instanceof DataFrame)) throw new OptionError(`${what}: expected a DataFrame, got ${show(df)}`);
  return df;
}

/**
 * Write a frame as Parquet bytes. Every dtype is written with its Arrow
 * type stored in the file's metadata, so ndframe, pandas (pyarrow) and
 * polars read back the same types: int64 exact, timestamps with their
 * unit and zone, dictionaries as dictionaries, large_utf8 as large_utf8.
 *
 * @param df - the frame
 * @param options - `compression` (default "snappy"), `rowGroupSize`, `dictionary`
 * @returns the Parquet bytes
 * @example
 * ```ts
 * import { DataFrame, readParquet, toParquet } from "ndframe";
 * const bytes = await toParquet(new DataFrame({ id: [1n, 2n ** 62n] }), { compression: "zstd" });
 * (await readParquet(bytes)).get("id").toArray(); // => [1n, 4611686018427387904n]
 * ```
 */
export async function toParquet(df: DataFrame, options?: ToParquetOptions): Promise<Uint8Array> {
  const what = "toParquet";
  checkFrame(df, what);
  const s = writerSettings(options, what);
  const pw = await parquetWasm();
  const props = properties(pw, s, df);
  const table = wasmTable(pw, df, what);
  try {
    // consumes both the table and the properties
    return pw.writeParquet(table, props);
  } catch (e) {
    throw wasmError(what, e, "parquet-wasm cannot write the frame");
  }
}

/** Frames one by one: a frame, an iterable or an async iterable of frames. */
export type FrameSource = DataFrame | Iterable<DataFrame> | AsyncIterable<DataFrame>;

function framesOf(frames: FrameSource, what: string): AsyncGenerator<DataFrame> {
  if (
    !(frames instanceof DataFrame) &&
    (!isObject(frames) || !(Symbol.asyncIterator in frames || Symbol.iterator in frames))
  )
    throw new OptionError(
      `${what}: expected a DataFrame or an (async) iterable of DataFrames, got ${show(frames)}`,
    );
  return checkedFrames(frames, what);
}

async function* checkedFrames(frames: FrameSource, what: string): AsyncGenerator<DataFrame> {
  if (frames instanceof DataFrame) {
    yield frames;
    return;
  }
  let first: DataFrame | null = null;
  let n = 0;
  for await (const df of frames as AsyncIterable<DataFrame>) {
    checkFrame(df, `${what}: batch ${n}`);
    if (first === null) first = df;
    else sameSchema(first, df, n, what);
    n++;
    yield df;
  }
}

/** Check that batch `n` has the first batch's columns and dtypes. */
function sameSchema(first: DataFrame, df: DataFrame, n: number, what: string): void {
  const a = first.columns as string[];
  const b = df.columns as string[];
  if (a.length !== b.length || a.some((c, i) => c !== b[i]))
    throw new OptionError(`${what}: batch ${n} has columns ${show(b)}, the first batch ${show(a)}`);
  for (const c of a) {
    const x = first.column(c).dtype;
    const y = df.column(c).dtype;
    if (!dtypeEquals(x, y))
      throw new OptionError(
        `${what}: column ${JSON.stringify(c)} of batch ${n} is ${dtypeToString(y)}, in the first batch ${dtypeToString(x)}`,
      );
  }
}

/**
 * The Parquet bytes of frames written one after another into one file, as
 * parquet-wasm produces them: a row group is written out once it is full,
 * so memory holds about one row group, not the file. @internal
 */
export async function* parquetPieces(
  frames: FrameSource,
  options: ToParquetOptions | undefined,
  what: string,
): AsyncGenerator<Uint8Array> {
  const s = writerSettings(options, what);
  const it = framesOf(frames, what);
  // fail before anything is written when the first batch is already wrong
  const first = await it.next();
  const pw = await parquetWasm();
  // the first batch's categories are stored; a reader ignores them if later batches have other values
  const props = properties(pw, s, first.done ? null : first.value);
  // parquet-wasm swallows an error thrown while it pulls a batch and ends
  // the file early, so the error is kept here and thrown after its output
  let failure: unknown = null;
  let pending: IteratorResult<DataFrame> | null = first;
  const input = new ReadableStream({
    async pull(controller) {
      try {
        const next = pending ?? (await it.next());
        pending = null;
        if (next.done) {
          controller.close();
          return;
        }
        const table = wasmTable(pw, next.value, what);
        for (const batch of table.recordBatches()) controller.enqueue(batch);
        table.free();
      } catch (e) {
        failure = e;
        controller.close();
      }
    },
  });
  let output: ReadableStream<Uint8Array>;
  try {
    output = await pw.transformParquetStream(input, props);
  } catch (e) {
    throw wasmError(what, e, "parquet-wasm cannot start writing");
  }
  const reader = output.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (failure !== null) throw failure;
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Write frames as one Parquet file into a WritableStream: one frame, or
 * the batches of an (async) iterable such as `scanCSV`, which must all
 * have the first batch's columns and dtypes. Row groups are written as
 * they fill, so a job converts a file larger than its memory.
 * `ndframe/node`'s writeParquet also takes a file path.
 *
 * @param frames - a frame, or an iterable or async iterable of frames
 * @param dest - the stream
 * @param options - see `ToParquetOptions`
 * @returns when everything is written and the stream is closed
 */
export async function writeParquet(
  frames: FrameSource,
  dest: WritableStream<Uint8Array>,
  options?: ToParquetOptions,
): Promise<void> {
  if (!isObject(dest) || typeof (dest as WritableStream).getWriter !== "function")
    throw new OptionError(
      `writeParquet: invalid destination ${show(dest)} (expected a WritableStream; file paths through ndframe/node)`,
    );
  const writer = dest.getWriter();
  try {
    for await (const piece of parquetPieces(frames, options, "writeParquet")) await writer.write(piece);
    await writer.close();
  } catch (e) {
    // the stream's sink learns that the file is incomplete
    await writer.abort(e).catch(() => undefined);
    throw e;
  } finally {
    writer.releaseLock();
  }
}

/**
 * `scanParquet`: a Parquet file as a sequence of frames, one per row
 * group, for jobs that convert or filter files larger than their memory.
 */
import { OptionError } from "../../core/errors.js";
import type { DataFrame } from "../../frame/frame.js";
import { optionsOf, show } from "../../util/is.js";
import type { ByteSource } from "../source.js";
import { withCategories } from "./categories.js";
import { maybeIndices, maybeNames, openParquet, pickRowGroups, projectFields } from "./open.js";
import { frameOfRowGroups } from "./raw-frame.js";
import { type Decoder, type DecodeWorkers, jobOf, localDecoder } from "./read-parquet.js";

/** What `scanParquet` reports after each row group. */
export interface ParquetProgress {
  /** Rows yielded so far. */
  readonly rows: number;
  /** Rows of all the row groups being read. */
  readonly totalRows: number;
  /** Row groups yielded so far. */
  readonly rowGroups: number;
  /** Row groups being read. */
  readonly totalRowGroups: number;
}

/** Options of `scanParquet`. */
export interface ScanParquetOptions {
  /** Columns to read, in the order wanted (default: all). */
  columns?: readonly string[];
  /** Row groups to read, by index, in the order wanted (default: all). */
  rowGroups?: readonly number[];
  /** Called after each row group is decoded, before its frame is yielded. */
  onProgress?: (p: ParquetProgress) => void;
}

/**
 * Read a Parquet file as frames, one per row group, in order. Only one
 * row group is decoded at a time, and from a Blob (or a path, through
 * `ndframe/node`) only its bytes are read, so memory is bounded by the
 * row group size, not the file size. Every frame has the same columns and
 * dtypes.
 *
 * @param source - bytes, a Blob, a Response, a URL or a stream
 * @param options - `columns`, `rowGroups`, `onProgress`
 * @returns an async iterable of frames
 * @example
 * ```ts
 * import { DataFrame, scanParquet, toParquet } from "ndframe";
 * const bytes = await toParquet(new DataFrame({ a: [1, 2, 3, 4, 5] }), { rowGroupSize: 2 });
 * const sizes = [];
 * for await (const batch of scanParquet(bytes)) sizes.push(batch.shape[0]);
 * sizes; // => [2, 2, 1]
 * ```
 */
export function scanParquet(source: ByteSource, options?: ScanParquetOptions): AsyncGenerator<DataFrame> {
  return scanParquetWith(source, options, null);
}

/**
 * `scanParquet` with decode workers: a Blob is read in ranges (bytes and
 * other sources whole), decoded by a worker when there is one. @internal
 */
export async function* scanParquetWith(
  source: ByteSource,
  options: ScanParquetOptions | undefined,
  workers: DecodeWorkers | null,
): AsyncGenerator<DataFrame> {
  const what = "scanParquet";
  const o = optionsOf(what, options, ["columns", "rowGroups", "onProgress"]);
  const columns = maybeNames("columns", o.columns, what);
  const asked = maybeIndices("rowGroups", o.rowGroups, what);
  const progress = o.onProgress;
  if (progress !== undefined && typeof progress !== "function")
    throw new OptionError(`${what}: invalid onProgress: ${show(progress)} (expected a function)`);
  const f = await openParquet(source, what, false);
  const session = f.bytes === null && workers !== null ? workers.take(1) : null;
  try {
    const decode = localDecoder(f, session) ?? (session?.decoders[0] as Decoder);
    const picked = pickRowGroups(f.rowGroups.length, asked, what);
    const fields = projectFields(f.fields, columns, what);
    const totalRows = picked.reduce((n, i) => n + (f.rowGroups[i]?.numRows ?? 0), 0);
    let rows = 0;
    for (let k = 0; k < picked.length; k++) {
      const index = picked[k] as number;
      const r = await decode(jobOf(f, index, columns, what));
      const frame = withCategories(frameOfRowGroups(fields, [r]), f.categories);
      rows += frame.shape[0];
      (progress as ScanParquetOptions["onProgress"])?.({
        rows,
        totalRows,
        rowGroups: k + 1,
        totalRowGroups: picked.length,
      });
      yield frame;
    }
  } finally {
    session?.done();
    f.file.free();
  }
}

/**
 * Arrow IPC (the file format, also known as Feather v2, and the stream
 * format): `readArrow`, `parseArrow` and `toArrowIPC`. Reading is
 * zero-copy: the frame's columns view the IPC bytes' buffers.
 */
import * as arrow from "apache-arrow";
import type { TypedArray } from "../../core/dtype.js";
import { IOError, OptionError } from "../../core/errors.js";
import { DataFrame } from "../../frame/frame.js";
import { isObject, maybeKeyword, show } from "../../util/is.js";
import { type ByteSource, bytesOf, readAllBytes } from "../source.js";

const MAGIC = [65, 82, 82, 79, 87, 49]; // "ARROW1"

/** Which IPC format the bytes hold, or why they hold neither. */
function checkIPC(b: Uint8Array, what: string): "file" | "stream" {
  const starts = MAGIC.every((m, i) => b[i] === m);
  if (starts) {
    const end = b.length - MAGIC.length;
    if (b.length < 2 * MAGIC.length + 2 || !MAGIC.every((m, i) => b[end + i] === m)) {
      throw new IOError(`${what}: the Arrow file is truncated (it lacks the closing ARROW1 footer)`);
    }
    return "file";
  }
  // a stream: messages, each prefixed by the 0xFFFFFFFF continuation marker, ending with an end-of-stream marker
  if (b.length < 8 || b[0] !== 0xff || b[1] !== 0xff || b[2] !== 0xff || b[3] !== 0xff) {
    throw new IOError(
      `${what}: the bytes are not Arrow IPC (neither the file format's ARROW1 magic nor a stream message)`,
    );
  }
  const n = b.length;
  const eos =
    b[n - 8] === 0xff &&
    b[n - 7] === 0xff &&
    b[n - 6] === 0xff &&
    b[n - 5] === 0xff &&
    b[n - 4] === 0 &&
    b[n - 3] === 0 &&
    b[n - 2] === 0 &&
    b[n - 1] === 0;
  if (!eos) throw new IOError(`${what}: the Arrow stream is truncated (it lacks the end-of-stream marker)`);
  return "stream";
}

/**
 * Read Arrow IPC bytes (file format / Feather v2, or stream format) into a
 * DataFrame, synchronously and without copying: the columns view the
 * bytes' buffers (compressed IPC is not supported by apache-arrow and is
 * an error).
 *
 * @param bytes - the IPC bytes
 * @returns the frame
 * @example
 * ```ts
 * import { DataFrame, parseArrow, toArrowIPC } from "ndframe";
 * const df = parseArrow(toArrowIPC(new DataFrame({ a: [1, 2], b: ["x", null] })));
 * df.get("b").toArray(); // => ["x", null]
 * ```
 */
export function parseArrow(bytes: Uint8Array | ArrayBuffer): DataFrame {
  const b = bytesOf(bytes);
  if (b === null) throw new OptionError(`parseArrow expects a Uint8Array or ArrayBuffer, got ${show(bytes)}`);
  return tableFrame(b, "parseArrow");
}

/** The frame over the IPC bytes `b`. @internal */
export function tableFrame(b: Uint8Array, what: string): DataFrame {
  checkIPC(b, what);
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(b);
  } catch (e) {
    throw new IOError(`${what}: the Arrow data is corrupted: ${(e as Error).message}`);
  }
  return DataFrame.fromArrow(table);
}

/**
 * Read Arrow IPC (file format / Feather v2, or stream format) from bytes, a
 * Blob, a Response, a URL or a stream; the bytes are read whole, then
 * viewed without a copy. `ndframe/node`'s readArrow also takes a path.
 *
 * @param source - where the bytes come from
 * @returns the frame
 * @example
 * ```ts
 * import { DataFrame, readArrow, toArrowIPC } from "ndframe";
 * const bytes = toArrowIPC(new DataFrame({ a: [1, 2, 3] }), { format: "stream" });
 * (await readArrow(new Blob([bytes]))).shape; // => [3, 1]
 * ```
 */
export async function readArrow(source: ByteSource): Promise<DataFrame> {
  return tableFrame(await readAllBytes(source, "readArrow"), "readArrow");
}

/** Options of `toArrowIPC`. */
export interface ToArrowIPCOptions {
  /** "file" (default; Feather v2, random access) or "stream". */
  format?: "file" | "stream";
}

/**
 * Write a frame as Arrow IPC bytes. The columns go to apache-arrow without
 * a copy (`toArrow()`); the one copy is the serialization into the output.
 *
 * @param df - the frame
 * @param options - `format`: "file" (default) or "stream"
 * @returns the IPC bytes
 * @example
 * ```ts
 * import { DataFrame, toArrowIPC } from "ndframe";
 * const bytes = toArrowIPC(new DataFrame({ a: [1, 2] }));
 * new TextDecoder().decode(bytes.subarray(0, 6)); // => "ARROW1"
 * ```
 */
export function toArrowIPC(df: DataFrame, options?: ToArrowIPCOptions): Uint8Array<ArrayBuffer> {
  if (options !== undefined && !isObject(options))
    throw new OptionError(`toArrowIPC: options must be an object, got ${show(options)}`);
  const format = maybeKeyword("format", options?.format, ["file", "stream"], "file");
  // a fresh buffer of its own (not shared memory)
  return arrow.tableToIPC(distinctBuffers(df.toArrow()), format) as Uint8Array<ArrayBuffer>;
}

/**
 * The table with no two buffers overlapping in memory: apache-arrow's IPC
 * writer corrupts its output (a short message body, or wrong values in the
 * file format) when two buffers of a batch share bytes, as two columns of
 * one Series do. Later overlapping buffers are copied; others stay views.
 */
function distinctBuffers(table: arrow.Table): arrow.Table {
  const batches = table.batches.map((batch) => {
    // one message body per batch; dictionaries travel in messages of their own
    const seen = new Map<ArrayBufferLike, [number, number][]>();
    const distinct = (b: TypedArray | undefined): TypedArray | undefined => {
      if (b === undefined || b.byteLength === 0) return b;
      const start = b.byteOffset;
      const end = start + b.byteLength;
      const ranges = seen.get(b.buffer) ?? [];
      if (ranges.some(([s, e]) => start < e && s < end)) return b.slice();
      ranges.push([start, end]);
      seen.set(b.buffer, ranges);
      return b;
    };
    const fix = (d: arrow.Data): arrow.Data => {
      const old = [d.valueOffsets, d.values, d.nullBitmap, d.typeIds];
      const buffers = old.map(distinct);
      // Data made by makeData may carry no children array at all
      const kids: arrow.Data[] = d.children ?? [];
      const children = kids.map(fix);
      if (buffers.every((b, i) => b === old[i]) && children.every((c, i) => c === kids[i])) return d;
      // the buffers in apache-arrow's order (offsets, values, validity, type ids); the clone keeps the dictionary
      return d.clone(d.type, d.offset, d.length, d.nullCount, buffers as never, d.children && children);
    };
    const data = fix(batch.data);
    return data === batch.data
      ? batch
      : new arrow.RecordBatch(batch.schema, data as arrow.Data<arrow.Struct>);
  });
  return new arrow.Table(table.schema, batches);
}

/**
 * Arrow IPC files by path, for the Node entry.
 */
import type { DataFrame } from "../frame/frame.js";
import {
  readArrow as readAny,
  type ToArrowIPCOptions,
  tableFrame,
  toArrowIPC,
} from "../io/arrow/arrow-ipc.js";
import type { ByteSource } from "../io/source.js";
import { fileBytes, fileError, pathOf, writeBytes } from "./files.js";

/**
 * Read an Arrow IPC file (Feather v2) or stream from a path, or any source
 * the isomorphic readArrow takes. The file is read once; the frame views
 * its bytes without a copy.
 *
 * @param source - a path, a file: URL, or any source of the isomorphic readArrow
 * @returns the frame
 * @example
 * ```ts
 * import { readArrow } from "ndframe/node";
 * const flights = await readArrow("node_modules/vega-datasets/data/flights-200k.arrow");
 * flights.shape; // => [200000, 3]
 * ```
 */
export async function readArrow(source: ByteSource): Promise<DataFrame> {
  const path = pathOf(source);
  if (path === null) return readAny(source);
  const bytes = await fileBytes(path, "readArrow");
  return tableFrame(bytes, "readArrow");
}

/**
 * Write a frame to an Arrow IPC file (Feather v2 by default).
 *
 * @param df - the frame
 * @param path - the file path
 * @param options - `format`: "file" (default) or "stream"
 * @returns when the file is written
 */
export async function writeArrow(
  df: DataFrame,
  path: string | URL,
  options?: ToArrowIPCOptions,
): Promise<void> {
  const p = pathOf(path);
  if (p === null) throw fileError("writeArrow", String(path), new Error("not a file path"), "write");
  await writeBytes(p, toArrowIPC(df, options), "writeArrow");
}

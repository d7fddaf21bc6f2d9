/**
 * JSON files by path, for the Node entry.
 */
import type { DataFrame } from "../frame/frame.js";
import { parseJSON, type ReadJSONOptions, readJSON as readAny } from "../io/json/read-json.js";
import { type ToJSONOptions, toJSON } from "../io/json/write-json.js";
import type { ByteSource } from "../io/source.js";
import { fileBytes, fileError, pathOf, writeFile } from "./files.js";

/**
 * Read JSON or NDJSON from a path, or any source the isomorphic readJSON takes.
 *
 * @param source - a path, a file: URL, or any source of the isomorphic readJSON
 * @param options - orient, lines, dtypes, parseDates
 * @returns the frame
 * @example
 * ```ts
 * import { readJSON } from "ndframe/node";
 * const movies = await readJSON("node_modules/vega-datasets/data/movies.json", { dtypes: { Title: "utf8" } });
 * movies.shape; // => [3201, 16]
 * ```
 */
export async function readJSON(source: ByteSource, options?: ReadJSONOptions): Promise<DataFrame> {
  const path = pathOf(source);
  if (path === null) return readAny(source, options);
  const bytes = await fileBytes(path, "readJSON");
  return parseJSON(bytes, options);
}

/**
 * Write a frame as JSON (or NDJSON with `lines: true`) to a file.
 *
 * @param df - the frame
 * @param path - the file path
 * @param options - orient, lines
 * @returns when the file is written
 */
export async function writeJSON(df: DataFrame, path: string | URL, options?: ToJSONOptions): Promise<void> {
  const p = pathOf(path);
  if (p === null) throw fileError("writeJSON", String(path), new Error("not a file path"), "write");
  await writeFile(p, [toJSON(df, options)], "writeJSON");
}

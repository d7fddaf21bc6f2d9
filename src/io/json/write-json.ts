/**
 * `toJSON`: a DataFrame as JSON records, columns or NDJSON, int64 exact.
 */
import type { Column } from "../../core/column.js";
import { int64, utf8 } from "../../core/dtype.js";
import { DTypeError, OptionError } from "../../core/errors.js";
import { castColumn } from "../../core/kernels/cast.js";
import type { DataFrame } from "../../frame/frame.js";
import { isObject, maybeBoolean, maybeKeyword, show } from "../../util/is.js";

/** Options of `toJSON`. */
export interface ToJSONOptions {
  /** "records" (default): an array of objects; "columns": an object of arrays. */
  orient?: "records" | "columns";
  /** NDJSON: one record per line (records only; default false). */
  lines?: boolean;
}

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };

/**
 * Write a frame as JSON text.
 *
 * int64 and uint64 values are written as exact integer literals (not
 * rounded through a double, not quoted); NaN and ±Infinity, which JSON
 * cannot hold, are written as null (as pandas does); timestamps as ISO
 * 8601 strings (with their offset when zoned), dates as `YYYY-MM-DD`,
 * durations as integers of their unit, dictionaries as their strings.
 * Binary columns are an error. `parseJSON` reads the text back.
 *
 * @param df - the frame
 * @param options - orient ("records" or "columns") and lines (NDJSON)
 * @returns the JSON text
 * @example
 * ```ts
 * import { DataFrame, column, toJSON } from "ndframe";
 * const df = new DataFrame({ id: column([2n ** 60n, null], "int64"), ok: [true, false] });
 * toJSON(df); // => '[{"id":1152921504606846976,"ok":true},{"id":null,"ok":false}]'
 * toJSON(df, { orient: "columns" }); // => '{"id":[1152921504606846976,null],"ok":[true,false]}'
 * ```
 */
export function toJSON(df: DataFrame, options?: ToJSONOptions): string {
  if (options !== undefined && !isObject(options))
    throw new OptionError(`toJSON: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(options ?? {}))
    if (k !== "orient" && k !== "lines")
      throw new OptionError(`toJSON: unknown option ${JSON.stringify(k)} (expected one of orient, lines)`);
  const orient = maybeKeyword("orient", options?.orient, ["records", "columns"], "records");
  const lines = maybeBoolean("lines", options?.lines, false);
  if (lines && orient !== "records")
    throw new OptionError('toJSON: lines: true writes records (orient "records")');
  const names = df.columns as string[];
  const texts = names.map((n) => jsonTexts(df.column(n) as Column, n));
  const keys = names.map((n) => JSON.stringify(n));
  if (orient === "columns")
    return `{${keys.map((k, c) => `${k}:[${(texts[c] as string[]).join(",")}]`).join(",")}}`;
  const rows: string[] = [];
  for (let r = 0; r < df.length; r++)
    rows.push(`{${keys.map((k, c) => `${k}:${(texts[c] as string[])[r]}`).join(",")}}`);
  return lines ? rows.map((r) => `${r}\n`).join("") : `[${rows.join(",")}]`;
}

/** Each row's value as JSON text. */
function jsonTexts(col: Column, name: string): string[] {
  const kind = col.dtype.kind;
  if (kind === "binary")
    throw new DTypeError(
      `toJSON: column ${JSON.stringify(name)} is binary, which JSON cannot hold (encode it as text first)`,
    );
  const raw = (c: Column): (string | null)[] => castColumn(c, utf8, SAFE).toArray() as (string | null)[];
  const nullable = (vals: (string | null)[], f: (t: string) => string) =>
    vals.map((t) => (t === null ? "null" : f(t)));
  switch (kind) {
    case "bool":
      return (col.toArray() as (boolean | null)[]).map((b) => (b === null ? "null" : String(b)));
    case "float32":
    case "float64":
      return (col.toArray() as (number | null)[]).map((x) =>
        x === null || !Number.isFinite(x) ? "null" : String(x),
      );
    case "int64":
    case "uint64":
      // exact decimal text of the words
      return nullable(raw(col), (t) => t);
    case "duration":
      return nullable(raw(castColumn(col, int64, SAFE)), (t) => t);
    case "utf8":
    case "large_utf8":
    case "dictionary":
    case "date":
    case "timestamp":
    case "time":
      return nullable(raw(col), (t) => JSON.stringify(t));
    default:
      return (col.toArray() as (number | null)[]).map((x) => (x === null ? "null" : String(x)));
  }
}

/**
 * `readCSV` and `parseCSV`: CSV/TSV into a DataFrame.
 */
import { OptionError } from "../../core/errors.js";
import type { DataFrame } from "../../frame/frame.js";
import { show } from "../../util/is.js";
import { type ByteSource, byteChunks, bytesOf, readAllBytes } from "../source.js";
import { frameFrom } from "./finish-frame.js";
import {
  type CsvSettings,
  csvSettings,
  engineOptions,
  oneThread,
  type ReadCSVOptions,
  textRules,
} from "./options.js";
import { readFast } from "./read-fast.js";
import { readPapaparse } from "./read-papaparse.js";
import { readWhole } from "./scan-csv.js";
import { sniffDelimiter } from "./sniff.js";

export type { ReadCSVOptions };

/**
 * Read CSV or TSV from a URL, bytes, a Blob, a Response or a stream into a
 * DataFrame.
 *
 * Column dtypes are inferred from the values: bool, int32 (int64 when a
 * value needs it, exactly: never a float for integers), float64, ISO 8601
 * timestamps (ns; UTC when the text carries an offset) and utf8. pandas'
 * null markers (`""`, `NA`, `NaN`, `null`, `#N/A` …) read as nulls. A row
 * with the wrong number of fields, an unclosed quote, a value that does
 * not fit a requested dtype, or bytes that are not UTF-8 raise a
 * `ParseError` naming the line (and the column). A string source is a
 * URL; read text with `parseCSV`, and files by path through
 * `ndframe/node`. A Blob (and, through ndframe/node, a file) is read in
 * chunks; other sources are read whole first. `scanCSV` reads in batches.
 *
 * @param source - where the bytes come from
 * @param options - see `ReadCSVOptions`
 * @returns the frame, with a default RangeIndex
 * @example
 * ```ts
 * import { readCSV } from "ndframe";
 * const bytes = new TextEncoder().encode("city,temp\nOslo,-3.5\nLima,19\n");
 * const df = await readCSV(bytes);
 * df.columns; // => ["city", "temp"]
 * df.get("temp").toArray(); // => [-3.5, 19]
 * ```
 */
export async function readCSV(source: ByteSource, options?: ReadCSVOptions): Promise<DataFrame> {
  const settings = csvSettings(options);
  oneThread(settings, "readCSV");
  if (typeof Blob !== "undefined" && source instanceof Blob && settings.engine === "fast") {
    // a Blob is read in chunks and can give its bytes again for a restarted column
    const again = (from: number) => byteChunks(source.slice(from), "readCSV");
    return readWhole(byteChunks(source, "readCSV"), settings, again, source.size);
  }
  return frameOf(await readAllBytes(source, "readCSV"), settings);
}

/**
 * Parse CSV text (a string, or UTF-8 bytes) into a DataFrame, synchronously;
 * the same options and rules as `readCSV`.
 *
 * @param text - the CSV text or its bytes
 * @param options - see `ReadCSVOptions`
 * @returns the frame
 * @example
 * ```ts
 * import { parseCSV } from "ndframe";
 * const df = parseCSV("day;rain\n2012-01-01;0,5\n2012-01-02;10,9\n", { decimal: "," });
 * df.get("day").dtype; // => { kind: "timestamp", unit: "ns", tz: null }
 * df.get("rain").toArray(); // => [0.5, 10.9]
 * ```
 */
export function parseCSV(text: string | Uint8Array | ArrayBuffer, options?: ReadCSVOptions): DataFrame {
  const settings = csvSettings(options);
  oneThread(settings, "parseCSV");
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : bytesOf(text);
  if (bytes === null)
    throw new OptionError(`parseCSV expects a string, Uint8Array or ArrayBuffer, got ${show(text)}`);
  return frameOf(bytes, settings);
}

/** Parse bytes held in memory with the chosen engine into a frame. */
function frameOf(input: Uint8Array, s: CsvSettings): DataFrame {
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const buf = bom ? input.subarray(3) : input;
  const delimiter = s.delimiter ?? sniffDelimiter(buf, 0, s.quote, s.comment);
  const o = engineOptions(s, delimiter);
  const rules = textRules(s);
  return frameFrom(
    s.engine === "fast" ? readFast(buf, o, rules) : readPapaparse(buf, o, rules),
    s,
    "readCSV",
  );
}

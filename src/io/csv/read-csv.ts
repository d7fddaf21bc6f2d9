/**
 * `readCSV` and `parseCSV`: CSV/TSV into a DataFrame.
 */
import { parse as parseDate } from "date-fns";
import { bitmapBytes, setBit } from "../../core/bitmap.js";
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { type DType, dtypeEquals, dtypeToString, timestamp } from "../../core/dtype.js";
import { CastError, OptionError, ParseError } from "../../core/errors.js";
import { cast } from "../../core/kernels/cast.js";
import { mulAddWords } from "../../core/kernels/cast-time-math.js";
import { DataFrame } from "../../frame/frame.js";
import { show } from "../../util/is.js";
import { type ByteSource, bytesOf, readAllBytes } from "../source.js";
import { type TextRules, UTF8 } from "./csv-column.js";
import { NullMarkers } from "./null-markers.js";
import { type CsvSettings, csvSettings, dialectOf, type ReadCSVOptions } from "./options.js";
import { type FastResult, readFast } from "./read-fast.js";
import { readPapaparse } from "./read-papaparse.js";
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
 * `ndframe/node`. The whole input is read into memory first; `scanCSV`
 * reads in batches.
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
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : bytesOf(text);
  if (bytes === null)
    throw new OptionError(`parseCSV expects a string, Uint8Array or ArrayBuffer, got ${show(text)}`);
  return frameOf(bytes, settings);
}

/** Parse bytes with the chosen engine, then apply the requested dtypes, date formats and dictionaries. */
function frameOf(input: Uint8Array, s: CsvSettings): DataFrame {
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const buf = bom ? input.subarray(3) : input;
  const delimiter = s.delimiter ?? sniffDelimiter(buf, 0, s.quote, s.comment);
  const kinds = new Map<string, number>();
  for (const [name, d] of s.dtypes) kinds.set(name, d.kind);
  for (const name of s.dateFormats.keys()) kinds.set(name, UTF8);
  const fast = {
    dialect: dialectOf(s, delimiter),
    header: s.header,
    names: s.names,
    skipRows: s.skipRows,
    nRows: s.nRows,
    kinds,
    useCols: s.useCols,
    onBadLines: s.onBadLines,
    dates: s.parseDates,
  };
  const rules: TextRules = {
    nulls: new NullMarkers(s.nulls),
    decimal: s.decimal,
    thousands: s.thousands,
    quote: s.quote,
    escape: s.escape,
    decode: (b, from, to) => new TextDecoder().decode(b.subarray(from, to)),
  };
  const r: FastResult = s.engine === "fast" ? readFast(buf, fast, rules) : readPapaparse(buf, fast, rules);
  if (r.badLines.length > 0) {
    if (s.onBadLines === "warn") {
      const shown = r.badLines.slice(0, 5).map((b) => `line ${b.line}: ${b.reason}`);
      console.warn(
        `readCSV: left out ${r.badLines.length} bad rows (${shown.join("; ")}${r.badLines.length > 5 ? "; …" : ""})`,
      );
    }
  }
  s.badLines?.(r.badLines);
  const data = new Map<string, Column>();
  r.names.forEach((name, i) => {
    let col = r.columns[i] as Column;
    const format = s.dateFormats.get(name);
    if (format !== undefined) col = withFormat(col, format, name);
    const want = s.dtypes.get(name);
    if (want !== undefined && !dtypeEquals(col.dtype, want.dtype)) col = convert(col, want.dtype, name);
    else if (
      col.dtype.kind === "utf8" &&
      (s.dictionary === true || (s.dictionary !== false && s.dictionary.has(name)))
    )
      col = cast(col, "category");
    data.set(name, col);
  });
  return new DataFrame(data);
}

/** A parsed column cast to its requested dtype; a value that does not fit names the column. */
function convert(col: Column, to: DType, name: string): Column {
  try {
    return cast(col, to);
  } catch (e) {
    if (e instanceof CastError)
      throw new ParseError(`readCSV: column ${JSON.stringify(name)} as ${dtypeToString(to)}: ${e.message}`);
    throw e;
  }
}

/** Text dates read with a date-fns format into timestamps (ns; UTC when the format reads an offset). */
function withFormat(col: Column, format: string, name: string): Column {
  const zoned = /[XxOz]/.test(format.replace(/'[^']*'/g, ""));
  const n = col.length;
  const values = new BigInt64Array(n);
  const words = new Int32Array(values.buffer);
  const valid = new Uint8Array(bitmapBytes(n));
  const ref = new Date(2000, 0, 1);
  for (let i = 0; i < n; i++) {
    const text = col.get(i) as string | null;
    if (text === null) continue;
    const d = parseDate(text, format, ref);
    const t = d.getTime();
    if (Number.isNaN(t)) {
      throw new ParseError(
        `readCSV: column ${JSON.stringify(name)}, row ${i}: ${JSON.stringify(text)} does not match the date format ${JSON.stringify(format)}`,
      );
    }
    // date-fns builds a local Date: without an offset in the format, its wall clock is the value
    const ms = zoned ? t : wallClockAsUTC(d);
    const hi = Math.floor(ms / 4294967296);
    mulAddWords(words, i, hi, ms - hi * 4294967296, 1000000, 0);
    setBit(valid, i);
  }
  const dtype = timestamp("ns", zoned ? "UTC" : null);
  return Column.fromChunk(makeChunk({ dtype, length: n, values, validity: valid }));
}

/** The local wall-clock time of `d`, read as if it were UTC (ms). */
function wallClockAsUTC(d: Date): number {
  const u = new Date(0);
  u.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  u.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return u.getTime();
}

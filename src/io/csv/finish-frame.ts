/**
 * What both CSV engines share after parsing: their options from the
 * settings, and the finishing of columns into a frame (requested dtypes,
 * date formats, dictionaries, the bad-row report).
 * @internal
 */
import { parse as parseDate } from "date-fns";
import { bitmapBytes, setBit } from "../../core/bitmap.js";
import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { type DType, dtypeEquals, dtypeToString, timestamp } from "../../core/dtype.js";
import { CastError, ParseError } from "../../core/errors.js";
import { cast } from "../../core/kernels/cast.js";
import { mulAddWords } from "../../core/kernels/cast-time-math.js";
import { DataFrame } from "../../frame/frame.js";
import type { CsvSettings } from "./options.js";
import type { FastResult } from "./read-fast.js";

/** The parsed columns as a frame, with requested dtypes, date formats and dictionaries applied. */
export function frameFrom(r: FastResult, s: CsvSettings, what: string): DataFrame {
  if (r.badLines.length > 0 && s.onBadLines === "warn") {
    const shown = r.badLines.slice(0, 5).map((b) => `line ${b.line}: ${b.reason}`);
    console.warn(
      `${what}: left out ${r.badLines.length} bad rows (${shown.join("; ")}${r.badLines.length > 5 ? "; …" : ""})`,
    );
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

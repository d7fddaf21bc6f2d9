/**
 * `toCSV`, `toCSVBytes` and `writeCSV`: a DataFrame as CSV text, RFC 4180
 * quoting, every dtype written so that readCSV reads it back.
 */
import { format as formatDate } from "date-fns";
import { type Chunk, chunkIsValid } from "../../core/chunk.js";
import type { Column } from "../../core/column.js";
import { type DType, int64, type TimeUnit, utf8 } from "../../core/dtype.js";
import { DTypeError, OptionError } from "../../core/errors.js";
import { castColumn } from "../../core/kernels/cast.js";
import { FRACTION_DIGITS, floorDivWords, PER_SECOND } from "../../core/kernels/cast-time-math.js";
import type { DataFrame } from "../../frame/frame.js";
import { isObject, maybeBoolean, show } from "../../util/is.js";
import { type FieldRules, type FieldWriter, fieldWriter, Out, textField } from "./write-fields.js";

/** Options of `toCSV`, `toCSVBytes` and `writeCSV`. */
export interface ToCSVOptions {
  /** The field separator, one character (default `,`). */
  delimiter?: string;
  /** Write the column names first (default true). */
  header?: boolean;
  /** The text of a null (default: the empty field). */
  nullText?: string;
  /** The text of a float NaN (default `NaN`, which readCSV reads as null unless it is removed from the null markers). */
  nanText?: string;
  /** A date-fns format for timestamp and date columns (millisecond precision); default ISO 8601 as pandas writes it. */
  dateFormat?: string;
  /** The line break (default `\n`). */
  lineTerminator?: "\n" | "\r\n";
  /** Quote every field, not just those that need it (default false). */
  quoteAll?: boolean;
}

interface Settings {
  delimiter: string;
  header: boolean;
  nullText: string;
  nanText: string;
  dateFormat: string | null;
  eol: string;
  quoteAll: boolean;
}

const KEYS = new Set([
  "delimiter",
  "header",
  "nullText",
  "nanText",
  "dateFormat",
  "lineTerminator",
  "quoteAll",
]);

function settingsOf(options: ToCSVOptions | undefined): Settings {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`toCSV: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(o))
    if (!KEYS.has(k))
      throw new OptionError(
        `toCSV: unknown option ${JSON.stringify(k)} (expected one of ${[...KEYS].join(", ")})`,
      );
  const text = (name: string, v: unknown, fallback: string): string => {
    if (v === undefined) return fallback;
    if (typeof v !== "string") throw new OptionError(`invalid ${name}: ${show(v)} (expected a string)`);
    return v;
  };
  const delimiter = text("delimiter", o.delimiter, ",");
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")
    throw new OptionError(
      `invalid delimiter: ${show(delimiter)} (expected one character other than a quote or line break)`,
    );
  const eol = text("lineTerminator", o.lineTerminator, "\n");
  if (eol !== "\n" && eol !== "\r\n")
    throw new OptionError(`invalid lineTerminator: ${show(eol)} (expected one of \\n, \\r\\n)`);
  return {
    delimiter,
    header: maybeBoolean("header", o.header, true),
    nullText: text("nullText", o.nullText, ""),
    nanText: text("nanText", o.nanText, "NaN"),
    dateFormat: o.dateFormat === undefined ? null : text("dateFormat", o.dateFormat, ""),
    eol,
    quoteAll: maybeBoolean("quoteAll", o.quoteAll, false),
  };
}

/** Rows formatted per piece of output. */
const BATCH = 1 << 15;

/**
 * Write a frame as CSV text.
 *
 * Fields that hold the delimiter, a quote or a line break are quoted, with
 * quotes doubled (RFC 4180); an empty string is written `""` so that it
 * differs from a null when nulls are empty (readCSV, as pandas, still reads
 * both as null unless `""` is removed from its null markers). Numbers are written in the
 * shortest form that reads back to the same value, int64 exactly;
 * timestamps as `2021-03-14 12:00:00.5` (date only when every value is at
 * midnight; the offset for zoned columns), dates as `2021-03-14`, durations
 * as integers in their unit, bools as `True`/`False`. The index is not
 * written (`resetIndex()` first to keep it). Binary columns are an error.
 *
 * @param df - the frame
 * @param options - delimiter, header, nullText, nanText, dateFormat, lineTerminator, quoteAll
 * @returns the CSV text
 * @example
 * ```ts
 * import { DataFrame, toCSV } from "ndframe";
 * const df = new DataFrame({ name: ["Smith, J.", "Lee"], score: [2.5, null] });
 * toCSV(df); // => 'name,score\n"Smith, J.",2.5\nLee,\n'
 * ```
 */
export function toCSV(df: DataFrame, options?: ToCSVOptions): string {
  return new TextDecoder().decode(toCSVBytes(df, options));
}

/**
 * Write a frame as UTF-8 CSV bytes; the same format as `toCSV`.
 *
 * @param df - the frame
 * @param options - see `ToCSVOptions`
 * @returns the bytes
 * @example
 * ```ts
 * import { DataFrame, toCSVBytes } from "ndframe";
 * toCSVBytes(new DataFrame({ a: [1, 2] })).length; // => 6
 * ```
 */
export function toCSVBytes(df: DataFrame, options?: ToCSVOptions): Uint8Array {
  // one buffer across the batches: no copy per batch, one to trim at the end
  const o = new Out();
  for (const _ of batches(df, settingsOf(options), o, true));
  return o.buf.slice(0, o.pos);
}

/**
 * Write a frame as CSV into a WritableStream (or anything with a
 * `getWriter()`), a batch of rows at a time, so the whole text never
 * exists at once. ndframe/node's `writeCSV` also takes a file path.
 *
 * @param df - the frame
 * @param dest - the stream
 * @param options - see `ToCSVOptions`
 * @returns when everything is written (the stream is closed)
 */
export async function writeCSV(
  df: DataFrame,
  dest: WritableStream<Uint8Array>,
  options?: ToCSVOptions,
): Promise<void> {
  if (!isObject(dest) || typeof (dest as WritableStream).getWriter !== "function")
    throw new OptionError(
      `writeCSV: invalid destination ${show(dest)} (expected a WritableStream; file paths through ndframe/node)`,
    );
  const writer = dest.getWriter();
  try {
    for (const piece of batches(df, settingsOf(options))) await writer.write(piece);
    await writer.close();
  } finally {
    writer.releaseLock();
  }
}

/** The CSV bytes in pieces of BATCH rows (the header with the first). @internal */
export function* csvBatches(df: DataFrame, options?: ToCSVOptions): Generator<Uint8Array> {
  yield* batches(df, settingsOf(options));
}

/** Write the CSV into `o` a batch at a time, yielding each batch's bytes (`keep`: accumulate in `o`, yield nothing of use). */
function* batches(df: DataFrame, s: Settings, o = new Out(), keep = false): Generator<Uint8Array> {
  const names = df.columns as string[];
  const cols = names.map((n) => writable((df.column(n) as Column).rechunk()));
  cols.forEach((c, i) => {
    if (c.dtype.kind === "binary")
      throw new DTypeError(
        `toCSV: column ${JSON.stringify(names[i])} is binary, which CSV cannot hold (encode it as text first)`,
      );
  });
  const enc = new TextEncoder();
  const rules: FieldRules = {
    delimiter: s.delimiter.charCodeAt(0),
    nullText: enc.encode(s.nullText),
    nanText: enc.encode(s.nanText),
    quoteAll: s.quoteAll,
  };
  const delim = rules.delimiter;
  const eol = enc.encode(s.eol);
  if (s.header) {
    names.forEach((n, c) => {
      if (c > 0) o.text(s.delimiter);
      const b = enc.encode(n);
      textField(o, b, 0, b.length, { ...rules, quoteAll: s.quoteAll });
    });
    o.bytes(eol);
  }
  // byte writers where the dtype has one; formatted text per batch for the others
  const fast = cols.map((c) => fieldWriter(c.chunks[0] as Chunk, rules));
  const formats = cols.map((c, i) => (fast[i] === null ? temporalTexts(c, s) : null));
  // one column: an empty field would be a blank line, which readers skip
  const lone = cols.length === 1;
  const width = cols.length;
  for (let start = 0; start < df.length || (start === 0 && o.pos > 0); start += BATCH) {
    const end = Math.min(df.length, start + BATCH);
    const writers = cols.map((c, i) => {
      const f = fast[i];
      if (f !== null) return f;
      const texts = (formats[i] as Formatter)(c.slice(start, end));
      return (out: Out, r: number) => {
        const t = texts[r - start];
        if (t === null || t === undefined) return out.bytes(rules.nullText);
        const b = enc.encode(t);
        textField(out, b, 0, b.length, rules);
      };
    });
    const cr = eol.length === 2;
    for (let r = start; r < end; r++) {
      for (let c = 0; c < width; c++) {
        const before = o.pos;
        (writers[c] as FieldWriter)(o, r);
        if (lone && o.pos === before) o.text('""');
        o.need(2);
        // the delimiter after each field; the last one's place takes the line break
        if (c < width - 1) o.buf[o.pos++] = delim;
      }
      if (cr) o.buf[o.pos++] = 13;
      o.buf[o.pos++] = 10;
    }
    if (keep) {
      yield o.buf;
      continue;
    }
    yield o.buf.slice(0, o.pos);
    o.pos = 0;
  }
}

type Formatter = (c: Column) => (string | null)[];

/** Timestamps, dates and times of day as text (null for nulls); the writer quotes what needs it. */
function temporalTexts(col: Column, s: Settings): Formatter {
  const d = col.dtype;
  // times of day as Python's str(datetime.time), as pandas writes them ("09:30:00"); dateFormat is for dates
  if (d.kind === "time") return (c) => castColumn(c, utf8, SAFE).toArray() as (string | null)[];
  if (s.dateFormat !== null) {
    const f = s.dateFormat;
    return (c) => dateTexts(c).map((ms) => (ms === null ? null : formatDate(wallClock(ms), f)));
  }
  const texts = (c: Column) => castColumn(c, utf8, SAFE).toArray() as (string | null)[];
  if (d.kind === "date") return texts;
  const dateOnly = (d as { tz: string | null }).tz === null && allMidnight(col);
  const digits = fractionDigits(col);
  return (c) => texts(c).map((t) => (t === null ? null : isoField(t, dateOnly, digits)));
}

/** The column in a dtype that has a byte writer: durations as their int64 counts, other text as utf8. */
function writable(col: Column): Column {
  const kind = col.dtype.kind;
  if (kind === "duration") return castColumn(col, int64, SAFE);
  if (kind === "large_utf8" || kind === "dictionary") return castColumn(col, utf8, SAFE).rechunk();
  return col;
}

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };

/** `YYYY-MM-DDTHH:MM:SS.fffffffff[±HH:MM]` as pandas writes it: a space for T, `digits` fraction digits, or the date alone. */
function isoField(t: string, dateOnly: boolean, digits: number): string {
  if (dateOnly) return t.slice(0, 10);
  const dot = t.indexOf(".", 19);
  const zone = t.slice(dot < 0 ? 19 : dot + 10);
  const frac = dot < 0 || digits === 0 ? "" : t.slice(dot, dot + 1 + digits);
  return `${t.slice(0, 10)} ${t.slice(11, 19)}${frac}${zone}`;
}

/** Milliseconds since the epoch of each timestamp or date (null for nulls); dateFormat's precision. */
function dateTexts(c: Column): (number | null)[] {
  const tz = c.dtype.kind === "timestamp" ? (c.dtype as { tz: string | null }).tz : null;
  const ms = castColumn(c, { kind: "timestamp", unit: "ms", tz } as DType, { ...SAFE, timeTruncate: true });
  return (castColumn(ms, int64, SAFE).toArray() as (bigint | null)[]).map((v) =>
    v === null ? null : Number(v),
  );
}

/**
 * For each valid timestamp: its seconds since the epoch (floored) and the
 * fraction of a second in units; through int64 words, no BigInt.
 */
function secondsAndFractions(col: Column, visit: (sec: number, frac: number) => void): void {
  const per = PER_SECOND[(col.dtype as { unit: TimeUnit }).unit];
  const q = new Int32Array(2);
  for (const c of col.chunks) {
    const v = c.values as BigInt64Array;
    const w = new Int32Array(v.buffer, v.byteOffset, 2 * c.length);
    for (let i = 0; i < c.length; i++) {
      if (!chunkIsValid(c, i)) continue;
      const frac = floorDivWords(q, 0, w[2 * i + 1] as number, (w[2 * i] as number) >>> 0, per);
      visit((q[1] as number) * 4294967296 + ((q[0] as number) >>> 0), frac);
    }
  }
}

/** Whether every timestamp is at midnight (pandas then writes dates alone). */
function allMidnight(col: Column): boolean {
  let all = true;
  secondsAndFractions(col, (sec, frac) => {
    if (frac !== 0 || sec % 86400 !== 0) all = false;
  });
  return all;
}

/** The fewest fraction digits (0, 3, 6 or 9, within the unit) that write every value exactly. */
function fractionDigits(col: Column): number {
  const max = FRACTION_DIGITS[(col.dtype as { unit: TimeUnit }).unit];
  let need = 0;
  secondsAndFractions(col, (_, frac) => {
    let f = frac;
    let digits = max;
    while (digits > need && f % 1000 === 0) {
      f /= 1000;
      digits -= 3;
    }
    if (f !== 0) need = Math.max(need, digits);
  });
  return need;
}

/** A local Date showing the UTC wall clock of `ms` (date-fns formats local time). */
function wallClock(ms: number): Date {
  const u = new Date(ms);
  const d = new Date(0);
  d.setFullYear(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate());
  d.setHours(u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds());
  return d;
}

/**
 * readCSV's options: the public shape, and their normalization into what
 * the engines use. Bad keywords fail here, before any byte is read.
 * @internal
 */
import { type DType, dtypeToString, parseDType } from "../../core/dtype.js";
import { OptionError } from "../../core/errors.js";
import { isObject, maybeBoolean, maybeKeyword, nonNegativeInt, show } from "../../util/is.js";
import { BOOL, F64, I32, I64, type TextRules, TS, UTF8 } from "./csv-column.js";
import type { BadLine } from "./fast-rows.js";
import { NullMarkers, PANDAS_NULLS } from "./null-markers.js";
import type { FastOptions } from "./read-fast.js";
import type { Dialect } from "./tokenize.js";

/** Options of `readCSV` and `parseCSV`. */
export interface ReadCSVOptions {
  /** "fast" (default): ndframe's byte-level engine; "papaparse": papaparse's tokenizer, for dialects the fast engine does not take. */
  engine?: "fast" | "papaparse";
  /** The first row holds the column names (default true). */
  header?: boolean;
  /** Column names to use instead of the header's (or for a file without one). */
  names?: readonly string[];
  /** The field separator, one character; sniffed among `,` `\t` `;` `|` when omitted. */
  delimiter?: string;
  /** The quote character (default `"`); `null` turns quoting off. */
  quote?: string | null;
  /** A character that escapes the next one inside quotes (default: none; a doubled quote is the escape). */
  escape?: string | null;
  /** Lines starting with this character are skipped. */
  comment?: string | null;
  /** Lines to skip at the start, before the header. */
  skipRows?: number;
  /** Read at most this many data rows. */
  nRows?: number;
  /** Columns to keep, by name or position; the others are not parsed. */
  useCols?: readonly (string | number)[];
  /** dtypes by column name (e.g. `{ id: "int64", day: "date32", kind: "category" }`); values that do not fit are errors. */
  dtypes?: Readonly<Record<string, string | DType>>;
  /** Field texts read as null; they replace pandas' defaults unless `keepDefaultNulls` is true. */
  nullValues?: readonly string[];
  /** Keep pandas' default null markers (`""`, `NA`, `NaN`, `null`, `#N/A` …) next to `nullValues` (default true). */
  keepDefaultNulls?: boolean;
  /** The thousands separator inside numbers, e.g. `","` or `"."` (default: none). */
  thousands?: string;
  /** The decimal mark (default `"."`). */
  decimal?: string;
  /** Read ISO 8601 text columns as timestamps (default true). */
  parseDates?: boolean;
  /** date-fns formats (`"dd/MM/yyyy"`) by column name, for date columns that are not ISO 8601. */
  dateFormats?: Readonly<Record<string, string>>;
  /** Dictionary-encode text columns: true for all, or the names of those to encode. */
  dictionary?: boolean | readonly string[];
  /** A row with the wrong number of fields: "error" (default), or leave it out ("skip") and also print it ("warn"). */
  onBadLines?: "error" | "skip" | "warn";
  /** Receives the rows left out by onBadLines "skip" or "warn", once, after reading. */
  badLines?: (rows: BadLine[]) => void;
  /**
   * Threads that read parts of the file at once: `ndframe/node`'s readCSV
   * of a file path with the fast engine only (default there: the cores, at
   * most 4; 1 reads in one pass). Elsewhere more than 1 is an error.
   */
  threads?: number;
}

/** Everything the engines need, normalized. */
export interface CsvSettings {
  engine: "fast" | "papaparse";
  /** null: sniff from the first lines. */
  delimiter: number | null;
  quote: number;
  escape: number;
  comment: number;
  header: boolean;
  names: readonly string[] | null;
  nulls: readonly string[];
  decimal: number;
  thousands: number;
  skipRows: number;
  nRows: number;
  useCols: readonly (string | number)[] | null;
  /** Requested dtypes by name, and the parser kind that reads each. */
  dtypes: ReadonlyMap<string, { dtype: DType; kind: number }>;
  parseDates: boolean;
  dateFormats: ReadonlyMap<string, string>;
  dictionary: boolean | ReadonlySet<string>;
  onBadLines: "error" | "skip" | "warn";
  badLines: ((rows: BadLine[]) => void) | null;
  /** null: the reader's default. */
  threads: number | null;
}

const KEYS = new Set([
  "engine",
  "header",
  "names",
  "delimiter",
  "quote",
  "escape",
  "comment",
  "skipRows",
  "nRows",
  "useCols",
  "dtypes",
  "nullValues",
  "keepDefaultNulls",
  "thousands",
  "decimal",
  "parseDates",
  "dateFormats",
  "dictionary",
  "onBadLines",
  "badLines",
  "threads",
]);

/** Validate and normalize readCSV options. */
export function csvSettings(options: ReadCSVOptions | undefined): CsvSettings {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`readCSV: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (!KEYS.has(k))
      throw new OptionError(
        `readCSV: unknown option ${JSON.stringify(k)} (expected one of ${[...KEYS].join(", ")})`,
      );
  }
  const nulls = o.nullValues === undefined ? [] : stringList("nullValues", o.nullValues);
  const keep = maybeBoolean("keepDefaultNulls", o.keepDefaultNulls, true);
  const decimal = char("decimal", o.decimal, ".") as number;
  const thousands = char("thousands", o.thousands, null) ?? -1;
  if (decimal === thousands) throw new OptionError(`readCSV: decimal and thousands are the same character`);
  const s: CsvSettings = {
    engine: maybeKeyword("engine", o.engine, ["fast", "papaparse"], "fast"),
    delimiter: char("delimiter", o.delimiter, null),
    quote: char("quote", o.quote, '"') ?? -1,
    escape: char("escape", o.escape, null) ?? -1,
    comment: char("comment", o.comment, null) ?? -1,
    header: maybeBoolean("header", o.header, true),
    names: o.names === undefined ? null : uniqueNames(stringList("names", o.names)),
    nulls: keep ? [...new Set([...PANDAS_NULLS, ...nulls])] : nulls,
    decimal,
    thousands,
    skipRows: o.skipRows === undefined ? 0 : nonNegativeInt("skipRows", o.skipRows),
    nRows: o.nRows === undefined ? Number.POSITIVE_INFINITY : nonNegativeInt("nRows", o.nRows),
    useCols: o.useCols === undefined ? null : useCols(o.useCols),
    dtypes: dtypes(o.dtypes),
    parseDates: maybeBoolean("parseDates", o.parseDates, true),
    dateFormats: record("dateFormats", o.dateFormats),
    dictionary: dictionary(o.dictionary),
    onBadLines: maybeKeyword("onBadLines", o.onBadLines, ["error", "skip", "warn"], "error"),
    badLines: o.badLines === undefined ? null : callback("badLines", o.badLines),
    threads: o.threads === undefined ? null : Math.max(1, nonNegativeInt("threads", o.threads)),
  };
  if (s.delimiter !== null && (s.delimiter === s.quote || s.delimiter === 10 || s.delimiter === 13)) {
    throw new OptionError(
      `readCSV: invalid delimiter: ${show(o.delimiter)} (it is the quote or a line break)`,
    );
  }
  for (const name of s.dateFormats.keys()) {
    const d = s.dtypes.get(name);
    if (d !== undefined && d.kind !== TS)
      throw new OptionError(
        `readCSV: column ${JSON.stringify(name)} has both a date format and dtype ${dtypeToString(d.dtype)}`,
      );
  }
  return s;
}

/** Reject `threads` above 1 where a read runs on the calling thread only. */
export function oneThread(s: CsvSettings, what: string): void {
  if (s.threads !== null && s.threads > 1)
    throw new OptionError(
      `${what}: threads: ${s.threads} reads parts of a file at once, which only ndframe/node's readCSV of a file path does (with the fast engine); use threads: 1 or leave it out`,
    );
}

/** The fast engine's dialect once the delimiter is known. */
export function dialectOf(s: CsvSettings, delimiter: number): Dialect {
  return { delimiter, quote: s.quote, escape: s.escape, comment: s.comment };
}

/** A one-character option as its byte (ASCII only), null when not given. */
function char(option: string, value: unknown, fallback: string | null): number | null {
  const v = value === undefined ? fallback : value;
  if (v === null) return null;
  if (typeof v !== "string" || v.length !== 1 || v.charCodeAt(0) > 127) {
    throw new OptionError(
      `invalid ${option}: ${show(value)} (expected one ASCII character${fallback === null ? " or null" : ""})`,
    );
  }
  return v.charCodeAt(0);
}

function stringList(option: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new OptionError(`invalid ${option}: ${show(value)} (expected an array of strings)`);
  }
  return [...value];
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new OptionError(`invalid names: ${JSON.stringify(n)} appears twice`);
    seen.add(n);
  }
  return names;
}

function useCols(value: unknown): (string | number)[] {
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === "string" || (Number.isInteger(v) && v >= 0))
  ) {
    throw new OptionError(
      `invalid useCols: ${show(value)} (expected column names or non-negative positions)`,
    );
  }
  return [...value];
}

function record(option: string, value: unknown): Map<string, string> {
  if (value === undefined) return new Map();
  if (!isObject(value) || Array.isArray(value) || !Object.values(value).every((v) => typeof v === "string")) {
    throw new OptionError(`invalid ${option}: ${show(value)} (expected an object of column name → string)`);
  }
  return new Map(Object.entries(value) as [string, string][]);
}

function callback<T>(option: string, value: unknown): T {
  if (typeof value !== "function")
    throw new OptionError(`invalid ${option}: ${show(value)} (expected a function)`);
  return value as T;
}

function dictionary(value: unknown): boolean | Set<string> {
  if (value === undefined) return false;
  if (typeof value === "boolean") return value;
  return new Set(stringList("dictionary", value));
}

/** Requested dtypes, each with the parser kind that reads its text (a cast follows where they differ). */
function dtypes(value: unknown): Map<string, { dtype: DType; kind: number }> {
  const out = new Map<string, { dtype: DType; kind: number }>();
  if (value === undefined) return out;
  if (!isObject(value) || Array.isArray(value))
    throw new OptionError(`invalid dtypes: ${show(value)} (expected an object of column name → dtype)`);
  for (const [name, d] of Object.entries(value)) {
    let dtype: DType;
    try {
      dtype = parseDType(d as string | DType);
    } catch (e) {
      throw new OptionError(`invalid dtypes: column ${JSON.stringify(name)}: ${(e as Error).message}`);
    }
    out.set(name, { dtype, kind: kindFor(name, dtype) });
  }
  return out;
}

function kindFor(name: string, d: DType): number {
  switch (d.kind) {
    case "bool":
      return BOOL;
    case "int32":
      return I32;
    case "int8":
    case "int16":
    case "uint8":
    case "uint16":
    case "uint32":
    case "int64":
    case "uint64":
    case "duration":
      // durations are written as integers in their unit
      return d.kind === "uint64" ? UTF8 : I64;
    case "float32":
    case "float64":
      return F64;
    case "utf8":
    case "large_utf8":
    case "dictionary":
      return UTF8;
    case "timestamp":
    case "date":
      return TS;
    default:
      throw new OptionError(
        `invalid dtypes: column ${JSON.stringify(name)}: CSV text cannot be read as ${dtypeToString(d)} (read it as utf8 and convert)`,
      );
  }
}

/** The engines' options; `delimiter` -1 lets the fast engine sniff it. */
export function engineOptions(s: CsvSettings, delimiter: number): FastOptions {
  const kinds = new Map<string, number>();
  for (const [name, d] of s.dtypes) kinds.set(name, d.kind);
  for (const name of s.dateFormats.keys()) kinds.set(name, UTF8);
  return {
    dialect: dialectOf(s, delimiter),
    header: s.header,
    names: s.names,
    skipRows: s.skipRows,
    nRows: s.nRows,
    kinds,
    useCols: s.useCols,
    onBadLines: s.onBadLines,
    dates: s.parseDates,
    firstLine: 1,
    bom: true,
  };
}

/** How field text becomes values. */
export function textRules(s: CsvSettings): TextRules {
  return {
    nulls: new NullMarkers(s.nulls),
    decimal: s.decimal,
    thousands: s.thousands,
    quote: s.quote,
    escape: s.escape,
    decode: (b, from, to) => new TextDecoder().decode(b.subarray(from, to)),
  };
}

/**
 * `readJSON` and `parseJSON`: JSON records (`[{…}, …]`), columns
 * (`{"a": […], …}`) and NDJSON (one record per line) into a DataFrame.
 */

import { makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { type DType, dtypeToString, parseDType, timestamp } from "../../core/dtype.js";
import { CastError, DTypeError, OptionError, ParseError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { cast } from "../../core/kernels/cast.js";
import { DataFrame } from "../../frame/frame.js";
import { isObject, maybeBoolean, maybeKeyword, show } from "../../util/is.js";
import { parseIsoBytes, TS_NONE } from "../csv/parse-time.js";
import { type ByteSource, bytesOf, readAllBytes } from "../source.js";
import { parseJSONText } from "./json-values.js";

/** Options of `readJSON` and `parseJSON`. */
export interface ReadJSONOptions {
  /** "records": an array of objects; "columns": an object of arrays. Default: whichever the text holds. */
  orient?: "records" | "columns";
  /** NDJSON: one record per line (default false). */
  lines?: boolean;
  /** dtypes by column name; values that do not fit are errors. */
  dtypes?: Readonly<Record<string, string | DType>>;
  /** Read columns of ISO 8601 strings as timestamps (default true). */
  parseDates?: boolean;
}

interface Settings {
  orient: "records" | "columns" | null;
  lines: boolean;
  dtypes: Map<string, DType>;
  parseDates: boolean;
}

const KEYS = new Set(["orient", "lines", "dtypes", "parseDates"]);

function settingsOf(options: ReadJSONOptions | undefined, what: string): Settings {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`${what}: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(o))
    if (!KEYS.has(k))
      throw new OptionError(
        `${what}: unknown option ${JSON.stringify(k)} (expected one of ${[...KEYS].join(", ")})`,
      );
  const dtypes = new Map<string, DType>();
  if (o.dtypes !== undefined) {
    if (!isObject(o.dtypes))
      throw new OptionError(`invalid dtypes: ${show(o.dtypes)} (expected an object of column name → dtype)`);
    for (const [k, d] of Object.entries(o.dtypes)) {
      try {
        dtypes.set(k, parseDType(d as string | DType));
      } catch (e) {
        throw new OptionError(`invalid dtypes: column ${JSON.stringify(k)}: ${(e as Error).message}`);
      }
    }
  }
  return {
    orient:
      o.orient === undefined ? null : maybeKeyword("orient", o.orient, ["records", "columns"], "records"),
    lines: maybeBoolean("lines", o.lines, false),
    dtypes,
    parseDates: maybeBoolean("parseDates", o.parseDates, true),
  };
}

/**
 * Parse JSON text (or its UTF-8 bytes) into a DataFrame, synchronously.
 *
 * Records (`[{"a": 1}, …]`) give one row per object, with null where an
 * object lacks a key; columns (`{"a": [1, 2]}`) give one column per key;
 * `lines: true` reads NDJSON, one object per line (blank lines skipped).
 * Column dtypes are inferred as readCSV infers them: bool, int32, int64
 * (exact: integers past 2^53 are parsed without rounding), float64, ISO
 * 8601 timestamps, utf8. A column mixing kinds (numbers and strings),
 * nested objects or arrays, and text that is not JSON raise a `ParseError`
 * naming the row or line.
 *
 * @param text - the JSON text or bytes
 * @param options - orient, lines, dtypes, parseDates
 * @returns the frame
 * @example
 * ```ts
 * import { parseJSON } from "ndframe";
 * const df = parseJSON('[{"id": 9007199254740993, "name": "Ada"}, {"id": 2}]');
 * df.get("id").toArray(); // => [9007199254740993n, 2n]
 * df.get("name").toArray(); // => ["Ada", null]
 * ```
 */
export function parseJSON(text: string | Uint8Array | ArrayBuffer, options?: ReadJSONOptions): DataFrame {
  const s = settingsOf(options, "parseJSON");
  const t = typeof text === "string" ? text : decode(bytesOf(text), "parseJSON");
  return frameOf(t, s, "parseJSON");
}

/**
 * Read JSON or NDJSON from bytes, a Blob, a Response, a URL or a stream
 * (paths through `ndframe/node`); see `parseJSON` for the formats and rules.
 *
 * @param source - where the bytes come from
 * @param options - orient, lines, dtypes, parseDates
 * @returns the frame
 * @example
 * ```ts
 * import { readJSON } from "ndframe";
 * const df = await readJSON(new Blob(['{"a": 1}\n{"a": 2.5}\n']), { lines: true });
 * df.get("a").toArray(); // => [1, 2.5]
 * ```
 */
export async function readJSON(source: ByteSource, options?: ReadJSONOptions): Promise<DataFrame> {
  const s = settingsOf(options, "readJSON");
  return frameOf(decode(await readAllBytes(source, "readJSON"), "readJSON"), s, "readJSON");
}

function decode(b: Uint8Array | null, what: string): string {
  if (b === null) throw new OptionError(`${what} expects a string, Uint8Array or ArrayBuffer`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    throw new ParseError(`${what}: the input is not valid UTF-8; decode it from its encoding first`);
  }
}

/** The frame of JSON text. @internal */
export function frameOf(text: string, s: Settings, what: string): DataFrame {
  const data = new Map<string, unknown[]>();
  if (s.lines) {
    const lines = text.split("\n");
    let row = 0;
    lines.forEach((raw, k) => {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.trim() === "") return;
      const v = parseJSONText(line, what, k + 1);
      if (!isRecord(v))
        throw new ParseError(`${what}: line ${k + 1}: expected an object, found ${kindOf(v)}`);
      addRecord(data, v, row++);
    });
    fill(data, row);
  } else {
    const v = parseJSONText(text, what);
    const orient = s.orient ?? (Array.isArray(v) ? "records" : "columns");
    if (orient === "records") {
      if (!Array.isArray(v))
        throw new ParseError(
          `${what}: expected an array of records for orient "records", found ${kindOf(v)} (orient "columns" reads an object of arrays)`,
        );
      v.forEach((r, i) => {
        if (!isRecord(r)) throw new ParseError(`${what}: record ${i} is ${kindOf(r)}, not an object`);
        addRecord(data, r, i);
      });
      fill(data, v.length);
    } else {
      if (!isRecord(v))
        throw new ParseError(
          `${what}: expected an object of columns for orient "columns", found ${kindOf(v)} (orient "records" reads an array of objects)`,
        );
      let n = -1;
      for (const [k, vals] of Object.entries(v)) {
        if (!Array.isArray(vals))
          throw new ParseError(`${what}: column ${JSON.stringify(k)} is ${kindOf(vals)}, not an array`);
        if (n >= 0 && vals.length !== n)
          throw new ParseError(
            `${what}: column ${JSON.stringify(k)} has ${vals.length} values, the columns before it ${n}`,
          );
        n = vals.length;
        data.set(k, vals);
      }
    }
  }
  for (const k of s.dtypes.keys())
    if (!data.has(k))
      throw new ParseError(`${what}: dtypes names ${JSON.stringify(k)}, which the data does not have`);
  const cols = new Map<string, Column>();
  for (const [k, vals] of data) cols.set(k, jsonColumn(k, vals, s.dtypes.get(k) ?? null, s.parseDates, what));
  return new DataFrame(cols);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return typeof v === "bigint" ? "a number" : `a ${typeof v}`;
}

/** Append a record's values at row `row`; keys seen first later get nulls before. */
function addRecord(data: Map<string, unknown[]>, r: Record<string, unknown>, row: number): void {
  for (const [k, v] of Object.entries(r)) {
    let col = data.get(k);
    if (col === undefined) {
      col = new Array(row).fill(null);
      data.set(k, col);
    }
    while (col.length < row) col.push(null);
    col.push(v === undefined ? null : v);
  }
}

/** Pad every column with nulls to `n` rows. */
function fill(data: Map<string, unknown[]>, n: number): void {
  for (const col of data.values()) {
    const from = col.length;
    col.length = n;
    col.fill(null, from);
  }
}

/** A column from JSON values: the requested dtype, or the one the values imply. */
function jsonColumn(name: string, vals: unknown[], want: DType | null, dates: boolean, what: string): Column {
  const kinds = new Map<string, number>();
  vals.forEach((v, i) => {
    if (v === null) return;
    const k =
      typeof v === "bigint"
        ? "number"
        : typeof v === "object"
          ? Array.isArray(v)
            ? "array"
            : "object"
          : typeof v;
    if (!kinds.has(k)) kinds.set(k, i);
  });
  for (const [k, i] of kinds) {
    if (k === "array" || k === "object")
      throw new ParseError(
        `${what}: column ${JSON.stringify(name)}, row ${i}: nested ${k}s are not supported yet (flatten them first)`,
      );
  }
  if (want !== null && want.kind === "utf8") {
    return column(
      vals.map((v) => (v === null ? null : typeof v === "string" ? v : String(v))),
      "utf8",
    );
  }
  if (kinds.size > 1) {
    const [[a, i], [b, j]] = [...kinds] as [[string, number], [string, number]];
    throw new ParseError(
      `${what}: column ${JSON.stringify(name)} mixes ${a}s (row ${i}) and ${b}s (row ${j}); pass dtypes: { ${JSON.stringify(name)}: "utf8" } to read it as text`,
    );
  }
  const kind = [...kinds.keys()][0] ?? "none";
  let col: Column;
  if (kind === "number") col = numbers(vals as (number | bigint | null)[], want, name, what);
  else if (kind === "boolean") col = column(vals as (boolean | null)[], "bool");
  else if (kind === "string")
    col =
      (dates && want === null ? isoColumn(vals as (string | null)[]) : null) ??
      column(vals as (string | null)[], "utf8");
  else col = column(vals as null[], "float64");
  if (want === null || dtypeToString(want) === dtypeToString(col.dtype)) return col;
  try {
    return cast(col, want);
  } catch (e) {
    if (e instanceof CastError || e instanceof DTypeError)
      throw new ParseError(`${what}: column ${JSON.stringify(name)} as ${dtypeToString(want)}: ${e.message}`);
    throw e;
  }
}

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** int32, int64 or uint64 (exact) or float64, as the numbers need. */
function numbers(vals: (number | bigint | null)[], want: DType | null, name: string, what: string): Column {
  let ints = true;
  let small = true;
  let big: bigint | null = null;
  for (const v of vals) {
    if (v === null) continue;
    if (typeof v === "bigint") {
      small = false;
      if ((v > INT64_MAX || v < -INT64_MAX - 1n) && big === null) big = v;
    } else if (!Number.isInteger(v)) ints = false;
    else if (v < -2147483648 || v > 2147483647) small = false;
  }
  if (!ints || want?.kind === "float64" || want?.kind === "float32")
    return column(
      vals.map((v) => (typeof v === "bigint" ? Number(v) : v)),
      "float64",
    );
  if (small) return column(vals as (number | null)[], "int32");
  const exact = vals.map((v) => (typeof v === "number" ? BigInt(v) : v));
  if (big === null && want?.kind !== "uint64") return column(exact, "int64");
  if (exact.every((v) => v === null || (v >= 0n && v <= UINT64_MAX))) return column(exact, "uint64");
  throw new ParseError(
    `${what}: column ${JSON.stringify(name)} holds ${big}, beyond int64 and uint64; pass dtypes: { ${JSON.stringify(name)}: "float64" } (rounded) or "utf8"`,
  );
}

/** A timestamp column when every string is ISO 8601 with one zone kind, else null. */
function isoColumn(vals: (string | null)[]): Column | null {
  const n = vals.length;
  const values = new BigInt64Array(n);
  const w = new Int32Array(values.buffer);
  const valid = new Uint8Array((n + 7) >>> 3);
  const enc = new TextEncoder();
  // one scratch buffer for every value's bytes (ISO text is short; longer text is not a timestamp)
  const b = new Uint8Array(64);
  let zone = TS_NONE;
  for (let i = 0; i < n; i++) {
    const v = vals[i];
    if (v === null || v === undefined) continue;
    if (v.length > 40) return null;
    const { written } = enc.encodeInto(v, b);
    const z = parseIsoBytes(b, 0, written, w, i);
    if (z === TS_NONE || (zone !== TS_NONE && z !== zone)) return null;
    zone = z;
    valid[i >>> 3] = (valid[i >>> 3] as number) | (1 << (i & 7));
  }
  if (zone === TS_NONE) return null;
  return Column.fromChunk(
    makeChunk({ dtype: timestamp("ns", zone === 2 ? "UTC" : null), length: n, values, validity: valid }),
  );
}

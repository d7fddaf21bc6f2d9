/**
 * `toDatetime`: strings or numbers → timestamps, as pandas' `to_datetime`.
 */
import type { Chunk } from "../core/chunk.js";
import { makeChunk } from "../core/chunk.js";
import { Column } from "../core/column.js";
import {
  dtypeToString,
  isFloat,
  isInteger,
  isString,
  type Timestamp,
  type TimeUnit,
  timestamp,
} from "../core/dtype.js";
import { CastError, DTypeError, OptionError, ParseError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import { cast } from "../core/kernels/cast.js";
import { formatOffset, PER_SECOND } from "../core/kernels/cast-time-math.js";
import {
  BAD,
  isoChunk,
  NULL,
  type OnBad,
  OUT_OF_BOUNDS,
  parseIsoBytes,
  parserChunk,
  Sink,
  type TextParser,
  WHY,
  ZONE_BASE,
} from "../core/kernels/dt-parse.js";
import { DateFnsParser } from "../core/kernels/dt-parse-datefns.js";
import { isStrftime, StrftimeParser } from "../core/kernels/dt-parse-format.js";
import { floatsToTicks, int64sToTicks, type NumberScale } from "../core/kernels/dt-parse-numbers.js";
import { keyword, maybeBoolean, maybeKeyword, optionsOf, show } from "../util/is.js";
import { Series } from "./series.js";

/** Units of numeric input (pandas' `unit`): days, hours, minutes, seconds … nanoseconds. */
export type InputUnit = "D" | "h" | "m" | "s" | "ms" | "us" | "ns";

/** Options of `toDatetime` (pandas' `to_datetime` keywords, in camelCase). */
export interface ToDatetimeOptions {
  /**
   * How to read strings. Omitted or `"ISO8601"`: any ISO 8601 shape. A
   * format with `%` directives is strftime-style, as pandas
   * (`"%d/%m/%Y %H:%M"`); `"mixed"` reads each value as ISO 8601 (pandas
   * guesses per value); any other text is a date-fns format
   * (`"dd.MM.yyyy"`, millisecond precision).
   */
  format?: string;
  /** `"raise"` (default): the first bad value throws, naming its row; `"coerce"`: bad values become null. */
  errors?: "raise" | "coerce";
  /** Return UTC timestamps: offsets are applied, naive text is read as UTC. */
  utc?: boolean;
  /** Unit of numeric input (default `"ns"`). */
  unit?: InputUnit;
  /** Reference of numeric input: `"unix"` (default), `"julian"` (unit "D"), an ISO date string, or a number of `unit`s after the epoch. */
  origin?: string | number;
  /** strftime formats only: let the format match anywhere in the text (pandas' `exact=False`). */
  exact?: boolean;
  /** The unit of the result (default `"ns"`, as pandas); finer digits are truncated. */
  resultUnit?: TimeUnit;
  /**
   * pandas' hint to its guessing parser. ndframe reads ISO 8601 text or an
   * explicit `format`, which are never ambiguous: `false` is accepted,
   * `true` throws and asks for a format (e.g. `"%d/%m/%Y"`).
   */
  dayfirst?: boolean;
  /** As `dayfirst`. */
  yearfirst?: boolean;
}

const KEYS = [
  "format",
  "errors",
  "utc",
  "unit",
  "origin",
  "exact",
  "resultUnit",
  "dayfirst",
  "yearfirst",
] as const;
const NS_PER: Record<InputUnit, number> = { D: 86400e9, h: 3600e9, m: 60e9, s: 1e9, ms: 1e6, us: 1e3, ns: 1 };

/** Text to show a format in messages. */
const showFormat = (f: string | undefined): string =>
  JSON.stringify(f === undefined || f === "mixed" ? "ISO8601" : f);

/**
 * Convert strings or numbers to timestamps (pandas' `to_datetime`).
 *
 * Strings: ISO 8601 by default, parsed straight from the UTF-8 bytes of the
 * column (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `T` or space, 1–9 fraction
 * digits, `Z`, `±HH:MM`, `±HHMM`; ranges checked, leap days included); a
 * categorical column parses each category once. An explicit `format` is
 * strftime-style when it contains `%` (compiled once to a byte matcher),
 * else a date-fns format. Empty strings, "NaT" and "nan" give null, as
 * pandas. Time zones: text with one offset everywhere gives a fixed-offset
 * zone (`"+05:30"`, or `"UTC"` for `Z`/`+00:00`); several offsets, or naive
 * and zoned text mixed, throw unless `utc: true` (pandas 3 behaviour; pandas
 * 2 warned); `utc: true` converts everything to UTC, reading naive text as
 * UTC.
 *
 * Numbers: counts of `unit` since `origin`; integers scale exactly (int64
 * beyond 2^53 included), floats keep their fraction to the nanosecond as
 * pandas does; NaN gives null.
 *
 * Errors: with `errors: "raise"` the first bad value throws a `ParseError`
 * (a `CastError` when out of range of the unit) naming the row and the
 * text; with `"coerce"` it becomes null. Mixed zones throw either way.
 * Nulls stay null. Cost: one pass, no JS string per value on the ISO and
 * strftime paths (date-fns formats decode each value).
 *
 * @param values - a Series (the result keeps its index and name), a Column, or an array of strings or numbers
 * @param options - `format`, `errors`, `utc`, `unit`, `origin`, `exact`, `resultUnit`, `dayfirst`, `yearfirst`
 * @returns a Series of `timestamp[resultUnit]` (zoned as described)
 * @example
 * ```ts
 * import { toDatetime } from "ndframe";
 * const s = toDatetime(["2018-10-26 12:00:00", "2018-10-26 13:00:00"]);
 * s.toArray(); // => [1540555200000000000n, 1540558800000000000n]
 * toDatetime(["2018-10-26 12:00 -0500", "2018-10-26 13:00 -0500"]).dtype.tz; // => "-05:00"
 * const c = toDatetime(["03/14/2021", "bad"], { format: "%m/%d/%Y", errors: "coerce" });
 * c.toArray(); // => [1615680000000000000n, null]
 * toDatetime([1490195805], { unit: "s" }).get(0); // => 1490195805000000000n
 * ```
 */
export function toDatetime(
  values: Series | Column | ArrayLike<string | number | bigint | null | undefined>,
  options?: ToDatetimeOptions,
): Series<Timestamp> {
  const o = optionsOf("toDatetime", options, KEYS);
  if (o.errors === "ignore") {
    throw new OptionError(
      'toDatetime: errors: "ignore" is not supported (pandas deprecated it in 2.2 and removed it in 3.0); use "coerce", or catch the error',
    );
  }
  if ("tz" in (options ?? {}))
    throw new OptionError("toDatetime: no tz option (as pandas); use utc: true, then convert");
  const errors = maybeKeyword("errors", o.errors, ["raise", "coerce"], "raise");
  const utc = maybeBoolean("utc", o.utc, false);
  const exact = maybeBoolean("exact", o.exact, true);
  for (const k of ["dayfirst", "yearfirst"] as const) {
    // they only steer pandas' guessing parser; ndframe reads ISO 8601 or an explicit format, which are unambiguous
    if (maybeBoolean(k, o[k], false)) {
      throw new OptionError(
        `toDatetime: ${k}: true has no effect here (ndframe reads ISO 8601 or an explicit format); pass a format such as "%d/%m/%Y"`,
      );
    }
  }
  const resultUnit = maybeKeyword("resultUnit", o.resultUnit, ["s", "ms", "us", "ns"], "ns");
  if (o.format !== undefined && (typeof o.format !== "string" || o.format === "")) {
    throw new OptionError(
      `invalid format: ${show(o.format)} (expected a strftime or date-fns format, "ISO8601" or "mixed")`,
    );
  }
  const format = o.format as string | undefined;
  let col: Column;
  let index: Series["index"] | undefined;
  let name: string | null = null;
  if (values instanceof Series) {
    col = values.column;
    index = values.index;
    name = values.name;
  } else if (values instanceof Column) col = values;
  else if (typeof values === "object" && values !== null && typeof values.length === "number")
    col = column(values);
  else throw new DTypeError(`toDatetime expects a Series, a Column or an array, got ${show(values)}`);
  const d = col.dtype;
  const numeric = isInteger(d) || isFloat(d);
  if (o.unit !== undefined && !numeric) {
    throw new OptionError(
      `toDatetime: unit applies to numbers, but the values are ${dtypeToString(d)} (resultUnit sets the unit of the result)`,
    );
  }
  if (o.origin !== undefined && !numeric)
    throw new OptionError(`toDatetime: origin applies to numbers, but the values are ${dtypeToString(d)}`);
  const coerce = errors === "coerce";
  let out: Column<Timestamp>;
  if (isString(d) || d.kind === "dictionary")
    out = parseStrings(col, { format, exact, utc, coerce, resultUnit });
  else if (numeric)
    out = parseNumbers(
      col,
      keyword("unit", o.unit ?? "ns", Object.keys(NS_PER) as InputUnit[]),
      o.origin,
      utc,
      coerce,
      resultUnit,
    );
  else if (d.kind === "timestamp" || d.kind === "date") {
    const tz = d.kind === "timestamp" ? d.tz : null;
    out = cast(col, timestamp(resultUnit, utc ? "UTC" : tz)) as Column<Timestamp>;
  } else
    throw new DTypeError(
      `toDatetime: cannot convert ${dtypeToString(d)} to timestamps (expected strings, numbers or timestamps)`,
    );
  return new Series(out, index === undefined ? { name } : { index, name });
}

interface TextOptions {
  format: string | undefined;
  exact: boolean;
  utc: boolean;
  coerce: boolean;
  resultUnit: TimeUnit;
}

/** The error for a bad row, or nothing when coercing. */
function onBadFor(coerce: boolean, format: string | undefined, unit: TimeUnit): OnBad {
  return (row, text, st) => {
    if (coerce) return;
    const f = showFormat(format);
    if (st === OUT_OF_BOUNDS) {
      throw new CastError(
        `toDatetime: row ${row}: ${JSON.stringify(text)} is out of bounds for timestamp[${unit}] (format ${f})`,
      );
    }
    const why = st === BAD ? `does not match format ${f}` : `${WHY[st]} (format ${f})`;
    const hint = st === BAD && format === undefined ? "; pass format for other shapes" : "";
    throw new ParseError(`toDatetime: row ${row}: ${JSON.stringify(text)} ${why}${hint}`);
  };
}

/** Strings (utf8, large_utf8 or a dictionary of them) → timestamps. */
function parseStrings(col: Column, t: TextOptions): Column<Timestamp> {
  const n = col.length;
  const sink = new Sink(n, PER_SECOND[t.resultUnit]);
  const onBad = onBadFor(t.coerce, t.format, t.resultUnit);
  let parser: TextParser | null = null;
  const f = t.format;
  if (f !== undefined && f !== "ISO8601" && f !== "mixed") {
    parser = isStrftime(f) ? new StrftimeParser(f, t.exact, sink.zoneNames) : new DateFnsParser(f);
  }
  let at = 0;
  for (const c of col.chunks) {
    if (c.dtype.kind === "dictionary") dictionaryChunk(c, parser, sink, at, onBad);
    else if (parser === null) isoChunk(c, sink, at, at, onBad);
    else parserChunk(c, parser, sink, at, at, onBad);
    at += c.length;
  }
  return finish(sink, n, t.utc, t.resultUnit);
}

/** A dictionary chunk: parse each category once, then gather by code. */
function dictionaryChunk(c: Chunk, parser: TextParser | null, sink: Sink, at: number, onBad: OnBad): void {
  const dict = (c.dictionary as Column).combine();
  const m = dict.length;
  const ds = new Sink(m, sink.per);
  ds.keys = new Float64Array(m).fill(Number.NaN);
  const status = new Uint8Array(m);
  const texts: string[] = [];
  const record: OnBad = (k, text, st) => {
    status[k] = st;
    texts[k] = text;
  };
  if (parser === null) isoChunk(dict, ds, 0, 0, record);
  else parserChunk(dict, parser, ds, 0, 0, record);
  const codes = c.values as Int32Array;
  const valid = c.validity;
  for (let i = 0; i < c.length; i++) {
    const j = c.offset + i;
    const code = codes[i] as number;
    if ((valid !== null && ((valid[j >>> 3] as number) & (1 << (j & 7))) === 0) || !ds.isValid(code)) {
      sink.setNull(at + i);
      if (
        (valid === null || ((valid[j >>> 3] as number) & (1 << (j & 7))) !== 0) &&
        status[code] !== 0 &&
        status[code] !== NULL
      ) {
        onBad(at + i, texts[code] as string, status[code] as number);
      }
      continue;
    }
    sink.copyFrom(at + i, ds, code);
  }
}

/** The result column: the zone from what the rows carried, or an error for mixed zones. */
function finish(sink: Sink, n: number, utc: boolean, unit: TimeUnit): Column<Timestamp> {
  let tz: string | null = utc ? "UTC" : null;
  if (!utc && sink.awareRow >= 0) {
    const zoneText = (key: number) =>
      key === 0 ? "UTC" : key >= ZONE_BASE ? (sink.zoneNames[key - ZONE_BASE] as string) : formatOffset(key);
    if (sink.naiveRow >= 0 || sink.mixedRow >= 0) {
      const aware = `row ${sink.awareRow} has ${zoneText(sink.awareKey)}`;
      const other =
        sink.naiveRow >= 0
          ? `row ${sink.naiveRow} has none`
          : `row ${sink.mixedRow} has ${zoneText(sink.mixedKey)}`;
      const otherRow = sink.naiveRow >= 0 ? sink.naiveRow : sink.mixedRow;
      throw new ParseError(
        `toDatetime: Mixed timezones detected (${otherRow < sink.awareRow ? `${other}, ${aware}` : `${aware}, ${other}`}). Pass utc: true to convert to a common timezone.`,
      );
    }
    tz = zoneText(sink.awareKey);
  }
  const chunk = makeChunk({ dtype: timestamp(unit, tz), length: n, values: sink.out, validity: sink.valid });
  return Column.fromChunk(chunk);
}

/** The scale of numbers in `unit` to ticks of `resultUnit`, and the origin in ticks. */
function scaleOf(unit: InputUnit, origin: unknown, resultUnit: TimeUnit): NumberScale {
  const nsPerTick = 1e9 / PER_SECOND[resultUnit];
  const ratio = NS_PER[unit] / nsPerTick;
  let factors: number[] = [];
  let div = 1;
  if (ratio >= 1) {
    if (ratio >= 2 ** 31) factors = [ratio / 1e9, 1e9];
    else if (ratio > 1) factors = [ratio];
  } else div = 1 / ratio;
  const digits = ratio > 1 ? String(ratio).length - 1 : 0;
  let o = 0n;
  if (origin === undefined || origin === "unix") o = 0n;
  else if (origin === "julian") {
    if (unit !== "D")
      throw new OptionError(`toDatetime: origin "julian" needs unit "D", got ${JSON.stringify(unit)}`);
    o = 0n; // parseNumbers subtracted the Julian day of the epoch from the values, as pandas
  } else if (typeof origin === "number" && Number.isFinite(origin)) {
    o =
      Number.isInteger(origin) && ratio >= 1
        ? BigInt(origin) * BigInt(ratio)
        : BigInt(Math.round(origin * ratio));
  } else if (typeof origin === "string") {
    const b = new TextEncoder().encode(origin);
    const r = new Float64Array(4);
    if (parseIsoBytes(b, 0, b.length, r) !== 0) {
      throw new OptionError(
        `invalid origin: ${JSON.stringify(origin)} (expected "unix", "julian", an ISO 8601 date or a number)`,
      );
    }
    const sec = (r[0] as number) - (r[2] as number);
    o = BigInt(sec) * BigInt(PER_SECOND[resultUnit]) + BigInt(Math.floor((r[1] as number) / nsPerTick));
  } else
    throw new OptionError(
      `invalid origin: ${show(origin)} (expected "unix", "julian", an ISO 8601 date or a number)`,
    );
  if (BigInt.asIntN(64, o) !== o)
    throw new OptionError(`invalid origin: ${show(origin)} is out of bounds for timestamp[${resultUnit}]`);
  return {
    factors,
    div,
    digits,
    originHi: Number(BigInt.asIntN(32, o >> 32n)),
    originLo: Number(BigInt.asUintN(32, o)),
  };
}

/** Numbers (integers or floats) → timestamps. */
function parseNumbers(
  col: Column,
  unit: InputUnit,
  origin: unknown,
  utc: boolean,
  coerce: boolean,
  resultUnit: TimeUnit,
): Column<Timestamp> {
  const s = scaleOf(unit, origin, resultUnit);
  const n = col.length;
  const sink = new Sink(n, PER_SECOND[resultUnit]);
  const onBad: OnBad = (row, text) => {
    if (!coerce) {
      throw new CastError(
        `toDatetime: row ${row}: ${text} with unit ${JSON.stringify(unit)} is out of bounds for timestamp[${resultUnit}]`,
      );
    }
  };
  if (origin === "julian") {
    // pandas: arg - 2440587.5 (the Julian day of 1970-01-01T00:00Z), in floats
    col = column(Float64Array.from(col.toArray(), (x) => (x === null ? Number.NaN : Number(x) - 2440587.5)));
  }
  let at = 0;
  for (const c of col.chunks) {
    const v = c.values;
    if (v instanceof BigInt64Array || v instanceof BigUint64Array) int64sToTicks(c, s, sink, at, at, onBad);
    else
      floatsToTicks(
        c,
        v instanceof Float64Array ? v : Float64Array.from(v as ArrayLike<number>),
        s,
        sink,
        at,
        at,
        onBad,
      );
    at += c.length;
  }
  return finish(sink, n, utc, resultUnit);
}

/**
 * The fast CSV engine's driver: tokenizes batches of rows and hands each
 * column's fields to its parser, which writes typed storage directly.
 * Work in progress for the IO issue (not exported yet): options are
 * normalized by the caller.
 * @internal
 */
import type { Column } from "../../core/column.js";
import { ParseError } from "../../core/errors.js";
import { ColumnParser, type CsvKind, type ParseContext, ValueError } from "./column-parser.js";
import { NullMarkers } from "./null-markers.js";
import { type Dialect, Fields, QuoteError, tokenize } from "./tokenize.js";

/** Normalized options of the fast engine. */
export interface FastOptions {
  readonly dialect: Dialect;
  readonly header: boolean;
  readonly names: readonly string[] | null;
  readonly nulls: readonly string[];
  readonly decimal: number;
  readonly thousands: number;
  readonly skipRows: number;
  readonly nRows: number;
  /** Requested kinds by column name. */
  readonly kinds: ReadonlyMap<string, CsvKind>;
  readonly onBadLines: "error" | "skip" | "warn";
}

/** A row left out by `onBadLines: "skip" | "warn"`. */
export interface BadLine {
  line: number;
  reason: string;
}

const BATCH_ROWS = 1 << 16;
const BATCH_BYTES = 1 << 22;

/** Columns (in file order) and the rows left out. */
export interface FastResult {
  names: string[];
  columns: Column[];
  badLines: BadLine[];
}

/** Read CSV bytes (BOM already removed) into columns. */
export function readFast(buf: Uint8Array, o: FastOptions): FastResult {
  const utf8 = new TextDecoder("utf-8");
  const ctx: ParseContext = {
    buf,
    nulls: new NullMarkers(o.nulls),
    decimal: o.decimal,
    thousands: o.thousands,
    quote: o.dialect.quote,
    escape: o.dialect.escape,
    decode: (s, e) => utf8.decode(buf.subarray(s, e)),
  };
  const fields = new Fields();
  let pos = 0;
  let line = 1;
  // skipRows: whole lines, before the header
  for (let k = 0; k < o.skipRows && pos < buf.length; k++) {
    while (pos < buf.length && buf[pos] !== 10) pos++;
    pos++;
    line++;
  }
  let names: string[];
  if (o.header) {
    const t = step(buf, pos, line, o, 1, fields);
    if (fields.nRows === 0) throw new ParseError("readCSV: the input has no header row");
    names = headerNames(fields, 0, ctx);
    pos = t.pos;
    line = t.line;
  } else {
    step(buf, pos, line, o, 1, fields);
    const width = fields.nRows === 0 ? 0 : fields.width(0);
    names = Array.from({ length: width }, (_, i) => String(i));
  }
  if (o.names !== null) {
    if (o.names.length !== names.length) {
      throw new ParseError(`readCSV: ${o.names.length} names given for ${names.length} columns`);
    }
    names = [...o.names];
  }
  const width = names.length;
  const parsers = names.map((n) => new ColumnParser(o.kinds.get(n) ?? null));
  const batches: { pos: number; line: number; rows: number }[] = [];
  const badLines: BadLine[] = [];
  let first: Int32Array<ArrayBuffer> = new Int32Array(BATCH_ROWS);
  let total = 0;
  while (pos < buf.length && total < o.nRows) {
    const rows = Math.min(BATCH_ROWS, o.nRows - total);
    const t = step(buf, pos, line, o, rows, fields);
    batches.push({ pos, line, rows });
    first = ensure(first, fields.nRows);
    const m = goodRows(fields, width, o, badLines, first);
    for (let c = 0; c < width; c++) {
      const p = parsers[c] as ColumnParser;
      if (parseColumn(p, ctx, fields, first, m, c)) continue;
      // a kind that needs the original text: read this column again from the first batch
      const kept = p.kind;
      p.restartAs(kept);
      const scratch = new Fields();
      let sf: Int32Array<ArrayBuffer> = new Int32Array(BATCH_ROWS);
      for (const bb of batches) {
        step(buf, bb.pos, bb.line, o, bb.rows, scratch);
        sf = ensure(sf, scratch.nRows);
        const mb = goodRows(scratch, width, o, [], sf);
        if (!parseColumn(p, ctx, scratch, sf, mb, c))
          throw new Error("readCSV: a column changed kind twice while read again");
      }
    }
    total += m;
    pos = t.pos;
    line = t.line;
    if (t.stop === "end") break;
  }
  return { names, columns: parsers.map((p) => p.finish()), badLines };
}

/** Tokenize one batch, turning tokenizer errors into ParseErrors with the line. */
function step(buf: Uint8Array, pos: number, line: number, o: FastOptions, rows: number, fields: Fields) {
  let t: ReturnType<typeof tokenize>;
  try {
    t = tokenize(buf, pos, buf.length, line, o.dialect, rows, BATCH_BYTES, true, fields);
  } catch (e) {
    if (e instanceof QuoteError) throw new ParseError(`readCSV: ${e.message}`);
    throw e;
  }
  if (t.stop === "partial")
    throw new ParseError(`readCSV: line ${t.line}: a quoted field is not closed before the end of the input`);
  return t;
}

/** Parse one column of a batch, turning value errors into ParseErrors naming line and column. */
function parseColumn(
  p: ColumnParser,
  ctx: ParseContext,
  fields: Fields,
  first: Int32Array,
  m: number,
  c: number,
): boolean {
  try {
    return p.parse(ctx, fields, first, m, c);
  } catch (e) {
    if (e instanceof ValueError) {
      throw new ParseError(`readCSV: line ${lineOfRow(fields, first, e.row)}, column ${c}: ${e.message}`);
    }
    throw e;
  }
}

function lineOfRow(fields: Fields, first: Int32Array, r: number): number {
  const f = first[r] as number;
  for (let k = 0; k < fields.nRows; k++) if (fields.rowStart[k] === f) return fields.rowLine[k] as number;
  return -1;
}

function ensure(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return a.length >= n ? a : new Int32Array(n);
}

/** Fill `first` with the first-field index of each row that has `width` fields; the others are errors or left out. */
function goodRows(fields: Fields, width: number, o: FastOptions, bad: BadLine[], first: Int32Array): number {
  let m = 0;
  for (let r = 0; r < fields.nRows; r++) {
    const w = fields.width(r);
    if (w === width) {
      first[m++] = fields.rowStart[r] as number;
      continue;
    }
    const reason = `expected ${width} fields, found ${w}`;
    if (o.onBadLines === "error") throw new ParseError(`readCSV: line ${fields.rowLine[r]}: ${reason}`);
    bad.push({ line: fields.rowLine[r] as number, reason });
  }
  return m;
}

/** Header names as pandas mangles them: empty → "Unnamed: i", repeats → "a.1", "a.2". */
function headerNames(fields: Fields, r: number, ctx: ParseContext): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  const start = fields.rowStart[r] as number;
  for (let k = 0; k < fields.width(r); k++) {
    const f = start + k;
    let name = ctx.decode(fields.starts[f] as number, fields.ends[f] as number);
    if (fields.escaped[f] === 1) {
      const q = String.fromCharCode(ctx.quote);
      name =
        ctx.escape === -1
          ? name.replaceAll(q + q, q)
          : name.replace(new RegExp(`\\${String.fromCharCode(ctx.escape)}(.)`, "g"), "$1");
    }
    if (name === "") name = `Unnamed: ${k}`;
    const base = name;
    let count = seen.get(base) ?? 0;
    while (seen.has(name)) name = `${base}.${++count}`;
    seen.set(base, count);
    seen.set(name, 0);
    out.push(name);
  }
  return out;
}

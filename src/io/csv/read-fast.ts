/**
 * The fast CSV engine's driver over bytes held in memory: the header, the
 * row loop over windows that end at a line break, and the second reading
 * of columns that turned to text after their first rows.
 * @internal
 */
import type { Column } from "../../core/column.js";
import { ParseError } from "../../core/errors.js";
import { BLOCK, CsvColumn, NULL, SKIP, type TextRules, UTF8 } from "./csv-column.js";
import { type BadLine, RowReader } from "./fast-rows.js";
import { headerNames, keptColumns } from "./header.js";
import { type Dialect, Fields, QuoteError, tokenize } from "./tokenize.js";

/** Normalized options of the fast engine. */
export interface FastOptions {
  readonly dialect: Dialect;
  readonly header: boolean;
  readonly names: readonly string[] | null;
  readonly skipRows: number;
  readonly nRows: number;
  /** Requested kinds by column name (the names after `names` and mangling). */
  readonly kinds: ReadonlyMap<string, number>;
  /** Column names or positions to keep (null: all). */
  readonly useCols: readonly (string | number)[] | null;
  readonly onBadLines: "error" | "skip" | "warn";
  /** Infer ISO 8601 text as timestamps. */
  readonly dates: boolean;
}

export type { BadLine };

/** Columns kept (in file order) and the rows left out. */
export interface FastResult {
  names: string[];
  columns: Column[];
  badLines: BadLine[];
}

const LF = 10;
const CR = 13;

/** Read CSV bytes (BOM already removed) into columns. */
export function readFast(input: Uint8Array, o: FastOptions, rules: TextRules): FastResult {
  // a plain Uint8Array view: a Node Buffer (a subclass) made the row loop's loads polymorphic and 4x slower
  const buf = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let pos = 0;
  let line = 1;
  // skipRows: whole lines, before the header
  for (let k = 0; k < o.skipRows && pos < buf.length; k++) {
    while (pos < buf.length && buf[pos] !== LF) pos++;
    pos++;
    line++;
  }
  const fields = new Fields();
  const head = firstRow(buf, pos, line, o.dialect, fields);
  let names: string[];
  if (o.header) {
    if (fields.nRows === 0)
      throw new ParseError("readCSV: the input has no header row (header: false reads it without one)");
    names = headerNames(headerTexts(buf, fields, rules));
    pos = head.pos;
    line = head.line;
  } else {
    const width = fields.nRows === 0 ? (o.names?.length ?? 0) : fields.width(0);
    names = Array.from({ length: width }, (_, i) => String(i));
  }
  if (o.names !== null) {
    if (o.names.length !== names.length) {
      throw new ParseError(`readCSV: ${o.names.length} names given for ${names.length} columns in the file`);
    }
    names = [...o.names];
  }
  const keep = keptColumns(names, o.useCols, o.kinds);
  const cols = names.map((n, i) => {
    if (!keep[i]) return new CsvColumn(SKIP, true);
    const k = o.kinds.get(n);
    return new CsvColumn(k ?? NULL, k !== undefined, o.dates);
  });
  const reader = new RowReader(cols, names, o.dialect, rules, o.nRows, o.onBadLines, line);
  const dataStart = pos;
  if (pos < buf.length) readWindows(reader, buf, pos);
  const rows = reader.rows;
  readPrefixes(buf, dataStart, line, cols, names, o, rules);
  const columns: Column[] = [];
  const kept: string[] = [];
  cols.forEach((c, i) => {
    if (c.kind === SKIP) return;
    columns.push(c.finish(reader.at));
    kept.push(names[i] as string);
  });
  for (const c of columns) {
    if (c.length !== rows)
      throw new Error(`readCSV: internal error, a column has ${c.length} rows of ${rows}`);
  }
  return { names: kept, columns, badLines: reader.badLines };
}

/** Run the row loop over buf[pos..]: up to the last line break, then the rest with a line break added. */
function readWindows(reader: RowReader, buf: Uint8Array, pos: number): void {
  let cut = buf.lastIndexOf(LF) + 1;
  if (cut === 0) cut = buf.lastIndexOf(CR) + 1;
  let r = cut > pos ? reader.read(buf, pos, cut) : { pos, stop: "end" as const };
  if (r.stop === "limit") return;
  if (r.pos >= buf.length) return;
  // the last row has no line break (or a quoted field spans the last one)
  const tail = new Uint8Array(buf.length - r.pos + 1);
  tail.set(buf.subarray(r.pos));
  tail[tail.length - 1] = LF;
  r = reader.read(tail, 0, tail.length);
  if (r.stop === "partial") {
    throw new ParseError(
      `readCSV: line ${reader.line}: a quoted field is not closed before the end of the input`,
    );
  }
}

/** Tokenize the first row at pos (header or first data row). */
function firstRow(buf: Uint8Array, pos: number, line: number, d: Dialect, fields: Fields) {
  try {
    const t = tokenize(buf, pos, buf.length, line, d, 1, buf.length, true, fields);
    if (t.stop === "partial")
      throw new ParseError(
        `readCSV: line ${t.line}: a quoted field is not closed before the end of the input`,
      );
    return t;
  } catch (e) {
    if (e instanceof QuoteError) throw new ParseError(`readCSV: ${e.message}`);
    throw e;
  }
}

/**
 * Columns that became text after their first rows: read those rows again,
 * as text, in one pass for all of them. Rows are counted as the row loop
 * counted them (blank, comment and bad rows left out the same way).
 */
function readPrefixes(
  buf: Uint8Array,
  start: number,
  line: number,
  cols: readonly CsvColumn[],
  names: readonly string[],
  o: FastOptions,
  rules: TextRules,
): void {
  const todo = cols.map((c, i) => (c.needsPrefix ? i : -1)).filter((i) => i >= 0);
  if (todo.length === 0) return;
  const want = Math.max(...todo.map((i) => (cols[i] as CsvColumn).prefixRows));
  const text = todo.map(() => new CsvColumn(UTF8, true));
  const fields = new Fields();
  const width = cols.length;
  let pos = start;
  let row = 0;
  let at = 0;
  while (row < want && pos < buf.length) {
    const t = tokenize(buf, pos, buf.length, line, o.dialect, BLOCK, 1 << 22, true, fields);
    for (let r = 0; r < fields.nRows && row < want; r++) {
      if (fields.width(r) !== width) continue;
      if (at === BLOCK) {
        todo.forEach((ci, k) => {
          if (row < (cols[ci] as CsvColumn).prefixRows) (text[k] as CsvColumn).seal(BLOCK);
        });
        at = 0;
      }
      const f0 = fields.rowStart[r] as number;
      todo.forEach((ci, k) => {
        if (row >= (cols[ci] as CsvColumn).prefixRows) return;
        const f = f0 + ci;
        const s = fields.starts[f] as number;
        const e = fields.ends[f] as number;
        (text[k] as CsvColumn).push(buf, s, e, fields.escaped[f] === 1, at, row, rules);
      });
      at++;
      row++;
    }
    pos = t.pos;
    line = t.line;
    if (t.stop === "end") break;
  }
  todo.forEach((ci, k) => {
    const col = cols[ci] as CsvColumn;
    const n = col.prefixRows;
    // blocks were sealed while rows remained: the last holds the rest of n
    col.prefix = (text[k] as CsvColumn).finish(n - Math.floor((n === 0 ? 0 : n - 1) / BLOCK) * BLOCK);
    if (col.prefix.length !== n)
      throw new Error(
        `readCSV: internal error re-reading column ${names[ci]}: ${col.prefix.length} of ${n} rows`,
      );
  });
}

/** The header row's fields as text, quotes undone. */
function headerTexts(buf: Uint8Array, fields: Fields, rules: TextRules): string[] {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return Array.from({ length: fields.width(0) }, (_, k) => {
    const s = fields.starts[k] as number;
    const e = fields.ends[k] as number;
    let name: string;
    try {
      name = decoder.decode(buf.subarray(s, e));
    } catch {
      throw new ParseError(
        `readCSV: header field ${k} is not valid UTF-8; decode the input from its encoding first`,
      );
    }
    if (fields.escaped[k] !== 1) return name;
    const q = String.fromCharCode(rules.quote);
    return rules.escape === -1
      ? name.replaceAll(q + q, q)
      : name.replace(new RegExp(`\\${String.fromCharCode(rules.escape)}(.)`, "g"), "$1");
  });
}

/**
 * The papaparse engine: papaparse splits the text into rows and fields
 * (every dialect it knows), and the fields go through the same column
 * parsers as the fast engine's, so both engines infer the same dtypes and
 * report the same errors. Slower: every field becomes a JS string first.
 * @internal
 */
import Papa from "papaparse";
import type { Column } from "../../core/column.js";
import { ParseError } from "../../core/errors.js";
import {
  BLOCK,
  CsvColumn,
  KIND_NAMES,
  MISFIT,
  NULL,
  RESTART,
  SKIP,
  type TextRules,
  UTF8,
} from "./csv-column.js";
import type { BadLine } from "./fast-rows.js";
import { headerNames, keptColumns } from "./header.js";
import type { FastOptions, FastResult } from "./read-fast.js";

/** One row papaparse gave, with the line it starts on. */
interface Row {
  fields: string[];
  line: number;
}

/** Read CSV bytes (BOM removed) with papaparse's tokenizer into columns. */
export function readPapaparse(buf: Uint8Array, o: FastOptions, rules: TextRules): FastResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new ParseError("readCSV: the input is not valid UTF-8; decode it from its encoding first");
  }
  const { rows, skipped } = papaRows(text, o);
  let names: string[];
  let first = 0;
  if (o.header) {
    if (rows.length === 0)
      throw new ParseError("readCSV: the input has no header row (header: false reads it without one)");
    names = headerNames((rows[0] as Row).fields);
    first = 1;
  } else names = Array.from({ length: rows[0]?.fields.length ?? o.names?.length ?? 0 }, (_, i) => String(i));
  if (o.names !== null) {
    if (o.names.length !== names.length)
      throw new ParseError(`readCSV: ${o.names.length} names given for ${names.length} columns in the file`);
    names = [...o.names];
  }
  const keep = keptColumns(names, o.useCols, o.kinds);
  const cols = names.map((n, i) => {
    if (!keep[i]) return new CsvColumn(SKIP, true);
    const k = o.kinds.get(n);
    return new CsvColumn(k ?? NULL, k !== undefined, o.dates);
  });
  const enc = new TextEncoder();
  let bytes = new Uint8Array(1024);
  const badLines: BadLine[] = [];
  const good: Row[] = [];
  for (let r = first; r < rows.length && good.length < o.nRows; r++) {
    const row = rows[r] as Row;
    if (row.fields.length === names.length) {
      good.push(row);
      continue;
    }
    const reason = `expected ${names.length} fields, found ${row.fields.length}`;
    if (o.onBadLines === "error")
      throw new ParseError(
        `readCSV: line ${row.line}: ${reason} (onBadLines: "skip" or "warn" leaves such rows out)`,
      );
    badLines.push({ line: row.line, reason });
  }
  if (skipped !== null && good.length < o.nRows) throw skipped;
  /** Push field c of good row r into `col` at block row `at`. */
  const push = (col: CsvColumn, c: number, r: number, at: number): number => {
    const f = (good[r] as Row).fields[c] as string;
    if (bytes.length < 3 * f.length) bytes = new Uint8Array(3 * f.length);
    const n = enc.encodeInto(f, bytes).written;
    return col.push(bytes, 0, n, false, at, r, rules);
  };
  let at = 0;
  for (let r = 0; r < good.length; r++) {
    if (at === BLOCK) {
      for (const col of cols) col.seal(BLOCK);
      at = 0;
    }
    cols.forEach((col, c) => {
      let k = push(col, c, r, at);
      if (k === RESTART) k = push(col, c, r, at);
      if (k === MISFIT) {
        throw new ParseError(
          `readCSV: line ${(good[r] as Row).line}, column ${JSON.stringify(names[c])}: cannot read ${JSON.stringify((good[r] as Row).fields[c])} as ${KIND_NAMES[col.kind]}`,
        );
      }
    });
    at++;
  }
  // columns that turned to text: their earlier rows again, as text
  cols.forEach((col, c) => {
    if (!col.needsPrefix) return;
    const text = new CsvColumn(UTF8, true);
    let a = 0;
    for (let r = 0; r < col.prefixRows; r++) {
      if (a === BLOCK) {
        text.seal(BLOCK);
        a = 0;
      }
      push(text, c, r, a++);
    }
    col.prefix = text.finish(a);
  });
  const columns: Column[] = [];
  const kept: string[] = [];
  cols.forEach((c, i) => {
    if (c.kind === SKIP) return;
    columns.push(c.finish(at));
    kept.push(names[i] as string);
  });
  return { names: kept, columns, badLines };
}

/**
 * Rows of the text after `skipRows` lines, each with its first line;
 * blank lines left out. `skipped`: the quote error papaparse reported,
 * thrown once the rows before it are known to be wanted.
 */
function papaRows(text: string, o: FastOptions): { rows: Row[]; skipped: ParseError | null } {
  let pos = 0;
  let line = 1;
  for (let k = 0; k < o.skipRows && pos < text.length; k++) {
    const nl = text.indexOf("\n", pos);
    pos = nl < 0 ? text.length : nl + 1;
    line++;
  }
  const body = text.slice(pos);
  const rows: Row[] = [];
  let skipped: ParseError | null = null;
  let lines = line;
  let start = 0;
  const d = o.dialect;
  Papa.parse<string[]>(body, {
    delimiter: String.fromCharCode(d.delimiter),
    quoteChar: d.quote === -1 ? "\u0000" : String.fromCharCode(d.quote),
    escapeChar:
      d.escape === -1
        ? d.quote === -1
          ? "\u0000"
          : String.fromCharCode(d.quote)
        : String.fromCharCode(d.escape),
    comments: d.comment === -1 ? false : String.fromCharCode(d.comment),
    skipEmptyLines: false,
    step: (res, parser) => {
      const end = res.meta.cursor;
      const rowText = body.slice(start, end);
      // comment lines papaparse dropped come first in rowText
      let at = 0;
      let comments = 0;
      while (d.comment !== -1 && rowText.charCodeAt(at) === d.comment) {
        const nl = rowText.slice(at).search(/\r\n|\n|\r/);
        if (nl < 0) break;
        at += nl + (rowText.startsWith("\r\n", at + nl) ? 2 : 1);
        comments++;
      }
      const rowLine = lines + comments;
      lines += lineBreaks(rowText);
      start = end;
      const q = res.errors.find((e) => e.type === "Quotes");
      if (q !== undefined) {
        skipped = new ParseError(
          q.code === "MissingQuotes"
            ? `readCSV: line ${rowLine}: a quoted field is not closed before the end of the input`
            : `readCSV: line ${rowLine}: a character follows the closing quote (quote the whole field, doubling quotes inside)`,
        );
        parser.abort();
        return;
      }
      // a blank line: papaparse gives one empty field
      if (
        res.data.length === 1 &&
        res.data[0] === "" &&
        (at === rowText.length || /^[\r\n]/.test(rowText.slice(at)))
      )
        return;
      rows.push({ fields: res.data, line: rowLine });
    },
  });
  return { rows, skipped };
}

/** Line breaks in s: LF, CRLF and lone CR each count once. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

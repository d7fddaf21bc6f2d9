/**
 * The fast CSV engine's driver: bytes arrive chunk by chunk; it removes a
 * BOM, skips lines, sniffs the delimiter, reads the header, then runs the
 * row loop over windows that end at a line break, carrying an incomplete
 * last row over to the next chunk. Rows are grouped into batches (one for
 * readCSV, `batchRows` each for scanCSV); a batch is handed out as a
 * `Pending` whose restarted columns still need their text prefix (read
 * again by the caller, from the same bytes).
 * @internal
 */
import type { Column } from "../../core/column.js";
import { ParseError } from "../../core/errors.js";
import { CsvColumn, NULL, SKIP, type TextRules } from "./csv-column.js";
import { type BadLine, RowReader } from "./fast-rows.js";
import { headerNames, keptColumns } from "./header.js";
import { PrefixReader } from "./read-prefix.js";
import { sniffDelimiter } from "./sniff.js";
import { type Dialect, Fields, QuoteError, tokenize } from "./tokenize.js";

/** Normalized options of the fast engine; `dialect.delimiter` -1: sniff it. */
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
  /** The line number of the first byte (a part of a file read on its own starts past line 1). */
  readonly firstLine: number;
  /** Remove a byte order mark at the start (not for a part that starts inside a file). */
  readonly bom: boolean;
}

export type { BadLine };

/** Columns kept (in file order) and the rows left out. */
export interface FastResult {
  names: string[];
  columns: Column[];
  badLines: BadLine[];
}

/** A batch read except for the text prefixes of restarted columns (absolute byte offsets). */
export interface Pending {
  readonly cols: readonly CsvColumn[];
  readonly names: readonly string[];
  readonly badLines: BadLine[];
  /** Rows in the batch's last block. */
  readonly at: number;
  /** The batch's first data byte and its line, where a prefix re-read starts. */
  readonly start: number;
  readonly line: number;
  readonly dialect: Dialect;
}

const LF = 10;
const CR = 13;
const SNIFF_BYTES = 1 << 16;

/** Runs the fast engine over chunks of bytes. */
export class CsvCore {
  #carry: Uint8Array = new Uint8Array(0);
  /** Absolute offset of carry[0]. */
  #base = 0;
  #stage: "start" | "header" | "rows" | "done" = "start";
  #line = 1;
  #skipped = 0;
  #dialect: Dialect;
  #names: string[] = [];
  #reader: RowReader | null = null;
  #batchStart = 0;
  #batchLine = 1;
  #rowsBefore = 0;
  readonly #ready: Pending[] = [];

  constructor(
    readonly o: FastOptions,
    readonly rules: TextRules,
    /** Rows per batch (Infinity: one batch). */
    readonly batchRows: number,
    /** The input's size in bytes, when known: the columns are sized from it. */
    readonly totalBytes: number | null = null,
  ) {
    this.#dialect = o.dialect;
    this.#line = o.firstLine;
  }

  /** Bytes consumed so far (absolute offset of the first unread byte). */
  get consumed(): number {
    return this.#base;
  }

  /** The line number at the first unread byte. */
  get line(): number {
    return this.#line;
  }

  /** Rows read so far. */
  get rows(): number {
    return this.#rowsBefore + (this.#reader?.rows ?? 0);
  }

  /** Whether nRows rows are read: further bytes are not needed. */
  get done(): boolean {
    return this.#stage === "done";
  }

  /** Read the next chunk. */
  feed(chunk: Uint8Array): void {
    if (this.#stage === "done") return;
    // a plain Uint8Array view: a Node Buffer (a subclass) made the row loop's loads polymorphic and 4x slower
    const buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const nl = this.#stage === "rows" && this.#carry.length > 0 ? buf.indexOf(LF) : -1;
    if (nl < 0) {
      this.#carry = join(this.#carry, buf);
      this.#run(false);
      return;
    }
    // the row cut by the chunk's start: the carry and the chunk up to its first
    // line break, read on their own, so that the chunk itself is not copied
    const head = join(this.#carry, buf.subarray(0, nl + 1));
    const reader = this.#reader as RowReader;
    const r = reader.read(head, 0, head.length);
    this.#line = reader.line;
    this.#base += r.pos;
    // a quoted field across that break, or a batch that ended inside: the rest is joined
    this.#carry = join(head.subarray(r.pos), buf.subarray(nl + 1));
    this.#run(false);
  }

  /** The input ended: read what is left. */
  end(): void {
    if (this.#stage !== "done") this.#run(true);
    if (this.#stage !== "done") this.#emit();
    this.#stage = "done";
  }

  /** Batches completed so far (each handed out once). */
  take(): Pending[] {
    return this.#ready.splice(0);
  }

  #consume(n: number): void {
    this.#carry = this.#carry.subarray(n);
    this.#base += n;
  }

  #run(final: boolean): void {
    if (this.#stage === "start" && !this.#start(final)) return;
    if (this.#stage === "header" && !this.#header(final)) return;
    if (this.#stage === "rows") this.#rows(final);
  }

  /** BOM and skipRows; false while more bytes are needed. */
  #start(final: boolean): boolean {
    const c = this.#carry;
    if (this.#base === 0 && c.length < 3 && !final) return false;
    if (this.o.bom && this.#base === 0 && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) this.#consume(3);
    while (this.#skipped < this.o.skipRows) {
      const nl = this.#carry.indexOf(LF);
      if (nl < 0) {
        if (!final) return false;
        this.#consume(this.#carry.length);
        break;
      }
      this.#consume(nl + 1);
      this.#skipped++;
      this.#line++;
    }
    this.#stage = "header";
    return true;
  }

  /** Delimiter and header; false while more bytes are needed. */
  #header(final: boolean): boolean {
    const buf = this.#carry;
    if (this.#dialect.delimiter === -1) {
      if (buf.length < SNIFF_BYTES && !final) return false;
      this.#dialect = {
        ...this.#dialect,
        delimiter: sniffDelimiter(buf, 0, this.#dialect.quote, this.#dialect.comment),
      };
    }
    const fields = new Fields();
    const t = firstRow(buf, this.#line, this.#dialect, fields, final);
    if (t === null) return false;
    const o = this.o;
    let names: string[];
    if (o.header) {
      if (fields.nRows === 0)
        throw new ParseError("readCSV: the input has no header row (header: false reads it without one)");
      names = headerNames(headerTexts(buf, fields, this.rules));
      this.#consume(t.pos);
      this.#line = t.line;
    } else {
      const width = fields.nRows === 0 ? (o.names?.length ?? 0) : fields.width(0);
      names = Array.from({ length: width }, (_, i) => String(i));
    }
    if (o.names !== null) {
      if (o.names.length !== names.length)
        throw new ParseError(
          `readCSV: ${o.names.length} names given for ${names.length} columns in the file`,
        );
      names = [...o.names];
    }
    const keep = keptColumns(names, o.useCols, o.kinds);
    this.#names = names;
    const cols = names.map((n, i) => {
      if (!keep[i]) return new CsvColumn(SKIP, true);
      const k = o.kinds.get(n);
      return new CsvColumn(k ?? NULL, k !== undefined, o.dates);
    });
    this.#open(cols);
    this.#stage = "rows";
    return true;
  }

  #open(cols: CsvColumn[]): void {
    const limit = Math.min(this.batchRows, this.o.nRows - this.#rowsBefore);
    this.#reader = new RowReader(
      cols,
      this.#names,
      this.#dialect,
      this.rules,
      limit,
      this.o.onBadLines,
      this.#line,
      this.totalBytes === null ? Number.POSITIVE_INFINITY : this.totalBytes - this.#base,
    );
    this.#batchStart = this.#base;
    this.#batchLine = this.#line;
  }

  #rows(final: boolean): void {
    for (;;) {
      const reader = this.#reader as RowReader;
      const buf = this.#carry;
      let cut = buf.lastIndexOf(LF) + 1;
      if (cut === 0) cut = buf.lastIndexOf(CR) + 1;
      const r = cut > 0 ? reader.read(buf, 0, cut) : { pos: 0, stop: "end" as const };
      this.#consume(r.pos);
      this.#line = reader.line;
      if (r.stop === "limit") {
        if (!this.#nextBatch()) return;
        continue;
      }
      if (!final || this.#carry.length === 0) return;
      // the last row has no line break (or a quoted field spans the last one)
      const tail = new Uint8Array(this.#carry.length + 1);
      tail.set(this.#carry);
      tail[tail.length - 1] = LF;
      const t = reader.read(tail, 0, tail.length);
      this.#line = reader.line;
      if (t.stop === "partial")
        throw new ParseError(
          `readCSV: line ${reader.line}: a quoted field is not closed before the end of the input`,
        );
      if (t.stop === "limit") {
        this.#consume(Math.min(t.pos, this.#carry.length));
        if (!this.#nextBatch()) return;
        continue;
      }
      this.#consume(this.#carry.length);
      return;
    }
  }

  /** Hand out the batch; open the next (false when nRows are read). */
  #nextBatch(): boolean {
    const done = this.#emit();
    if (done) {
      this.#stage = "done";
      return false;
    }
    // later batches keep the first batch's dtypes
    const prev = (this.#ready[this.#ready.length - 1] as Pending).cols;
    this.#open(prev.map((c) => c.fixedLike()));
    return true;
  }

  /** Queue the current batch; true when it completes nRows. */
  #emit(): boolean {
    const reader = this.#reader;
    if (reader === null) {
      // no header was read: an empty input
      this.#ready.push({
        cols: [],
        names: [],
        badLines: [],
        at: 0,
        start: 0,
        line: 1,
        dialect: this.#dialect,
      });
      return true;
    }
    this.#rowsBefore += reader.rows;
    this.#ready.push({
      cols: reader.cols,
      names: this.#names,
      badLines: reader.badLines,
      at: reader.at,
      start: this.#batchStart,
      line: this.#batchLine,
      dialect: this.#dialect,
    });
    this.#reader = null;
    return this.#rowsBefore >= this.o.nRows;
  }
}

/** a then b, in one buffer (b itself when a is empty). */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The columns of a batch; `bytes` gives the batch's bytes from its start when a column needs its prefix. */
export function finishBatch(p: Pending, rules: TextRules, bytes: () => Iterable<Uint8Array>): FastResult {
  const prefix = prefixReader(p, rules);
  if (prefix !== null) {
    for (const chunk of bytes()) if (prefix.feed(chunk)) break;
    prefix.close();
  }
  return columnsOf(p);
}

/** A PrefixReader for the batch's restarted columns, or null when none restarted. */
export function prefixReader(p: Pending, rules: TextRules): PrefixReader | null {
  const restarted = p.cols.map((c, i) => (c.needsPrefix ? i : -1)).filter((i) => i >= 0);
  return restarted.length === 0 ? null : new PrefixReader(p.cols, restarted, p.dialect, rules, p.line);
}

/** The kept columns of a batch whose prefixes are read. */
export function columnsOf(p: Pending): FastResult {
  const columns: Column[] = [];
  const names: string[] = [];
  p.cols.forEach((c, i) => {
    if (c.kind === SKIP) return;
    columns.push(c.finish(p.at));
    names.push(p.names[i] as string);
  });
  return { names, columns, badLines: p.badLines };
}

/** Read CSV bytes held in memory into columns (one batch). */
export function readFast(buf: Uint8Array, o: FastOptions, rules: TextRules): FastResult {
  const core = new CsvCore(o, rules, Number.POSITIVE_INFINITY, buf.length);
  core.feed(buf);
  core.end();
  const p = core.take()[0] as Pending;
  return finishBatch(p, rules, () => [buf.subarray(p.start)]);
}

/** Tokenize the first row (header or first data row); null while more bytes are needed. */
function firstRow(buf: Uint8Array, line: number, d: Dialect, fields: Fields, final: boolean) {
  try {
    const t = tokenize(buf, 0, buf.length, line, d, 1, buf.length, final, fields);
    if (t.stop === "partial") {
      if (!final) return null;
      throw new ParseError(
        `readCSV: line ${t.line}: a quoted field is not closed before the end of the input`,
      );
    }
    return t;
  } catch (e) {
    if (e instanceof QuoteError) throw new ParseError(`readCSV: ${e.message}`);
    throw e;
  }
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

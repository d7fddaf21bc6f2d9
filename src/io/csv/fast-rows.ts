/**
 * The fast engine's row loop: one pass over the bytes that finds each field
 * and parses it into its column at once. int32, float64 and string fields
 * of the common shapes are read inline; anything else (quotes, nulls, other
 * kinds, a value that changes the column's kind) goes through
 * `CsvColumn.push`. Rows are taken whole or not at all: a row cut by the
 * end of the bytes, or left out as bad, is undone in every column.
 * @internal
 */
import { ParseError } from "../../core/errors.js";
import {
  BADROW,
  BLOCK,
  type CsvColumn,
  F64,
  I32,
  KIND_NAMES,
  MISFIT,
  RESTART,
  SKIP,
  type TextRules,
  UTF8,
} from "./csv-column.js";
import { type Dialect, Fields, tokenize } from "./tokenize.js";

const LF = 10;
const CR = 13;
/** Exact powers of ten up to 10^15. */
const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);
/** A field's scan met the end of the bytes inside quotes. */
const PARTIAL = -1;
/** The row has the wrong number of fields (found while reading a field). */
const BAD = -2;

/** A row left out by `onBadLines: "skip" | "warn"`. */
export interface BadLine {
  line: number;
  reason: string;
}

/** Where a window stopped: "end" of the bytes, a "partial" row at `pos`, or the row "limit". */
export interface WindowResult {
  pos: number;
  stop: "end" | "partial" | "limit";
}

/** Reads rows into columns, window after window of bytes. */
export class RowReader {
  /** Rows in the current block. */
  at = 0;
  /** Rows taken so far. */
  rows = 0;
  /** 1-based line at the reading position. */
  line: number;
  readonly badLines: BadLine[] = [];
  readonly #scratch = new Fields();
  // the row being read, for the columns' rowIsGood checks
  #buf: Uint8Array = new Uint8Array(0);
  #cut = 0;
  #rowPos = -1;
  #rowLine = 0;
  #checkedPos = -1;
  #checkedGood = true;
  /** Rows the current block holds. */
  #cap = BLOCK;
  /** Bytes of the rows read by earlier calls of `read`, and where this call started. */
  #used = 0;
  #callStart = 0;

  constructor(
    readonly cols: readonly CsvColumn[],
    readonly names: readonly string[],
    readonly dialect: Dialect,
    readonly rules: TextRules,
    readonly limit: number,
    readonly onBadLines: "error" | "skip" | "warn",
    line: number,
    /** The bytes this reader will be given, when known (else Infinity): they size the columns. */
    readonly expected: number,
  ) {
    this.line = line;
    const good = () => this.#rowIsGood();
    for (const c of cols) c.rowIsGood = good;
  }

  /** Whether the current row has one field per column (tokenized once per row asked about). */
  #rowIsGood(): boolean {
    if (this.#checkedPos === this.#rowPos) return this.#checkedGood;
    const f = this.#scratch;
    const t = tokenize(
      this.#buf,
      this.#rowPos,
      this.#cut,
      this.#rowLine,
      this.dialect,
      1,
      this.#cut,
      true,
      f,
    );
    // a row cut by the end of the window is read again whole
    this.#checkedGood = t.stop === "partial" || (f.nRows > 0 && f.width(0) === this.cols.length);
    this.#checkedPos = this.#rowPos;
    return this.#checkedGood;
  }

  /**
   * Read the rows of buf[pos, cut). `buf[cut - 1]` must be a line break
   * (the driver cuts windows after one, or appends one at the very end),
   * so unquoted scans stop without bounds checks.
   */
  read(buf: Uint8Array, pos: number, cut: number): WindowResult {
    this.#callStart = pos;
    const r = this.#read(buf, pos, cut);
    this.#used += r.pos - pos;
    return r;
  }

  /**
   * The block is full at `at` rows (the reading position is `pos`): the
   * reader's first block grows to hold every row the expected bytes
   * should have (5% more), else it is sealed and the next one opened.
   * Returns the row the block goes on at.
   */
  #full(at: number, pos: number): number {
    const used = this.#used + (pos - this.#callStart);
    const left = this.expected - used;
    if (at === this.rows && left > 0 && left < Number.POSITIVE_INFINITY && used > 0) {
      const cap = Math.min(at + Math.ceil((left / used) * at * 1.05) + 1024, this.limit);
      if (cap > at) {
        for (const col of this.cols) col.grow(at, cap);
        this.#cap = cap;
        return at;
      }
    }
    for (const col of this.cols) col.seal(at);
    this.#cap = BLOCK;
    return 0;
  }

  #read(buf: Uint8Array, pos: number, cut: number): WindowResult {
    const cols = this.cols;
    const width = cols.length;
    const delim = this.dialect.delimiter;
    const quote = this.dialect.quote;
    const comment = this.dialect.comment;
    const nulls = this.rules.nulls;
    const decimal = this.rules.decimal;
    let at = this.at;
    this.#buf = buf;
    this.#cut = cut;
    this.#checkedPos = -1;
    while (pos < cut) {
      if (this.rows >= this.limit) {
        this.at = at;
        return { pos, stop: "limit" };
      }
      const c0 = buf[pos] as number;
      if (c0 === LF || c0 === CR || c0 === comment) {
        pos = this.#skipLine(buf, pos, cut);
        continue;
      }
      if (at === this.#cap) at = this.#full(at, pos);
      const rowPos = pos;
      const rowLine = this.line;
      this.#rowPos = pos;
      this.#rowLine = rowLine;
      let c = 0;
      let bad = false;
      for (; c < width; c++) {
        const col = cols[c] as CsvColumn;
        const k = col.kind;
        let done = false;
        if (k === I32) {
          let j = pos;
          let ch = buf[j] as number;
          const neg = ch === 45;
          if (neg) ch = buf[++j] as number;
          const s0 = j;
          let v = 0;
          while (ch >= 48 && ch <= 57) {
            v = v * 10 + (ch - 48);
            ch = buf[++j] as number;
          }
          const nd = j - s0;
          if (nd > 0 && nd < 10 && (ch === delim || ch === LF || ch === CR)) {
            col.i32[at] = neg ? -v : v;
            pos = j;
            done = true;
          }
        } else if (k === F64) {
          let j = pos;
          let ch = buf[j] as number;
          const neg = ch === 45;
          if (neg) ch = buf[++j] as number;
          const s0 = j;
          let w = 0;
          while (ch >= 48 && ch <= 57) {
            w = w * 10 + (ch - 48);
            ch = buf[++j] as number;
          }
          let nd = j - s0;
          let frac = 0;
          if (ch === decimal) {
            ch = buf[++j] as number;
            const f0 = j;
            while (ch >= 48 && ch <= 57) {
              w = w * 10 + (ch - 48);
              ch = buf[++j] as number;
            }
            frac = j - f0;
            nd += frac;
          }
          // at most 15 digits: w and 10^frac are exact, so one division rounds correctly
          if (nd > 0 && nd <= 15 && (ch === delim || ch === LF || ch === CR)) {
            const v = frac === 0 ? w : w / (POW10[frac] as number);
            col.f64[at] = neg ? -v : v;
            pos = j;
            done = true;
          }
        } else if (k === UTF8 && buf[pos] !== quote) {
          // find the terminator, then copy (a loop without a capacity check per byte)
          let j = pos;
          let high = 0;
          let ch = buf[j] as number;
          while (ch !== delim && ch !== LF && ch !== CR) {
            high |= ch;
            ch = buf[++j] as number;
          }
          let n = col.nBytes;
          if (nulls.isNull(buf, pos, j)) col.setNull(at);
          else {
            if (high >= 128) this.#checkUtf8(buf, pos, j, c);
            if (col.bytes.length - n < j - pos) col.growBytes(j - pos);
            const out = col.bytes;
            for (let i = pos; i < j; i++) out[n++] = buf[i] as number;
            col.nBytes = n;
          }
          col.offs[at + 1] = n;
          pos = j;
          done = true;
        }
        if (!done) {
          pos = this.#field(buf, pos, cut, col, c, at);
          if (pos === PARTIAL) {
            this.#undo(c, at);
            this.line = rowLine;
            this.at = at;
            return { pos: rowPos, stop: "partial" };
          }
          if (pos === BAD) {
            bad = true;
            break;
          }
        }
        // the field's terminator
        const t = buf[pos] as number;
        if (t === delim) {
          if (c === width - 1) {
            bad = true;
            break;
          }
          pos++;
        } else if (c < width - 1) {
          bad = true;
          break;
        }
      }
      if (bad) {
        this.#undo(Math.min(c, width - 1), at);
        this.line = rowLine;
        const next = this.#badRow(buf, rowPos, cut, rowLine, width);
        if (next === PARTIAL) {
          this.at = at;
          return { pos: rowPos, stop: "partial" };
        }
        pos = next;
        continue;
      }
      // the row's line break
      if (buf[pos] === CR && buf[pos + 1] === LF) pos += 2;
      else pos++;
      this.line++;
      at++;
      this.rows++;
    }
    this.at = at;
    return { pos, stop: "end" };
  }

  /** Skip a blank or comment line at pos; the position after it. */
  #skipLine(buf: Uint8Array, pos: number, cut: number): number {
    if (buf[pos] !== LF && buf[pos] !== CR) while (pos < cut && buf[pos] !== LF && buf[pos] !== CR) pos++;
    if (buf[pos] === CR && buf[pos + 1] === LF) pos++;
    this.line++;
    return pos + 1;
  }

  /**
   * Find the field at pos (quoted or not) and push it into `col`; the
   * position of its terminator, or PARTIAL when the bytes end inside quotes.
   */
  #field(buf: Uint8Array, pos: number, cut: number, col: CsvColumn, c: number, at: number): number {
    const { delimiter: delim, quote, escape: esc } = this.dialect;
    let s = pos;
    let e: number;
    let next: number;
    let escaped = false;
    if (buf[pos] === quote) {
      let j = pos + 1;
      let lines = 0;
      for (;;) {
        if (j >= cut) return PARTIAL;
        const ch = buf[j] as number;
        if (ch === quote) {
          if (esc === -1 && buf[j + 1] === quote && j + 1 < cut) {
            escaped = true;
            j += 2;
            continue;
          }
          break;
        }
        if (ch === esc) {
          escaped = true;
          j += 2;
          continue;
        }
        if (ch === LF || (ch === CR && buf[j + 1] !== LF)) lines++;
        j++;
      }
      s = pos + 1;
      e = j;
      next = j + 1;
      const t = buf[next] as number;
      if (t !== delim && t !== LF && t !== CR) {
        throw new ParseError(
          `readCSV: line ${this.line + lines}, column ${JSON.stringify(this.names[c])}: a character follows the closing quote (quote the whole field, doubling quotes inside)`,
        );
      }
      this.line += lines;
    } else {
      let j = pos;
      let ch = buf[j] as number;
      while (ch !== delim && ch !== LF && ch !== CR) ch = buf[++j] as number;
      e = j;
      next = j;
    }
    if (col.kind === SKIP) return next;
    let r = col.push(buf, s, e, escaped, at, this.rows, this.rules);
    // a restart to utf8 keeps this row's text as the first value after the placeholders
    if (r === RESTART) r = col.push(buf, s, e, escaped, at, this.rows, this.rules);
    if (r === BADROW) return BAD;
    if (r === MISFIT) {
      throw new ParseError(
        `readCSV: line ${this.line}, column ${JSON.stringify(this.names[c])}: cannot read ${JSON.stringify(this.rules.decode(buf, s, e))} as ${KIND_NAMES[col.kind]}`,
      );
    }
    if (col.kind === UTF8) this.#checkUtf8(buf, s, e, c);
    return next;
  }

  /** Undo row `at` in columns 0..last. */
  #undo(last: number, at: number): void {
    for (let c = 0; c <= last; c++) (this.cols[c] as CsvColumn).unset(at);
  }

  /** A row with the wrong number of fields at rowPos: an error, or left out; the position after it. */
  #badRow(buf: Uint8Array, rowPos: number, cut: number, rowLine: number, width: number): number {
    const f = this.#scratch;
    const t = tokenize(buf, rowPos, cut, rowLine, this.dialect, 1, cut - rowPos, true, f);
    if (t.stop === "partial") return PARTIAL;
    const found = f.nRows === 0 ? 0 : f.width(0);
    const reason = `expected ${width} fields, found ${found}`;
    if (this.onBadLines === "error") {
      throw new ParseError(
        `readCSV: line ${rowLine}: ${reason} (onBadLines: "skip" or "warn" leaves such rows out)`,
      );
    }
    this.badLines.push({ line: rowLine, reason });
    this.line = t.line;
    return t.pos;
  }

  /** Throw when buf[s, e) is not valid UTF-8. */
  #checkUtf8(buf: Uint8Array, s: number, e: number, c: number): void {
    const bad = invalidUtf8At(buf, s, e);
    if (bad < 0) return;
    throw new ParseError(
      `readCSV: line ${this.line}, column ${JSON.stringify(this.names[c])}: the bytes are not valid UTF-8 (byte 0x${(buf[bad] as number).toString(16)} at field offset ${bad - s}); decode the input from its encoding first`,
    );
  }
}

/** The position of the first byte of buf[s, e) that breaks UTF-8, or -1. */
export function invalidUtf8At(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= e) return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cb = buf[i + k] as number;
      if ((cb & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cb & 0x3f);
    }
    // overlong forms, surrogates and values past U+10FFFF
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * The fast CSV engine's tokenizer: one pass over UTF-8 bytes that records
 * where each field's content starts and ends (quotes stripped) and where
 * each row starts, into reusable Int32Arrays. No JS string is made here;
 * the column parsers read numbers straight from the bytes.
 * @internal
 */

/** The bytes that shape a CSV dialect; -1 where a role is unused. */
export interface Dialect {
  readonly delimiter: number;
  /** Opens and closes quoted fields (-1: no quoting). */
  readonly quote: number;
  /** Escapes the next byte inside quotes (-1: a doubled quote is the escape, RFC 4180). */
  readonly escape: number;
  /** A row starting with this byte is skipped (-1: none). */
  readonly comment: number;
}

const LF = 10;
const CR = 13;

/** Field and row boundaries of one batch of rows. Arrays grow as needed and are reused batch after batch. */
export class Fields {
  /** Content start of field f (after an opening quote). */
  starts = new Int32Array(1 << 14);
  /** Content end of field f (exclusive; before a closing quote). */
  ends = new Int32Array(1 << 14);
  /** 1 when field f holds escapes to undo (a doubled quote, or the escape byte). */
  escaped = new Uint8Array(1 << 14);
  /** 1 when field f was quoted. */
  quoted = new Uint8Array(1 << 14);
  nFields = 0;
  /** Index of row r's first field; rowStart[nRows] = nFields. */
  rowStart = new Int32Array(1 << 10);
  /** 1-based line of the input where row r starts. */
  rowLine = new Int32Array(1 << 10);
  nRows = 0;

  reset(): void {
    this.nFields = 0;
    this.nRows = 0;
    this.rowStart[0] = 0;
  }

  /** Room for `more` further fields. */
  reserveFields(more: number): void {
    const need = this.nFields + more;
    if (need <= this.starts.length) return;
    const size = Math.max(need, this.starts.length * 2);
    this.starts = grow(this.starts, size);
    this.ends = grow(this.ends, size);
    const e = new Uint8Array(size);
    e.set(this.escaped);
    this.escaped = e;
    const q = new Uint8Array(size);
    q.set(this.quoted);
    this.quoted = q;
  }

  reserveRows(more: number): void {
    const need = this.nRows + more + 1;
    if (need <= this.rowStart.length) return;
    const size = Math.max(need, this.rowStart.length * 2);
    this.rowStart = grow(this.rowStart, size);
    this.rowLine = grow(this.rowLine, size);
  }

  /** Number of fields of row r. */
  width(r: number): number {
    return (this.rowStart[r + 1] as number) - (this.rowStart[r] as number);
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

/** Where tokenizing stopped, and why. */
export interface TokenizeResult {
  /** Position after the last complete row taken. */
  pos: number;
  /** Line number (1-based) at `pos`. */
  line: number;
  /**
   * "rows": maxRows reached or the byte budget used; "end": the input is
   * consumed; "partial": the rest is an incomplete row (more bytes needed,
   * or, at the end of input, an unterminated quote at `line`).
   */
  stop: "rows" | "end" | "partial";
}

/**
 * Tokenize rows of `buf[pos, end)` into `out` (reset first) until
 * `maxRows` rows or at least `budget` bytes are taken. Blank lines and
 * comment lines are skipped. `final` says that `end` is the end of the
 * input: a last row without a line break is then complete.
 */
export function tokenize(
  buf: Uint8Array,
  pos: number,
  end: number,
  line: number,
  d: Dialect,
  maxRows: number,
  budget: number,
  final: boolean,
  out: Fields,
): TokenizeResult {
  out.reset();
  const stopAt = Math.min(end, pos + budget);
  const delim = d.delimiter;
  const quote = d.quote;
  const esc = d.escape;
  const comment = d.comment;
  let i = pos;
  while (i < end) {
    if (out.nRows >= maxRows || i >= stopAt) return { pos: i, line, stop: "rows" };
    const c0 = buf[i] as number;
    // blank lines and comment lines
    if (c0 === LF || c0 === CR || c0 === comment) {
      let j = i;
      if (c0 === comment) while (j < end && buf[j] !== LF && buf[j] !== CR) j++;
      if (j >= end) {
        if (!final) return { pos: i, line, stop: "partial" };
        i = j;
        break;
      }
      j += buf[j] === CR && j + 1 < end && buf[j + 1] === LF ? 2 : 1;
      if (buf[j - 1] === CR && j >= end && !final) return { pos: i, line, stop: "partial" };
      i = j;
      line++;
      continue;
    }
    const rowFirst = out.nFields;
    const rowLine = line;
    const rowPos = i;
    let f = out.nFields;
    // fields of this row
    for (;;) {
      if (f >= out.starts.length) {
        out.nFields = f;
        out.reserveFields(64);
      }
      if (i < end && buf[i] === quote) {
        // quoted field: up to the closing quote, across line breaks
        let j = i + 1;
        let escaped = 0;
        for (;;) {
          if (j >= end) {
            out.nFields = rowFirst;
            return { pos: rowPos, line: rowLine, stop: "partial" };
          }
          const c = buf[j] as number;
          if (c === quote) {
            if (esc === -1 && j + 1 < end && buf[j + 1] === quote) {
              escaped = 1;
              j += 2;
              continue;
            }
            if (esc === -1 && j + 1 >= end && !final) {
              // a doubled quote may straddle the end of the bytes we have
              out.nFields = rowFirst;
              return { pos: rowPos, line: rowLine, stop: "partial" };
            }
            break;
          }
          if (c === esc) {
            escaped = 1;
            j += 2;
            continue;
          }
          if (c === LF) line++;
          else if (c === CR && buf[j + 1] !== LF) line++;
          j++;
        }
        out.starts[f] = i + 1;
        out.ends[f] = j;
        out.escaped[f] = escaped;
        out.quoted[f] = 1;
        f++;
        i = j + 1;
        // after the closing quote: a delimiter, a line break or the end
        if (i < end) {
          const c = buf[i] as number;
          if (c !== delim && c !== LF && c !== CR) {
            throw new QuoteError(rowLine, line, f - rowFirst);
          }
        }
      } else {
        const s = i;
        while (i < end) {
          const c = buf[i] as number;
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        out.starts[f] = s;
        out.ends[f] = i;
        out.escaped[f] = 0;
        out.quoted[f] = 0;
        f++;
      }
      if (i >= end) {
        if (!final) {
          out.nFields = rowFirst;
          return { pos: rowPos, line: rowLine, stop: "partial" };
        }
        break;
      }
      const c = buf[i] as number;
      i++;
      if (c === delim) continue;
      if (c === CR) {
        if (i < end && buf[i] === LF) i++;
        else if (i >= end && !final) {
          out.nFields = rowFirst;
          return { pos: rowPos, line: rowLine, stop: "partial" };
        }
      }
      line++;
      break;
    }
    out.nFields = f;
    out.reserveRows(1);
    out.rowLine[out.nRows] = rowLine;
    out.nRows++;
    out.rowStart[out.nRows] = f;
  }
  return { pos: i, line, stop: "end" };
}

/** A character between a closing quote and the next delimiter. */
export class QuoteError extends Error {
  constructor(
    readonly rowLine: number,
    readonly line: number,
    readonly field: number,
  ) {
    super(`line ${line}: unexpected character after the closing quote of field ${field}`);
  }
}

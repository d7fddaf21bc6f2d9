/**
 * The second reading of columns that turned to text after their first
 * rows: those rows are tokenized again from the batch's first data byte,
 * chunk after chunk, and only the restarted columns' fields are kept, as
 * text. Rows are counted as the row loop counted them (blank, comment and
 * bad rows left out the same way).
 * @internal
 */
import type { Column } from "../../core/column.js";
import { BLOCK, CsvColumn, type TextRules, UTF8 } from "./csv-column.js";
import { type Dialect, Fields, tokenize } from "./tokenize.js";

/** Builds the text prefixes of the columns `restarted` (positions among `width` fields). */
export class PrefixReader {
  readonly #text: CsvColumn[];
  readonly #want: number;
  readonly #fields = new Fields();
  #carry: Uint8Array = new Uint8Array(0);
  #line: number;
  #row = 0;
  #at = 0;

  constructor(
    readonly cols: readonly CsvColumn[],
    readonly restarted: readonly number[],
    readonly dialect: Dialect,
    readonly rules: TextRules,
    line: number,
  ) {
    this.#text = restarted.map(() => new CsvColumn(UTF8, true));
    this.#want = Math.max(0, ...restarted.map((i) => (cols[i] as CsvColumn).prefixRows));
    this.#line = line;
  }

  /** Whether every prefix row has been read. */
  get done(): boolean {
    return this.#row >= this.#want;
  }

  /** Read the rows of the next chunk of bytes (`last`: no bytes follow); whether every prefix row is read. */
  feed(chunk: Uint8Array, last = false): boolean {
    let buf = chunk;
    if (this.#carry.length > 0) {
      buf = new Uint8Array(this.#carry.length + chunk.length);
      buf.set(this.#carry);
      buf.set(chunk, this.#carry.length);
    }
    const f = this.#fields;
    const width = this.cols.length;
    let pos = 0;
    while (pos < buf.length && !this.done) {
      const t = tokenize(buf, pos, buf.length, this.#line, this.dialect, BLOCK, 1 << 22, last, f);
      for (let r = 0; r < f.nRows && !this.done; r++) this.#row1(buf, f, r, width);
      pos = t.pos;
      this.#line = t.line;
      if (t.stop === "partial") break;
    }
    this.#carry = buf.slice(pos);
    return this.done;
  }

  #row1(buf: Uint8Array, f: Fields, r: number, width: number): void {
    if (f.width(r) !== width) return;
    const row = this.#row;
    if (this.#at === BLOCK) {
      this.restarted.forEach((ci, k) => {
        if (row < (this.cols[ci] as CsvColumn).prefixRows) (this.#text[k] as CsvColumn).seal(BLOCK);
      });
      this.#at = 0;
    }
    const f0 = f.rowStart[r] as number;
    this.restarted.forEach((ci, k) => {
      if (row >= (this.cols[ci] as CsvColumn).prefixRows) return;
      const i = f0 + ci;
      (this.#text[k] as CsvColumn).push(
        buf,
        f.starts[i] as number,
        f.ends[i] as number,
        f.escaped[i] === 1,
        this.#at,
        row,
        this.rules,
      );
    });
    this.#at++;
    this.#row++;
  }

  /** The bytes ended (or every prefix row is read): hand each restarted column its prefix. */
  close(): void {
    if (!this.done) this.feed(new Uint8Array(0), true);
    this.restarted.forEach((ci, k) => {
      const col = this.cols[ci] as CsvColumn;
      const n = col.prefixRows;
      // blocks were sealed while rows remained: the last holds the rest of n
      const prefix: Column = (this.#text[k] as CsvColumn).finish(
        n - Math.floor((n === 0 ? 0 : n - 1) / BLOCK) * BLOCK,
      );
      if (prefix.length !== n)
        throw new Error(`readCSV: internal error re-reading a column: ${prefix.length} of ${n} rows`);
      col.prefix = prefix;
    });
  }
}

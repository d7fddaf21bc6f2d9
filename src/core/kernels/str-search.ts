/**
 * Searching strings: contains, startsWith, endsWith, match, fullmatch.
 * Plain-text patterns search the UTF-8 bytes of the chunk directly (no
 * string is decoded); regex patterns decode the chunk once and test each
 * row's slice.
 * @internal
 */
import { maybeBoolean, show } from "../../util/is.js";
import { getBit, sliceBits } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Bool, bool } from "../dtype.js";
import { OptionError } from "../errors.js";
import {
  boolChunk,
  decodeRows,
  isAscii,
  isValidAt,
  mapText,
  newBits,
  type StrView,
  utf8Bytes,
} from "./str-engine.js";
import { compile, escapeRegex, isLiteral, type Pattern, type RegexOptions } from "./str-regex.js";

/** Options of `contains`. */
export interface ContainsOptions extends RegexOptions {
  /** Read `pat` as a regular expression (default true, as pandas). */
  regex?: boolean;
  /** The result for a null (default: null). */
  na?: boolean;
}

const LOWER = new Uint8Array(256);
for (let b = 0; b < 256; b++) LOWER[b] = b >= 65 && b <= 90 ? b + 32 : b;

/** Set bit `i` of `bits`. */
function set(bits: Uint8Array, i: number): void {
  bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
}

/**
 * Rows containing `pat` (UTF-8 bytes), by one scan of the chunk's bytes:
 * each candidate start is checked against its row's end, and a found row
 * skips to the next one. `fold` compares through an ASCII lowercase table.
 */
function searchBytes(v: StrView, pat: Uint8Array, fold: boolean): Uint8Array {
  const { bytes, offs, n } = v;
  const bits = newBits(n);
  const m = pat.length;
  if (m === 0) {
    for (let i = 0; i < n; i++) set(bits, i);
    return bits;
  }
  const first = pat[0] as number;
  const last = (offs[n] as number) - m;
  let row = 0;
  let end = offs[1] as number;
  if (!fold) {
    // the engine's native indexOf finds candidate first bytes faster than a JS loop;
    // the view ends with the chunk so a search never runs on into a shared buffer
    const hay = bytes.subarray(0, offs[n] as number);
    let p = hay.indexOf(first, offs[0] as number);
    while (p !== -1 && p <= last) {
      while (p >= end) end = offs[++row + 1] as number;
      if (p + m <= end) {
        let k = 1;
        while (k < m && bytes[p + k] === pat[k]) k++;
        if (k === m) {
          set(bits, row);
          p = hay.indexOf(first, end);
          continue;
        }
      }
      p = hay.indexOf(first, p + 1);
    }
    return bits;
  }
  for (let p = offs[0] as number; p <= last; p++) {
    if (LOWER[bytes[p] as number] !== first) continue;
    while (p >= end) end = offs[++row + 1] as number;
    if (p + m > end) continue;
    let k = 1;
    while (k < m && LOWER[bytes[p + k] as number] === pat[k]) k++;
    if (k === m) {
      set(bits, row);
      p = end - 1;
    }
  }
  return bits;
}

/** Rows where `re.test(row)` holds. */
function searchRegex(v: StrView, re: RegExp): Uint8Array {
  const bits = newBits(v.n);
  const rows = decodeRows(v);
  for (let i = 0; i < v.n; i++) {
    re.lastIndex = 0; // sticky and global patterns carry state between calls
    if (re.test(rows.row(i))) set(bits, i);
  }
  return bits;
}

/** The bool chunk of `bits`, nulls filled with `na` when given. */
function withNa(v: StrView, bits: Uint8Array, na: boolean | undefined): Chunk<Bool> {
  if (na === undefined || v.chunk.validity === null) return boolChunk(v, bits);
  for (let i = 0; i < v.n; i++) {
    if (isValidAt(v, i)) continue;
    if (na) set(bits, i);
    else bits[i >>> 3] = (bits[i >>> 3] as number) & ~(1 << (i & 7));
  }
  return makeChunk({ dtype: bool, length: v.n, values: bits });
}

/**
 * Fill the nulls of a result with `na`. The kernels fill them per chunk,
 * but a categorical runs its kernel on the categories, and its null codes
 * only appear once the result is gathered by the codes.
 */
function fillNa(col: Column<Bool>, na: boolean | undefined): Column<Bool> {
  if (na === undefined || col.nullCount === 0) return col;
  const chunks = col.chunks.map((c) => {
    if (c.validity === null) return c;
    const bits = sliceBits(c.values as Uint8Array, c.offset, c.length);
    for (let i = 0; i < c.length; i++) {
      if (getBit(c.validity, c.offset + i)) continue;
      if (na) set(bits, i);
      else bits[i >>> 3] = (bits[i >>> 3] as number) & ~(1 << (i & 7));
    }
    return makeChunk({ dtype: bool, length: c.length, values: bits });
  });
  return new Column(bool, chunks);
}

function naOption(what: string, na: unknown): boolean | undefined {
  if (na === undefined || na === null) return undefined;
  if (typeof na !== "boolean") throw new OptionError(`${what}: invalid na: ${show(na)} (expected a boolean)`);
  return na;
}

/** True where the string contains `pat` (regex by default, as pandas). @internal */
export function contains(col: Column, pat: Pattern, options: ContainsOptions = {}): Column<Bool> {
  const what = "str.contains";
  const regex = maybeBoolean("regex", options.regex, true);
  const caseSensitive = maybeBoolean("case", options.case, true);
  const na = naOption(what, options.na);
  if (!regex && typeof pat !== "string") {
    throw new OptionError(`${what}: regex: false needs a string pattern, got ${show(pat)}`);
  }
  if (typeof pat === "string" && (!regex || isLiteral(pat)) && (options.flags ?? "") === "") {
    const needle = utf8Bytes(caseSensitive ? pat : pat.toLowerCase());
    const escaped =
      caseSensitive || isAscii(needle, 0, needle.length) ? null : compile(what, escapeRegex(pat), options);
    const found = mapText(col, what, bool, (v) => {
      const { bytes, offs, n } = v;
      const bytewise =
        escaped === null && (caseSensitive || isAscii(bytes, offs[0] as number, offs[n] as number));
      const bits = bytewise
        ? searchBytes(v, needle, !caseSensitive)
        : searchRegex(v, escaped ?? compile(what, escapeRegex(pat), options));
      return withNa(v, bits, na);
    });
    return fillNa(found, na);
  }
  const re = compile(what, regex ? pat : escapeRegex(pat as string), options);
  return fillNa(
    mapText(col, what, bool, (v) => withNa(v, searchRegex(v, re), na)),
    na,
  );
}

/** The prefixes or suffixes to test, as UTF-8 bytes. */
function affixes(what: string, pat: string | readonly string[]): Uint8Array[] {
  const list = typeof pat === "string" ? [pat] : pat;
  if (!Array.isArray(list) || list.some((p) => typeof p !== "string")) {
    throw new OptionError(
      `${what}: invalid pattern: ${show(pat)} (expected a string or an array of strings)`,
    );
  }
  return list.map(utf8Bytes);
}

/** Rows whose bytes begin (`atEnd` false) or end with one of `pats`. */
function affixKernel(pats: Uint8Array[], atEnd: boolean, na: boolean | undefined) {
  return (v: StrView): Chunk<Bool> => {
    const { bytes, offs, n } = v;
    const bits = newBits(n);
    for (let i = 0; i < n; i++) {
      const a = offs[i] as number;
      const b = offs[i + 1] as number;
      for (const p of pats) {
        const m = p.length;
        if (m > b - a) continue;
        const s = atEnd ? b - m : a;
        let k = 0;
        while (k < m && bytes[s + k] === p[k]) k++;
        if (k === m) {
          set(bits, i);
          break;
        }
      }
    }
    return withNa(v, bits, na);
  };
}

/** True where the string starts with `pat` (or one of several; plain text). @internal */
export function startsWith(col: Column, pat: string | readonly string[], options: { na?: boolean } = {}) {
  const what = "str.startsWith";
  const na = naOption(what, options.na);
  return fillNa(mapText(col, what, bool, affixKernel(affixes(what, pat), false, na)), na);
}

/** True where the string ends with `pat` (or one of several; plain text). @internal */
export function endsWith(col: Column, pat: string | readonly string[], options: { na?: boolean } = {}) {
  const what = "str.endsWith";
  const na = naOption(what, options.na);
  return fillNa(mapText(col, what, bool, affixKernel(affixes(what, pat), true, na)), na);
}

/** Options of `match` and `fullmatch`. */
export interface MatchOptions extends RegexOptions {
  /** The result for a null (default: null). */
  na?: boolean;
}

/** True where the regex matches at the start of the string (Python's `re.match`). @internal */
export function match(col: Column, pat: Pattern, options: MatchOptions = {}): Column<Bool> {
  const what = "str.match";
  const re = compile(what, pat, options, "y");
  const na = naOption(what, options.na);
  return fillNa(
    mapText(col, what, bool, (v) => withNa(v, searchRegex(v, re), na)),
    na,
  );
}

/** True where the regex matches the whole string (Python's `re.fullmatch`). @internal */
export function fullmatch(col: Column, pat: Pattern, options: MatchOptions = {}): Column<Bool> {
  const what = "str.fullmatch";
  const inner = compile(what, pat, options);
  const re = new RegExp(`^(?:${inner.source})$`, inner.flags.replace("m", ""));
  const na = naOption(what, options.na);
  return fillNa(
    mapText(col, what, bool, (v) => withNa(v, searchRegex(v, re), na)),
    na,
  );
}

/**
 * Case changes of strings: lower, upper, swapcase, title, capitalize.
 * ASCII bytes go through a 256-entry table (a chunk that is all ASCII
 * keeps its offsets); other rows use JavaScript's full Unicode case
 * mappings, which agree with Python's (`"ß".toUpperCase()` is `"SS"`).
 * @internal
 */
import type { Chunk } from "../chunk.js";
import type { Column } from "../column.js";
import type { StringType } from "../dtype.js";
import {
  decodeRows,
  isAscii,
  mapText,
  StrOut,
  type StrView,
  stringChunk,
  textType,
  validityAt0,
} from "./str-engine.js";

const LOWER = new Uint8Array(256);
const UPPER = new Uint8Array(256);
const SWAP = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const letterUpper = b >= 65 && b <= 90;
  const letterLower = b >= 97 && b <= 122;
  LOWER[b] = letterUpper ? b + 32 : b;
  UPPER[b] = letterLower ? b - 32 : b;
  SWAP[b] = letterUpper ? b + 32 : letterLower ? b - 32 : b;
}

/** Which letters a case change flips: upper (lower → LOWER), lower (upper → UPPER), or both (swap). */
const FLIP_UPPER = 1;
const FLIP_LOWER = 2;

/**
 * Change the case of an all-ASCII chunk, four bytes at a time (SWAR): in a
 * 32-bit word of ASCII bytes, adding 0x3f to each byte sets its high bit
 * exactly when the byte is ≥ "A", adding 0x25 when it is > "Z" (no carry
 * crosses bytes below 0x80), so the letters' 0x20 bit can be flipped for
 * four bytes at once. The output gets the input's alignment so both sides
 * are read and written as words. Offsets are kept when the chunk starts at 0.
 */
function asciiCase(v: StrView, table: Uint8Array, flip: number, type: StringType): Chunk<StringType> {
  const { bytes, offs, n } = v;
  const a = offs[0] as number;
  const b = offs[n] as number;
  const shift = (bytes.byteOffset + a) & 3;
  const out = new Uint8Array(b - a + 4).subarray(shift, shift + (b - a));
  let i = a;
  for (; i < b && ((bytes.byteOffset + i) & 3) !== 0; i++) out[i - a] = table[bytes[i] as number] as number;
  const words = (b - i) >>> 2;
  // (a view at an unaligned offset throws even when empty, and i stays unaligned only when words is 0)
  const src = words > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, words) : new Uint32Array(0);
  const dst = words > 0 ? new Uint32Array(out.buffer, out.byteOffset + (i - a), words) : new Uint32Array(0);
  for (let k = 0; k < words; k++) {
    const w = src[k] as number;
    const upper = flip & FLIP_UPPER ? (w + 0x3f3f3f3f) & ~(w + 0x25252525) & 0x80808080 : 0;
    const lower = flip & FLIP_LOWER ? (w + 0x1f1f1f1f) & ~(w + 0x05050505) & 0x80808080 : 0;
    dst[k] = w ^ ((upper | lower) >>> 2);
  }
  for (i += words * 4; i < b; i++) out[i - a] = table[bytes[i] as number] as number;
  const offsets = a === 0 ? offs : offs.map((o) => o - a);
  return stringChunk(type, n, out, offsets, validityAt0(v.chunk));
}

/** A case change: the table for ASCII rows, `js` for the others. */
function caseKernel(table: Uint8Array, flip: number, js: (s: string) => string, type: StringType) {
  return (v: StrView): Chunk<StringType> => {
    const { bytes, offs, n } = v;
    if (isAscii(bytes, offs[0] as number, offs[n] as number)) return asciiCase(v, table, flip, type);
    const out = new StrOut(n, (offs[n] as number) - (offs[0] as number));
    const rows = decodeRows(v);
    for (let i = 0; i < n; i++) {
      const a = offs[i] as number;
      const b = offs[i + 1] as number;
      if (isAscii(bytes, a, b)) {
        out.reserve(b - a);
        for (let k = a; k < b; k++) out.bytes[out.used++] = table[bytes[k] as number] as number;
      } else out.text(js(rows.row(i)));
      out.end();
    }
    return out.finish(type, validityAt0(v.chunk));
  };
}

/** Run a per-row JS string function over every row (the general path). */
function rowKernel(js: (s: string) => string, type: StringType) {
  return (v: StrView): Chunk<StringType> => {
    const { offs, n } = v;
    const out = new StrOut(n, (offs[n] as number) - (offs[0] as number));
    const rows = decodeRows(v);
    for (let i = 0; i < n; i++) {
      out.text(js(rows.row(i)));
      out.end();
    }
    return out.finish(type, validityAt0(v.chunk));
  };
}

const toLower = (s: string) => s.toLowerCase();
const toUpper = (s: string) => s.toUpperCase();

// Python's case classes come from the Unicode properties (CPython's makeunicodedata):
// a character is cased when it is Lowercase, Uppercase or titlecase (Lt)
const UPPERCASE = /\p{Uppercase}/u;
const LOWERCASE = /\p{Lowercase}/u;
const CASED_RUN = /[\p{Lowercase}\p{Uppercase}\p{Lt}]+/gu;

// Titlecase differs from uppercase for the Latin digraphs (ǆ → ǅ) and for ŉ;
// a character whose uppercase is several letters titlecases to the first one
// upper and the rest lower (ß → Ss, ﬁ → Fi), as Unicode's SpecialCasing
const TITLE: Record<string, string> = {
  Ǆ: "ǅ",
  ǅ: "ǅ",
  ǆ: "ǅ",
  Ǉ: "ǈ",
  ǈ: "ǈ",
  ǉ: "ǈ",
  Ǌ: "ǋ",
  ǋ: "ǋ",
  ǌ: "ǋ",
  Ǳ: "ǲ",
  ǲ: "ǲ",
  ǳ: "ǲ",
  ŉ: "ʼN",
};

/** The titlecase form of one code point. */
function titleChar(ch: string): string {
  const special = TITLE[ch];
  if (special !== undefined) return special;
  const up = ch.toUpperCase();
  const first = String.fromCodePoint(up.codePointAt(0) as number);
  return first.length === up.length ? up : first + up.slice(first.length).toLowerCase();
}

/** `s` lowercased after its first code point `first` (the final-sigma rule sees the whole string). */
function lowerAfter(s: string, first: string): string {
  return s.toLowerCase().slice(first.toLowerCase().length);
}

/** Swap the case of every character (Python's `str.swapcase`). */
function swapJs(s: string): string {
  const lowered = s.toLowerCase(); // in context: a final Σ lowers to ς
  let q = 0;
  let r = "";
  for (const ch of s) {
    const n = ch.toLowerCase().length;
    r += UPPERCASE.test(ch) ? lowered.slice(q, q + n) : LOWERCASE.test(ch) ? ch.toUpperCase() : ch;
    q += n;
  }
  return r;
}

/** Python's `str.title`: the first character of each run of cased characters titlecased, the rest lower. */
function titleJs(s: string): string {
  return s.replace(CASED_RUN, (w) => {
    const first = String.fromCodePoint(w.codePointAt(0) as number);
    return titleChar(first) + lowerAfter(w, first);
  });
}

/** Python's `str.capitalize`: the first character titlecased (Python 3.8+), the rest lower. */
function capitalizeJs(s: string): string {
  const cp = s.codePointAt(0);
  if (cp === undefined) return s;
  const first = String.fromCodePoint(cp);
  return titleChar(first) + lowerAfter(s, first);
}

/** Lowercase each string. @internal */
export function lower(col: Column): Column<StringType> {
  const t = textType(col);
  return mapText(col, "str.lower", t, caseKernel(LOWER, FLIP_UPPER, toLower, t));
}

/** Uppercase each string. @internal */
export function upper(col: Column): Column<StringType> {
  const t = textType(col);
  return mapText(col, "str.upper", t, caseKernel(UPPER, FLIP_LOWER, toUpper, t));
}

/** Swap the case of each character. @internal */
export function swapcase(col: Column): Column<StringType> {
  const t = textType(col);
  return mapText(col, "str.swapcase", t, caseKernel(SWAP, FLIP_UPPER | FLIP_LOWER, swapJs, t));
}

/** Titlecase each word. @internal */
export function title(col: Column): Column<StringType> {
  const t = textType(col);
  return mapText(col, "str.title", t, rowKernel(titleJs, t));
}

/** Uppercase the first character, lowercase the rest. @internal */
export function capitalize(col: Column): Column<StringType> {
  const t = textType(col);
  return mapText(col, "str.capitalize", t, rowKernel(capitalizeJs, t));
}

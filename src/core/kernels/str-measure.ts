/**
 * Measuring strings: length, find/rfind, count, and the character-class
 * predicates (isDigit, isAlpha…). Lengths and positions count Unicode code
 * points, as Python does.
 * @internal
 */
import { keyword, show } from "../../util/is.js";
import type { Column } from "../column.js";
import { type Bool, bool, type Int32, int32 } from "../dtype.js";
import { OptionError } from "../errors.js";
import {
  boolChunk,
  decodeRows,
  int32Chunk,
  isAscii,
  mapText,
  newBits,
  PY_SPACE,
  type StrView,
} from "./str-engine.js";
import {
  compile,
  escapeRegex,
  isLiteral,
  type Pattern,
  type RegexOptions,
  stepPastEmpty,
} from "./str-regex.js";

/** The number of characters (code points) of each string. @internal */
export function len(col: Column): Column<Int32> {
  return mapText(col, "str.len", int32, (v) => {
    const { bytes, offs, n } = v;
    const out = new Int32Array(n);
    if (isAscii(bytes, offs[0] as number, offs[n] as number)) {
      for (let i = 0; i < n; i++) out[i] = (offs[i + 1] as number) - (offs[i] as number);
    } else {
      for (let i = 0; i < n; i++) {
        let k = 0;
        const b = offs[i + 1] as number;
        for (let p = offs[i] as number; p < b; p++) if (((bytes[p] as number) & 0xc0) !== 0x80) k++;
        out[i] = k;
      }
    }
    return int32Chunk(v, out);
  });
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The code point position of UTF-16 position `u` in `s`. */
function codePoints(s: string, u: number): number {
  if (!SURROGATE.test(s)) return u;
  let k = 0;
  for (let i = 0; i < u; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) k++;
  }
  return k;
}

/** The UTF-16 position of code point `k` of `s` (Python's index, negative from the end, clamped). */
function unitOf(s: string, k: number): number {
  if (!SURROGATE.test(s)) return k < 0 ? Math.max(0, s.length + k) : Math.min(k, s.length);
  const cps = Array.from(s);
  let i = k < 0 ? Math.max(0, cps.length + k) : Math.min(k, cps.length);
  let u = 0;
  for (const c of cps) {
    if (i-- <= 0) break;
    u += c.length;
  }
  return u;
}

/** The lowest (`last`: highest) code point position of `sub` in each string within `[start, end)`, or −1 (Python's `str.find`). @internal */
export function find(
  col: Column,
  sub: string,
  start = 0,
  end: number | null = null,
  last = false,
): Column<Int32> {
  const what = last ? "str.rfind" : "str.find";
  if (typeof sub !== "string")
    throw new OptionError(`${what}: invalid sub: ${show(sub)} (expected a string)`);
  for (const [k, x] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (x !== null && !Number.isInteger(x)) {
      throw new OptionError(`${what}: invalid ${k}: ${show(x)} (expected an integer)`);
    }
  }
  return mapText(col, what, int32, (v) => {
    const rows = decodeRows(v);
    const out = new Int32Array(v.n);
    for (let i = 0; i < v.n; i++) {
      const s = rows.row(i);
      const a = unitOf(s, start);
      const b = end === null ? s.length : unitOf(s, end);
      let at = -1;
      // Python does not clamp start: past the end there is nothing to find, not even ""
      const pastEnd = start > 0 && start > codePoints(s, s.length);
      if (!pastEnd && b - a >= sub.length) {
        at = last ? s.lastIndexOf(sub, b - sub.length) : s.indexOf(sub, a);
        if (at < a || at + sub.length > b) at = -1;
      }
      out[i] = at < 0 ? -1 : codePoints(s, at);
    }
    return int32Chunk(v, out);
  });
}

/** The number of non-overlapping matches of `pat` in each string (regex, as pandas). @internal */
export function count(col: Column, pat: Pattern, options: RegexOptions = {}): Column<Int32> {
  const what = "str.count";
  const re = compile(what, typeof pat === "string" && isLiteral(pat) ? escapeRegex(pat) : pat, options, "g");
  return mapText(col, what, int32, (v) => {
    const rows = decodeRows(v);
    const out = new Int32Array(v.n);
    for (let i = 0; i < v.n; i++) {
      const s = rows.row(i);
      re.lastIndex = 0;
      let k = 0;
      for (let m = re.exec(s); m !== null; m = re.exec(s)) {
        k++;
        if (m[0] === "") stepPastEmpty(re, s, m.index); // an empty match must not match at the same place again
      }
      out[i] = k;
    }
    return int32Chunk(v, out);
  });
}

const CJK_NUMERIC =
  "\\u3405\\u3483\\u382A\\u3B4D\\u4E00\\u4E03\\u4E07\\u4E09\\u4E5D\\u4E8C\\u4E94\\u4E96\\u4EBF\\u4EC0\\u4EDF\\u4EE8" +
  "\\u4F0D\\u4F70\\u5104\\u5146\\u5169\\u516B\\u516D\\u5341\\u5343-\\u5345\\u534C\\u53C1-\\u53C4\\u56DB\\u58F1" +
  "\\u58F9\\u5E7A\\u5EFE\\u5EFF\\u5F0C-\\u5F0E\\u5F10\\u62FE\\u634C\\u67D2\\u6F06\\u7396\\u767E\\u8086\\u842C" +
  "\\u8CAE\\u8CB3\\u8D30\\u9621\\u9646\\u964C\\u9678\\u96F6\\uF96B\\uF973\\uF978\\uF9B2\\uF9D1\\uF9D3\\uF9FD" +
  "\\u{20001}\\u{20064}\\u{200E2}\\u{20121}\\u{2092A}\\u{20983}\\u{2098C}\\u{2099C}\\u{20AEA}\\u{20AFD}\\u{20B19}" +
  "\\u{22390}\\u{22998}\\u{23B1B}\\u{2626D}\\u{2F890}";

/** The predicates, as Python defines them on `str` (all false for ""). */
const PREDICATES = {
  isAlpha: /^\p{L}+$/u,
  isDigit:
    /^[\p{Nd}\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247C\u2488-\u2490\u24EA\u24F5-\u24FD\u24FF\u2776-\u277E\u2780-\u2788\u278A-\u2792\u1369-\u1371\u19DA\u{10A40}-\u{10A43}\u{10E60}-\u{10E68}\u{11052}-\u{1105A}\u{1F100}-\u{1F10A}]+$/u,
  isDecimal: /^\p{Nd}+$/u,
  // Python also counts the CJK ideographs with a numeric value (Unihan kPrimaryNumeric…): 一, 二, 百, 萬…
  isNumeric: new RegExp(`^[\\p{N}${CJK_NUMERIC}]+$`, "u"),
  isAlnum: /^[\p{L}\p{N}]+$/u,
  isSpace: new RegExp(`^[${PY_SPACE}]+$`, "u"),
} as const;

/** Names of the character-class predicates. */
export type StringPredicate = keyof typeof PREDICATES | "isLower" | "isUpper" | "isTitle";

const CASE_PREDICATES = ["isLower", "isUpper", "isTitle"] as const;

// CPython's case flags come from the Unicode properties, not from case mappings:
// "ĸ" and "ª" are lowercase without an uppercase form, "ℂ" is uppercase, "ǅ" (Lt) neither
const UPPER_OR_TITLE = /[\p{Uppercase}\p{Lt}]/u;
const LOWERCASE = /\p{Lowercase}/u;
const UPPERCASE = /\p{Uppercase}/u;

/** Python's islower / isupper / istitle. */
function caseTest(which: (typeof CASE_PREDICATES)[number], s: string): boolean {
  let sawCased = false;
  let prevCased = false;
  for (const ch of s) {
    const upperOrTitle = UPPER_OR_TITLE.test(ch);
    const lower = !upperOrTitle && LOWERCASE.test(ch);
    if (upperOrTitle || lower) {
      if (which === "isLower" && !lower) return false;
      if (which === "isUpper" && (lower || !UPPERCASE.test(ch))) return false;
      if (which === "isTitle" && lower !== prevCased) return false;
      sawCased = true;
    }
    prevCased = upperOrTitle || lower;
  }
  return sawCased;
}

/** Test each string against a character class (Python's `str.isdigit()` and kin). @internal */
export function predicate(col: Column, which: StringPredicate): Column<Bool> {
  const name = keyword("predicate", which, [
    ...(Object.keys(PREDICATES) as (keyof typeof PREDICATES)[]),
    ...CASE_PREDICATES,
  ]);
  return mapText(col, `str.${name}`, bool, (v: StrView) => {
    const rows = decodeRows(v);
    const bits = newBits(v.n);
    const re = name in PREDICATES ? PREDICATES[name as keyof typeof PREDICATES] : null;
    for (let i = 0; i < v.n; i++) {
      const s = rows.row(i);
      const ok = re !== null ? re.test(s) : caseTest(name as (typeof CASE_PREDICATES)[number], s);
      if (ok) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
    }
    return boolChunk(v, bits);
  });
}

/**
 * The first half of `s.str` (see str.ts for the whole namespace): case,
 * measuring, searching and character classes.
 */
import type { Bool, DType, Int32, StringType } from "../core/dtype.js";
import { isString } from "../core/dtype.js";
import { listLen } from "../core/kernels/list.js";
import * as Case from "../core/kernels/str-case.js";
import * as Measure from "../core/kernels/str-measure.js";
import type { Pattern, RegexOptions } from "../core/kernels/str-regex.js";
import * as Search from "../core/kernels/str-search.js";
import { Accessor, accessorError } from "./accessor.js";
import type { Series } from "./series.js";

export type { Pattern, RegexOptions } from "../core/kernels/str-regex.js";
export type { ContainsOptions, MatchOptions } from "../core/kernels/str-search.js";

/** True for the dtypes `.str` reads: text, categoricals, lists (get, join, len) and bytes (decode). */
export function isStringLike(d: DType): boolean {
  return isString(d) || d.kind === "dictionary" || d.kind === "list" || d.kind === "binary";
}

/** Case, measuring, searching and character classes of `s.str`. */
export class StringMethodsBase extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (!isStringLike(d)) {
      throw accessorError("str", "strings (utf8, large_utf8, a categorical, lists or bytes)", d);
    }
  }

  // ----------------------------------------------------------- case

  /**
   * Lowercase each string (full Unicode case mapping). A chunk of ASCII
   * text is mapped byte by byte and keeps its offsets.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["lower", "CAPITALS", "this is a sentence", "SwApCaSe"]).str.lower().toArray(); // => ["lower", "capitals", "this is a sentence", "swapcase"]
   * ```
   */
  lower(): Series<StringType> {
    return this.wrap(Case.lower(this.column));
  }

  /**
   * Uppercase each string (`"ß"` becomes `"SS"`, as in Python).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["lower", "CAPITALS", null]).str.upper().toArray(); // => ["LOWER", "CAPITALS", null]
   * ```
   */
  upper(): Series<StringType> {
    return this.wrap(Case.upper(this.column));
  }

  /**
   * Titlecase each string: a letter after a non-letter is upper, after a
   * letter lower (Python's `str.title`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["this is a sentence", "SwApCaSe"]).str.title().toArray(); // => ["This Is A Sentence", "Swapcase"]
   * ```
   */
  title(): Series<StringType> {
    return this.wrap(Case.title(this.column));
  }

  /**
   * Uppercase the first character and lowercase the rest.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["this is a sentence", "SwApCaSe"]).str.capitalize().toArray(); // => ["This is a sentence", "Swapcase"]
   * ```
   */
  capitalize(): Series<StringType> {
    return this.wrap(Case.capitalize(this.column));
  }

  /**
   * Swap upper and lower case.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["CAPITALS", "SwApCaSe"]).str.swapcase().toArray(); // => ["capitals", "sWaPcAsE"]
   * ```
   */
  swapcase(): Series<StringType> {
    return this.wrap(Case.swapcase(this.column));
  }

  // ----------------------------------------------------------- measuring

  /**
   * The number of characters (Unicode code points, as Python counts) of
   * each string, or of items of each list; int32. Read from the UTF-8
   * bytes without decoding.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["dog", "", "ñandú", null]).str.len().toArray(); // => [3, 0, 5, null]
   * ```
   */
  len(): Series<Int32> {
    return this.wrap(this.column.dtype.kind === "list" ? listLen(this.column) : Measure.len(this.column));
  }

  /**
   * The number of non-overlapping matches of the regex `pat` in each string (int32).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["A", "B", "Aaba", "Baca", null, "CABA", "cat"]).str.count("a").toArray(); // => [0, 0, 2, 2, null, 0, 1]
   * ```
   */
  count(pat: Pattern, options?: RegexOptions): Series<Int32> {
    return this.wrap(Measure.count(this.column, pat, options));
  }

  /**
   * The lowest position (in characters) of `sub` within `[start, end)` of
   * each string, or −1 (Python's `str.find`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["apple", "banana"]).str.find("an").toArray(); // => [-1, 1]
   * ```
   */
  find(sub: string, start = 0, end: number | null = null): Series<Int32> {
    return this.wrap(Measure.find(this.column, sub, start, end, false));
  }

  /**
   * The highest position of `sub` within `[start, end)`, or −1 (Python's `str.rfind`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["apple", "banana"]).str.rfind("an").toArray(); // => [-1, 3]
   * ```
   */
  rfind(sub: string, start = 0, end: number | null = null): Series<Int32> {
    return this.wrap(Measure.find(this.column, sub, start, end, true));
  }

  // ----------------------------------------------------------- searching

  /**
   * True where the string contains `pat`: a regex by default (as pandas),
   * plain text with `regex: false`; `case: false` ignores case; `na`
   * replaces the result for nulls. Text without regex syntax is searched
   * in the UTF-8 bytes directly.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["Mouse", "dog", "house and parrot", "23", null]);
   * s.str.contains("og", { regex: false }).toArray(); // => [false, true, false, false, null]
   * s.str.contains("oG", { case: false }).toArray(); // => [false, true, false, false, null]
   * s.str.contains("house|dog").toArray(); // => [false, true, true, false, null]
   * s.str.contains("\\d", { na: false }).toArray(); // => [false, false, false, true, false]
   * ```
   */
  contains(pat: Pattern, options?: Search.ContainsOptions): Series<Bool> {
    return this.wrap(Search.contains(this.column, pat, options));
  }

  /**
   * True where the string starts with `pat` (plain text; an array tests several).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["bat", "Bear", "cat", null]);
   * s.str.startsWith("b").toArray(); // => [true, false, false, null]
   * s.str.startsWith(["b", "B"], { na: false }).toArray(); // => [true, true, false, false]
   * ```
   */
  startsWith(pat: string | readonly string[], options?: { na?: boolean }): Series<Bool> {
    return this.wrap(Search.startsWith(this.column, pat, options));
  }

  /**
   * True where the string ends with `pat` (plain text; an array tests several).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["bat", "bear", "caT", null]).str.endsWith("t").toArray(); // => [true, false, false, null]
   * ```
   */
  endsWith(pat: string | readonly string[], options?: { na?: boolean }): Series<Bool> {
    return this.wrap(Search.endsWith(this.column, pat, options));
  }

  /**
   * True where the regex matches at the start of the string (Python's `re.match`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["cat", "concat", "dog"]).str.match("c.t").toArray(); // => [true, false, false]
   * ```
   */
  match(pat: Pattern, options?: Search.MatchOptions): Series<Bool> {
    return this.wrap(Search.match(this.column, pat, options));
  }

  /**
   * True where the regex matches the whole string (Python's `re.fullmatch`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["cat", "cats", "dog"]).str.fullmatch("cat|dog").toArray(); // => [true, false, true]
   * ```
   */
  fullmatch(pat: Pattern, options?: Search.MatchOptions): Series<Bool> {
    return this.wrap(Search.fullmatch(this.column, pat, options));
  }

  // ----------------------------------------------------------- character classes

  /**
   * True where every character is a letter (and there is one), as Python's `str.isalpha`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["one", "one1", "1", ""]).str.isAlpha().toArray(); // => [true, false, false, false]
   * ```
   */
  isAlpha(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isAlpha"));
  }
  /**
   * True where every character is a digit, superscripts included (Python's `str.isdigit`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["23", "³", "⅕", ""]).str.isDigit().toArray(); // => [true, true, false, false]
   * ```
   */
  isDigit(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isDigit"));
  }
  /**
   * True where every character is a decimal digit (Python's `str.isdecimal`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["23", "³", "⅕", ""]).str.isDecimal().toArray(); // => [true, false, false, false]
   * ```
   */
  isDecimal(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isDecimal"));
  }
  /**
   * True where every character is numeric, fractions included (Python's `str.isnumeric`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["23", "³", "⅕", ""]).str.isNumeric().toArray(); // => [true, true, true, false]
   * ```
   */
  isNumeric(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isNumeric"));
  }
  /**
   * True where every character is a letter or a number (Python's `str.isalnum`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["one", "one1", "1", "one 1"]).str.isAlnum().toArray(); // => [true, true, true, false]
   * ```
   */
  isAlnum(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isAlnum"));
  }
  /**
   * True where every character is whitespace (Python's `str.isspace`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series([" ", "\t\r\n ", ""]).str.isSpace().toArray(); // => [true, true, false]
   * ```
   */
  isSpace(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isSpace"));
  }
  /**
   * True where every cased character is lowercase (and there is one).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["leopard", "Golden Eagle", "SNAKE", ""]).str.isLower().toArray(); // => [true, false, false, false]
   * ```
   */
  isLower(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isLower"));
  }
  /**
   * True where every cased character is uppercase (and there is one).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["leopard", "Golden Eagle", "SNAKE", ""]).str.isUpper().toArray(); // => [false, false, true, false]
   * ```
   */
  isUpper(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isUpper"));
  }
  /**
   * True where the string is titlecased (Python's `str.istitle`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["leopard", "Golden Eagle", "SNAKE", ""]).str.isTitle().toArray(); // => [false, true, false, false]
   * ```
   */
  isTitle(): Series<Bool> {
    return this.wrap(Measure.predicate(this.column, "isTitle"));
  }
}

/**
 * `s.str`: vectorized string methods (pandas' `.str` accessor) over Arrow
 * utf8 buffers. On a categorical Series each method runs once per
 * category and is gathered by the codes. This file holds reshaping,
 * replacing, extracting, splitting and joining; str-base.ts the rest.
 */
import type { Column } from "../core/column.js";
import type { Binary, List, StringType } from "../core/dtype.js";
import { int32 } from "../core/dtype.js";
import { OptionError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import { listGet, listJoin, listToColumns } from "../core/kernels/list.js";
import { catAll, catColumns } from "../core/kernels/str-cat.js";
import { decode, type EncodingErrors, encode } from "../core/kernels/str-encode.js";
import { extract, extractAll } from "../core/kernels/str-extract.js";
import type { Pattern, RegexOptions } from "../core/kernels/str-regex.js";
import { type Replacement, type ReplaceOptions, replace } from "../core/kernels/str-replace.js";
import { type SplitOptions, split } from "../core/kernels/str-split.js";
import * as T from "../core/kernels/str-transform.js";
// Type only: the Series layer builds frames through makeFrame, never by importing the frame layer.
import type { DataFrame } from "../frame/frame.js";
import { show } from "../util/is.js";
import { makeFrame } from "./frame-factory.js";
import { indexAt, sameLabels, takeOrNull } from "./index-of.js";
import type { Series } from "./series.js";
import { StringMethodsBase } from "./str-base.js";

export type { Replacement, ReplaceOptions } from "../core/kernels/str-replace.js";
export type { SplitOptions } from "../core/kernels/str-split.js";
export type { NormalForm, PadOptions } from "../core/kernels/str-transform.js";
export { isStringLike } from "./str-base.js";

/** Options of `split` and `rsplit` on a Series. */
export interface SeriesSplitOptions extends SplitOptions {
  /** Spread the parts over columns "0", "1", … of a DataFrame instead of returning lists. */
  expand?: boolean;
}

/**
 * The string methods of a Series of text (utf8, large_utf8 or
 * categorical), plus `get`, `join` and `len` on lists and `decode` on
 * bytes. Nulls stay null in every result, and positions and widths count
 * characters (Unicode code points), as Python's `str` does.
 */
export class StringMethods extends StringMethodsBase {
  // ----------------------------------------------------------- reshaping

  /**
   * Remove leading and trailing whitespace, or any of the characters in `chars`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["1. Ant.  ", "2. Bee!\n", "3. Cat?\t", null]).str.strip().toArray(); // => ["1. Ant.", "2. Bee!", "3. Cat?", null]
   * new Series(["1. Ant.  ", "2. Bee!\n"]).str.strip("12345.!? \n").toArray(); // => ["Ant", "Bee"]
   * ```
   */
  strip(chars: string | null = null): Series<StringType> {
    return this.wrap(T.strip(this.column, chars, "both"));
  }
  /**
   * Remove leading whitespace, or any of `chars`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["  a  "]).str.lstrip().toArray(); // => ["a  "]
   * ```
   */
  lstrip(chars: string | null = null): Series<StringType> {
    return this.wrap(T.strip(this.column, chars, "left"));
  }
  /**
   * Remove trailing whitespace, or any of `chars`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["  a  ", "xx.."]).str.rstrip(". ").toArray(); // => ["  a", "xx"]
   * ```
   */
  rstrip(chars: string | null = null): Series<StringType> {
    return this.wrap(T.strip(this.column, chars, "right"));
  }

  /**
   * Pad each string to `width` characters with `fillchar` on `side`
   * ("left" by default, "right" or "both").
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["caribou", "tiger"]);
   * s.str.pad(10).toArray(); // => ["   caribou", "     tiger"]
   * s.str.pad(10, { side: "right", fillchar: "-" }).toArray(); // => ["caribou---", "tiger-----"]
   * s.str.pad(10, { side: "both", fillchar: "-" }).toArray(); // => ["-caribou--", "--tiger---"]
   * ```
   */
  pad(width: number, options?: T.PadOptions): Series<StringType> {
    return this.wrap(T.pad(this.column, width, options));
  }
  /**
   * Center each string in `width` characters (Python's `str.center`).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["dog", "bird"]).str.center(8, "*").toArray(); // => ["**dog***", "**bird**"]
   * ```
   */
  center(width: number, fillchar = " "): Series<StringType> {
    return this.wrap(T.pad(this.column, width, { side: "both", fillchar }, "str.center"));
  }
  /**
   * Left-justify: fill on the right up to `width` characters.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["dog"]).str.ljust(5, ".").toArray(); // => ["dog.."]
   * ```
   */
  ljust(width: number, fillchar = " "): Series<StringType> {
    return this.wrap(T.pad(this.column, width, { side: "right", fillchar }, "str.ljust"));
  }
  /**
   * Right-justify: fill on the left up to `width` characters.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["dog"]).str.rjust(5, ".").toArray(); // => ["..dog"]
   * ```
   */
  rjust(width: number, fillchar = " "): Series<StringType> {
    return this.wrap(T.pad(this.column, width, { side: "left", fillchar }, "str.rjust"));
  }
  /**
   * Pad with zeros on the left to `width`, after a leading sign.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["-1", "1", "1000", null]).str.zfill(3).toArray(); // => ["-01", "001", "1000", null]
   * ```
   */
  zfill(width: number): Series<StringType> {
    return this.wrap(T.zfill(this.column, width));
  }

  /**
   * Slice each string as Python's `s[start:stop:step]` (characters; negative from the end).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["koala", "dog", "chameleon"]);
   * s.str.slice(1).toArray(); // => ["oala", "og", "hameleon"]
   * s.str.slice(null, -1).toArray(); // => ["koal", "do", "chameleo"]
   * s.str.slice(0, 5, 3).toArray(); // => ["kl", "d", "cm"]
   * ```
   */
  slice(
    start: number | null = null,
    stop: number | null = null,
    step: number | null = null,
  ): Series<StringType> {
    return this.wrap(T.slice(this.column, start, stop, step));
  }

  /**
   * The character at position `i` of each string, or the item `i` of each
   * list (negative from the end); null where there is none.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["String", "xy"]).str.get(2).toArray(); // => ["r", null]
   * new Series(["a_b_c", "d_e"]).str.split("_").str.get(-1).toArray(); // => ["c", "e"]
   * ```
   */
  get(i: number): Series {
    return this.wrap(this.column.dtype.kind === "list" ? listGet(this.column, i) : T.get(this.column, i));
  }

  /**
   * Repeat each string `repeats` times (one count, or one per row).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a", "b", "c"]);
   * s.str.repeat(2).toArray(); // => ["aa", "bb", "cc"]
   * s.str.repeat([1, 2, 3]).toArray(); // => ["a", "bb", "ccc"]
   * ```
   */
  repeat(repeats: number | ArrayLike<number>): Series<StringType> {
    return this.wrap(T.repeat(this.column, repeats));
  }

  /**
   * Bring each string to a Unicode normal form ("NFC", "NFD", "NFKC", "NFKD").
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["e\u0301"]).str.normalize("NFC").toArray(); // => ["é"]
   * ```
   */
  normalize(form: T.NormalForm): Series<StringType> {
    return this.wrap(T.normalize(this.column, form));
  }

  /**
   * Remove `prefix` where a string starts with it.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["str_foo", "str_bar", "no_prefix"]).str.removePrefix("str_").toArray(); // => ["foo", "bar", "no_prefix"]
   * ```
   */
  removePrefix(prefix: string): Series<StringType> {
    return this.wrap(T.removePrefix(this.column, prefix));
  }
  /**
   * Remove `suffix` where a string ends with it.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["foo_str", "bar_str", "no_suffix"]).str.removeSuffix("_str").toArray(); // => ["foo", "bar", "no_suffix"]
   * ```
   */
  removeSuffix(suffix: string): Series<StringType> {
    return this.wrap(T.removeSuffix(this.column, suffix));
  }

  // ----------------------------------------------------------- replacing and extracting

  /**
   * Replace occurrences of `pat` with `repl`: plain text by default (as
   * pandas 2), a regex with `regex: true` or a RegExp; `n` limits the
   * replacements per string. A regex replacement may use Python's `\1`
   * and `\g<name>`, or be a function of the match.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["foo", "fuz", null]).str.replace("f.", "ba", { regex: true }).toArray(); // => ["bao", "baz", null]
   * new Series(["f.o", "fuz"]).str.replace("f.", "ba").toArray(); // => ["bao", "fuz"]
   * new Series(["foo 123", "bar baz"]).str.replace(/[a-z]+/g, (m) => m[0].split("").reverse().join("")).toArray(); // => ["oof 123", "rab zab"]
   * new Series(["One Two Three"]).str.replace("(?P<one>\\w+) (?P<two>\\w+) (?P<three>\\w+)", "\\g<two> \\1", { regex: true }).toArray(); // => ["Two One"]
   * ```
   */
  replace(pat: Pattern, repl: Replacement, options?: ReplaceOptions): Series<StringType> {
    return this.wrap(replace(this.column, pat, repl, options));
  }

  /**
   * The capture groups of the first match of the regex `pat`: a DataFrame
   * with one column per group (named by the group, else "0", "1", …), or
   * with `expand: false` and one group, a Series. No match gives nulls.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a1", "b2", "c3"]);
   * const df = s.str.extract("(?P<letter>[ab])(?P<digit>\\d)");
   * df.columns; // => ["letter", "digit"]
   * df.get("letter").toArray(); // => ["a", "b", null]
   * s.str.extract("[ab](\\d)", { expand: false }).toArray(); // => ["1", "2", null]
   * ```
   */
  extract(pat: Pattern, options: RegexOptions & { expand: false }): Series<StringType>;
  extract(pat: Pattern, options?: RegexOptions & { expand?: true }): DataFrame;
  extract(pat: Pattern, options: RegexOptions & { expand?: boolean } = {}): DataFrame | Series<StringType> {
    const { expand, ...regex } = options;
    const groups = extract(this.column, pat, regex);
    if (expand === false) {
      if (groups.size !== 1) {
        throw new OptionError(
          `str.extract: expand: false needs one capture group, the pattern has ${groups.size}`,
        );
      }
      return this.wrap([...groups.values()][0] as Column<StringType>);
    }
    return makeFrame(groups as Map<string, Column>, this.series.index) as unknown as DataFrame;
  }

  /**
   * The capture groups of every match of the regex `pat`: a DataFrame with
   * one row per match, indexed by the label of the string it came from,
   * with a `match` column (0, 1, … within each string) and one column per
   * group (pandas puts `match` in a second index level).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a1a2", "b1", "c1"], { index: ["A", "B", "C"] });
   * const df = s.str.extractAll("[ab](?P<digit>\\d)");
   * df.index.toColumn().toArray(); // => ["A", "A", "B"]
   * df.get("match").toArray(); // => [0, 1, 0]
   * df.get("digit").toArray(); // => ["1", "2", "1"]
   * ```
   */
  extractAll(pat: Pattern, options?: RegexOptions): DataFrame {
    const all = extractAll(this.column, pat, options);
    if (all.groups.has("match")) {
      throw new OptionError('str.extractAll: a capture group is named "match", the column of match numbers');
    }
    const cols = new Map<string, Column>([["match", column(all.match, int32)]]);
    for (const [k, v] of all.groups) cols.set(k, v);
    return makeFrame(cols, indexAt(this.series.index, all.rows)) as unknown as DataFrame;
  }

  // ----------------------------------------------------------- splitting and joining

  /**
   * Split each string around `pat` into a list of strings (Python's
   * `str.split`; `pat` null splits on runs of whitespace). A one-character
   * `pat` is plain text, a longer one a regex unless `regex: false`; `n`
   * limits the splits; `expand: true` spreads the parts over columns.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["this is a regular sentence", "https://docs.python.org/3/tutorial/index.html", null]);
   * s.str.split().toArray(); // => [["this", "is", "a", "regular", "sentence"], ["https://docs.python.org/3/tutorial/index.html"], null]
   * s.str.split(null, { n: 2 }).get(0); // => ["this", "is", "a regular sentence"]
   * s.str.split("/").get(1); // => ["https:", "", "docs.python.org", "3", "tutorial", "index.html"]
   * s.str.split(null, { expand: true }).columns; // => ["0", "1", "2", "3", "4"]
   * ```
   */
  split(pat: Pattern | null, options: SeriesSplitOptions & { expand: true }): DataFrame;
  split(pat?: Pattern | null, options?: SeriesSplitOptions & { expand?: false }): Series<List>;
  split(pat: Pattern | null = null, options: SeriesSplitOptions = {}): DataFrame | Series<List> {
    const { expand, ...rest } = options;
    return this.#expand(split(this.column, pat, rest, false), expand);
  }

  /**
   * Split from the right (Python's `str.rsplit`): differs from `split` only when `n` limits the splits.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["this is a regular sentence"]).str.rsplit(null, { n: 2 }).get(0); // => ["this is a", "regular", "sentence"]
   * ```
   */
  rsplit(pat: string | null, options: SeriesSplitOptions & { expand: true }): DataFrame;
  rsplit(pat?: string | null, options?: SeriesSplitOptions & { expand?: false }): Series<List>;
  rsplit(pat: string | null = null, options: SeriesSplitOptions = {}): DataFrame | Series<List> {
    const { expand, ...rest } = options;
    return this.#expand(split(this.column, pat, rest, true), expand);
  }

  #expand(lists: Column<List>, expand: boolean | undefined): DataFrame | Series<List> {
    if (expand !== true) return this.wrap(lists);
    const cols = new Map(listToColumns(lists).map((c, k) => [String(k), c]));
    return makeFrame(cols, this.series.index) as unknown as DataFrame;
  }

  /**
   * Join the strings of each list with `sep` (a list holding a null gives null).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["a b c", "d e"]).str.split().str.join("-").toArray(); // => ["a-b-c", "d-e"]
   * ```
   */
  join(sep: string): Series<StringType> {
    return this.wrap(listJoin(this.column, sep));
  }

  /**
   * Concatenate strings. Without `others`, all the strings joined into one
   * (nulls left out unless `naRep` stands for them). With `others` (a
   * Series, an array, or a list of them), row by row with `sep`; Series
   * are aligned on this Series' labels (pandas' `join="left"`), and a null
   * anywhere in a row gives null unless `naRep` is set.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a", "b", null, "d"]);
   * s.str.cat({ sep: " " }); // => "a b d"
   * s.str.cat({ sep: " ", naRep: "?" }); // => "a b ? d"
   * s.str.cat(["A", "B", "C", "D"], { sep: "," }).toArray(); // => ["a,A", "b,B", null, "d,D"]
   * s.str.cat(["A", "B", "C", "D"], { sep: ",", naRep: "-" }).toArray(); // => ["a,A", "b,B", "-,C", "d,D"]
   * ```
   */
  cat(options?: { sep?: string; naRep?: string | null }): string;
  cat(others: CatOthers, options?: { sep?: string; naRep?: string | null }): Series<StringType>;
  cat(
    a?: CatOthers | { sep?: string; naRep?: string | null },
    b?: { sep?: string; naRep?: string | null },
  ): string | Series<StringType> {
    const isOptions =
      a === undefined || (typeof a === "object" && a !== null && !Array.isArray(a) && !isSeriesLike(a));
    if (isOptions) {
      const o = (a ?? {}) as { sep?: string; naRep?: string | null };
      return catAll(this.column, o.sep ?? "", o.naRep ?? null);
    }
    const o = b ?? {};
    const list = Array.isArray(a) && a.some((x) => Array.isArray(x) || isSeriesLike(x)) ? a : [a];
    const cols = [this.column, ...(list as unknown[]).map((x, k) => this.#aligned(x, k))];
    return this.wrap(catColumns(cols, o.sep ?? "", o.naRep ?? null));
  }

  #aligned(x: unknown, k: number): Column {
    if (isSeriesLike(x)) {
      // pandas' join="left": the other Series' values at this Series' labels (null where absent)
      const index = this.series.index;
      return sameLabels(index, x.index) ? x.column : takeOrNull(x.column, x.index.getIndexer(index));
    }
    if (!Array.isArray(x))
      throw new OptionError(`str.cat: invalid others[${k}]: ${show(x)} (expected a Series or an array)`);
    return column(x, "utf8");
  }

  // ----------------------------------------------------------- bytes

  /**
   * Encode each string as bytes ("utf-8" shares the buffers; "ascii" and
   * "latin1" transcode; `errors`: "strict", "replace" with `?`, "ignore").
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["cow", "né"]).str.encode("utf-8").get(1); // => new Uint8Array([110, 195, 169])
   * new Series(["né"]).str.encode("ascii", "replace").get(0); // => new Uint8Array([110, 63])
   * ```
   */
  encode(encoding = "utf-8", errors: EncodingErrors = "strict"): Series<Binary> {
    return this.wrap(encode(this.column, encoding, errors));
  }

  /**
   * Decode bytes into strings from `encoding` (any WHATWG label:
   * "utf-8", "latin1", "utf-16le"…); invalid bytes throw, or become U+FFFD
   * with `errors: "replace"`.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["né"]).str.encode("latin1").str.decode("latin1").toArray(); // => ["né"]
   * ```
   */
  decode(encoding = "utf-8", errors: "strict" | "replace" = "strict"): Series<StringType> {
    return this.wrap(decode(this.column, encoding, errors));
  }
}

/** What `cat` joins with: one Series or array of strings, or a list of them. */
export type CatOthers =
  | Series
  | readonly (string | null)[]
  | readonly (Series | readonly (string | null)[])[];

function isSeriesLike(x: unknown): x is { column: Column; index: Series["index"] } {
  return typeof x === "object" && x !== null && "column" in x && "index" in x;
}

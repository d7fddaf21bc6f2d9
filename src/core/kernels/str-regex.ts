/**
 * Patterns of the string kernels: Python-flavoured regex text compiled to
 * JavaScript `RegExp`, and the test that lets a pattern without regex
 * syntax take the byte-search fast path.
 * @internal
 */
import { show } from "../../util/is.js";
import { OptionError } from "../errors.js";
import { PY_SPACE } from "./str-engine.js";

/** A pattern: regex text (Python's syntax for named groups is accepted) or a RegExp. */
export type Pattern = string | RegExp;

/** Options shared by the regex methods. */
export interface RegexOptions {
  /** Match case (default true); false adds the `i` flag. */
  case?: boolean;
  /** Extra RegExp flags, e.g. `"m"` or `"s"` (pandas' `flags=re.M`). */
  flags?: string;
}

const META = /[\\^$.|?*+()[\]{}]/;

/** True when `pat` is plain text: no character regex syntax gives a meaning to. */
export function isLiteral(pat: string): boolean {
  return !META.test(pat);
}

/** Escape regex syntax so `text` matches itself. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/-]/g, "\\$&");
}

/** Rewrite Python-only syntax: `(?P<name>…)` → `(?<name>…)`, `(?P=name)` → `\k<name>`. */
function fromPython(src: string): string {
  return src.replace(/\(\?P<(\w+)>/g, "(?<$1>").replace(/\(\?P=(\w+)\)/g, "\\k<$1>");
}

// Python's Unicode classes, for Unicode mode: a word character is a letter, a number or "_".
const WORD = "\\p{L}\\p{N}_";
const OUTSIDE: Record<string, string> = {
  d: "\\p{Nd}",
  D: "\\P{Nd}",
  w: `[${WORD}]`,
  W: `[^${WORD}]`,
  s: `[${PY_SPACE}]`,
  S: `[^${PY_SPACE}]`,
  b: `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`,
  B: `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`,
  A: "(?<![\\s\\S])",
  Z: "(?![\\s\\S])",
};
const INSIDE: Record<string, string> = { d: "\\p{Nd}", w: WORD, s: PY_SPACE };

/**
 * Rewrite a Python pattern for Unicode mode so it means what it means in
 * Python: `\d`, `\w`, `\s`, `\b` and their negations match Unicode digits,
 * letters and spaces (JavaScript's are ASCII-only); `\A` and `\Z` anchor
 * the whole string; without the `m` flag `$` also matches before a final
 * newline. Inside a character class only `\d`, `\w`, `\s` are rewritten.
 */
function pythonDialect(src: string, multiline: boolean): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === "\\" && i + 1 < src.length) {
      const e = src[i + 1] as string;
      const rep = inClass ? INSIDE[e] : OUTSIDE[e];
      out += rep ?? ch + e;
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
    } else if (ch === "[") {
      inClass = true;
      out += ch;
      // a "]" first in a class (after an optional "^") is a literal
      if (src[i + 1] === "^") out += src[++i];
      if (src[i + 1] === "]") out += src[++i];
    } else if (ch === "$" && !multiline) out += "(?=\\n?(?![\\s\\S]))";
    else out += ch;
  }
  return out;
}

/**
 * Compile a pattern. `flags` may add `i`, `m`, `s`; `extra` adds the
 * method's own (`g`, `y`). Unicode mode (`u`, so `.` is one code point as
 * in Python, and `\w`, `\d`, `\s`, `\b` are Unicode-aware through
 * `pythonDialect`) is used when the pattern allows it; Python escapes such
 * as `\-` that Unicode mode rejects compile without it, with JavaScript's
 * ASCII classes.
 */
export function compile(what: string, pat: Pattern, options: RegexOptions = {}, extra = ""): RegExp {
  const flags = options.flags ?? "";
  if (typeof flags !== "string" || !/^[imsu]*$/.test(flags)) {
    throw new OptionError(`${what}: invalid flags: ${show(flags)} (expected letters among i, m, s, u)`);
  }
  const caseFlag = options.case === false ? "i" : "";
  if (pat instanceof RegExp) {
    const own = pat.flags.replace(/[gy]/g, "");
    return new RegExp(pat.source, unique(own + flags + caseFlag + extra));
  }
  if (typeof pat !== "string") {
    throw new OptionError(`${what}: invalid pattern: ${show(pat)} (expected a string or a RegExp)`);
  }
  const src = fromPython(pat);
  try {
    return new RegExp(pythonDialect(src, flags.includes("m")), unique(`u${flags}${caseFlag}${extra}`));
  } catch {
    try {
      return new RegExp(src, unique(flags + caseFlag + extra));
    } catch (e) {
      throw new OptionError(`${what}: invalid regular expression ${show(pat)}: ${(e as Error).message}`);
    }
  }
}

/**
 * After an empty match at `at`, move `re.lastIndex` past one code point.
 * A plain `lastIndex++` would land inside a surrogate pair, where V8's
 * Unicode mode steps back to the pair's start and matches the same empty
 * string again, forever; without `u` it would match between the halves.
 */
export function stepPastEmpty(re: RegExp, s: string, at: number): void {
  const c = s.charCodeAt(at);
  const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < s.length;
  re.lastIndex = at + (pair ? 2 : 1);
}

function unique(flags: string): string {
  return [...new Set(flags)].join("");
}

/**
 * The names of a regex's capture groups, in order: a named group's name,
 * else its number counted from 0 (pandas names extract's columns so).
 * Scans the source, skipping escapes and character classes.
 */
export function groupNames(re: RegExp): string[] {
  const src = re.source;
  const names: string[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      if (src[i + 1] !== "?") names.push(String(names.length));
      else {
        const m = /^\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i + 1));
        if (m !== null) names.push(m[1] as string);
      }
    }
  }
  return names;
}

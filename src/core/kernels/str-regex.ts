/**
 * Patterns of the string kernels: Python-flavoured regex text compiled to
 * JavaScript `RegExp`, and the test that lets a pattern without regex
 * syntax take the byte-search fast path.
 * @internal
 */
import { show } from "../../util/is.js";
import { OptionError } from "../errors.js";

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

/**
 * Compile a pattern. `flags` may add `i`, `m`, `s`; `extra` adds the
 * method's own (`g`, `y`). Unicode mode (`u`, so `.` is one code point as
 * in Python) is used when the pattern allows it; Python escapes such as
 * `\-` that Unicode mode rejects compile without it.
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
    return new RegExp(src, unique(`u${flags}${caseFlag}${extra}`));
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

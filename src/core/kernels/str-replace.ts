/**
 * `replace`: plain text or a regex, all occurrences or the first `n`, with
 * a replacement string (Python's `\1` and `\g<name>` references, as pandas
 * takes them) or a function of the match.
 * @internal
 */
import { maybeBoolean, show } from "../../util/is.js";
import type { Column } from "../column.js";
import type { StringType } from "../dtype.js";
import { OptionError } from "../errors.js";
import { mapRows } from "./str-engine.js";
import { compile, escapeRegex, type Pattern, type RegexOptions } from "./str-regex.js";

/** What replaces a match: text, or a function of the match (`m[0]`, `m[1]`, `m.groups`, `m.index`). */
export type Replacement = string | ((match: RegExpExecArray) => string);

/** Options of `replace`. */
export interface ReplaceOptions extends RegexOptions {
  /** Replace at most this many occurrences per string (default −1: all). */
  n?: number;
  /** Read `pat` as a regular expression (default false, as pandas 2). */
  regex?: boolean;
}

/**
 * Translate a Python replacement template to JavaScript's: `\1`, `\g<1>`,
 * `\g<name>` become `$1`, `$<name>`; a literal `$` is doubled; `\n`, `\t`
 * and `\\` are their characters.
 */
export function pythonTemplate(repl: string): string {
  return repl.replace(/\$|\\(?:g<(\w+)>|(\d{1,2})|(.))/gs, (m, g: string, d: string, e: string) => {
    if (m === "$") return "$$";
    if (g !== undefined) return /^\d+$/.test(g) ? `$${g}` : `$<${g}>`;
    if (d !== undefined) return `$${d}`;
    if (e === "n") return "\n";
    if (e === "t") return "\t";
    if (e === "\\") return "\\";
    return m;
  });
}

/** Replace occurrences of `pat` in each string. @internal */
export function replace(
  col: Column,
  pat: Pattern,
  repl: Replacement,
  options: ReplaceOptions = {},
): Column<StringType> {
  const what = "str.replace";
  const regex = maybeBoolean("regex", options.regex, pat instanceof RegExp);
  const n = options.n ?? -1;
  if (typeof n !== "number" || !Number.isInteger(n) || n < -1) {
    throw new OptionError(`${what}: invalid n: ${show(n)} (expected −1 for all, or a count)`);
  }
  if (typeof repl !== "string" && typeof repl !== "function") {
    throw new OptionError(`${what}: invalid repl: ${show(repl)} (expected a string or a function)`);
  }
  if (!regex && typeof pat !== "string") {
    throw new OptionError(`${what}: regex: false needs a string pattern, got ${show(pat)}`);
  }
  if (n === 0) return mapRows(col, what, (s) => s);
  const plain = !regex && options.case !== false && (options.flags ?? "") === "" && typeof repl === "string";
  if (plain) {
    const p = pat as string;
    if (n === -1 && p !== "") return mapRows(col, what, (s) => s.split(p).join(repl));
  }
  const re = compile(what, regex ? pat : escapeRegex(pat as string), options, "g");
  const template =
    typeof repl === "string" ? (regex ? pythonTemplate(repl) : repl.replace(/\$/g, "$$$$")) : null;
  return mapRows(col, what, (s) => {
    let done = 0;
    re.lastIndex = 0;
    return s.replace(re, (...args: unknown[]) => {
      const last = args[args.length - 1];
      const hasGroups = typeof last === "object" && last !== null;
      const index = args[args.length - (hasGroups ? 3 : 2)] as number;
      const m0 = args[0] as string;
      if (n !== -1 && done >= n) return m0;
      done++;
      const m = Object.assign(args.slice(0, args.length - (hasGroups ? 3 : 2)) as string[], {
        index,
        input: s,
        groups: hasGroups ? (last as Record<string, string>) : undefined,
      }) as unknown as RegExpExecArray;
      if (template === null) return (repl as (m: RegExpExecArray) => string)(m);
      return expand(template, m);
    });
  });
}

/** Apply a JavaScript replacement template to one match. */
function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|&|<(\w+)>|(\d{1,2}))/g, (t, c: string, name: string, d: string) => {
    if (c === "$") return "$";
    if (c === "&") return m[0];
    if (name !== undefined) return m.groups?.[name] ?? "";
    const k = Number(d);
    return k < m.length ? (m[k] ?? "") : t;
  });
}

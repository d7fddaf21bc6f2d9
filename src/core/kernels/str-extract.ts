/**
 * Capture groups to columns: `extract` (the first match of each string)
 * and `extractAll` (every match, one output row per match).
 * @internal
 */
import type { Chunk } from "../chunk.js";
import { Column } from "../column.js";
import type { StringType } from "../dtype.js";
import { OptionError } from "../errors.js";
import { cast } from "./cast.js";
import { checkText, decodeRows, gatherByCodes, isValidAt, StrOut, strView, textType } from "./str-engine.js";
import { compile, groupNames, type Pattern, type RegexOptions, stepPastEmpty } from "./str-regex.js";

function compileGroups(what: string, pat: Pattern, options: RegexOptions, extra: string) {
  const re = compile(what, pat, options, extra);
  const names = groupNames(re);
  if (names.length === 0) {
    throw new OptionError(
      `${what}: the pattern ${String(pat)} has no capture groups (wrap what to extract in parentheses)`,
    );
  }
  return { re, names };
}

/** Bitmap of the rows whose bit is set in `ok`, or null when all are. */
function bitmapOf(ok: Uint8Array, n: number): Uint8Array | null {
  let all = true;
  const bits = new Uint8Array((n + 7) >>> 3);
  for (let i = 0; i < n; i++) {
    if (ok[i]) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
    else all = false;
  }
  return all ? null : bits;
}

/**
 * The capture groups of the first match of `pat` in each string, one
 * column per group (named by the group's name or number). A string that
 * does not match, or a group that took no part, gives null. @internal
 */
export function extract(
  col: Column,
  pat: Pattern,
  options: RegexOptions = {},
): Map<string, Column<StringType>> {
  const what = "str.extract";
  checkText(col, what);
  const { re, names } = compileGroups(what, pat, options, "");
  const type = textType(col);
  const parts: Chunk<StringType>[][] = names.map(() => []);
  for (const c of col.chunks) {
    const dict = c.dtype.kind === "dictionary";
    const v = strView(dict ? (c.dictionary as Column<StringType>).combine() : (c as Chunk<StringType>));
    const rows = decodeRows(v);
    const outs = names.map(() => new StrOut(v.n, 16));
    const ok = names.map(() => new Uint8Array(v.n));
    for (let i = 0; i < v.n; i++) {
      const m = isValidAt(v, i) ? re.exec(rows.row(i)) : null;
      names.forEach((_, g) => {
        const text = m?.[g + 1];
        if (text !== undefined) {
          (outs[g] as StrOut).text(text);
          (ok[g] as Uint8Array)[i] = 1;
        }
        (outs[g] as StrOut).end();
      });
    }
    names.forEach((_, g) => {
      const chunk = (outs[g] as StrOut).finish(type, bitmapOf(ok[g] as Uint8Array, v.n));
      (parts[g] as Chunk<StringType>[]).push(dict ? gatherByCodes(chunk, c) : chunk);
    });
  }
  return new Map(names.map((name, g) => [name, new Column(type, parts[g] as Chunk<StringType>[])]));
}

/** Every match of `extractAll`: the source row and match number of each, and one column per group. */
export interface AllMatches {
  readonly rows: Int32Array;
  readonly match: Int32Array;
  readonly groups: Map<string, Column<StringType>>;
}

/** The capture groups of every match of `pat` in each string. @internal */
export function extractAll(col: Column, pat: Pattern, options: RegexOptions = {}): AllMatches {
  const what = "str.extractAll";
  checkText(col, what);
  const { re, names } = compileGroups(what, pat, options, "g");
  const type = textType(col);
  const plain = col.dtype.kind === "dictionary" ? cast(col, type) : col;
  const rowList: number[] = [];
  const matchList: number[] = [];
  const outs = names.map(() => new StrOut(16, 16));
  const valid: number[][] = names.map(() => []);
  let base = 0;
  for (const c of plain.chunks) {
    const v = strView(c as Chunk<StringType>);
    const rows = decodeRows(v);
    for (let i = 0; i < v.n; i++) {
      if (!isValidAt(v, i)) continue;
      const s = rows.row(i);
      re.lastIndex = 0;
      let k = 0;
      for (let m = re.exec(s); m !== null; m = re.exec(s)) {
        if (m[0] === "") stepPastEmpty(re, s, m.index);
        rowList.push(base + i);
        matchList.push(k++);
        names.forEach((_, g) => {
          const text = m[g + 1];
          if (text !== undefined) (outs[g] as StrOut).text(text);
          (valid[g] as number[]).push(text === undefined ? 0 : 1);
          (outs[g] as StrOut).end();
        });
      }
    }
    base += v.n;
  }
  const total = rowList.length;
  const groups = new Map(
    names.map((name, g) => {
      const out = outs[g] as StrOut;
      const ok = Uint8Array.from(valid[g] as number[]);
      const chunk = out.finish(type, bitmapOf(ok, total));
      return [name, Column.fromChunk(chunk)];
    }),
  );
  return { rows: Int32Array.from(rowList), match: Int32Array.from(matchList), groups };
}

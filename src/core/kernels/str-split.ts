/**
 * `split` and `rsplit`: each string into a list of strings (Python's
 * `str.split`/`re.split`). A one-byte separator on an all-ASCII chunk, the
 * common case, is a single scan that copies the bytes between separators
 * into the child column; other patterns go through JS strings.
 * @internal
 */
import { show } from "../../util/is.js";
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { type List, list, type StringType } from "../dtype.js";
import { OptionError } from "../errors.js";
import {
  decodeRows,
  isAscii,
  isValidAt,
  mapText,
  PY_SPACE,
  StrOut,
  type StrView,
  stringChunk,
  textType,
  validityAt0,
} from "./str-engine.js";
import { compile, escapeRegex, type Pattern, stepPastEmpty } from "./str-regex.js";

/** Options of `split` and `rsplit`. */
export interface SplitOptions {
  /** At most this many splits (default −1: all), as Python's `maxsplit`. */
  n?: number;
  /**
   * Read `pat` as a regex. Default as pandas: a one-character pattern is
   * plain text, a longer one a regex; a RegExp is always a regex.
   */
  regex?: boolean;
}

const ASCII_WS = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 28, 29, 30, 31, 32]) ASCII_WS[c] = 1;
const WS_RUN = new RegExp(`[${PY_SPACE}]+`, "u");
// the last run of whitespace: no whitespace follows it up to the end
const LAST_WS_RUN = new RegExp(`[${PY_SPACE}]+(?=[^${PY_SPACE}]*$)`, "u");

/** A list chunk over the items written to `items`, with `offsets` per row. */
function listChunk(
  v: StrView,
  type: StringType,
  items: StrOut,
  offsets: Int32Array,
  itemValidity: Uint8Array | null = null,
): Chunk<List> {
  const child = Column.fromChunk(items.finish(type, itemValidity));
  return makeChunk({
    dtype: list(type),
    length: v.n,
    values: new Uint8Array(0) as StorageOf<List>,
    validity: validityAt0(v.chunk),
    valueOffsets: offsets,
    child,
  });
}

/**
 * Split on one ASCII byte, every occurrence: the common case, in two scans
 * into exactly sized buffers (count the separators, then copy every other
 * byte while recording item ends). An ASCII byte never occurs inside a
 * multi-byte UTF-8 character, so any chunk qualifies.
 */
function splitOnByte(v: StrView, type: StringType, sep: number): Chunk<List> {
  const { bytes, offs, n } = v;
  const a = offs[0] as number;
  const b = offs[n] as number;
  let seps = 0;
  for (let p = a; p < b; p++) if (bytes[p] === sep) seps++;
  const childBytes = new Uint8Array(b - a - seps);
  const childOffs = new Int32Array(n + seps + 1);
  const offsets = new Int32Array(n + 1);
  let k = 0;
  let u = 0;
  for (let i = 0; i < n; i++) {
    const end = offs[i + 1] as number;
    if (isValidAt(v, i)) {
      for (let p = offs[i] as number; p < end; p++) {
        const x = bytes[p] as number;
        if (x === sep) childOffs[++k] = u;
        else childBytes[u++] = x;
      }
      childOffs[++k] = u;
    }
    offsets[i + 1] = k;
  }
  const child = Column.fromChunk(
    stringChunk(type, k, childBytes.subarray(0, u), childOffs.subarray(0, k + 1), null),
  );
  return makeChunk({
    dtype: list(type),
    length: n,
    values: new Uint8Array(0) as StorageOf<List>,
    validity: validityAt0(v.chunk),
    valueOffsets: offsets,
    child,
  });
}

/** Split an all-ASCII chunk on one byte (`sep` ≥ 0) or on runs of whitespace (`sep` −1). */
function splitBytes(v: StrView, type: StringType, sep: number, maxSplit: number): Chunk<List> {
  const { bytes, offs, n } = v;
  const items = new StrOut(n * 2, (offs[n] as number) - (offs[0] as number));
  const offsets = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let a = offs[i] as number;
    const b = offs[i + 1] as number;
    if (isValidAt(v, i)) {
      let splits = 0;
      if (sep >= 0) {
        let start = a;
        for (let p = a; p < b; p++) {
          if (bytes[p] !== sep || splits === maxSplit) continue;
          items.bytesFrom(bytes, start, p);
          items.end();
          k++;
          splits++;
          start = p + 1;
        }
        items.bytesFrom(bytes, start, b);
        items.end();
        k++;
      } else {
        // Python's split(): runs of whitespace separate, none at either end
        while (a < b && ASCII_WS[bytes[a] as number] === 1) a++;
        while (a < b) {
          let p = a;
          while (p < b && ASCII_WS[bytes[p] as number] !== 1) p++;
          // the last part, once maxsplit is reached, keeps its trailing whitespace (CPython's split_whitespace)
          if (splits === maxSplit) p = b;
          items.bytesFrom(bytes, a, p);
          items.end();
          k++;
          splits++;
          a = p;
          while (a < b && ASCII_WS[bytes[a] as number] === 1) a++;
        }
      }
    }
    offsets[i + 1] = k;
  }
  return listChunk(v, type, items, offsets);
}

/** Python's `re.split(pattern, s, maxsplit)`: groups included, at most `maxSplit` splits (−1: all). */
function splitRegex(s: string, re: RegExp, maxSplit: number): (string | null)[] {
  const out: (string | null)[] = [];
  re.lastIndex = 0;
  let start = 0;
  let splits = 0;
  for (let m = re.exec(s); m !== null && splits !== maxSplit; m = re.exec(s)) {
    // an empty match splits too (Python 3.7+); step past it so the next search moves on
    if (m[0] === "") stepPastEmpty(re, s, m.index);
    // a group that took no part is None in Python's list: a null item
    out.push(s.slice(start, m.index), ...m.slice(1).map((g) => g ?? null));
    start = m.index + m[0].length;
    splits++;
  }
  out.push(s.slice(start));
  return out;
}

/** Python's `str.rsplit(sep, maxsplit)` for plain text (`sep` null: whitespace runs). */
function rsplitText(s: string, sep: string | null, maxSplit: number): string[] {
  if (maxSplit < 0) return sep === null ? s.split(WS_RUN).filter((x) => x !== "") : s.split(sep);
  const out: string[] = [];
  let rest = sep === null ? s.replace(new RegExp(`${WS_RUN.source}$`, "u"), "") : s;
  let exhausted = true;
  for (let k = 0; k < maxSplit; k++) {
    if (sep === null) {
      const m = LAST_WS_RUN.exec(rest);
      if (m === null || m.index === 0) {
        exhausted = false;
        break;
      }
      out.push(rest.slice(m.index + m[0].length));
      rest = rest.slice(0, m.index);
    } else {
      const at = rest.lastIndexOf(sep);
      if (at < 0) break;
      out.push(rest.slice(at + sep.length));
      rest = rest.slice(0, at);
    }
  }
  // the remainder left once maxsplit is reached keeps its leading whitespace (CPython's rsplit_whitespace)
  if (sep === null && !exhausted) rest = rest.replace(new RegExp(`^${WS_RUN.source}`, "u"), "");
  if (sep !== null || rest !== "") out.push(rest);
  return out.reverse();
}

/** Split with a JS function per row (the general path). */
function splitRows(v: StrView, type: StringType, fn: (s: string) => (string | null)[]): Chunk<List> {
  const rows = decodeRows(v);
  const items = new StrOut(v.n * 2, (v.offs[v.n] as number) - (v.offs[0] as number));
  const offsets = new Int32Array(v.n + 1);
  const nullItems: number[] = [];
  let k = 0;
  for (let i = 0; i < v.n; i++) {
    if (isValidAt(v, i)) {
      for (const part of fn(rows.row(i))) {
        if (part === null) nullItems.push(k);
        else items.text(part);
        items.end();
        k++;
      }
    }
    offsets[i + 1] = k;
  }
  let itemValidity: Uint8Array | null = null;
  if (nullItems.length > 0) {
    itemValidity = new Uint8Array((k + 7) >>> 3).fill(255);
    for (const j of nullItems) itemValidity[j >>> 3] = (itemValidity[j >>> 3] as number) & ~(1 << (j & 7));
  }
  return listChunk(v, type, items, offsets, itemValidity);
}

function maxSplitOf(what: string, n: unknown): number {
  if (n === undefined || n === null || n === 0 || n === -1) return -1;
  if (typeof n !== "number" || !Number.isInteger(n) || n < -1) {
    throw new OptionError(`${what}: invalid n: ${show(n)} (expected −1 for all, or a count of splits)`);
  }
  return n;
}

/**
 * Split each string around `pat` (null: runs of whitespace, as Python's
 * `str.split()`), from the left or, with `fromRight`, the right. @internal
 */
export function split(
  col: Column,
  pat: Pattern | null = null,
  options: SplitOptions = {},
  fromRight = false,
): Column<List> {
  const what = fromRight ? "str.rsplit" : "str.split";
  const maxSplit = maxSplitOf(what, options.n);
  const type = textType(col);
  if (pat !== null && typeof pat !== "string" && !(pat instanceof RegExp)) {
    throw new OptionError(`${what}: invalid pat: ${show(pat)} (expected a string, a RegExp or null)`);
  }
  if (pat === "") throw new OptionError(`${what}: empty separator`);
  // rsplit never reads a string as a regex (pandas' rsplit has no regex option)
  const regex =
    pat instanceof RegExp ||
    (options.regex ?? (!fromRight && typeof pat === "string" && [...pat].length > 1));
  if (fromRight && regex) {
    throw new OptionError(`${what}: splits on plain text only (as pandas' rsplit); pass regex: false`);
  }
  const out = list(type);
  if (pat === null || !regex) {
    const text = pat as string | null;
    const oneByte =
      text === null ? -1 : text.length === 1 && text.charCodeAt(0) < 0x80 ? text.charCodeAt(0) : -2;
    return mapText(col, what, out, (v) => {
      if (oneByte >= 0 && maxSplit === -1) return splitOnByte(v, type, oneByte);
      const ascii = isAscii(v.bytes, v.offs[0] as number, v.offs[v.n] as number);
      if (oneByte >= -1 && ascii && (!fromRight || maxSplit === -1))
        return splitBytes(v, type, oneByte, maxSplit);
      if (fromRight) return splitRows(v, type, (s) => rsplitText(s, text, maxSplit));
      const re = text === null ? new RegExp(WS_RUN.source, "gu") : compile(what, escapeRegex(text), {}, "g");
      return splitRows(v, type, (s) => {
        const parts = splitRegex(
          text === null ? s.replace(new RegExp(`^${WS_RUN.source}`, "u"), "") : s,
          re,
          maxSplit,
        );
        return text === null && parts[parts.length - 1] === "" ? parts.slice(0, -1) : parts;
      });
    });
  }
  const re = compile(what, pat, {}, "g");
  return mapText(col, what, out, (v) => splitRows(v, type, (s) => splitRegex(s, re, maxSplit)));
}

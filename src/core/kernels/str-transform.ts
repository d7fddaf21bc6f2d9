/**
 * Reshaping strings: strip, pad and its forms (center, ljust, rjust,
 * zfill), slice, get, repeat, normalize, removePrefix, removeSuffix.
 * Widths and positions count code points, as Python's `str` methods.
 * @internal
 */
import { keyword, nonNegativeInt, show } from "../../util/is.js";
import type { Chunk } from "../chunk.js";
import type { Column } from "../column.js";
import type { StringType } from "../dtype.js";
import { OptionError } from "../errors.js";
import { cast } from "./cast.js";
import {
  isAscii,
  mapRows,
  mapRowsChunk,
  mapText,
  type StrView,
  stringChunk,
  textType,
  validityAt0,
} from "./str-engine.js";

// Python's whitespace for str.strip() without arguments (str.isspace's set).
const WS = new Set([
  ..."\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000",
  ..."\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a",
]);
const ASCII_WS = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 28, 29, 30, 31, 32]) ASCII_WS[c] = 1;

/** Which ends `strip` trims. */
export type StripSide = "both" | "left" | "right";

/** Trim whitespace bytes of an all-ASCII chunk: each row becomes a sub-range, copied once. */
function stripAscii(v: StrView, side: StripSide, type: StringType): Chunk<StringType> {
  const { bytes, offs, n } = v;
  const out = new Uint8Array((offs[n] as number) - (offs[0] as number));
  const o = new Int32Array(n + 1);
  let u = 0;
  for (let i = 0; i < n; i++) {
    let a = offs[i] as number;
    let b = offs[i + 1] as number;
    if (side !== "right") while (a < b && ASCII_WS[bytes[a] as number] === 1) a++;
    if (side !== "left") while (b > a && ASCII_WS[bytes[b - 1] as number] === 1) b--;
    for (let p = a; p < b; p++) out[u++] = bytes[p] as number;
    o[i + 1] = u;
  }
  return stringChunk(type, n, out.subarray(0, u), o, validityAt0(v.chunk));
}

/** Remove leading and/or trailing whitespace, or any of the characters in `chars` (Python's `str.strip`). @internal */
export function strip(
  col: Column,
  chars: string | null = null,
  side: StripSide = "both",
): Column<StringType> {
  const what = side === "both" ? "str.strip" : side === "left" ? "str.lstrip" : "str.rstrip";
  if (chars !== null && typeof chars !== "string") {
    throw new OptionError(`${what}: invalid chars: ${show(chars)} (expected a string or null)`);
  }
  const set = chars === null ? WS : new Set(chars);
  if (chars === null) {
    const type = textType(col);
    return mapText(col, what, type, (v) =>
      isAscii(v.bytes, v.offs[0] as number, v.offs[v.n] as number)
        ? stripAscii(v, side, type)
        : mapRowsChunk(v, type, (s) => stripJs(s, set, side)),
    );
  }
  return mapRows(col, what, (s) => stripJs(s, set, side));
}

function stripJs(s: string, set: Set<string>, side: StripSide): string {
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (side !== "right") while (a < b && set.has(cps[a] as string)) a++;
  if (side !== "left") while (b > a && set.has(cps[b - 1] as string)) b--;
  return a === 0 && b === cps.length ? s : cps.slice(a, b).join("");
}

/** The number of code points of `s`. */
function cpLength(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) k++;
  }
  return k;
}

/** Options of `pad`. */
export interface PadOptions {
  /** Where the fill goes (default "left", i.e. right-justify, as pandas). */
  side?: "left" | "right" | "both";
  /** One character to fill with (default a space). */
  fillchar?: string;
}

/** Pad each string to `width` code points (Python's rjust/ljust/center). @internal */
export function pad(
  col: Column,
  width: number,
  options: PadOptions = {},
  what = "str.pad",
): Column<StringType> {
  const w = nonNegativeInt("width", width);
  const side = options.side === undefined ? "left" : keyword("side", options.side, ["left", "right", "both"]);
  const fill = options.fillchar ?? " ";
  if (typeof fill !== "string" || cpLength(fill) !== 1) {
    throw new OptionError(`${what}: invalid fillchar: ${show(fill)} (expected one character)`);
  }
  return mapRows(col, what, (s) => {
    const k = w - cpLength(s);
    if (k <= 0) return s;
    if (side === "left") return fill.repeat(k) + s;
    if (side === "right") return s + fill.repeat(k);
    // Python's str.center: the extra fill goes left when both k and width are odd
    const left = (k >> 1) + (k & w & 1);
    return fill.repeat(left) + s + fill.repeat(k - left);
  });
}

/** Pad with zeros on the left, after a leading sign (Python's `str.zfill`). @internal */
export function zfill(col: Column, width: number): Column<StringType> {
  const w = nonNegativeInt("width", width);
  return mapRows(col, "str.zfill", (s) => {
    const k = w - cpLength(s);
    if (k <= 0) return s;
    const sign = s[0] === "+" || s[0] === "-" ? (s[0] as string) : "";
    return sign + "0".repeat(k) + s.slice(sign.length);
  });
}

function integerOrNull(what: string, name: string, x: unknown): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x !== "number" || !Number.isInteger(x)) {
    throw new OptionError(`${what}: invalid ${name}: ${show(x)} (expected an integer or null)`);
  }
  return x;
}

/** Python's slice `s[start:stop:step]` on code points. */
function sliceCps(cps: string[], start: number | null, stop: number | null, step: number): string {
  const n = cps.length;
  const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
  let out = "";
  if (step > 0) {
    const a = start === null ? 0 : clamp(start < 0 ? start + n : start, 0, n);
    const b = stop === null ? n : clamp(stop < 0 ? stop + n : stop, 0, n);
    for (let i = a; i < b; i += step) out += cps[i];
  } else {
    const a = start === null ? n - 1 : clamp(start < 0 ? start + n : start, -1, n - 1);
    const b = stop === null ? -1 : clamp(stop < 0 ? stop + n : stop, -1, n - 1);
    for (let i = a; i > b; i += step) out += cps[i];
  }
  return out;
}

/** Slice each string by code points, as Python's `s[start:stop:step]`. @internal */
export function slice(
  col: Column,
  start: number | null = null,
  stop: number | null = null,
  step: number | null = null,
): Column<StringType> {
  const what = "str.slice";
  const a = integerOrNull(what, "start", start);
  const b = integerOrNull(what, "stop", stop);
  const st = integerOrNull(what, "step", step) ?? 1;
  if (st === 0) throw new OptionError(`${what}: invalid step: 0 (a slice step cannot be zero)`);
  return mapRows(col, what, (s) => sliceCps(Array.from(s), a, b, st));
}

/** The character at code point `i` of each string (negative from the end), null when out of range. @internal */
export function get(col: Column, i: number): Column<StringType> {
  const what = "str.get";
  const k = integerOrNull(what, "i", i);
  if (k === null) throw new OptionError(`${what}: invalid i: null (expected an integer)`);
  return mapRows(col, what, (s) => {
    const cps = Array.from(s);
    const j = k < 0 ? cps.length + k : k;
    return j >= 0 && j < cps.length ? (cps[j] as string) : null;
  });
}

/** Repeat each string `times` times (a number, or one count per row). @internal */
export function repeat(col: Column, times: number | ArrayLike<number>): Column<StringType> {
  const what = "str.repeat";
  if (typeof times === "number") {
    const k = nonNegativeInt("repeats", times);
    return mapRows(col, what, (s) => s.repeat(k));
  }
  if (times === null || typeof times !== "object" || times.length !== col.length) {
    throw new OptionError(
      `${what}: invalid repeats: ${show(times)} (expected a count or ${col.length} counts, one per row)`,
    );
  }
  const plain = col.dtype.kind === "dictionary" ? cast(col, textType(col)) : col;
  return mapRows(plain, what, (s, row) => {
    const k = times[row];
    if (typeof k !== "number" || !Number.isInteger(k) || k < 0) {
      throw new OptionError(`${what}: invalid repeats at row ${row}: ${show(k)} (expected a count)`);
    }
    return s.repeat(k);
  });
}

/** Unicode normal forms. */
export type NormalForm = "NFC" | "NFD" | "NFKC" | "NFKD";

/** Bring each string to a Unicode normal form. @internal */
export function normalize(col: Column, form: NormalForm): Column<StringType> {
  const f = keyword("form", form, ["NFC", "NFD", "NFKC", "NFKD"]);
  return mapRows(col, "str.normalize", (s) => s.normalize(f));
}

/** Remove `prefix` from the start of each string that has it. @internal */
export function removePrefix(col: Column, prefix: string): Column<StringType> {
  if (typeof prefix !== "string") throw new OptionError(`str.removePrefix: invalid prefix: ${show(prefix)}`);
  return mapRows(col, "str.removePrefix", (s) =>
    prefix !== "" && s.startsWith(prefix) ? s.slice(prefix.length) : s,
  );
}

/** Remove `suffix` from the end of each string that has it. @internal */
export function removeSuffix(col: Column, suffix: string): Column<StringType> {
  if (typeof suffix !== "string") throw new OptionError(`str.removeSuffix: invalid suffix: ${show(suffix)}`);
  return mapRows(col, "str.removeSuffix", (s) =>
    suffix !== "" && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s,
  );
}

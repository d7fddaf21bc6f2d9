/**
 * The hand-written loops of the text and time questions (issue 5): the
 * most direct plain-JS loops over the same Arrow buffers, one monomorphic
 * function per question, no JS strings and no BigInt per element.
 *
 * - contains: per row, scan for the needle's first byte, then compare the
 *   rest; one byte 0/1 per row (not bit-packed).
 * - lower: a 256-entry table over the bytes (ASCII case), offsets copied.
 * - split: a counting pass over the bytes for the separators (to size the
 *   child offsets), then one scan writing the child bytes (separators
 *   dropped), the child offsets and the list offsets: Arrow's list<utf8>.
 * - year: int64 ns → days by one exact division (ns shifted right by 14
 *   bits on the words, then / 5273437500; 86400e9 = 2^14 · 5273437500),
 *   → year by Hinnant's civil_from_days.
 * - parse: fixed-position digits of "YYYY-MM-DD HH:MM:SS" → seconds
 *   (days_from_civil) → ns words by exact split multiplication.
 */
import type { Data } from "../data.js";
import {
  containsCheck,
  datetimeCheck,
  lowerCheck,
  splitCheck,
  type Utf8Data,
  yearCheck,
} from "../text-data.js";
import type { Task } from "./adapter.js";

/** 0/1 per row: does row i contain `needle` (non-empty)? */
export function containsBytes(s: Utf8Data, needle: Uint8Array): Uint8Array {
  const { offsets, bytes, length: n } = s;
  const out = new Uint8Array(n);
  const m = needle.length;
  const first = needle[0] as number;
  for (let i = 0; i < n; i++) {
    const end = (offsets[i + 1] as number) - m;
    let hit = 0;
    for (let p = offsets[i] as number; p <= end; p++) {
      if (bytes[p] !== first) continue;
      let k = 1;
      while (k < m && bytes[p + k] === needle[k]) k++;
      if (k === m) {
        hit = 1;
        break;
      }
    }
    out[i] = hit;
  }
  return out;
}

const LOWER = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = c >= 65 && c <= 90 ? c + 32 : c;
  return t;
})();

/** Every row lowercased (ASCII): new bytes, offsets copied. */
export function lowerBytes(s: Utf8Data): Utf8Data {
  const { offsets, bytes } = s;
  const start = offsets[0] as number;
  const end = offsets[s.length] as number;
  const out = new Uint8Array(end - start);
  for (let p = start; p < end; p++) out[p - start] = LOWER[bytes[p] as number] as number;
  const o = new Int32Array(s.length + 1);
  for (let i = 0; i <= s.length; i++) o[i] = (offsets[i] as number) - start;
  return { length: s.length, offsets: o, bytes: out };
}

/** Arrow list<utf8>: list offsets into the parts, the parts as utf8. */
export interface ListUtf8 {
  readonly length: number;
  readonly offsets: Int32Array;
  readonly child: Utf8Data;
}

/** Every row split on the byte `sep` (an empty row gives one empty part, as str.split). */
export function splitBytes(s: Utf8Data, sep: number): ListUtf8 {
  const { offsets, bytes, length: n } = s;
  const start = offsets[0] as number;
  const end = offsets[n] as number;
  let seps = 0;
  for (let p = start; p < end; p++) if (bytes[p] === sep) seps++;
  const parts = n + seps;
  const childOffsets = new Int32Array(parts + 1);
  const childBytes = new Uint8Array(end - start - seps);
  const listOffsets = new Int32Array(n + 1);
  let k = 0; // parts written
  let q = 0; // child bytes written
  for (let i = 0; i < n; i++) {
    const e = offsets[i + 1] as number;
    for (let p = offsets[i] as number; p < e; p++) {
      const c = bytes[p] as number;
      if (c === sep) childOffsets[++k] = q;
      else childBytes[q++] = c;
    }
    childOffsets[++k] = q;
    listOffsets[i + 1] = k;
  }
  return {
    length: n,
    offsets: listOffsets,
    child: { length: parts, offsets: childOffsets, bytes: childBytes },
  };
}

/** The civil year of each int64 ns timestamp (words lo, hi; exact for all int64). */
export function yearsOfNs(w: Int32Array): Int32Array {
  const n = w.length >> 1;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const hi = w[2 * i + 1] as number;
    const lo = (w[2 * i] as number) >>> 0;
    // days = floor(ns / 86400e9), exactly: 86400e9 = 2^14 * 5273437500, and
    // ns / 2^14 = hi * 2^18 + (lo >>> 14) (exact below 2^49, floor for negatives)
    const days = Math.floor((hi * 262144 + (lo >>> 14)) / 5273437500);
    // civil_from_days, the year only
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    out[i] = yoe + era * 400 + (mp >= 10 ? 1 : 0);
  }
  return out;
}

/** Digit value of a byte, 64 for a non-digit. */
const DIGIT = (() => {
  const t = new Uint8Array(256).fill(64);
  for (let c = 48; c <= 57; c++) t[c] = c - 48;
  return t;
})();

/**
 * Parse "YYYY-MM-DD HH:MM:SS" rows into int64 ns (as 32-bit words of a
 * BigInt64Array); throws on a row of another length or a non-digit
 * where a digit belongs (the separators are not checked).
 */
export function parseIsoNs(s: Utf8Data): BigInt64Array {
  const { offsets, bytes, length: n } = s;
  const out = new BigInt64Array(n);
  const w = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const p = offsets[i] as number;
    const d0 = DIGIT[bytes[p] as number] as number;
    const d1 = DIGIT[bytes[p + 1] as number] as number;
    const d2 = DIGIT[bytes[p + 2] as number] as number;
    const d3 = DIGIT[bytes[p + 3] as number] as number;
    const m0 = DIGIT[bytes[p + 5] as number] as number;
    const m1 = DIGIT[bytes[p + 6] as number] as number;
    const a0 = DIGIT[bytes[p + 8] as number] as number;
    const a1 = DIGIT[bytes[p + 9] as number] as number;
    const h0 = DIGIT[bytes[p + 11] as number] as number;
    const h1 = DIGIT[bytes[p + 12] as number] as number;
    const i0 = DIGIT[bytes[p + 14] as number] as number;
    const i1 = DIGIT[bytes[p + 15] as number] as number;
    const s0 = DIGIT[bytes[p + 17] as number] as number;
    const s1 = DIGIT[bytes[p + 18] as number] as number;
    // a non-digit maps to 64: one test for all fourteen
    const bad = d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1 | h0 | h1 | i0 | i1 | s0 | s1;
    if ((bad & 64) !== 0 || (offsets[i + 1] as number) - p !== 19)
      throw new Error(`bad datetime at row ${i}`);
    let y = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
    const m = m0 * 10 + m1;
    const d = a0 * 10 + a1;
    // days_from_civil
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    const days = era * 146097 + doe - 719468;
    const sec = days * 86400 + (h0 * 10 + h1) * 3600 + (i0 * 10 + i1) * 60 + s0 * 10 + s1;
    // sec * 1e9 exactly (0 <= sec < 2^31 here): sec = a * 2^16 + b
    const a = Math.floor(sec / 65536);
    const b = sec - a * 65536;
    const q = a * 1e9;
    const qh = Math.floor(q / 65536);
    const r = (q - qh * 65536) * 65536 + b * 1e9;
    const carry = Math.floor(r / 4294967296);
    w[2 * i] = (r - carry * 4294967296) | 0;
    w[2 * i + 1] = qh + carry;
  }
  return out;
}

const NEEDLE = new TextEncoder().encode("ing");

export function prepareText(data: Data): Task {
  const text = data.text as Utf8Data;
  switch (data.op) {
    case "str-contains":
      return {
        run: () => containsBytes(text, NEEDLE),
        check: (r: Uint8Array) =>
          containsCheck(
            r.length,
            r.reduce((x, y) => x + y, 0),
          ),
      } as Task<Uint8Array>;
    case "str-lower":
      return {
        run: () => lowerBytes(text),
        check: (r: Utf8Data) =>
          lowerCheck(
            r.length,
            (i) => (r.offsets[i + 1] as number) - (r.offsets[i] as number),
            r.bytes[0] as number,
          ),
      } as Task<Utf8Data>;
    case "str-split":
      return {
        run: () => splitBytes(text, 32),
        check: (r: ListUtf8) =>
          splitCheck(
            r.length,
            r.child.length,
            (i) => (r.offsets[i + 1] as number) - (r.offsets[i] as number),
          ),
      } as Task<ListUtf8>;
    case "dt-year": {
      const ns = data.ts?.ns as BigInt64Array;
      const w = new Int32Array(ns.buffer, ns.byteOffset, ns.length * 2);
      return {
        run: () => yearsOfNs(w),
        check: (r: Int32Array) =>
          yearCheck(
            r.length,
            r.reduce((x, y) => x + y, 0),
          ),
      } as Task<Int32Array>;
    }
    case "to-datetime":
      return {
        run: () => parseIsoNs(text),
        check: (r: BigInt64Array) =>
          datetimeCheck(r.length, (i) => Number((r[i] as bigint) / 1_000_000_000n)),
      } as Task<BigInt64Array>;
  }
  throw new Error(`hand: no text loop for ${data.op}`);
}

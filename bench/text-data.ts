/**
 * Deterministic data of the text and time questions (issue 5), from the
 * same counter-based hash as bench/data.ts (`u32(seed, stream, row)`):
 *
 * - text: n ASCII sentences of 2–8 words drawn uniformly from VOCABULARY
 *   (216 English words, 16 of them capitalized; 21 contain "ing"),
 *   separated by single spaces, in Arrow utf8 layout.
 * - ts: n naive int64 nanosecond timestamps, whole seconds uniform over
 *   1970-01-01 00:00:00 … 2037-12-31 23:59:59 plus a uniform sub-second
 *   part 0 … 999,999,999 ns; built on 32-bit words, no BigInt per element.
 * - iso: the same instants at second resolution as "YYYY-MM-DD HH:MM:SS"
 *   (19 bytes a row), in Arrow utf8 layout.
 */
import { u32 } from "./data.js";

/** A string column in Arrow's utf8 layout. */
export interface Utf8Data {
  readonly length: number;
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

/** The timestamps of the time questions and what they were made from. */
export interface Timestamps {
  /** Nanoseconds since 1970-01-01 00:00:00 (naive). */
  readonly ns: BigInt64Array;
  /** The whole seconds of each row (ns = seconds * 1e9 + nanos). */
  readonly seconds: Float64Array;
  /** The sub-second part of each row, 0 … 999,999,999. */
  readonly nanos: Int32Array;
}

/** The word list of the sentences: 216 words, 16 capitalized; 21 contain "ing" ("Spring" too). */
// biome-ignore format: a word list reads better packed
export const VOCABULARY: readonly string[] = [
  // capitalized (16)
  "The", "Market", "City", "Government", "Company", "Monday", "January", "Spring",
  "Europe", "President", "Street", "River", "London", "Council", "Bank", "North",
  // containing "ing" (20, and "Spring" above)
  "morning", "nothing", "pricing", "trading", "building", "evening", "during", "everything",
  "thing", "king", "ring", "singing", "meeting", "string", "spring", "something",
  "training", "being", "bring", "thinking",
  // the rest (164)
  "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "about",
  "over", "after", "before", "under", "between", "into", "through", "without", "against", "among",
  "is", "was", "are", "were", "be", "has", "had", "have", "will", "would", "can", "could", "should",
  "may", "might", "must", "said", "says", "made", "make", "takes", "took", "gave", "gives", "went",
  "goes", "came", "comes", "saw", "sees", "knew", "knows", "found", "finds", "told", "asked",
  "people", "year", "years", "time", "day", "days", "week", "month", "world", "country", "state",
  "family", "group", "school", "system", "program", "question", "number", "night", "point", "home",
  "water", "room", "mother", "father", "area", "money", "story", "fact", "lot", "right", "study",
  "book", "eye", "job", "word", "business", "issue", "side", "kind", "head", "house", "service",
  "friend", "power", "hour", "game", "line", "end", "member", "law", "car", "name", "team",
  "minute", "idea", "kid", "body", "information", "back", "parent", "face", "others", "level",
  "office", "door", "health", "person", "art", "war", "history", "party", "result", "change",
  "reason", "research", "girl", "guy", "moment", "air", "teacher", "force", "education", "new",
  "old", "good", "great", "high", "small", "large", "long", "little", "young", "important",
  "public", "bad", "same", "able", "early", "late", "hard", "real", "best", "better", "quickly",
  "never", "always", "often", "again", "still", "also", "very", "well", "only", "just", "now",
  "then", "here", "there",
];

const WORD_BYTES: Uint8Array[] = VOCABULARY.map((w) => new TextEncoder().encode(w));

/** Streams of the hash (disjoint from bench/data.ts's 1–12). */
const S_WORDS = 20; // 20: word count; 21…28: the words
const S_SECONDS = 30;
const S_NANOS = 31;

/** n sentences of 2–8 words, in Arrow utf8 layout. */
export function makeText(n: number, seed: number): Utf8Data {
  const V = VOCABULARY.length;
  // pass 1: the words of every row (codes < 256), and the total size
  const words = new Uint8Array(n * 8);
  const count = new Uint8Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const k = 2 + (u32(seed, S_WORDS, i) % 7);
    count[i] = k;
    size += k - 1;
    for (let j = 0; j < k; j++) {
      const w = u32(seed, S_WORDS + 1 + j, i) % V;
      words[i * 8 + j] = w;
      size += (WORD_BYTES[w] as Uint8Array).length;
    }
  }
  // pass 2: the bytes
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(size);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const k = count[i] as number;
    for (let j = 0; j < k; j++) {
      if (j > 0) bytes[p++] = 32;
      const b = WORD_BYTES[words[i * 8 + j] as number] as Uint8Array;
      bytes.set(b, p);
      p += b.length;
    }
    offsets[i + 1] = p;
  }
  return { length: n, offsets, bytes };
}

/** Seconds from 1970-01-01 to 2038-01-01: the range of the timestamps. */
export const SECONDS_RANGE = 24837 * 86400;

/** n naive nanosecond timestamps (see the file comment), exact on 32-bit words. */
export function makeTimestamps(n: number, seed: number): Timestamps {
  const ns = new BigInt64Array(n);
  const w = new Int32Array(ns.buffer);
  const seconds = new Float64Array(n);
  const nanos = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const sec = u32(seed, S_SECONDS, i) % SECONDS_RANGE;
    const sub = u32(seed, S_NANOS, i) % 1e9;
    seconds[i] = sec;
    nanos[i] = sub;
    // sec * 1e9 + sub, exactly: sec = a * 2^16 + b (a < 2^15, b < 2^16)
    const a = Math.floor(sec / 65536);
    const b = sec - a * 65536;
    const q = a * 1e9; // < 2^45, exact; sec * 1e9 = q * 2^16 + b * 1e9
    const qh = Math.floor(q / 65536);
    const r = (q - qh * 65536) * 65536 + b * 1e9 + sub; // < 2^47, exact
    const carry = Math.floor(r / 4294967296);
    w[2 * i] = (r - carry * 4294967296) | 0;
    w[2 * i + 1] = qh + carry;
  }
  return { ns, seconds, nanos };
}

/** Year, month (1–12), day of a day number since 1970-01-01 (Hinnant's civil_from_days). */
export function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The whole seconds as "YYYY-MM-DD HH:MM:SS", 19 bytes a row, in Arrow utf8 layout. */
export function makeIso(seconds: Float64Array): Utf8Data {
  const n = seconds.length;
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(n * 19);
  const put = (p: number, v: number, width: number) => {
    for (let k = width - 1; k >= 0; k--) {
      bytes[p + k] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
  };
  for (let i = 0; i < n; i++) {
    const sec = seconds[i] as number;
    const days = Math.floor(sec / 86400);
    const tod = sec - days * 86400;
    const [y, m, d] = civil(days);
    const p = i * 19;
    put(p, y, 4);
    bytes[p + 4] = 45; // -
    put(p + 5, m, 2);
    bytes[p + 7] = 45;
    put(p + 8, d, 2);
    bytes[p + 10] = 32; // space
    put(p + 11, Math.floor(tod / 3600), 2);
    bytes[p + 13] = 58; // :
    put(p + 14, Math.floor((tod % 3600) / 60), 2);
    bytes[p + 16] = 58;
    put(p + 17, tod % 60, 2);
    offsets[i + 1] = p + 19;
  }
  return { length: n, offsets, bytes };
}

/** Every row as a JS string (peers whose natural input is a JS array; ASCII, so latin1 is exact). */
export function utf8Strings(s: Utf8Data): string[] {
  const buf = Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = buf.toString("latin1", s.offsets[i] as number, s.offsets[i + 1] as number);
  }
  return out;
}

/** Milliseconds since the epoch of each timestamp (the sub-second part truncated), as doubles. */
export function timestampMs(t: Timestamps): Float64Array {
  const out = new Float64Array(t.seconds.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = (t.seconds[i] as number) * 1000 + Math.floor((t.nanos[i] as number) / 1e6);
  }
  return out;
}

// ---------------------------------------------------------------- checks

/** The row in the middle (as every check's "mid"). */
export const mid = (n: number): number => n >> 1;

/** str-contains: [n, rows containing the needle]. */
export const containsCheck = (n: number, hits: number): number[] => [n, hits];

/** str-lower: [n, length of rows 0, mid, last, char code of the first char of row 0]. */
export function lowerCheck(n: number, lengthAt: (i: number) => number, firstCode: number): number[] {
  return n === 0 ? [0] : [n, lengthAt(0), lengthAt(mid(n)), lengthAt(n - 1), firstCode];
}

/** str-split: [n, total parts, parts of row 0, parts of row mid]. */
export function splitCheck(n: number, total: number, partsAt: (i: number) => number): number[] {
  return n === 0 ? [0] : [n, total, partsAt(0), partsAt(mid(n))];
}

/** dt-year: [n, sum of the years]. */
export const yearCheck = (n: number, sum: number): number[] => [n, sum];

/** to-datetime: [n, seconds since the epoch of rows 0, mid, last]. */
export function datetimeCheck(n: number, secondsAt: (i: number) => number): number[] {
  return n === 0 ? [0] : [n, secondsAt(0), secondsAt(mid(n)), secondsAt(n - 1)];
}

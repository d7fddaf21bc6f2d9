/**
 * strftime-style formats for `toDatetime`: a format such as
 * `"%d/%m/%Y %H:%M"` is compiled once into a list of byte-matching steps
 * (literal bytes, whitespace runs, numeric fields with their widths and
 * maxima, names), then each value is matched on its UTF-8 bytes with no JS
 * string and no regex. Semantics follow pandas' strptime, itself Python's:
 * matching is case-insensitive, a whitespace run in the format matches one
 * or more whitespace characters, numeric fields take the longest width whose
 * value fits (backtracking to shorter widths when the rest fails, as the
 * regex alternation does), a missing year is 1900, `%I` without `%p` reads
 * 12 as midnight, `%j` overrides month and day, `%f` takes 1–9 digits.
 * @internal
 */
import { OptionError } from "../errors.js";
import { daysFromCivil, isUtc, type Zone, zoneOf } from "./cast-time-math.js";
import {
  BAD,
  BAD_DATE,
  BAD_TIME,
  BAD_ZONE,
  daysInMonth,
  OK,
  type TextParser,
  ZONE_BASE,
} from "./dt-parse.js";

// Step kinds
const LIT = 0; // literal bytes lit[a..b), case-insensitive ASCII
const SPACE = 1; // one or more whitespace characters
const NUM = 2; // a number: field a, widths min..max (b packs them), maximum value c
const NAME = 3; // one of a list of names (field a, list b)
const FRAC = 4; // %f: 1–9 digits
const OFFSET = 5; // %z
const ZNAME = 6; // %Z

// Fields
const F_YEAR = 0;
const F_YEAR2 = 1;
const F_MONTH = 2;
const F_DAY = 3;
const F_HOUR = 4;
const F_HOUR12 = 5;
const F_MINUTE = 6;
const F_SECOND = 7;
const F_DOY = 8;
const F_AMPM = 9;
const F_WEEKDAY = 10;
const F_NANO = 11;
const F_OFFSET = 12;
const F_ZONE = 13;
const N_FIELDS = 14;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/** Name lists, lower-case ASCII bytes; the value of a match is its position (+1 for months). */
const NAME_LISTS: readonly (readonly string[])[] = [
  MONTHS.map((m) => m.slice(0, 3)),
  MONTHS,
  DAYS.map((d) => d.slice(0, 3)),
  DAYS,
  ["am", "pm"],
];
const NAME_BYTES = NAME_LISTS.map((l) => l.map((s) => Uint8Array.from(s, (ch) => ch.charCodeAt(0))));

// directive → [kind, field, min width, max width, max value | name list]
const DIRECTIVES: Record<string, readonly [number, number, number, number, number]> = {
  Y: [NUM, F_YEAR, 4, 4, 9999],
  y: [NUM, F_YEAR2, 2, 2, 99],
  m: [NUM, F_MONTH, 1, 2, 12],
  d: [NUM, F_DAY, 1, 2, 31],
  H: [NUM, F_HOUR, 1, 2, 23],
  I: [NUM, F_HOUR12, 1, 2, 12],
  M: [NUM, F_MINUTE, 1, 2, 59],
  S: [NUM, F_SECOND, 1, 2, 61],
  j: [NUM, F_DOY, 1, 3, 366],
  w: [NUM, F_WEEKDAY, 1, 1, 6],
  u: [NUM, F_WEEKDAY, 1, 1, 7],
  b: [NAME, F_MONTH, 0, 0, 0],
  h: [NAME, F_MONTH, 0, 0, 0],
  B: [NAME, F_MONTH, 0, 0, 1],
  a: [NAME, F_WEEKDAY, 0, 0, 2],
  A: [NAME, F_WEEKDAY, 0, 0, 3],
  p: [NAME, F_AMPM, 0, 0, 4],
  f: [FRAC, F_NANO, 1, 9, 0],
  z: [OFFSET, F_OFFSET, 0, 0, 0],
  Z: [ZNAME, F_ZONE, 0, 0, 0],
};

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** A compiled strftime format. */
export class StrftimeParser implements TextParser {
  readonly format: string;
  readonly #kind: Int32Array;
  readonly #a: Int32Array;
  readonly #b: Int32Array;
  readonly #c: Int32Array;
  readonly #lit: Uint8Array;
  readonly #n: number;
  readonly #seen: Uint8Array;
  readonly #f = new Float64Array(N_FIELDS);
  readonly #exact: boolean;
  readonly #zones = new Map<string, Zone | null>();
  readonly #zoneKeys: string[];

  /**
   * Compile `format`; `exact: false` lets the format match anywhere in the
   * text (pandas' `exact=False`). `zoneNames` collects the `%Z` names seen.
   */
  constructor(format: string, exact: boolean, zoneNames: string[]) {
    this.format = format;
    this.#exact = exact;
    this.#zoneKeys = zoneNames;
    const kind: number[] = [];
    const a: number[] = [];
    const bs: number[] = [];
    const cs: number[] = [];
    const lit: number[] = [];
    const seen = new Uint8Array(N_FIELDS);
    const utf8 = new TextEncoder();
    const push = (k: number, x: number, y: number, z: number) => {
      kind.push(k);
      a.push(x);
      bs.push(y);
      cs.push(z);
    };
    const literal = (text: string) => {
      for (const byte of utf8.encode(text)) {
        if (isSpace(byte)) {
          if (kind[kind.length - 1] !== SPACE) push(SPACE, 0, 0, 0);
          continue;
        }
        if (kind[kind.length - 1] === LIT && bs[bs.length - 1] === lit.length)
          bs[bs.length - 1] = lit.length + 1;
        else push(LIT, lit.length, lit.length + 1, 0);
        lit.push(lower(byte));
      }
    };
    for (let i = 0; i < format.length; i++) {
      const ch = format[i] as string;
      if (ch !== "%") {
        literal(ch);
        continue;
      }
      const dch = format[++i];
      if (dch === "%") {
        literal("%");
        continue;
      }
      const spec = dch === undefined ? undefined : DIRECTIVES[dch];
      if (spec === undefined) {
        throw new OptionError(
          `invalid format: ${JSON.stringify(format)}: unsupported directive %${dch ?? ""} (supported: %${Object.keys(DIRECTIVES).join(" %")} %%)`,
        );
      }
      const [k, field, lo, hi, extra] = spec;
      if (seen[field] === 1 && field !== F_WEEKDAY) {
        throw new OptionError(`invalid format: ${JSON.stringify(format)}: %${dch} repeats a field`);
      }
      seen[field] = 1;
      push(k, field, k === NUM || k === FRAC ? lo * 16 + hi : extra, extra);
    }
    this.#kind = Int32Array.from(kind);
    this.#a = Int32Array.from(a);
    this.#b = Int32Array.from(bs);
    this.#c = Int32Array.from(cs);
    this.#lit = Uint8Array.from(lit);
    this.#n = kind.length;
    this.#seen = seen;
  }

  /** Match the steps from step `k` at byte `q`; the end byte, or -1. */
  #match(b: Uint8Array, k: number, q: number, e: number): number {
    const f = this.#f;
    for (; k < this.#n; k++) {
      const kind = this.#kind[k] as number;
      const a = this.#a[k] as number;
      if (kind === LIT) {
        const end = this.#b[k] as number;
        if (q + end - a > e) return -1;
        for (let j = a; j < end; j++, q++) if (lower(b[q] as number) !== this.#lit[j]) return -1;
      } else if (kind === SPACE) {
        if (q >= e || !isSpace(b[q] as number)) return -1;
        while (q < e && isSpace(b[q] as number)) q++;
      } else if (kind === NUM || kind === FRAC) {
        const w = this.#b[k] as number;
        const lo = w >>> 4;
        let hi = w & 15;
        // Python's %d/%m/%H… also take a space-padded digit: " 5"
        let p = q;
        if (kind === NUM && lo === 1 && p < e && b[p] === 32) p++;
        if (p + hi > e) hi = e - p;
        let v = 0;
        let got = 0;
        if (kind === FRAC) {
          // pandas keeps 9 digits and drops the rest (its ISO path for %f)
          while (p + got < e && ((b[p + got] as number) - 48) >>> 0 <= 9) {
            if (got < 9) v = v * 10 + (b[p + got] as number) - 48;
            got++;
          }
          if (got === 0) return -1;
          for (let z = got; z < 9; z++) v *= 10;
          f[a] = v;
          q = p + got;
          continue;
        }
        while (got < hi) {
          const x = (b[p + got] as number) - 48;
          if (x >>> 0 > 9) break;
          v = v * 10 + x;
          got++;
        }
        if (got < lo) return -1;
        const max = this.#c[k] as number;
        if (k + 1 === this.#n || !this.#digitNext(k + 1)) {
          // greedy is enough: the next step cannot start with a digit
          while (got >= lo && v > max) {
            v = Math.floor(v / 10);
            got--;
          }
          if (got < lo) return -1;
          f[a] = v;
          q = p + got;
          continue;
        }
        // the value of the first g digits is v / 10^(got - g), rounded down
        for (let g = got; g >= lo; g--, v = Math.floor(v / 10)) {
          if (v > max) continue;
          f[a] = v;
          const end = this.#match(b, k + 1, p + g, e);
          if (end >= 0) return end;
        }
        return -1;
      } else if (kind === NAME) {
        const list = NAME_BYTES[this.#b[k] as number] as Uint8Array[];
        let best = -1;
        let bestLen = 0;
        for (let j = 0; j < list.length; j++) {
          const name = list[j] as Uint8Array;
          if (name.length <= bestLen || q + name.length > e) continue;
          let ok = true;
          for (let t = 0; t < name.length && ok; t++) ok = lower(b[q + t] as number) === name[t];
          if (ok) {
            best = j;
            bestLen = name.length;
          }
        }
        if (best < 0) return -1;
        f[a] = a === F_MONTH ? best + 1 : best;
        q += bestLen;
      } else if (kind === OFFSET) {
        q = this.#offset(b, q, e);
        if (q < 0) return -1;
      } else {
        let p = q;
        while (p < e && !isSpace(b[p] as number)) p++;
        if (p === q) return -1;
        f[F_ZONE] = this.#zoneKey(b, q, p);
        q = p;
      }
    }
    return q;
  }

  #digitNext(k: number): boolean {
    const kind = this.#kind[k] as number;
    return (
      kind === NUM || kind === FRAC || (kind === LIT && (this.#lit[this.#a[k] as number] as number) - 48 <= 9)
    );
  }

  /** `%z`: `Z`, `±HHMM`, `±HH:MM` (optionally `:SS`); -1 when malformed. */
  #offset(b: Uint8Array, q: number, e: number): number {
    if (q >= e) return -1;
    const s = b[q] as number;
    if (s === 90 || s === 122) {
      this.#f[F_OFFSET] = 0;
      return q + 1;
    }
    if ((s !== 43 && s !== 45) || q + 5 > e) return -1;
    const dg = (p: number) => {
      const x = (b[p] as number) - 48;
      const y = (b[p + 1] as number) - 48;
      return x >>> 0 > 9 || y >>> 0 > 9 ? -1 : x * 10 + y;
    };
    const h = dg(q + 1);
    let p = q + 3;
    const colon = b[p] === 58;
    if (colon) p++;
    const m = p + 2 <= e ? dg(p) : -1;
    if (h < 0 || m < 0 || m > 59) return -1;
    p += 2;
    let sec = 0;
    if (p < e && (colon ? b[p] === 58 : (b[p] as number) - 48 <= 9 && (b[p] as number) >= 48)) {
      const ss = p + (colon ? 1 : 0) + 2 <= e ? dg(p + (colon ? 1 : 0)) : -1;
      if (ss >= 0 && ss <= 59) {
        sec = ss;
        p += (colon ? 1 : 0) + 2;
      }
    }
    this.#f[F_OFFSET] = (s === 45 ? -1 : 1) * (h * 3600 + m * 60 + sec);
    return p;
  }

  /** The key of a `%Z` zone name (UTC names share key 0), NaN when unknown. */
  #zoneKey(b: Uint8Array, p: number, e: number): number {
    const name = String.fromCharCode(...b.subarray(p, e));
    if (isUtc(name)) return 0;
    let zone = this.#zones.get(name);
    if (zone === undefined) {
      try {
        zone = zoneOf(name);
      } catch {
        zone = null; // not a zone Intl knows
      }
      this.#zones.set(name, zone);
      if (zone !== null && !this.#zoneKeys.includes(name)) this.#zoneKeys.push(name);
    }
    return zone === null ? Number.NaN : ZONE_BASE + this.#zoneKeys.indexOf(name);
  }

  /** Parse bytes `[p, e)` into `r` (see dt-parse.ts). */
  parse(b: Uint8Array, p: number, e: number, r: Float64Array): number {
    let end = this.#match(b, 0, p, e);
    if (!this.#exact) {
      for (let s = p + 1; end < 0 && s < e; s++) end = this.#match(b, 0, s, e);
    } else if (end !== e) return BAD;
    if (end < 0) return BAD;
    return this.#finish(r);
  }

  #finish(r: Float64Array): number {
    const f = this.#f;
    const seen = this.#seen;
    let y = 1900;
    if (seen[F_YEAR]) y = f[F_YEAR] as number;
    else if (seen[F_YEAR2]) y = (f[F_YEAR2] as number) + ((f[F_YEAR2] as number) < 69 ? 2000 : 1900);
    const mo = seen[F_MONTH] ? (f[F_MONTH] as number) : 1;
    const d = seen[F_DAY] ? (f[F_DAY] as number) : 1;
    let h = seen[F_HOUR] ? (f[F_HOUR] as number) : 0;
    if (seen[F_HOUR12]) {
      h = f[F_HOUR12] as number;
      const pm = seen[F_AMPM] && f[F_AMPM] === 1;
      if (h === 0) return BAD_TIME;
      if (pm) h = h === 12 ? 12 : h + 12;
      else if (h === 12) h = 0;
    }
    const mi = seen[F_MINUTE] ? (f[F_MINUTE] as number) : 0;
    const s = seen[F_SECOND] ? (f[F_SECOND] as number) : 0;
    if (mo < 1 || d < 1 || d > daysInMonth(y, mo)) return BAD_DATE;
    if (h > 23 || mi > 59 || s > 59) return BAD_TIME;
    let days: number;
    if (seen[F_DOY]) {
      const j = f[F_DOY] as number;
      if (j < 1 || j > (daysInMonth(y, 2) === 29 ? 366 : 365)) return BAD_DATE;
      days = daysFromCivil(y, 1, 1) + j - 1;
    } else days = daysFromCivil(y, mo, d);
    const wall = days * 86400 + h * 3600 + mi * 60 + s;
    r[0] = wall;
    r[1] = seen[F_NANO] ? (f[F_NANO] as number) : 0;
    r[2] = 0;
    r[3] = Number.NaN;
    if (seen[F_OFFSET]) {
      r[2] = f[F_OFFSET] as number;
      r[3] = r[2] as number;
    } else if (seen[F_ZONE]) {
      const key = f[F_ZONE] as number;
      if (Number.isNaN(key)) return BAD_ZONE;
      r[3] = key;
      if (key !== 0) {
        const zone = this.#zones.get(this.#zoneKeys[key - ZONE_BASE] as string) as Zone;
        r[2] = zone.forLocal(wall);
      }
    }
    return OK;
  }
}

/** True when `format` is a strftime format (it has a `%` directive). */
export const isStrftime = (format: string): boolean => format.includes("%");

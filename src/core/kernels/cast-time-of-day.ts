/**
 * Casts of the time-of-day dtype (`time64[us]`, `time64[ns]`): text as
 * Python prints `datetime.time` ("09:30:00", "09:30:00.000123"), parsing
 * "HH:MM[:SS[.fffffffff]]", and the range check of int64 → time.
 *
 * A valid time is below 86400 s, i.e. below 8.64e13 ns < 2^53: its two
 * int64 words read exactly as one double, so no BigInt is needed.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import type { DType, Time } from "../dtype.js";
import type { CastError } from "../errors.js";
import { words } from "../int64.js";
import { type Allow, castError, withValues, wordsText } from "./cast-numeric.js";
import { FRACTION_DIGITS, PER_SECOND } from "./cast-time-math.js";

const TWO32 = 4294967296;

/** Ticks of a time-of-day unit in one day. */
export const TIME_PER_DAY = { us: 86400e6, ns: 86400e9 } as const;

function isValid(c: Chunk, i: number): boolean {
  const v = c.validity;
  if (v === null) return true;
  const j = c.offset + i;
  return ((v[j >>> 3] as number) & (1 << (j & 7))) !== 0;
}

/**
 * "HH:MM:SS" of `t` ticks since midnight (`per` ticks a second) followed
 * by `digits` fraction digits (none when `digits` is 0). `t` must be a
 * valid time of day.
 */
export function timeOfDayText(t: number, per: number, digits: number): string {
  const s = Math.floor(t / per);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const hms = `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}:${sec < 10 ? "0" : ""}${sec}`;
  if (digits === 0) return hms;
  const unitDigits = Math.round(Math.log10(per));
  const f = (t - s * per) / 10 ** (unitDigits - digits);
  return `${hms}.${String(Math.floor(f)).padStart(digits, "0")}`;
}

/**
 * A formatter of a time chunk's values as Python's `str(datetime.time)`:
 * "HH:MM:SS" for whole seconds, else 6 fraction digits ("09:30:00.000123"),
 * or 9 when a ns value has nanoseconds (as pandas prints a Timestamp). A
 * stored value outside one day throws a `CastError` naming the row.
 */
export function timeFormatter(c: Chunk, row0: number, to: DType): (i: number) => string {
  const d = c.dtype as Time;
  const w = words(c.values as BigInt64Array);
  const per = PER_SECOND[d.unit];
  const digits = FRACTION_DIGITS[d.unit];
  const day = TIME_PER_DAY[d.unit];
  return (i) => {
    const hi = w[2 * i + 1] as number;
    const t = hi * TWO32 + ((w[2 * i] as number) >>> 0);
    if (!(t >= 0 && t < day)) {
      throw castError(`${wordsText(w, i, true)} ${d.unit}`, row0 + i, d, to, "not a time of day (0 to 24 h)");
    }
    return timeOfDayText(t, per, t % per === 0 ? 0 : digits === 9 && t % 1000 === 0 ? 6 : digits);
  };
}

/**
 * Ticks since midnight of "HH:MM", "HH:MM:SS" or "HH:MM:SS.f…" (hours of
 * one or two digits, 1 to 9
 * fraction digits; surrounding spaces ignored), `per` ticks a second with
 * `digits` digits. Fraction digits beyond the unit must be zeros unless
 * `truncate` (then they round down). Returns -1 for text that is not a
 * time of day, -2 when digits would be lost.
 */
export function parseTimeOfDay(s: string, per: number, digits: number, truncate: boolean): number {
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*$/.exec(s);
  if (m === null) return -1;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || mi > 59 || sec > 59) return -1;
  let t = (h * 3600 + mi * 60 + sec) * per;
  const f = m[4];
  if (f !== undefined) {
    const kept = f.slice(0, digits);
    if (!truncate && /[1-9]/.test(f.slice(digits))) return -2;
    t += Number(kept) * 10 ** (digits - kept.length);
  }
  return t;
}

/** Parse text rows into a time chunk; errors name the row and the text. */
export function parseTimes(
  c: Chunk,
  to: Time,
  allow: Allow,
  text: (i: number) => string,
  fail: (i: number, why?: string) => CastError,
): Chunk {
  const n = c.length;
  const out = new BigInt64Array(n);
  const w = words(out);
  const per = PER_SECOND[to.unit];
  const digits = FRACTION_DIGITS[to.unit];
  for (let i = 0; i < n; i++) {
    if (!isValid(c, i)) continue;
    const t = parseTimeOfDay(text(i), per, digits, allow.timeTruncate);
    if (t === -1) throw fail(i, "expected a time of day HH:MM[:SS[.fffffffff]] from 00:00 to 23:59:59");
    if (t === -2) throw fail(i, `it would be truncated to ${to.unit} (allowTimeTruncate rounds down)`);
    const hi = Math.floor(t / TWO32);
    w[2 * i] = t - hi * TWO32;
    w[2 * i + 1] = hi;
  }
  return withValues(c, to, out);
}

/**
 * Check that every valid int64 of `c` is a time of day of `to`'s unit
 * (`0 <= v < 86400 s`); a read-only pass, the cast itself is a view.
 */
export function checkTimesOfDay(c: Chunk, to: Time, row0: number): void {
  const w = words(c.values as BigInt64Array);
  const day = TIME_PER_DAY[to.unit];
  for (let i = 0; i < c.length; i++) {
    const t = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
    if (!(t >= 0 && t < day) && isValid(c, i)) {
      throw castError(
        wordsText(w, i, true),
        row0 + i,
        c.dtype,
        to,
        `not a time of day (expected 0 <= v < ${day} ${to.unit})`,
      );
    }
  }
}

/**
 * ISO 8601 timestamps read straight from bytes into int64 nanosecond words:
 * `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM[:SS[.fraction]]`
 * (up to 9 fraction digits), then optionally `Z` or an offset `±HH[:MM[:SS]]`.
 * Values with an offset are stored as UTC.
 * @internal
 */
import { daysFromCivil, mulAddWords } from "../../core/kernels/cast-time-math.js";

/** Not an ISO timestamp. */
export const TS_NONE = 0;
/** No offset: a wall-clock time (naive timestamp). */
export const TS_NAIVE = 1;
/** With `Z` or an offset: stored as UTC. */
export const TS_UTC = 2;

const TWO32 = 4294967296;

/** `n` digits at buf[i..]: their value, or -1. */
function digits(buf: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = (buf[i + k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days in month `m` of year `y`. */
function monthDays(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parse buf[s, e) as an ISO timestamp into words w[2k], w[2k + 1]
 * (nanoseconds since 1970-01-01, UTC when an offset is given). Returns
 * TS_NONE (nothing written that matters), TS_NAIVE or TS_UTC.
 */
export function parseIsoBytes(buf: Uint8Array, s: number, e: number, w: Int32Array, k: number): number {
  if (e - s < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return TS_NONE;
  const y = digits(buf, s, 4);
  const mo = digits(buf, s + 5, 2);
  const d = digits(buf, s + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo)) return TS_NONE;
  let i = s + 10;
  let secs = 0;
  let frac = 0;
  if (i < e && (buf[i] === 84 || buf[i] === 32)) {
    // THH:MM[:SS[.f]]
    if (e - i < 6 || buf[i + 3] !== 58) return TS_NONE;
    const h = digits(buf, i + 1, 2);
    const mi = digits(buf, i + 4, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return TS_NONE;
    secs = h * 3600 + mi * 60;
    i += 6;
    if (i < e && buf[i] === 58) {
      const sec = digits(buf, i + 1, 2);
      if (e - i < 3 || sec < 0 || sec > 59) return TS_NONE;
      secs += sec;
      i += 3;
      if (i < e && (buf[i] === 46 || buf[i] === 44)) {
        i++;
        let n = 0;
        while (i < e && n < 9) {
          const dd = (buf[i] as number) - 48;
          if (dd < 0 || dd > 9) break;
          frac = frac * 10 + dd;
          n++;
          i++;
        }
        if (n === 0 || (i < e && (buf[i] as number) >= 48 && (buf[i] as number) <= 57)) return TS_NONE;
        for (; n < 9; n++) frac *= 10;
      }
    }
  }
  let zone = TS_NAIVE;
  if (i < e) {
    const c = buf[i] as number;
    if (c === 90 && i + 1 === e) zone = TS_UTC;
    else if (c === 43 || c === 45) {
      // ±HH, ±HHMM, ±HH:MM, or ±HH:MM:SS (historical local mean time offsets)
      const oh = digits(buf, i + 1, 2);
      const rest = e - i - 3;
      const colon = buf[i + 3] === 58;
      const om =
        rest === 0 ? 0 : rest === 2 ? digits(buf, i + 3, 2) : colon && rest >= 3 ? digits(buf, i + 4, 2) : -1;
      const os =
        rest === 6 && colon && buf[i + 6] === 58
          ? digits(buf, i + 7, 2)
          : rest === 0 || rest === 2 || rest === 3
            ? 0
            : -1;
      if (e - i < 3 || oh < 0 || oh > 23 || om < 0 || om > 59 || os < 0 || os > 59) return TS_NONE;
      secs -= (c === 45 ? -1 : 1) * (oh * 3600 + om * 60 + os);
      zone = TS_UTC;
    } else return TS_NONE;
  }
  const total = daysFromCivil(y, mo, d) * 86400 + secs;
  const hi = Math.floor(total / TWO32);
  // int64 nanoseconds reach 1677-09-21 to 2262-04-11; beyond that the text is not a timestamp here
  if (mulAddWords(w, k, hi, total - hi * TWO32, 1e9, frac)) return TS_NONE;
  return zone;
}

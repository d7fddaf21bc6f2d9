/**
 * The wall-clock reading of timestamps: each int64 count split into a day
 * number and the ticks since that day's midnight, in the column's zone.
 * Every `.dt` field, rounding and formatting kernel starts here, so the
 * 64-bit arithmetic (no BigInt) and the zone lookup live in one place.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import type { DateDay, Timestamp, TimeUnit } from "../dtype.js";
import { words } from "../int64.js";
import { PER_SECOND, zoneOf } from "./cast-time-math.js";

const TWO32 = 4294967296;

/** Ticks of each unit in one day (8.64e13 for ns: below 2^53). */
export const PER_DAY: Record<TimeUnit, number> = {
  s: 86400,
  ms: 86400e3,
  us: 86400e6,
  ns: 86400e9,
};

/** Day numbers and ticks of the day, element by element. */
export interface DayTicks {
  /** Days since 1970-01-01 of the local date (exact integers). */
  readonly days: Float64Array;
  /** Ticks since the local midnight, `0 <= t < perDay` (exact integers). */
  readonly ticks: Float64Array;
  /** Ticks per second of the chunk's unit (1 for dates). */
  readonly perSecond: number;
  /** Ticks per day of the chunk's unit (1 for dates). */
  readonly perDay: number;
  /** UTC offset in seconds applied to each element (null when none was: naive, UTC or dates). */
  readonly offsets: Float64Array | null;
}

/**
 * Split each element of a timestamp or date chunk into its local day and
 * tick of day. Zoned timestamps read in their zone (the offset in force at
 * that instant); naive ones read as they are stored. Null slots hold
 * whatever their storage holds: callers carry the validity over.
 *
 * Exact for every int64 value: `v mod perDay` is taken on the two 32-bit
 * words (`(hi·2^32) mod D` is an exact `fmod` of a double), and the day
 * quotient `(v − r) / D` is rounded from a double whose error is far below
 * one day.
 */
export function localDayTicks(c: Chunk<Timestamp | DateDay>): DayTicks {
  const n = c.length;
  const days = new Float64Array(n);
  const ticks = new Float64Array(n);
  if (c.dtype.kind === "date") {
    const v = c.values as Int32Array;
    for (let i = 0; i < n; i++) days[i] = v[i] as number;
    return { days, ticks, perSecond: 1, perDay: 1, offsets: null };
  }
  const { unit, tz } = c.dtype as Timestamp;
  const D = PER_DAY[unit];
  const per = PER_SECOND[unit];
  const w = words(c.values as BigInt64Array);
  for (let i = 0; i < n; i++) {
    const hi = (w[2 * i + 1] as number) * TWO32;
    const lo = (w[2 * i] as number) >>> 0;
    let r = ((hi % D) + lo) % D;
    if (r < 0) r += D;
    days[i] = Math.round((hi - r + lo) / D);
    ticks[i] = r;
  }
  const zone = zoneOf(tz);
  if (zone === null) return { days, ticks, perSecond: per, perDay: D, offsets: null };
  const offsets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = ticks[i] as number;
    const sec = (days[i] as number) * 86400 + Math.floor(t / per);
    const off = zone.at(sec);
    offsets[i] = off;
    let local = t + off * per;
    let d = days[i] as number;
    if (local < 0) {
      local += D;
      d -= 1;
    } else if (local >= D) {
      local -= D;
      d += 1;
    }
    days[i] = d;
    ticks[i] = local;
  }
  return { days, ticks, perSecond: per, perDay: D, offsets };
}

/** Proleptic Gregorian year, month (1–12) and day (1–31) of a day count (Hinnant's `civil_from_days`). */
export function civilFromDays(z: number, out: Int32Array): void {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}
